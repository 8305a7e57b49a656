// Resolves the caller from the session cookie, enforces each route's declared roles, and checks the CSRF
// token on every write made with a session cookie.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { PUBLIC_ACTOR, type Actor } from '../auth/actor.ts';
import { authorize } from '../auth/authorize.ts';
import { CSRF_HEADER, findSessionActor, SESSION_COOKIE } from '../auth/sessions.ts';
import { DomainError } from '../errors/domain-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSessionHooks(app: FastifyInstance, pool: pg.Pool): void {
  // Fastify shares a decoration's initial value across requests, so the actor lives in a per-request map.
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter() { return actors.get(this) ?? PUBLIC_ACTOR; },
    setter(value: Actor) { actors.set(this, value); },
  });
  app.decorateRequest('sessionToken', null);

  // Every /api route must say who may call it: forgetting is a startup error, not an open door.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && route.config?.access === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // static files, docs
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await findSessionActor(pool, token);
      if (!actor && access !== 'public') throw sessionExpired();
      if (actor) {
        request.actor = actor;
        request.sessionToken = token;
        if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) checkCsrf(request.headers[CSRF_HEADER], actor.csrfToken);
      }
    }
    authorize(request.actor, { roles: access });
  });
}

function checkCsrf(header: string | string[] | undefined, expected: string): void {
  const given = Array.isArray(header) ? header[0] : header;
  const ok = given !== undefined && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) {
    throw new DomainError('csrf_token_invalid', CSRF_HEADER, {
      zh: '缺少或错误的 CSRF 令牌（请求头 x-csrf-token 须与 kc_csrf Cookie 一致）',
      en: 'Missing or wrong CSRF token (header x-csrf-token must equal the kc_csrf cookie)',
    }, 403);
  }
}

function sessionExpired(): DomainError {
  return new DomainError('session_invalid', null, { zh: '会话已过期或无效，请重新登录', en: 'Your session has expired or is invalid; please log in again' }, 401);
}
