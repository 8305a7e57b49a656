import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fixed2, fmtMoney, fmtPct, fmtWanCeil } from './format.ts';

test('fixed2 prints what toFixed(2) prints, without trailing zeros', () => {
  fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (hundredths) => {
    const x = hundredths / 100;
    expect(fixed2(x)).toBe(String(Number(x.toFixed(2))));
  }), { numRuns: 2000 });
});

test('messages show 3.2%, 96.0万元 and 2亿元 as the issue writes them', () => {
  expect(fmtPct(384, 12_000)).toBe('3.2%');
  expect(fmtWanCeil(960_000)).toBe('96.0万元');
  expect(fmtWanCeil(950_001)).toBe('95.1万元');
  expect(fmtMoney(200_000_000)).toBe('2亿元');
  expect(fmtMoney(50_000_000)).toBe('5000万元');
});
