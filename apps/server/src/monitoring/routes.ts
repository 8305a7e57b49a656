// HTTP wiring of monitoring: the public city overview, and the bureau's monitoring and evaluation (监测评价).
import { z } from 'zod';
import { auditActorOf, type UserActor } from '../platform/auth/actor.ts';
import { BUREAU_ROLES } from '../platform/auth/authorize.ts';
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import type { Role } from '../platform/schema.ts';
import {
  CodeParams, FrameworkList, IdParams, ImportRequest, ImportResponse, IndexRun, IndicatorList, IndicatorSeries, RegionOverview, RegionParams,
  PdfReportQuery, Plan, PlanParams, PlanRequest, PlanTarget, PlanTargetParams, ReportQuery, ReportRequest, RunList, RunListQuery, RunRequest, TargetBoard, TargetRequest, WeightsRequest,
} from './contracts.ts';
import { getRegionOverview } from './overview/get-region-overview.ts';
import { listFrameworks } from './frameworks/read-frameworks.ts';
import { installPresets } from './frameworks/install-presets.ts';
import { updateWeights } from './frameworks/update-weights.ts';
import { checkObservationFile, importObservations } from './imports/import-observations.ts';
import { errorReport, observationTemplate } from './imports/observation-workbook.ts';
import { getRun, listRuns, runIndex } from './runs/run-index.ts';
import { getIndicatorSeries, listIndicators } from './series/get-indicator-series.ts';
import { getTargetBoard } from './targets/get-target-board.ts';
import { monitoringWorkbook } from './reports/monitoring-workbook.ts';
import { reportPdf } from './reports/report-pdf.ts';
import { deletePlan } from './plans/delete-plan.ts';
import { deleteTarget } from './plans/delete-target.ts';
import { savePlan } from './plans/save-plan.ts';
import { saveTarget, type TargetRow } from './plans/save-target.ts';
import { regionAndChildren } from './series/observation-values.ts';

/** Who reads monitoring data: the bureau, and experts who review indices. Writes: the bureau only. */
export const MONITORING_READERS = ['bureau_admin', 'bureau_staff', 'expert'] as const satisfies readonly Role[];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_LIMIT = 15 * 1024 * 1024;

