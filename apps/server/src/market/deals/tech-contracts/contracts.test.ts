import ExcelJS from 'exceljs';
import { makeUscc } from '../../../platform/identity/uscc.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import { actorFor, universityAchievement } from '../test-fixtures.ts';

let t: TestApp;
let seller: UserActor, buyerA: UserActor, buyerB: UserActor;
let tto: Session, sessionA: Session, sessionB: Session, bureau: Session;

beforeAll(async () => {
  t = await createTestApp();
  [seller, buyerA, buyerB] = await Promise.all([actorFor(t.database.db, 'tto@demo.kechuang.cn'), actorFor(t.database.db, 'enterprise@demo.kechuang.cn'), actorFor(t.database.db, 'buyer2@demo.kechuang.cn')]);
  [tto, sessionA, sessionB, bureau] = await Promise.all([logIn(t.app, 'tto@demo.kechuang.cn'), logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'buyer2@demo.kechuang.cn'), logIn(t.app, 'bureau.staff@demo.kechuang.cn')]);
});
afterAll(async () => t.close());

const n = async (q: string, ...params: unknown[]) => Number((await t.database.pool.query(q, params)).rows[0].n);
const party = (a: UserActor, uscc: string) => ({ orgId: a.organisation!.id, name: a.organisation!.name, uscc, districtCode: '410311' });
async function usccOf(a: UserActor): Promise<string> {
  return (await t.database.pool.query('SELECT uscc FROM organisations WHERE id = $1', [a.organisation!.id])).rows[0].uscc;
}
async function contractPayload(overrides: Record<string, unknown> = {}) {
  return {
    type: 'development', subtype: 'cooperative', title: '新能源电池热管理合作开发', field: '新能源电池',
    seller: party(seller, await usccOf(seller)), buyer: party(buyerA, await usccOf(buyerA)),
    totalFen: '30000000', nonTechnicalCosts: [{ item: '试验设备', amountFen: '5000000' }],
    payments: [{ dueOn: '2025-07-01', amountFen: '10000000' }, { dueOn: '2025-12-01', amountFen: '20000000' }], ...overrides,
  };
}
const stats = async () => (await bureau.request({ method: 'GET', url: '/api/v1/market/contract-statistics' })).json();

describe('registering a technology contract', () => {
  test('a technology amount above the total is refused, naming the field, and nothing is written', async () => {
    const [before, audits] = [await n('SELECT count(*) AS n FROM market_tech_contracts'), await n('SELECT count(*) AS n FROM audit_log')];
    const res = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload: await contractPayload({ technologyFen: '30000001' }) });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'technology_amount_exceeds_total', field: 'technologyFen' });
    expect(errorOf(res).message).toContain('技术交易额');
    expect([await n('SELECT count(*) AS n FROM market_tech_contracts'), await n('SELECT count(*) AS n FROM audit_log')]).toEqual([before, audits]);
  });

  test('a party is named by its organisation, or off the platform by name and a valid credit code', async () => {
    const good = makeUscc('91410300MA9999991');
    const offPlatform = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload: await contractPayload({
      seller: { orgId: buyerA.organisation!.id }, buyer: { name: '外省某装备有限公司', uscc: good },
    }) });
    expect(offPlatform.statusCode).toBe(201);
    expect(offPlatform.json()).toMatchObject({ seller: { name: buyerA.organisation!.name, orgId: buyerA.organisation!.id }, buyer: { orgId: null, uscc: good } });
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const refused = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload: await contractPayload({ buyer: { name: '校验位错误公司', uscc: bad } }) });
    expect(errorOf(refused)).toMatchObject({ code: 'uscc_check_character', field: 'buyer.uscc' });
    const missing = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload: await contractPayload({ buyer: { name: '无代码公司' } }) });
    expect(errorOf(missing)).toMatchObject({ code: 'party_incomplete', field: 'buyer' });
  });

  test('the database refuses amounts that do not add up even if the rules were bypassed', async () => {
    await expect(t.database.pool.query(`UPDATE market_tech_contracts SET technology_fen = total_fen + 1 WHERE status = 'registered'`)).rejects.toThrow(/market_tech_contracts_amounts/);
  });

  test('record → submit → bureau registers it with a number → the statistics count it once by type, field, month and region', async () => {
    const before = await stats();
    const created = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload: await contractPayload() });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ status: 'draft', totalFen: '30000000', nonTechnicalFen: '5000000', technologyFen: '25000000' });
    expect((await sessionB.request({ method: 'GET', url: `/api/v1/market/contracts/${c.id}` })).statusCode).toBe(404);
    expect((await sessionA.request({ method: 'POST', url: `/api/v1/market/contracts/${c.id}/submit` })).json().status).toBe('submitted');
    expect((await sessionA.request({ method: 'POST', url: `/api/v1/market/contracts/${c.id}/review`, payload: { decision: 'register' } })).statusCode).toBe(403);
    const noReason = await bureau.request({ method: 'POST', url: `/api/v1/market/contracts/${c.id}/review`, payload: { decision: 'return' } });
    expect(errorOf(noReason).code).toBe('return_reason_required');
    const registered = (await bureau.request({ method: 'POST', url: `/api/v1/market/contracts/${c.id}/review`, payload: { decision: 'register' } })).json();
    expect(registered.status).toBe('registered');
    expect(registered.registrationNo).toMatch(/^410300\d{4}\d{6}$/);

    const after = await stats();
    expect(after.totals.contracts).toBe(before.totals.contracts + 1);
    expect(BigInt(after.totals.totalFen) - BigInt(before.totals.totalFen)).toBe(30_000_000n);
    expect(BigInt(after.totals.technologyFen) - BigInt(before.totals.technologyFen)).toBe(25_000_000n);
    const dev = (s: typeof after) => s.by.type.find((r: { key: string }) => r.key === 'development') ?? { contracts: 0 };
    expect(dev(after).contracts).toBe(dev(before).contracts + 1);
    for (const dim of ['type', 'field', 'month', 'region'] as const) {
      expect(after.by[dim].reduce((sum: number, r: { contracts: number }) => sum + r.contracts, 0)).toBe(after.totals.contracts);
    }
  });

  test('the same off-platform contract (seller + contract number) cannot be recorded twice', async () => {
    const payload = await contractPayload({ partiesContractNo: 'HT-2025-001' });
    expect((await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload })).statusCode).toBe(201);
    const again = await sessionA.request({ method: 'POST', url: '/api/v1/market/contracts', payload });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('contract_exists');
  });

  test('the statistics are for the bureau only, and export to Excel with the same totals', async () => {
    expect((await sessionA.request({ method: 'GET', url: '/api/v1/market/contract-statistics' })).statusCode).toBe(403);
    const s = await stats();
    const res = await bureau.request({ method: 'GET', url: '/api/v1/market/contract-statistics.xlsx' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按类型', '按领域', '按月份', '按地区']);
    const sheet = book.getWorksheet('按类型')!;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(s.totals.contracts);
    expect(String(last.getCell(5).value)).toBe(s.totals.totalFen);
  });
});

