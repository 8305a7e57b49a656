// Serves the built web app (apps/web/dist) and answers client-side routes with its index.html.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

export async function installWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): Promise<boolean> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true, // files are looked up per request, so a rebuilt app is served without a restart
    // Hashed assets never change; index.html must always be revalidated.
    setHeaders: (res, filePath) => {
      res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** A page of the single-page app (answered with index.html), not an API call or a missing file. */
export function isClientRoute(method: string, url: string): boolean {
  const pathname = url.split('?')[0]!;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/assets/')) return false;
  return !/\.[a-z0-9]+$/i.test(pathname); // /logo.png that does not exist is a 404, not the app
}
