// HTTP wiring of listing attachments. An upload's body is the file itself (application/octet-stream, the
// name in `?fileName=`), read up to the size limit and judged by its bytes.
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { LISTING_WRITER_ROLES } from '../listings/create-listing.ts';
import { MAX_ATTACHMENT_BYTES, tooLarge } from './attachment-rules.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment } from './listing-attachments.ts';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
const Attachment = z.object({ id: z.string(), listingId: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedAt: z.string() });
const ListingParams = z.strictObject({ id: z.uuid() });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const RegionQuery = z.object({ region: z.string().regex(/^\d{6}$/).optional() });
const UploadQuery = z.strictObject({ fileName: z.string().min(1).max(300).describe('原文件名（含扩展名）/ the file name with its extension') });
const tags = ['market'];

export function registerAttachmentRoutes(api: ApiApp, db: Db, regionOf: (request: FastifyRequest, region?: string) => Promise<string>): void {
  const userOf = (actor: unknown): UserActor | null => ((actor as { kind?: string }).kind === 'user' ? (actor as UserActor) : null);

  api.get('/market/listings/:id/attachments', {
    config: { access: 'public' },
    schema: { tags, summary: '附件列表 / Attachments of a listing', params: ListingParams, querystring: RegionQuery, response: { 200: z.object({ items: z.array(Attachment) }), 404: ErrorResponse } },
  }, async (request) => ({ items: await listAttachments(db, userOf(request.actor), await regionOf(request, request.query.region), request.params.id) }));

  api.get('/market/listings/:id/attachments/:attachmentId', {
    config: { access: 'public' },
    schema: { tags, summary: '下载附件 / Download an attachment', params: AttachmentParams, querystring: RegionQuery },
  }, async (request, reply) => {
    const file = await readAttachment(db, userOf(request.actor), await regionOf(request, request.query.region), request.params.id, request.params.attachmentId);
    // Always a download with the sniffed type; nosniff keeps a browser from reinterpreting it as a page.
    return reply.type(file.contentType).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('etag', `"${file.sha256}"`).send(file.content);
  });

  api.delete('/market/listings/:id/attachments/:attachmentId', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '删除附件（草稿）/ Remove an attachment from a draft', params: AttachmentParams, response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    await removeAttachment(db, actor, actor.regionCode, request.params.id, request.params.attachmentId, request.id);
    return reply.code(204).send(null);
  });

  void api.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // Every content type is taken as bytes: what the browser claims is not used, the bytes are sniffed.
    plain.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/market/listings/:id/attachments', {
      config: { access: LISTING_WRITER_ROLES },
      schema: {
        tags, summary: '上传附件（草稿；请求体为文件本身）/ Attach a file to a draft (the body is the file)', params: ListingParams, querystring: UploadQuery,
        response: { 201: Attachment, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    }, async (request, reply) => {
      const actor = request.actor as UserActor;
      const content = await readLimited(request.body as Readable | undefined, MAX_ATTACHMENT_BYTES).catch((err: unknown) => {
        reply.header('connection', 'close');
        throw err;
      });
      return reply.code(201).send(await addAttachment(db, actor, actor.regionCode, request.params.id, { fileName: request.query.fileName, content }, request.id));
    });
  }, { prefix: '' });
}

/**
 * The body into memory, refused as soon as it passes the limit instead of after reading it all. The rest of
 * an oversized body is drained, not destroyed: destroying the request resets the connection before the client
 * reads the 413; the answer asks the client to close the connection instead.
 */
function readLimited(body: Readable | undefined, limit: number): Promise<Buffer> {
  if (!body || typeof (body as { on?: unknown }).on !== 'function') return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) { chunks.push(chunk); return; }
      body.off('data', onData).off('end', onEnd);
      body.resume();
      const { problem } = tooLarge();
      reject(new DomainError(problem.code, problem.field, problem.message, problem.status));
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    body.on('data', onData).on('end', onEnd).on('error', () => reject(new DomainError('upload_failed', 'file', { zh: '文件上传中断，请重试', en: 'The upload was interrupted; please retry' })));
  });
}
