import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { buildApp } from '../../platform/http/build-app.ts';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { COLUMNS, templateHeader } from './columns.ts';
import { importSheet, type ImportKind } from './import-sheet.ts';
import { templateHeaderOf } from './kinds/sheet-kind.ts';
import { SHEET_KINDS } from './kinds/sheet-kinds.ts';
import { closeUnresumableUploads, findInterruptedImports, resumeImport } from './resume-imports.ts';
import { createImportJob } from './run-import.ts';

let t: TestApp;
let dir: string;
let host = '';
beforeAll(async () => {
  t = await createTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kc-resume-'));
  host = (await t.database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'enterprise' AND region_code = $1 LIMIT 1", [REGION])).rows[0]!.uscc;
});
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const REGION = '410300';
const q = <T extends object>(sql: string, params: unknown[] = []) => t.database.pool.query<T & Record<string, unknown>>(sql, params).then((r) => r.rows);

type Job = { status: string; resume_row: number; rows_read: number; rows_imported: number; rows_failed: number; error: { code: string; message: string; message_en: string } | null };
const jobRow = async (id: string) => (await q<Job>('SELECT status, resume_row, rows_read, rows_imported, rows_failed, error FROM registry_import_jobs WHERE id = $1', [id]))[0]!;

/** Starts a job the way the upload route does (file kept, path on the job), stops it once a few batches are written. */
async function startAndStop(kind: ImportKind, file: string, batchSize: number): Promise<string> {
  const jobId = await createImportJob(t.database, { regionCode: REGION, format: 'csv', fileName: path.basename(file), totalBytes: (await fs.stat(file)).size, startedBy: null, kind, storedPath: file });
  const stop = new AbortController();
  await expect(importSheet(t.database, kind, {
    regionCode: REGION, path: file, format: 'csv', fileName: path.basename(file), actor: SYSTEM_ACTOR, jobId, batchSize, lanes: 2,
    // The enterprise import reports as soon as its reader starts; it is stopped once two batches are written.
    signal: stop.signal, onProgress: (p) => { if (kind !== 'enterprises' || p.rowsImported >= 2 * batchSize) stop.abort(new Error('server stopped')); },
  })).rejects.toThrow('server stopped');
  return jobId;
}

async function resume(jobId: string) {
  const job = (await findInterruptedImports(t.database)).find((j) => j.id === jobId);
  expect(job).toBeDefined();
  return resumeImport(t.database, job!);
}

describe('resuming an interrupted import', () => {
  test('an enterprise import stopped after some batches resumes after its checkpoint: every row lands once, counts are right', async () => {
    const uscc = (n: number) => makeUscc(`91410300RKT${String(n).padStart(6, '0')}`);
    const base = Object.fromEntries(COLUMNS.map((c) => [c.key, c.example]));
    const lines = [COLUMNS.map(templateHeader).join(',')];
    for (let i = 1; i <= 2500; i++) lines.push(COLUMNS.map((c) => (c.key === 'uscc' ? uscc(i) : c.key === 'employees' && i % 100 === 0 ? '-1' : base[c.key]!)).join(','));
    const file = path.join(dir, 'enterprises.csv');
    await fs.writeFile(file, lines.join('\n'));

    const jobId = await startAndStop('enterprises', file, 200);
    const stopped = await jobRow(jobId);
    expect(stopped.status).toBe('running');
    expect(stopped.resume_row).toBeGreaterThan(101); // past the first bad row: rejects are saved with each checkpoint
    expect(stopped.resume_row).toBeLessThan(2501);
    const landedBefore = (await q<{ n: number }>("SELECT count(*)::int AS n FROM organisations WHERE uscc LIKE '91410300RKT%'"))[0]!.n;
    expect(landedBefore).toBeLessThan(2475);

    const summary = await resume(jobId);
    expect(summary).toMatchObject({ status: 'finished', rowsRead: 2500, rowsImported: 2475, rowsFailed: 25 });
    expect(await jobRow(jobId)).toMatchObject({ status: 'finished', rows_read: 2500, rows_imported: 2475, rows_failed: 25 });
    const years = await q<{ n: number; orgs: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT o.id)::int AS orgs FROM registry_fiscal_years f JOIN organisations o ON o.id = f.organisation_id WHERE o.uscc LIKE '91410300RKT%'");
    expect(years[0]).toEqual({ n: 2475, orgs: 2475 });
    const rejected = await q<{ row_number: number }>('SELECT row_number FROM registry_import_rejects WHERE job_id = $1 ORDER BY row_number', [jobId]);
    expect(rejected.map((r) => r.row_number)).toEqual(Array.from({ length: 25 }, (_, k) => (k + 1) * 100 + 1)); // data row i is sheet row i + 1
    await expect(fs.stat(file)).rejects.toThrow(); // the kept upload is removed once the job ends
  });

  test('a talents import stopped after its first batch resumes from the next row', async () => {
    const columns = SHEET_KINDS.talents.columns;
    const lines = [columns.map(templateHeaderOf).join(',')];
    for (let i = 1; i <= 30; i++) lines.push([host, '', `续传团队${i}`, '团队', '河洛英才计划', i % 10 === 0 ? '2099' : '2022'].join(','));
    const file = path.join(dir, 'talents.csv');
    await fs.writeFile(file, lines.join('\n'));

    const jobId = await startAndStop('talents', file, 5);
    expect(await jobRow(jobId)).toMatchObject({ status: 'running', resume_row: 6 }); // rows 2–6: the first batch
    expect((await q<{ n: number }>("SELECT count(*)::int AS n FROM registry_talents WHERE name LIKE '续传团队%'"))[0]!.n).toBe(5);
    // Rows up to the checkpoint are not read for writing again: a change to one of them in the kept file stays unseen.
    await fs.writeFile(file, lines.join('\n').replace('续传团队1,团队,河洛英才计划,2022', '续传团队1,团队,河洛英才计划,2021'));

    const summary = await resume(jobId);
    expect(summary).toMatchObject({ status: 'finished', rowsRead: 30, rowsImported: 27, rowsFailed: 3 });
    expect((await q<{ n: number; names: number }>("SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM registry_talents WHERE name LIKE '续传团队%'"))[0]).toEqual({ n: 27, names: 27 });
    expect((await q<{ row_number: number }>('SELECT row_number FROM registry_import_rejects WHERE job_id = $1 ORDER BY row_number', [jobId])).map((r) => r.row_number)).toEqual([11, 21, 31]);
    expect((await q<{ year: number }>("SELECT year FROM registry_talents WHERE name = '续传团队1'"))[0]!.year).toBe(2022);
  });

  test('a job whose uploaded file is gone is marked interrupted with the reason in both languages', async () => {
    const jobId = await createImportJob(t.database, { regionCode: REGION, format: 'csv', fileName: 'gone.csv', totalBytes: 10, startedBy: null, kind: 'platforms', storedPath: path.join(dir, 'gone.csv') });
    expect(await resume(jobId)).toBeNull();
    const job = await jobRow(jobId);
    expect(job.status).toBe('interrupted');
    expect(job.error?.code).toBe('upload_lost');
    expect(job.error?.message).toContain('上传的文件已不存在');
    expect(job.error?.message_en).toContain('uploaded file is gone');
    expect((await findInterruptedImports(t.database)).map((j) => j.id)).not.toContain(jobId);
  });

  test('an upload left running from before uploads were kept is closed as interrupted; a CLI job is left alone', async () => {
    const { rows: [user] } = await t.database.pool.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    const old = await createImportJob(t.database, { regionCode: REGION, format: 'xlsx', fileName: 'old.xlsx', totalBytes: 10, startedBy: user!.id });
    const cli = await createImportJob(t.database, { regionCode: REGION, format: 'csv', fileName: 'cli.csv', totalBytes: 10, startedBy: null });
    expect(await closeUnresumableUploads(t.database)).toBe(1);
    expect(await jobRow(old)).toMatchObject({ status: 'interrupted', error: { code: 'upload_lost' } });
    expect((await jobRow(cli)).status).toBe('running');
    await t.database.pool.query("UPDATE registry_import_jobs SET status = 'finished' WHERE id = $1", [cli]);
  });

  test('a server starting on the database resumes a job left running', async () => {
    const columns = SHEET_KINDS.certificates.columns;
    const file = path.join(dir, 'certs.csv');
    await fs.writeFile(file, [columns.map(templateHeaderOf).join(','), [host, '', '科技型中小企业', '国家级', 'RSM-2024-1', '2024-04-30', '2024-12-31'].join(',')].join('\n'));
    const jobId = await createImportJob(t.database, { regionCode: REGION, format: 'csv', fileName: 'certs.csv', totalBytes: 100, startedBy: null, kind: 'certificates', storedPath: file });
    const app = await buildApp({ config: t.config, database: t.database }, { logger: false, webDistDir: '/nonexistent' });
    await app.ready();
    try {
      for (let i = 0; i < 100 && (await jobRow(jobId)).status === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await jobRow(jobId)).toMatchObject({ status: 'finished', rows_imported: 1, rows_failed: 0 });
      expect((await q<{ n: number }>("SELECT count(*)::int AS n FROM registry_certificates WHERE number = 'RSM-2024-1'"))[0]!.n).toBe(1);
    } finally {
      await app.close();
    }
  });
});
