// A listing import started over HTTP: the job row is created before the upload is answered, the import
// runs afterwards and writes its progress (bytes and rows read) to the row the page polls, then keeps the
// rejected rows so the error report can be downloaded as long as the job exists.
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { AuditActor, UserActor } from '../../platform/auth/actor.ts';
import { isBureau } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { readSheet, type SheetFormat } from '../../registry/import/read-sheet.ts';
import { importListings, writeImportReport } from './import-listings.ts';
import { marketImportJobs as jobs, marketImportRejects as rejects } from './schema.ts';

export type MarketImportJob = {
  id: string; status: 'running' | 'finished' | 'failed'; format: string; fileName: string; publish: 'draft' | 'published';
  totalBytes: number; readBytes: number; rowsRead: number; rowsImported: number; rowsFailed: number;
  error: { code: string; message: string; message_en: string } | null; startedAt: string; finishedAt: string | null;
};

export type ImportScope = { regionCode: string; organisationId: string | null; creditCode: string | null; publish: 'draft' | 'published' };

/** Bureau users import for their region and may publish at once; an organisation imports its own drafts. */
export async function importScopeOf(db: Db, actor: UserActor, publish: boolean): Promise<ImportScope> {
  if (isBureau(actor)) return { regionCode: actor.regionCode, organisationId: null, creditCode: null, publish: publish ? 'published' : 'draft' };
  if (publish) throw new DomainError('publish_not_allowed', 'publish', { zh: '只有科技局导入时可以直接发布；机构导入的条目为草稿', en: 'Only the bureau can publish on import; an organisation imports drafts' }, 403);
  if (!actor.organisation) throw new DomainError('no_organisation', null, { zh: '当前账号不属于任何机构', en: 'Your account belongs to no organisation' }, 409);
  const { rows } = await db.execute<{ uscc: string }>(sql`SELECT uscc FROM organisations WHERE id = ${actor.organisation.id}`);
  return { regionCode: actor.regionCode, organisationId: actor.organisation.id, creditCode: rows[0]?.uscc ?? null, publish: 'draft' };
}

export async function createImportJob(db: Db, scope: ImportScope, file: { format: SheetFormat; fileName: string; bytes: number }, startedBy: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(jobs).values({
    regionCode: scope.regionCode, id, format: file.format, fileName: file.fileName, organisationId: scope.organisationId, publish: scope.publish,
    status: 'running', totalBytes: file.bytes, startedBy,
  });
  return id;
}

const PROGRESS_EVERY_MS = 200;

/** The advisory-lock key of a job: held by the process running it, on its own connection, until it ends. */
const lockKey = (jobId: string) => sql`hashtextextended(${`market-import:${jobId}`}, 0)`;

/**
 * Marks the job as being run by this process: a session-level advisory lock on a connection of its own,
 * taken before the upload is answered. A job that is `running` while nobody holds its lock was left by a
 * process that stopped (a restart, a crash); readers then record it as interrupted instead of showing
 * progress forever. Returns the release.
 */
export async function holdJob(pool: pg.Pool, jobId: string): Promise<() => Promise<void>> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`market-import:${jobId}`]);
  } catch (err) {
    client.release();
    throw err;
  }
  return async () => {
    await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`market-import:${jobId}`]).catch(() => undefined);
    client.release();
  };
}

