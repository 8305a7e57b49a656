// Chinese full-text search over a region's published listings: jieba terms ranked by BM25F, with
// highlights, facets and stable pages. The region's in-memory index (memory/) answers term searches of
// published listings; the database answers the rest and whatever comes while a large region's index is
// still loading: GIN on the tsvector, and for broad queries (terms in tens of thousands of listings) the
// terms' champion lists (champions.ts). Both score alike (same formula, same numbers, same order).
// Relaxation when strict matching finds little: all terms → any term → trigram similarity of the title.
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { highlight, quoteLexeme, snippet, toTsquery, transcribeForTrigrams, type QueryTerm, type Segment } from '@kechuang/zh-text';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingKind, ListingStatus } from '../schema.ts';
import {
  BM25_B, decodeCursor, encodeCursor, FIELD_WEIGHTS, idf, PRICE_BAND_SQL, type PriceBand, type SearchCursor, type SearchMode,
} from './ranking.ts';
import { statisticsGeneration, toPgArray } from './search-columns.ts';
import { replicaFor } from './memory/replicas.ts';
import { searchInMemory, type PageRow } from './memory/search-in-memory.ts';
import { parseQueryText } from './parsed-queries.ts';
import { expandUnknownTerms } from './memory/expand-unknown-terms.ts';

export type SearchFilters = {
  kind?: ListingKind;
  field?: string[];
  trlMin?: number;
  trlMax?: number;
  priceBand?: PriceBand[];
  district?: string[];
};

export type SearchInput = SearchFilters & {
  regionCode: string;
  q?: string;
  limit?: number;
  cursor?: string;
  /** Facets cost a second scan; the similar-items check and matching do not need them. */
  facets?: boolean;
  /** Which statuses to search (default: published). */
  statuses?: ListingStatus[];
  excludeIds?: string[];
  /** Force a matching mode (matching uses 'any'). */
  mode?: 'all' | 'any';
  /** Which engine may answer (default: the in-memory index when it can); tests compare the two. */
  engine?: 'memory' | 'database';
};

export type SearchHit = {
  id: string; kind: ListingKind; title: string; field: string; keywords: string[]; trl: number | null;
  priceFen: string | null; budgetMinFen: string | null; budgetMaxFen: string | null; districtCode: string | null;
  ownerOrgId: string; publishedAt: string | null; score: number;
  highlights: { title: Segment[]; summary: Segment[] };
};

export type FacetCount = { value: string; count: number };
export type SearchResult = {
  query: string | null; mode: SearchMode; terms: string[]; total: number; totalCapped: boolean; hits: SearchHit[]; nextCursor: string | null;
  facets: { kind: FacetCount[]; field: FacetCount[]; trl: FacetCount[]; priceBand: FacetCount[]; district: FacetCount[] } | null;
};

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Below this many strict matches, search also tries any-term matching. */
const RELAX_BELOW = 50;
const TRIGRAM_THRESHOLD = 0.45;
/** The GIN path reads at most about this many listings (by document frequency); broader searches use champions. */
const GIN_ROWS = 500;
/** A champion search ranks exactly this many of its best candidates; its pages end there. */
export const CHAMPION_WINDOW = 100;

type Row = PageRow;

