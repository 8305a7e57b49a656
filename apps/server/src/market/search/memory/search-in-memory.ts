// A search answered by the region's in-memory index: the filters translated to the index's codes, the
// ranking done in memory (rank-in-memory.ts), then one statement for the page's rows (and for changes since). Totals and
// facets are exact unless the query is broad (rank-in-memory.ts: the champion lists).
import { poolOf, type Db } from '../../../platform/database/open-database.ts';
import type { ListingKind } from '../../schema.ts';
import { toPgArray } from '../search-columns.ts';
import { PRICE_BAND_CODES, type ListingIndex } from './listing-index.ts';
import { rankInMemory, type MemoryFacets, type MemoryFilters } from './rank-in-memory.ts';
import type { RegionReplica } from './region-replica.ts';
// Types only: search-listings calls this module, this module only shares its shapes.
import type { SearchFilters, SearchResult } from '../search-listings.ts';

/** The filters a memory search applies (search-listings' own, plus listings to leave out). */
type MemoryFilterInput = SearchFilters & { excludeIds?: string[] };

export type PageRow = {
  id: string; kind: ListingKind; title: string; summary: string; field: string; keywords: string[]; trl: number | null;
  price_fen: string | null; budget_min_fen: string | null; budget_max_fen: string | null; district_code: string | null;
  owner_org_id: string; published_at: string | Date | null; score: number;
};

type FacetCounts = NonNullable<SearchResult['facets']>;
type FacetCount = FacetCounts['kind'][number];

/** `estimated`: a broad search's total is an estimate and its facets count the candidates ranked. */
export type MemoryCandidates = { mode: 'all' | 'any'; total: number; estimated: boolean; page: PageRow[]; facets: FacetCounts | null };

/**
 * Ranks in memory, then reads the page's rows in a statement that also asks whether the table changed since
 * the index last read it. Usually it has not, and the answer is complete for every write committed before
 * the search; otherwise the changes are read and the search ranks again.
 */
export async function searchInMemory(
  db: Db, replica: RegionReplica, input: MemoryFilterInput, asOf: Date,
  query: { terms: string[]; idfs: number[]; avgLength: number; mode: 'all' | 'any'; relaxBelow: number }, limit: number, offset: number, withFacets: boolean,
): Promise<MemoryCandidates> {
  const index = replica.index;
  for (let attempt = 1; ; attempt += 1) {
    const filters = filtersOf(index, input, asOf);
    const rank = (mode: 'all' | 'any') => ({ mode, ...rankInMemory(index, { ...query, mode, want: offset + limit + 1, facets: withFacets }, filters) });
    let found = rank(query.mode);
    // Few listings hold every term: any term will do (when that finds more).
    if (query.mode === 'all' && found.total < query.relaxBelow) {
      const relaxed = rank('any');
      if (relaxed.total > found.total) found = relaxed;
    }
    const window = found.top.slice(offset, offset + limit + 1).map((w) => ({ id: index.ids[w.slot]!, score: w.score }));
    const checkedFrom = replica.seenPosition;
    const read = await pageRowsAndChanges(db, replica.regionCode, window, checkedFrom);
    // Three rounds: writes arriving faster than that are left to the next search.
    if (read.changed && attempt < 3) { await replica.catchUp(); continue; }
    if (!read.changed) replica.settle(read.horizon, checkedFrom);
    return { mode: found.mode, total: found.total, estimated: found.estimated, page: read.page, facets: found.facets ? facetCounts(index, found.facets) : null };
  }
}

function filtersOf(index: ListingIndex, input: MemoryFilterInput, asOf: Date): MemoryFilters {
  const codes = (names: string[] | undefined, find: (name: string) => number): Set<number> | null =>
    (names?.length ? new Set(names.map(find).filter((c) => c >= 0)) : null);
  const excluded = input.excludeIds?.flatMap((id) => { const slot = index.slotOfId(id); return slot === undefined ? [] : [slot]; }) ?? [];
  return {
    asOfMs: asOf.getTime(),
    kind: input.kind === undefined ? -1 : input.kind === 'demand' ? 1 : 0,
    fields: codes(input.field, (n) => index.fieldNames.find(n)),
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    bands: input.priceBand?.length ? input.priceBand.reduce((mask, band) => mask | (1 << PRICE_BAND_CODES.indexOf(band)), 0) : null,
    districts: codes(input.district, (n) => index.districtNames.find(n)),
    excludeSlots: excluded.length > 0 ? new Set(excluded) : null,
  };
}

const PAGE_AND_CHANGES_SQL = `
  SELECT h.horizon, h.changed, m.id, m.kind, m.title, m.summary, m.field, m.keywords, m.trl, m.price_fen::text AS price_fen,
         m.budget_min_fen::text AS budget_min_fen, m.budget_max_fen::text AS budget_max_fen, m.district_code, m.owner_org_id, m.published_at
  FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
               EXISTS (SELECT 1 FROM market_listings c WHERE c.region_code = $1 AND (c.search_xid, c.id) > ($2::xid8, $3::uuid)) AS changed) AS h
  LEFT JOIN market_listings m ON m.region_code = $1 AND m.id = ANY($4::uuid[]) AND m.status = 'published'`;

/**
 * The page's listings in ranked order, read by primary key (one closed meanwhile is left out), and, from the
 * same snapshot, whether any listing of the region was written after `from` and the snapshot's xmin.
 */
async function pageRowsAndChanges(
  db: Db, regionCode: string, ranked: { id: string; score: number }[], from: { xid: string; id: string },
): Promise<{ page: PageRow[]; changed: boolean; horizon: string }> {
  // A named statement: every search sends it, so PostgreSQL parses and plans it once per connection.
  const res = await poolOf(db).query<Omit<PageRow, 'score'> & { horizon: string; changed: boolean }>({ name: 'market_search_page', text: PAGE_AND_CHANGES_SQL, values: [regionCode, from.xid, from.id, toPgArray(ranked.map((r) => r.id))] });
  const first = res.rows[0]!;
  const byId = new Map(res.rows.filter((r) => r.id !== null).map((r) => [r.id, r]));
  const page = ranked.flatMap((r) => {
    const row = byId.get(r.id);
    if (!row) return [];
    const { horizon: _h, changed: _c, ...listing } = row;
    return [{ ...listing, score: r.score }];
  });
  return { page, changed: first.changed, horizon: first.horizon };
}

function facetCounts(index: ListingIndex, f: MemoryFacets): FacetCounts {
  const list = (counts: Int32Array, name: (code: number) => string | null): FacetCount[] => {
    const out: FacetCount[] = [];
    for (let code = 0; code < counts.length; code += 1) {
      const value = name(code);
      if (counts[code]! > 0 && value !== null) out.push({ value, count: counts[code]! });
    }
    return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    kind: list(f.kind, (c) => (c === 1 ? 'demand' : 'achievement')),
    field: list(f.field, (c) => index.fieldNames.names[c] ?? null),
    trl: list(f.trl, (c) => (c === 0 ? null : String(c))),
    priceBand: list(f.band, (c) => PRICE_BAND_CODES[c] ?? null),
    district: list(f.district, (c) => index.districtNames.names[c] ?? null),
  };
}
