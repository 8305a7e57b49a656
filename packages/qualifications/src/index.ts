// @kechuang/qualifications: the official enterprise-tier rules as pure functions (no I/O).
export type * from './types.ts';
export { evaluateProfile, type EvaluateOptions, type ProfileEvaluation } from './evaluate.ts';
export { validateProfile } from './validate-profile.ts';
export { ProfileValidationError, RuleSelectionError, type ProfileIssue } from './errors.ts';
export { RULE_IDS, allPacks, isRuleId, selectPack } from './registry.ts';
export { isValidUscc } from './uscc.ts';
