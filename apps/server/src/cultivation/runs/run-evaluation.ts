// An evaluation run over the whole registry: every enterprise's stored data mapped to the engine's profile,
// every rule pack in force on the run date, the input and each rule's outcome stored with the pack version
// (so any result can be reproduced and explained later), then the cultivation pools refilled.
import crypto from 'node:crypto';
import { evaluateProfile, RULE_IDS, selectPack, type RuleId, type RuleResult } from '@kechuang/qualifications';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { copyIn, copyValue } from '../../platform/database/copy-in.ts';
import { loadProfiles, pageOfEnterprises } from '../../registry/profiles/load-profiles.ts';
import { reachesOf } from '../ladder.ts';

export type RunTrigger = 'manual' | 'nightly' | 'cli';
export type RunProgress = { done: number; total: number };
export type RunSummary = { runId: string; asOf: string; enterprises: number; results: number; poolAdditions: number; ruleVersions: Record<string, string> };

/** The rules with a version in force on `asOf`, and those versions. */
export function rulesInForce(asOf: string): { rules: RuleId[]; versions: Record<string, string> } {
  const versions: Record<string, string> = {};
  const usable: RuleId[] = [];
  for (const rule of RULE_IDS) {
    try {
      versions[rule] = selectPack(rule, asOf).version;
      usable.push(rule);
    } catch { /* not in force yet on that date */ }
  }
  return { rules: usable, versions };
}

export async function startRun(pool: pg.Pool, regionCode: string, asOf: string, trigger: RunTrigger): Promise<string> {
  const id = crypto.randomUUID();
  const { versions } = rulesInForce(asOf);
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM registry_enterprises WHERE region_code = $1', [regionCode]);
  await pool.query(
    `INSERT INTO cultivation_runs (region_code, id, as_of, trigger, status, total, rule_versions) VALUES ($1, $2, $3, $4, 'running', $5, $6)`,
    [regionCode, id, asOf, trigger, Number(rows[0]!.n), JSON.stringify(versions)]);
  return id;
}

export async function runEvaluation(database: Pick<Database, 'pool'>, o: {
  regionCode: string; asOf: string; trigger: RunTrigger; actor: AuditActor; runId?: string; pageSize?: number; onProgress?: (p: RunProgress) => void;
}): Promise<RunSummary> {
  const { pool } = database;
  const runId = o.runId ?? await startRun(pool, o.regionCode, o.asOf, o.trigger);
  const { rules, versions } = rulesInForce(o.asOf);
  const pageSize = o.pageSize ?? 5000;
  const total = Number((await pool.query<{ total: number }>('SELECT total FROM cultivation_runs WHERE region_code = $1 AND id = $2', [o.regionCode, runId])).rows[0]?.total ?? 0);
  let done = 0;
  let results = 0;
  const reach: { organisationId: string; tier: string }[] = [];
  try {
    // Three stages overlap: the next page is read while this one is evaluated, and the previous one stored.
    const fetchPage = (after: string | null) => {
      const p = pageOfEnterprises(pool, o.regionCode, after, pageSize).then(async (ids) => ({ ids, profiles: await loadProfiles(pool, o.regionCode, ids, o.asOf) }));
      p.catch(() => undefined); // a prefetch abandoned by an error elsewhere must not become an unhandled rejection
      return p;
    };
    let next = fetchPage(null);
    let pending: Promise<void> = Promise.resolve();
    for (;;) {
      const { ids, profiles } = await next;
      if (ids.length === 0) break;
      next = fetchPage(ids.at(-1)!);
      const rows: StoredResult[] = [];
      for (const sp of profiles) {
        const evaluation = evaluateProfile(sp.profile, { rules, asOf: o.asOf });
        const byRule = new Map(evaluation.results.map((r) => [r.rule as string, r]));
        for (const r of reachesOf(sp.profile.certificates ?? [], o.asOf, byRule)) reach.push({ organisationId: sp.organisationId, tier: r.tier });
        for (const res of evaluation.results) rows.push(toStored(sp.organisationId, res));
      }
      await pending;
      pending = storePage(pool, o.regionCode, runId, profiles.map((p) => ({ id: p.organisationId, profile: p.stored })), rows);
      done += profiles.length;
      results += rows.length;
      o.onProgress?.({ done, total });
      await pool.query('UPDATE cultivation_runs SET done = $3 WHERE region_code = $1 AND id = $2', [o.regionCode, runId, done]);
    }
    await pending;
    const poolAdditions = await fillPools(pool, o.regionCode, runId, reach, o.actor, { enterprises: done, results, versions });
    return { runId, asOf: o.asOf, enterprises: done, results, poolAdditions, ruleVersions: versions };
  } catch (err) {
    await pool.query(`UPDATE cultivation_runs SET status = 'failed', error = $3, finished_at = now() WHERE region_code = $1 AND id = $2`,
      [o.regionCode, runId, err instanceof Error ? err.message : String(err)]);
    throw err;
  }
}

