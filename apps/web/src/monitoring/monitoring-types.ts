// Response shapes of the monitoring API, written by hand from its contracts (the browser build never imports
// server code); only what the pages read.

export type CatalogueIndicator = {
  code: string; nameZh: string; nameEn: string; unit: string; unitEn: string; direction: number;
  definitionZh: string; definitionEn: string; source: string; formula: string | null;
};

export type SeriesPoint = { period: string; value: number; computed: boolean; status: 'preliminary' | 'final' | null; source: string | null };
export type IndicatorSeries = {
  indicator: { code: string; nameZh: string; nameEn: string; unit: string; unitEn: string; formula: string | null };
  regions: { code: string; nameZh: string; nameEn: string; level: string; points: SeriesPoint[] }[];
};

export type ImportIssue = { row: number | null; column: string | null; severity: 'error' | 'warning'; code: string; message: string; messageEn: string };
export type ImportResult = { rows: number; accepted: number; written: number; errorCount: number; warningCount: number; issues: ImportIssue[] };

export type TargetStatus = 'achieved' | 'on_track' | 'off_track' | 'no_trend' | 'no_data';
export type BoardTarget = {
  indicatorCode: string; nameZh: string; nameEn: string; unit: string; unitEn: string;
  baselinePeriod: string | null; baselineValue: number | null; targetPeriod: string; targetValue: number; comparison: 'at_least' | 'at_most';
  latest: { period: string; value: number } | null;
  completion: number | null; progress: number | null; cagrAchieved: number | null; cagrNeeded: number | null; forecast: number | null;
  status: TargetStatus;
  live: { module: string; descriptionZh: string; descriptionEn: string } | null;
};
export type TargetBoard = { plans: { code: string; nameZh: string; nameEn: string; startPeriod: string; endPeriod: string; targets: BoardTarget[] }[] };

export type RunSummary = { id: string; frameworkCode: string; frameworkVersion: number; period: string; createdAt: string };

export type UnitResult = {
  code: string; nameZh: string; nameEn: string; score: number | null; rank: number | null;
  pillars: Record<string, { score: number | null; rank: number | null }>;
  indicators: Record<string, { value: number | null; computed: boolean; normalised: number | null }>;
  strengths: { iCode: string; rank: number }[];
  weaknesses: { iCode: string; rank: number }[];
};
export type RankStat = { uCode: string; nominal: number; mean: number; median: number; q5: number; q95: number };
export type CompositeResult = {
  kind: 'composite'; period: string; indexCode: string;
  pillars: { code: string; nameZh: string; nameEn: string; weight: number }[];
  indicators: { code: string; nameZh: string; nameEn: string; parent: string | null; direction: number; effectiveWeight: number }[];
  units: UnitResult[];
  sensitivity: null | { n: number; seed: number; runs: number; failedRuns: number; rankStats: RankStat[]; indices: { input: string; si: number; sti: number }[] };
};
export type IndustryPeriod = {
  period: string; price: number | null; development: number | null; sentiment: number | null; diffusion: number | null; composite: number | null;
};
export type IndustryResult = { kind: 'industry'; basePeriod: string; periods: IndustryPeriod[] };
export type IndexRun = RunSummary & { result: CompositeResult | IndustryResult };

export type FrameworkMetaRow = {
  iCode: string; nameZh: string; nameEn: string; level: number; parent: string | null; weight: number; direction: 1 | -1; type: 'Indicator' | 'Aggregate';
};
export type Framework = {
  code: string; kind: 'composite' | 'industry'; nameZh: string; nameEn: string; version: number; updatedAt: string;
  /** composite: { meta, recipe, sensitivity }; industry: its configuration. */
  definition: { meta?: FrameworkMetaRow[] } & Record<string, unknown>;
};

export type PlanBody = { nameZh: string; nameEn: string; startPeriod: string; endPeriod: string };
