// Runs one import: a reader thread streams the sheet, validates every row and packs the good ones as COPY
// text (row-reader-worker.ts); this thread writes them in batched transactions on two lanes while the reader goes
// on, keeps rejected rows for the error report, and reports progress on the job row (the UI polls it) and to
// a callback (the CLI's progress bar). Idempotent: rows upsert by credit code. The job row also keeps the last
// row up to which everything is written or rejected, so an interrupted job resumes after it (`resume`, from
// resume-imports.ts).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { fileError, type FileError } from './header.ts';
import type { SheetFormat } from './read-sheet.ts';
import { readRows } from './row-reader.ts';
import type { Reject } from './row-reader-protocol.ts';
import { writePackedBatch } from './write-batch.ts';
import { columnForHeader } from './columns.ts';

export type ImportProgress = { bytesRead: number; totalBytes: number; rowsRead: number; rowsImported: number; rowsFailed: number };

export type ImportOptions = {
  regionCode: string;
  path: string;
  format: SheetFormat;
  fileName: string;
  actor: AuditActor;
  /** An existing job row (created by the HTTP route); a new one otherwise. */
  jobId?: string;
  today?: string;
  batchSize?: number;
  /** Parallel write lanes; rows go to a lane by credit code, so one enterprise's rows stay in order. */
  lanes?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Resuming: rows up to `afterRow` are only read again (to find repeats within the file); `failedBefore` of them were rejected. */
  resume?: { afterRow: number; failedBefore: number };
  /** Stops reading (server shutdown): the job stays `running` with its last checkpoint, to be resumed. Rejects with the reason. */
  signal?: AbortSignal;
};

export type ImportSummary = ImportProgress & { jobId: string; status: 'finished' | 'failed'; error: FileError | null; organisationsCreated: number };

export async function createImportJob(database: Database, o: { regionCode: string; format: SheetFormat; fileName: string; totalBytes: number; startedBy: string | null; kind?: string; storedPath?: string }): Promise<string> {
  const id = crypto.randomUUID();
  await database.pool.query(
    `INSERT INTO registry_import_jobs (region_code, id, format, file_name, status, total_bytes, started_by, kind, stored_path) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8)`,
    [o.regionCode, id, o.format, o.fileName, o.totalBytes, o.startedBy, o.kind ?? 'enterprises', o.storedPath ?? null],
  );
  return id;
}

