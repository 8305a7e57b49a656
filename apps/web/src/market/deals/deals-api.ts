// Response types of the deals endpoints (written from the API description, only what the pages read) and
// the queries and mutations the pages use.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client.ts';

export type AuctionPhase = 'scheduled' | 'open' | 'closed' | 'cancelled';

export type Lot = {
  id: string; title: string; field: string; sellerName: string; phase: AuctionPhase; status: string; startsAt: string; endsAt: string; serverNow: string;
  startPriceFen: string; incrementFen: string; depositFen: string; reserveFen: string | null; reserveMet: boolean; extensionWindowSeconds: number;
  extensionSeconds: number; currentFen: string | null; minimumNextBidFen: string; bidCount: number; bidderCount: number; outcome: string | null;
  winnerBidderNo: number | null; headHash: string | null; isSeller: boolean; myBidderNo: number | null; myDepositStatus: string | null; iWon: boolean; contractId: string | null;
};

export type ChainedBid = { seq: number; bidderNo: number; amountFen: string; placedAt: string; prevHash: string; hash: string };
export type BidLog = { lotId: string; settled: boolean; headHash: string | null; bids: ChainedBid[]; verification: { ok: boolean; count?: number; atSeq?: number } };

export type Party = { orgId: string | null; name: string; uscc: string; districtCode: string | null };
export type Contract = {
  id: string; dealId: string | null; registrationNo: string | null; type: string; subtype: string; title: string; field: string; seller: Party; buyer: Party;
  totalFen: string; nonTechnicalFen: string; technologyFen: string; payments: { dueOn: string; amountFen: string }[]; status: string; reviewNote: string | null;
  registeredAt: string | null; updatedAt: string; nonTechnicalCosts: { item: string; amountFen: string }[]; signedOn: string | null; partiesContractNo: string | null;
};

export type StatRow = { key: string; label: string; labelEn: string; contracts: number; totalFen: string; technologyFen: string };
export type Statistics = { totals: { contracts: number; totalFen: string; technologyFen: string }; by: Record<'type' | 'field' | 'month' | 'region', StatRow[]> };

export const useLots = () => useQuery({ queryKey: ['auctions'], queryFn: () => api<{ items: Lot[] }>('GET', '/market/auctions') });

export const useLot = (id: string) => useQuery({
  queryKey: ['auction', id],
  queryFn: async () => ({ lot: await api<Lot>('GET', `/market/auctions/${id}`), receivedAt: Date.now() }),
});

export const useBidLog = (id: string) => useQuery({ queryKey: ['auction', id, 'log'], queryFn: () => api<BidLog>('GET', `/market/auctions/${id}/bid-log`) });

export function useRegisterBidder(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (depositReference: string) => api<{ bidderNo: number }>('POST', `/market/auctions/${id}/registrations`, { depositReference }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auction', id] }),
  });
}

export function usePlaceBid(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (amountFen: string) => api<{ seq: number; amountFen: string }>('POST', `/market/auctions/${id}/bids`, { amountFen }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auction', id] }),
  });
}

export const useContracts = (status?: string) => useQuery({
  queryKey: ['contracts', status ?? 'all'],
  queryFn: () => api<{ items: Contract[] }>('GET', `/market/contracts${status ? `?status=${status}` : ''}`),
});

export function useContractAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'submit' | 'register' | 'return'; note?: string }) => action === 'submit'
      ? api<Contract>('POST', `/market/contracts/${id}/submit`)
      : api<Contract>('POST', `/market/contracts/${id}/review`, { decision: action, ...(note ? { note } : {}) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contracts'] }),
  });
}

export const useStatistics = () => useQuery({ queryKey: ['contract-statistics'], queryFn: () => api<Statistics>('GET', '/market/contract-statistics') });

export type ListingRef = { listingRegionCode: string; listingId: string };
/** Who declined a negotiation, why ('' = no reason given) and when; null unless declined. */
export type Declined = { side: 'buyer' | 'seller'; reason: string; at: string } | null;
export type Negotiation = { id: string; title: string; status: string; agreedFen: string | null; mySide: 'buyer' | 'seller'; declined: Declined; listingId: string };

export function useBuy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ref: ListingRef) => api<{ orderId: string; dealId: string; contractId: string; priceFen: string }>('POST', '/market/orders', ref),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contracts'] }),
  });
}

export const useStartNegotiation = () => useMutation({
  mutationFn: (body: ListingRef & { amountFen: string; message?: string }) => api<Negotiation>('POST', '/market/negotiations', body),
});

export function useCreateAuction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ListingRef & { startsAt: string; endsAt: string; startPriceFen: string; reserveFen: string; incrementFen: string; depositFen: string }) =>
      api<Lot>('POST', '/market/auctions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auctions'] }),
  });
}

export type NegotiationDetail = Negotiation & { offers: { seq: number; side: string; amountFen: string; message: string; at: string }[] };

export const useNegotiation = (id: string) => useQuery({
  queryKey: ['negotiation', id], queryFn: () => api<NegotiationDetail>('GET', `/market/negotiations/${id}`), retry: false,
});

export function useNegotiationAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: 'offer'; amountFen: string; message?: string } | { action: 'accept' } | { action: 'decline'; reason?: string }): Promise<unknown> => v.action === 'accept'
      ? api<{ dealId: string; contractId: string; priceFen: string }>('POST', `/market/negotiations/${id}/accept`)
      : v.action === 'decline'
        ? api<NegotiationDetail>('POST', `/market/negotiations/${id}/decline`, v.reason ? { reason: v.reason } : {})
        : api<NegotiationDetail>('POST', `/market/negotiations/${id}/offers`, { amountFen: v.amountFen, ...(v.message ? { message: v.message } : {}) }),
    onSuccess: () => Promise.all(['negotiation', 'negotiations', 'contracts'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}

export type NegotiationSummary = {
  id: string; listingId: string; title: string; status: string; agreedFen: string | null; mySide: 'buyer' | 'seller'; counterpartyName: string;
  offerCount: number; latestOffer: { seq: number; side: 'buyer' | 'seller'; amountFen: string; at: string }; turn: 'mine' | 'theirs' | null; updatedAt: string;
  declined: Declined;
};

export const useMyNegotiations = (side?: 'buyer' | 'seller') => useQuery({
  queryKey: ['negotiations', side ?? 'all'],
  queryFn: () => api<{ items: NegotiationSummary[] }>('GET', `/market/negotiations${side ? `?side=${side}` : ''}`),
});

type Localised = { zh: string; en: string };
export type ContractFieldDictionary = {
  fields: { key: string; label: Localised; required: boolean; meaning: Localised; rule: Localised }[];
  types: { key: string; label: Localised; subtypes: { key: string; label: Localised }[] }[];
  /** 技术领域: stored by the Chinese name. */
  technologyFields: Localised[];
};

export const useContractFields = () => useQuery({
  queryKey: ['contract-fields'], staleTime: Infinity, queryFn: () => api<ContractFieldDictionary>('GET', '/market/contract-fields'),
});
