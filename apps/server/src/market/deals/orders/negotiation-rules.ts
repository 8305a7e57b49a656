// Negotiation (议价): the buyer opens with an offer, the two sides alternate counter-offers, and either side
// may accept the other side's latest offer, which fixes the price, or decline, which ends it without a deal.
// Pure, no I/O.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';
import { MAX_AMOUNT_FEN } from '../auctions/auction-rules.ts';

export type Side = 'buyer' | 'seller';
export type NegotiationStatus = 'open' | 'agreed' | 'declined';
export type Offer = { seq: number; side: Side; amountFen: bigint };

export type NegotiationState = { status: NegotiationStatus; offers: readonly Offer[] };

export type NegotiationDecision = { ok: true } | { ok: false; code: string; field: string | null; message: LocalisedMessage };

export function judgeOffer(state: NegotiationState, side: Side, amountFen: bigint): NegotiationDecision {
  const ended = endedProblem(state);
  if (ended) return ended;
  if (amountFen <= 0n || amountFen > MAX_AMOUNT_FEN) return no('offer_not_positive', 'amountFen', '报价须为正数', 'An offer must be positive');
  const last = state.offers.at(-1);
  if (!last && side !== 'buyer') return no('buyer_opens', null, '议价由买方首先报价', 'The buyer makes the first offer');
  if (last && last.side === side) return no('await_counter_offer', null, '请等待对方回应上一次报价', 'Wait for the other side to answer your last offer');
  return { ok: true };
}

/** Accepting means accepting the other side's latest offer: the price the deal is made at. */
export function judgeAcceptance(state: NegotiationState, side: Side): { ok: true; priceFen: bigint; offerSeq: number } | Extract<NegotiationDecision, { ok: false }> {
  const ended = endedProblem(state);
  if (ended) return ended;
  const last = state.offers.at(-1);
  if (!last) return no('nothing_to_accept', null, '尚无报价可接受', 'There is no offer to accept');
  if (last.side === side) return no('cannot_accept_own_offer', null, '不能接受本方自己的报价', 'You cannot accept your own offer');
  return { ok: true, priceFen: last.amountFen, offerSeq: last.seq };
}

/**
 * Either side may decline while the negotiation is open, whether or not it is its turn: before acceptance
 * nothing binds the parties (an offer may be withdrawn until accepted, 《民法典》第四百七十六条 aside from
 * offers stated to be irrevocable, which this platform does not have), and a buyer who has lost interest should
 * not have to wait for the seller's counter-offer to say so. Declining is final for this negotiation; the
 * listing stays on the market and a new negotiation may be opened.
 */
export function judgeDecline(state: NegotiationState): NegotiationDecision {
  return endedProblem(state) ?? { ok: true };
}

function endedProblem(state: NegotiationState): Extract<NegotiationDecision, { ok: false }> | null {
  if (state.status === 'declined') {
    return no('negotiation_declined', null, '该议价已被拒绝，不能再报价、接受或拒绝；如需继续洽谈请重新发起议价', 'This negotiation was declined: no further offers, acceptance or decline; open a new negotiation to talk again');
  }
  if (state.status !== 'open') return no('negotiation_closed', null, '议价已达成，不能再报价、接受或拒绝', 'This negotiation has been agreed: no further offers, acceptance or decline');
  return null;
}

function no(code: string, field: string | null, zh: string, en: string): Extract<NegotiationDecision, { ok: false }> {
  return { ok: false, code, field, message: { zh, en } };
}