export async function runImport(database: Database, o: ImportOptions): Promise<ImportSummary> {
  const { pool } = database;
  const totalBytes = (await fs.stat(o.path)).size;
  const jobId = o.jobId ?? await createImportJob(database, { regionCode: o.regionCode, format: o.format, fileName: o.fileName, totalBytes, startedBy: o.actor.userId });
  const laneCount = Math.max(1, o.lanes ?? 2);
  const districts = (await pool.query<{ code: string }>('SELECT code FROM regions WHERE code = $1 OR parent_code = $1', [o.regionCode])).rows.map((r) => r.code);
  // Refused while validating (with the row's cells for the report); the writer checks again for a code
  // registered to a university or bank while the import runs.
  const nonEnterprise = (await pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE region_code = $1 AND kind <> 'enterprise' AND uscc IS NOT NULL", [o.regionCode])).rows.map((r) => r.uscc);

  const p: ImportProgress = { bytesRead: 0, totalBytes, rowsRead: 0, rowsImported: 0, rowsFailed: 0 };
  let organisationsCreated = 0;
  let headers: string[] = [];
  let fileProblem: FileError | null = null;
  let sawHeader = false;
  const rejects: Reject[] = [];
  // A lane skips the credit-code lookup until a batch finds an enterprise already registered (write-batch.ts).
  const lanes = Array.from({ length: laneCount }, () => ({ chain: Promise.resolve() as Promise<void>, inFlight: [] as number[], assumeUnregistered: true }));
  const clients = await Promise.all(lanes.map(() => pool.connect()));
  let lastReport = 0;
  let pendingFrom = 1;
  let writeFailure: unknown = null;

  // The callback hears of every step (a batch written, 2,000 rows read); the job row is updated at most every 400 ms.
  const report = async (force = false) => {
    o.onProgress?.({ ...p });
    const now = Date.now();
    if (!force && now - lastReport < 400) return;
    lastReport = now;
    await flushRejects(true); // a pending reject would hold the checkpoint back
    await pool.query(
      'UPDATE registry_import_jobs SET read_bytes = $3, rows_read = $4, rows_imported = $5, rows_failed = $6, resume_row = greatest(resume_row, $7) WHERE region_code = $1 AND id = $2',
      [o.regionCode, jobId, p.bytesRead, p.rowsRead, p.rowsImported, p.rowsFailed, checkpoint()],
    );
  };
  const flushRejects = async (all = false) => {
    if (rejects.length === 0 || (!all && rejects.length < 2000)) return;
    const batch = rejects.splice(0);
    await pool.query(
      `INSERT INTO registry_import_rejects (region_code, job_id, row_number, cells, errors)
       SELECT $1, $2, t.n, t.c, t.e FROM unnest($3::int[], $4::jsonb[], $5::jsonb[]) AS t(n, c, e)`,
      [o.regionCode, jobId, batch.map((r) => r.rowNumber), batch.map((r) => JSON.stringify(r.values)), batch.map((r) => JSON.stringify(r.errors))],
    );
  };
  // The last row before which nothing is waiting: not held by the reader, not in a batch in flight, not an unsaved reject.
  const checkpoint = () => {
    let next = pendingFrom;
    for (const l of lanes) if (l.inFlight.length > 0) next = Math.min(next, ...l.inFlight);
    for (const r of rejects) next = Math.min(next, r.rowNumber);
    return next - 1;
  };

  const reader = readRows({
    regionCode: o.regionCode, path: o.path, format: o.format, today: o.today ?? new Date().toISOString().slice(0, 10), districts, nonEnterprise,
    resumeAfter: o.resume?.afterRow ?? 0, batchSize: o.batchSize ?? 5000, lanes: laneCount, ahead: 2 * laneCount + 2,
  }, o.signal); // six batches ahead: both lanes fill together (rows go by credit code), so fewer left them waiting
  try {
    for await (const m of reader.messages) {
      p.rowsRead = m.rowsRead;
      p.bytesRead = m.bytesRead;
      pendingFrom = m.pendingFrom;
      for (const r of m.rejects) rejects.push(r);
      p.rowsFailed += m.rejects.length;
      if (m.skipped !== undefined && o.resume) { // rows before the checkpoint are either written or among the saved rejects
        p.rowsImported += m.skipped - o.resume.failedBefore;
        p.rowsFailed += o.resume.failedBefore;
      }
      if (m.headers) { headers = m.headers; sawHeader = true; }
      if (m.fileError) fileProblem = m.fileError;
      if (m.failure !== undefined) fileProblem = problemOf(new Error(m.failure), o.format);
      if (m.batch) {
        const { packed } = m.batch;
        const lane = lanes[m.batch.lane]!;
        const client = clients[m.batch.lane]!;
        lane.inFlight.push(packed.firstRow);
        lane.chain = lane.chain.then(async () => {
          if (writeFailure !== null) return;
          const out = await writePackedBatch(client, o.regionCode, jobId, o.actor, packed, undefined, lane.assumeUnregistered);
          if (out.conflicted) lane.assumeUnregistered = false;
          p.rowsImported += out.imported;
          organisationsCreated += out.createdOrganisations;
          for (const r of out.rejected) rejects.push({ rowNumber: r.rowNumber, values: cellsOf(headers, r), errors: r.errors });
          p.rowsFailed += out.rejected.length;
          lane.inFlight.shift();
          reader.credit();
        }).catch((err: unknown) => {
          // The reader may be waiting for this batch's credit: stop it, so the loop ends and the job fails.
          writeFailure ??= err;
          void reader.stop();
        });
      }
      await flushRejects();
      await report();
    }
    await Promise.all(lanes.map((l) => l.chain));
    if (writeFailure !== null) throw writeFailure;
    if (o.signal?.aborted) throw o.signal.reason;
    if (fileProblem === null) {
      if (!sawHeader) fileProblem = fileError('empty_sheet', '文件为空：没有表头，也没有数据行', 'The file is empty: no header and no rows').error;
      else if (p.rowsRead === 0) fileProblem = fileError('no_rows', '只有表头，没有数据行', 'The sheet has a header but no rows').error;
    }
  } catch (err) {
    await Promise.allSettled(lanes.map((l) => l.chain));
    if (o.signal?.aborted) { // stopped: keep what was written as the checkpoint to resume from
      await report(true);
      throw err;
    }
    fileProblem = writeFailure !== null ? writeProblemOf(writeFailure) : problemOf(err, o.format);
  } finally {
    await reader.stop();
    for (const c of clients) c.release();
  }
  await flushRejects(true);
  p.bytesRead = fileProblem ? p.bytesRead : totalBytes;
  await report(true);
  const status = fileProblem ? 'failed' : 'finished';
  await pool.query(
    `UPDATE registry_import_jobs SET status = $3, error = $4, headers = $5, finished_at = now() WHERE region_code = $1 AND id = $2`,
    [o.regionCode, jobId, status, fileProblem === null ? null : JSON.stringify(fileProblem), JSON.stringify(headers)],
  );
  return { ...p, jobId, status, error: fileProblem, organisationsCreated };
}

/**
 * The cells of a row the writer refused (its credit code was registered to a university or bank while the
 * import ran): the reader no longer holds the row, so the report shows its credit code.
 */
function cellsOf(headers: readonly string[], r: { uscc: string }): string[] {
  return headers.map((h) => (columnForHeader(h) === 'uscc' ? r.uscc : ''));
}

/** A batch the database refused: the batches written before it stay, and importing the file again is safe. */
function writeProblemOf(err: unknown): FileError {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'write_failed',
    message: `写入数据库失败（${detail}）：已写入的批次保留，修正后可重新导入同一文件（重复导入不会重复写入）`,
    message_en: `Writing to the database failed (${detail}); the batches written before it are kept, and importing the same file again is safe`,
  };
}

export function problemOf(err: unknown, format: SheetFormat): FileError {
  const detail = err instanceof Error ? err.message : String(err);
  if (format === 'xlsx') {
    return { code: 'malformed_file', message: `无法读取 Excel 文件（${detail}）：请另存为 .xlsx 后重试`, message_en: `Cannot read the Excel file (${detail}); save it as .xlsx and retry` };
  }
  return { code: 'malformed_file', message: `无法读取 CSV 文件（${detail}）`, message_en: `Cannot read the CSV file (${detail})` };
}
