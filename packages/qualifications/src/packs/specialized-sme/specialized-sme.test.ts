import { describe, expect, test } from 'vitest';
import type { FiscalYear, Profile } from '../../types.ts';
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
    expect(manual).toEqual(['product_field', 'digitalisation', 'quality_management', 'distinctiveness', 'rd_institution']);
    const score = r.score as { min: number; max: number };
    // four review-only indicators + whether the invention is high value + a possible institution below municipal level
    expect(score.max - score.min).toBe(30 + 2 + 2);
    expect(r.outcome).toBe('undetermined');
  });

  test('指标1 and 指标8: "80%以上" and "50%以下" include the edge; a shared edge (70% debt) goes to the better band', () => {
    const at = (f: Partial<FiscalYear>) => run22(goodFirm({ financials: [year(2024, f)] }));
    expect(crit(at({ mainBusinessRevenue: 24_000_000 }), 'main_business_share').points).toBe(5);
    expect(crit(at({ mainBusinessRevenue: 23_999_999.99 }), 'main_business_share').points).toBe(3);
    expect(crit(at({ totalLiabilities: 20_000_000 }), 'debt_ratio').points).toBe(5);
    expect(crit(at({ totalLiabilities: 28_000_000 }), 'debt_ratio').points).toBe(1);
    expect(crit(at({ totalLiabilities: 28_000_000.01 }), 'debt_ratio').points).toBe(0);
  });

  test('指标13: 市级 scores 4; without an institution of municipal level or above it is 0–2 (市级以下 2 needs review)', () => {
    expect(crit(run22(goodFirm({ rdInstitutions: [{ level: 'municipal' }] })), 'rd_institution').points).toBe(4);
    const none = crit(run22(goodFirm({ rdInstitutions: [] })), 'rd_institution');
    expect([none.status, none.points]).toEqual(['manual_review', { min: 0, max: 2 }]);
  });

  test('直通 1: a provincial award (top three) or a national award (top five) in the last three years passes directly', () => {
    const p = goodFirm({ awards: [{ level: 'provincial', rank: 2, year: 2023 }] });
    expect(crit(run22(p), 'direct_pass').status).toBe('met');
    expect(run22(p).outcome).toBe('qualified');
    expect(crit(run22(goodFirm({ awards: [{ level: 'national', rank: 5, year: 2023 }] })), 'direct_pass').status).toBe('met');
    const sixth = run22(goodFirm({ awards: [{ level: 'national', rank: 6, year: 2023 }] }));
    expect(crit(sixth, 'direct_pass').status).toBe('unmet');
    expect(sixth.outcome).toBe('undetermined');
  });

  test('直通 2: R&D averaging exactly 1,000万 over the last two years passes directly, one fen less does not', () => {
    const rd = (a: number, b: number) => goodFirm({ financials: [year(2023, { operatingRevenue: 100_000_000, rdExpense: a }), year(2024, { operatingRevenue: 100_000_000, rdExpense: b })] });
    const at = run22(rd(10_000_000.01, 9_999_999.99));
    expect(crit(at, 'direct_pass').status).toBe('met');
    expect(at.outcome).toBe('qualified');
    expect(crit(run22(rd(10_000_000.01, 9_999_999.98)), 'direct_pass').status).toBe('unmet');
    // Only the latest year given: unknown below 2,000万, met from 2,000万 (the missing year cannot be negative).
    expect(crit(run22(goodFirm({ financials: [year(2024, { rdExpense: 19_999_999.99, operatingRevenue: 100_000_000 })] })), 'direct_pass').status).toBe('unknown');
    expect(crit(run22(goodFirm({ financials: [year(2024, { rdExpense: 20_000_000, operatingRevenue: 100_000_000 })] })), 'direct_pass').status).toBe('met');
  });

  test('直通 3: 6,000万 of equity financing in the last two years passes directly, one fen less does not', () => {
    const eq = (amount: number) => goodFirm({ equityFinancing: [{ amount: 40_000_000, date: '2023-07-01' }, { amount, date: '2025-01-15' }] });
    expect(crit(run22(eq(20_000_000)), 'direct_pass').status).toBe('met');
    expect(run22(eq(20_000_000)).outcome).toBe('qualified');
    expect(crit(run22(eq(19_999_999.99)), 'direct_pass').status).toBe('unmet');
    // Financing two years or more before the assessment date does not count.
    expect(crit(run22(goodFirm({ equityFinancing: [{ amount: 60_000_000, date: '2023-06-30' }] })), 'direct_pass').status).toBe('unmet');
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
