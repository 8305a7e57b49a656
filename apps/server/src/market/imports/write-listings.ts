// Writes many listings by COPY (text format) in the caller's transaction: the import's and the benchmark's
// path. An existing listing with the same owner and id is updated only while it is a draft.
import { sql } from 'drizzle-orm';
import type { ClientBase } from 'pg';
import type { ListingKind, ListingStatus } from '../schema.ts';
import { addChampionEntries } from '../search/champions.ts';
import type { ChampionDocMeta } from '../search/champion-collector.ts';
import { addToDelta, applyCorpusDelta, emptyCorpusDelta, searchColumnsOf, termsOf, toPgArray, type CorpusDelta, type NumberedColumns, type SearchColumns } from '../search/search-columns.ts';
import type { Db } from '../../platform/database/open-database.ts';
import type { Tx } from '../../platform/audit/append-audit.ts';
import { clientOf, copyIn, copyRows } from '../../platform/database/copy-in.ts';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';

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
  tx: Db | Tx, regionCode: string, rows: ListingToWrite[], status: ListingStatus, deferred?: CorpusDelta, columns?: readonly (SearchColumns | NumberedColumns)[],
): Promise<WriteResult> {
  if (rows.length === 0) return { written: [], notEditable: [] };
  const client = clientOf(tx);
  // COPY must run inside a transaction of its own client; a pool is given one for the whole write.
  if (!client) return tx.transaction((inner) => writeListings(inner, regionCode, rows, status, deferred, columns));
  const cols = rows.map((r, i) => ({ r, c: columns?.[i] ?? searchColumnsOf(r) }));
  const now = new Date().toISOString();
  const published = status === 'published';
  // Time-ordered ids: a bulk import appends to the primary key's right edge (see uuid-v7.ts).
  const ids = cols.map(() => uuidV7());
  const lines = copyRows(cols.map(({ r, c }, i) => [
    regionCode, ids[i], r.kind, r.ownerOrgId, r.createdBy, r.externalId, r.title, r.summary, r.field, toPgArray(r.keywords), r.trl,
    r.kind === 'achievement' ? r.priceFen?.toString() ?? null : null, r.kind === 'demand' ? r.priceFen?.toString() ?? null : null,
    r.districtCode, status, c.searchVector, c.searchLength, c.titleGrams, now, now, published ? now : null,
  ]));
  const res = { rows: await copyListings(tx, client, regionCode, cols.map(({ r }) => r), ids, lines) };
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
    // With a collector the terms are counted by it (see CorpusDelta), so they are not needed as strings here.
    for (const { index } of written) addToDelta(delta, { terms: delta.champions ? [] : termsOf(cols[index]!.c), length: cols[index]!.c.searchLength });
    if (!deferred) await applyCorpusDelta(tx, regionCode, delta, 1);
    const metaOf = (index: number, id: string): ChampionDocMeta => {
      const { r, c } = cols[index]!;
      return { id, kind: r.kind, field: r.field, trl: r.trl, priceFen: r.priceFen, districtCode: r.districtCode, publishedAt: now, length: c.searchLength };
    };
    // A bulk import collects champion entries in memory and writes them with its statistics; columns from the
    // segmentation pool come with their terms numbered in the collector's dictionary.
    const collector = deferred?.champions;
    if (collector) {
      collector.addNumbered(written.map(({ index, id }) => {
        const c = cols[index]!.c;
        const numbered = 'termIds' in c && c.dictionary === collector.dictionary;
        return { doc: metaOf(index, id), termIds: numbered ? c.termIds : termsOf(c).map((t) => collector.dictionary.idOf(t)), ranks: c.ranks };
      }));
    } else {
      await addChampionEntries(tx, regionCode, written.map(({ index, id }) => ({ ...metaOf(index, id), terms: termsOf(cols[index]!.c), ranks: Array.from(cols[index]!.c.ranks) })));
    }
  }
  return { written, notEditable };
}

const LISTING_COLUMNS = `region_code, id, kind, owner_org_id, created_by, external_id, title, summary, field, keywords, trl, price_fen,
  budget_max_fen, district_code, status, search_vector, search_length, title_grams, created_at, updated_at, published_at`;

/**
 * The rows by COPY (text format): straight into market_listings when none of them can meet a stored listing
 * (no id of theirs is stored for their owner: a first import), else through a staging table and one
 * INSERT … ON CONFLICT that updates drafts only. A listing stored meanwhile by another transaction makes the
 * straight COPY fail on the unique index; it is then undone to its savepoint and staged instead.
 */
