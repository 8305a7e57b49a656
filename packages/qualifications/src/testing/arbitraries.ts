// fast-check arbitraries for valid profiles: complete ones, and the same with some data taken away.
import fc from 'fast-check';
import type { FiscalYear, IpKind, Profile } from '../types.ts';

const IP_KINDS: IpKind[] = ['invention', 'utility_model', 'design', 'software_copyright', 'ic_layout', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_protected_grade1'];

/** Amounts in 元 with fen precision, including round numbers that sit on band edges. */
const money = (max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 0, max: max * 100 }).map((f) => f / 100), fc.integer({ min: 0, max: max / 100_000 }).map((x) => x * 100_000));

const fiscal = (year: number): fc.Arbitrary<FiscalYear> =>
  fc
    .record({
      sales: money(500_000_000),
      rdShare: fc.integer({ min: 0, max: 150 }),
      domShare: fc.integer({ min: 0, max: 100 }),
      mainShare: fc.integer({ min: 0, max: 100 }),
      htShare: fc.integer({ min: 0, max: 100 }),
      costs: money(500_000_000),
      assets: money(500_000_000),
      debtShare: fc.integer({ min: 0, max: 120 }),
      netAssets: fc.integer({ min: -10_000_000, max: 300_000_000 }),
      netProfit: fc.integer({ min: -10_000_000, max: 50_000_000 }),
    })
    .map((r) => {
      // Every amount is a whole number of fen, as the profile's amounts are.
      const share = (x: number, perMille: number): number => Math.floor((Math.round(x * 100) * perMille) / 1000) / 100;
      const rd = share(r.sales, r.rdShare);
      return {
        year,
        salesRevenue: r.sales,
        operatingRevenue: r.sales,
        mainBusinessRevenue: share(r.sales, r.mainShare * 10),
        highTechRevenue: share(r.sales, r.htShare * 10),
        totalRevenue: r.sales,
        rdExpense: rd,
        rdExpenseDomestic: share(rd, r.domShare * 10),
        costsAndExpenses: r.costs,
        totalAssets: r.assets,
        totalLiabilities: share(r.assets, r.debtShare * 10),
        netAssets: r.netAssets,
        netProfit: r.netProfit,
      };
    });

