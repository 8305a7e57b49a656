// Evaluates a profile against the chosen rule packs, each in the version in force on the assessment date.
import type { Profile, RuleId, RulePack, RuleResult } from './types.ts';
import { RuleSelectionError } from './errors.ts';
import { packInForce, RULE_IDS, selectPack } from './registry.ts';

export interface EvaluateOptions {
  /** Packs to run, in this order; when omitted, every pack that is in force on the date. */
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
  const results: RuleResult[] = [];
  if (opts.rules !== undefined) {
    // Rules asked for by name must all be in force on the date.
    for (const rule of opts.rules) results.push(selectPack(rule, assessedOn, opts.packs).evaluate(profile, ctx));
  } else {
    // All rules: those not yet in force on the date (e.g. little-giant before 2022-06-01) are left out.
    for (const rule of RULE_IDS) {
      const pack = packInForce(rule, assessedOn, opts.packs);
      if (pack !== undefined) results.push(pack.evaluate(profile, ctx));
    }
  }
  return { id: profile.id, results };
}