export function registerMonitoringRoutes(api: ApiApp, { database }: AppContext): void {
  const { db } = database;
  const regionOf = (actor: unknown) => (actor as UserActor).regionCode;
  const audited = (actor: unknown, requestId: string) => auditActorOf(actor as UserActor, requestId);

  // City-level statistics are published figures: open to the public (big screen, open data).
  api.get('/regions/:code/overview', {
    config: { access: 'public' },
    schema: { tags: ['monitoring'], summary: '城市创新概览 / City innovation overview', params: RegionParams, response: { 200: RegionOverview } },
  }, async (request) => getRegionOverview(db, request.params.code));

  api.get('/monitoring/indicators', {
    config: { access: 'authenticated' },
    schema: { tags: ['monitoring'], summary: '指标目录 / Indicator catalogue', response: { 200: IndicatorList } },
  }, async () => ({ items: await listIndicators(db) }));

  api.get('/monitoring/indicators/:code/series', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '指标走势（本地区及下辖地区）/ Indicator series for the region and its sub-regions', params: CodeParams, response: { 200: IndicatorSeries } },
  }, async (request) => getIndicatorSeries(db, regionOf(request.actor), request.params.code));

  api.get('/monitoring/imports/template', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '观测值导入模板（Excel）/ Observation import template' },
  }, async (_request, reply) => reply.type(XLSX).header('content-disposition', 'attachment; filename="observations-template.xlsx"').send(await observationTemplate()));

  api.post('/monitoring/imports', {
    config: { access: BUREAU_ROLES },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags: ['monitoring'], summary: '导入观测值（Excel，先检查）/ Import observations from Excel (checked first)', body: ImportRequest, response: { 200: ImportResponse } },
  }, async (request) => importObservations(db, audited(request.actor, request.id), regionOf(request.actor), Buffer.from(request.body.fileBase64, 'base64'), request.body.dryRun));

  api.post('/monitoring/imports/report', {
    config: { access: BUREAU_ROLES },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags: ['monitoring'], summary: '导入问题报告（Excel，逐行）/ Row-level import error report', body: ReportRequest },
  }, async (request, reply) => {
    const { raw, check } = await checkObservationFile(db, regionOf(request.actor), Buffer.from(request.body.fileBase64, 'base64'));
    return reply.type(XLSX).header('content-disposition', 'attachment; filename="import-report.xlsx"').send(await errorReport(raw, check.issues));
  });

  api.get('/monitoring/targets', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '目标看板 / Target board', response: { 200: TargetBoard } },
  }, async (request) => getTargetBoard(db, regionOf(request.actor)));

  api.get('/monitoring/frameworks', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '指数框架 / Index frameworks', response: { 200: FrameworkList } },
  }, async (request) => ({
    items: (await listFrameworks(db, regionOf(request.actor))).map((f) => ({
      code: f.code, kind: f.kind, nameZh: f.nameZh, nameEn: f.nameEn, version: f.version, updatedAt: f.updatedAt.toISOString(), definition: f.definition,
    })),
  }));

  api.post('/monitoring/frameworks/presets', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '安装预置指数框架 / Install the preset frameworks', response: { 200: z.object({ installed: z.array(z.string()) }) } },
  }, async (request) => installPresets(db, audited(request.actor, request.id), regionOf(request.actor)));

  api.put('/monitoring/frameworks/:code/weights', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '设置权重 / Set weights', params: CodeParams, body: WeightsRequest, response: { 200: z.object({ version: z.number() }) } },
  }, async (request) => updateWeights(db, request.actor as UserActor, request.params.code, request.body.weights, request.id));

  api.post('/monitoring/frameworks/:code/runs', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '计算指数 / Run an index', params: CodeParams, body: RunRequest, response: { 201: IndexRun } },
  }, async (request, reply) => reply.code(201).send(await runIndex(db, audited(request.actor, request.id), regionOf(request.actor), request.params.code, request.body)));

  api.get('/monitoring/runs', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '指数计算记录 / Index runs', querystring: RunListQuery, response: { 200: RunList } },
  }, async (request) => ({ items: await listRuns(db, regionOf(request.actor), request.query.framework) }));

  api.get('/monitoring/runs/:id', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '指数计算结果 / Index run result', params: IdParams, response: { 200: IndexRun } },
  }, async (request) => getRun(db, regionOf(request.actor), request.params.id));

  api.get('/monitoring/report.xlsx', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '监测评价报告（Excel）/ Monitoring report (Excel)', querystring: ReportQuery },
  }, async (request, reply) => {
    const regionCode = regionOf(request.actor);
    const [{ self }, board, run] = await Promise.all([
      regionAndChildren(db, regionCode), getTargetBoard(db, regionCode),
      request.query.run ? getRun(db, regionCode, request.query.run) : Promise.resolve(null),
    ]);
    const buffer = await monitoringWorkbook({ regionName: self?.name ?? regionCode, plans: board.plans, run });
    return reply.type(XLSX).header('content-disposition', 'attachment; filename="monitoring-report.xlsx"').send(buffer);
  });

  api.get('/monitoring/report.pdf', {
    config: { access: MONITORING_READERS },
    schema: { tags: ['monitoring'], summary: '监测评价报告（PDF）/ Monitoring report (PDF)', querystring: PdfReportQuery },
  }, async (request, reply) => {
    const { pdf, filename } = await reportPdf(db, regionOf(request.actor), request.query);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  });

  api.put('/monitoring/plans/:code', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '新建或修改行动方案 / Create or edit an action plan', params: PlanParams, body: PlanRequest, response: { 200: Plan, 201: Plan } },
  }, async (request, reply) => {
    const { plan, created } = await savePlan(db, request.actor as UserActor, request.params.code, request.body, request.id);
    return reply.code(created ? 201 : 200).send({ code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn, startPeriod: plan.startPeriod, endPeriod: plan.endPeriod });
  });

  api.delete('/monitoring/plans/:code', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '删除行动方案及其目标 / Delete an action plan and its targets', params: PlanParams },
  }, async (request, reply) => {
    await deletePlan(db, request.actor as UserActor, request.params.code, request.id);
    return reply.code(204).send();
  });

  api.put('/monitoring/plans/:code/targets/:indicator', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '设置目标（基期、目标值与年份、比较方式）/ Set a target', params: PlanTargetParams, body: TargetRequest, response: { 200: PlanTarget, 201: PlanTarget } },
  }, async (request, reply) => {
    const { target, created } = await saveTarget(db, request.actor as UserActor, request.params.code, request.params.indicator, request.body, request.id);
    return reply.code(created ? 201 : 200).send(targetBody(target));
  });

  api.delete('/monitoring/plans/:code/targets/:indicator', {
    config: { access: BUREAU_ROLES },
    schema: { tags: ['monitoring'], summary: '删除目标 / Delete a target', params: PlanTargetParams },
  }, async (request, reply) => {
    await deleteTarget(db, request.actor as UserActor, request.params.code, request.params.indicator, request.id);
    return reply.code(204).send();
  });
}

function targetBody(t: TargetRow): z.infer<typeof PlanTarget> {
  return {
    planCode: t.planCode, indicatorCode: t.indicatorCode, baselinePeriod: t.baselinePeriod, baselineValue: t.baselineValue === null ? null : Number(t.baselineValue),
    targetPeriod: t.targetPeriod, targetValue: Number(t.targetValue), comparison: t.comparison,
  };
}
