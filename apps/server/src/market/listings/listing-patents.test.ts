// Patents on an achievement through the API: the owner sets them on a draft (stored normalised, audited); a bad
// number or status is refused on its item and part and changes nothing; others and non-drafts cannot change them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';
import type { ListingBody } from '../contracts.ts';

let t: TestApp;
let owner: Session, other: Session;
beforeAll(async () => {
  t = await createTestApp();
  [owner, other] = await Promise.all([logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'provider@demo.kechuang.cn')]);
});
afterAll(async () => { await t.close(); });

const draft = async (body: Record<string, unknown> = {}): Promise<ListingBody> => {
  const res = await owner.request({ method: 'POST', url: '/api/v1/market/listings', payload: {
    kind: 'achievement', title: '专利校验测试：轴承寿命预测方法', summary: '一种基于振动信号的风电轴承剩余寿命预测方法，已在两家企业试用。',
    field: '高端轴承', trl: 6, transferModes: ['licence'], ...body,
  } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ListingBody;
};
const patch = (s: Session, id: string, patents: unknown) => s.request({ method: 'PATCH', url: `/api/v1/market/listings/${id}`, payload: { patents } as Record<string, unknown> });

test('the owner attaches patents to a draft: stored normalised, shown to the owner, audited', async () => {
  const l = await draft();
  const res = await patch(owner, l.id, [{ number: 'zl 2017 1 0601862.3', status: 'granted' }, { number: '201910000017.x', status: 'pending' }]);
  expect(res.statusCode, res.body).toBe(200);
  expect((res.json() as ListingBody).patents).toEqual([{ number: 'ZL201710601862.3', status: 'granted' }, { number: '201910000017.X', status: 'pending' }]);
  const read = await owner.request({ method: 'GET', url: `/api/v1/market/listings/${l.id}` });
  expect((read.json() as ListingBody).patents).toHaveLength(2);
  const { rows } = await t.database.pool.query(`SELECT after->'patents' AS patents FROM audit_log WHERE entity_id = $1 AND action = 'market.listing_updated'`, [l.id]);
  expect(rows.at(-1)?.patents).toEqual([{ number: 'ZL201710601862.3', status: 'granted' }, { number: '201910000017.X', status: 'pending' }]);
});

test('a wrong check digit, a malformed number, an unknown status are refused on their item and part; nothing changes', async () => {
  const l = await draft({ patents: [{ number: 'CN112345678A', status: 'pending' }] });
  const cases: [unknown, string, string][] = [
    [[{ number: 'CN112345678A', status: 'pending' }, { number: 'ZL201710601862.4', status: 'granted' }], 'patent_check_digit', 'patents.1.number'],
    [[{ number: '第一项专利', status: 'granted' }], 'patent_number_format', 'patents.0.number'],
    [[{ number: '201710601862.3', status: 'valid' }], 'patent_status_invalid', 'patents.0.status'],
    [[{ number: 'ZL201710601862.3', status: 'pending' }], 'patent_status_mismatch', 'patents.0.status'],
  ];
  for (const [patents, code, field] of cases) {
    const res = await patch(owner, l.id, patents);
    expect(res.statusCode, code).toBe(400);
    const err = errorOf(res);
    expect(err, code).toMatchObject({ code, field });
    expect(err.message, code).toMatch(/^第 \d+ 项专利：/);
    expect(err.message_en, code).toMatch(/^Patent \d+: /);
  }
  const after = (await owner.request({ method: 'GET', url: `/api/v1/market/listings/${l.id}` })).json() as ListingBody;
  expect(after.patents).toEqual([{ number: 'CN112345678A', status: 'pending' }]);
});

test('creating with a bad patent is refused too; another organisation cannot edit; a submitted listing cannot', async () => {
  const refused = await owner.request({ method: 'POST', url: '/api/v1/market/listings', payload: {
    kind: 'achievement', title: '专利校验测试：创建即校验', field: '高端轴承', patents: [{ number: '201750601862.3', status: 'granted' }],
  } });
  expect(errorOf(refused)).toMatchObject({ code: 'patent_number_type', field: 'patents.0.number' });

  const l = await draft();
  expect((await patch(other, l.id, [{ number: '201710601862.3', status: 'pending' }])).statusCode).toBe(404);
  expect((await owner.request({ method: 'POST', url: `/api/v1/market/listings/${l.id}/transitions`, payload: { action: 'submit' } })).statusCode).toBe(200);
  const late = await patch(owner, l.id, [{ number: '201710601862.3', status: 'pending' }]);
  expect(errorOf(late).code).toBe('not_a_draft');
});
