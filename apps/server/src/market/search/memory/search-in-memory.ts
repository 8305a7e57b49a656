// A search answered by the region's in-memory index: the filters translated to the index's codes, the
// ranking done in memory (rank-in-memory.ts), then one primary-key read of the page's rows. Totals and
// facets are exact unless the query is broad (rank-in-memory.ts: the champion lists).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/open-database.ts';
import type { ListingKind } from '../../schema.ts';
import type { PriceBand } from '../ranking.ts';
import { toPgArray } from '../search-columns.ts';
import { PRICE_BAND_CODES, type ListingIndex } from './listing-index.ts';
import { rankInMemory, type MemoryFacets, type MemoryFilters } from './rank-in-memory.ts';

export type MemoryFilterInput = {
  kind?: ListingKind; field?: string[]; trlMin?: number; trlMax?: number; priceBand?: PriceBand[]; district?: string[]; excludeIds?: string[];
};

export type PageRow = {
  id: string; kind: ListingKind; title: string; summary: string; field: string; keywords: string[]; trl: number | null;
  price_fen: string | null; budget_min_fen: string | null; budget_max_fen: string | null; district_code: string | null;
  owner_org_id: string; published_at: string | Date | null; score: number;
};

export type FacetCounts = { kind: FacetCount[]; field: FacetCount[]; trl: FacetCount[]; priceBand: FacetCount[]; district: FacetCount[] };
type FacetCount = { value: string; count: number };

/** `estimated`: a broad search's total is an estimate and its facets count the candidates ranked. */
export type MemoryCandidates = { total: number; estimated: boolean; page: PageRow[]; facets: FacetCounts | null };

export async function searchInMemory(
  db: Db, regionCode: string, index: ListingIndex, input: MemoryFilterInput, asOf: Date,
  query: { terms: string[]; idfs: number[]; avgLength: number; mode: 'all' | 'any' }, limit: number, offset: number, withFacets: boolean,
): Promise<MemoryCandidates> {
  const found = rankInMemory(index, { ...query, want: offset + limit + 1, facets: withFacets }, filtersOf(index, input, asOf));
  const window = found.top.slice(offset, offset + limit + 1);
  const page = await pageRows(db, regionCode, window.map((w) => ({ id: index.ids[w.slot]!, score: w.score })));
  return { total: found.total, estimated: found.estimated, page, facets: found.facets ? facetCounts(index, found.facets) : null };
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

/** The page's listings in ranked order, read by primary key; one closed meanwhile is left out. */
async function pageRows(db: Db, regionCode: string, ranked: { id: string; score: number }[]): Promise<PageRow[]> {
  if (ranked.length === 0) return [];
  const res = await db.execute<Omit<PageRow, 'score'>>(sql`
    SELECT id, kind, title, summary, field, keywords, trl, price_fen::text AS price_fen, budget_min_fen::text AS budget_min_fen,
           budget_max_fen::text AS budget_max_fen, district_code, owner_org_id, published_at
    FROM market_listings WHERE region_code = ${regionCode} AND id = ANY(${toPgArray(ranked.map((r) => r.id))}::uuid[]) AND status = 'published'`);
  const byId = new Map(res.rows.map((r) => [r.id, r]));
  return ranked.flatMap((r) => { const row = byId.get(r.id); return row ? [{ ...row, score: r.score }] : []; });
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
