// The shapes of the server's /api/v1 responses that the web app reads. They mirror the server's zod
// contracts (apps/server); only the fields the app uses are listed.

export type Role = 'bureau_admin' | 'bureau_staff' | 'expert' | 'enterprise_user' | 'provider_user' | 'bank_user';

export type Me = {
  id: string;
  displayName: string;
  login: string;
  role: Role;
  organisation: { id: string; name: string; kind: string } | null;
  regionCode: string;
  modules: string[];
};

export type Observation = { period: string; value: number };

export type Indicator = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  unitEn: string;
  observations: Observation[];
};

export type Target = {
  indicatorCode: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  unitEn: string;
  /** null when the region has no observation for the plan's base year */
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetPeriod: string;
  targetValue: number;
  /** null when the region has no observation of the indicator at all */
  latestPeriod: string | null;
  latestValue: number | null;
  /** latest ÷ target, e.g. 0.65; null without a latest value */
  completion: number | null;
  /** the compound annual growth from the latest value that reaches the target in the target year, e.g. 0.12 */
  cagrNeeded: number | null;
  /** 'at_least' today; other comparisons may come later */
  comparison: string;
};

export type RegionOverview = {
  region: { code: string; name: string; nameEn: string };
  indicators: Indicator[];
  targets: Target[];
};

export type ApiErrorBody = { error: { code: string; message: string; message_en: string; field?: string | null } };
