// Runs one import: streams the sheet, validates every row, writes good rows in batched transactions (while
// the next batch is being read), keeps rejected rows for the error report, and reports progress on the job
// row (the UI polls it) and to a callback (the CLI's progress bar). Idempotent: rows upsert by credit code.
// The job row also keeps the last row up to which everything is written or rejected, so an interrupted job
// resumes after it (`resume`, from resume-imports.ts).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { analyseHeader, fileError, type FileError, type HeaderMap } from './header.ts';
import { readSheet, type SheetFormat } from './read-sheet.ts';
import { validateRow, type ImportRow, type RowContext, type RowError } from './validate-row.ts';
import { writeBatch } from './write-batch.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';

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

type Reject = { rowNumber: number; values: string[]; errors: RowError[] };

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
  const batchSize = o.batchSize ?? 5000;
  const laneCount = Math.max(1, o.lanes ?? 2);
  const districts = new Set((await pool.query<{ code: string }>('SELECT code FROM regions WHERE code = $1 OR parent_code = $1', [o.regionCode])).rows.map((r) => r.code));
  const ctx: RowContext = { districts, today: o.today ?? new Date().toISOString().slice(0, 10), seen: new Map() };

  const p: ImportProgress = { bytesRead: 0, totalBytes, rowsRead: 0, rowsImported: 0, rowsFailed: 0 };
  let organisationsCreated = 0;
  let headers: string[] = [];
  let map: HeaderMap | null = null;
  let fileProblem: FileError | null = null;
  const rejects: Reject[] = [];
  const valuesOf = new Map<number, string[]>(); // row number → cells, only while the row's batch is in flight
  const lanes = Array.from({ length: laneCount }, () => ({ buffer: [] as ImportRow[], chain: Promise.resolve() as Promise<void>, inFlight: [] as number[] }));
  const clients = await Promise.all(lanes.map(() => pool.connect()));
  let lastReport = 0;

  const report = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 400) return;
    lastReport = now;
    o.onProgress?.({ ...p });
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
  let lastRow = 0;
  // The last row before which nothing is waiting: not in a lane, not in a batch in flight, not an unsaved reject.
  const checkpoint = () => {
    let next = lastRow + 1;
    for (const l of lanes) next = Math.min(next, l.buffer[0]?.rowNumber ?? next, ...l.inFlight);
    for (const r of rejects) next = Math.min(next, r.rowNumber);
    return next - 1;
  };
  const dispatch = (lane: (typeof lanes)[number], client: (typeof clients)[number]) => {
    const rows = lane.buffer;
    lane.buffer = [];
    lane.inFlight.push(rows[0]!.rowNumber);
    lane.chain = lane.chain.then(async () => {
      const out = await writeBatch(client, o.regionCode, jobId, o.actor, rows);
      p.rowsImported += out.imported;
      organisationsCreated += out.createdOrganisations;
      for (const r of out.rejected) {
        rejects.push({ rowNumber: r.row.rowNumber, values: valuesOf.get(r.row.rowNumber) ?? [], errors: r.errors });
        p.rowsFailed++;
      }
      for (const r of rows) valuesOf.delete(r.rowNumber);
      lane.inFlight.shift();
    });
  };

  try {
    const sheet = readSheet(o.path, o.format);
    const resumeAfter = o.resume?.afterRow ?? 0;
    let skipped = 0;
    const settleSkipped = () => { // rows before the checkpoint are either written or among the saved rejects
      if (o.resume === undefined || skipped < 0) return;
      p.rowsImported += skipped - o.resume.failedBefore;
      p.rowsFailed += o.resume.failedBefore;
      skipped = -1;
    };
    for await (const { rowNumber, values } of sheet.rows) {
      if (o.signal?.aborted) break;
      p.bytesRead = sheet.bytesRead();
      if (map === null) {
        const h = analyseHeader(values);
        if (!h.ok) { fileProblem = h.error; break; }
        map = h.map;
        headers = values.slice(0, map.length);
        continue;
      }
      p.rowsRead++;
      const cells: Partial<Record<ColumnKey, string>> = { ...BLANK_CELLS }; // one object shape for every row: faster access
      for (let i = 0; i < map.length; i++) {
        const k = map[i];
        if (k) cells[k] = values[i] ?? '';
      }
      const verdict = validateRow(rowNumber, cells, ctx);
      if (rowNumber <= resumeAfter) { skipped++; continue; }
      settleSkipped();
      lastRow = rowNumber;
      if (!verdict.ok) {
        rejects.push({ rowNumber, values, errors: verdict.errors });
        p.rowsFailed++;
      } else {
        const n = laneOf(verdict.row.uscc, laneCount);
        const lane = lanes[n]!;
        lane.buffer.push(verdict.row);
        valuesOf.set(rowNumber, values);
        if (lane.buffer.length >= batchSize) {
          await lane.chain; // back-pressure: at most one batch in flight per lane while the next is read
          dispatch(lane, clients[n]!);
        }
      }
      if (p.rowsRead % 1000 === 0) { await flushRejects(); await report(); }
    }
    if (o.signal?.aborted) {
      await Promise.allSettled(lanes.map((l) => l.chain));
      throw o.signal.reason;
    }
    settleSkipped();
    if (fileProblem === null) {
      lanes.forEach((lane, i) => { if (lane.buffer.length > 0) dispatch(lane, clients[i]!); });
      await Promise.all(lanes.map((l) => l.chain));
      if (map === null) fileProblem = fileError('empty_sheet', '文件为空：没有表头，也没有数据行', 'The file is empty: no header and no rows').error;
      else if (p.rowsRead === 0) fileProblem = fileError('no_rows', '只有表头，没有数据行', 'The sheet has a header but no rows').error;
    }
  } catch (err) {
    await Promise.allSettled(lanes.map((l) => l.chain));
    if (o.signal?.aborted) throw err;
    fileProblem = problemOf(err, o.format);
  } finally {
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

/** Every column empty; a row's cells start as a copy, so all rows share one object shape. */
const BLANK_CELLS = Object.fromEntries(COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;

function laneOf(uscc: string, n: number): number {
  if (n === 1) return 0;
  let h = 0;
  for (let i = 0; i < uscc.length; i++) h = (h * 31 + uscc.charCodeAt(i)) | 0;
  return Math.abs(h) % n;
}

export function problemOf(err: unknown, format: SheetFormat): FileError {
  const detail = err instanceof Error ? err.message : String(err);
  if (format === 'xlsx') {
    return { code: 'malformed_file', message: `无法读取 Excel 文件（${detail}）：请另存为 .xlsx 后重试`, message_en: `Cannot read the Excel file (${detail}); save it as .xlsx and retry` };
  }
  return { code: 'malformed_file', message: `无法读取 CSV 文件（${detail}）`, message_en: `Cannot read the CSV file (${detail})` };
}
