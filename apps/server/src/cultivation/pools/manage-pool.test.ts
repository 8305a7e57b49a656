// Staff manage the pools over HTTP: add by hand with a mentor, a second add refused, remove with a reason,
// a removed member seen on the enterprise's own list and added back; each change audited; bureau roles only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let bureau: Session;
let enterprise: Session;
let outsider: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  // An enterprise the engine did not put in the 高企 pool.
  const { rows } = await t.database.pool.query<{ id: string }>(
    `SELECT e.organisation_id AS id FROM registry_enterprises e WHERE NOT EXISTS (
       SELECT 1 FROM cultivation_pool_members m WHERE m.region_code = e.region_code AND m.organisation_id = e.organisation_id AND m.tier = 'hnte') LIMIT 1`);
  outsider = rows[0]!.id;
});
afterAll(async () => { await t.close(); });

type Member = { organisationId: string; tier: string; status: string; source: string; mentor: string | null; removedReason: string | null };
const memberships = async (id: string) =>
  ((await bureau.request({ method: 'GET', url: `/api/v1/cultivation/pools?organisationId=${id}&status=all` })).json() as { items: Member[] }).items;

describe('adding to a pool', () => {
  test('staff add an enterprise with its mentor; it is listed on its own memberships and the add is audited', async () => {
    const res = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/hnte/members', payload: { organisationId: outsider, mentor: '李辅导' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await memberships(outsider)).toContainEqual(expect.objectContaining({ tier: 'hnte', status: 'active', source: 'staff', mentor: '李辅导' }));
    const { rows } = await t.database.pool.query<{ after: { mentor: string } }>("SELECT after FROM audit_log WHERE action = 'cultivation.pool_add' AND entity_id = $1", [`hnte:${outsider}`]);
    expect(rows.map((r) => r.after.mentor)).toEqual(['李辅导']);
  });

  test('adding a member that is already in the pool is refused in both languages, naming the enterprise field', async () => {
    const res = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/hnte/members', payload: { organisationId: outsider } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toEqual({ code: 'already_in_pool', field: 'organisationId', message: '该企业已在此培育库中', message_en: 'The enterprise is already in this pool' });
  });

  test('a blank mentor, an unknown tier and an unknown enterprise are refused by name', async () => {
    const blank = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/gazelle/members', payload: { organisationId: outsider, mentor: '   ' } });
    expect(errorOf(blank).field).toBe('mentor');
    const tier = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/platinum/members', payload: { organisationId: outsider } });
    expect(errorOf(tier).field).toBe('params.tier');
    const nobody = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/hnte/members', payload: { organisationId: '00000000-0000-4000-8000-000000000000' } });
    expect(nobody.statusCode).toBe(404);
  });

  test('an enterprise user can neither add nor list pool members', async () => {
    const add = await enterprise.request({ method: 'POST', url: '/api/v1/cultivation/pools/hnte/members', payload: { organisationId: outsider } });
    expect(add.statusCode).toBe(403);
    const list = await enterprise.request({ method: 'GET', url: `/api/v1/cultivation/pools?organisationId=${outsider}` });
    expect(list.statusCode).toBe(403);
    expect((await memberships(outsider)).filter((m) => m.tier === 'hnte')).toHaveLength(1);
  });
});

describe('removing and adding back', () => {
  test('a removed member keeps its reason on the enterprise list, leaves the active pool, and staff can add it back', async () => {
    const removed = await bureau.request({ method: 'POST', url: `/api/v1/cultivation/pools/hnte/members/${outsider}/remove`, payload: { reason: '企业主动申请退出' } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await memberships(outsider)).toContainEqual(expect.objectContaining({ tier: 'hnte', status: 'removed', removedReason: '企业主动申请退出' }));
    const active = (await bureau.request({ method: 'GET', url: `/api/v1/cultivation/pools?organisationId=${outsider}` })).json() as { items: Member[] };
    expect(active.items.some((m) => m.tier === 'hnte')).toBe(false);
    const again = await bureau.request({ method: 'POST', url: '/api/v1/cultivation/pools/hnte/members', payload: { organisationId: outsider } });
    expect(again.statusCode).toBe(200);
    expect(await memberships(outsider)).toContainEqual(expect.objectContaining({ tier: 'hnte', status: 'active', removedReason: null, mentor: '李辅导' }));
    const { rows } = await t.database.pool.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq', [`hnte:${outsider}`]);
    expect(rows.map((r) => r.action)).toEqual(['cultivation.pool_add', 'cultivation.pool_remove', 'cultivation.pool_add']);
  });
});

describe('finding a member in a large pool', () => {
  test('the board pages on the server and finds members by name or credit code; LIKE wildcards match literally', async () => {
    const page = async (q: string) => (await bureau.request({ method: 'GET', url: `/api/v1/cultivation/pools?tier=hnte&limit=5&q=${encodeURIComponent(q)}` })).json() as { items: (Member & { name: string; uscc: string })[]; total: number };
    const all = (await bureau.request({ method: 'GET', url: '/api/v1/cultivation/pools?tier=hnte&limit=5&offset=5' })).json() as { items: { name: string; uscc: string }[]; total: number };
    expect(all.items).toHaveLength(5);
    const target = all.items[2]!;
    const byName = await page(target.name.slice(0, 6));
    expect(byName.items.map((m) => m.name)).toContain(target.name);
    expect(byName.total).toBeLessThan(all.total);
    expect((await page(target.uscc.toLowerCase())).items.map((m) => m.uscc)).toEqual([target.uscc]);
    expect((await page('%')).total).toBe(0);
  });
});
