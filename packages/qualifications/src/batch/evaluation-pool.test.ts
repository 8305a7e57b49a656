// The pool's decisions are the ones evaluateProfile gives, profile by profile, whatever worker decided them.
import { afterAll, describe, expect, test } from 'vitest';
import type { Profile } from '../types.ts';
import { evaluateProfile } from '../evaluate.ts';
import { validateProfile } from '../validate-profile.ts';
import { goldenProfile, mulberry32 } from '../testing/golden-profiles.ts';
import { decisionsAt } from './batch-decisions.ts';
import { EvaluationPool } from './evaluation-pool.ts';

const rand = mulberry32(11);
const profiles: Profile[] = Array.from({ length: 5_000 }, (_, i) => goldenProfile(rand, i)).filter((p) => {
  try {
    return validateProfile(p) === p;
  } catch {
    return false; // a few generated dates are not real ones
  }
});
const pool = new EvaluationPool(2);
afterAll(() => pool.close());

const fieldsOf = (p: Profile, opts: { asOf?: string; rules?: ('hnte' | 'tech-sme')[] }) =>
  evaluateProfile(p, opts).results.map((r) => ({ rule: r.rule, version: r.version, outcome: r.outcome, score: r.score }));

describe('evaluation pool', () => {
  test('decides every profile as evaluateProfile does, on each profile\'s own date and on a given one', async () => {
    for (const opts of [{}, { asOf: '2026-04-01' }]) {
      const d = await pool.decide(profiles, opts);
      expect(d.count).toBe(profiles.length);
      const wrong = profiles.map((p, i) => i).filter((i) => JSON.stringify(decisionsAt(d, i)) !== JSON.stringify(fieldsOf(profiles[i]!, opts)));
      expect(wrong).toEqual([]);
    }
  });

  test('decides JSON texts the same way, and names an invalid profile by its place in the batch', async () => {
    const texts = profiles.map((p) => JSON.stringify(p));
    const d = await pool.decideJson(texts, { asOf: '2026-04-01' });
    const wrong = profiles.map((p, i) => i).filter((i) => JSON.stringify(decisionsAt(d, i)) !== JSON.stringify(fieldsOf(profiles[i]!, { asOf: '2026-04-01' })));
    expect(wrong).toEqual([]);
    const bad = [...texts.slice(0, 2500), JSON.stringify({ ...profiles[0], id: 'X1', employees: -3 })];
    await expect(pool.decideJson(bad)).rejects.toThrow(/profile 2500 \(X1\): .*employees/);
    await expect(pool.decideJson(['{'])).rejects.toThrow(/profile 0: /);
  });

  test('runs only the rules asked for, in their order', async () => {
    const d = await pool.decide(profiles.slice(0, 100), { rules: ['hnte', 'tech-sme'] });
    expect(decisionsAt(d, 7)).toEqual(fieldsOf(profiles[7]!, { rules: ['hnte', 'tech-sme'] }));
    expect(decisionsAt(d, 7).map((r) => r.rule)).toEqual(['hnte', 'tech-sme']);
  });

  test('a profile that cannot be evaluated fails the batch with the engine\'s message, and the pool goes on', async () => {
    const { assessedOn: _a, ...undated } = profiles[0]!;
    await expect(pool.decide([...profiles.slice(0, 3000), undated])).rejects.toThrow('Missing assessment date');
    const d = await pool.decide(profiles.slice(0, 10));
    expect(decisionsAt(d, 3)).toEqual(fieldsOf(profiles[3]!, {}));
  });

  test('an empty batch', async () => {
    expect((await pool.decide([])).count).toBe(0);
  });
});
