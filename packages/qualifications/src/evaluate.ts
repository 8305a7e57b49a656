// Evaluates a profile against the chosen rule packs, each in the version in force on the assessment date.
// Packs with a decision path decide from facts computed once per profile (profile-facts.ts) and build their
// criteria and gaps only when read (lazy-result.ts); others are evaluated in full at once.
import type { Profile, RuleId, RulePack, RuleResult } from './types.ts';
import { RuleSelectionError } from './errors.ts';
import { LazyResult } from './lazy-result.ts';
import { packInForce, RULE_IDS, selectPack } from './registry.ts';
import { factsOf, type Facts } from './shared/profile-facts.ts';

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

/**
 * The results carry their outcome and score at once; criteria and gaps are built from the profile when first
 * read, so do not change a profile while its results are still to be read.
 */
export function evaluateProfile(profile: Profile, opts: EvaluateOptions = {}): ProfileEvaluation {
  const assessedOn = opts.asOf ?? profile.assessedOn;
  if (assessedOn === undefined)
    throw new RuleSelectionError('assessedOn', '缺少评价日期（assessedOn 或 --as-of）', 'Missing assessment date (assessedOn or --as-of)');
  const ctx = { assessedOn };
  const packs = packsFor(opts, assessedOn);
  const results: RuleResult[] = new Array<RuleResult>(packs.length);
  let facts: Facts | undefined;
  for (let i = 0; i < packs.length; i++) {
    const pack = packs[i]!;
    if (pack.decide === undefined) results[i] = pack.evaluate(profile, ctx);
    else results[i] = new LazyResult(pack, profile, ctx, pack.decide((facts ??= factsOf(profile, assessedOn))));
  }
  return { id: profile.id, results };
}

// The packs of the last (options, date) seen: a batch evaluates thousands of profiles on one date, and
// choosing the versions costs a scan of every pack per rule.
let cached: { rules: EvaluateOptions['rules']; packs: EvaluateOptions['packs']; date: string; chosen: readonly RulePack[] } | undefined;

function packsFor(opts: EvaluateOptions, date: string): readonly RulePack[] {
  if (cached !== undefined && cached.date === date && sameList(cached.rules, opts.rules) && sameList(cached.packs, opts.packs)) return cached.chosen;
  const chosen: RulePack[] = [];
  if (opts.rules !== undefined) {
    // Rules asked for by name must all be in force on the date.
    for (const rule of opts.rules) chosen.push(selectPack(rule, date, opts.packs));
  } else {
    // All rules: those not yet in force on the date (e.g. little-giant before 2022-06-01) are left out.
    for (const rule of RULE_IDS) {
      const pack = packInForce(rule, date, opts.packs);
      if (pack !== undefined) chosen.push(pack);
    }
  }
  // Copies: a caller may reuse and change its own arrays between calls.
  cached = { rules: opts.rules?.slice(), packs: opts.packs?.slice(), date, chosen };
  return chosen;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
