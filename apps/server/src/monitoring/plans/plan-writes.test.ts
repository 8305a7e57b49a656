// Bureau writes to action plans, targets and index weights over HTTP on a real database: each one validated,
// authorised and audited; bad input gets a named error in both languages and changes nothing.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';
import type { UserActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { saveTarget } from './save-target.ts';

let t: TestApp;
let staff: Session;
let expert: Session;
let enterprise: Session;
const PLAN = 'test-plan-2024-2027';

beforeAll(async () => {
  t = await createTestApp();
  staff = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  expert = await logIn(t.app, 'expert@demo.kechuang.cn');
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
});
afterAll(async () => t.close());

async function auditRows(action: string): Promise<{ entity_id: string; before: unknown; after: unknown; actor_role: string }[]> {
  const { rows } = await t.database.db.execute<{ entity_id: string; before: unknown; after: unknown; actor_role: string }>(
    sql`SELECT entity_id, before, after, actor_role FROM audit_log WHERE action = ${action} ORDER BY seq`);
  return rows;
}
async function auditTotal(): Promise<number> {
  const { rows } = await t.database.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log`);
  return Number(rows[0]!.n);
}

const putPlan = (s: Session, code: string, body: unknown) => s.request({ method: 'PUT', url: `/api/v1/monitoring/plans/${code}`, payload: body as object });
const putTarget = (s: Session, plan: string, indicator: string, body: unknown) =>
  s.request({ method: 'PUT', url: `/api/v1/monitoring/plans/${plan}/targets/${indicator}`, payload: body as object });
const board = async () => (await staff.request({ method: 'GET', url: '/api/v1/monitoring/targets' })).json() as {
  plans: { code: string; startPeriod: string; endPeriod: string; targets: { indicatorCode: string; targetValue: number; targetPeriod: string; baselineValue: number | null; comparison: string; completion: number | null; latest: { value: number } | null }[] }[];
};

/** A refused write: the named code and field, a message in each language, and nothing written. */
async function expectRefused(write: () => Promise<LightMyRequestResponse>, code: string, field: string | null, status = 400): Promise<{ message: string; message_en: string }> {
  const auditBefore = await auditTotal();
  const boardBefore = await board();
  const res = await write();
  expect(res.statusCode).toBe(status);
  const error = errorOf(res);
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  // English words (the input may be echoed, so not "ASCII only")
  expect(error.message_en).toMatch(/^[A-Z][a-z]+ [a-z]/);
  expect(await auditTotal()).toBe(auditBefore);
  expect(await board()).toEqual(boardBefore);
  return error;
}

describe('action plans', () => {
  test('bureau staff create a plan (201) and edit it (200); both audited with the state before and after', async () => {
    const body = { nameZh: '测试行动方案', nameEn: 'Test action plan', startPeriod: '2024', endPeriod: '2026' };
    const created = await putPlan(staff, PLAN, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: PLAN, ...body });
    const edited = await putPlan(staff, PLAN, { ...body, endPeriod: '2027' });
    expect(edited.statusCode).toBe(200);
    expect((await board()).plans.find((p) => p.code === PLAN)).toMatchObject({ startPeriod: '2024', endPeriod: '2027', targets: [] });
    expect((await auditRows('action_plan.created')).at(-1)).toMatchObject({ entity_id: PLAN, actor_role: 'bureau_staff', after: { endPeriod: '2026' } });
    expect((await auditRows('action_plan.updated')).at(-1)).toMatchObject({ entity_id: PLAN, before: { endPeriod: '2026' }, after: { endPeriod: '2027' } });
  });

  test('a plan that ends before it starts, or a year that is not a year, is refused', async () => {
    const body = { nameZh: '测试', nameEn: 'Test', startPeriod: '2026', endPeriod: '2024' };
    const e = await expectRefused(() => putPlan(staff, 'bad-plan', body), 'plan_end_before_start', 'endPeriod');
    expect(e.message).toContain('不能早于起始年份');
    expect(e.message_en).toContain('cannot be before the start year');
    await expectRefused(() => putPlan(staff, 'bad-plan', { ...body, startPeriod: '24' }), 'bad_year', 'startPeriod');
    await expectRefused(() => putPlan(staff, 'bad-plan', { ...body, nameZh: '' }), 'validation_failed', 'nameZh');
    await expectRefused(() => putPlan(staff, 'Bad Code', { ...body, endPeriod: '2027' }), 'validation_failed', 'params.code');
  });
});

describe('targets', () => {
  const target = { baselinePeriod: '2023', baselineValue: 900, targetPeriod: '2027', targetValue: 1500, comparison: 'at_least' };

  test('setting a target creates it (201), editing it (200) changes what the board assesses; both audited', async () => {
    const created = await putTarget(staff, PLAN, 'hnte_count', target);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ planCode: PLAN, indicatorCode: 'hnte_count', ...target });
    const first = (await board()).plans.find((p) => p.code === PLAN)!.targets[0]!;
    expect(first).toMatchObject({ indicatorCode: 'hnte_count', targetValue: 1500, baselineValue: 900 });
    expect(first.completion).toBeCloseTo(first.latest!.value / 1500, 12);

    const edited = await putTarget(staff, PLAN, 'hnte_count', { ...target, targetValue: 2000, targetPeriod: '2026' });
    expect(edited.statusCode).toBe(200);
    const second = (await board()).plans.find((p) => p.code === PLAN)!.targets[0]!;
    expect(second).toMatchObject({ targetValue: 2000, targetPeriod: '2026' });
    expect(second.completion).toBeCloseTo(second.latest!.value / 2000, 12);
    const audit = (await auditRows('plan_target.updated')).at(-1)!;
    expect(audit).toMatchObject({ entity_id: `${PLAN}/hnte_count`, before: { targetValue: '1500' }, after: { targetValue: '2000', targetPeriod: '2026' } });
    expect((await auditRows('plan_target.created')).map((r) => r.entity_id)).toContain(`${PLAN}/hnte_count`);
  });

  test('a target without a baseline, with "at most", is allowed', async () => {
    const res = await putTarget(staff, PLAN, 'energy_per_gdp', { targetPeriod: '2027', targetValue: 0.4, comparison: 'at_most' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ baselinePeriod: null, baselineValue: null, comparison: 'at_most' });
  });

  test('target year before (or in) the baseline year is refused with a clear message', async () => {
    const e = await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, baselinePeriod: '2025', targetPeriod: '2024' }), 'target_before_baseline', 'targetPeriod');
    expect(e.message).toBe('目标年份（2024）必须晚于基期年份（2025）');
    expect(e.message_en).toBe('The target year (2024) must be after the baseline year (2025)');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, baselinePeriod: '2026', targetPeriod: '2026' }), 'target_before_baseline', 'targetPeriod');
  });

  test('unknown indicator, unknown plan, and every other broken rule are refused and change nothing', async () => {
    const unknown = await expectRefused(() => putTarget(staff, PLAN, 'no_such_indicator', target), 'unknown_indicator', 'indicatorCode');
    expect(unknown.message).toContain('no_such_indicator');
    await expectRefused(() => putTarget(staff, 'no-such-plan', 'hnte_count', target), 'not_found', null, 404);
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, targetPeriod: '2030' }), 'target_outside_plan', 'targetPeriod');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, targetPeriod: '2027年' }), 'bad_year', 'targetPeriod');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, baselineValue: null }), 'baseline_incomplete', 'baselineValue');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, targetValue: -5 }), 'negative_value', 'targetValue');
    await expectRefused(() => putTarget(staff, PLAN, 'rd_intensity', { ...target, baselineValue: 2.5, targetValue: 150 }), 'percentage_over_100', 'targetValue');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, comparison: 'about' }), 'validation_failed', 'comparison');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, targetValue: '1500' }), 'validation_failed', 'targetValue');
    await expectRefused(() => putTarget(staff, PLAN, 'hnte_count', { ...target, owner: 'x' }), 'validation_failed', 'owner');
  });

  test('shortening a plan so that a target falls outside it is refused', async () => {
    await expectRefused(() => putPlan(staff, PLAN, { nameZh: '测试行动方案', nameEn: 'Test action plan', startPeriod: '2024', endPeriod: '2025' }), 'target_outside_plan', 'endPeriod');
  });

  test('only bureau roles write: experts and enterprises get 403, and the operation itself checks the role too', async () => {
    await expectRefused(() => putTarget(expert, PLAN, 'hnte_count', target), 'forbidden', null, 403);
    await expectRefused(() => putTarget(enterprise, PLAN, 'hnte_count', target), 'forbidden', null, 403);
    await expectRefused(() => putPlan(expert, PLAN, { nameZh: 'x', nameEn: 'x', startPeriod: '2024', endPeriod: '2027' }), 'forbidden', null, 403);
    const expertActor: UserActor = {
      kind: 'user', userId: '00000000-0000-4000-8000-000000000000', role: 'expert', displayName: 'x', login: 'x', regionCode: '410300', organisation: null, csrfToken: 'x',
    };
    await expect(saveTarget(t.database.db, expertActor, PLAN, 'hnte_count', { ...target, comparison: 'at_least' })).rejects.toSatisfy((e) => e instanceof DomainError && e.status === 403);
  });

  test('deleting a target is audited with what it was; deleting it again is 404', async () => {
    const res = await staff.request({ method: 'DELETE', url: `/api/v1/monitoring/plans/${PLAN}/targets/energy_per_gdp` });
    expect(res.statusCode).toBe(204);
    expect((await board()).plans.find((p) => p.code === PLAN)!.targets.map((x) => x.indicatorCode)).toEqual(['hnte_count']);
    expect((await auditRows('plan_target.deleted')).at(-1)).toMatchObject({ entity_id: `${PLAN}/energy_per_gdp`, before: { comparison: 'at_most' } });
    await expectRefused(() => staff.request({ method: 'DELETE', url: `/api/v1/monitoring/plans/${PLAN}/targets/energy_per_gdp` }), 'not_found', null, 404);
  });

  test('deleting a plan removes its targets in the same audited write', async () => {
    const res = await staff.request({ method: 'DELETE', url: `/api/v1/monitoring/plans/${PLAN}` });
    expect(res.statusCode).toBe(204);
    expect((await board()).plans.map((p) => p.code)).not.toContain(PLAN);
    const audit = (await auditRows('action_plan.deleted')).at(-1)!;
    expect(audit).toMatchObject({ entity_id: PLAN, before: { plan: { code: PLAN }, targets: [{ indicatorCode: 'hnte_count' }] } });
  });
});

describe('index weights', () => {
  const put = (s: Session, weights: unknown) => s.request({ method: 'PUT', url: '/api/v1/monitoring/frameworks/innovative-city/weights', payload: { weights } as object });
  const version = async () => ((await staff.request({ method: 'GET', url: '/api/v1/monitoring/frameworks' })).json().items as { code: string; version: number }[])
    .find((f) => f.code === 'innovative-city')!.version;

  test('negative, all-zero under a node, empty, unknown and non-numeric weights are refused; the version stays', async () => {
    const before = await version();
    const negative = await expectRefused(() => put(staff, { governance: -0.2 }), 'negative_weight', 'weights.governance');
    expect(negative.message).toBe('“创新治理力”的权重不能为负数（收到 -0.2）');
    expect(negative.message_en).toBe('The weight of "Innovation governance" cannot be negative (got -0.2)');
    const zero = await expectRefused(() => put(staff, { governance: 0, original: 0, technology: 0, transformation: 0, driving: 0 }), 'zero_weights', 'weights');
    expect(zero.message).toContain('创新能力指数');
    expect(zero.message_en).toContain('must sum to more than 0');
    await expectRefused(() => put(staff, { rd_intensity: 0, hnte_per_10k: 0 }), 'zero_weights', 'weights');
    await expectRefused(() => put(staff, {}), 'no_weights', 'weights');
    await expectRefused(() => put(staff, { no_such_indicator: 1 }), 'unknown_icode', 'weights.no_such_indicator');
    await expectRefused(() => put(staff, { governance: 1e6 }), 'weight_too_large', 'weights.governance');
    await expectRefused(() => put(staff, { governance: 'heavy' }), 'validation_failed', 'weights.governance');
    await expectRefused(() => put(expert, { governance: 1 }), 'forbidden', null, 403);
    expect(await version()).toBe(before);
  });

  test('a valid change raises the version and is audited with old and new weights', async () => {
    const before = await version();
    const res = await put(staff, { governance: 0.3, driving: 0.1 });
    expect(res.json()).toEqual({ version: before + 1 });
    const audit = (await auditRows('index_framework.weights_updated')).at(-1)!;
    expect(audit).toMatchObject({ entity_id: 'innovative-city', actor_role: 'bureau_staff', before: { governance: 0.2, driving: 0.2 }, after: { governance: 0.3, driving: 0.1 } });
  });
});
