// Staff manage the pools: add an enterprise by hand (optionally with its mentor), remove one with a reason,
// assign a mentor. Each change is audited in its transaction. A removed member stays removed: later runs do
// not add it back, only staff do. Adding an active member again is refused, so staff learn it is already there.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { isTier } from '../ladder.ts';

type Change = { kind: 'add'; mentor?: string } | { kind: 'remove'; reason: string } | { kind: 'mentor'; mentor: string };

export async function changePoolMember(pool: pg.Pool, actor: UserActor, tier: string, organisationId: string, change: Change, requestId?: string) {
  if (!isTier(tier)) throw new DomainError('unknown_tier', 'tier', { zh: `没有“${tier}”培育库`, en: `There is no pool for "${tier}"` });
  const { rows } = await pool.query<{ region_code: string }>('SELECT region_code FROM registry_enterprises WHERE organisation_id = $1', [organisationId]);
  if (!rows[0]) throw notFound({ zh: '企业', en: 'Enterprise' });
  const regionCode = rows[0].region_code;
  authorize(actor, { roles: BUREAU_ROLES, organisation: { regionCode, organisationId } });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const before = (await client.query('SELECT status, mentor, removed_reason AS "removedReason" FROM cultivation_pool_members WHERE region_code = $1 AND tier = $2 AND organisation_id = $3 FOR UPDATE',
      [regionCode, tier, organisationId])).rows[0] as { status: string; mentor: string | null } | undefined;
    if (change.kind === 'add') {
      if (before?.status === 'active') {
        throw new DomainError('already_in_pool', 'organisationId', { zh: '该企业已在此培育库中', en: 'The enterprise is already in this pool' }, 409);
      }
      await client.query(
        `INSERT INTO cultivation_pool_members (region_code, tier, organisation_id, status, source, mentor) VALUES ($1, $2, $3, 'active', 'staff', $4)
         ON CONFLICT (region_code, tier, organisation_id) DO UPDATE SET status = 'active', removed_reason = NULL, removed_at = NULL,
           mentor = coalesce(EXCLUDED.mentor, cultivation_pool_members.mentor)`, [regionCode, tier, organisationId, change.mentor ?? null]);
    } else {
      if (!before || (change.kind === 'remove' && before.status === 'removed')) {
        throw new DomainError('not_in_pool', 'organisationId', { zh: '该企业不在此培育库中', en: 'The enterprise is not in this pool' }, 404);
      }
      if (change.kind === 'remove') {
        await client.query(`UPDATE cultivation_pool_members SET status = 'removed', removed_reason = $4, removed_at = now() WHERE region_code = $1 AND tier = $2 AND organisation_id = $3`,
          [regionCode, tier, organisationId, change.reason]);
      } else {
        await client.query('UPDATE cultivation_pool_members SET mentor = $4 WHERE region_code = $1 AND tier = $2 AND organisation_id = $3', [regionCode, tier, organisationId, change.mentor]);
      }
    }
    const after = { tier, ...change };
    await appendAudit(drizzle(client), auditActorOf(actor, requestId), { regionCode, action: `cultivation.pool_${change.kind}`, entityType: 'pool_member', entityId: `${tier}:${organisationId}`, before: before ?? null, after });
    await client.query('COMMIT');
    return after;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
