// Declining a negotiation: either party, while it is open (its turn or not), with an optional reason; the
// negotiation then takes nothing more, the decline is audited and shown in 我的议价, and the listing stays on sale.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { actorFor, universityAchievement } from '../test-fixtures.ts';
import type { NegotiationSummary } from './list-negotiations.ts';

let t: TestApp;
let seller: UserActor;
let tto: Session, buyer: Session, other: Session;
beforeAll(async () => {
  t = await createTestApp();
  seller = await actorFor(t.database.db, 'tto@demo.kechuang.cn');
  [tto, buyer, other] = await Promise.all([logIn(t.app, 'tto@demo.kechuang.cn'), logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'buyer2@demo.kechuang.cn')]);
});
afterAll(async () => t.close());

const open = async (s: Session, listing: { regionCode: string; id: string }, amountFen: string): Promise<string> => {
  const res = await s.request({ method: 'POST', url: '/api/v1/market/negotiations', payload: { listingRegionCode: listing.regionCode, listingId: listing.id, amountFen } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};
const decline = (s: Session, id: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url: `/api/v1/market/negotiations/${id}/decline`, payload });
const mine = async (s: Session, query = ''): Promise<NegotiationSummary[]> => {
  const res = await s.request({ method: 'GET', url: `/api/v1/market/negotiations${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: NegotiationSummary[] }).items;
};

test('the seller declines on its turn with a reason: closed to offers, acceptance and a second decline; audited; the listing stays on sale', async () => {
  const listing = await universityAchievement(t.database.db, seller, '拒绝议价测试：轴承在线监测技术', 90_000_000n);
  const id = await open(buyer, listing, '5000000');

  const res = await decline(tto, id, { reason: '  报价低于评估价值  ' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ id, status: 'declined', mySide: 'seller', declined: { side: 'seller', reason: '报价低于评估价值' } });

  for (const attempt of [
    await buyer.request({ method: 'POST', url: `/api/v1/market/negotiations/${id}/offers`, payload: { amountFen: '6000000' } }),
    await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${id}/accept` }),
    await decline(buyer, id),
  ]) {
    expect(attempt.statusCode).toBe(409);
    expect(errorOf(attempt)).toMatchObject({ code: 'negotiation_declined', message: expect.stringContaining('已被拒绝'), message_en: expect.stringContaining('declined') });
  }
  const offers = await t.database.pool.query(`SELECT count(*)::int AS n FROM market_negotiation_offers WHERE negotiation_id = $1`, [id]);
  expect(offers.rows[0].n).toBe(1);

  const audit = await t.database.pool.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'market.negotiation_declined'`, [id]);
  expect(audit.rows).toEqual([{ after: expect.objectContaining({ side: 'seller', reason: '报价低于评估价值', status: 'declined' }) }]);

  // The listing is still published: the same buyer may open a new negotiation, or buy at the asking price.
  const listingNow = await buyer.request({ method: 'GET', url: `/api/v1/market/listings/${listing.id}` });
  expect(listingNow.json()).toMatchObject({ status: 'published' });
  const again = await open(buyer, listing, '7000000');
  expect(again).not.toBe(id);
  const bought = await other.request({ method: 'POST', url: '/api/v1/market/orders', payload: { listingRegionCode: listing.regionCode, listingId: listing.id } });
  expect(bought.statusCode, bought.body).toBe(201);
});

test('the buyer may decline while waiting for the seller; both sides see it in 我的议价 with the reason, no longer anyone\'s turn', async () => {
  const listing = await universityAchievement(t.database.db, seller, '拒绝议价测试：买方撤回');
  const id = await open(buyer, listing, '3000000');
  // No reason, and no body at all: a plain POST declines.
  const res = await buyer.request({ method: 'POST', url: `/api/v1/market/negotiations/${id}/decline` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ declined: { side: 'buyer', reason: '' } });

  const sellerView = (await mine(tto, '?status=declined')).find((n) => n.id === id);
  expect(sellerView).toMatchObject({ status: 'declined', turn: null, declined: { side: 'buyer', reason: '' } });
  expect((await mine(tto, '?status=open')).some((n) => n.id === id)).toBe(false);
  expect((await mine(buyer)).find((n) => n.id === id)).toMatchObject({ mySide: 'buyer', declined: { side: 'buyer' } });
});

test('an agreed negotiation cannot be declined; a stranger cannot decline; a reason over 500 characters is refused on its field', async () => {
  const listing = await universityAchievement(t.database.db, seller, '拒绝议价测试：已成交不可拒绝');
  const id = await open(buyer, listing, '4000000');

  expect((await decline(other, id)).statusCode).toBe(404);
  const long = await decline(tto, id, { reason: '理'.repeat(501) });
  expect(long.statusCode).toBe(400);
  expect(errorOf(long).field).toBe('reason');

  expect((await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${id}/accept` })).statusCode).toBe(201);
  const late = await decline(buyer, id, { reason: '改变主意' });
  expect(late.statusCode).toBe(409);
  expect(errorOf(late)).toMatchObject({ code: 'negotiation_closed', message_en: expect.stringContaining('agreed') });
  const { rows } = await t.database.pool.query(`SELECT status, declined_side FROM market_negotiations WHERE id = $1`, [id]);
  expect(rows).toEqual([{ status: 'agreed', declined_side: null }]);
});
