import { describe, expect, test } from 'vitest';
import type { Profile, RuleResult } from '../../types.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateHnte } from './hnte.ts';

const run = (p: Profile, asOf = AS_OF): RuleResult => evaluateHnte(p, { assessedOn: asOf });
const crit = (r: RuleResult, id: string) => {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};
/** Three years with the given sales and R&D (oldest first). */
const threeYears = (sales: [number, number, number], rd: [number, number, number]): Profile =>
  goodFirm({ financials: sales.map((s, i) => year(2022 + i, { salesRevenue: s, rdExpense: rd[i], rdExpenseDomestic: rd[i] })) });

test('the good firm meets all eight conditions with a certain score above 70', () => {
  const r = run(goodFirm());
  expect(r.criteria.filter((c) => c.status !== 'met')).toEqual([]);
  expect(r.outcome).toBe('qualified');
});

describe('hnte R&D ratio (第十一条(五))', () => {
  test('R&D of exactly 4% with latest-year sales of 5,000万 falls short: 5,000万 is still in the 5% band', () => {
    const r = run(threeYears([50_000_000, 50_000_000, 50_000_000], [2_000_000, 2_000_000, 2_000_000]));
    expect(crit(r, 'rd_expense_ratio').threshold).toBe('≥ 5%');
    expect(crit(r, 'rd_expense_ratio').status).toBe('unmet');
  });

  test('R&D of exactly 4% with latest-year sales just above 5,000万 meets the threshold', () => {
    const r = run(threeYears([50_000_000, 50_000_000, 50_000_100], [2_000_000, 2_000_000, 2_000_004]));
    expect(crit(r, 'rd_expense_ratio').threshold).toBe('≥ 4%');
    expect(crit(r, 'rd_expense_ratio').status).toBe('met');
  });

  test('R&D of exactly 3% with latest-year sales above 2亿 meets; exactly 2亿 needs 4%', () => {
    const big = run(threeYears([300_000_000, 300_000_000, 300_000_000], [9_000_000, 9_000_000, 9_000_000]));
    expect(crit(big, 'rd_expense_ratio').status).toBe('met');
    const edge = run(threeYears([200_000_000, 200_000_000, 200_000_000], [6_000_000, 6_000_000, 6_000_000]));
    expect(crit(edge, 'rd_expense_ratio').threshold).toBe('≥ 4%');
    expect(crit(edge, 'rd_expense_ratio').status).toBe('unmet');
  });

  test('3.2% against 4% on 1.2亿 of three-year sales: 96.0万元 more R&D is needed', () => {
    const r = run(threeYears([30_000_000, 30_000_000, 60_000_000], [1_280_000, 1_280_000, 1_280_000]));
    const g = r.gaps.find((x) => x.criterion === 'rd_expense_ratio');
    expect(g?.message).toBe('研发费用占比 3.2% < 4%: 近三年还需增加研发投入 96.0万元');
    expect(g?.shortfall).toBe(960_000);
    expect(r.outcome).toBe('not_qualified');
  });

  test('at least 60% of R&D must be spent in China: exactly 60% meets', () => {
    const p = goodFirm({ financials: [2022, 2023, 2024].map((y) => year(y, { rdExpense: 1_000_000, rdExpenseDomestic: 600_000 })) });
    expect(crit(run(p), 'rd_domestic_share').status).toBe('met');
    const less = goodFirm({ financials: [2022, 2023, 2024].map((y) => year(y, { rdExpense: 1_000_000, rdExpenseDomestic: 599_999.99 })) });
    expect(crit(run(less), 'rd_domestic_share').status).toBe('unmet');
  });

  test('a firm younger than three years uses its actual period; an older firm with two years of data is unknown', () => {
    const young = goodFirm({ foundedOn: '2023-01-10', financials: [year(2023), year(2024)] });
    expect(crit(run(young), 'rd_expense_ratio').status).toBe('met');
    const old = goodFirm({ financials: [year(2023), year(2024)] });
    expect(crit(run(old), 'rd_expense_ratio').status).toBe('unknown');
    expect(run(old).outcome).toBe('undetermined');
  });
});

describe('hnte other conditions (第十一条)', () => {
  test('registered exactly one year before the assessment date is enough; a day less is not', () => {
    expect(crit(run(goodFirm({ foundedOn: '2024-06-30' })), 'registered_one_year').status).toBe('met');
    expect(crit(run(goodFirm({ foundedOn: '2024-07-01' })), 'registered_one_year').status).toBe('unmet');
  });

  test('science staff of exactly 10% meets; 9 of 91 does not', () => {
    expect(crit(run(goodFirm({ employees: 120, scienceStaff: 12 })), 'science_staff_ratio').status).toBe('met');
    const r = run(goodFirm({ employees: 91, scienceStaff: 9 }));
    expect(crit(r, 'science_staff_ratio').status).toBe('unmet');
    expect(r.gaps.find((g) => g.criterion === 'science_staff_ratio')?.shortfall).toBe(1);
  });

  test('high-tech revenue of exactly 60% meets', () => {
    const p = goodFirm({ financials: [year(2022), year(2023), year(2024, { highTechRevenue: 18_000_000, totalRevenue: 30_000_000 })] });
    expect(crit(run(p), 'high_tech_revenue_ratio').status).toBe('met');
  });

  test('no granted IP fails condition (二); a field outside the eight fails (三)', () => {
    expect(crit(run(goodFirm({ ip: [{ kind: 'invention', status: 'pending' }] })), 'owns_ip').status).toBe('unmet');
    expect(crit(run(goodFirm({ techField: '房地产' })), 'tech_field').status).toBe('unmet');
  });

  test('a serious environmental violation fails; serious dishonesty is not one of the hnte conditions', () => {
    const base = { majorSafetyOrQuality: false, seriousEnvironmental: false, seriousDishonesty: false, abnormalOperationListed: false };
    expect(run(goodFirm({ incidents: { ...base, seriousEnvironmental: true } })).outcome).toBe('not_qualified');
    expect(crit(run(goodFirm({ incidents: { ...base, seriousDishonesty: true } })), 'no_incidents').status).toBe('met');
  });
});

