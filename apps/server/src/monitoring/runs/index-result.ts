// The stored result of an index run (jsonb in index_runs.result), read by the ranking table, the map, the unit
// profile and the sensitivity chart.

export type UnitResult = {
  code: string; nameZh: string; nameEn: string;
  score: number | null; rank: number | null;
  /** Level-2 aggregates (pillars): score and rank. */
  pillars: Record<string, { score: number | null; rank: number | null }>;
  /** Every indicator: the value used (raw, computed where a formula applies) and its normalised score. */
  indicators: Record<string, { value: number | null; computed: boolean; normalised: number | null }>;
  strengths: { iCode: string; rank: number }[];
  weaknesses: { iCode: string; rank: number }[];
};

export type CompositeResult = {
  kind: 'composite';
  period: string;
  indexCode: string;
  pillars: { code: string; nameZh: string; nameEn: string; weight: number }[];
  indicators: { code: string; nameZh: string; nameEn: string; unit: string; parent: string | null; direction: number; effectiveWeight: number }[];
  units: UnitResult[];
  treatment: { iCode: string; status: string; points: number }[];
  sensitivity: null | {
    n: number; seed: number; runs: number; failedRuns: number;
    rankStats: { uCode: string; nominal: number; mean: number; median: number; q5: number; q95: number }[];
    indices: { input: string; si: number; sti: number }[];
  };
};

export type IndustryPeriod = {
  period: string;
  price: number | null; development: number | null; sentiment: number | null; sentimentCurrent: number | null; sentimentExpected: number | null;
  diffusion: number | null; composite: number | null;
};

export type IndustryResult = { kind: 'industry'; basePeriod: string; periods: IndustryPeriod[] };

export type IndexResult = CompositeResult | IndustryResult;
