// The profile edit the web form sends: an enterprise edits its own record, bureau staff any in their region;
// bad values are refused naming the field in both languages, and nothing changes; each edit is audited.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let bureau: Session;
let enterprise: Session;
let ownId: string;
let otherId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  ownId = ((await enterprise.request({ method: 'GET', url: '/api/v1/me' })).json() as { organisation: { id: string } }).organisation.id;
  const { rows } = await t.database.pool.query<{ id: string }>('SELECT organisation_id AS id FROM registry_enterprises WHERE organisation_id <> $1 LIMIT 1', [ownId]);
  otherId = rows[0]!.id;
});
afterAll(async () => { await t.close(); });

const record = async (s: Session, id: string) => (await s.request({ method: 'GET', url: `/api/v1/registry/enterprises/${id}` })).json() as Record<string, unknown>;

test('an enterprise edits its own profile; the change is stored and audited', async () => {
  const res = await enterprise.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${ownId}`, payload: { industryCode: 'C3452', techField: 'new_materials', foundedOn: '2013-05-02' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(await record(enterprise, ownId)).toMatchObject({ industryCode: 'C3452', techField: 'new_materials', foundedOn: '2013-05-02', cluster: 'bearings' });
  const { rows } = await t.database.pool.query("SELECT 1 FROM audit_log WHERE action = 'registry.profile_updated' AND entity_id = $1", [ownId]);
  expect(rows).toHaveLength(1);
});

test("bureau staff edit another enterprise of their region; an enterprise user gets 404 for it", async () => {
  const staff = await bureau.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${otherId}`, payload: { cluster: 'ai' } });
  expect(staff.statusCode, staff.body).toBe(200);
  expect((await record(bureau, otherId)).cluster).toBe('ai');
  const foreign = await enterprise.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${otherId}`, payload: { cluster: 'battery' } });
  expect(foreign.statusCode).toBe(404);
  expect((await record(bureau, otherId)).cluster).toBe('ai');
});

test('a founding date in the future, a malformed industry code and an unknown cluster are refused by field; nothing changes', async () => {
  const before = await record(enterprise, ownId);
  const future = await enterprise.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${ownId}`, payload: { foundedOn: '2999-01-01', cluster: 'ai' } });
  expect(errorOf(future)).toMatchObject({ code: 'in_future', field: 'foundedOn', message: '成立日期 2999-01-01 晚于今天', message_en: 'Founding date 2999-01-01 is in the future' });
  const industry = await enterprise.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${ownId}`, payload: { industryCode: '3451' } });
  expect(errorOf(industry)).toMatchObject({ code: 'validation_failed', field: 'industryCode' });
  const cluster = await enterprise.request({ method: 'PATCH', url: `/api/v1/registry/enterprises/${ownId}`, payload: { cluster: 'steel' } });
  expect(errorOf(cluster).field).toBe('cluster');
  expect(await record(enterprise, ownId)).toEqual(before);
});
