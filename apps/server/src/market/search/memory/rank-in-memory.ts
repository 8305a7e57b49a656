// Runs one search over a region's in-memory index: the listings that hold all (or any) of the terms and
// pass the filters, each scored with the same BM25F as the database path (Σ idf · field-weighted tf over
// BM25's length norm, in the database's order of operations, so both give bit-identical scores), the best
// `want` of them, their number and facet counts. Synchronous: nothing else runs meanwhile.
//
// Two ways, by how many postings the query would touch:
// - exact: every match is scored and counted (at most 3,000 postings read, or an intersection led
//   by a list that short);
// - champions: broad queries (terms in tens of thousands of listings) score the listings in their terms'
//   champion lists (champion-lists.ts) plus every listing of their rare terms, exactly; the total is then
//   an estimate and the facets count those candidates (the database path's champion lists do the same).
//   Should the candidates not fill the page (narrow filters), the exact way runs after all.
import { BM25_B } from '../ranking.ts';
import { CHAMPION_SIZES, championsOf, type ChampionSizes } from './champion-lists.ts';
import { ALIVE, META_WORDS, metaBand, metaKind, metaTrl, type ListingIndex, type Postings } from './listing-index.ts';
import { TopK } from './top-k.ts';

export type MemoryFilters = {
  asOfMs: number;
  /** 0 achievement, 1 demand, −1 either. */
  kind: number;
  /** Allowed codes (by the index's interners); null: any. An unknown name contributes no code. */
  fields: Set<number> | null;
  trlMin: number | null;
  trlMax: number | null;
  /** Bit i set: price band i allowed; null: any. */
  bands: number | null;
  districts: Set<number> | null;
  excludeSlots: Set<number> | null;
};

export type MemoryQuery = { terms: readonly string[]; idfs: readonly number[]; avgLength: number; mode: 'all' | 'any'; want: number; facets: boolean };

export type MemoryFacets = { kind: Int32Array; field: Int32Array; trl: Int32Array; band: Int32Array; district: Int32Array };
/** `estimated`: the total is an estimate and the facets count the candidates ranked, not every match. */
export type MemoryResult = { total: number; estimated: boolean; top: { slot: number; score: number }[]; facets: MemoryFacets | null };

/** Where the exact way ends (a query whose postings add up to at most `exactPostings`) and the champions' sizes. */
export type RankingLimits = ChampionSizes & { exactPostings: number };
export const RANKING_LIMITS: RankingLimits = { ...CHAMPION_SIZES, exactPostings: 3_000 };

/** Scratch space reused between searches (they never overlap: this code does not await). */
let scratchScores = new Float64Array(0);
let scratchSeen = new Uint8Array(0);
let scratchTouched = new Int32Array(0);

function scratch(size: number): void {
  if (scratchSeen.length >= size) return;
  scratchScores = new Float64Array(size * 2);
  scratchSeen = new Uint8Array(size * 2);
  scratchTouched = new Int32Array(size * 2);
}

/** What every way of ranking shares: filters, the top-k, facet counts, the BM25 length norm. */
class Tally {
  total = 0;
  readonly top: TopK;
  readonly facets: MemoryFacets | null;
  readonly passes: (slot: number) => boolean;
  private readonly avgLength: number;

  constructor(private readonly index: ListingIndex, query: MemoryQuery, filters: MemoryFilters) {
    this.top = new TopK(query.want, index.ids);
    this.facets = query.facets ? emptyFacets(index) : null;
    this.passes = compileFilter(index, filters);
    this.avgLength = Math.max(query.avgLength, 1);
  }

  count(slot: number, sum: number): void {
    this.total += 1;
    // Evaluated in the database's order ((b · len) / avg), so both give the same double.
    const meta = this.index.meta;
    const m = slot * META_WORDS;
    this.top.offer(slot, sum / ((1 - BM25_B) + (BM25_B * meta[m + 2]!) / this.avgLength));
    const f = this.facets;
    if (f) {
      const w0 = meta[m]!;
      f.kind[metaKind(w0)]! += 1;
      f.trl[metaTrl(w0)]! += 1;
      f.band[metaBand(w0)]! += 1;
      f.field[meta[m + 1]!]! += 1;
      f.district[meta[m + 3]!]! += 1;
    }
  }

