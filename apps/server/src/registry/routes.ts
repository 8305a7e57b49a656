// HTTP wiring of the registry: enterprise list, record, edits, import (upload, progress, error report),
// template and export. Uploads arrive as the raw body (application/octet-stream) in a scoped plugin.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf, type UserActor } from '../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../platform/auth/authorize.ts';
import { notFound } from '../platform/errors/domain-error.ts';
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import {
  EnterpriseList, EnterpriseRecord, ErrorResponse, ExportQuery, FiscalYearParams, FiscalYearRequest, FormatQuery, IdParams, ImportJob, ImportQuery,
  ListEnterprisesQuery, TemplateQuery, UpdateProfileRequest,
} from './contracts.ts';
import { getEnterprise } from './enterprises/get-enterprise.ts';
import { listEnterprises } from './enterprises/list-enterprises.ts';
import { saveFiscalYear } from './enterprises/save-fiscal-year.ts';
import { updateProfile } from './enterprises/update-profile.ts';
import { writeErrorReport } from './import/error-report.ts';
import { formatOf } from './import/read-sheet.ts';
import { receiveUpload } from './import/receive-upload.ts';
import { exportFileName, exportSheet, importSheet, templateFileName, writeTemplateOf, type ImportKind } from './import/import-sheet.ts';
import { closeUnresumableUploads, findInterruptedImports, resumeImport } from './import/resume-imports.ts';
import { createImportJob } from './import/run-import.ts';
import { CONTENT_TYPES } from './import/write-sheet.ts';
import { regionPrefix } from './scope.ts';

const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', CONTENT_TYPES.xlsx];

