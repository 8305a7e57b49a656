import { describe, expect, test } from 'vitest';
import type { Profile } from '../../types.ts';
import { crit } from '../../testing/find.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateLittleGiant2022 } from './little-giant-2022.ts';
import { evaluateLittleGiant2026 } from './little-giant-2026.ts';

const cert = [{ kind: 'specialized-sme', validFrom: '2024-01-01', validUntil: '2026-12-31' }];
const revenueYears = (rev: number, rd: number): Profile['financials'] => [
  year(2022, { operatingRevenue: rev, mainBusinessRevenue: rev * 0.8, rdExpense: rd }),
  year(2023, { operatingRevenue: rev, mainBusinessRevenue: rev * 0.85, rdExpense: rd }),
  year(2024, { operatingRevenue: rev, mainBusinessRevenue: rev * 0.9, rdExpense: rd }),
];

describe('little-giant 2022 (工信部企业〔2022〕63号 附件3)', () => {
  const run = (p: Profile) => evaluateLittleGiant2022(p, { assessedOn: AS_OF });

  test('revenue of exactly 1亿 needs 6% R&D in each year; above 1亿, 3% is enough', () => {
    expect(crit(run(goodFirm({ certificates: cert, financials: revenueYears(100_000_000, 3_000_000) })), 'rd_intensity').status).toBe('unmet');
    expect(crit(run(goodFirm({ certificates: cert, financials: revenueYears(100_000_000.01, 3_000_000.01) })), 'rd_intensity').status).toBe('met');
    expect(crit(run(goodFirm({ certificates: cert, financials: revenueYears(100_000_000, 6_000_000) })), 'rd_intensity').status).toBe('met');
  });

  test('without a valid specialised-SME recognition the firm cannot be a little giant', () => {
    const r = run(goodFirm({ certificates: [], financials: revenueYears(200_000_000, 8_000_000) }));
    expect(crit(r, 'specialized_sme_certified').status).toBe('unmet');
    expect(r.outcome).toBe('not_qualified');
  });

  test('a firm meeting every datum-based condition is still undetermined: niche share, supply chain and field need review', () => {
    const p = goodFirm({
      certificates: cert,
      financials: revenueYears(200_000_000, 8_000_000),
      rdInstitutions: [{ level: 'provincial' }],
      ip: [{ kind: 'invention', status: 'granted', acquisition: 'self' }, { kind: 'invention', status: 'granted', acquisition: 'self' }],
    });
    const r = run(p);
    // The innovation direct path (a national award) is an alternative, so it may be unmet.
    expect(r.criteria.filter((c) => c.status === 'unmet').map((c) => c.id)).toEqual(['innovation_direct']);
    expect(r.criteria.filter((c) => c.status === 'manual_review').map((c) => c.id)).toEqual(['refinement', 'market_share', 'supply_chain', 'product_field']);
    expect(r.outcome).toBe('undetermined');
  });
});

describe('little-giant 2026 (工信部企业〔2026〕2号, secondary sources)', () => {
  const run = (p: Profile) => evaluateLittleGiant2026(p, { assessedOn: '2026-06-30' });

  test('a two-year compound growth of exactly 5% meets the growth condition', () => {
    const fs = [year(2023, { mainBusinessRevenue: 100_000_000 }), year(2024, { mainBusinessRevenue: 104_000_000 }), year(2025, { mainBusinessRevenue: 110_250_000 })];
    expect(crit(run(goodFirm({ financials: fs })), 'revenue_cagr').status).toBe('met');
    fs[2] = year(2025, { mainBusinessRevenue: 110_249_999.99 });
    expect(crit(run(goodFirm({ financials: fs })), 'revenue_cagr').status).toBe('unmet');
  });

  test('two-year R&D must reach 1,200万 in total', () => {
    const fs = [year(2024, { operatingRevenue: 100_000_000, rdExpense: 6_000_000 }), year(2025, { operatingRevenue: 100_000_000, rdExpense: 5_999_999.99 })];
    expect(crit(run(goodFirm({ financials: fs })), 'rd_expense').status).toBe('unmet');
  });
});
