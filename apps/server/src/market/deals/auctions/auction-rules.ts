// The rules of timed public bidding (竞价), with no I/O: the database records what these functions decide.
// Time is always passed in (`now`), so tests never sleep and a replay gives the same answer.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';

/** What the rules need to know about a lot at the moment a bid arrives. */
export type LotTerms = {
  sellerOrganisationId: string;
  startsAt: Date;
  /** The current close, after any extensions. */
  endsAt: Date;
  /** 起拍价: the first bid must reach it. */
  startPriceFen: bigint;
  /** 保留价: the highest bid must reach it for the lot to sell. Never below the start price. */
  reserveFen: bigint;
  /** 最小加价幅度: every bid after the first must beat the current price by at least this. */
  incrementFen: bigint;
  /** A bid arriving this close to the end pushes the end out (延时竞价). */
  extensionWindowMs: number;
  /** …to this long after the late bid. */
  extensionMs: number;
  cancelled: boolean;
};

export type LotPrice = { currentFen: bigint | null };

export type BidAttempt = {
  bidderOrganisationId: string;
  /** Registered for this lot with its deposit recorded. */
  registered: boolean;
  amountFen: bigint;
};

export type BidRejectionCode =
  | 'auction_cancelled' | 'auction_not_started' | 'auction_closed' | 'own_lot' | 'bidder_not_registered'
  | 'bid_not_positive' | 'bid_below_start_price' | 'bid_below_increment';

export type BidDecision =
  | { ok: true; newEndsAt: Date; extended: boolean }
  | { ok: false; code: BidRejectionCode; field: string | null; message: LocalisedMessage };

/** Upper bound of any amount: 1e15 fen = 10万亿元, far above any technology deal, well inside bigint. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000_000n;

export type AuctionPhase = 'cancelled' | 'scheduled' | 'open' | 'closed';

export function auctionPhase(lot: Pick<LotTerms, 'startsAt' | 'endsAt' | 'cancelled'>, now: Date): AuctionPhase {
  if (lot.cancelled) return 'cancelled';
  if (now.getTime() < lot.startsAt.getTime()) return 'scheduled';
  // The close instant itself is closed: a bid stamped exactly at endsAt is late.
  if (now.getTime() >= lot.endsAt.getTime()) return 'closed';
  return 'open';
}

/** The least amount the next bid may offer. */
export function minimumNextBid(lot: Pick<LotTerms, 'startPriceFen' | 'incrementFen'>, price: LotPrice): bigint {
  return price.currentFen === null ? lot.startPriceFen : price.currentFen + lot.incrementFen;
}

/**
 * Judges one bid against the lot as it stands. Bids on one lot are judged one at a time (the caller holds
 * the lot's row lock), so "strictly increasing" is simply "at least the current price plus the increment".
 */