export async function searchListings(db: Db, input: SearchInput): Promise<SearchResult> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('limit_out_of_range', 'limit', { zh: `每页条数须在 1–${MAX_LIMIT} 之间`, en: `limit must be between 1 and ${MAX_LIMIT}` });
  }
  let terms: QueryTerm[] = [];
  if (input.q !== undefined) {
    const parsed = parseQueryText(input.q);
    if (!parsed.ok) throw new DomainError(parsed.code, 'q', parsed.message);
    terms = parsed.terms;
  }
  const key = cursorKey(input, terms);
  const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  // An expanded search's cursor carries the numbers of its sub-words (checked once they are known).
  if (cursor === null || (cursor && (cursor.key !== key || (!cursor.expanded && cursor.idfs.length !== terms.length)))) {
    throw new DomainError('invalid_cursor', 'cursor', { zh: '翻页参数无效或与本次搜索条件不符，请从第一页重新搜索', en: 'The page cursor is invalid or belongs to another search; start again from page one' });
  }

  const asOf = cursor ? new Date(cursor.asOf) : new Date();
  const base = filterSql(input, asOf);
  const offset = cursor?.offset ?? 0;
  const facets = input.facets === true;
  /** `searched`: the terms looked for, when unknown words were expanded into their sub-words. */
  const finish = (m: SearchMode, found: Candidates, idfList: number[], avgLength: number, searched?: QueryTerm[]): SearchResult => {
    const more = found.page.length > limit;
    const shown = searched ?? terms;
    const spellings = shown.flatMap((t) => t.spellings);
    return {
      query: input.q ?? null, mode: m, terms: shown.map((t) => t.lexeme), total: found.total, totalCapped: found.capped,
      hits: found.page.slice(0, limit).map((r) => toHit({ ...r, score: m === 'browse' ? 0 : r.score }, spellings)),
      nextCursor: more ? encodeCursor({
        v: 1, key, asOf: asOf.toISOString(), mode: m, idfs: idfList, avgLength, offset: offset + limit,
        ...(found.champions ? { champions: true, total: found.total } : {}), ...(searched ? { expanded: true } : {}),
      } satisfies SearchCursor) : null,
      facets: found.facets,
    };
  };

  if (terms.length === 0) {
    const found = await candidates(db, base, sql`TRUE`, sql`extract(epoch FROM published_at)::float8`, sql`ORDER BY published_at DESC NULLS LAST, id`, limit, offset, facets);
    return finish('browse', found, [], 0);
  }

  const stats = await corpusStats(db, input.regionCode, terms);
  const idfs = cursor ? cursor.idfs : stats.idfs;
  const avgLength = cursor ? cursor.avgLength : stats.avgLength;
  const match = (mode: 'all' | 'any'): SQL => sql`search_vector @@ ${toTsquery(terms, mode)}::tsquery`;
  const score = bm25Sql(terms, idfs, avgLength);
  // Champion lists hold published listings only, so other statuses (drafts in the similar-items check) use GIN.
  const championsAllowed = input.statuses === undefined || (input.statuses.length === 1 && input.statuses[0] === 'published');
  const viaChampions = async (mode: 'all' | 'any'): Promise<Candidates | null> => {
    if (!championsAllowed) return null;
    const listed = terms.map((t) => stats.terms.get(t.lexeme)!.listed);
    const dfs = terms.map((t) => stats.terms.get(t.lexeme)!.df);
    // Cheap on GIN: a rare term bounds an all-terms match; few matches in total bound an any-term one.
    // Later pages of a champion search stay with the champions whatever the statistics became.
    if (!cursor?.champions) {
      if (mode === 'all' && (listed.some((l) => !l) || Math.min(...dfs) <= GIN_ROWS)) return null;
      if (mode === 'any' && (!listed.some((l) => l) || dfs.reduce((a, b) => a + b, 0) <= GIN_ROWS)) return null;
    }
    const found = await championCandidates(db, input, asOf, terms, listed, idfs, avgLength, score, mode, limit, offset, facets);
    // Too few candidates to fill the page: the lists do not hold this combination, so rank every match.
    if (!cursor && found.matched <= limit) return null;
    const estimate = Math.round(Math.min(stats.docs, mode === 'all' ? Math.min(...dfs) : dfs.reduce((a, b) => a + b, 0)) * (found.matched / Math.max(1, found.union)));
    const total = cursor?.total ?? Math.max(found.matched, estimate);
    return { total, capped: total > found.matched, page: found.page, facets: found.facets, champions: true };
  };

  const wanted: SearchMode = cursor?.mode ?? input.mode ?? 'all';
  // The in-memory index: published listings only, and not for the later pages of a champion search.
  const memoryAllowed = input.engine !== 'database' && championsAllowed && !cursor?.champions && (wanted === 'all' || wanted === 'any');
  const replica = memoryAllowed ? await replicaFor(db, input.regionCode, stats.docs) : null;
  if (replica) {
    const inMemory = async (searched: QueryTerm[], numbers: { idfs: number[]; avgLength: number }, mode: 'all' | 'any', relaxBelow: number) => {
      const found = await searchInMemory(db, replica, input, asOf, { terms: searched.map((t) => t.lexeme), idfs: numbers.idfs, avgLength: numbers.avgLength, mode, relaxBelow }, limit, offset, facets);
      return { mode: found.mode, candidates: { total: found.total, capped: found.estimated, page: found.page, facets: found.facets } };
    };
    if (cursor?.expanded) {
      const expanded = expandUnknownTerms(terms, replica.index);
      if (!expanded || expanded.length !== cursor.idfs.length) throw new DomainError('invalid_cursor', 'cursor', { zh: '翻页参数已失效，请从第一页重新搜索', en: 'The page cursor no longer applies; start again from page one' });
      const found = await inMemory(expanded, { idfs, avgLength }, 'any', 0);
      return finish(found.mode, found.candidates, idfs, avgLength, expanded);
    }
    const relaxBelow = !cursor && wanted === 'all' && terms.length > 1 ? RELAX_BELOW : 0;
    const found = await inMemory(terms, { idfs, avgLength }, wanted as 'all' | 'any', relaxBelow);
    if (found.candidates.total > 0 || cursor || input.mode) return finish(found.mode, found.candidates, idfs, avgLength);
    // No listing holds these words: their sub-words, before the typo search.
    const expanded = expandUnknownTerms(terms, replica.index);
    if (expanded) {
      const sub = await corpusStats(db, input.regionCode, expanded);
      const viaParts = await inMemory(expanded, sub, 'any', 0);
      if (viaParts.candidates.total > 0) return finish('any', viaParts.candidates, sub.idfs, sub.avgLength, expanded);
    }
  } else if (input.engine === 'memory' && memoryAllowed) {
    throw new Error('the in-memory search index of this region is not loaded yet');
  }
  // Nothing matched in memory: only the typo search below is left.
  if (!replica && (wanted === 'all' || wanted === 'any')) {
    const run = async (mode: 'all' | 'any'): Promise<Candidates> => (cursor && !cursor.champions ? null : await viaChampions(mode))
      ?? await candidates(db, base, match(mode), score, sql``, limit, offset, facets);
    let found = await run(wanted);
    let mode: SearchMode = wanted;
    if (!cursor && wanted === 'all' && found.total < RELAX_BELOW && terms.length > 1) {
      const relaxed = await run('any');
      if (relaxed.total > found.total) { found = relaxed; mode = 'any'; }
    }
    if (found.total > 0 || cursor || input.mode) return finish(mode, found, idfs, avgLength);
  }
  // Nothing matched any term: typos and partial words, by trigram similarity of the title.
  const grams = transcribeForTrigrams(input.q ?? '');
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`));
    return candidates(tx, base, sql`${grams} <% title_grams`, sql`word_similarity(${grams}, title_grams)::float8`, sql``, limit, offset, facets);
  }, { accessMode: 'read only' });
  return finish('fuzzy', found, idfs, avgLength);
}

function filterSql(input: SearchInput, asOf: Date): SQL {
  const statuses = input.statuses ?? ['published'];
  const parts: SQL[] = [sql`region_code = ${input.regionCode}`, sql`status = ANY(${toPgArray(statuses)}::text[])`];
  // Stable pages: listings published after page one do not shift later pages.
  if (statuses.length === 1 && statuses[0] === 'published') parts.push(sql`published_at <= ${asOf.toISOString()}::timestamptz`);
  if (input.kind) parts.push(sql`kind = ${input.kind}`);
  if (input.field?.length) parts.push(sql`field = ANY(${toPgArray(input.field)}::text[])`);
  if (input.trlMin !== undefined) parts.push(sql`trl >= ${input.trlMin}`);
  if (input.trlMax !== undefined) parts.push(sql`trl <= ${input.trlMax}`);
  if (input.priceBand?.length) parts.push(sql`(${sql.raw(PRICE_BAND_SQL)}) = ANY(${toPgArray(input.priceBand)}::text[])`);
  if (input.district?.length) parts.push(sql`district_code = ANY(${toPgArray(input.district)}::text[])`);
  if (input.excludeIds?.length) parts.push(sql`id <> ALL(${toPgArray(input.excludeIds)}::uuid[])`);
  return sql.join(parts, sql` AND `);
}

type TermStat = { df: number; listed: boolean };
type RegionStats = { at: number; generation: number; docs: number; avgLength: number; terms: Map<string, TermStat> };
/** Per database and region: corpus size, average length and the terms looked up so far. */
const statsCache = new WeakMap<Db, Map<string, RegionStats>>();
/** Statistics written by another process reach this one's searches within this time. */
const STATS_TTL_MS = 5000;

/**
 * BM25's N, average length and the document frequency of each term (and whether it has a champion list),
 * from a short-lived per-process cache: a search then needs no round trip for them. The numbers only
 * weight the ranking; a page's cursor carries the exact ones it used.
 */
async function corpusStats(db: Db, regionCode: string, terms: QueryTerm[]): Promise<{ idfs: number[]; avgLength: number; docs: number; terms: Map<string, TermStat> }> {
  let byRegion = statsCache.get(db);
  if (!byRegion) { byRegion = new Map(); statsCache.set(db, byRegion); }
  let entry = byRegion.get(regionCode);
  const fresh = !entry || Date.now() - entry.at > STATS_TTL_MS || entry.generation !== statisticsGeneration();
  const missing = fresh ? terms.map((t) => t.lexeme) : terms.map((t) => t.lexeme).filter((t) => !entry!.terms.has(t));
  if (fresh || missing.length > 0) {
    const generation = statisticsGeneration();
    const res = await db.execute<{ corpus_docs: number | null; total_length: string | null; dfs: Record<string, [number, boolean]> | null }>(sql`
      SELECT c.docs AS corpus_docs, c.total_length::text AS total_length,
             (SELECT json_object_agg(term, json_build_array(docs, champion_floor IS NOT NULL)) FROM market_search_terms
               WHERE region_code = ${regionCode} AND term = ANY(${toPgArray(missing)}::text[])) AS dfs
      FROM (SELECT 1) AS one LEFT JOIN market_search_corpus c ON c.region_code = ${regionCode}`);
    const row = res.rows[0]!;
    const docs = Math.max(0, row.corpus_docs ?? 0);
    const avgLength = docs > 0 ? Number(row.total_length) / docs : 1;
    if (fresh) entry = { at: Date.now(), generation, docs, avgLength, terms: new Map() };
    for (const term of missing) {
      const found = row.dfs?.[term];
      entry!.terms.set(term, { df: Math.min(entry!.docs, found?.[0] ?? 0), listed: found?.[1] ?? false });
    }
    byRegion.set(regionCode, entry!);
  }
  const e = entry!;
  // Rounded so the cursor (and a repeated search) carries exactly the numbers the database used.
  return {
    idfs: terms.map((t) => Math.round(idf(e.docs, e.terms.get(t.lexeme)!.df) * 1e9) / 1e9), avgLength: Math.round(e.avgLength * 1e6) / 1e6,
    docs: e.docs, terms: e.terms,
  };
}

/** Matches beyond this many are not ranked or counted exactly: the total says "at least". */
export const CANDIDATE_CAP = 10_000;

type Candidates = { total: number; capped: boolean; page: Row[]; facets: SearchResult['facets']; champions?: true };

function facetsSql(from: string): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_array(facet, value, n)), '[]'::json) FROM (
    SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(field) = 0 THEN 'field' WHEN GROUPING(trl) = 0 THEN 'trl'
                WHEN GROUPING(band) = 0 THEN 'priceBand' ELSE 'district' END AS facet,
           coalesce(kind, field, trl::text, band, district_code) AS value, count(*)::int AS n
    FROM ${sql.raw(from)} GROUP BY GROUPING SETS ((kind), (field), (trl), (band), (district_code))) AS f)`;
}

