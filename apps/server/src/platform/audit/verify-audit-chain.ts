// Re-walks every region's audit chain and reports the first row whose hash, link or sequence is wrong.
import type pg from 'pg';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export type BrokenLink = {
  regionCode: string;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
  expected: string;
  actual: string;
};

export type AuditVerification = { rowsChecked: number; regions: number; firstBroken: BrokenLink | null };

type Row = {
  region_code: string; seq: string; occurred_at: Date; actor_user_id: string | null; actor_role: string; action: string;
  entity_type: string; entity_id: string; before: unknown; after: unknown; request_id: string | null; prev_hash: string; hash: string;
};

const BATCH = 5_000;

export async function verifyAuditChain(pool: pg.Pool, onProgress?: (rowsChecked: number) => void): Promise<AuditVerification> {
  const regions = (await pool.query<{ region_code: string }>('SELECT DISTINCT region_code FROM audit_log ORDER BY 1')).rows;
  let rowsChecked = 0;
  for (const { region_code: regionCode } of regions) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const { rows } = await pool.query<Row>(
        `SELECT * FROM audit_log WHERE region_code = $1 AND seq >= $2 ORDER BY seq LIMIT ${BATCH}`,
        [regionCode, expectedSeq],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        const broken = checkRow(row, seq, expectedSeq, prevHash);
        if (broken) return { rowsChecked, regions: regions.length, firstBroken: broken };
        rowsChecked++;
        expectedSeq = seq + 1;
        prevHash = row.hash;
      }
      onProgress?.(rowsChecked);
      if (rows.length < BATCH) break;
    }
  }
  return { rowsChecked, regions: regions.length, firstBroken: null };
}

function checkRow(row: Row, seq: number, expectedSeq: number, prevHash: string): BrokenLink | null {
  const at = { regionCode: row.region_code, seq };
  if (seq !== expectedSeq) return { ...at, problem: 'sequence_gap', expected: String(expectedSeq), actual: String(seq) };
  if (row.prev_hash !== prevHash) return { ...at, problem: 'prev_hash_mismatch', expected: prevHash, actual: row.prev_hash };
  const recomputed = auditHash(prevHash, {
    regionCode: row.region_code,
    seq,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  });
  if (recomputed !== row.hash) return { ...at, problem: 'hash_mismatch', expected: recomputed, actual: row.hash };
  return null;
}
