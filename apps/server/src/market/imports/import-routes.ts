// HTTP wiring of listing imports: upload (the body is the file) → 202 with a job, progress by polling the
// job, the error report of the rejected rows, and a template with the import columns.
import fs from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { formatOf } from '../../registry/import/read-sheet.ts';
import { MAX_UPLOAD_BYTES, receiveUpload } from '../../registry/import/receive-upload.ts';
import { CONTENT_TYPES, writeSheet } from '../../registry/import/write-sheet.ts';
import { LISTING_WRITER_ROLES } from '../listings/create-listing.ts';
import { createImportJob, holdJob, importScopeOf, readImportJob, runImportJob, writeJobErrorReport } from './import-job.ts';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
const ImportJob = z.object({
  id: z.string(), status: z.enum(['running', 'finished', 'failed']), format: z.string(), fileName: z.string(), publish: z.enum(['draft', 'published']),
  totalBytes: z.number(), readBytes: z.number(), rowsRead: z.number(), rowsImported: z.number(), rowsFailed: z.number(),
  error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
});
const ImportQuery = z.strictObject({
  fileName: z.string().min(1).max(300).describe('文件名（.csv 或 .xlsx）/ file name (.csv or .xlsx)'),
  publish: z.enum(['true', 'false']).default('false').describe('科技局导入时直接发布 / bureau only: publish at once'),
});
const FormatQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const IdParams = z.strictObject({ id: z.uuid() });
const TEMPLATE_HEADER = ['编号', '类型', '标题', '简介', '领域', '关键词', '成熟度', '价格', '统一社会信用代码'];
const TEMPLATE_EXAMPLE = ['A-001', 'achievement', '高导热石墨烯散热膜制备技术', '一种高导热石墨烯散热膜的制备方法，已完成中试，适用于电子显示与动力电池热管理。', '新材料', '石墨烯；散热膜', '6', '500000', ''];
const tags = ['market'];

export function registerImportRoutes(api: ApiApp, { db, pool }: Database): void {
  const jobBody = async (actor: UserActor, id: string) => {
    const { regionCode: _r, headers: _h, ...job } = await readImportJob(db, actor, id);
    return job;
  };

  void api.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The body stays a stream: receiveUpload copies it to a temporary file with its own size limit.
    plain.addContentTypeParser(['application/octet-stream', 'text/csv', CONTENT_TYPES.xlsx], (_request, payload, done) => done(null, payload));
    scope.post('/market/imports', {
      config: { access: LISTING_WRITER_ROLES },
      schema: { tags, summary: '导入成果与需求（请求体为文件本身）/ Import listings (the body is the file)', querystring: ImportQuery, response: { 202: ImportJob, 400: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse } },
    }, async (request, reply) => {
      const actor = request.actor as UserActor;
      const format = formatOf(request.query.fileName);
      if (!format) throw new DomainError('unsupported_format', 'fileName', { zh: '只能导入 .csv 或 .xlsx 文件', en: 'Only .csv and .xlsx files can be imported' });
      const importScope = await importScopeOf(db, actor, request.query.publish === 'true');
      const upload = await receiveUpload(request.body as Readable, format).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'file_too_large') {
          const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
          throw new DomainError('file_too_large', 'file', {
            zh: `文件超过 ${mb} MB 上限：请拆分后分批导入，或由管理员用命令行 kechuang market import 导入`,
            en: `The file exceeds the ${mb} MB limit: split it, or have an administrator use the kechuang market import command`,
          }, 413);
        }
        throw err;
      });
      const jobId = await createImportJob(db, importScope, { format, fileName: request.query.fileName, bytes: upload.bytes }, actor.userId);
      const release = await holdJob(pool, jobId);
      // Runs after the response: the page polls GET /market/imports/:id for progress.
      void runImportJob(db, importScope, jobId, { path: upload.path, format }, auditActorOf(actor, request.id))
        .catch((err: unknown) => request.log.error({ err }, 'market import failed'))
        .finally(() => Promise.all([release(), fs.rm(upload.path, { force: true })]));
      return reply.code(202).send(await jobBody(actor, jobId));
    });
  }, { prefix: '' });

  api.get('/market/imports/:id', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '导入进度 / Import progress', params: IdParams, response: { 200: ImportJob, 404: ErrorResponse } },
  }, async (request) => jobBody(request.actor as UserActor, request.params.id));

  api.get('/market/imports/:id/errors', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '导入错误报告 / Import error report', params: IdParams, querystring: FormatQuery },
  }, async (request, reply) => {
    const job = await readImportJob(db, request.actor as UserActor, request.params.id);
    const out = new PassThrough();
    void writeJobErrorReport(db, job, request.query.format, out).catch((err: unknown) => out.destroy(err as Error));
    return reply.type(CONTENT_TYPES[request.query.format]).header('content-disposition', attachment(`成果需求导入错误报告.${request.query.format}`)).send(out);
  });

  api.get('/market/import-template', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '成果与需求导入模板 / Listing import template', querystring: FormatQuery },
  }, async (request, reply) => {
    const out = new PassThrough();
    async function* example(): AsyncIterable<string[]> { yield TEMPLATE_EXAMPLE; }
    void writeSheet(request.query.format, '成果与需求', TEMPLATE_HEADER, example(), out).catch((err: unknown) => out.destroy(err as Error));
    return reply.type(CONTENT_TYPES[request.query.format]).header('content-disposition', attachment(`成果需求导入模板.${request.query.format}`)).send(out);
  });
}

function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}
