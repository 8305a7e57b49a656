import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.ts';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../../test/test-app.ts';
import { actorFor, universityAchievement } from '../test-fixtures.ts';
import { verifyBidChain, type ChainedBid } from './bid-chain.ts';
import { createAuction } from './create-auction.ts';
import { placeBid } from './place-bid.ts';
import { getBidLog } from './read-auction.ts';
import { registerBidder } from './register-bidder.ts';
import { settleAuction } from './settle-auction.ts';

let t: TestApp;
let seller: UserActor, buyerA: UserActor, buyerB: UserActor;
let tto: Session, sessionA: Session, sessionB: Session;
const T0 = new Date('2030-01-01T09:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  t = await createTestApp();
  [seller, buyerA, buyerB] = await Promise.all([actorFor(t.database.db, 'tto@demo.kechuang.cn'), actorFor(t.database.db, 'enterprise@demo.kechuang.cn'), actorFor(t.database.db, 'buyer2@demo.kechuang.cn')]);
  [tto, sessionA, sessionB] = await Promise.all([logIn(t.app, 'tto@demo.kechuang.cn'), logIn(t.app, 'enterprise@demo.kechuang.cn'), logIn(t.app, 'buyer2@demo.kechuang.cn')]);
});
afterAll(async () => t.close());

const count = async (q: string, ...params: unknown[]) => Number((await t.database.pool.query(q, params)).rows[0].n);

/** A lot from T0 to T0 + 10 min: start ¥1,000, reserve ¥1,200, increment ¥50, deposit ¥100, 5-min extension. */
async function lotAtT0(title: string): Promise<string> {
  const listing = await universityAchievement(t.database.db, seller, title);
  const { id } = await createAuction(t.database.db, seller, {
    listingRegionCode: listing.regionCode, listingId: listing.id, startsAt: T0, endsAt: at(600), startPriceFen: 100_000n, reserveFen: 120_000n,
    incrementFen: 5_000n, depositFen: 10_000n, extensionWindowSeconds: 300, extensionSeconds: 300,
  }, at(-60));
  return id;
}

