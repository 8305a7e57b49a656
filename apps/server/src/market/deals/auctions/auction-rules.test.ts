import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { auctionPhase, checkTerms, judgeBid, minimumNextBid, settle, yuan, type LotTerms } from './auction-rules.ts';

const T0 = Date.parse('2025-06-01T09:00:00.000Z');
const at = (minutes: number, ms = 0): Date => new Date(T0 + minutes * 60_000 + ms);

function lot(overrides: Partial<LotTerms> = {}): LotTerms {
  return {
    sellerOrganisationId: 'seller', startsAt: at(0), endsAt: at(60), startPriceFen: 1_000_000n, reserveFen: 1_200_000n,
    incrementFen: 50_000n, extensionWindowMs: 5 * 60_000, extensionMs: 5 * 60_000, cancelled: false, ...overrides,
  };
}
const bidder = (amountFen: bigint, overrides: Partial<{ bidderOrganisationId: string; registered: boolean }> = {}) =>
  ({ bidderOrganisationId: 'buyer', registered: true, amountFen, ...overrides });

describe('who may bid, and when', () => {
  test('before the start the bid is refused as not started', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(-1))).toMatchObject({ ok: false, code: 'auction_not_started' });
  });
  test('a bid stamped exactly at the close, or after it, is refused as closed', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(60))).toMatchObject({ ok: false, code: 'auction_closed' });
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(61))).toMatchObject({ ok: false, code: 'auction_closed' });
  });
  test('one millisecond before the close is still open', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(60, -1)).ok).toBe(true);
  });
  test('the seller cannot bid on its own lot, even when registered', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n, { bidderOrganisationId: 'seller' }), at(10))).toMatchObject({ ok: false, code: 'own_lot' });
  });
  test('an unregistered bidder is refused', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n, { registered: false }), at(10))).toMatchObject({ ok: false, code: 'bidder_not_registered' });
  });
  test('a cancelled lot takes no bids', () => {
    expect(judgeBid(lot({ cancelled: true }), { currentFen: null }, bidder(1_000_000n), at(10))).toMatchObject({ ok: false, code: 'auction_cancelled' });
  });
});

describe('amounts', () => {
  test('the first bid must reach the start price', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(999_999n), at(10))).toMatchObject({ ok: false, code: 'bid_below_start_price', field: 'amountFen' });
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(10)).ok).toBe(true);
  });
  test('a later bid must beat the current price by at least the increment, and the message names the least amount', () => {
    const refused = judgeBid(lot(), { currentFen: 1_000_000n }, bidder(1_049_999n), at(10));
    expect(refused).toMatchObject({ ok: false, code: 'bid_below_increment' });
    if (!refused.ok) expect(refused.message.zh).toContain('¥10,500.00');
    expect(judgeBid(lot(), { currentFen: 1_000_000n }, bidder(1_050_000n), at(10)).ok).toBe(true);
  });
  test('a bid equal to the current price (a second bid at the same millisecond) is refused', () => {
    expect(judgeBid(lot(), { currentFen: 1_050_000n }, bidder(1_050_000n), at(10))).toMatchObject({ ok: false, code: 'bid_below_increment' });
  });
  test('zero and negative bids are refused', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(0n), at(10))).toMatchObject({ ok: false, code: 'bid_not_positive' });
    expect(judgeBid(lot(), { currentFen: null }, bidder(-5n), at(10))).toMatchObject({ ok: false, code: 'bid_not_positive' });
  });
  test('property: every accepted sequence of bids is strictly increasing by at least the increment', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: 1n, max: 5_000_000n }), { maxLength: 60 }), (amounts) => {
      let current: bigint | null = null;
      const accepted: bigint[] = [];
      for (const amount of amounts) {
        if (judgeBid(lot({ startPriceFen: 100n, reserveFen: 100n, incrementFen: 7n }), { currentFen: current }, bidder(amount), at(1)).ok) {
          accepted.push(amount);
          current = amount;
        }
      }
      for (let i = 1; i < accepted.length; i++) expect(accepted[i]! - accepted[i - 1]!).toBeGreaterThanOrEqual(7n);
      if (accepted.length > 0) expect(accepted[0]!).toBeGreaterThanOrEqual(100n);
    }));
  });
});

describe('extension on late bids (延时竞价)', () => {
  test('a bid in the last 5 minutes moves the close to 5 minutes after the bid', () => {
    const decision = judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(57));
    expect(decision).toEqual({ ok: true, newEndsAt: at(62), extended: true });
  });
  test('a bid before the window leaves the close alone', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(54, -1))).toEqual({ ok: true, newEndsAt: at(60), extended: false });
  });
  test('a bid exactly at the window edge extends by nothing (close already 5 minutes away)', () => {
    expect(judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(55))).toEqual({ ok: true, newEndsAt: at(60), extended: false });
  });
  test('extension can repeat: the extended close is the one judged next', () => {
    const first = judgeBid(lot(), { currentFen: null }, bidder(1_000_000n), at(59));
    expect(first).toMatchObject({ ok: true, newEndsAt: at(64) });
    const extended = lot({ endsAt: at(64) });
    expect(auctionPhase(extended, at(61))).toBe('open');
    expect(judgeBid(extended, { currentFen: 1_000_000n }, bidder(1_050_000n), at(63))).toMatchObject({ ok: true, newEndsAt: at(68) });
  });
});

describe('settlement', () => {
  test('the highest bid wins when it reaches the reserve', () => {
    expect(settle(lot(), [{ seq: 1, amountFen: 1_000_000n }, { seq: 2, amountFen: 1_250_000n }])).toEqual({ sold: true, winningBidSeq: 2, priceFen: 1_250_000n });
  });
  test('below the reserve the lot does not sell (流拍)', () => {
    expect(settle(lot(), [{ seq: 1, amountFen: 1_150_000n }])).toEqual({ sold: false, reason: 'reserve_not_met' });
  });
  test('no bids, no sale', () => {
    expect(settle(lot(), [])).toEqual({ sold: false, reason: 'no_bids' });
  });
  test('minimumNextBid starts at the start price and then steps by the increment', () => {
    expect(minimumNextBid(lot(), { currentFen: null })).toBe(1_000_000n);
    expect(minimumNextBid(lot(), { currentFen: 1_300_000n })).toBe(1_350_000n);
  });
});

describe('terms', () => {
  const good = { startsAt: at(0), endsAt: at(60), startPriceFen: 100n, reserveFen: 100n, incrementFen: 10n, depositFen: 10n, extensionWindowMs: 1, extensionMs: 1 };
  test('valid terms pass', () => expect(checkTerms(good, at(-5))).toBeNull());
  test('a reserve below the start price is refused', () => expect(checkTerms({ ...good, reserveFen: 99n }, at(-5))?.field).toBe('reserveFen'));
  test('an end before the start is refused', () => expect(checkTerms({ ...good, endsAt: at(0) }, at(-5))?.field).toBe('endsAt'));
  test('a zero increment is refused', () => expect(checkTerms({ ...good, incrementFen: 0n }, at(-5))?.field).toBe('incrementFen'));
  test('yuan() formats exact fen with separators', () => {
    expect(yuan(123_456_789n)).toBe('¥1,234,567.89');
    expect(yuan(5n)).toBe('¥0.05');
  });
});
