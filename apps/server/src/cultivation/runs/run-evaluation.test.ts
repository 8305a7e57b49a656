import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateProfile } from '@kechuang/qualifications';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { expandInput, type StoredInput } from '../../registry/profiles/load-profiles.ts';
import { runEvaluation } from './run-evaluation.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('an evaluation run over the demo registry', () => {
  test('stores one input and one result per enterprise and rule, each with the version the engine used', async () => {
    const { pool } = t.database;
    const run = await runEvaluation(t.database, { regionCode: '410300', asOf: '2025-06-30', trigger: 'manual', actor: SYSTEM_ACTOR });
    const n = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM registry_enterprises WHERE region_code = '410300'")).rows[0]!.n);
    expect(n).toBeGreaterThan(1000);
    expect(run.enterprises).toBe(n);
    const rules = Object.keys(run.ruleVersions).length;
    const { rows } = await pool.query<{ inputs: string; results: string }>(
      `SELECT (SELECT count(*) FROM cultivation_inputs WHERE run_id = $1) AS inputs, (SELECT count(*) FROM cultivation_results WHERE run_id = $1) AS results`, [run.runId]);
    expect(rows[0]).toEqual({ inputs: String(n), results: String(n * rules) });
    const status = (await pool.query<{ status: string; done: number }>('SELECT status, done FROM cultivation_runs WHERE id = $1', [run.runId])).rows[0];
    expect(status).toEqual({ status: 'finished', done: n });
  });

  test('a stored result is reproduced by evaluating the stored input with the stored version', async () => {
    const { pool } = t.database;
    const run = await runEvaluation(t.database, { regionCode: '410300', asOf: '2025-06-30', trigger: 'manual', actor: SYSTEM_ACTOR });
    const { rows } = await pool.query<{ profile: StoredInput; rule: string; version: string; outcome: string; unmet: number }>(
      `SELECT i.profile, r.rule, r.version, r.outcome, r.unmet FROM cultivation_results r
       JOIN cultivation_inputs i ON i.run_id = r.run_id AND i.organisation_id = r.organisation_id
       WHERE r.run_id = $1 AND r.rule = 'hnte' ORDER BY r.organisation_id LIMIT 50`, [run.runId]);
    for (const row of rows) {
      const again = evaluateProfile(expandInput(row.profile), { rules: ['hnte'], asOf: '2025-06-30' }).results[0]!;
      expect({ version: again.version, outcome: again.outcome, unmet: again.criteria.filter((c) => c.status === 'unmet').length })
        .toEqual({ version: row.version, outcome: row.outcome, unmet: row.unmet });
    }
  });

  test('pools are filled with enterprises within reach of their next tier, and a second run adds none twice', async () => {
    const { pool } = t.database;
    const count = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM cultivation_pool_members')).rows[0]!.n);
    const before = await count();
    expect(before).toBeGreaterThan(0); // the demo loader's first run
    const run = await runEvaluation(t.database, { regionCode: '410300', asOf: new Date().toISOString().slice(0, 10), trigger: 'manual', actor: SYSTEM_ACTOR });
    expect(run.poolAdditions).toBe(0);
    expect(await count()).toBe(before);
  });
});