describe('bad bids are refused with a clear error and leave nothing behind', () => {
  let lotId: string;
  beforeAll(async () => {
    lotId = await lotAtT0('坏出价测试成果');
    await registerBidder(t.database.db, buyerA, { lotId, depositReference: 'BANK-A-001' }, at(1));
  });

  test('an unregistered bidder', async () => {
    await expect(placeBid(t.database.db, buyerB, { lotId, amountFen: 100_000n }, at(10))).rejects.toMatchObject({ code: 'bidder_not_registered', status: 403 });
  });
  test('the seller on its own lot (and it cannot even register)', async () => {
    await expect(registerBidder(t.database.db, seller, { lotId, depositReference: 'X-1' }, at(10))).rejects.toMatchObject({ code: 'own_lot' });
    await expect(placeBid(t.database.db, seller, { lotId, amountFen: 100_000n }, at(10))).rejects.toMatchObject({ code: 'own_lot' });
  });
  test('a bid below the increment names the least acceptable amount', async () => {
    await placeBid(t.database.db, buyerA, { lotId, amountFen: 100_000n }, at(20));
    const err = await placeBid(t.database.db, buyerA, { lotId, amountFen: 104_999n }, at(21)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bid_below_increment', field: 'amountFen' });
    expect((err as { text: { zh: string } }).text.zh).toContain('¥1,050.00');
  });
  test('a bid after the close', async () => {
    await expect(placeBid(t.database.db, buyerA, { lotId, amountFen: 200_000n }, at(600))).rejects.toMatchObject({ code: 'auction_closed' });
  });
  test('none of the refused bids was recorded; the one good bid was', async () => {
    expect(await count('SELECT count(*) AS n FROM market_auction_bids WHERE lot_id = $1', lotId)).toBe(1);
  });
});

describe('two bids at the same millisecond', () => {
  test('the same amount from two bidders: exactly one is accepted, the other is told to bid higher', async () => {
    const lotId = await lotAtT0('同毫秒出价测试成果');
    await registerBidder(t.database.db, buyerA, { lotId, depositReference: 'A' }, at(1));
    await registerBidder(t.database.db, buyerB, { lotId, depositReference: 'B' }, at(1));
    const results = await Promise.allSettled([
      placeBid(t.database.db, buyerA, { lotId, amountFen: 150_000n }, at(30)),
      placeBid(t.database.db, buyerB, { lotId, amountFen: 150_000n }, at(30)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'bid_below_increment' });
    expect(await count('SELECT count(*) AS n FROM market_auction_bids WHERE lot_id = $1', lotId)).toBe(1);
  });
});

describe('a full auction', () => {
  let lotId: string;
  test('late bids extend the close; concurrent bids are serialised, none lost, strictly increasing', async () => {
    lotId = await lotAtT0('完整竞价测试成果');
    await registerBidder(t.database.db, buyerA, { lotId, depositReference: 'A' }, at(1));
    await registerBidder(t.database.db, buyerB, { lotId, depositReference: 'B' }, at(2));
    // 30 bids fired together, each well above the increment: every one of them can be accepted in some order or refused.
    const amounts = Array.from({ length: 30 }, (_, i) => 100_000n + BigInt(i) * 7_000n);
    const results = await Promise.allSettled(amounts.map((amountFen, i) => placeBid(t.database.db, i % 2 ? buyerA : buyerB, { lotId, amountFen }, at(60))));
    const accepted = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ seq: number; amountFen: bigint }>).value);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toMatch(/^bid_below_(increment|start_price)$/);
    expect(await count('SELECT count(*) AS n FROM market_auction_bids WHERE lot_id = $1', lotId)).toBe(accepted.length);
    const bySeq = [...accepted].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((b) => b.seq)).toEqual(bySeq.map((_, i) => i + 1));
    for (let i = 1; i < bySeq.length; i++) expect(bySeq[i]!.amountFen - bySeq[i - 1]!.amountFen).toBeGreaterThanOrEqual(5_000n);

    // A bid 2 minutes before the close moves it to 5 minutes after the bid.
    const top = bySeq.at(-1)!.amountFen;
    const late = await placeBid(t.database.db, buyerA, { lotId, amountFen: top + 1_000_000n }, at(480));
    expect(late.extended).toBe(true);
    expect(late.endsAt.toISOString()).toBe(at(780).toISOString());
    await expect(placeBid(t.database.db, buyerB, { lotId, amountFen: top + 2_000_000n }, at(700))).resolves.toMatchObject({ extended: true });
  });

  test('settlement: the highest bid wins, deposits are applied or marked for refund, a contract draft appears, the log verifies', async () => {
    expect((await settleAuction(t.database.db, SYSTEM_ACTOR, lotId, at(1200))).settled).toBe(true);
    const lot = (await t.database.pool.query('SELECT * FROM market_auction_lots WHERE id = $1', [lotId])).rows[0];
    const best = (await t.database.pool.query('SELECT max(amount_fen) AS m FROM market_auction_bids WHERE lot_id = $1', [lotId])).rows[0].m;
    expect(lot.outcome).toBe('sold');
    expect(lot.current_fen).toBe(best);
    expect(lot.winner_org_id).toBe(buyerB.organisation!.id);
    const deposits = (await t.database.pool.query('SELECT org_id, deposit_status FROM market_auction_bidders WHERE lot_id = $1 ORDER BY bidder_no', [lotId])).rows;
    expect(deposits).toEqual([{ org_id: buyerA.organisation!.id, deposit_status: 'refund_due' }, { org_id: buyerB.organisation!.id, deposit_status: 'applied' }]);
    const contract = (await t.database.pool.query(`SELECT c.total_fen, c.status, c.buyer->>'orgId' AS buyer FROM market_tech_contracts c JOIN market_deals d ON d.id = c.deal_id WHERE d.origin = 'auction' AND d.origin_id = $1`, [lotId])).rows;
    expect(contract).toEqual([{ total_fen: best, status: 'draft', buyer: buyerB.organisation!.id }]);
    // Settling again changes nothing.
    expect((await settleAuction(t.database.db, SYSTEM_ACTOR, lotId, at(1300))).settled).toBe(false);

    const log = await getBidLog(t.database.db, lotId);
    expect(log.headHash).toBe(lot.head_hash);
    expect(verifyBidChain(lotId, log.bids, log.headHash)).toMatchObject({ ok: true, count: lot.bid_count });
    const tampered: ChainedBid[] = log.bids.map((b) => (b.seq === 2 ? { ...b, amountFen: String(BigInt(b.amountFen) + 1n) } : b));
    expect(verifyBidChain(lotId, tampered, log.headHash)).toMatchObject({ ok: false, atSeq: 2 });
  });

  test('the public bid log over HTTP verifies, showing paddle numbers and no organisation ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/auctions/${lotId}/bid-log` });
    expect(res.statusCode).toBe(200);
    expect(res.json().verification.ok).toBe(true);
    expect(res.body).not.toContain(buyerA.organisation!.id);
  });
});

