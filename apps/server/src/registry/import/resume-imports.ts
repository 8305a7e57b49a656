// At server start: imports left `running` by a stopped server. A job whose upload is still in DATA_DIR
// resumes after its last checkpoint (rows up to it are written or rejected; a re-written overlap is harmless
// because every kind upserts by its natural key); a job whose file is gone is marked `interrupted` with the
// reason. Jobs of the CLI keep no stored file and are left alone: their process may still be running.
import fs from 'node:fs';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { importSheet, type ImportKind } from './import-sheet.ts';
import type { SheetFormat } from './read-sheet.ts';
import type { ImportSummary } from './run-import.ts';

type Job = { region_code: string; id: string; kind: ImportKind; format: SheetFormat; file_name: string; stored_path: string; resume_row: number; started_on: string };

export const UPLOAD_LOST = {
  code: 'upload_lost',
  message: '服务器在导入过程中重启，上传的文件已不存在，无法继续：已导入的行保留，请重新上传同一文件（重复导入不会产生重复数据）',
  message_en: 'The server restarted during the import and the uploaded file is gone: rows already imported are kept; upload the same file again (importing it twice creates no duplicates)',
};

/**
 * Uploads started before uploads were kept (no stored path, but started by a user, unlike the CLI's) cannot be
 * resumed: their file was a temporary one. They are closed as interrupted rather than left `running` forever.
 */
export async function closeUnresumableUploads(database: Database): Promise<number> {
  const { rowCount } = await database.pool.query(
    `UPDATE registry_import_jobs SET status = 'interrupted', error = $1, finished_at = now() WHERE status = 'running' AND stored_path IS NULL AND started_by IS NOT NULL`,
    [JSON.stringify(UPLOAD_LOST)]);
  return rowCount ?? 0;
}

/** Jobs to resume, found before the caller goes on (so a job created afterwards is never taken for one). */
export async function findInterruptedImports(database: Database): Promise<Job[]> {
  const { rows } = await database.pool.query<Job>(
    `SELECT region_code, id, kind, format, file_name, stored_path, resume_row, started_at::date::text AS started_on
       FROM registry_import_jobs WHERE status = 'running' AND stored_path IS NOT NULL ORDER BY started_at`);
  return rows;
}

export async function resumeImport(database: Database, job: Job, signal?: AbortSignal): Promise<ImportSummary | null> {
  const { pool } = database;
  if (!fs.existsSync(job.stored_path)) {
    await pool.query(`UPDATE registry_import_jobs SET status = 'interrupted', error = $3, finished_at = now() WHERE region_code = $1 AND id = $2`,
      [job.region_code, job.id, JSON.stringify(UPLOAD_LOST)]);
    return null;
  }
  // Rejects past the checkpoint may have been saved before the stop; they are found again.
  await pool.query('DELETE FROM registry_import_rejects WHERE region_code = $1 AND job_id = $2 AND row_number > $3', [job.region_code, job.id, job.resume_row]);
  const { rows: [failed] } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_import_rejects WHERE region_code = $1 AND job_id = $2', [job.region_code, job.id]);
  const summary = await importSheet(database, job.kind, {
    regionCode: job.region_code, path: job.stored_path, format: job.format, fileName: job.file_name, jobId: job.id,
    // The resumed rows are audited as the system's; the job still names who started it.
    actor: SYSTEM_ACTOR, today: job.started_on, resume: { afterRow: job.resume_row, failedBefore: failed!.n }, signal,
  });
  await fs.promises.rm(job.stored_path, { force: true });
  return summary;
}
