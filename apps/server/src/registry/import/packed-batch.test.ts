import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fenText } from './packed-batch.ts';

describe('fenText', () => {
  test('is exactly String(fen) for every amount the import accepts, either sign', () => {
    for (const v of [0, 1, 999_999_999, 1_000_000_000, -1_000_000_000, 1_000_000_000_000_000, 8_650_500_000, -12_300_000_001, 1_000_000_000_000_005]) expect(fenText(v), String(v)).toBe(String(v));
    fc.assert(fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), (wan, below) => {
      const fen = wan * 1_000_000 + (wan < 0 ? -below : below);
      expect(fenText(fen)).toBe(String(fen));
    }), { numRuns: 5000 });
  });
  test('an empty amount is COPY null', () => {
    expect(fenText(null)).toBe('\\N');
  });
});
