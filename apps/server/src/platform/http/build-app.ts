// Assembles the HTTP server: plumbing first (ids, logs, cookies, errors, auth, OpenAPI), then each
// module's routes, then the web app.
import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../database/open-database.ts';
import { errorBody } from '../errors/domain-error.ts';
import { installErrorHandler } from './error-handler.ts';
import { installOpenApi } from './openapi.ts';
import { installSessionHooks } from './session-hooks.ts';
import { installWebApp, isClientRoute } from './web-app.ts';
import { registerModuleRoutes } from '../../modules.ts';
import { PLATFORM_VERSION } from '../version.ts';
import './fastify-types.ts';

export type AppContext = { config: Config; database: Database };

export async function buildApp(ctx: AppContext, options: { logger?: boolean; webDistDir?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  installErrorHandler(app);
  installSessionHooks(app, ctx.database.pool);
  await installOpenApi(app, PLATFORM_VERSION);

  await app.register(async (api) => registerModuleRoutes(api.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: '/api/v1' });

  const hasWeb = await installWebApp(app, options.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && isClientRoute(request.method, request.url)) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send(errorBody('route_not_found', null, {
      zh: `接口不存在：${request.method} ${request.url.split('?')[0]}`, en: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
    }));
  });
  return app;
}
