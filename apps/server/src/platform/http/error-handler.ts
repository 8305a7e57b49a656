// Every error leaves the API in one shape: { error: { code, message, message_en, field } }.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, errorBody } from '../errors/domain-error.ts';
import { issueField, issueText, type ValidationIssue } from '../errors/zod-issue-text.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError, request, reply) => {
    if (err instanceof DomainError) {
      return reply.code(err.status).send(errorBody(err.code, err.field, err.text));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]!;
      const issue = {
        ...(first.params as Record<string, unknown>),
        code: first.keyword,
        message: first.message ?? '',
        path: first.instancePath.split('/').filter(Boolean),
      } as ValidationIssue;
      const where = err.validationContext === 'body' ? '' : `${err.validationContext}.`;
      const field = issueField(issue);
      return reply.code(400).send(errorBody('validation_failed', field ? where + field : null, issueText(issue)));
    }
    const known = FASTIFY_ERRORS[err.code];
    if (known) return reply.code(known.status).send(errorBody(known.code, null, known.text));
    if (isResponseSerializationError(err)) request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', null, {
      zh: `服务器内部错误（请求编号 ${request.id}）`, en: `Internal server error (request id ${request.id})`,
    }));
  });
}

const FASTIFY_ERRORS: Record<string, { status: number; code: string; text: { zh: string; en: string } }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', text: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', text: { zh: '请求体为空，应为 JSON', en: 'The request body is empty; JSON expected' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', text: { zh: '请求体超过大小上限', en: 'The request body exceeds the size limit' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', text: { zh: '仅接受 application/json 请求体', en: 'Only application/json request bodies are accepted' } },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', text: { zh: 'Content-Length 与请求体不符', en: 'Content-Length does not match the body' } },
};
