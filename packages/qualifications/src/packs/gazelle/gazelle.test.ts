import { describe, expect, test } from 'vitest';
import type { Profile } from '../../types.ts';
import { evaluateProfile } from '../../evaluate.ts';
import { DEFAULT_PACKS } from '../../registry.ts';
import { crit } from '../../testing/find.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateGazelle, gazellePack, SHANDONG_GAZELLE } from './gazelle.ts';

const run = (p: Profile) => evaluateGazelle(SHANDONG_GAZELLE, p, { assessedOn: AS_OF });
const grown = (from: number, to: number): Profile['financials'] => [year(2022, { operatingRevenue: from }), year(2023), year(2024, { operatingRevenue: to, rdExpense: to * 0.05 })];

describe('gazelle, Shandong definition (default)', () => {
  test('1,500万 of revenue needs a 25% two-year compound growth: exactly 25% is enough', () => {
    // 9,600,000 × 1.25² = 15,000,000
    expect(crit(run(goodFirm({ financials: grown(9_600_000, 15_000_000) })), 'revenue_growth').status).toBe('met');
    expect(crit(run(goodFirm({ financials: grown(9_600_000.01, 15_000_000) })), 'revenue_growth').status).toBe('unmet');
  });

  test('revenue of exactly 4亿 is still in the 15% band; above it 10% is enough', () => {
    expect(crit(run(goodFirm({ financials: grown(350_000_000, 400_000_000) })), 'revenue_growth').threshold).toBe('≥ 15%');
    expect(crit(run(goodFirm({ financials: grown(350_000_000, 400_000_000.01) })), 'revenue_growth').threshold).toBe('≥ 10%');
  });

  test('a debt ratio of exactly 70% fails (must be below 70%)', () => {
    const p = goodFirm({ financials: [year(2024, { totalLiabilities: 70, totalAssets: 100 })] });
    expect(crit(run(p), 'debt_ratio').status).toBe('unmet');
  });

  test('a region can pass its own definition', () => {
    const lenient = gazellePack({ ...SHANDONG_GAZELLE, version: 'test-region', maxDebtPercent: 80 });
    const packs = [...DEFAULT_PACKS.filter((x) => x.rule !== 'gazelle'), lenient];
    const p = goodFirm({ listed: false, financials: [year(2022), year(2023), year(2024, { totalLiabilities: 70, totalAssets: 100 })] });
    const r = evaluateProfile(p, { rules: ['gazelle'], packs }).results[0]!;
    expect(r.version).toBe('test-region');
    expect(crit(r, 'debt_ratio').status).toBe('met');
  });
});
