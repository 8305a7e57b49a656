import { describe, expect, test } from 'vitest';
import type { Profile } from '../../types.ts';
import { crit } from '../../testing/find.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateSpecializedSme2022 } from './specialized-sme-2022.ts';
import { evaluateSpecializedSme2026 } from './specialized-sme-2026.ts';

const run22 = (p: Profile) => evaluateSpecializedSme2022(p, { assessedOn: AS_OF });
const run26 = (p: Profile) => evaluateSpecializedSme2026(p, { assessedOn: '2026-06-30' });

describe('specialized-sme 2022 (工信部企业〔2022〕63号 附件2)', () => {
  test('last-year R&D of exactly 100万 and exactly 3% of revenue meets condition (二)', () => {
    const r = run22(goodFirm({ financials: [year(2024, { rdExpense: 1_000_000, operatingRevenue: 33_333_333.33 })] }));
    expect(crit(r, 'rd_expense').status).toBe('met');
    expect(crit(r, 'rd_expense_ratio').status).toBe('met');
    const less = run22(goodFirm({ financials: [year(2024, { rdExpense: 999_999.99, operatingRevenue: 20_000_000 })] }));
    expect(crit(less, 'rd_expense').status).toBe('unmet');
    expect(less.gaps.find((g) => g.criterion === 'rd_expense')?.shortfall).toBe(0.01);
  });

  test('revenue under 1,000万 is made up for by 2,000万 of equity financing in two years', () => {
    const small = goodFirm({ financials: [year(2024, { operatingRevenue: 9_000_000, rdExpense: 1_000_000 })] });
    expect(crit(run22(small), 'revenue_or_financing').status).toBe('unmet');
    const funded = { ...small, equityFinancing: [{ amount: 20_000_000, date: '2024-01-15' }] };
    expect(crit(run22(funded), 'revenue_or_financing').status).toBe('met');
  });

  test('the score counts the four review-only indicators as 0–30, so a mid-range firm is undetermined', () => {
    const r = run22(goodFirm());
    const manual = r.criteria.filter((c) => c.status === 'manual_review' && c.id !== 'score').map((c) => c.id);
    expect(manual).toEqual(['product_field', 'digitalisation', 'quality_management', 'distinctiveness']);
    const score = r.score as { min: number; max: number };
    expect(score.max - score.min).toBe(30 + 2); // four review-only indicators + whether the invention is high value
    expect(r.outcome).toBe('undetermined');
  });

  test('a provincial award (top three) in the last three years passes directly', () => {
    const p = goodFirm({ awards: [{ level: 'provincial', rank: 2, year: 2023 }] });
    expect(crit(run22(p), 'direct_pass').status).toBe('met');
    expect(run22(p).outcome).toBe('qualified');
  });
});

describe('specialized-sme 2026 (工信部企业〔2026〕2号, secondary sources)', () => {
  const firm = (over: Partial<Profile> = {}): Profile =>
    goodFirm({ financials: [year(2024, { operatingRevenue: 15_000_000, mainBusinessRevenue: 12_000_000, rdExpense: 1_000_000 }), year(2025, { operatingRevenue: 15_000_000, mainBusinessRevenue: 12_000_000, rdExpense: 1_000_000, totalLiabilities: 32_000_000, totalAssets: 40_000_000 })], ...over });

  test('revenue of exactly 1,500万, main business exactly 80% and debt exactly 80% meet the new gates', () => {
    const r = run26(firm());
    for (const id of ['operating_revenue', 'main_business_share', 'debt_ratio', 'rd_expense', 'class1_ip']) expect([id, crit(r, id).status]).toEqual([id, 'met']);
    expect(r.outcome).toBe('undetermined');
  });

  test('R&D must be at least 3% in each of the two years, not on average', () => {
    const p = firm({ financials: [year(2024, { operatingRevenue: 15_000_000, rdExpense: 400_000 }), year(2025, { operatingRevenue: 15_000_000, rdExpense: 2_000_000 })] });
    expect(crit(run26(p), 'rd_expense').status).toBe('unmet');
    expect(run26(p).outcome).toBe('not_qualified');
  });
});
