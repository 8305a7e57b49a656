// Profiles for tests: a plausible small high-tech firm that passes every hnte and tech-sme condition,
// which each test then changes in the one place its rule is about.
import type { FiscalYear, Profile } from '../types.ts';

export const AS_OF = '2025-06-30';

export function year(y: number, f: Partial<FiscalYear> = {}): FiscalYear {
  return {
    year: y,
    salesRevenue: 30_000_000,
    operatingRevenue: 30_000_000,
    mainBusinessRevenue: 27_000_000,
    highTechRevenue: 24_000_000,
    totalRevenue: 30_000_000,
    rdExpense: 2_400_000,
    rdExpenseDomestic: 2_400_000,
    costsAndExpenses: 26_000_000,
    totalAssets: 40_000_000,
    netAssets: 20_000_000,
    totalLiabilities: 20_000_000,
    netProfit: 2_000_000,
    ...f,
  };
}

export function goodFirm(over: Partial<Profile> = {}): Profile {
  return {
    id: 'firm-1',
    name: '洛阳示例科技有限公司',
    foundedOn: '2015-03-01',
    assessedOn: AS_OF,
    employees: 100,
    scienceStaff: 30,
    rdStaff: 25,
    techField: '先进制造与自动化',
    financials: [year(2022, { netAssets: 10_000_000, salesRevenue: 20_000_000 }), year(2023, { netAssets: 14_000_000, salesRevenue: 25_000_000 }), year(2024)],
    ip: [
      { kind: 'invention', status: 'granted', acquisition: 'self' },
      { kind: 'utility_model', status: 'granted', acquisition: 'self' },
    ],
    conversions: [6, 5, 7],
    certificates: [],
    awards: [],
    rdInstitutions: [],
    standards: [],
    equityFinancing: [],
    incidents: { majorSafetyOrQuality: false, seriousEnvironmental: false, seriousDishonesty: false, abnormalOperationListed: false },
    industryRestricted: false,
    expert: { hnte: { techAdvancement: 7, coreSupport: 7, rdManagement: 16 } },
    ...over,
  };
}
