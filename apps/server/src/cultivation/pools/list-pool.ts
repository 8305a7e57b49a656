// The pools board: members of each tier's pool, by cluster, with the latest run's verdict on the tier
// (outcome, unmet criteria, gaps) and whether the enterprise has meanwhile obtained it.
import type pg from 'pg';
import type { UserActor } from '../../platform/auth/actor.ts';
import { regionPrefix } from '../../registry/scope.ts';

export type PoolFilter = { tier?: string; cluster?: string; status?: 'active' | 'removed' | 'all'; organisationId?: string; q?: string; limit: number; offset: number };

export async function listPool(pool: pg.Pool, actor: UserActor, f: PoolFilter, today = new Date().toISOString().slice(0, 10)) {
  const status = f.status ?? 'active';
  const params: unknown[] = [`${regionPrefix(actor)}%`, today, status];
  // $2 (today) is read by the item query only; status 'all' (an enterprise's page) shows removed memberships too
  const where = ['m.region_code LIKE $1', '$2::date IS NOT NULL', "($3 = 'all' OR m.status = $3)"];
  if (f.tier) { params.push(f.tier); where.push(`m.tier = $${params.length}`); }
  if (f.cluster) { params.push(f.cluster); where.push(`e.cluster = $${params.length}`); }
  if (f.organisationId) { params.push(f.organisationId); where.push(`m.organisation_id = $${params.length}`); }
  if (f.q) { params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`); where.push(`(o.name ILIKE $${params.length} OR o.uscc ILIKE $${params.length})`); }
  const from = `FROM cultivation_pool_members m
    JOIN organisations o ON o.region_code = m.region_code AND o.id = m.organisation_id
    LEFT JOIN registry_enterprises e ON e.region_code = m.region_code AND e.organisation_id = m.organisation_id
    WHERE ${where.join(' AND ')}`;
  const latestRun = `(SELECT id FROM cultivation_runs r WHERE r.region_code = m.region_code AND r.status = 'finished' ORDER BY r.finished_at DESC LIMIT 1)`;
  const [items, counts, total] = await Promise.all([
    pool.query(
      `SELECT m.organisation_id AS "organisationId", o.name, o.uscc, o.district_code AS "districtCode", e.cluster, m.tier, m.status, m.source, m.mentor,
              m.added_at AS "addedAt", m.removed_reason AS "removedReason", res.outcome, res.unmet, res.gap_criteria AS "gapCriteria",
              res.score_min::float8 AS "scoreMin", res.score_max::float8 AS "scoreMax",
              EXISTS (SELECT 1 FROM registry_certificates c WHERE c.region_code = m.region_code AND c.organisation_id = m.organisation_id
                      AND c.kind = m.tier AND c.valid_from <= $2 AND c.valid_until >= $2) AS "obtained"
       ${from.replace('WHERE', `LEFT JOIN cultivation_results res ON res.region_code = m.region_code AND res.run_id = ${latestRun}
            AND res.organisation_id = m.organisation_id AND res.rule = m.tier WHERE`)}
       ORDER BY m.tier, res.unmet NULLS LAST, o.name LIMIT ${f.limit} OFFSET ${f.offset}`, params),
    pool.query<{ tier: string; cluster: string | null; n: string }>(`SELECT m.tier, e.cluster, count(*) AS n ${from} GROUP BY m.tier, e.cluster`, params),
    pool.query<{ n: string }>(`SELECT count(*) AS n ${from}`, params),
  ]);
  return {
    items: items.rows.map((r) => ({ ...r, addedAt: (r.addedAt as Date).toISOString() })),
    counts: counts.rows.map((c) => ({ tier: c.tier, cluster: c.cluster, count: Number(c.n) })),
    total: Number(total.rows[0]!.n),
  };
}
