// The golden-equivalence digest: every result of a fixed set of seeded profiles, evaluated on three dates,
// reduced to two short hashes per profile — one of the decisions (outcome, score, each criterion's status,
// value, threshold and points, each gap's criterion, shortfall and unit) and one of the full JSON output
// (messages and key order included, as `kechuang evaluate` prints it). A change to the engine that keeps
// both hashes for every profile has changed no result.
import { createHash } from 'node:crypto';
import type { RuleResult } from '../types.ts';
import { evaluateProfile } from '../evaluate.ts';
import { validateProfile } from '../validate-profile.ts';
import { goldenProfile, mulberry32 } from '../testing/golden-profiles.ts';

export const GOLDEN_SEED = 20250630;
export const GOLDEN_COUNT = 3000;
/** The profile's own date (2025-06-30), the first day of the 2026 versions, and a later year. */
export const GOLDEN_DATES: readonly (string | undefined)[] = [undefined, '2026-04-01', '2027-02-28'];

export interface GoldenEntry {
  id: string;
  /** Outcome letters per date and rule (q/n/u), for a readable first look at a difference. */
  outcomes: string;
  decisions: string;
  output: string;
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** The decisions of one result as a canonical string (fields in a fixed order, messages left out). */
export function decisionsOf(r: RuleResult): string {
  const parts: string[] = [r.rule, r.version, r.outcome, JSON.stringify(r.score)];
  for (const c of r.criteria) parts.push(`${c.id}:${c.status}:${JSON.stringify(c.value)}:${c.threshold}:${JSON.stringify(c.points)}`);
  for (const g of r.gaps) parts.push(`gap:${g.criterion}:${g.shortfall}:${g.unit}`);
  return parts.join('|');
}

export function goldenEntries(count = GOLDEN_COUNT): GoldenEntry[] {
  const rand = mulberry32(GOLDEN_SEED);
  const out: GoldenEntry[] = [];
  for (let i = 0; out.length < count; i++) {
    const p = goldenProfile(rand, i);
    try {
      validateProfile(p);
    } catch {
      continue; // the engine trusts validated input only
    }
    let outcomes = '';
    let decisions = '';
    let output = '';
    for (const asOf of GOLDEN_DATES) {
      const e = evaluateProfile(p, asOf === undefined ? {} : { asOf });
      outcomes += `${e.results.map((r) => r.outcome[0]).join('')}/`;
      decisions += e.results.map(decisionsOf).join('\n');
      output += JSON.stringify(e);
    }
    out.push({ id: p.id, outcomes: outcomes.slice(0, -1), decisions: hash(decisions), output: hash(output) });
  }
  return out;
}
