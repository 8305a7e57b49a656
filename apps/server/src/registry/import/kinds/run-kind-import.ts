// The import pipeline for the sheet kinds other than enterprises (certificates, honours, platforms, talents):
// the enterprise import's reader, header check, row validation with every error named, batches in one
// transaction each, rejects kept as sent for the error report, progress and checkpoint on the job row, stop
// and resume. One write lane and plain INSERT … SELECT FROM unnest rather than COPY: these sheets hold
// thousands of rows, not millions.
import fs from 'node:fs/promises';
import type { Database } from '../../../platform/database/open-database.ts';
import { analyseHeaderOf, fileError, type FileError } from '../header.ts';
import { readSheet } from '../read-sheet.ts';
import { createImportJob, problemOf, type ImportOptions, type ImportProgress, type ImportSummary } from '../run-import.ts';
import type { KindContext, KindRow, SheetKind, SheetRowError } from './sheet-kind.ts';
import { writeKindBatch } from './write-kind-batch.ts';

type Reject = { rowNumber: number; values: string[]; errors: SheetRowError[] };

export async function runKindImport(database: Database, kind: SheetKind, o: ImportOptions): Promise<ImportSummary> {
  const { pool } = database;
  const totalBytes = (await fs.stat(o.path)).size;
  const jobId = o.jobId ?? await createImportJob(database, { regionCode: o.regionCode, format: o.format, fileName: o.fileName, totalBytes, startedBy: o.actor.userId, kind: kind.id });
  const batchSize = o.batchSize ?? 2000;
  const ctx: KindContext = { today: o.today ?? new Date().toISOString().slice(0, 10), seen: new Map() };
  const p: ImportProgress = { bytesRead: 0, totalBytes, rowsRead: 0, rowsImported: 0, rowsFailed: 0 };
  let headers: string[] = [];
  let map: (string | null)[] | null = null;
  let fileProblem: FileError | null = null;
  const rejects: Reject[] = [];
  let buffer: { row: KindRow; values: string[] }[] = [];
  let lastRow = 0;
  let lastReport = 0;
  const resumeAfter = o.resume?.afterRow ?? 0;
  let skipped = 0;
  const client = await pool.connect();

  const flushRejects = async () => {
    if (rejects.length === 0) return;
    const batch = rejects.splice(0);
    await pool.query(
      `INSERT INTO registry_import_rejects (region_code, job_id, row_number, cells, errors)
       SELECT $1, $2, t.n, t.c, t.e FROM unnest($3::int[], $4::jsonb[], $5::jsonb[]) AS t(n, c, e)`,
      [o.regionCode, jobId, batch.map((r) => r.rowNumber), batch.map((r) => JSON.stringify(r.values)), batch.map((r) => JSON.stringify(r.errors))],
    );
  };
  // Called between batches only, when every row read so far is written or among the saved rejects.
  const report = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 400) return;
    lastReport = now;
    o.onProgress?.({ ...p });
    await pool.query(
      'UPDATE registry_import_jobs SET read_bytes = $3, rows_read = $4, rows_imported = $5, rows_failed = $6, resume_row = greatest(resume_row, $7) WHERE region_code = $1 AND id = $2',
      [o.regionCode, jobId, p.bytesRead, p.rowsRead, p.rowsImported, p.rowsFailed, lastRow],
    );
  };
  const write = async () => {
    const rows = buffer;
    buffer = [];
    if (rows.length > 0) {
      const out = await writeKindBatch(client, kind, o.regionCode, jobId, o.actor, rows.map((r) => r.row));
      p.rowsImported += out.imported;
      const valuesOf = new Map(rows.map((r) => [r.row.rowNumber, r.values]));
      for (const r of out.rejected) rejects.push({ rowNumber: r.row.rowNumber, values: valuesOf.get(r.row.rowNumber) ?? [], errors: r.errors });
      p.rowsFailed += out.rejected.length;
    }
    await flushRejects();
  };
  const settleSkipped = () => {
    if (o.resume === undefined || skipped < 0) return;
    p.rowsImported += skipped - o.resume.failedBefore;
    p.rowsFailed += o.resume.failedBefore;
    skipped = -1;
  };

  try {
    const sheet = readSheet(o.path, o.format);
    for await (const { rowNumber, values } of sheet.rows) {
      if (o.signal?.aborted) throw o.signal.reason;
      p.bytesRead = sheet.bytesRead();
      if (map === null) {
        const h = analyseHeaderOf(values, kind.columns);
        if (!h.ok) { fileProblem = h.error; break; }
        map = h.map;
        headers = values.slice(0, map.length);
        continue;
      }
      p.rowsRead++;
      const cells: Record<string, string> = {};
      for (let i = 0; i < map.length; i++) {
        const k = map[i];
        if (k) cells[k] = values[i] ?? '';
      }
      const verdict = kind.validate(rowNumber, cells, ctx);
      if (rowNumber <= resumeAfter) { skipped++; continue; }
      settleSkipped();
      if (!verdict.ok) {
        rejects.push({ rowNumber, values, errors: verdict.errors });
        p.rowsFailed++;
      } else {
        buffer.push({ row: verdict.row, values });
      }
      if (buffer.length >= batchSize || rejects.length >= batchSize) {
        await write();
        lastRow = rowNumber;
        await report();
      }
    }
    settleSkipped();
    if (fileProblem === null) {
      await write();
      if (map === null) fileProblem = fileError('empty_sheet', '文件为空：没有表头，也没有数据行', 'The file is empty: no header and no rows').error;
      else if (p.rowsRead === 0) fileProblem = fileError('no_rows', '只有表头，没有数据行', 'The sheet has a header but no rows').error;
    }
  } catch (err) {
    if (o.signal?.aborted) throw err;
    fileProblem = problemOf(err, o.format);
  } finally {
    client.release();
  }
  await flushRejects();
  p.bytesRead = fileProblem ? p.bytesRead : totalBytes;
  await report(true);
  const status = fileProblem ? 'failed' : 'finished';
  await pool.query(
    `UPDATE registry_import_jobs SET status = $3, error = $4, headers = $5, finished_at = now() WHERE region_code = $1 AND id = $2`,
    [o.regionCode, jobId, status, fileProblem === null ? null : JSON.stringify(fileProblem), JSON.stringify(headers)],
  );
  return { ...p, jobId, status, error: fileProblem, organisationsCreated: 0 };
}
