// An enterprise (or bureau staff) edits the registry attributes of its profile.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { findEnterpriseScope } from './get-enterprise.ts';

export type ProfileInput = { foundedOn?: string | null; industryCode?: string | null; techField?: string | null; cluster?: string | null };

export async function updateProfile(pool: pg.Pool, actor: UserActor, id: string, input: ProfileInput, requestId?: string, today = new Date().toISOString().slice(0, 10)) {
  const scope = await findEnterpriseScope(pool, actor, id);
  if (input.foundedOn && input.foundedOn > today) {
    throw new DomainError('in_future', 'foundedOn', { zh: `成立日期 ${input.foundedOn} 晚于今天`, en: `Founding date ${input.foundedOn} is in the future` });
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const before = (await client.query('SELECT founded_on::text AS "foundedOn", industry_code AS "industryCode", tech_field AS "techField", cluster FROM registry_enterprises WHERE region_code = $1 AND organisation_id = $2 FOR UPDATE', [scope.regionCode, id])).rows[0] as ProfileInput;
    const after = { ...before, ...input };
    await client.query(
      'UPDATE registry_enterprises SET founded_on = $3, industry_code = $4, tech_field = $5, cluster = $6, updated_at = now() WHERE region_code = $1 AND organisation_id = $2',
      [scope.regionCode, id, after.foundedOn ?? null, after.industryCode ?? null, after.techField ?? null, after.cluster ?? null]);
    await appendAudit(drizzle(client), auditActorOf(actor, requestId), { regionCode: scope.regionCode, action: 'registry.profile_updated', entityType: 'enterprise', entityId: id, before, after });
    await client.query('COMMIT');
    return after;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
