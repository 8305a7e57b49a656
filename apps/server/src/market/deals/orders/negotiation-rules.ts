// Negotiation (议价): the buyer opens with an offer, the two sides alternate counter-offers, and either side
// may accept the other side's latest offer, which fixes the price. Pure, no I/O.
import type { LocalisedMessage } from '../../../platform/errors/domain-error.ts';
import { MAX_AMOUNT_FEN } from '../auctions/auction-rules.ts';

export type Side = 'buyer' | 'seller';
export type NegotiationStatus = 'open' | 'agreed' | 'declined';
export type Offer = { seq: number; side: Side; amountFen: bigint };

export type NegotiationState = { status: NegotiationStatus; offers: readonly Offer[] };

export type NegotiationDecision = { ok: true } | { ok: false; code: string; field: string | null; message: LocalisedMessage };

export function judgeOffer(state: NegotiationState, side: Side, amountFen: bigint): NegotiationDecision {
  if (state.status !== 'open') return no('negotiation_closed', null, '议价已结束', 'This negotiation has ended');
  if (amountFen <= 0n || amountFen > MAX_AMOUNT_FEN) return no('offer_not_positive', 'amountFen', '报价须为正数', 'An offer must be positive');
  const last = state.offers.at(-1);
  if (!last && side !== 'buyer') return no('buyer_opens', null, '议价由买方首先报价', 'The buyer makes the first offer');
  if (last && last.side === side) return no('await_counter_offer', null, '请等待对方回应上一次报价', 'Wait for the other side to answer your last offer');
  return { ok: true };
}

/** Accepting means accepting the other side's latest offer: the price the deal is made at. */
export function judgeAcceptance(state: NegotiationState, side: Side): { ok: true; priceFen: bigint; offerSeq: number } | Extract<NegotiationDecision, { ok: false }> {
  if (state.status !== 'open') return no('negotiation_closed', null, '议价已结束', 'This negotiation has ended');
  const last = state.offers.at(-1);
  if (!last) return no('nothing_to_accept', null, '尚无报价可接受', 'There is no offer to accept');
  if (last.side === side) return no('cannot_accept_own_offer', null, '不能接受本方自己的报价', 'You cannot accept your own offer');
  return { ok: true, priceFen: last.amountFen, offerSeq: last.seq };
}

function no(code: string, field: string | null, zh: string, en: string): Extract<NegotiationDecision, { ok: false }> {
  return { ok: false, code, field, message: { zh, en } };
}
