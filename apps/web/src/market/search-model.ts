// The search page's state as data (pure): what the user typed and picked, the API path it becomes, and how
// a facet value is labelled.
import type { MessageKey } from '../i18n/messages.ts';

export type FacetName = 'kind' | 'field' | 'trl' | 'priceBand' | 'district';
export type SearchState = { q: string; filters: Partial<Record<FacetName, string[]>> };

export const EMPTY_SEARCH: SearchState = { q: '', filters: {} };

/** The API path; an empty box browses the newest listings (the API refuses an explicit empty query). */
export function searchPath(state: SearchState, cursor: string | null, limit = 10): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q !== '') params.set('q', q);
  params.set('limit', String(limit));
  const { kind, field, trl, priceBand, district } = state.filters;
  if (kind?.length === 1) params.set('kind', kind[0]!);
  if (field?.length) params.set('field', field.join(','));
  if (trl?.length) {
    const levels = trl.map(Number).filter((n) => Number.isInteger(n));
    params.set('trlMin', String(Math.min(...levels)));
    params.set('trlMax', String(Math.max(...levels)));
  }
  if (priceBand?.length) params.set('priceBand', priceBand.join(','));
  if (district?.length) params.set('district', district.join(','));
  if (cursor) params.set('cursor', cursor);
  return `/market/search?${params.toString()}`;
}

/** Toggles one facet value on or off. */
export function toggleFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [facet]: next } };
}

/** A facet value as the page shows it: a message key when the value is a code, else the value itself. */
export function facetLabel(facet: FacetName, value: string, districtNames: Record<string, string>): { key: MessageKey; params?: Record<string, string> } | { text: string } {
  if (facet === 'kind') return { key: `market.kind.${value}` as MessageKey };
  if (facet === 'priceBand') return { key: `market.band.${value}` as MessageKey };
  if (facet === 'trl') return { key: 'market.trl', params: { trl: value } };
  if (facet === 'district') return { text: districtNames[value] ?? value };
  return { text: value };
}