/** The page's listings with their scores, as JSON, so the same statement returns them. */
const PAGE_ROWS_SQL = sql.raw(`(SELECT coalesce(json_agg(r ORDER BY r.score DESC, r.id), '[]'::json) FROM (
  SELECT ${'m.id, m.kind, m.title, m.summary, m.field, m.keywords, m.trl, m.price_fen::text AS price_fen, m.budget_min_fen::text AS budget_min_fen, m.budget_max_fen::text AS budget_max_fen, m.district_code, m.owner_org_id, m.published_at'}, page.score
  FROM page JOIN market_listings m ON m.region_code = page.region_code AND m.id = page.id) AS r)`);

function toFacets(rows: [string, string | null, number][] | null): SearchResult['facets'] {
  if (!rows) return null;
  const out: NonNullable<SearchResult['facets']> = { kind: [], field: [], trl: [], priceBand: [], district: [] };
  for (const [facet, value, n] of rows) if (value !== null) out[facet as keyof typeof out].push({ value, count: n });
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return out;
}

/**
 * One statement over one snapshot: the matching listings (at most CANDIDATE_CAP, scored once), the requested
 * page by score with its rows, the total and the facet counts.
 */
async function candidates(db: Db | Tx, base: SQL, where: SQL, score: SQL, innerOrder: SQL, limit: number, offset: number, withFacets: boolean): Promise<Candidates> {
  const res = await db.execute<{ total: number; page: Row[]; facets: [string, string | null, number][] | null }>(sql`
    WITH cand AS MATERIALIZED (
      SELECT m.region_code, m.id, m.kind, m.field, m.trl, ${sql.raw(PRICE_BAND_SQL)} AS band, m.district_code, ${score} AS score
      FROM market_listings m WHERE ${base} AND ${where} ${innerOrder} LIMIT ${CANDIDATE_CAP + 1}
    ), page AS (
      SELECT region_code, id, score FROM cand ORDER BY score DESC, id LIMIT ${limit + 1} OFFSET ${offset}
    )
    SELECT (SELECT count(*)::int FROM cand) AS total, ${PAGE_ROWS_SQL} AS page, ${withFacets ? facetsSql('cand') : sql`NULL::json`} AS facets`);
  const row = res.rows[0]!;
  const capped = row.total > CANDIDATE_CAP;
  return { total: Math.min(row.total, CANDIDATE_CAP), capped, page: row.page, facets: toFacets(row.facets) };
}