const bool = fc.boolean();
const maybeDate = (from: number, to: number): fc.Arbitrary<string> =>
  fc.integer({ min: from, max: to }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** A complete, valid profile assessed in 2024–2027 (so both little-giant versions occur). */
export const completeProfile: fc.Arbitrary<Profile> = fc
  .record({
    employees: fc.integer({ min: 0, max: 800 }),
    scienceShare: fc.integer({ min: 0, max: 100 }),
    rdShare: fc.integer({ min: 0, max: 100 }),
    founded: maybeDate(0, 9000),
    assessed: maybeDate(8766, 10_000),
    latest: fc.integer({ min: 2021, max: 2025 }),
    y: fc.tuple(fiscal(0), fiscal(0), fiscal(0)),
    ip: fc.array(fc.record({ kind: fc.constantFrom(...IP_KINDS), status: fc.constantFrom('granted' as const, 'pending' as const), acquisition: fc.constantFrom('self' as const, 'transfer' as const, 'gift' as const, 'merger' as const) }), { maxLength: 10 }),
    conversions: fc.tuple(fc.nat(8), fc.nat(8), fc.nat(8)),
    hnteCert: bool,
    specCert: bool,
    awards: fc.array(fc.record({ level: fc.constantFrom('national' as const, 'provincial' as const), rank: fc.integer({ min: 1, max: 6 }), year: fc.integer({ min: 2015, max: 2024 }) }), { maxLength: 2 }),
    inst: fc.array(fc.record({ level: fc.constantFrom('national' as const, 'provincial' as const, 'municipal' as const) }), { maxLength: 2 }),
    standards: fc.array(fc.record({ level: fc.constantFrom('international' as const, 'national' as const, 'industry' as const, 'group' as const), role: fc.constantFrom('lead' as const, 'participant' as const), year: fc.integer({ min: 2015, max: 2024 }) }), { maxLength: 2 }),
    equity: fc.array(fc.record({ amount: money(100_000_000), days: fc.integer({ min: 0, max: 1500 }) }), { maxLength: 2 }),
    incidents: fc.record({ majorSafetyOrQuality: bool, seriousEnvironmental: bool, seriousDishonesty: bool, abnormalOperationListed: bool }),
    restricted: bool,
    listed: bool,
    priv: bool,
    valuation: fc.integer({ min: 0, max: 3_000_000_000 }),
    expert: fc.record({ techAdvancement: fc.integer({ min: 0, max: 8 }), coreSupport: fc.integer({ min: 0, max: 8 }), rdManagement: fc.integer({ min: 0, max: 20 }) }),
  })
  .filter((r) => r.founded <= r.assessed)
  .map((r): Profile => {
    const employees = r.employees;
    const at = (d: number): string => new Date(Date.parse(r.assessed) - d * 86_400_000).toISOString().slice(0, 10);
    return {
      id: 'p',
      foundedOn: r.founded,
      assessedOn: r.assessed,
      employees,
      scienceStaff: Math.floor((employees * r.scienceShare) / 100),
      rdStaff: Math.floor((employees * r.rdShare) / 100),
      techField: '电子信息',
      financials: r.y.map((f, i) => ({ ...f, year: r.latest - 2 + i })),
      ip: r.ip,
      conversions: r.conversions,
      certificates: [
        ...(r.hnteCert ? [{ kind: 'hnte', validFrom: at(400), validUntil: at(-300) }] : []),
        ...(r.specCert ? [{ kind: 'specialized-sme', validFrom: at(400), validUntil: at(-300) }] : []),
      ],
      awards: r.awards,
      rdInstitutions: r.inst,
      standards: r.standards,
      equityFinancing: r.equity.map((e) => ({ amount: e.amount, date: at(e.days) })),
      incidents: r.incidents,
      industryRestricted: r.restricted,
      listed: r.listed,
      privatelyFunded: r.priv,
      valuationUsd: r.valuation,
      expert: { hnte: r.expert },
    };
  });

const TOP_KEYS = ['foundedOn', 'employees', 'scienceStaff', 'rdStaff', 'techField', 'ip', 'conversions', 'certificates', 'awards', 'rdInstitutions', 'standards', 'equityFinancing', 'incidents', 'industryRestricted', 'listed', 'privatelyFunded', 'valuationUsd', 'expert'] as const;
const YEAR_KEYS = ['salesRevenue', 'operatingRevenue', 'mainBusinessRevenue', 'highTechRevenue', 'totalRevenue', 'rdExpense', 'rdExpenseDomestic', 'costsAndExpenses', 'totalAssets', 'netAssets', 'totalLiabilities', 'netProfit'] as const;

/** The same profile with some fields (top-level or inside fiscal years) taken away. */
export function withoutFields(p: Profile, top: readonly number[], inYears: readonly (readonly number[])[]): Profile {
  const q: Record<string, unknown> = { ...p };
  for (const i of top) delete q[TOP_KEYS[i % TOP_KEYS.length]!];
  q.financials = p.financials?.map((f, yi) => {
    const g: Record<string, unknown> = { ...f };
    for (const k of inYears[yi] ?? []) delete g[YEAR_KEYS[k % YEAR_KEYS.length]!];
    return g;
  });
  return q as unknown as Profile;
}

export const removals = fc.record({
  top: fc.array(fc.nat(TOP_KEYS.length - 1), { maxLength: 4 }),
  inYears: fc.tuple(fc.array(fc.nat(YEAR_KEYS.length - 1), { maxLength: 3 }), fc.array(fc.nat(YEAR_KEYS.length - 1), { maxLength: 3 }), fc.array(fc.nat(YEAR_KEYS.length - 1), { maxLength: 3 })),
});