export function judgeBid(lot: LotTerms, price: LotPrice, bid: BidAttempt, now: Date): BidDecision {
  const phase = auctionPhase(lot, now);
  if (phase === 'cancelled') return reject('auction_cancelled', null, '该竞价已撤销', 'This auction has been cancelled');
  if (phase === 'scheduled') {
    return reject('auction_not_started', null, `竞价尚未开始（开始时间 ${iso(lot.startsAt)}）`, `Bidding has not started yet (starts ${iso(lot.startsAt)})`);
  }
  if (phase === 'closed') {
    return reject('auction_closed', null, `竞价已于 ${iso(lot.endsAt)} 结束，出价无效`, `Bidding closed at ${iso(lot.endsAt)}; the bid was not accepted`);
  }
  if (bid.bidderOrganisationId === lot.sellerOrganisationId) {
    return reject('own_lot', null, '不能对本机构挂牌的标的出价', 'You cannot bid on a lot your own organisation is selling');
  }
  if (!bid.registered) {
    return reject('bidder_not_registered', null, '请先报名竞价并缴纳保证金', 'Register for this auction and lodge the deposit before bidding');
  }
  if (bid.amountFen <= 0n || bid.amountFen > MAX_AMOUNT_FEN) {
    return reject('bid_not_positive', 'amountFen', '出价须为正数且不超过 10 万亿元', 'A bid must be positive and at most CNY 10 trillion');
  }
  const least = minimumNextBid(lot, price);
  if (bid.amountFen < least) {
    return price.currentFen === null
      ? reject('bid_below_start_price', 'amountFen', `首次出价须不低于起拍价（${yuan(least)}）`, `The first bid must be at least the start price (${yuanEn(least)})`)
      : reject('bid_below_increment', 'amountFen',
        `出价须不低于当前价加最小加价幅度（${yuan(least)}）`, `Bid must be at least the current price plus the minimum increment (${yuanEn(least)})`);
  }
  const extendTo = new Date(now.getTime() + lot.extensionMs);
  const late = lot.endsAt.getTime() - now.getTime() <= lot.extensionWindowMs;
  if (late && extendTo.getTime() > lot.endsAt.getTime()) return { ok: true, newEndsAt: extendTo, extended: true };
  return { ok: true, newEndsAt: lot.endsAt, extended: false };
}

export type Outcome =
  | { sold: true; winningBidSeq: number; priceFen: bigint }
  | { sold: false; reason: 'no_bids' | 'reserve_not_met' };

/** After the close: the highest bid wins if it reaches the reserve (未达保留价则流拍). */
export function settle(lot: Pick<LotTerms, 'reserveFen'>, bids: readonly { seq: number; amountFen: bigint }[]): Outcome {
  let best: { seq: number; amountFen: bigint } | undefined;
  for (const bid of bids) if (!best || bid.amountFen > best.amountFen) best = bid;
  if (!best) return { sold: false, reason: 'no_bids' };
  if (best.amountFen < lot.reserveFen) return { sold: false, reason: 'reserve_not_met' };
  return { sold: true, winningBidSeq: best.seq, priceFen: best.amountFen };
}

export type TermsProblem = { field: string; message: LocalisedMessage };

/** Checks the terms a seller sets before the lot opens. */
export function checkTerms(terms: Omit<LotTerms, 'cancelled' | 'sellerOrganisationId'> & { depositFen: bigint }, now: Date): TermsProblem | null {
  if (terms.endsAt.getTime() <= terms.startsAt.getTime()) return problem('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  if (terms.endsAt.getTime() <= now.getTime()) return problem('endsAt', '结束时间须晚于当前时间', 'The end must be in the future');
  if (terms.startPriceFen <= 0n || terms.startPriceFen > MAX_AMOUNT_FEN) return problem('startPriceFen', '起拍价须为正数', 'The start price must be positive');
  if (terms.reserveFen < terms.startPriceFen || terms.reserveFen > MAX_AMOUNT_FEN) return problem('reserveFen', '保留价不得低于起拍价', 'The reserve may not be below the start price');
  if (terms.incrementFen <= 0n) return problem('incrementFen', '最小加价幅度须为正数', 'The minimum increment must be positive');
  if (terms.depositFen < 0n || terms.depositFen > terms.startPriceFen) return problem('depositFen', '保证金须在 0 与起拍价之间', 'The deposit must be between zero and the start price');
  if (terms.extensionWindowMs < 0 || terms.extensionMs < 0) return problem('extensionMs', '延时参数不得为负', 'Extension settings may not be negative');
  return null;
}

function problem(field: string, zh: string, en: string): TermsProblem {
  return { field, message: { zh, en } };
}

function reject(code: BidRejectionCode, field: string | null, zh: string, en: string): BidDecision {
  return { ok: false, code, field, message: { zh, en } };
}

const iso = (d: Date): string => d.toISOString();

/** ¥12,500.00 style, exact for any bigint of fen. */
export function yuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}¥${whole}.${cents}`;
}
const yuanEn = yuan;