/**
 * A broad search over the champion lists of its terms (index scans of market_search_champions, no listing
 * rows): candidates are the listings in the lists (all mode: in every term's list), plus, in any mode, every
 * listing of the rare terms (GIN). They are ranked by the BM25 the lists allow (Σ idf · tf / norm over the
 * lists a listing is in), the best CHAMPION_WINDOW are scored exactly from their rows, and the page is cut
 * from those. Facets count the candidates. `union`: listings in any of the lists, for estimating the total.
 */
async function championCandidates(
  db: Db, input: SearchInput, asOf: Date, terms: QueryTerm[], listed: boolean[], idfs: number[], avgLength: number, score: SQL,
  mode: 'all' | 'any', limit: number, offset: number, withFacets: boolean,
): Promise<{ matched: number; union: number; page: Row[]; facets: SearchResult['facets'] }> {
  const listedTerms = terms.filter((_, i) => listed[i]);
  const rare = terms.filter((_, i) => !listed[i]);
  const norm = sql`(${1 - BM25_B}::float8 + ${BM25_B}::float8 * c.search_length / ${Math.max(avgLength, 1)}::float8)`;
  const rareRows = mode === 'any' && rare.length > 0
    ? sql`UNION ALL SELECT m.id, m.kind, m.field, m.trl, ${sql.raw(PRICE_BAND_SQL)} AS band, m.district_code, ${score} AS approx, ${terms.length}::int AS n, TRUE AS ok
          FROM market_listings m WHERE ${filterSql(input, asOf)} AND m.search_vector @@ ${toTsquery(rare, 'any')}::tsquery`
    : sql``;
  const res = await db.execute<{ matched: number; union_size: number; page: Row[]; facets: [string, string | null, number][] | null }>(sql`
    WITH q AS (
      SELECT * FROM unnest(${toPgArray(listedTerms.map((t) => t.lexeme))}::text[], ${toPgArray(terms.flatMap((_, i) => (listed[i] ? [idfs[i]!] : [])))}::float8[]) AS q(term, idf)
    ), ch AS (
      SELECT c.listing_id AS id, c.kind, c.field, c.trl, c.price_band AS band, c.district_code,
             sum(q.idf * c.tf) / ${norm} AS approx, count(*)::int AS n, ${championFilterSql(input, asOf)} AS ok
      FROM q JOIN market_search_champions c ON c.region_code = ${input.regionCode} AND c.term = q.term
      GROUP BY c.listing_id, c.kind, c.field, c.trl, c.price_band, c.district_code, c.search_length, c.published_at
    ), u AS MATERIALIZED (
      SELECT DISTINCT ON (id) * FROM (SELECT * FROM ch ${rareRows}) AS x ORDER BY id, approx DESC
    ), cand AS MATERIALIZED (
      SELECT * FROM u WHERE ok ${mode === 'all' ? sql`AND n = ${listedTerms.length}` : sql``}
    ), win AS (
      SELECT id FROM cand ORDER BY approx DESC, id LIMIT ${CHAMPION_WINDOW}
    ), page AS (
      SELECT m.region_code, m.id, ${score} AS score FROM market_listings m
      WHERE m.region_code = ${input.regionCode} AND m.id IN (SELECT id FROM win) AND m.status = 'published'
      ORDER BY score DESC, m.id LIMIT ${limit + 1} OFFSET ${offset}
    )
    SELECT (SELECT count(*)::int FROM cand) AS matched, (SELECT count(*)::int FROM u) AS union_size,
           ${PAGE_ROWS_SQL} AS page, ${withFacets ? facetsSql('cand') : sql`NULL::json`} AS facets`);
  const row = res.rows[0]!;
  return { matched: row.matched, union: row.union_size, page: row.page, facets: toFacets(row.facets) };
}

