// @kechuang/composite — composite-indicator engine following the JRC COINr package (v1.1). Pure, no I/O.
export { CompositeInputError, type CompositeErrorCode } from './errors.ts';
export type { Cell, DataSet, IndicatorMeta, MetaType, Row, WeightSet } from './types.ts';
export { column } from './types.ts';
export { buildFramework, type Framework } from './framework.ts';
export {
  parseRecipe, parseStep, DEFAULT_NAMES,
  type Recipe, type Step, type StepOp, type NormaliseMethod, type AggregationMethod, type ImputeMethod, type TransformFn,
} from './recipe.ts';
export { runRecipe, runFrom, getDataSet, type Coin, type RunOptions, type StepRecord } from './pipeline.ts';
export { scoreTable, strengthsAndWeaknesses, parentCorrelations, effectiveWeights, type ScoreTable, type StrengthEntry } from './results.ts';
export {
  runSensitivity, saltelliSample, saEstimate, cutIndices,
  type SensitivitySpec, type SensitivityInput, type SensitivityResult, type RankStat, type SensitivityIndex,
} from './sensitivity.ts';
export { aggregateRow } from './steps/aggregate.ts';
export { treatColumn, type TreatDetail, type TreatStatus } from './steps/treat.ts';
export { nMinmax, nZscore, nRank, nBorda, nPrank, nGoalposts, nDist2ref, nDist2max, nFracmax, nDist2targ } from './steps/normalise.ts';
export { skew, kurt, mean, median, sd, rankMin, quantile7, pearson } from './stats.ts';
export { createRng, type Rng } from './rng.ts';