type StoredResult = { organisationId: string; rule: string; version: string; outcome: string; min: number | null; max: number | null; unmet: number; unknown: number; gaps: string[] };

function toStored(organisationId: string, r: RuleResult): StoredResult {
  const s = r.score;
  const [min, max] = s === null ? [null, null] : typeof s === 'number' ? [s, s] : [s.min, s.max];
  let unmet = 0, unknown = 0;
  for (const c of r.criteria) {
    if (c.status === 'unmet') unmet++;
    else if (c.status === 'unknown') unknown++;
  }
  return { organisationId, rule: r.rule, version: r.version, outcome: r.outcome, min, max, unmet, unknown, gaps: r.gaps.map((g) => g.criterion) };
}

async function storePage(pool: pg.Pool, regionCode: string, runId: string, inputs: { id: string; profile: unknown }[], rows: StoredResult[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // COPY: far cheaper than sending thousands of array elements as parameters.
    await copyIn(client, 'COPY cultivation_inputs (region_code, run_id, organisation_id, profile) FROM STDIN',
      inputs.map((i) => `${regionCode}\t${runId}\t${i.id}\t${copyValue(JSON.stringify(i.profile))}`).join('\n') + '\n');
    await copyIn(client, 'COPY cultivation_results (region_code, run_id, organisation_id, rule, version, outcome, score_min, score_max, unmet, unknown, gap_criteria) FROM STDIN',
      rows.map((r) => [regionCode, runId, r.organisationId, r.rule, r.version, r.outcome, r.min, r.max, r.unmet, r.unknown, `{${r.gaps.join(',')}}`].map(copyValue).join('\t')).join('\n') + '\n');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Adds newly within-reach enterprises to their next tier's pool; staff removals stand (no re-adding). */
async function fillPools(pool: pg.Pool, regionCode: string, runId: string, reach: { organisationId: string; tier: string }[], actor: AuditActor,
  stats: { enterprises: number; results: number; versions: Record<string, string> }): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const added = await client.query(
      `INSERT INTO cultivation_pool_members (region_code, tier, organisation_id, status, source, added_run_id)
       SELECT $1, t.tier, t.id, 'active', 'engine', $2 FROM unnest($3::text[], $4::uuid[]) AS t(tier, id)
       ON CONFLICT DO NOTHING`,
      [regionCode, runId, reach.map((r) => r.tier), reach.map((r) => r.organisationId)]);
    await client.query(`UPDATE cultivation_runs SET status = 'finished', done = $3, finished_at = now() WHERE region_code = $1 AND id = $2`,
      [regionCode, runId, stats.enterprises]);
    await appendAudit(drizzle(client), actor, {
      regionCode, action: 'cultivation.run_finished', entityType: 'evaluation_run', entityId: runId,
      after: { ...stats, withinReach: reach.length, poolAdditions: added.rowCount ?? 0 },
    });
    await client.query('COMMIT');
    return added.rowCount ?? 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
