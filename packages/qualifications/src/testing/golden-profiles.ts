// Seeded profiles for the golden-equivalence test: the benchmark's shape of firm (bench/qualifications-profiles.ts,
// copied here so the bench can change freely) widened to reach every branch the packs have: amounts that sit
// exactly on band edges, data taken away, young firms with fewer years, every certificate, award, standard and
// financing case, and the gazelle/unicorn extension fields. Self-contained (no fast-check) so the sequence of
// profiles can never change under a library upgrade.
import type { FiscalYear, IpAcquisition, IpAsset, IpKind, Profile } from '../types.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IP_KINDS: IpKind[] = ['invention', 'utility_model', 'design', 'software_copyright', 'ic_layout', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_protected_grade1'];
const ACQ: IpAcquisition[] = ['self', 'transfer', 'gift', 'merger'];
const CERTS = ['hnte', 'specialized-sme', 'tech-innovation-demo', 'ip-advantage', 'ip-demo', 'little-giant'];
/** Revenue levels on the packs' edges (5000万, 1亿, 2亿, 4亿 …) and ratios on their percent edges. */
const EDGE_REVENUE = [10_000_000, 15_000_000, 20_000_000, 50_000_000, 100_000_000, 200_000_000, 400_000_000];
const EDGE_SHARE = [0, 0.01, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9];
const YEAR_KEYS = ['salesRevenue', 'operatingRevenue', 'mainBusinessRevenue', 'highTechRevenue', 'totalRevenue', 'rdExpense', 'rdExpenseDomestic', 'costsAndExpenses', 'totalAssets', 'netAssets', 'totalLiabilities', 'netProfit'] as const;
const TOP_KEYS = ['foundedOn', 'employees', 'scienceStaff', 'rdStaff', 'techField', 'financials', 'ip', 'conversions', 'certificates', 'awards', 'rdInstitutions', 'standards', 'equityFinancing', 'incidents', 'industryRestricted', 'listed', 'valuationUsd', 'privatelyFunded', 'expert'] as const;

const fen = (x: number): number => Math.round(x * 100) / 100;
const pad = (n: number): string => String(n).padStart(2, '0');

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** A real calendar date between two years, including 29 February in leap years. */
function date(rand: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rand() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rand() * 12);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  const d = rand() < 0.1 ? days : 1 + Math.floor(rand() * days);
  return `${y}-${pad(m)}-${pad(d)}`;
}

function fiscalYear(rand: () => number, year: number, s: number, netAssets: number, onEdge: boolean): FiscalYear {
  if (onEdge) {
    // Round amounts whose ratios land exactly on an edge: the exact (bigint) comparisons decide these.
    const rev = pick(rand, EDGE_REVENUE);
    const rd = fen(rev * pick(rand, EDGE_SHARE));
    const assets = pick(rand, EDGE_REVENUE);
    return {
      year,
      salesRevenue: rev,
      operatingRevenue: rev,
      mainBusinessRevenue: fen(rev * pick(rand, EDGE_SHARE.slice(12))),
      highTechRevenue: fen(rev * pick(rand, EDGE_SHARE.slice(12))),
      totalRevenue: rev,
      rdExpense: rd,
      rdExpenseDomestic: fen(rd * pick(rand, [0.6, 0.59, 1, 0])),
      costsAndExpenses: fen(rd / pick(rand, [0.1, 0.15, 0.2, 0.25, 0.3, 1])),
      totalAssets: assets,
      totalLiabilities: fen(assets * pick(rand, EDGE_SHARE.slice(13))),
      netAssets,
      netProfit: fen(rev * pick(rand, [-0.02, 0, 0.02, 0.04, 0.1])),
    };
  }
  const rd = fen(s * rand() * 0.12);
  const op = fen(s * (1 + rand() * 0.1));
  return {
    year,
    salesRevenue: fen(s),
    operatingRevenue: op,
    mainBusinessRevenue: fen(op * (0.4 + rand() * 0.6)),
    highTechRevenue: fen(op * rand()),
    totalRevenue: op,
    rdExpense: rd,
    rdExpenseDomestic: fen(rd * (0.4 + rand() * 0.6)),
    costsAndExpenses: fen(s * (0.6 + rand() * 0.4)),
    totalAssets: fen(s * (0.5 + rand())),
    totalLiabilities: fen(s * rand() * 0.9),
    netAssets,
    netProfit: fen(s * (rand() * 0.2 - 0.05)),
  };
}

