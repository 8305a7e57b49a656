// The target rules as properties over years and values (no database).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkTarget } from './plan-rules.ts';

const plan = { startPeriod: '2000', endPeriod: '2100' };
const codeOf = (f: () => void): string | null => {
  try { f(); return null; } catch (e) { if (e instanceof DomainError) return e.code; throw e; }
};

test('a target year after the baseline year passes; in or before it is refused', () => {
  fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 2000, max: 2100 }), (baseline, target) => {
    const code = codeOf(() => checkTarget({ baselinePeriod: String(baseline), baselineValue: 1, targetPeriod: String(target), targetValue: 2, comparison: 'at_least' }, plan, '家'));
    expect(code).toBe(target > baseline ? null : 'target_before_baseline');
  }));
});

test('negative values are refused; percentages above 100 only for % indicators', () => {
  fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('%', '家'), (value, unit) => {
    const code = codeOf(() => checkTarget({ baselinePeriod: null, baselineValue: null, targetPeriod: '2025', targetValue: value, comparison: 'at_least' }, plan, unit));
    expect(code).toBe(value < 0 ? 'negative_value' : unit === '%' && value > 100 ? 'percentage_over_100' : null);
  }));
});
