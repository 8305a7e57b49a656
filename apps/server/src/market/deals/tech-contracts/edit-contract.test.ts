// Completing a contract draft made from a deal: both parties edit it before submitting; each broken rule is
// refused naming its field in Chinese and English, and nothing changes; once submitted it is frozen.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { makeUscc } from '../../../platform/identity/uscc.ts';
import { actorFor, universityAchievement } from '../test-fixtures.ts';

let t: TestApp;
let seller: UserActor;
let tto: Session, buyer: Session, stranger: Session;
beforeAll(async () => {
  t = await createTestApp();
  seller = await actorFor(t.database.db, 'tto@demo.kechuang.cn');
  [tto, buyer, stranger] = await Promise.all([logIn(t.app, 'tto@demo.kechuang.cn'), logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'buyer2@demo.kechuang.cn')]);
});
afterAll(async () => t.close());

type Contract = { id: string; status: string; dealId: string | null; seller: { orgId: string | null }; buyer: { orgId: string | null }; totalFen: string; technologyFen: string; nonTechnicalFen: string; payments: { dueOn: string; amountFen: string }[]; type: string; subtype: string; title: string; field: string };

async function draftFromPurchase(title: string): Promise<Contract> {
  const listing = await universityAchievement(t.database.db, seller, title, 10_000_000n);
  const bought = await buyer.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: listing.regionCode, listingId: listing.id } });
  expect(bought.statusCode, bought.body).toBe(201);
  return (await buyer.request({ method: 'GET', url: `/api/v1/market/contracts/${(bought.json() as { contractId: string }).contractId}` })).json() as Contract;
}
const terms = (c: Contract, overrides: Record<string, unknown> = {}) => ({
  type: 'licence', subtype: 'patent', title: c.title, field: c.field, seller: { orgId: c.seller.orgId }, buyer: { orgId: c.buyer.orgId },
  totalFen: '12000000', nonTechnicalCosts: [{ item: '检测设备', amountFen: '2000000' }],
  payments: [{ dueOn: '2026-01-15', amountFen: '6000000' }, { dueOn: '2026-06-30', amountFen: '6000000' }], signedOn: '2025-12-20', partiesContractNo: 'LY-2025-088', ...overrides,
});
const put = (s: Session, id: string, body: object) => s.request({ method: 'PUT', url: `/api/v1/market/contracts/${id}`, payload: body as Record<string, unknown> });

