import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let bureau: Session;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
});
afterAll(async () => { await t.close(); });

type Pool = { items: { organisationId: string; tier: string; mentor: string | null; outcome: string | null }[]; counts: { tier: string; cluster: string | null; count: number }[]; total: number };

describe('pools', () => {
  test('the demo run filled the pools of both ladders, each member with the latest verdict on its tier', async () => {
    for (const tier of ['hnte', 'innovative-sme']) {
      const res = await bureau.request({ method: 'GET', url: `/api/v1/cultivation/pools?tier=${tier}` });
      expect(res.statusCode, res.body).toBe(200);
      const pool = res.json() as Pool;
      expect(pool.total, tier).toBeGreaterThan(0);
      expect(pool.items.every((m) => m.tier === tier && m.outcome !== null)).toBe(true);
      expect(pool.counts.reduce((s, c) => s + c.count, 0)).toBe(pool.total);
    }
  });

  test('staff assign a mentor and remove a member with a reason; a removal without a reason is refused', async () => {
    const pool = (await bureau.request({ method: 'GET', url: '/api/v1/cultivation/pools?tier=hnte&limit=1' })).json() as Pool;
    const id = pool.items[0]!.organisationId;
    const mentor = await bureau.request({ method: 'PUT', url: `/api/v1/cultivation/pools/hnte/members/${id}/mentor`, payload: { mentor: '孙老师' } });
    expect(mentor.statusCode).toBe(200);
    const noReason = await bureau.request({ method: 'POST', url: `/api/v1/cultivation/pools/hnte/members/${id}/remove`, payload: {} });
    expect(errorOf(noReason).field).toBe('reason');
    const removed = await bureau.request({ method: 'POST', url: `/api/v1/cultivation/pools/hnte/members/${id}/remove`, payload: { reason: '企业已迁出本市' } });
    expect(removed.statusCode).toBe(200);
    const gone = (await bureau.request({ method: 'GET', url: '/api/v1/cultivation/pools?tier=hnte&status=removed' })).json() as Pool;
    expect(gone.items.map((m) => m.organisationId)).toContain(id);
    const { rows } = await t.database.pool.query("SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq", [`hnte:${id}`]);
    expect(rows.map((r) => r.action)).toEqual(['cultivation.pool_mentor', 'cultivation.pool_remove']);
  });
});

describe('board and alerts', () => {
  test('the 双倍增 board compares registry counts with the action plan targets', async () => {
    const res = await bureau.request({ method: 'GET', url: '/api/v1/cultivation/board' });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as { targets: { indicatorCode: string; targetValue: number; registry: { latestValue: number; completion: number } }[]; tiers: Record<string, { value: number }[]> };
    const hnte = board.targets.find((x) => x.indicatorCode === 'hnte_count')!;
    expect(hnte.targetValue).toBe(1600);
    expect(hnte.registry.latestValue).toBe(board.tiers.hnte!.at(-1)!.value);
    expect(hnte.registry.completion).toBeCloseTo(hnte.registry.latestValue / 1600, 10);
  });

  test('the demo 高企 whose certificate ends within 180 days is on the alert list', async () => {
    const res = await bureau.request({ method: 'GET', url: '/api/v1/cultivation/alerts' });
    const alerts = res.json() as { expiring: { name: string; daysLeft: number }[] };
    const yunduan = alerts.expiring.find((a) => a.name.startsWith('洛阳云端新材料'));
    expect(yunduan?.daysLeft).toBeGreaterThan(0);
    expect(yunduan!.daysLeft).toBeLessThanOrEqual(180);
  });
});

describe('the tier ladder over time', () => {
  test("the demo 高企's ladder shows 高企 this year and the run's outcome for every rule; another enterprise cannot read it", async () => {
    const { rows } = await t.database.pool.query<{ id: string }>("SELECT id FROM organisations WHERE name LIKE '洛阳云端新材料%'");
    const id = rows[0]!.id;
    const res = await bureau.request({ method: 'GET', url: `/api/v1/cultivation/enterprises/${id}/ladder` });
    const ladder = res.json() as { years: { year: number; science: string | null }[]; runs: { results: { rule: string }[] }[] };
    expect(ladder.years.at(-1)!.science).toBe('hnte');
    expect(ladder.runs.length).toBeGreaterThan(0);
    expect(ladder.runs[0]!.results.map((r) => r.rule)).toContain('hnte');
    const enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
    expect((await enterprise.request({ method: 'GET', url: `/api/v1/cultivation/enterprises/${id}/ladder` })).statusCode).toBe(404);
  });
});