export function registerRegistryRoutes(api: ApiApp, { database, config }: AppContext): void {
  const { pool } = database;
  const tags = ['registry'];
  // Uploads stay in DATA_DIR until their job ends; closing the server stops running imports at a checkpoint
  // and the next start resumes them.
  const uploadDir = path.join(config.dataDir, 'imports');
  const stopping = new AbortController();
  const running = new Set<Promise<unknown>>();
  const track = (job: Promise<unknown>) => { running.add(job); void job.finally(() => running.delete(job)); };
  api.addHook('onReady', async () => {
    await closeUnresumableUploads(database);
    const jobs = await findInterruptedImports(database);
    if (jobs.length === 0) return;
    track((async () => {
      for (const job of jobs) {
        if (stopping.signal.aborted) return;
        await resumeImport(database, job, stopping.signal).catch((err: unknown) => { if (!stopping.signal.aborted) api.log.error({ err, job: job.id }, 'resuming an import failed'); });
      }
    })());
  });
  api.addHook('onClose', async () => {
    stopping.abort(new Error('server closing'));
    await Promise.allSettled([...running]);
  });

  api.get('/registry/enterprises', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '企业名录 / Enterprise registry', querystring: ListEnterprisesQuery, response: { 200: EnterpriseList } },
  }, async (request) => listEnterprises(pool, request.actor as UserActor, request.query));

  api.get('/registry/enterprises/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '企业档案 / Enterprise record', params: IdParams, response: { 200: EnterpriseRecord, 404: ErrorResponse } },
  }, async (request) => getEnterprise(pool, request.actor as UserActor, request.params.id));

  api.patch('/registry/enterprises/:id', {
    config: { access: ['enterprise_user', ...BUREAU_ROLES] },
    schema: { tags, summary: '修改企业档案 / Edit the profile', params: IdParams, body: UpdateProfileRequest, response: { 200: z.record(z.string(), z.unknown()), 400: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => updateProfile(pool, request.actor as UserActor, request.params.id, request.body, request.id));

  api.put('/registry/enterprises/:id/fiscal-years/:year', {
    config: { access: ['enterprise_user', ...BUREAU_ROLES] },
    schema: { tags, summary: '填报年度数据（金额单位：分）/ Save a fiscal year (amounts in fen)', params: FiscalYearParams, body: FiscalYearRequest, response: { 200: z.object({ year: z.number() }), 400: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => saveFiscalYear(pool, request.actor as UserActor, request.params.id, request.params.year, request.body, request.id));

  api.get('/registry/import-template', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '导入模板（按表的种类）/ Import template of a kind of sheet', querystring: TemplateQuery },
  }, async (request, reply) => {
    const { format, kind } = request.query;
    const out = new PassThrough();
    void writeTemplateOf(kind, format, out).catch((err: unknown) => out.destroy(err as Error));
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(templateFileName(kind, format))).send(out);
  });

  api.get('/registry/export', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '导出企业名录、证书、荣誉、平台或人才（与导入模板相同的格式）/ Export a kind of sheet in its import layout', querystring: ExportQuery },
  }, async (request, reply) => {
    const { format, kind, ...filter } = request.query;
    const out = new PassThrough();
    void exportSheet(pool, request.actor as UserActor, kind, filter, format, out).catch((err: unknown) => out.destroy(err as Error));
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(exportFileName(kind, format))).send(out);
  });

  void api.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The body stays a stream: receiveUpload copies it to a temporary file with its own size limit.
    plain.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    scope.post('/registry/imports', {
      config: { access: BUREAU_ROLES },
      schema: { tags, summary: '导入企业名录、证书、荣誉、平台或人才（请求体为文件本身）/ Import a sheet of a kind (the body is the file)', querystring: ImportQuery, response: { 202: ImportJob, 400: ErrorResponse, 413: ErrorResponse } },
    }, async (request, reply) => {
      const actor = authorize(request.actor, { roles: BUREAU_ROLES });
      const { fileName, kind } = request.query;
      const format = formatOf(fileName)!;
      const upload = await receiveUpload(request.body as Readable, format, undefined, uploadDir);
      const regionCode = actor.regionCode;
      const jobId = await createImportJob(database, { regionCode, format, fileName, totalBytes: upload.bytes, startedBy: actor.userId, kind, storedPath: upload.path });
      // Runs after the response: the page polls GET /registry/imports/:id for progress. A job stopped by the
      // server closing keeps its file for the resume at the next start.
      track(importSheet(database, kind, { regionCode, path: upload.path, format, fileName, actor: auditActorOf(actor, request.id), jobId, signal: stopping.signal })
        .then(() => fs.rm(upload.path, { force: true }), (err: unknown) => {
          if (stopping.signal.aborted) return;
          request.log.error({ err }, 'import failed');
          return fs.rm(upload.path, { force: true });
        }));
      return reply.code(202).send(await readJob(actor, jobId));
    });
  }, { prefix: '' });

  const readJob = async (actor: UserActor, id: string) => {
    const { rows } = await pool.query<{ region_code: string; id: string; kind: ImportKind; status: 'running' | 'finished' | 'failed' | 'interrupted'; format: string; file_name: string; total_bytes: string; read_bytes: string;
      rows_read: number; rows_imported: number; rows_failed: number; error: { code: string; message: string; message_en: string } | null; headers: string[]; started_at: Date; finished_at: Date | null }>(
      'SELECT * FROM registry_import_jobs WHERE id = $1 AND region_code LIKE $2', [id, `${regionPrefix(actor)}%`]);
    const j = rows[0];
    if (!j) throw notFound({ zh: '导入任务', en: 'Import job' });
    return {
      id: j.id, kind: j.kind, status: j.status, format: j.format, fileName: j.file_name, totalBytes: Number(j.total_bytes), readBytes: Number(j.read_bytes),
      rowsRead: j.rows_read, rowsImported: j.rows_imported, rowsFailed: j.rows_failed, error: j.error,
      startedAt: j.started_at.toISOString(), finishedAt: j.finished_at?.toISOString() ?? null, regionCode: j.region_code, headers: j.headers,
    };
  };

  api.get('/registry/imports/:id', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '导入进度 / Import progress', params: IdParams, response: { 200: ImportJob, 404: ErrorResponse } },
  }, async (request) => readJob(request.actor as UserActor, request.params.id));

  api.get('/registry/imports/:id/errors', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '导入错误报告 / Import error report', params: IdParams, querystring: FormatQuery },
  }, async (request, reply) => {
    const job = await readJob(request.actor as UserActor, request.params.id);
    const format = request.query.format;
    const out = new PassThrough();
    void writeErrorReport(database, job.regionCode, job.id, job.headers, format, out).catch((err: unknown) => out.destroy(err as Error));
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(`导入错误报告.${format}`)).send(out);
  });
}

function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}
