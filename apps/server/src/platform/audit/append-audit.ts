// Appends one row to the region's audit chain, inside the caller's transaction, so the audit row and the
// change it records commit or roll back together.
import { sql } from 'drizzle-orm';
import type { Db } from '../database/open-database.ts';
import type { AuditActor } from '../auth/actor.ts';
import { auditHash, GENESIS_HASH, toJsonValue, type AuditRecord } from './audit-hash.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type AuditEntry = {
  regionCode: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export async function appendAudit(tx: Tx | Db, actor: AuditActor, entry: AuditEntry): Promise<AuditRecord & { hash: string }> {
  // Writers of one region queue here until commit; regions append in parallel.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${'audit:' + entry.regionCode}, 0))`);
  const last = await tx.execute<{ seq: string; hash: string }>(
    sql`SELECT seq, hash FROM audit_log WHERE region_code = ${entry.regionCode} ORDER BY seq DESC LIMIT 1`,
  );
  const previous = last.rows[0];
  const record: AuditRecord = {
    regionCode: entry.regionCode,
    seq: previous ? Number(previous.seq) + 1 : 1,
    occurredAt: new Date().toISOString(),
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    requestId: actor.requestId ?? null,
  };
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, record);
  await tx.execute(sql`
    INSERT INTO audit_log (region_code, seq, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id,
                           before, after, request_id, prev_hash, hash)
    VALUES (${record.regionCode}, ${record.seq}, ${record.occurredAt}, ${record.actorUserId}, ${record.actorRole},
            ${record.action}, ${record.entityType}, ${record.entityId}, ${JSON.stringify(record.before)}::jsonb,
            ${JSON.stringify(record.after)}::jsonb, ${record.requestId}, ${prevHash}, ${hash})`);
  return { ...record, hash };
}
