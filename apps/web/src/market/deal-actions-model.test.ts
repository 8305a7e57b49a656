import { describe, expect, test } from 'vitest';
import type { Me } from '../api/types.ts';
import { auctionBody, dealActionsFor, type AuctionForm } from './deal-actions-model.ts';

const me = (role: Me['role'], orgId: string | null): Me => ({
  id: 'u1', displayName: '张三', login: 'z@x.cn', role, organisation: orgId ? { id: orgId, name: '某公司', kind: 'enterprise' } : null, regionCode: '330100', modules: ['market'],
});
const listing = { kind: 'achievement' as const, status: 'published' as const, ownerOrgId: 'org-owner', priceFen: '1000000' };

describe('dealActionsFor', () => {
  test('logged-out visitors get no buttons', () => {
    expect(dealActionsFor(null, listing)).toEqual({ buy: false, offer: false, auction: false });
  });
  test('another enterprise may buy and make an offer', () => {
    expect(dealActionsFor(me('enterprise_user', 'org-buyer'), listing)).toEqual({ buy: true, offer: true, auction: false });
  });
  test('without an asking price (面议) only an offer is possible', () => {
    expect(dealActionsFor(me('enterprise_user', 'org-buyer'), { ...listing, priceFen: null })).toEqual({ buy: false, offer: true, auction: false });
  });
  test('the owner may only put it up for auction', () => {
    expect(dealActionsFor(me('enterprise_user', 'org-owner'), listing)).toEqual({ buy: false, offer: false, auction: true });
  });
  test('bureau staff, demands and unpublished achievements get nothing', () => {
    expect(dealActionsFor(me('bureau_staff', 'org-bureau'), listing)).toEqual({ buy: false, offer: false, auction: false });
    expect(dealActionsFor(me('enterprise_user', 'org-buyer'), { ...listing, kind: 'demand' })).toEqual({ buy: false, offer: false, auction: false });
    expect(dealActionsFor(me('enterprise_user', 'org-owner'), { ...listing, status: 'draft' })).toEqual({ buy: false, offer: false, auction: false });
  });
});

describe('auctionBody', () => {
  const target = { id: 'f3b1c2de-0000-4000-8000-000000000001', regionCode: '330100' };
  const form: AuctionForm = { startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T10:30', startPrice: '100,000', reserve: '150000', increment: '5000.5', deposit: '20000' };
  test('turns yuan into fen and local times into ISO instants', () => {
    const out = auctionBody(target, form);
    expect(out).toEqual({
      body: {
        listingRegionCode: '330100', listingId: target.id, startsAt: new Date(2026, 11, 1, 9, 0).toISOString(), endsAt: new Date(2026, 11, 1, 10, 30).toISOString(),
        startPriceFen: '10000000', reserveFen: '15000000', incrementFen: '500050', depositFen: '2000000',
      },
    });
  });
  test('refuses missing times, an end before the start, bad amounts and a zero increment', () => {
    expect(auctionBody(target, { ...form, startsAt: '' })).toEqual({ error: 'auctionForm.error.time' });
    expect(auctionBody(target, { ...form, endsAt: '2026-12-01T08:00' })).toEqual({ error: 'auctionForm.error.order' });
    expect(auctionBody(target, { ...form, reserve: '十万' })).toEqual({ error: 'auctionForm.error.amount' });
    expect(auctionBody(target, { ...form, deposit: '' })).toEqual({ error: 'auctionForm.error.amount' });
    expect(auctionBody(target, { ...form, increment: '0' })).toEqual({ error: 'auctionForm.error.increment' });
  });
});
