// A contract's technology field (技术领域) comes from the platform's field list, the one listings use: free text is
// refused on recording and editing, naming the field; a draft from a deal on a listing filed under another field
// cannot be submitted until a listed field is chosen.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { insertPublishedAchievement } from '../listing-fixture.ts';
import { actorFor } from '../test-fixtures.ts';
import { checkTechnologyField, TECHNOLOGY_FIELDS } from './technology-fields.ts';

let t: TestApp;
let seller: UserActor;
let buyer: Session;
beforeAll(async () => {
  t = await createTestApp();
  seller = await actorFor(t.database.db, 'tto@demo.kechuang.cn');
  buyer = await logIn(t.app, 'enterprise@demo.kechuang.cn');
});
afterAll(async () => t.close());

const count = async () => Number((await t.database.pool.query('SELECT count(*) AS n FROM market_tech_contracts')).rows[0].n);

test('the list is the ten clusters listings are filed under; anything else is refused in both languages', () => {
  expect(TECHNOLOGY_FIELDS.map((f) => f.zh)).toEqual(['光电元器件', '农机装备', '航空装备', '高端轴承', '耐火材料', '生物医药', '电子化工材料', '人工智能', '新能源电池', '电子显示材料']);
  expect(checkTechnologyField('高端轴承')).toBeNull();
  expect(checkTechnologyField('轴承')).toMatchObject({ code: 'contract_field_unknown', field: 'field', message: { zh: expect.stringContaining('技术领域'), en: expect.stringContaining('technology field') } });
});

test('recording a contract under a free-text field is refused on the field and writes nothing', async () => {
  const sellerUscc = (await t.database.pool.query('SELECT uscc FROM organisations WHERE id = $1', [seller.organisation!.id])).rows[0].uscc as string;
  const before = await count();
  const res = await buyer.request({ method: 'POST', url: '/api/v1/market/contracts', payload: {
    type: 'consulting', subtype: 'general', title: '石墨烯导热膜工艺咨询', field: '石墨烯',
    seller: { orgId: seller.organisation!.id, uscc: sellerUscc }, buyer: { orgId: (await actorFor(t.database.db, 'enterprise@demo.kechuang.cn')).organisation!.id },
    totalFen: '5000000', payments: [{ dueOn: '2026-03-01', amountFen: '5000000' }],
  } });
  expect(res.statusCode).toBe(400);
  expect(errorOf(res)).toMatchObject({ code: 'contract_field_unknown', field: 'field', message: expect.stringContaining('高端轴承'), message_en: expect.stringContaining('High-end bearings') });
  expect(await count()).toBe(before);
});

test('a draft from a listing filed under another field is submitted only after a listed field is chosen', async () => {
  const listingId = await insertPublishedAchievement(t.database.db, { regionCode: seller.regionCode, ownerOrgId: seller.organisation!.id, title: '领域校验测试：石墨烯散热膜', field: '石墨烯', priceFen: 2_000_000n });
  const bought = await buyer.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: seller.regionCode, listingId } });
  expect(bought.statusCode, bought.body).toBe(201);
  const id = (bought.json() as { contractId: string }).contractId;

  const refused = await buyer.request({ method: 'POST', url: `/api/v1/market/contracts/${id}/submit` });
  expect(refused.statusCode).toBe(400);
  expect(errorOf(refused)).toMatchObject({ code: 'contract_field_unknown', field: 'field' });

  const draft = (await buyer.request({ method: 'GET', url: `/api/v1/market/contracts/${id}` })).json() as { title: string; seller: { orgId: string }; buyer: { orgId: string }; totalFen: string; payments: { dueOn: string; amountFen: string }[]; type: string; subtype: string };
  const edited = await buyer.request({ method: 'PUT', url: `/api/v1/market/contracts/${id}`, payload: {
    type: draft.type, subtype: draft.subtype, title: draft.title, field: '电子显示材料', seller: { orgId: draft.seller.orgId }, buyer: { orgId: draft.buyer.orgId },
    totalFen: draft.totalFen, payments: draft.payments,
  } });
  expect(edited.statusCode, edited.body).toBe(200);
  const submitted = await buyer.request({ method: 'POST', url: `/api/v1/market/contracts/${id}/submit` });
  expect(submitted.statusCode, submitted.body).toBe(200);
  expect(submitted.json()).toMatchObject({ status: 'submitted', field: '电子显示材料' });
});
