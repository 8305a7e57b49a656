import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { appendAudit } from './append-audit.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../../bin/kechuang.js');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    await database.db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, {
      regionCode: i % 2 ? '410300' : '371500', action: 'thing.changed', entityType: 'thing', entityId: `t${i}`,
      before: { n: i - 1, nested: { z: 1, a: [1, '二'] } }, after: { n: i, note: '第' + i + '次' },
    }));
  }
});
afterAll(async () => database.close());

describe('the audit log', () => {
  test('each region has its own chain, linked from a genesis hash', async () => {
    const { rows } = await database.pool.query("SELECT * FROM audit_log WHERE region_code = '410300' ORDER BY seq");
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[0].hash).toBe(auditHash(GENESIS_HASH, {
      regionCode: '410300', seq: 1, occurredAt: rows[0].occurred_at.toISOString(), actorUserId: null, actorRole: 'system',
      action: 'thing.changed', entityType: 'thing', entityId: 't1', before: { nested: { a: [1, '二'], z: 1 }, n: 0 }, after: { n: 1, note: '第1次' }, requestId: null,
    }));
  });

  test('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(database.pool.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(database.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  test('concurrent writers never fork a chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => database.db.transaction((tx) =>
      appendAudit(tx, SYSTEM_ACTOR, { regionCode: '410300', action: 'race', entityType: 'thing', entityId: `r${i}` }))));
    const result = await verifyAuditChain(database.pool);
    expect(result.firstBroken).toBeNull();
    expect(result.rowsChecked).toBe(25);
  });

  test('kechuang audit verify passes an intact log and reports the first broken link of an altered one', async () => {
    const env = { ...process.env, DATABASE_URL: database.url };
    const ok = await run('node', [CLI, 'audit', 'verify', '--json'], { env });
    expect(JSON.parse(ok.stdout)).toMatchObject({ firstBroken: null, regions: 2 });

    // Someone with superuser rights switches the guard off and edits history.
    await database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await database.pool.query(`UPDATE audit_log SET after = '{"n": 999}' WHERE region_code = '410300' AND seq = 2`);
    await database.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');

    const broken = await run('node', [CLI, 'audit', 'verify', '--json'], { env }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in broken && broken.code).toBe(2);
    expect(JSON.parse(broken.stdout).firstBroken).toMatchObject({ regionCode: '410300', seq: 2, problem: 'hash_mismatch' });

    const text = await run('node', [CLI, 'audit', 'verify'], { env }).catch((e: { stdout: string }) => e);
    expect(text.stdout).toMatch(/BROKEN: region 410300 seq 2/);
  });

  test('a deleted row shows as a gap in the sequence', async () => {
    await database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await database.pool.query("DELETE FROM audit_log WHERE region_code = '371500' AND seq = 1");
    await database.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    const result = await verifyAuditChain(database.pool);
    // 371500 sorts first: its chain now starts at seq 2
    expect(result.firstBroken).toMatchObject({ regionCode: '371500', seq: 2, problem: 'sequence_gap' });
  });
});