describe('a deal is counted once, however it was reached', () => {
  test('buy at the asking price → order, deal and contract draft; buying again or negotiating the same listing is refused', async () => {
    const listing = await universityAchievement(t.database.db, seller, '一键购买测试成果', 8_000_000n);
    const bought = await sessionA.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: listing.regionCode, listingId: listing.id } });
    expect(bought.statusCode).toBe(201);
    const draft = (await sessionA.request({ method: 'GET', url: `/api/v1/market/contracts/${bought.json().contractId}` })).json();
    expect(draft).toMatchObject({ status: 'draft', totalFen: '8000000', technologyFen: '8000000', dealId: bought.json().dealId });
    const deals = () => n('SELECT count(*) AS n FROM market_deals WHERE listing_id = $1', listing.id);
    const again = await sessionA.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: listing.regionCode, listingId: listing.id } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('deal_exists');
    expect(await n('SELECT count(*) AS n FROM market_orders WHERE listing_id = $1', listing.id)).toBe(1);

    const neg = (await sessionA.request({ method: 'POST', url: '/api/v1/market/negotiations', payload: { listingRegionCode: listing.regionCode, listingId: listing.id, amountFen: '7000000' } })).json();
    const accept = await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${neg.id}/accept` });
    expect(errorOf(accept).code).toBe('deal_exists');
    expect(await deals()).toBe(1);
    await expect(t.database.pool.query(`INSERT INTO market_tech_contracts (region_code, id, deal_id, type, subtype, title, field, seller, seller_uscc, buyer, total_fen, non_technical_fen, technology_fen, non_technical_costs, payments)
      SELECT region_code, gen_random_uuid(), deal_id, type, subtype, title, field, seller, seller_uscc, buyer, total_fen, non_technical_fen, technology_fen, non_technical_costs, payments FROM market_tech_contracts WHERE id = $1`, [draft.id]))
      .rejects.toThrow(/market_tech_contracts_deal/);
  });

  test('negotiation: offer, counter-offer, acceptance of the other side\'s price → deal and contract draft', async () => {
    const listing = await universityAchievement(t.database.db, seller, '议价测试成果', null);
    const buyNegotiable = await sessionB.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: listing.regionCode, listingId: listing.id } });
    expect(errorOf(buyNegotiable).code).toBe('price_negotiable');
    const neg = (await sessionB.request({ method: 'POST', url: '/api/v1/market/negotiations', payload: { listingRegionCode: listing.regionCode, listingId: listing.id, amountFen: '5000000' } })).json();
    expect(errorOf(await sessionB.request({ method: 'POST', url: `/api/v1/market/negotiations/${neg.id}/offers`, payload: { amountFen: '5500000' } })).code).toBe('await_counter_offer');
    expect((await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${neg.id}/offers`, payload: { amountFen: '6500000' } })).statusCode).toBe(201);
    expect(errorOf(await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${neg.id}/accept` })).code).toBe('cannot_accept_own_offer');
    expect((await sessionA.request({ method: 'GET', url: `/api/v1/market/negotiations/${neg.id}` })).statusCode).toBe(404);
    const deal = await sessionB.request({ method: 'POST', url: `/api/v1/market/negotiations/${neg.id}/accept` });
    expect(deal.statusCode).toBe(201);
    expect(deal.json().priceFen).toBe('6500000');
    const contract = (await sessionB.request({ method: 'GET', url: `/api/v1/market/contracts/${deal.json().contractId}` })).json();
    expect(contract).toMatchObject({ totalFen: '6500000', buyer: { orgId: buyerB.organisation!.id }, seller: { orgId: seller.organisation!.id } });
    expect((await sessionB.request({ method: 'GET', url: `/api/v1/market/negotiations/${neg.id}` })).json().status).toBe('agreed');
  });
});