  result(estimatedTotal?: number): MemoryResult {
    const estimated = estimatedTotal !== undefined && estimatedTotal > this.total;
    return { total: estimated ? estimatedTotal : this.total, estimated, top: this.top.sorted(), facets: this.facets };
  }
}

export function rankInMemory(index: ListingIndex, query: MemoryQuery, filters: MemoryFilters, limits: RankingLimits = RANKING_LIMITS): MemoryResult {
  const lists = query.terms.map((t) => index.postings.get(t));
  if (query.mode === 'all') {
    if (lists.some((l) => !l)) return new Tally(index, query, filters).result();
    const present = lists as Postings[];
    const shortest = Math.min(...present.map((l) => l.size));
    if (shortest > limits.exactPostings) {
      const viaChampions = championsWay(index, query, filters, present, 'all', limits);
      if (viaChampions.top.length >= query.want) return viaChampions;
    }
    return allExactly(index, query, filters, present);
  }
  const postings = lists.reduce((sum, l) => sum + (l?.size ?? 0), 0);
  if (postings > limits.exactPostings) {
    const viaChampions = championsWay(index, query, filters, lists, 'any', limits);
    if (viaChampions.top.length >= query.want) return viaChampions;
  }
  return anyExactly(index, query, filters, lists);
}

/** Every listing holding all terms: the shortest list leads, the others are galloped through. */
function allExactly(index: ListingIndex, query: MemoryQuery, filters: MemoryFilters, present: Postings[]): MemoryResult {
  const tally = new Tally(index, query, filters);
  const order = present.map((_, i) => i).sort((a, b) => present[a]!.size - present[b]!.size);
  const lead = present[order[0]!]!;
  const at = new Int32Array(present.length);
  const ranks = new Float64Array(present.length);
  const idfs = query.idfs;
  for (let i = 0; i < lead.size; i += 1) {
    const slot = lead.slots[i]!;
    ranks[order[0]!] = lead.ranks[i]!;
    let everyTerm = true;
    for (let o = 1; o < order.length; o += 1) {
      const t = order[o]!;
      const list = present[t]!;
      const p = gallop(list.slots, list.size, at[t]!, slot);
      at[t] = p;
      if (p >= list.size || list.slots[p] !== slot) { everyTerm = false; break; }
      ranks[t] = list.ranks[p]!;
    }
    // The filters read the listing's own words, a cache miss each: only for listings holding every term.
    if (!everyTerm || !tally.passes(slot)) continue;
    let sum = 0;
    for (let t = 0; t < present.length; t += 1) sum += idfs[t]! * ranks[t]!;
    tally.count(slot, sum);
  }
  return tally.result();
}

/** Every listing holding any term: sums accumulated term by term (in query order), then each listing visited once. */
function anyExactly(index: ListingIndex, query: MemoryQuery, filters: MemoryFilters, lists: (Postings | undefined)[]): MemoryResult {
  const tally = new Tally(index, query, filters);
  scratch(index.slotCount);
  const scores = scratchScores;
  const seen = scratchSeen;
  const touched = scratchTouched;
  let touchedCount = 0;
  for (let t = 0; t < lists.length; t += 1) {
    const list = lists[t];
    if (!list) continue;
    const idf = query.idfs[t]!;
    for (let i = 0; i < list.size; i += 1) {
      const slot = list.slots[i]!;
      const state = seen[slot]!;
      if (state === 0) {
        touched[touchedCount++] = slot;
        if (tally.passes(slot)) { seen[slot] = 1; scores[slot] = idf * list.ranks[i]!; } else seen[slot] = 2;
      } else if (state === 1) {
        scores[slot] = scores[slot]! + idf * list.ranks[i]!;
      }
    }
  }
  for (let i = 0; i < touchedCount; i += 1) {
    const slot = touched[i]!;
    if (seen[slot] === 1) tally.count(slot, scores[slot]!);
    seen[slot] = 0;
  }
  return tally.result();
}

/**
 * Broad queries: candidates are the champions of the terms with long lists and every listing of the
 * others, each scored exactly (its rank for every term found by binary search). The total is estimated the
 * way the database path does: the terms' document frequency bound times the share of candidates that match.
 */
