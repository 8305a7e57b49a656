// Writes many listings in one statement (unnest of parallel arrays): the import's and the benchmark's
// path. An existing listing with the same owner and id is updated only while it is a draft.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ListingKind, ListingStatus } from '../schema.ts';
import { addChampionEntries } from '../search/champions.ts';
import { addToDelta, applyCorpusDelta, emptyCorpusDelta, searchColumnsOf, toPgArray, type CorpusDelta, type SearchColumns } from '../search/search-columns.ts';
import type { Db } from '../../platform/database/open-database.ts';
import type { Tx } from '../../platform/audit/append-audit.ts';

export type ListingToWrite = {
  externalId: string | null; kind: ListingKind; title: string; summary: string; field: string; keywords: string[]; trl: number | null;
  priceFen: bigint | null; ownerOrgId: string; districtCode: string | null; createdBy: string | null;
};

export type WriteResult = { written: { index: number; id: string }[]; notEditable: number[] };

/**
 * Inserts or updates the listings; `status` is what new (or still-draft) listings become. Published
 * listings enter the BM25 statistics in the same transaction, or into `deferred` for the caller to apply
 * in bulk (a big import applies it every few batches: term upserts cost more than the rows themselves),
 * and the champion lists of the terms that have one. `columns` (same order as `rows`): search columns
 * already computed, e.g. by segmentation worker threads (see search/columns-pool.ts).
 */
export async function writeListings(
  tx: Db | Tx, regionCode: string, rows: ListingToWrite[], status: ListingStatus, deferred?: CorpusDelta, columns?: readonly SearchColumns[],
): Promise<WriteResult> {
  if (rows.length === 0) return { written: [], notEditable: [] };
  const cols = rows.map((r, i) => ({ r, c: columns?.[i] ?? searchColumnsOf(r) }));
  const now = new Date().toISOString();
  const published = status === 'published';
  const arr = (values: (string | number | null)[]): string => toPgArray(values);
  const res = await tx.execute<{ id: string; external_id: string | null }>(sql`
    INSERT INTO market_listings AS m (region_code, id, kind, owner_org_id, created_by, external_id, title, summary, field, keywords, trl,
      price_fen, budget_max_fen, district_code, status, search_vector, search_length, title_grams, created_at, updated_at, published_at)
    SELECT ${regionCode}, x.id, x.kind, x.owner, x.created_by, x.external_id, x.title, x.summary, x.field,
      ARRAY(SELECT jsonb_array_elements_text(x.keywords::jsonb)), x.trl,
      CASE WHEN x.kind = 'achievement' THEN x.price END, CASE WHEN x.kind = 'demand' THEN x.price END,
      x.district, ${status}, x.vec::tsvector, x.len, x.grams, ${now}::timestamptz, ${now}::timestamptz, CASE WHEN ${published} THEN ${now}::timestamptz END
    FROM unnest(${arr(cols.map(() => crypto.randomUUID()))}::uuid[], ${arr(cols.map(({ r }) => r.kind))}::text[],
                ${arr(cols.map(({ r }) => r.ownerOrgId))}::uuid[], ${arr(cols.map(({ r }) => r.createdBy))}::uuid[],
                ${arr(cols.map(({ r }) => r.externalId))}::text[], ${arr(cols.map(({ r }) => r.title))}::text[],
                ${arr(cols.map(({ r }) => r.summary))}::text[], ${arr(cols.map(({ r }) => r.field))}::text[],
                ${arr(cols.map(({ r }) => JSON.stringify(r.keywords)))}::text[], ${arr(cols.map(({ r }) => r.trl))}::smallint[],
                ${arr(cols.map(({ r }) => r.priceFen?.toString() ?? null))}::bigint[], ${arr(cols.map(({ r }) => r.districtCode))}::text[],
                ${arr(cols.map(({ c }) => c.searchVector))}::text[], ${arr(cols.map(({ c }) => c.searchLength))}::int[],
                ${arr(cols.map(({ c }) => c.titleGrams))}::text[])
      AS x(id, kind, owner, created_by, external_id, title, summary, field, keywords, trl, price, district, vec, len, grams)
    ON CONFLICT (region_code, owner_org_id, external_id) DO UPDATE SET
      title = EXCLUDED.title, summary = EXCLUDED.summary, field = EXCLUDED.field, keywords = EXCLUDED.keywords, trl = EXCLUDED.trl,
      price_fen = EXCLUDED.price_fen, budget_max_fen = EXCLUDED.budget_max_fen, status = EXCLUDED.status, search_vector = EXCLUDED.search_vector,
      search_length = EXCLUDED.search_length, title_grams = EXCLUDED.title_grams, updated_at = EXCLUDED.updated_at, published_at = EXCLUDED.published_at
    WHERE m.status = 'draft' AND m.kind = EXCLUDED.kind
    RETURNING m.id, m.external_id`);
  // Match returned rows back to input rows: by external id when given, else in order among the id-less rows.
  const byExternal = new Map<string, string>();
  const anonymous: string[] = [];
  for (const row of res.rows) {
    if (row.external_id === null) anonymous.push(row.id);
    else byExternal.set(row.external_id, row.id);
  }
  const written: { index: number; id: string }[] = [];
  const notEditable: number[] = [];
  let anon = 0;
  rows.forEach((r, index) => {
    const id = r.externalId === null ? anonymous[anon++] : byExternal.get(r.externalId);
    if (id) written.push({ index, id });
    else notEditable.push(index);
  });
  if (published) {
    const delta = deferred ?? emptyCorpusDelta();
    for (const { index } of written) addToDelta(delta, { terms: cols[index]!.c.terms, length: cols[index]!.c.searchLength });
    if (!deferred) await applyCorpusDelta(tx, regionCode, delta, 1);
    const docs = written.map(({ index, id }) => {
      const { r, c } = cols[index]!;
      return {
        id, kind: r.kind, field: r.field, trl: r.trl, priceFen: r.priceFen, districtCode: r.districtCode, publishedAt: now,
        length: c.searchLength, terms: c.terms, ranks: c.ranks,
      };
    });
    // A bulk import collects champion entries in memory and writes them with its statistics.
    if (deferred?.champions) deferred.champions.add(docs);
    else await addChampionEntries(tx, regionCode, docs);
  }
  return { written, notEditable };
}

/**
 * Session settings of one bulk-import transaction: GIN entries are appended to the indexes' pending lists
 * instead of being merged into the trees one listing at a time (the main cost of indexing); finishBulkWrite
 * merges them in one sorted pass. Searches meanwhile also scan the pending lists, so only bulk imports do this.
 */
export async function prepareBulkWrite(tx: Db | Tx): Promise<void> {
  await tx.execute(sql.raw(`SET LOCAL gin_pending_list_limit = '${BULK_PENDING_LIST}'`));
}

const BULK_PENDING_LIST = '1GB';

/** After a bulk import (and its statistics): merges the GIN pending lists in one sorted pass. */
export async function finishBulkWrite(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
    await tx.execute(sql`SELECT gin_clean_pending_list('market_listings_search'::regclass), gin_clean_pending_list('market_listings_title_trgm'::regclass)`);
  });
}
