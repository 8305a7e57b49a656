// Response types of the market's listing, search and matching endpoints (written from the API description,
// only what the pages read) and the queries and mutations the pages use.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import { searchPath, type SearchState } from './search-model.ts';

export type Segment = { text: string; hit: boolean };
export type Facet = { value: string; count: number }[];
export type SearchHit = {
  id: string; kind: 'achievement' | 'demand'; title: string; field: string; keywords: string[]; trl: number | null; priceFen: string | null;
  budgetMaxFen: string | null; districtCode: string | null; publishedAt: string | null; score: number; highlights: { title: Segment[]; summary: Segment[] };
};
export type SearchResult = {
  query: string | null; mode: 'all' | 'any' | 'fuzzy' | 'browse'; terms: string[]; total: number; totalCapped: boolean; hits: SearchHit[];
  nextCursor: string | null; facets: { kind: Facet; field: Facet; trl: Facet; priceBand: Facet; district: Facet } | null;
  regionNames?: Record<string, { zh: string; en: string }>;
};
export type ListingStatus = 'draft' | 'submitted' | 'published' | 'closed';
export type Listing = {
  id: string; regionCode: string; kind: 'achievement' | 'demand'; ownerOrgId: string; ownerName: string | null; title: string; summary: string; field: string; keywords: string[];
  trl: number | null; patents: { number: string; status: string }[]; transferModes: string[]; priceFen: string | null; budgetMinFen: string | null;
  budgetMaxFen: string | null; deadline: string | null; districtCode: string | null; status: ListingStatus; statusReason: string | null;
  publishedAt: string | null; updatedAt: string;
  history?: { seq: number; fromStatus: string | null; toStatus: string; reason: string | null; at: string }[];
  links?: { linkedListingId: string; title: string | null }[];
};
export type MatchItem = {
  listingId: string | null; organisationId: string; title: string; kind: string; field: string | null; score: number;
  explanation: { sharedTerms: string[]; sameField: boolean; trlFit: string; priceFit: string; sameDistrict: boolean; feedback: string[] };
  decision: 'accept' | 'reject' | null;
};

export const useSearch = (state: SearchState, cursor: string | null) => useQuery({
  queryKey: ['market-search', state, cursor],
  queryFn: () => api<SearchResult>('GET', searchPath(state, cursor)),
  retry: false,
});

export const useListing = (id: string) => useQuery({ queryKey: ['market-listing', id], queryFn: () => api<Listing>('GET', `/market/listings/${id}`), retry: false });
export const useSimilar = (id: string, enabled: boolean) => useQuery({
  queryKey: ['market-similar', id], enabled, queryFn: () => api<{ items: SearchHit[] }>('GET', `/market/listings/${id}/similar`),
});
export const useMatches = (id: string, enabled: boolean) => useQuery({
  queryKey: ['market-matches', id], enabled, queryFn: () => api<{ items: MatchItem[]; enterprises?: MatchItem[] }>('GET', `/market/listings/${id}/matches`),
});
export const useMyListings = () => useQuery({ queryKey: ['market-mine'], queryFn: () => api<{ items: Listing[] }>('GET', '/market/my-listings') });
export const useReviewQueue = () => useQuery({ queryKey: ['market-review'], queryFn: () => api<{ items: Listing[] }>('GET', '/market/review-queue') });
export const useConversion = () => useQuery({
  queryKey: ['market-conversion'],
  queryFn: () => api<{ suggestedPairsJudged: number; accepted: number; rejected: number; acceptedWithDeal: number }>('GET', '/market/match-conversion'),
});

export function useInvalidateMarket() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('market-') });
}

export const useTransition = () => {
  const invalidate = useInvalidateMarket();
  return useMutation({
    mutationFn: (v: { id: string; action: 'submit' | 'publish' | 'reject' | 'withdraw' | 'close'; reason?: string }) =>
      api<Listing>('POST', `/market/listings/${v.id}/transitions`, { action: v.action, ...(v.reason ? { reason: v.reason } : {}) }),
    onSuccess: invalidate,
  });
};

export const useCreateListing = () => {
  const invalidate = useInvalidateMarket();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api<Listing>('POST', '/market/listings', body), onSuccess: invalidate });
};

export const useLink = () => {
  const invalidate = useInvalidateMarket();
  return useMutation({ mutationFn: (v: { id: string; linkedListingId: string }) => api<Listing>('POST', `/market/listings/${v.id}/link`, { linkedListingId: v.linkedListingId }), onSuccess: invalidate });
};

export const useMatchFeedback = () => {
  const invalidate = useInvalidateMarket();
  return useMutation({
    mutationFn: (v: { id: string; counterpartId: string; decision: 'accept' | 'reject'; reason?: string }) =>
      api<null>('POST', `/market/listings/${v.id}/match-feedback`, { counterpartId: v.counterpartId, decision: v.decision, ...(v.reason ? { reason: v.reason } : {}) }),
    onSuccess: invalidate,
  });
};
