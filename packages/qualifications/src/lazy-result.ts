// A rule result whose outcome and score come from the pack's fast decision, and whose criteria and gaps are
// built by the pack's full evaluation the first time either is read (or when the result is serialised).
// The evidence (about 70 criteria per profile, with values, thresholds and messages) costs several times the
// decisions, and a batch run that keeps outcomes never reads it. A class with getters on the prototype: an
// object literal with own getters made the whole evaluation 2.3× slower in the bench. Like a criterion's
// messages, the evidence is seen by reading the fields or by JSON.stringify (toJSON, same keys in the same
// order); an object spread or structuredClone copies only rule, version, outcome and score.
import type { Criterion, Decision, EvaluationContext, Gap, Outcome, Points, Profile, RuleId, RulePack, RuleResult } from './types.ts';

export class LazyResult implements RuleResult {
  readonly rule: RuleId;
  readonly version: string;
  readonly outcome: Outcome;
  readonly score: Points;
  readonly #pack: RulePack;
  readonly #profile: Profile;
  readonly #ctx: EvaluationContext;
  #full: RuleResult | undefined;

  constructor(pack: RulePack, profile: Profile, ctx: EvaluationContext, d: Decision) {
    this.rule = pack.rule;
    this.version = pack.version;
    this.outcome = d.outcome;
    this.score = d.score;
    this.#pack = pack;
    this.#profile = profile;
    this.#ctx = ctx;
  }

  #detail(): RuleResult {
    return (this.#full ??= this.#pack.evaluate(this.#profile, this.#ctx));
  }

  get criteria(): Criterion[] {
    return this.#detail().criteria;
  }

  get gaps(): Gap[] {
    return this.#detail().gaps;
  }

  toJSON(): RuleResult {
    return { rule: this.rule, version: this.version, outcome: this.outcome, score: this.score, criteria: this.criteria, gaps: this.gaps };
  }
}
