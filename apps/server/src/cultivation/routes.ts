// HTTP wiring of cultivation: evaluation runs, the self-assessment, pools, alerts and the 双倍增 board.
import { z } from 'zod';
import { auditActorOf, type UserActor } from '../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../platform/auth/authorize.ts';
import { notFound } from '../platform/errors/domain-error.ts';
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import { regionPrefix } from '../registry/scope.ts';
import { listAlerts } from './alerts.ts';
import { getBoard } from './board/get-board.ts';
import { TIERS } from './ladder.ts';
import { changePoolMember } from './pools/manage-pool.ts';
import { listPool } from './pools/list-pool.ts';
import { runEvaluation, startRun } from './runs/run-evaluation.ts';
import { selfAssess } from './self-assessment.ts';
import { enterpriseLadder } from './enterprise-ladder.ts';
import { scheduleNightlyRuns } from './runs/nightly.ts';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
const Loose = z.record(z.string(), z.unknown());
const Tier = z.enum(TIERS);
const IdParams = z.strictObject({ id: z.uuid() });
const MemberParams = z.strictObject({ tier: Tier, organisationId: z.uuid() });

const Run = z.object({
  id: z.string(), asOf: z.string(), trigger: z.string(), status: z.string(), total: z.number(), done: z.number(),
  ruleVersions: z.record(z.string(), z.string()), error: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
});

export function registerCultivationRoutes(api: ApiApp, { database }: AppContext): void {
  const { pool, db } = database;
  const tags = ['cultivation'];
  const today = () => new Date().toISOString().slice(0, 10);
  scheduleNightlyRuns(api, database);

  const readRuns = async (actor: UserActor, id?: string) => {
    const { rows } = await pool.query<{ id: string; as_of: string; trigger: string; status: string; total: number; done: number; rule_versions: Record<string, string>;
      error: string | null; started_at: Date; finished_at: Date | null }>(
      `SELECT id, as_of::text, trigger, status, total, done, rule_versions, error, started_at, finished_at FROM cultivation_runs
       WHERE region_code LIKE $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY started_at DESC LIMIT 20`, [`${regionPrefix(actor)}%`, id ?? null]);
    return rows.map((r) => ({ id: r.id, asOf: r.as_of, trigger: r.trigger, status: r.status, total: r.total, done: r.done, ruleVersions: r.rule_versions,
      error: r.error, startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null }));
  };

  api.get('/cultivation/runs', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '评价批次 / Evaluation runs', response: { 200: z.object({ items: z.array(Run) }) } },
  }, async (request) => ({ items: await readRuns(request.actor as UserActor) }));

  api.get('/cultivation/runs/:id', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '评价批次进度 / Run progress', params: IdParams, response: { 200: Run, 404: ErrorResponse } },
  }, async (request) => {
    const [run] = await readRuns(request.actor as UserActor, request.params.id);
    if (!run) throw notFound({ zh: '评价批次', en: 'Evaluation run' });
    return run;
  });

  api.post('/cultivation/runs', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '发起全市评价 / Start a whole-city evaluation run', body: z.strictObject({ asOf: z.iso.date().optional() }).optional(), response: { 202: Run } },
  }, async (request, reply) => {
    const actor = authorize(request.actor, { roles: BUREAU_ROLES });
    const asOf = request.body?.asOf ?? today();
    const runId = await startRun(pool, actor.regionCode, asOf, 'manual');
    void runEvaluation(database, { regionCode: actor.regionCode, asOf, trigger: 'manual', actor: auditActorOf(actor, request.id), runId })
      .catch((err: unknown) => request.log.error({ err }, 'evaluation run failed'));
    const [run] = await readRuns(actor, runId);
    return reply.code(202).send(run!);
  });

  api.get('/cultivation/enterprises/:id/self-assessment', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '企业自评（规则、得分、差距）/ Self-assessment', params: IdParams, querystring: z.strictObject({ asOf: z.iso.date().optional() }),
      response: { 200: Loose, 404: ErrorResponse } },
  }, async (request) => selfAssess(pool, request.actor as UserActor, request.params.id, request.query.asOf ?? today()));

  api.get('/cultivation/enterprises/:id/ladder', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '企业梯次历程 / Tier ladder over time', params: IdParams, response: { 200: Loose, 404: ErrorResponse } },
  }, async (request) => enterpriseLadder(pool, request.actor as UserActor, request.params.id, today()));

  api.get('/cultivation/pools', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '培育库 / Cultivation pools', querystring: z.strictObject({
      tier: Tier.optional(), cluster: z.string().max(40).optional(), status: z.enum(['active', 'removed', 'all']).optional(),
      organisationId: z.uuid().optional().describe('one enterprise\'s memberships (its page) / 某企业所在的培育库'),
      q: z.string().trim().min(1).max(100).optional().describe('名称或信用代码包含 / name or credit code contains'),
      limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0),
    }), response: { 200: Loose } },
  }, async (request) => listPool(pool, request.actor as UserActor, request.query));

  api.post('/cultivation/pools/:tier/members', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '加入培育库（可同时指定辅导员）/ Add to a pool, optionally with a mentor', params: z.strictObject({ tier: Tier }),
      body: z.strictObject({ organisationId: z.uuid(), mentor: z.string().trim().min(1).max(100).optional().describe('辅导员 / mentor') }),
      response: { 200: Loose, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request) => {
    const { organisationId, mentor } = request.body;
    return changePoolMember(pool, request.actor as UserActor, request.params.tier, organisationId, { kind: 'add', ...(mentor ? { mentor } : {}) }, request.id);
  });

  api.post('/cultivation/pools/:tier/members/:organisationId/remove', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '移出培育库（须说明原因）/ Remove with a reason', params: MemberParams,
      body: z.strictObject({ reason: z.string().trim().min(2).max(500).describe('移出原因 / reason') }), response: { 200: Loose, 404: ErrorResponse } },
  }, async (request) => changePoolMember(pool, request.actor as UserActor, request.params.tier, request.params.organisationId, { kind: 'remove', reason: request.body.reason }, request.id));

  api.put('/cultivation/pools/:tier/members/:organisationId/mentor', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '指定辅导员 / Assign a mentor', params: MemberParams, body: z.strictObject({ mentor: z.string().trim().min(1).max(100) }), response: { 200: Loose, 404: ErrorResponse } },
  }, async (request) => changePoolMember(pool, request.actor as UserActor, request.params.tier, request.params.organisationId, { kind: 'mentor', mentor: request.body.mentor }, request.id));

  api.get('/cultivation/alerts', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '预警：证书到期、新进入培育范围 / Alerts', response: { 200: Loose } },
  }, async (request) => listAlerts(pool, request.actor as UserActor, today()));

  api.get('/cultivation/board', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '“双倍增”看板 / Double-growth board', response: { 200: Loose } },
  }, async (request) => getBoard(db, pool, (request.actor as UserActor).regionCode, today()));
}
