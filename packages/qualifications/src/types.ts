// The engine's input (a profile as the issue gives it) and output (a result per rule pack).
import type { Facts } from './shared/profile-facts.ts';

export type IpKind =
  | 'invention'
  | 'utility_model'
  | 'design'
  | 'software_copyright'
  | 'ic_layout'
  | 'plant_variety'
  | 'crop_variety'
  | 'new_drug'
  | 'tcm_protected_grade1';
export type IpStatus = 'granted' | 'pending';
export type IpAcquisition = 'self' | 'transfer' | 'gift' | 'merger';

/** One fiscal year; amounts in 元 as given, understood to the fen (分). */
export interface FiscalYear {
  year: number;
  salesRevenue?: number;
  operatingRevenue?: number;
  mainBusinessRevenue?: number;
  highTechRevenue?: number;
  totalRevenue?: number;
  rdExpense?: number;
  rdExpenseDomestic?: number;
  costsAndExpenses?: number;
  totalAssets?: number;
  netAssets?: number;
  totalLiabilities?: number;
  netProfit?: number;
}

export interface IpAsset {
  kind: IpKind;
  status: IpStatus;
  acquisition?: IpAcquisition;
}

export interface Certificate {
  kind: string;
  validFrom: string;
  validUntil: string;
}

export interface Award {
  level: 'national' | 'provincial';
  rank?: number;
  year: number;
}

export interface RdInstitution {
  level: 'national' | 'provincial' | 'municipal';
}

export interface Standard {
  level: 'international' | 'national' | 'industry' | 'group';
  role: 'lead' | 'participant';
  year?: number;
}

export interface EquityFinancing {
  amount: number;
  date: string;
}

export interface Incidents {
  majorSafetyOrQuality?: boolean;
  seriousEnvironmental?: boolean;
  seriousDishonesty?: boolean;
  abnormalOperationListed?: boolean;
}

export interface HnteExpertScores {
  techAdvancement?: number;
  coreSupport?: number;
  rdManagement?: number;
}

/** Every field but `id` may be missing: the criteria that need it become `unknown`. */
export interface Profile {
  id: string;
  name?: string;
  uscc?: string;
  foundedOn?: string;
  assessedOn?: string;
  employees?: number;
  scienceStaff?: number;
  rdStaff?: number;
  techField?: string;
  financials?: FiscalYear[];
  ip?: IpAsset[];
  conversions?: number[];
  certificates?: Certificate[];
  awards?: Award[];
  rdInstitutions?: RdInstitution[];
  standards?: Standard[];
  equityFinancing?: EquityFinancing[];
  incidents?: Incidents;
  industryRestricted?: boolean;
  /** Extension fields for the gazelle and unicorn definitions (not in the profile). */
  listed?: boolean;
  valuationUsd?: number;
  privatelyFunded?: boolean;
  expert?: { hnte?: HnteExpertScores };
}

export type RuleId =
  | 'tech-sme'
  | 'hnte'
  | 'innovative-sme'
  | 'specialized-sme'
  | 'little-giant'
  | 'gazelle'
  | 'unicorn';

export type CriterionStatus = 'met' | 'unmet' | 'unknown' | 'manual_review';
export type Outcome = 'qualified' | 'not_qualified' | 'undetermined';

export interface ScoreRange {
  min: number;
  max: number;
}

/** Points are a number when the bands fix them, a range when the bands (or an expert) leave one. */
export type Points = number | ScoreRange | null;

export type CriterionValue = number | string | boolean | null;

export interface Criterion {
  id: string;
  status: CriterionStatus;
  value: CriterionValue;
  threshold: string | null;
  points: Points;
  message: string;
  message_en: string;
}

export interface Gap {
  criterion: string;
  /** How much is still missing, in `unit` (元, percentage points, items, people, points, years). */
  shortfall: number | null;
  unit: 'yuan' | 'percent' | 'count' | 'people' | 'points' | 'years' | null;
  message: string;
  message_en: string;
}

export interface RuleResult {
  rule: RuleId;
  version: string;
  outcome: Outcome;
  score: Points;
  criteria: Criterion[];
  gaps: Gap[];
}

export interface EvaluationContext {
  /** ISO date of the assessment: `--as-of`, else the profile's `assessedOn`. */
  assessedOn: string;
}

export interface RulePack {
  rule: RuleId;
  version: string;
  /** First day (ISO) this version is in force; the registry picks the latest one on or before the date. */
  effectiveFrom: string;
  /** The official document(s) the pack implements. */
  source: string;
  evaluate(profile: Profile, ctx: EvaluationContext): RuleResult;
  /**
   * The outcome and score alone, from facts computed once per profile: the fast path of a batch run. Must
   * agree with `evaluate` on every profile (decide.test.ts, golden.test.ts); `evaluate` then builds the
   * criteria and gaps only when they are read. Packs without it are evaluated in full.
   */
  decide?(facts: Facts): Decision;
}

/** What a pack decides, without the evidence. */
export interface Decision {
  outcome: Outcome;
  score: Points;
}