describe('hnte growth rates (工作指引 三(四))', () => {
  const growth = (key: 'netAssets' | 'salesRevenue', ys: [number, number, number]) => {
    const p = goodFirm({ financials: ys.map((v, i) => year(2022 + i, { [key]: v })) });
    return crit(run(p), key === 'netAssets' ? 'growth_net_assets' : 'growth_sales');
  };

  test('a rate of exactly 35% scores 9–10', () => {
    // ½ × (135/100 + 182.25/135) − 1 = 35%
    expect(growth('netAssets', [10_000_000, 13_500_000, 18_225_000]).points).toEqual({ min: 9, max: 10 });
  });

  test('a rate just below 35% scores 7–8', () => {
    expect(growth('netAssets', [10_000_000, 13_500_000, 18_224_999.99]).points).toEqual({ min: 7, max: 8 });
  });

  test('when year 1 is zero, the last two years are used', () => {
    const c = growth('salesRevenue', [0, 10_000_000, 11_000_000]);
    expect(c.value).toBe(10);
    expect(c.points).toEqual({ min: 3, max: 4 });
  });

  test('when year 2 is zero, the part scores 0', () => {
    expect(growth('salesRevenue', [10_000_000, 0, 50_000_000]).points).toBe(0);
  });

  test('a negative rate scores 0, and a rate of exactly 0 scores 0 (band E needs more than 0)', () => {
    expect(growth('salesRevenue', [10_000_000, 9_000_000, 8_000_000]).points).toBe(0);
    expect(growth('salesRevenue', [10_000_000, 10_000_000, 10_000_000]).points).toBe(0);
    expect(growth('salesRevenue', [10_000_000, 10_000_000, 10_000_000.01]).points).toEqual({ min: 1, max: 2 });
  });

  test('negative net assets in year 1 score 0 rather than a meaningless ratio', () => {
    expect(growth('netAssets', [-5_000_000, 1_000_000, 2_000_000]).points).toBe(0);
  });
});

describe('hnte innovation capability (第十一条(七), 工作指引 三)', () => {
  test('without expert scores, the expert-judged parts are manual_review ranges and the score is a range', () => {
    const r = run(goodFirm({ expert: undefined }));
    expect(crit(r, 'rd_management')).toMatchObject({ status: 'manual_review', points: { min: 0, max: 20 } });
    expect(crit(r, 'ip').status).toBe('manual_review');
    // ip 8–28 (0–8, 0–8, 7–8, 1–6), conversion 25–30, rd 0–20, net assets 9–10, sales 5–6
    expect(r.score).toEqual({ min: 8 + 25 + 0 + 9 + 5, max: 30 + 30 + 20 + 10 + 6 });
    expect(crit(r, 'innovation_score').status).toBe('manual_review');
    expect(r.outcome).toBe('undetermined');
  });

  test('with expert scores, the IP part sums the bands and is capped at 30', () => {
    const p = goodFirm({ expert: { hnte: { techAdvancement: 8, coreSupport: 8, rdManagement: 20 } }, standards: [{ level: 'national', role: 'lead' }] });
    expect(crit(run(p), 'ip').points).toEqual({ min: 24, max: 30 });
  });

  test('a score range topping out at exactly 70 is certain to fail: the score must exceed 70', () => {
    // no IP → 0; conversions 5 a year → 25–30; R&D management 20; both growth rates ≥ 35% → 9–10 each: 63–70
    const p = goodFirm({
      ip: [],
      conversions: [5, 5, 5],
      expert: { hnte: { rdManagement: 20 } },
      financials: [
        year(2022, { netAssets: 10_000_000, salesRevenue: 20_000_000 }),
        year(2023, { netAssets: 14_000_000, salesRevenue: 27_000_000 }),
        year(2024, { netAssets: 20_000_000, salesRevenue: 36_450_000 }),
      ],
    });
    const r = run(p);
    expect(r.score).toEqual({ min: 63, max: 70 });
    expect(crit(r, 'innovation_score').status).toBe('unmet');
    expect(r.gaps.find((g) => g.criterion === 'innovation_score')?.shortfall).toBe(1);
  });

  test('conversions average exactly 5 a year scores 25–30; a total of 14 scores 19–24', () => {
    expect(crit(run(goodFirm({ conversions: [5, 5, 5] })), 'conversion').points).toEqual({ min: 25, max: 30 });
    expect(crit(run(goodFirm({ conversions: [5, 5, 4] })), 'conversion').points).toEqual({ min: 19, max: 24 });
  });

  test('an average below one conversion a year scores 0', () => {
    expect(crit(run(goodFirm({ conversions: [1, 1, 0] })), 'conversion').points).toBe(0);
  });

  test('only transferred IP limits the acquisition part to 1–3', () => {
    const p = goodFirm({ ip: [{ kind: 'invention', status: 'granted', acquisition: 'transfer' }] });
    // 7 + 7 + (7–8) + (1–3) + 0
    expect(crit(run(p), 'ip').points).toEqual({ min: 22, max: 25 });
  });

  test('missing conversions make the score unknown, not zero', () => {
    const r = run(goodFirm({ conversions: undefined }));
    expect(crit(r, 'conversion').status).toBe('unknown');
    expect(crit(r, 'innovation_score').status).not.toBe('unmet');
  });
});