function championsWay(index: ListingIndex, query: MemoryQuery, filters: MemoryFilters, lists: (Postings | undefined)[], mode: 'all' | 'any', championSizes: ChampionSizes): MemoryResult {
  const tally = new Tally(index, query, filters);
  scratch(index.slotCount);
  const seen = scratchSeen;
  const touched = scratchTouched;
  let touchedCount = 0;
  const add = (slot: number): void => {
    if (seen[slot] === 0) { seen[slot] = 1; touched[touchedCount++] = slot; }
  };
  for (const list of lists) {
    if (!list) continue;
    const champions = championsOf(list, index, query.avgLength, championSizes);
    if (champions) {
      for (let i = 0; i < champions.slots.length; i += 1) add(champions.slots[i]!);
      // Listings added since the list was built.
      for (let i = champions.builtAtSize; i < list.size; i += 1) add(list.slots[i]!);
    } else {
      for (let i = 0; i < list.size; i += 1) add(list.slots[i]!);
    }
  }
  // In slot order, so each term's list is walked forward once (galloping) instead of searched from its start.
  const candidates = touched.subarray(0, touchedCount).sort();
  const at = new Int32Array(lists.length);
  let union = 0;
  for (let i = 0; i < touchedCount; i += 1) {
    const slot = candidates[i]!;
    seen[slot] = 0;
    if (!index.isAlive(slot)) continue;
    union += 1;
    if (!tally.passes(slot)) continue;
    let sum = 0;
    let held = 0;
    for (let t = 0; t < lists.length; t += 1) {
      const list = lists[t];
      if (!list) continue;
      const p = gallop(list.slots, list.size, at[t]!, slot);
      at[t] = p;
      if (p < list.size && list.slots[p] === slot) { sum += query.idfs[t]! * list.ranks[p]!; held += 1; }
    }
    if (mode === 'all' && held < lists.length) continue;
    tally.count(slot, sum);
  }
  const sizes = lists.map((l) => l?.size ?? 0);
  const bound = Math.min(index.liveCount, mode === 'all' ? Math.min(...sizes) : sizes.reduce((a, b) => a + b, 0));
  return tally.result(Math.round(bound * (tally.total / Math.max(1, union))));
}

/** First position ≥ from whose slot is ≥ target (exponential, then binary search). */
function gallop(slots: Int32Array, size: number, from: number, target: number): number {
  if (from >= size || slots[from]! >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < size && slots[hi]! < target) { lo = hi; step *= 2; hi = from + step; }
  if (hi > size) hi = size;
  // slots[lo] < target; the answer is in (lo, hi].
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid]! < target) lo = mid; else hi = mid;
  }
  return hi;
}

function compileFilter(index: ListingIndex, f: MemoryFilters): (slot: number) => boolean {
  const { meta, publishedAt } = index;
  const asOf = f.asOfMs;
  // Listings published after the search's moment exist only for the later pages of an older search.
  const timed = asOf < index.latestPublishedAt;
  const plain = f.kind < 0 && f.fields === null && f.trlMin === null && f.trlMax === null && f.bands === null && f.districts === null && f.excludeSlots === null;
  if (plain && !timed) return (slot) => (meta[slot * META_WORDS]! & ALIVE) !== 0;
  if (plain) return (slot) => (meta[slot * META_WORDS]! & ALIVE) !== 0 && publishedAt[slot]! <= asOf;
  const trlMin = f.trlMin ?? 0;
  const trlMax = f.trlMax ?? 255;
  const trlFiltered = f.trlMin !== null || f.trlMax !== null;
  return (slot) => {
    const w0 = meta[slot * META_WORDS]!;
    if ((w0 & ALIVE) === 0 || (timed && publishedAt[slot]! > asOf)) return false;
    if (f.kind >= 0 && metaKind(w0) !== f.kind) return false;
    const trl = metaTrl(w0);
    if (trlFiltered && (trl === 0 || trl < trlMin || trl > trlMax)) return false;
    if (f.bands !== null && (f.bands & (1 << metaBand(w0))) === 0) return false;
    if (f.fields !== null && !f.fields.has(meta[slot * META_WORDS + 1]!)) return false;
    if (f.districts !== null && !f.districts.has(meta[slot * META_WORDS + 3]!)) return false;
    return f.excludeSlots === null || !f.excludeSlots.has(slot);
  };
}

function emptyFacets(index: ListingIndex): MemoryFacets {
  return {
    kind: new Int32Array(2), field: new Int32Array(index.fieldNames.names.length), trl: new Int32Array(10),
    band: new Int32Array(6), district: new Int32Array(index.districtNames.names.length),
  };
}
