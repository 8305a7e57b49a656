import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSubtype, computeAmounts } from './contract-rules.ts';

const pay = (amountFen: bigint, dueOn = '2025-07-01') => ({ dueOn, amountFen });

describe('技术交易额 = 合同成交额 − 非技术性费用', () => {
  test('costs are subtracted from the total', () => {
    const r = computeAmounts({ totalFen: 50_000_000n, nonTechnicalCosts: [{ item: '设备', amountFen: 8_000_000n }, { item: '材料', amountFen: 2_000_000n }], payments: [pay(50_000_000n)] });
    expect(r).toEqual({ ok: true, amounts: { totalFen: 50_000_000n, nonTechnicalFen: 10_000_000n, technologyFen: 40_000_000n } });
  });
  test('a stated technology amount above the total is refused with the field named', () => {
    const r = computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [], technologyFen: 1_001n, payments: [pay(1_000n)] });
    expect(r).toMatchObject({ ok: false, problem: { code: 'technology_amount_exceeds_total', field: 'technologyFen' } });
  });
  test('costs above the total are refused as the same error', () => {
    const r = computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [{ item: '设备', amountFen: 1_001n }], payments: [pay(1_000n)] });
    expect(r).toMatchObject({ ok: false, problem: { code: 'technology_amount_exceeds_total' } });
  });
  test('a stated technology amount that disagrees with total − costs is refused and the right figure given', () => {
    const r = computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [{ item: '设备', amountFen: 300n }], technologyFen: 800n, payments: [pay(1_000n)] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('technology_amount_mismatch');
      expect(r.problem.message.zh).toContain('¥7.00');
    }
  });
  test('a zero total is refused', () => {
    expect(computeAmounts({ totalFen: 0n, nonTechnicalCosts: [], payments: [] })).toMatchObject({ ok: false, problem: { field: 'totalFen' } });
  });
  test('property: technology + non-technical = total whenever accepted', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { maxLength: 5 }), (total, costs) => {
      const r = computeAmounts({ totalFen: total, nonTechnicalCosts: costs.map((amountFen) => ({ item: 'x', amountFen })), payments: [pay(total)] });
      const sum = costs.reduce((a, b) => a + b, 0n);
      expect(r.ok).toBe(sum <= total);
      if (r.ok) {
        expect(r.amounts.technologyFen + r.amounts.nonTechnicalFen).toBe(total);
        expect(r.amounts.technologyFen).toBeGreaterThanOrEqual(0n);
      }
    }));
  });
});

describe('payment schedule', () => {
  test('instalments must add up to the total exactly', () => {
    const r = computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [], payments: [pay(400n), pay(599n, '2025-08-01')] });
    expect(r).toMatchObject({ ok: false, problem: { code: 'payment_schedule_mismatch', field: 'payments' } });
  });
  test('instalments out of date order are refused', () => {
    const r = computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [], payments: [pay(400n, '2025-09-01'), pay(600n, '2025-08-01')] });
    expect(r).toMatchObject({ ok: false, problem: { code: 'payment_schedule_order', field: 'payments.1.dueOn' } });
  });
  test('an empty schedule is refused', () => {
    expect(computeAmounts({ totalFen: 1_000n, nonTechnicalCosts: [], payments: [] })).toMatchObject({ ok: false, problem: { code: 'payment_schedule_empty' } });
  });
});

describe('sub-types', () => {
  test('development is commissioned or cooperative; service includes training and intermediary', () => {
    expect(checkSubtype('development', 'commissioned')).toBeNull();
    expect(checkSubtype('development', 'cooperative')).toBeNull();
    expect(checkSubtype('service', 'training')).toBeNull();
    expect(checkSubtype('service', 'intermediary')).toBeNull();
    expect(checkSubtype('development', 'training')?.code).toBe('contract_subtype_invalid');
  });
});