/** filterSql's conditions on the copies a champion entry holds (alias c). */
function championFilterSql(input: SearchInput, asOf: Date): SQL {
  const parts: SQL[] = [sql`c.published_at <= ${asOf.toISOString()}::timestamptz`];
  if (input.kind) parts.push(sql`c.kind = ${input.kind}`);
  if (input.field?.length) parts.push(sql`c.field = ANY(${toPgArray(input.field)}::text[])`);
  if (input.trlMin !== undefined) parts.push(sql`c.trl >= ${input.trlMin}`);
  if (input.trlMax !== undefined) parts.push(sql`c.trl <= ${input.trlMax}`);
  if (input.priceBand?.length) parts.push(sql`c.price_band = ANY(${toPgArray(input.priceBand)}::text[])`);
  if (input.district?.length) parts.push(sql`c.district_code = ANY(${toPgArray(input.district)}::text[])`);
  if (input.excludeIds?.length) parts.push(sql`c.listing_id <> ALL(${toPgArray(input.excludeIds)}::uuid[])`);
  return sql`(${sql.join(parts, sql` AND `)})`;
}

/**
 * BM25-style score as one SQL expression: Σ idf(t) · tf(t) / lengthNorm. tf(t) is ts_rank of the one lexeme
 * with weights {summary, keywords, title}: a field-weighted term frequency that already saturates (each
 * further occurrence adds less), computed in C. lengthNorm is BM25's 1 − b + b·len/avgLen. Each term's
 * ts_rank appears once, so the per-row cost is one C call per term (a SQL-language BM25 over
 * unnest(tsvector) was 30× slower per row, and BM25's k1 form needs tf twice).
 */
