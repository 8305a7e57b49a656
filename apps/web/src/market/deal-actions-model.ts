// Which deal buttons a listing page offers, and the auction form turned into the request body. Pure, tested.
import type { Me } from '../api/types.ts';
import { yuanToFen } from './deals/money.ts';
import type { Listing } from './market-api.ts';

export type DealActions = { buy: boolean; offer: boolean; auction: boolean };
const NONE: DealActions = { buy: false, offer: false, auction: false };

/**
 * Only a published achievement is for sale. Its owner may put it up for auction; another organisation's
 * enterprise user may buy it at the asking price (when there is one) or make an offer.
 */
export function dealActionsFor(me: Me | null, listing: Pick<Listing, 'kind' | 'status' | 'ownerOrgId' | 'priceFen'>): DealActions {
  if (!me || !me.organisation || listing.kind !== 'achievement' || listing.status !== 'published') return NONE;
  if (me.organisation.id === listing.ownerOrgId) return { ...NONE, auction: true };
  if (me.role !== 'enterprise_user') return NONE;
  return { buy: listing.priceFen !== null, offer: true, auction: false };
}

export type AuctionForm = { startsAt: string; endsAt: string; startPrice: string; reserve: string; increment: string; deposit: string };
export type AuctionBody = {
  listingRegionCode: string; listingId: string; startsAt: string; endsAt: string;
  startPriceFen: string; reserveFen: string; incrementFen: string; depositFen: string;
};
export type AuctionFormError = 'auctionForm.error.time' | 'auctionForm.error.order' | 'auctionForm.error.amount' | 'auctionForm.error.increment';

/** Local date-times (as a `datetime-local` input gives them) and yuan amounts → the API's ISO instants and fen. */
export function auctionBody(listing: Pick<Listing, 'id' | 'regionCode'>, form: AuctionForm): { body: AuctionBody } | { error: AuctionFormError } {
  const start = new Date(form.startsAt);
  const end = new Date(form.endsAt);
  if (form.startsAt === '' || form.endsAt === '' || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return { error: 'auctionForm.error.time' };
  if (end <= start) return { error: 'auctionForm.error.order' };
  const fen = [form.startPrice, form.reserve, form.increment, form.deposit].map(yuanToFen);
  const [startPriceFen, reserveFen, incrementFen, depositFen] = fen;
  if (!startPriceFen || !reserveFen || !incrementFen || !depositFen) return { error: 'auctionForm.error.amount' };
  if (BigInt(incrementFen) === 0n) return { error: 'auctionForm.error.increment' };
  return {
    body: {
      listingRegionCode: listing.regionCode, listingId: listing.id, startsAt: start.toISOString(), endsAt: end.toISOString(),
      startPriceFen, reserveFen, incrementFen, depositFen,
    },
  };
}
