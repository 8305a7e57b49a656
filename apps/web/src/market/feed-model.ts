// Pure parts of the live feed and the big screen: keeping the newest items, and headline counts from a search.
import type { SearchResult } from './market-api.ts';

export type FeedItem = { id: string; kind: 'achievement' | 'demand'; title: string; field: string; publishedAt: string };

/** The item on top, any earlier copy of it dropped (the server may send one twice), at most `keep` items. */
export function mergeFeedItem(items: readonly FeedItem[], item: FeedItem, keep: number): FeedItem[] {
  return [item, ...items.filter((x) => x.id !== item.id)].slice(0, keep);
}

export type Headline = { total: number; achievements: number; demands: number; fields: number };

/** The big screen's counts, read from an empty (browse) search: its total and its facets. */
export function headlineCounts(result: SearchResult): Headline {
  const kind = (k: string) => result.facets?.kind.find((f) => f.value === k)?.count ?? 0;
  return { total: result.total, achievements: kind('achievement'), demands: kind('demand'), fields: result.facets?.field.length ?? 0 };
}
