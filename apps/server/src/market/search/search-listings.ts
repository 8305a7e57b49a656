// Chinese full-text search over a region's published listings: jieba terms matched through the GIN
// index on the tsvector, ranked by BM25F (market_bm25), with highlights, facets and stable pages.
// Relaxation when strict matching finds little: all terms → any term → trigram similarity of the title.
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { parseQuery, segmenter, snippet, highlight, toTsquery, transcribeForTrigrams, type QueryTerm, type Segment } from '@kechuang/zh-text';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingKind, ListingStatus } from '../schema.ts';
import {
  BM25_B, BM25_K1, decodeCursor, encodeCursor, FIELD_WEIGHTS, idf, PRICE_BAND_SQL, type PriceBand, type SearchCursor, type SearchMode,
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
  query: string | null; mode: SearchMode; terms: string[]; total: number; hits: SearchHit[]; nextCursor: string | null;
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

    if (terms.length === 0) {
      const offset = cursor?.offset ?? 0;
      const rows = await tx.execute<Row>(sql`
        SELECT ${COLUMNS}, 0::float8 AS score FROM market_listings WHERE ${base}
        ORDER BY published_at DESC NULLS LAST, id LIMIT ${limit + 1} OFFSET ${offset}`);
      return finish('browse', rows.rows, [], 0, offset, null, sql`TRUE`);
    }

    const stats = cursor ? { idfs: cursor.idfs, avgLength: cursor.avgLength } : await corpusStats(tx, input.regionCode, terms);
    const lexemes = toPgArray(terms.map((t) => t.lexeme));
    const idfs = toPgArray(stats.idfs);
    const score = sql`market_bm25(search_vector, ${lexemes}::text[], ${idfs}::float8[], search_length, ${stats.avgLength}::float8,
      ${FIELD_WEIGHTS.title}::float8, ${FIELD_WEIGHTS.keywords}::float8, ${FIELD_WEIGHTS.summary}::float8, ${BM25_K1}::float8, ${BM25_B}::float8)`;
    const match = (mode: 'all' | 'any'): SQL => sql`search_vector @@ ${toTsquery(terms, mode)}::tsquery`;

    let mode: SearchMode = cursor?.mode ?? input.mode ?? 'all';
    let total = 0;
    if (!cursor) {
      total = await count(tx, base, match(mode === 'any' ? 'any' : 'all'));
      if (mode === 'all' && total < RELAX_BELOW && terms.length > 1) {
        const anyTotal = await count(tx, base, match('any'));
        if (anyTotal > total) { mode = 'any'; total = anyTotal; }
      }
      if (total === 0 && !input.mode) mode = 'fuzzy';
    }
    const offset = cursor?.offset ?? 0;
    if (mode === 'fuzzy') {
      const grams = transcribeForTrigrams(input.q ?? '');
      await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`));
      const where = sql`${grams} <% title_grams`;
      if (!cursor) total = await count(tx, base, where);
      const rows = await tx.execute<Row>(sql`
        SELECT ${COLUMNS}, word_similarity(${grams}, title_grams) AS score FROM market_listings WHERE ${base} AND ${where}
        ORDER BY score DESC, id LIMIT ${limit + 1} OFFSET ${offset}`);
      return finish(mode, rows.rows, stats.idfs, stats.avgLength, offset, total, where);
    }
    const where = match(mode === 'any' ? 'any' : 'all');
    const rows = await tx.execute<Row>(sql`
      SELECT ${COLUMNS}, ${score} AS score FROM market_listings WHERE ${base} AND ${where}
      ORDER BY score DESC, id LIMIT ${limit + 1} OFFSET ${offset}`);
    return finish(mode, rows.rows, stats.idfs, stats.avgLength, offset, cursor ? null : total, where);

    async function finish(m: SearchMode, rows: Row[], idfList: number[], avgLength: number, off: number, knownTotal: number | null, where: SQL): Promise<SearchResult> {
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      const totalOut = knownTotal ?? (m === 'browse' || cursor ? await count(tx, base, where) : 0);
      const facets = input.facets ? await facetCounts(tx, base, where) : null;
      return {
        query: input.q ?? null, mode: m, terms: terms.map((t) => t.lexeme), total: totalOut,
        hits: page.map((r) => toHit(r, spellings)),
        nextCursor: more ? encodeCursor({ v: 1, key, asOf: asOf.toISOString(), mode: m, idfs: idfList, avgLength, offset: off + limit } satisfies SearchCursor) : null,
        facets,
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
  const corpus = await db.execute<{ docs: number; total_length: string }>(sql`SELECT docs, total_length FROM market_search_corpus WHERE region_code = ${regionCode}`);
  const docs = Math.max(0, corpus.rows[0]?.docs ?? 0);
  const avgLength = docs > 0 ? Number(corpus.rows[0]!.total_length) / docs : 1;
  const dfs = await db.execute<{ term: string; docs: number }>(sql`
    SELECT term, docs FROM market_search_terms WHERE region_code = ${regionCode} AND term = ANY(${toPgArray(terms.map((t) => t.lexeme))}::text[])`);
  const df = new Map(dfs.rows.map((r) => [r.term, r.docs]));
  // Rounded so the cursor (and a repeated search) carries exactly the numbers the database used.
  return { idfs: terms.map((t) => Math.round(idf(docs, Math.min(docs, df.get(t.lexeme) ?? 0)) * 1e9) / 1e9), avgLength: Math.round(avgLength * 1e6) / 1e6 };
}

async function count(db: Db | Tx, base: SQL, where: SQL): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM market_listings WHERE ${base} AND ${where}`);
  return res.rows[0]!.n;
}

async function facetCounts(db: Db | Tx, base: SQL, where: SQL): Promise<NonNullable<SearchResult['facets']>> {
  const res = await db.execute<{ facet: string; value: string | null; n: number }>(sql`
    SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(field) = 0 THEN 'field' WHEN GROUPING(trl) = 0 THEN 'trl'
                WHEN GROUPING(band) = 0 THEN 'priceBand' ELSE 'district' END AS facet,
           coalesce(kind, field, trl::text, band, district_code) AS value, count(*)::int AS n
    FROM (SELECT kind, field, trl, ${sql.raw(PRICE_BAND_SQL)} AS band, district_code FROM market_listings WHERE ${base} AND ${where}) AS m
    GROUP BY GROUPING SETS ((kind), (field), (trl), (band), (district_code))`);
  const facets: NonNullable<SearchResult['facets']> = { kind: [], field: [], trl: [], priceBand: [], district: [] };
  for (const row of res.rows) {
    if (row.value === null) continue;
    facets[row.facet as keyof typeof facets].push({ value: row.value, count: row.n });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
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
