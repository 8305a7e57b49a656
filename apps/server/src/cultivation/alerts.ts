// Alerts for bureau staff: certificates expiring within 180 days (a 高企 certificate lasts three years and
// must be re-applied for in time), and enterprises the latest run newly found within reach of a tier.
import type pg from 'pg';
import type { UserActor } from '../platform/auth/actor.ts';
import { regionPrefix } from '../registry/scope.ts';

export const EXPIRY_WINDOW_DAYS = 180;

export async function listAlerts(pool: pg.Pool, actor: UserActor, today = new Date().toISOString().slice(0, 10)) {
  const prefix = `${regionPrefix(actor)}%`;
  const expiring = await pool.query(
    `SELECT c.organisation_id AS "organisationId", o.name, c.kind, c.number, c.valid_until::text AS "validUntil", (c.valid_until - $2::date) AS "daysLeft"
     FROM registry_certificates c JOIN organisations o ON o.region_code = c.region_code AND o.id = c.organisation_id
     WHERE c.region_code LIKE $1 AND c.valid_until >= $2::date AND c.valid_until <= $2::date + $3::int AND c.kind <> 'tech-sme'
       AND NOT EXISTS (SELECT 1 FROM registry_certificates n WHERE n.region_code = c.region_code AND n.organisation_id = c.organisation_id
                       AND n.kind = c.kind AND n.valid_from > c.valid_from)
     ORDER BY c.valid_until, o.name LIMIT 500`, [prefix, today, EXPIRY_WINDOW_DAYS]);
  const reach = await pool.query(
    `SELECT m.organisation_id AS "organisationId", o.name, m.tier, r.as_of::text AS "asOf"
     FROM cultivation_pool_members m
     JOIN cultivation_runs r ON r.region_code = m.region_code AND r.id = m.added_run_id
     JOIN organisations o ON o.region_code = m.region_code AND o.id = m.organisation_id
     WHERE m.region_code LIKE $1 AND m.status = 'active' AND m.source = 'engine'
       AND r.id = (SELECT id FROM cultivation_runs x WHERE x.region_code = m.region_code AND x.status = 'finished' ORDER BY x.finished_at DESC LIMIT 1)
     ORDER BY m.tier, o.name LIMIT 500`, [prefix]);
  return { expiring: expiring.rows, newlyWithinReach: reach.rows };
}