test('the buyer completes the draft (type, costs, two instalments), the seller adjusts it, then it is submitted and frozen', async () => {
  const draft = await draftFromPurchase('合同编辑测试：专利实施许可');
  expect(draft.status).toBe('draft');
  const edited = await put(buyer, draft.id, terms(draft, { technologyFen: '10000000' }));
  expect(edited.statusCode, edited.body).toBe(200);
  expect(edited.json()).toMatchObject({ type: 'licence', subtype: 'patent', totalFen: '12000000', nonTechnicalFen: '2000000', technologyFen: '10000000', dealId: draft.dealId });
  const bySeller = await put(tto, draft.id, terms(draft, { signedOn: '2025-12-21' }));
  expect(bySeller.statusCode, bySeller.body).toBe(200);
  const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'market.contract_updated'`, [draft.id]);
  expect(rows[0].n).toBe(2);

  expect((await buyer.request({ method: 'POST', url: `/api/v1/market/contracts/${draft.id}/submit` })).statusCode).toBe(200);
  const late = await put(buyer, draft.id, terms(draft));
  expect(late.statusCode).toBe(409);
  expect(errorOf(late).code).toBe('contract_status');
});

test('each rule names its field in both languages, and a refused edit changes nothing', async () => {
  const draft = await draftFromPurchase('合同编辑测试：规则');
  const cases: [Record<string, unknown>, string, string][] = [
    [{ technologyFen: '12000001' }, 'technology_amount_exceeds_total', 'technologyFen'],
    [{ technologyFen: '11000000' }, 'technology_amount_mismatch', 'technologyFen'],
    [{ payments: [{ dueOn: '2026-01-15', amountFen: '6000000' }, { dueOn: '2026-06-30', amountFen: '5000000' }] }, 'payment_schedule_mismatch', 'payments'],
    [{ payments: [{ dueOn: '2026-06-30', amountFen: '6000000' }, { dueOn: '2026-01-15', amountFen: '6000000' }] }, 'payment_schedule_order', 'payments.1.dueOn'],
    [{ payments: [] }, 'payment_schedule_empty', 'payments'],
    [{ nonTechnicalCosts: [{ item: '设备', amountFen: '13000000' }] }, 'technology_amount_exceeds_total', 'nonTechnicalCosts'],
    [{ type: 'licence', subtype: 'commissioned' }, 'contract_subtype_invalid', 'subtype'],
    [{ field: '石墨烯材料' }, 'contract_field_unknown', 'field'],
  ];
  for (const [overrides, code, field] of cases) {
    const err = errorOf(await put(buyer, draft.id, terms(draft, overrides)));
    expect(err, code).toMatchObject({ code, field });
    expect(err.message, code).not.toBe(err.message_en);
  }
  const type = await put(buyer, draft.id, terms(draft, { type: 'sale' }));
  expect(type.statusCode).toBe(400);
  expect(errorOf(type).field).toBe('type');
  const after = (await buyer.request({ method: 'GET', url: `/api/v1/market/contracts/${draft.id}` })).json() as Contract;
  expect(after).toMatchObject({ totalFen: draft.totalFen, type: draft.type, payments: draft.payments });
});

test("a deal's parties stay; a party off the platform needs a valid credit code; a stranger cannot edit", async () => {
  const draft = await draftFromPurchase('合同编辑测试：当事人');
  const swapped = errorOf(await put(buyer, draft.id, terms(draft, { buyer: { name: '某外部企业', uscc: makeUscc('91410300MA0000000') } })));
  expect(swapped).toMatchObject({ code: 'deal_parties_fixed', field: 'buyer.orgId' });
  expect((await put(stranger, draft.id, terms(draft))).statusCode).toBe(404);

  // A contract recorded off the platform: the counterparty's code is checked (GB 32100-2015 check character).
  const recorded = await buyer.request({ method: 'POST', url: '/api/v1/market/contracts', payload: {
    type: 'service', subtype: 'training', title: '检测技术培训', field: '光电元器件', seller: { name: '某培训中心', uscc: makeUscc('91410300MA0000100') },
    buyer: { orgId: draft.buyer.orgId }, totalFen: '100000', payments: [{ dueOn: '2026-03-01', amountFen: '100000' }],
  } });
  expect(recorded.statusCode, recorded.body).toBe(201);
  const c = recorded.json() as Contract;
  const valid = makeUscc('91410300MA0000100');
  const broken = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const bad = errorOf(await put(buyer, c.id, { ...terms(c, { seller: { name: '某培训中心', uscc: broken }, totalFen: '100000', nonTechnicalCosts: [], payments: [{ dueOn: '2026-03-01', amountFen: '100000' }] }), type: 'service', subtype: 'training' }));
  expect(bad.field).toBe('seller.uscc');
  expect(bad.code).toMatch(/^uscc_/);
  // Handing the contract to two other organisations is refused.
  const strangerOrg = (await t.database.pool.query(`SELECT organisation_id FROM users WHERE email = 'buyer2@demo.kechuang.cn'`)).rows[0].organisation_id as string;
  expect(errorOf(await put(buyer, c.id, { ...terms(c, { buyer: { orgId: strangerOrg }, seller: { name: '某培训中心', uscc: valid }, totalFen: '100000', nonTechnicalCosts: [], payments: [{ dueOn: '2026-03-01', amountFen: '100000' }] }), type: 'service', subtype: 'training' })).code).toBe('not_a_party');
});
