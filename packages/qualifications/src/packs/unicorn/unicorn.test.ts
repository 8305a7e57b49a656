import { describe, expect, test } from 'vitest';
import type { Profile } from '../../types.ts';
import { crit } from '../../testing/find.ts';
import { COMMON_UNICORN, evaluateUnicorn } from './unicorn.ts';

const run = (p: Omit<Profile, 'id'>) => evaluateUnicorn(COMMON_UNICORN, { id: 'u', ...p }, { assessedOn: '2025-06-30' });
const base = { foundedOn: '2018-01-01', privatelyFunded: true, listed: false };

describe('unicorn, common definition (default)', () => {
  test('a valuation of exactly US$1bn is not enough: it must exceed it', () => {
    expect(run({ ...base, valuationUsd: 1_000_000_000 }).outcome).toBe('not_qualified');
    expect(run({ ...base, valuationUsd: 1_000_000_001 }).outcome).toBe('qualified');
  });

  test('a firm founded more than ten years ago is not a unicorn', () => {
    expect(crit(run({ ...base, foundedOn: '2015-06-29', valuationUsd: 2e9 }), 'age').status).toBe('unmet');
    expect(crit(run({ ...base, foundedOn: '2015-06-30', valuationUsd: 2e9 }), 'age').status).toBe('met');
  });

  test('potential unicorn: 5–9 years and US$100m–1bn is reported without deciding the outcome', () => {
    const r = run({ ...base, valuationUsd: 300_000_000 });
    expect(crit(r, 'potential_unicorn').status).toBe('met');
    expect(r.outcome).toBe('not_qualified');
  });

  test('an unknown valuation is undetermined', () => {
    expect(run(base).outcome).toBe('undetermined');
  });
});
