import { describe, expect, test } from 'vitest';
import { judgeAcceptance, judgeDecline, judgeOffer, type NegotiationState } from './negotiation-rules.ts';

const open = (offers: NegotiationState['offers'] = []): NegotiationState => ({ status: 'open', offers });

describe('offers and counter-offers', () => {
  test('the buyer opens; the seller cannot', () => {
    expect(judgeOffer(open(), 'buyer', 100n).ok).toBe(true);
    expect(judgeOffer(open(), 'seller', 100n)).toMatchObject({ ok: false, code: 'buyer_opens' });
  });
  test('sides alternate: nobody counters their own offer', () => {
    const state = open([{ seq: 1, side: 'buyer', amountFen: 100n }]);
    expect(judgeOffer(state, 'buyer', 120n)).toMatchObject({ ok: false, code: 'await_counter_offer' });
    expect(judgeOffer(state, 'seller', 150n).ok).toBe(true);
  });
  test('accepting takes the other side\'s latest price', () => {
    const state = open([{ seq: 1, side: 'buyer', amountFen: 100n }, { seq: 2, side: 'seller', amountFen: 150n }]);
    expect(judgeAcceptance(state, 'buyer')).toEqual({ ok: true, priceFen: 150n, offerSeq: 2 });
    expect(judgeAcceptance(state, 'seller')).toMatchObject({ ok: false, code: 'cannot_accept_own_offer' });
  });
  test('an agreed negotiation takes no more offers or acceptances', () => {
    const state: NegotiationState = { status: 'agreed', offers: [{ seq: 1, side: 'buyer', amountFen: 100n }] };
    expect(judgeOffer(state, 'seller', 110n)).toMatchObject({ ok: false, code: 'negotiation_closed' });
    expect(judgeAcceptance(state, 'seller')).toMatchObject({ ok: false, code: 'negotiation_closed' });
  });
  test('nothing to accept before the first offer; zero offers refused', () => {
    expect(judgeAcceptance(open(), 'seller')).toMatchObject({ ok: false, code: 'nothing_to_accept' });
    expect(judgeOffer(open(), 'buyer', 0n)).toMatchObject({ ok: false, code: 'offer_not_positive' });
  });
});

describe('declining', () => {
  test('an open negotiation may be declined whoever spoke last', () => {
    expect(judgeDecline(open([{ seq: 1, side: 'buyer', amountFen: 100n }])).ok).toBe(true);
  });
  test('a declined negotiation takes no offer, acceptance or second decline, and says why', () => {
    const state: NegotiationState = { status: 'declined', offers: [{ seq: 1, side: 'buyer', amountFen: 100n }] };
    for (const decision of [judgeOffer(state, 'seller', 110n), judgeAcceptance(state, 'seller'), judgeDecline(state)]) {
      expect(decision).toMatchObject({ ok: false, code: 'negotiation_declined', message: { zh: expect.stringContaining('已被拒绝'), en: expect.stringContaining('declined') } });
    }
  });
  test('an agreed negotiation cannot be declined', () => {
    expect(judgeDecline({ status: 'agreed', offers: [] })).toMatchObject({ ok: false, code: 'negotiation_closed' });
  });
});
