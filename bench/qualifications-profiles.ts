// Generates plausible enterprise profiles for the rules-engine benchmark: a seeded PRNG, so every run
// evaluates the same million firms. Amounts are whole fen, shaped like the small and mid-sized firms of
// a prefecture-level city (sales from 0 to about 5亿, R&D mostly 0–10% of sales).
import type { FiscalYear, IpAsset, IpKind, Profile } from '@kechuang/qualifications';

const KINDS: IpKind[] = ['invention', 'utility_model', 'utility_model', 'software_copyright', 'design', 'ic_layout'];

// The same seeded generator as the demo data (mulberry32), under the name the engine bench uses.
export { seededRandom as mulberry32 } from '../apps/server/src/platform/random/seeded-random.ts';

const fen = (x: number): number => Math.round(x * 100) / 100;

export function generateProfile(rand: () => number, i: number): Profile {
  const sales = fen(Math.exp(rand() * 20));
  const growth = 0.8 + rand() * 0.7;
  const employees = 5 + Math.floor(rand() * 600);
  const years: FiscalYear[] = [];
  let s = sales / (growth * growth);
  let netAssets = fen(sales * (0.2 + rand()));
  for (let k = 0; k < 3; k++) {
    const rd = fen(s * rand() * 0.1);
    const op = fen(s * (1 + rand() * 0.1));
    years.push({
      year: 2022 + k,
      salesRevenue: fen(s),
      operatingRevenue: op,
      mainBusinessRevenue: fen(op * (0.4 + rand() * 0.6)),
      highTechRevenue: fen(op * rand()),
      totalRevenue: op,
      rdExpense: rd,
      rdExpenseDomestic: fen(rd * (0.4 + rand() * 0.6)),
      costsAndExpenses: fen(s * (0.6 + rand() * 0.4)),
      totalAssets: fen(s * (0.5 + rand())),
      totalLiabilities: fen(s * rand() * 0.8),
      netAssets,
      netProfit: fen(s * (rand() * 0.2 - 0.05)),
    });
    s = fen(s * growth);
    netAssets = fen(netAssets * (0.9 + rand() * 0.5));
  }
  const ip: IpAsset[] = [];
  const nIp = Math.floor(rand() * 8);
  for (let k = 0; k < nIp; k++) ip.push({ kind: KINDS[Math.floor(rand() * KINDS.length)]!, status: rand() < 0.8 ? 'granted' : 'pending', acquisition: rand() < 0.8 ? 'self' : 'transfer' });
  return {
    id: `E${i}`,
    foundedOn: `${2000 + Math.floor(rand() * 24)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    assessedOn: '2025-06-30',
    employees,
    scienceStaff: Math.floor(employees * rand() * 0.5),
    rdStaff: Math.floor(employees * rand() * 0.4),
    techField: rand() < 0.8 ? '先进制造与自动化' : '房地产',
    financials: years,
    ip,
    conversions: [Math.floor(rand() * 7), Math.floor(rand() * 7), Math.floor(rand() * 7)],
    certificates: rand() < 0.2 ? [{ kind: 'hnte', validFrom: '2023-01-01', validUntil: '2025-12-31' }] : [],
    awards: rand() < 0.05 ? [{ level: 'provincial', rank: 1 + Math.floor(rand() * 5), year: 2023 }] : [],
    rdInstitutions: rand() < 0.3 ? [{ level: rand() < 0.3 ? 'provincial' : 'municipal' }] : [],
    standards: [],
    equityFinancing: rand() < 0.1 ? [{ amount: fen(rand() * 5e7), date: '2024-05-01' }] : [],
    incidents: { majorSafetyOrQuality: rand() < 0.01, seriousEnvironmental: false, seriousDishonesty: false, abnormalOperationListed: rand() < 0.02 },
    industryRestricted: rand() < 0.03,
    ...(rand() < 0.5 ? { expert: { hnte: { techAdvancement: Math.floor(rand() * 9), coreSupport: Math.floor(rand() * 9), rdManagement: Math.floor(rand() * 21) } } } : {}),
  };
}
