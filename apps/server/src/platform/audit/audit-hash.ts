// The hash that links one audit row to the one before it: SHA-256 over the previous hash and a canonical
// JSON of the row (keys sorted at every depth, so jsonb's own key order on read-back does not matter).
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = {
  regionCode: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export function auditHash(prevHash: string, record: AuditRecord): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(record)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What is stored in the jsonb columns: plain JSON, with bigints and dates turned into strings. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}