/** Profile number i of the golden set; all assessed on 2025-06-30 unless the test overrides the date. */
export function goldenProfile(rand: () => number, i: number): Profile {
  const young = rand() < 0.15;
  const foundedOn = young ? date(rand, 2023, 2025).replace(/^2025-(0[7-9]|1[0-2])/, '2025-01') : date(rand, 1995, 2022);
  const sales = rand() < 0.05 ? 0 : fen(Math.exp(rand() * 20.5));
  const growth = 0.7 + rand() * 0.9;
  const nYears = young ? 1 + Math.floor(rand() * 3) : rand() < 0.1 ? Math.floor(rand() * 3) : 3;
  const lastYear = rand() < 0.8 ? 2024 : 2023 + Math.floor(rand() * 3);
  const years: FiscalYear[] = [];
  let s = sales / growth ** nYears;
  let netAssets = fen(sales * (rand() * 1.2 - (rand() < 0.05 ? 1.5 : 0)));
  for (let k = nYears - 1; k >= 0; k--) {
    years.push(fiscalYear(rand, lastYear - k, s, netAssets, rand() < 0.12));
    s = fen(s * growth);
    netAssets = rand() < 0.05 ? 0 : fen(netAssets * (0.8 + rand() * 0.6));
  }
  if (years.length === 3 && rand() < 0.05) years.splice(1, 1); // a gap in the series
  if (rand() < 0.5) years.reverse(); // the engine must not trust the order

  const employees = rand() < 0.03 ? 0 : 1 + Math.floor(rand() * 700);
  const ip: IpAsset[] = [];
  const nIp = Math.floor(rand() * 10);
  for (let k = 0; k < nIp; k++) ip.push({ kind: pick(rand, IP_KINDS), status: rand() < 0.8 ? 'granted' : 'pending', ...(rand() < 0.95 ? { acquisition: rand() < 0.7 ? 'self' : pick(rand, ACQ) } : {}) });
  const certificates = [];
  for (const kind of CERTS)
    if (rand() < 0.15) {
      const from = date(rand, 2020, 2025);
      certificates.push({ kind, validFrom: from, validUntil: rand() < 0.2 ? '2025-06-30' : date(rand, Number(from.slice(0, 4)), 2028) });
    }
  const p: Profile = {
    id: `G${i}`,
    foundedOn,
    assessedOn: '2025-06-30',
    employees,
    scienceStaff: Math.floor(employees * rand() * 0.5),
    rdStaff: Math.floor(employees * rand() * (rand() < 0.1 ? 1 : 0.4)),
    techField: rand() < 0.7 ? '先进制造与自动化' : pick(rand, ['电子信息/软件', '房地产', ' 新材料 ', '']),
    financials: years,
    ip,
    conversions: Array.from({ length: young ? Math.floor(rand() * 4) : rand() < 0.1 ? Math.floor(rand() * 3) : 3 }, () => Math.floor(rand() * 8)),
    certificates: certificates.filter((c) => c.validFrom <= c.validUntil),
    awards: rand() < 0.25 ? [{ level: rand() < 0.4 ? 'national' : 'provincial', ...(rand() < 0.85 ? { rank: 1 + Math.floor(rand() * 5) } : {}), year: 2018 + Math.floor(rand() * 8) }] : [],
    rdInstitutions: rand() < 0.4 ? [{ level: pick(rand, ['national', 'provincial', 'municipal'] as const) }] : [],
    standards: rand() < 0.25 ? [{ level: pick(rand, ['international', 'national', 'industry', 'group'] as const), role: rand() < 0.6 ? 'lead' : 'participant', ...(rand() < 0.85 ? { year: 2018 + Math.floor(rand() * 8) } : {}) }] : [],
    equityFinancing: rand() < 0.2 ? [{ amount: pick(rand, [5_000_000, 20_000_000, 80_000_000, fen(rand() * 1e8)]), date: date(rand, 2021, 2025).replace(/^2025-(0[7-9]|1[0-2])/, '2025-06') }] : [],
    incidents: { majorSafetyOrQuality: rand() < 0.03, seriousEnvironmental: rand() < 0.03, seriousDishonesty: rand() < 0.03, abnormalOperationListed: rand() < 0.03 },
    industryRestricted: rand() < 0.05,
    listed: rand() < 0.1,
    privatelyFunded: rand() < 0.5,
    valuationUsd: pick(rand, [50_000_000, 100_000_000, 1_000_000_000, Math.floor(rand() * 3e9)]),
    ...(rand() < 0.5 ? { expert: { hnte: { techAdvancement: Math.floor(rand() * 9), coreSupport: Math.floor(rand() * 9), ...(rand() < 0.8 ? { rdManagement: Math.floor(rand() * 21) } : {}) } } } : {}),
  };
  return rand() < 0.3 ? takeAway(rand, p) : p;
}

/** The same profile with a few fields missing, at the top level or inside fiscal years. */
function takeAway(rand: () => number, p: Profile): Profile {
  const q: Record<string, unknown> = { ...p };
  const n = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) delete q[pick(rand, TOP_KEYS)];
  if (Array.isArray(q.financials))
    q.financials = (q.financials as FiscalYear[]).map((f) => {
      if (rand() > 0.3) return f;
      const g: Record<string, unknown> = { ...f };
      delete g[pick(rand, YEAR_KEYS)];
      return g;
    });
  if (rand() < 0.1) q.incidents = { seriousDishonesty: false };
  return q as unknown as Profile;
}
