// Champion lists of the in-memory index (Manning, Raghavan & Schütze, Introduction to Information
// Retrieval, §7.1.3): for a term in many listings, the 400 listings where it weighs most — its
// field-weighted tf over BM25's length norm, which does not depend on the query. Built on first use from
// the term's postings and kept on them; listings appended later are read from the list's tail until it grew
// by a tenth, then the list is rebuilt. Dead slots are skipped by the caller.
import { BM25_B } from '../ranking.ts';
import type { ListingIndex, Postings } from './listing-index.ts';

/** How long a list must be to get champions (`minPostings`), and how many it keeps (`champions`). */
export type ChampionSizes = { minPostings: number; champions: number };
export const CHAMPION_SIZES: ChampionSizes = { minPostings: 2_000, champions: 400 };

export type ChampionList = { slots: Int32Array; builtAtSize: number; champions: number };
const built = new WeakMap<Postings, ChampionList>();

export function championsOf(list: Postings, index: ListingIndex, avgLength: number, sizes: ChampionSizes = CHAMPION_SIZES): ChampionList | null {
  if (list.size <= sizes.minPostings) return null;
  const existing = built.get(list);
  // Compaction renumbers slots and shrinks lists: a list smaller than when its champions were chosen is rebuilt.
  if (existing && existing.champions === sizes.champions && existing.builtAtSize <= list.size && list.size <= existing.builtAtSize * 1.1) return existing;
  const fresh = build(list, index, Math.max(avgLength, 1), sizes.champions);
  built.set(list, fresh);
  return fresh;
}

/** The CHAMPIONS live postings of highest impact (a bounded min-heap on impact). */
function build(list: Postings, index: ListingIndex, avgLength: number, champions: number): ChampionList {
  const heapSlots = new Int32Array(champions);
  const heapImpact = new Float64Array(champions);
  let size = 0;
  for (let i = 0; i < list.size; i += 1) {
    const slot = list.slots[i]!;
    if (!index.isAlive(slot)) continue;
    const impact = list.ranks[i]! / ((1 - BM25_B) + (BM25_B * index.lengthOf(slot)) / avgLength);
    if (size < champions) {
      let j = size++;
      while (j > 0 && heapImpact[(j - 1) >> 1]! > impact) { heapSlots[j] = heapSlots[(j - 1) >> 1]!; heapImpact[j] = heapImpact[(j - 1) >> 1]!; j = (j - 1) >> 1; }
      heapSlots[j] = slot;
      heapImpact[j] = impact;
    } else if (impact > heapImpact[0]!) {
      let j = 0;
      for (;;) {
        const left = 2 * j + 1;
        if (left >= size) break;
        const child = left + 1 < size && heapImpact[left + 1]! < heapImpact[left]! ? left + 1 : left;
        if (heapImpact[child]! >= impact) break;
        heapSlots[j] = heapSlots[child]!;
        heapImpact[j] = heapImpact[child]!;
        j = child;
      }
      heapSlots[j] = slot;
      heapImpact[j] = impact;
    }
  }
  return { slots: heapSlots.slice(0, size), builtAtSize: list.size, champions };
}
