// "My negotiations" for both sides: the seller finds offers on its listings, the buyer its own, with the
// latest offer and whose turn it is; and each can act from there.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { actorFor, universityAchievement } from '../test-fixtures.ts';
import type { NegotiationSummary } from './list-negotiations.ts';

let t: TestApp;
let seller: UserActor;
let tto: Session, buyerA: Session, buyerB: Session, bureau: Session;
beforeAll(async () => {
  t = await createTestApp();
  seller = await actorFor(t.database.db, 'tto@demo.kechuang.cn');
  [tto, buyerA, buyerB, bureau] = await Promise.all([logIn(t.app, 'tto@demo.kechuang.cn'), logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'buyer2@demo.kechuang.cn'), logIn(t.app, 'bureau.staff@demo.kechuang.cn')]);
});
afterAll(async () => t.close());

const list = async (s: Session, query = ''): Promise<NegotiationSummary[]> => {
  const res = await s.request({ method: 'GET', url: `/api/v1/market/negotiations${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: NegotiationSummary[] }).items;
};
const open = async (s: Session, listing: { regionCode: string; id: string }, amountFen: string): Promise<string> => {
  const res = await s.request({ method: 'POST', url: '/api/v1/market/negotiations', payload: { listingRegionCode: listing.regionCode, listingId: listing.id, amountFen } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};

test('the seller sees every offer on its listings with the latest amount and its turn; each buyer sees only its own', async () => {
  const listing = await universityAchievement(t.database.db, seller, '议价列表测试：轴承寿命预测技术');
  const a = await open(buyerA, listing, '5000000');
  const b = await open(buyerB, listing, '6000000');
  // The seller answers A; now it is A's turn and still the seller's turn for B.
  expect((await tto.request({ method: 'POST', url: `/api/v1/market/negotiations/${a}/offers`, payload: { amountFen: '7000000' } })).statusCode).toBe(201);

  const sellers = (await list(tto, '?side=seller')).filter((n) => n.listingId === listing.id);
  expect(sellers.map((n) => [n.id, n.turn, n.latestOffer.amountFen, n.latestOffer.side, n.offerCount])).toEqual([
    [b, 'mine', '6000000', 'buyer', 1], // waiting for us comes first
    [a, 'theirs', '7000000', 'seller', 2],
  ]);
  expect(sellers.every((n) => n.mySide === 'seller')).toBe(true);
  expect(sellers.find((n) => n.id === b)!.counterpartyName).not.toBe('');

  const mineA = await list(buyerA);
  expect(mineA.find((n) => n.id === a)).toMatchObject({ mySide: 'buyer', turn: 'mine', latestOffer: { amountFen: '7000000' } });
  expect(mineA.some((n) => n.id === b)).toBe(false);
  expect((await list(buyerA, '?side=seller')).some((n) => n.id === a)).toBe(false);

  // Acting from the list: A accepts the seller's price; the negotiation is no longer anyone's turn.
  expect((await buyerA.request({ method: 'POST', url: `/api/v1/market/negotiations/${a}/accept` })).statusCode).toBe(201);
  const after = (await list(tto, '?side=seller')).find((n) => n.id === a)!;
  expect(after).toMatchObject({ status: 'agreed', agreedFen: '7000000', turn: null });
  expect((await list(tto, '?status=open')).some((n) => n.id === a)).toBe(false);
});

test('an organisation that is neither side sees none of them', async () => {
  const listing = await universityAchievement(t.database.db, seller, '议价列表测试：第三方不可见');
  const id = await open(buyerA, listing, '3000000');
  expect((await list(bureau)).some((n) => n.id === id)).toBe(false);
  expect((await list(buyerB)).some((n) => n.id === id)).toBe(false);
});
