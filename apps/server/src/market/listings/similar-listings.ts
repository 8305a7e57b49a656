// Before submitting, the owner sees existing items like theirs (duplicates are the commonest complaint of
// comparable platforms) and can link to one instead of submitting.
import type { UserActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { segmenter } from '@kechuang/zh-text';
import { searchListings, type SearchHit } from '../search/search-listings.ts';
import { loadVisibleListing } from './listing-rows.ts';

const MAX_QUERY_WORDS = 12;

export async function findSimilarListings(db: Db, actor: UserActor, regionCode: string, id: string, limit = 5): Promise<SearchHit[]> {
  const listing = await loadVisibleListing(db, actor, regionCode, id);
  const words = [...new Set(segmenter().queryWords(`${listing.title} ${listing.keywords.join(' ')}`))].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return [];
  const result = await searchListings(db, {
    regionCode, q: words.join(' '), kind: listing.kind, mode: 'any', limit, statuses: ['submitted', 'published'], excludeIds: [id],
  });
  return result.hits;
}
