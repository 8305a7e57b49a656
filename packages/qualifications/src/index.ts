// @kechuang/qualifications: the official enterprise-tier rules as pure functions (no I/O).
export type * from './types.ts';
export { evaluateProfile, type EvaluateOptions, type ProfileEvaluation } from './evaluate.ts';
export { validateProfile } from './validate-profile.ts';
export { ProfileValidationError, RuleSelectionError, type ProfileIssue } from './errors.ts';
export { DEFAULT_PACKS, RULE_IDS, isRuleId, packInForce, selectPack } from './registry.ts';
export { gazellePack, SHANDONG_GAZELLE, type GazelleDefinition, type GazelleGrowthBand } from './packs/gazelle/gazelle.ts';
export { COMMON_UNICORN, unicornPack, type PotentialBand, type UnicornDefinition } from './packs/unicorn/unicorn.ts';
export { isValidUscc } from './uscc.ts';
export { isIsoDate as isValidIsoDate } from './shared/dates.ts';
export { EvaluationPool, evaluateBatch, type BatchOptions } from './batch/evaluation-pool.ts';
export { decisionsAt, type BatchDecisions, type Decided } from './batch/batch-decisions.ts';
