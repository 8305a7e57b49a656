// Liveness and what the server runs on.
import { z } from 'zod';
import type { ApiApp } from './http/api-app.ts';
import type { AppContext } from './http/build-app.ts';
import { PLATFORM_VERSION } from './version.ts';

const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['embedded', 'external']), serverVersion: z.string(), reachable: z.boolean() }),
  uptimeSeconds: z.number(),
});

export function registerPlatformRoutes(api: ApiApp, ctx: AppContext): void {
  api.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '健康检查 / Health', response: { 200: HealthResponse, 503: HealthResponse } },
  }, async (_request, reply) => {
    const reachable = await ctx.database.pool.query('SELECT 1').then(() => true, () => false);
    const body = {
      status: reachable ? ('ok' as const) : ('degraded' as const),
      version: PLATFORM_VERSION,
      database: { kind: ctx.database.kind, serverVersion: ctx.database.serverVersion, reachable },
      uptimeSeconds: Math.round(process.uptime()),
    };
    return reply.code(reachable ? 200 : 503).send(body);
  });
}
