// The decisions of a batch, column by column in typed arrays: one slot per rule id for every profile. Typed
// arrays cross between threads without copying (they are transferred), where the same decisions as objects
// would be cloned field by field on both sides.
import type { Outcome, Points, RuleId } from '../types.ts';
import type { ProfileEvaluation } from '../evaluate.ts';
import { DEFAULT_PACKS, RULE_IDS } from '../registry.ts';

const OUTCOMES: readonly Outcome[] = ['qualified', 'not_qualified', 'undetermined'];
const SLOTS = RULE_IDS.length;

export interface BatchDecisions {
  count: number;
  /** Per profile × rule slot: index into DEFAULT_PACKS of the version used, −1 when the rule was not run. */
  pack: Int8Array<ArrayBuffer>;
  /** Index into OUTCOMES. */
  outcome: Uint8Array<ArrayBuffer>;
  /** Score range; NaN for packs without a score. A number score has min = max. */
  scoreMin: Float64Array<ArrayBuffer>;
  scoreMax: Float64Array<ArrayBuffer>;
}

/** One profile's decisions, as the fields of its results: rule, version, outcome and score. */
export interface Decided {
  rule: RuleId;
  version: string;
  outcome: Outcome;
  score: Points;
}

export function emptyDecisions(count: number): BatchDecisions {
  const n = count * SLOTS;
  return { count, pack: new Int8Array(n).fill(-1), outcome: new Uint8Array(n), scoreMin: new Float64Array(n), scoreMax: new Float64Array(n) };
}

/** Writes the decisions of profile i (its results in the order evaluated). */
export function writeDecisions(d: BatchDecisions, i: number, e: ProfileEvaluation): void {
  let slot = i * SLOTS;
  for (const r of e.results) {
    let pack = -1;
    for (let k = 0; k < DEFAULT_PACKS.length; k++) if (DEFAULT_PACKS[k]!.rule === r.rule && DEFAULT_PACKS[k]!.version === r.version) pack = k;
    d.pack[slot] = pack;
    d.outcome[slot] = OUTCOMES.indexOf(r.outcome);
    const s = r.score;
    d.scoreMin[slot] = s === null ? NaN : typeof s === 'number' ? s : s.min;
    d.scoreMax[slot] = s === null ? NaN : typeof s === 'number' ? s : s.max;
    slot++;
  }
}

/** Copies a chunk's decisions into the whole batch at profile offset `at`. */
export function copyDecisions(into: BatchDecisions, at: number, chunk: BatchDecisions): void {
  const o = at * SLOTS;
  into.pack.set(chunk.pack, o);
  into.outcome.set(chunk.outcome, o);
  into.scoreMin.set(chunk.scoreMin, o);
  into.scoreMax.set(chunk.scoreMax, o);
}

/** The decisions of profile i as result fields (same rule order, versions and scores as evaluateProfile). */
export function decisionsAt(d: BatchDecisions, i: number): Decided[] {
  const out: Decided[] = [];
  for (let slot = i * SLOTS; slot < (i + 1) * SLOTS; slot++) {
    const k = d.pack[slot]!;
    if (k < 0) break;
    const pack = DEFAULT_PACKS[k]!;
    const min = d.scoreMin[slot]!;
    const max = d.scoreMax[slot]!;
    out.push({ rule: pack.rule, version: pack.version, outcome: OUTCOMES[d.outcome[slot]!]!, score: Number.isNaN(min) ? null : min === max ? min : { min, max } });
  }
  return out;
}
