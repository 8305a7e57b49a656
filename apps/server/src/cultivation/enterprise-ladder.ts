// An enterprise's tier ladder over time: its tier on each ladder at every year end (from the certificates
// it held), and the engine's outcome for every rule in each past evaluation run.
import type pg from 'pg';
import type { UserActor } from '../platform/auth/actor.ts';
import { findEnterpriseScope } from '../registry/enterprises/get-enterprise.ts';
import { currentTier, LADDERS, type LadderName } from './ladder.ts';

export async function enterpriseLadder(pool: pg.Pool, actor: UserActor, id: string, today = new Date().toISOString().slice(0, 10)) {
  const scope = await findEnterpriseScope(pool, actor, id);
  const certs = (await pool.query<{ kind: string; validFrom: string; validUntil: string }>(
    `SELECT kind, valid_from::text AS "validFrom", valid_until::text AS "validUntil" FROM registry_certificates WHERE region_code = $1 AND organisation_id = $2`,
    [scope.regionCode, id])).rows;
  const first = Math.min(Number(today.slice(0, 4)), ...certs.map((c) => Number(c.validFrom.slice(0, 4))));
  const years = [];
  for (let y = first; y <= Number(today.slice(0, 4)); y++) {
    const on = y === Number(today.slice(0, 4)) ? today : `${y}-12-31`;
    years.push({ year: y, ...Object.fromEntries((Object.keys(LADDERS) as LadderName[]).map((l) => [l, currentTier(certs, on, l)])) });
  }
  const runs = (await pool.query<{ run_id: string; as_of: string; rule: string; version: string; outcome: string; unmet: number }>(
    `SELECT r.run_id, x.as_of::text, r.rule, r.version, r.outcome, r.unmet FROM cultivation_results r
     JOIN cultivation_runs x ON x.region_code = r.region_code AND x.id = r.run_id
     WHERE r.region_code = $1 AND r.organisation_id = $2 ORDER BY x.started_at DESC, r.rule LIMIT 700`, [scope.regionCode, id])).rows;
  const byRun = new Map<string, { runId: string; asOf: string; results: { rule: string; version: string; outcome: string; unmet: number }[] }>();
  for (const r of runs) {
    const entry = byRun.get(r.run_id) ?? byRun.set(r.run_id, { runId: r.run_id, asOf: r.as_of, results: [] }).get(r.run_id)!;
    entry.results.push({ rule: r.rule, version: r.version, outcome: r.outcome, unmet: r.unmet });
  }
  return { id, years, runs: [...byRun.values()] };
}
