// HTTP wiring of identity: login, logout, the current user, organisations and accounts.
import { z } from 'zod';
import { auditActorOf, type UserActor } from '../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../platform/auth/authorize.ts';
import { CSRF_COOKIE, deleteSession, SESSION_COOKIE } from '../platform/auth/sessions.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import { modulesFor } from '../modules.ts';
import {
  CreateOrganisationRequest, CreateUserRequest, IdParams, ListOrganisationsQuery, LoginRequest, LoginResponse, Me,
  Organisation, OrganisationList, User, type MeBody,
} from './contracts.ts';
import { createOrganisation } from './create-organisation.ts';
import { createUser } from './create-user.ts';
import { login, normaliseLogin } from './login.ts';
import { getOrganisation, listOrganisations } from './read-organisations.ts';
import { findSessionActor } from '../platform/auth/sessions.ts';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });

export function registerIdentityRoutes(api: ApiApp, { config, database }: AppContext): void {
  const { db, pool } = database;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies };

  api.post('/auth/login', {
    config: {
      access: 'public',
      csrfExempt: true,
      rateLimit: {
        max: config.loginRateLimit.max,
        timeWindow: config.loginRateLimit.windowMs,
        keyGenerator: (request) => `${request.ip}|${normaliseLogin(String((request.body as { login?: unknown } | undefined)?.login ?? ''))}`,
        errorResponseBuilder: (_request, context) => new DomainError('too_many_login_attempts', 'login', {
          zh: `登录尝试过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, en: `Too many login attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
        }, 429),
      },
    },
    schema: { tags: ['identity'], summary: '登录 / Log in', body: LoginRequest, response: { 200: LoginResponse, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (request, reply) => {
    const { session } = await login(db, pool, request.body, config.sessionTtlHours, request.id);
    const actor = (await findSessionActor(pool, session.token))!;
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
    reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
    return { user: meOf(actor) };
  });

  api.post('/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['identity'], summary: '退出登录 / Log out', response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    await deleteSession(pool, request.sessionToken!);
    await db.transaction((tx) => appendAudit(tx, auditActorOf(actor, request.id), {
      regionCode: actor.regionCode, action: 'session.ended', entityType: 'user', entityId: actor.userId,
    }));
    reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
    return reply.code(204).send(null);
  });

  api.get('/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['identity'], summary: '当前用户 / Current user', response: { 200: Me, 401: ErrorResponse } },
  }, async (request) => meOf(request.actor as UserActor));

  api.get('/organisations', {
    config: { access: 'authenticated' },
    schema: { tags: ['identity'], summary: '机构列表（按权限范围）/ Organisations in your scope', querystring: ListOrganisationsQuery, response: { 200: OrganisationList } },
  }, async (request) => listOrganisations(db, request.actor as UserActor, request.query));

  api.get('/organisations/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['identity'], summary: '机构详情 / Organisation', params: IdParams, response: { 200: Organisation, 404: ErrorResponse } },
  }, async (request) => getOrganisation(db, request.actor as UserActor, request.params.id));

  api.post('/organisations', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['identity'], summary: '登记机构 / Register an organisation', body: CreateOrganisationRequest, response: { 201: Organisation, 400: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    const regionCode = request.body.regionCode ?? actor.regionCode;
    authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
    const created = await createOrganisation(db, auditActorOf(actor, request.id), { ...request.body, regionCode });
    return reply.code(201).send(created);
  });

  api.post('/users', {
    config: { access: ['bureau_admin'] },
    schema: { tags: ['identity'], summary: '创建账号 / Create an account', body: CreateUserRequest, response: { 201: User, 400: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    const created = await createUser(db, auditActorOf(actor, request.id), { ...request.body, regionCode: actor.regionCode });
    return reply.code(201).send(created);
  });
}

function meOf(actor: UserActor): MeBody {
  return {
    id: actor.userId, displayName: actor.displayName, login: actor.login, role: actor.role,
    organisation: actor.organisation, regionCode: actor.regionCode, modules: modulesFor(actor),
  };
}