async function copyListings(
  tx: Db | Tx, client: ClientBase, regionCode: string, rows: readonly ListingToWrite[], ids: readonly string[], lines: string,
): Promise<{ id: string; external_id: string | null }[]> {
  const mine = rows.flatMap((r) => (r.externalId === null ? [] : [r]));
  const stored = mine.length > 0 && (await tx.execute(sql`
    SELECT 1 FROM market_listings m JOIN unnest(${toPgArray(mine.map((r) => r.ownerOrgId))}::uuid[], ${toPgArray(mine.map((r) => r.externalId))}::text[]) AS x(owner, external_id)
      ON m.region_code = ${regionCode} AND m.owner_org_id = x.owner AND m.external_id = x.external_id
    LIMIT 1`)).rows.length > 0;
  if (!stored) {
    try {
      await tx.transaction(async () => { await copyIn(client, `COPY market_listings (${LISTING_COLUMNS}) FROM STDIN`, lines); });
      return rows.map((r, i) => ({ id: ids[i]!, external_id: r.externalId }));
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    }
  }
  await tx.execute(sql.raw(`CREATE TEMP TABLE IF NOT EXISTS market_listings_stage ON COMMIT DELETE ROWS AS SELECT ${LISTING_COLUMNS} FROM market_listings WITH NO DATA`));
  await copyIn(client, `COPY market_listings_stage (${LISTING_COLUMNS}) FROM STDIN`, lines);
  const res = await tx.execute<{ id: string; external_id: string | null }>(sql.raw(`
    INSERT INTO market_listings AS m (${LISTING_COLUMNS}) SELECT ${LISTING_COLUMNS} FROM market_listings_stage
    ON CONFLICT (region_code, owner_org_id, external_id) DO UPDATE SET
      title = EXCLUDED.title, summary = EXCLUDED.summary, field = EXCLUDED.field, keywords = EXCLUDED.keywords, trl = EXCLUDED.trl,
      price_fen = EXCLUDED.price_fen, budget_max_fen = EXCLUDED.budget_max_fen, status = EXCLUDED.status, search_vector = EXCLUDED.search_vector,
      search_length = EXCLUDED.search_length, title_grams = EXCLUDED.title_grams, updated_at = EXCLUDED.updated_at, published_at = EXCLUDED.published_at
    WHERE m.status = 'draft' AND m.kind = EXCLUDED.kind
    RETURNING m.id, m.external_id`));
  await tx.execute(sql`DELETE FROM market_listings_stage`);
  return res.rows;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Session settings of one bulk-import transaction: GIN entries are appended to the indexes' pending lists
 * instead of being merged into the trees one listing at a time (the main cost of indexing); finishBulkWrite
 * merges them in one sorted pass. Searches meanwhile also scan the pending lists, so only bulk imports do this
 * (the server's own searches use its in-memory index, not GIN). The limit is above what a million listings
 * fill (about 1.3 GB), so such an import merges once, at its end. A larger one fills it, and the insert that
 * does then merges the list itself with `work_mem` as its sort memory: at the default 4 MB that merge ran in
 * hundreds of small passes and stalled the import for a minute; with BULK_MERGE_MEMORY it is a few large ones.
 */
export async function prepareBulkWrite(tx: Db | Tx): Promise<void> {
  await tx.execute(sql.raw(`SET LOCAL gin_pending_list_limit = '${BULK_PENDING_LIST}'`));
  await tx.execute(sql.raw(`SET LOCAL work_mem = '${BULK_MERGE_MEMORY}'`));
}

const BULK_PENDING_LIST = '4GB';
const BULK_MERGE_MEMORY = '256MB';

/**
 * After a bulk import's last batch: its collected statistics and champion lists are written while the two
 * GIN indexes' pending lists are merged, each on its own connection. The first is mostly this process's
 * work (sorting and encoding the lists), the merges are the database's, one backend each, so on two cores
 * the three take little more than the longest. All run to the end even when one fails; the first failure
 * is then thrown.
 */
export async function finishBulkWrite(db: Db, regionCode: string, collected: CorpusDelta): Promise<void> {
  const merge = (index: string) => db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${BULK_FINAL_MERGE_MEMORY}'`));
    await tx.execute(sql`SELECT gin_clean_pending_list(${index}::regclass)`);
  });
  const results = await Promise.allSettled([
    applyCorpusDelta(db, regionCode, collected, 1), merge('market_listings_search'), merge('market_listings_title_trgm'),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

const BULK_FINAL_MERGE_MEMORY = '1GB';