/** A running job whose lock nobody holds is recorded as interrupted; true when it was. */
async function settleOrphan(db: Db, regionCode: string, jobId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ free: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${lockKey(jobId)}) AS free`);
    if (!rows[0]?.free) return false;
    const updated = await tx.update(jobs).set({ status: 'failed', error: interrupted(), finishedAt: new Date() })
      .where(and(eq(jobs.regionCode, regionCode), eq(jobs.id, jobId), eq(jobs.status, 'running'))).returning({ id: jobs.id });
    return updated.length > 0;
  });
}

/** Runs the import of a received file into the job; never throws (a failure is recorded on the job). */
export async function runImportJob(db: Db, scope: ImportScope, jobId: string, file: { path: string; format: SheetFormat }, actor: AuditActor): Promise<void> {
  const where = and(eq(jobs.regionCode, scope.regionCode), eq(jobs.id, jobId));
  const sheet = readSheet(file.path, file.format);
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const onProgress = (rowsRead: number): void => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    writing = writing.then(() => db.update(jobs).set({ rowsRead, readBytes: sheet.bytesRead() }).where(where)).catch(() => undefined);
  };
  try {
    const summary = await importListings(db, sheet.rows, {
      regionCode: scope.regionCode, actor, status: scope.publish, onProgress,
      ...(scope.organisationId ? { onlyOrganisationId: scope.organisationId } : {}), ...(scope.creditCode ? { defaultCreditCode: scope.creditCode } : {}),
    });
    await writing;
    for (let i = 0; i < summary.rejected.length; i += 1000) {
      await db.insert(rejects).values(summary.rejected.slice(i, i + 1000).map((r) => ({ regionCode: scope.regionCode, jobId, rowNumber: r.row, cells: r.cells, errors: r.errors })))
        .onConflictDoNothing();
    }
    // A file without the needed columns (or without any row) is a file-level failure: nothing was read.
    const fileProblem = summary.imported === 0 ? summary.rejected[0]?.errors.filter((e) => e.code === 'missing_column' || e.code === 'empty_file') ?? [] : [];
    await db.update(jobs).set({
      ...(fileProblem.length > 0 ? { error: { code: fileProblem[0]!.code, message: fileProblem.map((e) => e.message).join('；'), message_en: fileProblem.map((e) => e.message_en).join('; ') } } : {}),
      status: fileProblem.length > 0 ? 'failed' : 'finished', rowsRead: summary.rowsRead, rowsImported: summary.imported, rowsFailed: summary.failed, headers: summary.header,
      readBytes: sql`${jobs.totalBytes}`, finishedAt: new Date(),
    }).where(where);
  } catch (err) {
    await writing;
    await db.update(jobs).set({ status: 'failed', error: failureOf(err), finishedAt: new Date() }).where(where);
  }
}

function failureOf(err: unknown): { code: string; message: string; message_en: string } {
  if (err instanceof DomainError) return { code: err.code, message: err.text.zh, message_en: err.text.en };
  return interrupted();
}

function interrupted(): { code: string; message: string; message_en: string } {
  return {
    code: 'import_interrupted',
    message: '导入未完成：文件无法读取（请确认是 UTF-8 的 CSV 或 .xlsx 文件）或服务器出错；已写入的行保留，带编号的行重新导入时会更新而不重复',
    message_en: 'The import did not finish: the file could not be read (a UTF-8 CSV or an .xlsx file is needed) or the server failed; rows already written stay, and rows with an id are updated, not duplicated, when imported again',
  };
}

/** A job the actor may see: the bureau its region's, an organisation its own. */
export async function readImportJob(db: Db, actor: UserActor, id: string): Promise<MarketImportJob & { regionCode: string; headers: string[] }> {
  const conditions: SQL[] = [eq(jobs.regionCode, actor.regionCode), eq(jobs.id, id)];
  if (!isBureau(actor)) conditions.push(sql`${jobs.organisationId} = ${actor.organisation?.id ?? '00000000-0000-0000-0000-000000000000'}`);
  let j = (await db.select().from(jobs).where(and(...conditions)).limit(1))[0];
  if (!j) throw notFound({ zh: '导入任务', en: 'Import job' });
  if (j.status === 'running' && await settleOrphan(db, j.regionCode, j.id)) j = (await db.select().from(jobs).where(and(...conditions)).limit(1))[0]!;
  return {
    id: j.id, regionCode: j.regionCode, status: j.status, format: j.format, fileName: j.fileName, publish: j.publish, totalBytes: j.totalBytes,
    readBytes: j.readBytes, rowsRead: j.rowsRead, rowsImported: j.rowsImported, rowsFailed: j.rowsFailed, error: j.error ?? null, headers: j.headers,
    startedAt: j.startedAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** The job's rejected rows as sent, with row number and errors: correct them and import the report again. */
export async function writeJobErrorReport(db: Db, job: { regionCode: string; id: string; headers: string[] }, format: SheetFormat, out: Writable): Promise<void> {
  const rows = await db.select().from(rejects).where(and(eq(rejects.regionCode, job.regionCode), eq(rejects.jobId, job.id))).orderBy(asc(rejects.rowNumber));
  await writeImportReport({ rowsRead: 0, imported: 0, failed: rows.length, header: job.headers, rejected: rows.map((r) => ({ row: r.rowNumber, cells: r.cells, errors: r.errors })) }, format, out);
}
