// Evaluates a profile against the chosen rule packs, each in the version in force on the assessment date.
import type { Profile, RuleId, RulePack, RuleResult } from './types.ts';
import { RuleSelectionError } from './errors.ts';
import { RULE_IDS, selectPack } from './registry.ts';

export interface EvaluateOptions {
  /** Packs to run, in this order; all packs when omitted. */
  rules?: readonly RuleId[];
  /** Assessment date (ISO); overrides the profile's own `assessedOn`. */
  asOf?: string;
  /** Rule packs to choose from; the national texts and default regional definitions when omitted. */
  packs?: readonly RulePack[];
}

export interface ProfileEvaluation {
  id: string;
  results: RuleResult[];
}

export function evaluateProfile(profile: Profile, opts: EvaluateOptions = {}): ProfileEvaluation {
  const assessedOn = opts.asOf ?? profile.assessedOn;
  if (assessedOn === undefined)
    throw new RuleSelectionError('assessedOn', '缺少评价日期（assessedOn 或 --as-of）', 'Missing assessment date (assessedOn or --as-of)');
  const ctx = { assessedOn };
  const rules = opts.rules ?? RULE_IDS;
  const results: RuleResult[] = [];
  for (const rule of rules) results.push(selectPack(rule, assessedOn, opts.packs).evaluate(profile, ctx));
  return { id: profile.id, results };
}
