// 洛阳市 (410300) as the seed newspaper pages describe it. Every figure names its source; a figure marked
// `derived` is computed from a stated share, not printed as such. Organisations and people are fictional.
import { hashPassword } from '../platform/auth/password.ts';
import type { OrganisationKind, Role } from '../platform/schema.ts';

export const DEMO_REGION = '410300';
export const DEMO_PASSWORD = 'Kechuang@2025';

let demoPasswordHash: Promise<string> | undefined;
/** Every demo account shares one password, so it is hashed once (scrypt is deliberately slow). */
export function hashedDemoPassword(): Promise<string> {
  return (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));
}

type Observation = { indicator: string; period: string; value: number; source: string; status?: 'preliminary' | 'final' };

const S_2018_2021 = '《洛阳日报》2022：2018—2021 年洛阳研发投入、强度、创新平台与高企增长';
const S_ZONE_2020 = '《河南日报》2021：洛阳自创区建设五年（截至 2020 年底）';
const S_ZONE_DERIVED = '由自创区数据推算：自创区 1,125 家占全市 59.8%（derived）';
const S_PLATFORMS_2020 = '《河南日报》2021：洛阳各类创新平台 1,977 个';

export const DEMO_OBSERVATIONS: Observation[] = [
  { indicator: 'rd_expenditure', period: '2018', value: 99.36, source: S_2018_2021 },
  { indicator: 'rd_expenditure', period: '2020', value: 119.23, source: S_ZONE_2020 },
  { indicator: 'rd_expenditure', period: '2021', value: 153.91, source: S_2018_2021 },
  { indicator: 'rd_intensity', period: '2018', value: 2.14, source: S_2018_2021 },
  { indicator: 'rd_intensity', period: '2020', value: 2.37, source: S_ZONE_2020 },
  { indicator: 'rd_intensity', period: '2021', value: 2.83, source: S_2018_2021 },
  { indicator: 'hnte_count', period: '2018', value: 469, source: S_2018_2021 },
  { indicator: 'hnte_count', period: '2020', value: 755, source: S_ZONE_2020 },
  { indicator: 'hnte_count', period: '2021', value: 1036, source: S_2018_2021 },
  { indicator: 'platform_count', period: '2020', value: 1977, source: S_PLATFORMS_2020 },
  { indicator: 'platform_count', period: '2021', value: 2853, source: S_2018_2021 },
  { indicator: 'innovation_entity_count', period: '2020', value: 2026, source: S_ZONE_2020 },
  { indicator: 'tech_sme_count', period: '2020', value: 1881, source: S_ZONE_DERIVED, status: 'preliminary' },
  { indicator: 'invention_patents_per_10k', period: '2020', value: 11.5, source: S_ZONE_2020 },
];

export const DEMO_PLAN = {
  code: 'luoyang-innovation-2022-2025',
  nameZh: '洛阳市创新驱动高质量发展行动方案（2022—2025 年）',
  nameEn: 'Luoyang action plan for innovation-driven development 2022–2025',
  startPeriod: '2022',
  endPeriod: '2025',
};

/** 《行动方案》: targets for the end of 2025. Baselines are the latest figure before the plan. */
export const DEMO_TARGETS: { indicator: string; target: number; baselinePeriod?: string; baseline?: number }[] = [
  { indicator: 'innovation_entity_count', target: 5000, baselinePeriod: '2020', baseline: 2026 },
  { indicator: 'hnte_count', target: 1600, baselinePeriod: '2021', baseline: 1036 },
  { indicator: 'tech_sme_count', target: 3000 },
  { indicator: 'platform_count', target: 4000, baselinePeriod: '2021', baseline: 2853 },
  { indicator: 'rd_intensity', target: 3.75, baselinePeriod: '2021', baseline: 2.83 },
  { indicator: 'fiscal_st_share', target: 5.0 },
];

export type DemoOrganisation = { key: string; kind: OrganisationKind; name: string; orgCode: string; districtCode: string };

/** Credit codes are 91/12/… + 410300 + a made-up 9-character organisation code + the computed check character. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'bureau', kind: 'bureau', name: '洛阳市科学技术局（演示）', orgCode: 'KC0000001', districtCode: '410302' },
  { key: 'enterprise', kind: 'enterprise', name: '洛阳启明轴承科技有限公司（演示）', orgCode: 'KC0000002', districtCode: '410311' },
  { key: 'enterprise2', kind: 'enterprise', name: '洛阳云端新材料有限公司（演示）', orgCode: 'KC0000003', districtCode: '410305' },
  { key: 'university', kind: 'university', name: '洛阳演示理工学院', orgCode: 'KC0000004', districtCode: '410311' },
  { key: 'provider', kind: 'service_provider', name: '洛阳创新检测服务有限公司（演示）', orgCode: 'KC0000005', districtCode: '410305' },
  { key: 'bank', kind: 'bank', name: '洛阳科技银行（演示）', orgCode: 'KC0000006', districtCode: '410302' },
];

export const DEMO_USERS: { email: string; displayName: string; role: Role; organisation: string | null }[] = [
  { email: 'bureau.admin@demo.kechuang.cn', displayName: '王科长（演示）', role: 'bureau_admin', organisation: 'bureau' },
  { email: 'bureau.staff@demo.kechuang.cn', displayName: '李干事（演示）', role: 'bureau_staff', organisation: 'bureau' },
  { email: 'expert@demo.kechuang.cn', displayName: '张教授（演示）', role: 'expert', organisation: null },
  { email: 'enterprise@demo.kechuang.cn', displayName: '赵会计（演示）', role: 'enterprise_user', organisation: 'enterprise' },
  { email: 'provider@demo.kechuang.cn', displayName: '陈经理（演示）', role: 'provider_user', organisation: 'provider' },
  { email: 'bank@demo.kechuang.cn', displayName: '刘客户经理（演示）', role: 'bank_user', organisation: 'bank' },
];
