import { describe, expect, test } from 'vitest';
import type { Profile } from '../../types.ts';
import { crit } from '../../testing/find.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateInnovativeSme } from './innovative-sme.ts';

const run = (p: Profile) => evaluateInnovativeSme(p, { assessedOn: AS_OF });
const lastYear = (f: Parameters<typeof year>[1]): Profile => goodFirm({ financials: [year(2023), year(2024, f)] });

describe('innovative-sme indicators (工信部企业〔2022〕63号 附件1)', () => {
  test('R&D of exactly 5% of revenue scores 15; above 5% scores 20 (DOMAIN: ">5%")', () => {
    expect(crit(run(lastYear({ rdExpense: 1_500_000, operatingRevenue: 30_000_000 })), 'rd_ratio').points).toBe(15);
    expect(crit(run(lastYear({ rdExpense: 1_500_000.01, operatingRevenue: 30_000_000 })), 'rd_ratio').points).toBe(20);
  });

  test('a debt ratio of exactly 55% scores 5, below it 10, above 75% nothing', () => {
    expect(crit(run(lastYear({ totalLiabilities: 55, totalAssets: 100 })), 'debt_ratio').points).toBe(5);
    expect(crit(run(lastYear({ totalLiabilities: 54.99, totalAssets: 100 })), 'debt_ratio').points).toBe(10);
    expect(crit(run(lastYear({ totalLiabilities: 75.01, totalAssets: 100 })), 'debt_ratio').points).toBe(0);
  });

  test('main-business growth of exactly 0% still scores 5; a fall scores 0', () => {
    const growth = (a: number, b: number) => crit(run(goodFirm({ financials: [year(2023, { mainBusinessRevenue: a }), year(2024, { mainBusinessRevenue: b })] })), 'main_revenue_growth').points;
    expect(growth(20_000_000, 20_000_000)).toBe(5);
    expect(growth(20_000_000, 19_999_999.99)).toBe(0);
  });

  test('a high total does not pass when the innovation indicators are below 20', () => {
    // no IP (0) + R&D 3% (15) = 15 < 20, although growth, debt and specialisation give 50–60
    const p = goodFirm({
      ip: [],
      financials: [year(2023, { mainBusinessRevenue: 20_000_000 }), year(2024, { rdExpense: 900_000, operatingRevenue: 30_000_000, mainBusinessRevenue: 27_000_000, totalLiabilities: 10_000_000 })],
    });
    const r = run(p);
    expect(crit(r, 'score').status).toBe('unmet');
    expect(r.outcome).toBe('not_qualified');
    expect(r.gaps.some((g) => g.message.includes('创新能力'))).toBe(true);
  });

  test('≥ 500万 of equity financing in the last three years passes directly', () => {
    const weak = goodFirm({ ip: [], financials: [year(2023), year(2024, { rdExpense: 0 })] });
    expect(run(weak).outcome).toBe('not_qualified');
    expect(run({ ...weak, equityFinancing: [{ amount: 5_000_000, date: '2023-01-01' }] }).outcome).toBe('qualified');
    expect(run({ ...weak, equityFinancing: [{ amount: 5_000_000, date: '2022-06-30' }] }).outcome).toBe('not_qualified');
  });

  test('a self-developed invention is worth 15–20: whether it is "high value" needs review', () => {
    expect(crit(run(goodFirm()), 'ip').points).toEqual({ min: 15, max: 20 });
  });
});

test('any national or provincial award in three years passes directly, even without a rank', () => {
  const weak = goodFirm({ ip: [], financials: [year(2023), year(2024, { rdExpense: 0 })] });
  expect(run({ ...weak, awards: [{ level: 'provincial', year: 2023 }] }).outcome).toBe('qualified');
});