describe('over HTTP', () => {
  test('register, bid, and read the live lot; errors carry code and field in both languages', async () => {
    const listing = await universityAchievement(t.database.db, seller, 'HTTP 竞价测试成果');
    const now = Date.now();
    const created = await tto.request({ method: 'POST', url: '/api/v1/market/auctions', payload: {
      listingRegionCode: listing.regionCode, listingId: listing.id, startsAt: new Date(now - 1000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(),
      startPriceFen: '100000', reserveFen: '100000', incrementFen: '1000', depositFen: '5000',
    } });
    expect(created.statusCode).toBe(201);
    const lotId = created.json().id as string;
    const unregistered = await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/bids`, payload: { amountFen: '100000' } });
    expect(unregistered.statusCode).toBe(403);
    expect(errorOf(unregistered)).toMatchObject({ code: 'bidder_not_registered' });
    expect(errorOf(unregistered).message_en).toMatch(/register/i);
    expect((await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/registrations`, payload: { depositReference: 'HTTP-A' } })).json()).toEqual({ bidderNo: 1, depositFen: '5000' });
    expect((await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/bids`, payload: { amountFen: '100000' } })).statusCode).toBe(201);
    const low = await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/bids`, payload: { amountFen: '100500' } });
    expect(errorOf(low)).toMatchObject({ code: 'bid_below_increment', field: 'amountFen' });
    const bad = await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/bids`, payload: { amountFen: '-5' } });
    expect(bad.statusCode).toBe(400);
    const view = (await sessionA.request({ method: 'GET', url: `/api/v1/market/auctions/${lotId}` })).json();
    expect(view).toMatchObject({ currentFen: '100000', minimumNextBidFen: '101000', myBidderNo: 1, reserveFen: null, phase: 'open' });
    const own = await tto.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/registrations`, payload: { depositReference: 'SELF' } });
    expect(errorOf(own).code).toBe('own_lot');
    void sessionB;
  });
});

describe('the bureau\'s housekeeping', () => {
  test('a lot without bids can be cancelled (deposits due back); a refund is recorded once; a lot with bids cannot be cancelled', async () => {
    const bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
    const lotId = await lotAtT0('撤销测试成果');
    await registerBidder(t.database.db, buyerA, { lotId, depositReference: 'A' }, at(1));
    expect((await sessionA.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/cancel`, payload: { reason: '测试' } })).statusCode).toBe(403);
    const cancelled = await bureau.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/cancel`, payload: { reason: '成果权属待核实' } });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
    await expect(placeBid(t.database.db, buyerA, { lotId, amountFen: 100_000n }, at(10))).rejects.toMatchObject({ code: 'auction_cancelled' });
    const refund = (no: number) => bureau.request({ method: 'POST', url: `/api/v1/market/auctions/${lotId}/refunds`, payload: { bidderNo: no, refundReference: 'REFUND-1' } });
    expect((await refund(1)).statusCode).toBe(204);
    expect(errorOf(await refund(1)).code).toBe('deposit_not_refundable');

    const withBids = await lotAtT0('有出价不可撤销测试成果');
    await registerBidder(t.database.db, buyerA, { lotId: withBids, depositReference: 'A' }, at(1));
    await placeBid(t.database.db, buyerA, { lotId: withBids, amountFen: 100_000n }, at(5));
    expect(errorOf(await bureau.request({ method: 'POST', url: `/api/v1/market/auctions/${withBids}/cancel`, payload: { reason: '测试' } })).code).toBe('lot_not_cancellable');
  });
});