function bm25Sql(terms: QueryTerm[], idfs: number[], avgLength: number): SQL {
  const weights = `{0,${FIELD_WEIGHTS.summary / 5},${FIELD_WEIGHTS.keywords / 5},${FIELD_WEIGHTS.title / 5}}`;
  const parts = terms.map((t, i) => sql`${idfs[i]!}::float8 * ts_rank(${weights}::float4[], m.search_vector, ${quoteLexeme(t.lexeme)}::tsquery)`);
  return sql`((${sql.join(parts, sql` + `)}) / (${1 - BM25_B}::float8 + ${BM25_B}::float8 * m.search_length / ${Math.max(avgLength, 1)}::float8))`;
}

function cursorKey(input: SearchInput, terms: QueryTerm[]): string {
  const filters = [input.regionCode, input.kind, input.field, input.trlMin, input.trlMax, input.priceBand, input.district, input.statuses, input.mode, terms.map((t) => t.lexeme)];
  return crypto.createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

function toHit(r: Row, spellings: string[]): SearchHit {
  return {
    id: r.id, kind: r.kind, title: r.title, field: r.field, keywords: r.keywords, trl: r.trl,
    priceFen: r.price_fen, budgetMinFen: r.budget_min_fen, budgetMaxFen: r.budget_max_fen, districtCode: r.district_code,
    ownerOrgId: r.owner_org_id, publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null, score: Math.round(Number(r.score) * 1e6) / 1e6,
    highlights: { title: highlight(r.title, spellings), summary: snippet(r.summary, spellings) },
  };
}
