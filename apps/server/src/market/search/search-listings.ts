// Chinese full-text search over a region's published listings: jieba terms matched through the GIN
// index on the tsvector, ranked by BM25F (market_bm25), with highlights, facets and stable pages.
// Relaxation when strict matching finds little: all terms → any term → trigram similarity of the title.
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { highlight, parseQuery, quoteLexeme, segmenter, snippet, toTsquery, transcribeForTrigrams, type QueryTerm, type Segment } from '@kechuang/zh-text';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingKind, ListingStatus } from '../schema.ts';
import {
  BM25_B, decodeCursor, encodeCursor, FIELD_WEIGHTS, idf, PRICE_BAND_SQL, type PriceBand, type SearchCursor, type SearchMode,
} from './ranking.ts';
import { toPgArray } from './search-columns.ts';

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

type Row = {
  id: string; kind: ListingKind; title: string; summary: string; field: string; keywords: string[]; trl: number | null;
  price_fen: string | null; budget_min_fen: string | null; budget_max_fen: string | null; district_code: string | null;
  owner_org_id: string; published_at: string | Date | null; score: number;
};

export async function searchListings(db: Db, input: SearchInput): Promise<SearchResult> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('limit_out_of_range', 'limit', { zh: `每页条数须在 1–${MAX_LIMIT} 之间`, en: `limit must be between 1 and ${MAX_LIMIT}` });
  }
  let terms: QueryTerm[] = [];
  if (input.q !== undefined) {
    const parsed = parseQuery(segmenter(), input.q);
    if (!parsed.ok) throw new DomainError(parsed.code, 'q', parsed.message);
    terms = parsed.terms;
  }
  const key = cursorKey(input, terms);
  const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  if (cursor === null || (cursor && (cursor.key !== key || cursor.idfs.length !== terms.length))) {
    throw new DomainError('invalid_cursor', 'cursor', { zh: '翻页参数无效或与本次搜索条件不符，请从第一页重新搜索', en: 'The page cursor is invalid or belongs to another search; start again from page one' });
  }

  // One snapshot for the statistics, the count, the page and the facets.
  return db.transaction(async (tx) => {
    const asOf = cursor ? new Date(cursor.asOf) : new Date();
    const base = filterSql(input, asOf);
    const spellings = terms.flatMap((t) => t.spellings);

    const offset = cursor?.offset ?? 0;
    if (terms.length === 0) {
      const found = await candidates(tx, base, sql`TRUE`, sql`extract(epoch FROM published_at)::float8`, sql`ORDER BY published_at DESC NULLS LAST, id`, limit, offset, input.facets === true);
      return finish('browse', found, [], 0);
    }

    const stats = cursor ? { idfs: cursor.idfs, avgLength: cursor.avgLength } : await corpusStats(tx, input.regionCode, terms);
    const match = (mode: 'all' | 'any'): SQL => sql`search_vector @@ ${toTsquery(terms, mode)}::tsquery`;
    const score = bm25Sql(terms, stats.idfs, stats.avgLength);
    const wanted: SearchMode = cursor?.mode ?? input.mode ?? 'all';
    if (wanted === 'all' || wanted === 'any') {
      let found = await candidates(tx, base, match(wanted), score, sql``, limit, offset, input.facets === true);
      let mode: SearchMode = wanted;
      if (!cursor && wanted === 'all' && found.total < RELAX_BELOW && terms.length > 1) {
        const relaxed = await candidates(tx, base, match('any'), score, sql``, limit, offset, input.facets === true);
        if (relaxed.total > found.total) { found = relaxed; mode = 'any'; }
      }
      if (found.total > 0 || cursor || input.mode) return finish(mode, found, stats.idfs, stats.avgLength);
    }
    // Nothing matched any term: typos and partial words, by trigram similarity of the title.
    const grams = transcribeForTrigrams(input.q ?? '');
    await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`));
    const found = await candidates(tx, base, sql`${grams} <% title_grams`, sql`word_similarity(${grams}, title_grams)::float8`, sql``, limit, offset, input.facets === true);
    return finish('fuzzy', found, stats.idfs, stats.avgLength);

    async function finish(m: SearchMode, found: Candidates, idfList: number[], avgLength: number): Promise<SearchResult> {
      const more = found.page.length > limit;
      const pageIds = found.page.slice(0, limit);
      const rows = pageIds.length === 0 ? [] : (await tx.execute<Row>(sql`
        SELECT ${COLUMNS}, 0::float8 AS score FROM market_listings WHERE region_code = ${input.regionCode} AND id = ANY(${toPgArray(pageIds.map(([id]) => id))}::uuid[])`)).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        query: input.q ?? null, mode: m, terms: terms.map((t) => t.lexeme), total: found.total, totalCapped: found.capped,
        hits: pageIds.map(([id, sc]) => toHit({ ...byId.get(id)!, score: m === 'browse' ? 0 : sc }, spellings)),
        nextCursor: more ? encodeCursor({ v: 1, key, asOf: asOf.toISOString(), mode: m, idfs: idfList, avgLength, offset: offset + limit } satisfies SearchCursor) : null,
        facets: found.facets,
      };
    }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

const COLUMNS = sql.raw(`id, kind, title, summary, field, keywords, trl, price_fen::text AS price_fen, budget_min_fen::text AS budget_min_fen,
  budget_max_fen::text AS budget_max_fen, district_code, owner_org_id, published_at`);

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

async function corpusStats(db: Db | Tx, regionCode: string, terms: QueryTerm[]): Promise<{ idfs: number[]; avgLength: number }> {
  // One round trip: the corpus row and the document frequency of each term.
  const res = await db.execute<{ corpus_docs: number | null; total_length: string | null; dfs: Record<string, number> | null }>(sql`
    SELECT c.docs AS corpus_docs, c.total_length::text AS total_length,
           (SELECT json_object_agg(term, docs) FROM market_search_terms
             WHERE region_code = ${regionCode} AND term = ANY(${toPgArray(terms.map((t) => t.lexeme))}::text[])) AS dfs
    FROM (SELECT 1) AS one LEFT JOIN market_search_corpus c ON c.region_code = ${regionCode}`);
  const row = res.rows[0]!;
  const docs = Math.max(0, row.corpus_docs ?? 0);
  const avgLength = docs > 0 ? Number(row.total_length) / docs : 1;
  const dfs = { rows: Object.entries(row.dfs ?? {}).map(([term, n]) => ({ term, docs: n })) };
  const df = new Map(dfs.rows.map((r) => [r.term, r.docs]));
  // Rounded so the cursor (and a repeated search) carries exactly the numbers the database used.
  return { idfs: terms.map((t) => Math.round(idf(docs, Math.min(docs, df.get(t.lexeme) ?? 0)) * 1e9) / 1e9), avgLength: Math.round(avgLength * 1e6) / 1e6 };
}

/** Matches beyond this many are not ranked or counted exactly: the total says "at least". */
export const CANDIDATE_CAP = 10_000;

type Candidates = { total: number; capped: boolean; page: [string, number][]; facets: SearchResult['facets'] };

/**
 * One statement over one snapshot: the matching listings (at most CANDIDATE_CAP, scored once), the requested
 * page of ids by score, the total and the facet counts.
 */
async function candidates(db: Db | Tx, base: SQL, where: SQL, score: SQL, innerOrder: SQL, limit: number, offset: number, withFacets: boolean): Promise<Candidates> {
  const facets = withFacets
    ? sql`(SELECT coalesce(json_agg(json_build_array(facet, value, n)), '[]'::json) FROM (
        SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(field) = 0 THEN 'field' WHEN GROUPING(trl) = 0 THEN 'trl'
                    WHEN GROUPING(band) = 0 THEN 'priceBand' ELSE 'district' END AS facet,
               coalesce(kind, field, trl::text, band, district_code) AS value, count(*)::int AS n
        FROM cand GROUP BY GROUPING SETS ((kind), (field), (trl), (band), (district_code))) AS f)`
    : sql`NULL::json`;
  const res = await db.execute<{ total: number; page: [string, number][]; facets: [string, string | null, number][] | null }>(sql`
    WITH cand AS MATERIALIZED (
      SELECT m.id, m.kind, m.field, m.trl, ${sql.raw(PRICE_BAND_SQL)} AS band, m.district_code, ${score} AS score
      FROM market_listings m WHERE ${base} AND ${where} ${innerOrder} LIMIT ${CANDIDATE_CAP + 1}
    ), page AS (
      SELECT id, score FROM cand ORDER BY score DESC, id LIMIT ${limit + 1} OFFSET ${offset}
    )
    SELECT (SELECT count(*)::int FROM cand) AS total,
           (SELECT coalesce(json_agg(json_build_array(id, score) ORDER BY score DESC, id), '[]'::json) FROM page) AS page,
           ${facets} AS facets`);
  const row = res.rows[0]!;
  let facetOut: SearchResult['facets'] = null;
  if (row.facets) {
    facetOut = { kind: [], field: [], trl: [], priceBand: [], district: [] };
    for (const [facet, value, n] of row.facets) if (value !== null) facetOut[facet as keyof typeof facetOut].push({ value, count: n });
    for (const list of Object.values(facetOut)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const capped = row.total > CANDIDATE_CAP;
  return { total: Math.min(row.total, CANDIDATE_CAP), capped, page: row.page, facets: facetOut };
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
