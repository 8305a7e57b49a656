// Champion lists: per region and frequent term, the published listings where that term weighs most
// (impact = field-weighted tf / BM25 length norm, independent of any query). Broad searches rank and facet
// these instead of every match (see search-listings.ts). Maintained in bulk by whoever changes the
// statistics: entries of new listings that beat a list's floor, whole lists for terms that just became
// frequent, and lists trimmed back once they doubled.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/audit/append-audit.ts';
import { clientOf, copyIn, copyRows } from '../../platform/database/copy-in.ts';
import type { Db } from '../../platform/database/open-database.ts';
import type { ChampionCollector, CollectedEntry } from './champion-collector.ts';
import { BM25_B, FIELD_WEIGHTS, PRICE_BAND_SQL } from './ranking.ts';
import { toPgArray } from './search-columns.ts';

/** Length of a list after trimming: it must exceed the window a broad search ranks exactly. */
export const CHAMPIONS_PER_TERM = 300;
/** A term gets a list once this many published listings contain it; rarer terms are cheap on GIN. */
export const CHAMPION_MIN_DOCS = 500;
/** A list is trimmed back to CHAMPIONS_PER_TERM once it holds this many (amortises the sort). */
const TRIM_ABOVE = 2 * CHAMPIONS_PER_TERM;

/** ts_rank's weight array {D, C, B, A} for the fields, shared by the index and the query side. */
export const RANK_WEIGHTS_SQL = `{0,${FIELD_WEIGHTS.summary / 5},${FIELD_WEIGHTS.keywords / 5},${FIELD_WEIGHTS.title / 5}}`;
export const RANK_WEIGHTS = { A: FIELD_WEIGHTS.title / 5, B: FIELD_WEIGHTS.keywords / 5, C: FIELD_WEIGHTS.summary / 5 } as const;

/** A newly published listing with its per-term ranks (computed by the writer, see buildSearchDocument). */
export type ChampionDoc = {
  id: string; kind: string; field: string; trl: number | null; priceFen: bigint | null; districtCode: string | null;
  publishedAt: string; length: number; terms: readonly string[]; ranks: readonly number[];
};

const AVG_LENGTH_SQL = (regionCode: string) => sql`(SELECT coalesce(max(total_length::float8 / nullif(docs, 0)), 1)::float8 FROM market_search_corpus WHERE region_code = ${regionCode})`;
const NORM = (len: ReturnType<typeof sql>, avg: ReturnType<typeof sql>) => sql`(${1 - BM25_B}::float8 + ${BM25_B}::float8 * ${len} / greatest(${avg}, 1))`;
/** A term as a one-lexeme tsquery literal, quoted the way quoteLexeme does. */
const TERM_QUERY = (term: ReturnType<typeof sql>) => sql`('''' || replace(replace(${term}, '\\', '\\\\'), '''', '''''') || '''')::tsquery`;

/**
 * Entries of new listings, for the terms that already have a list, when they reach its floor. One
 * statement for a whole batch; the sizes of the lists are counted so that trimming knows which grew.
 */
export async function addChampionEntries(tx: Tx | Db, regionCode: string, docs: readonly ChampionDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const docIndex: number[] = [];
  const terms: string[] = [];
  const ranks: number[] = [];
  docs.forEach((d, i) => {
    for (let j = 0; j < d.terms.length; j += 1) { docIndex.push(i + 1); terms.push(d.terms[j]!); ranks.push(d.ranks[j]!); }
  });
  const avg = sql`c.avg`;
  await tx.execute(sql`
    WITH ins AS (
      INSERT INTO market_search_champions AS ch (region_code, term, listing_id, impact, tf, search_length, kind, field, trl, price_band, district_code, published_at)
      SELECT ${regionCode}, p.term, d.id, (p.tf / ${NORM(sql`d.len`, avg)})::real, p.tf, d.len, d.kind, d.field, d.trl, d.band, d.district, d.published_at
      FROM unnest(${toPgArray(docIndex)}::int[], ${toPgArray(terms)}::text[], ${toPgArray(ranks)}::float4[]) AS p(doc, term, tf)
      JOIN market_search_terms s ON s.region_code = ${regionCode} AND s.term = p.term AND s.champion_floor IS NOT NULL
      JOIN unnest(${toPgArray(docs.map((d) => d.id))}::uuid[], ${toPgArray(docs.map((d) => d.length))}::int[], ${toPgArray(docs.map((d) => d.kind))}::text[],
                  ${toPgArray(docs.map((d) => d.field))}::text[], ${toPgArray(docs.map((d) => d.trl))}::smallint[], ${toPgArray(docs.map((d) => priceBandOf(d.priceFen)))}::text[],
                  ${toPgArray(docs.map((d) => d.districtCode))}::text[], ${toPgArray(docs.map((d) => d.publishedAt))}::timestamptz[])
        WITH ORDINALITY AS d(id, len, kind, field, trl, band, district, published_at, n) ON d.n = p.doc
      CROSS JOIN (SELECT ${AVG_LENGTH_SQL(regionCode)} AS avg) AS c
      WHERE p.tf / ${NORM(sql`d.len`, avg)} >= s.champion_floor
      ON CONFLICT (region_code, term, listing_id) DO UPDATE SET impact = EXCLUDED.impact, tf = EXCLUDED.tf, search_length = EXCLUDED.search_length,
        kind = EXCLUDED.kind, field = EXCLUDED.field, trl = EXCLUDED.trl, price_band = EXCLUDED.price_band, district_code = EXCLUDED.district_code,
        published_at = EXCLUDED.published_at
      RETURNING term
    )
    UPDATE market_search_terms s SET champion_size = s.champion_size + x.n
    FROM (SELECT term, count(*)::int AS n FROM ins GROUP BY term ORDER BY term) AS x
    WHERE s.region_code = ${regionCode} AND s.term = x.term`);
}

/** The same for listings already stored (a single publication): ranks computed by ts_rank from the row. */
export async function addChampionEntriesOfStored(tx: Tx | Db, regionCode: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const tf = sql`ts_rank(${RANK_WEIGHTS_SQL}::float4[], m.search_vector, ${TERM_QUERY(sql`t.term`)})`;
  await tx.execute(sql`
    WITH ins AS (
      INSERT INTO market_search_champions (region_code, term, listing_id, impact, tf, search_length, kind, field, trl, price_band, district_code, published_at)
      SELECT m.region_code, t.term, m.id, (${tf} / ${NORM(sql`m.search_length`, sql`c.avg`)})::real, ${tf}, m.search_length, m.kind, m.field, m.trl,
             ${sql.raw(PRICE_BAND_SQL)}, m.district_code, m.published_at
      FROM market_listings m CROSS JOIN LATERAL unnest(tsvector_to_array(m.search_vector)) AS t(term)
      JOIN market_search_terms s ON s.region_code = m.region_code AND s.term = t.term AND s.champion_floor IS NOT NULL
      CROSS JOIN (SELECT ${AVG_LENGTH_SQL(regionCode)} AS avg) AS c
      WHERE m.region_code = ${regionCode} AND m.id = ANY(${toPgArray(ids)}::uuid[]) AND m.status = 'published' AND m.published_at IS NOT NULL
        AND ${tf} / ${NORM(sql`m.search_length`, sql`c.avg`)} >= s.champion_floor
      ON CONFLICT (region_code, term, listing_id) DO NOTHING
      RETURNING term
    )
    UPDATE market_search_terms s SET champion_size = s.champion_size + x.n
    FROM (SELECT term, count(*)::int AS n FROM ins GROUP BY term ORDER BY term) AS x
    WHERE s.region_code = ${regionCode} AND s.term = x.term`);
}

/** A listing leaves search (closed): its entries go. */
export async function removeChampionEntries(tx: Tx | Db, regionCode: string, id: string, terms: readonly string[]): Promise<void> {
  await tx.execute(sql`
    WITH del AS (
      DELETE FROM market_search_champions WHERE region_code = ${regionCode} AND term = ANY(${toPgArray(terms)}::text[]) AND listing_id = ${id} RETURNING term
    )
    UPDATE market_search_terms s SET champion_size = greatest(0, s.champion_size - 1) FROM del WHERE s.region_code = ${regionCode} AND s.term = del.term`);
}

/**
 * After the statistics changed: whole lists for the terms that just reached CHAMPION_MIN_DOCS (from the
 * GIN index, once per term), then the lists that doubled trimmed back to CHAMPIONS_PER_TERM with their
 * floor raised to the last entry kept. A bulk import's `collected` lists are written first; the GIN index
 * is then asked only about terms that also have listings from before the import.
 */
export async function refreshChampionLists(outer: Tx | Db, regionCode: string, collected?: ChampionCollector): Promise<void> {
  const tf = sql`ts_rank(${RANK_WEIGHTS_SQL}::float4[], m.search_vector, ${TERM_QUERY(sql`t.term`)})`;
  // In a (sub)transaction so the planner settings below stay local to it.
  await outer.transaction(async (tx) => {
    // During a bulk import the table's statistics lag far behind, and the planner would then scan the
    // listings once per term instead of asking the GIN index: no other access path is left open to it.
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    await tx.execute(sql`SET LOCAL jit = off`);
    // Two statements: one statement may not update the same term row twice.
    const crossed = await tx.execute<{ term: string; docs: number }>(sql`
      UPDATE market_search_terms SET champion_floor = 0
      WHERE region_code = ${regionCode} AND champion_floor IS NULL AND docs >= ${CHAMPION_MIN_DOCS} RETURNING term, docs`);
    if (collected) await writeCollected(tx, regionCode, collected);
    const fromIndex = crossed.rows.filter((r) => !collected || collected.count(r.term) < r.docs).map((r) => r.term);
    if (fromIndex.length > 0) {
      // A bulk import leaves entries in the GIN pending list, which every index search scans in full:
      // merge it first (each listing is merged once however often this runs).
      await tx.execute(sql`SELECT gin_clean_pending_list('market_listings_search'::regclass)`);
      await tx.execute(sql`
        WITH ins AS (
          INSERT INTO market_search_champions (region_code, term, listing_id, impact, tf, search_length, kind, field, trl, price_band, district_code, published_at)
          SELECT m.region_code, t.term, m.id, (${tf} / ${NORM(sql`m.search_length`, sql`c.avg`)})::real, ${tf}, m.search_length, m.kind, m.field, m.trl,
                 ${sql.raw(PRICE_BAND_SQL)}, m.district_code, m.published_at
          FROM unnest(${toPgArray(fromIndex)}::text[]) AS t(term) CROSS JOIN (SELECT ${AVG_LENGTH_SQL(regionCode)} AS avg) AS c
          CROSS JOIN LATERAL (
            SELECT * FROM market_listings m WHERE m.search_vector @@ ${TERM_QUERY(sql`t.term`)} AND (m.region_code || '') = ${regionCode}
              AND (m.status || '') = 'published'
          ) AS m
          ON CONFLICT (region_code, term, listing_id) DO NOTHING
          RETURNING term
        )
        UPDATE market_search_terms s SET champion_size = s.champion_size + x.n
        FROM (SELECT term, count(*)::int AS n FROM ins GROUP BY term ORDER BY term) AS x
        WHERE s.region_code = ${regionCode} AND s.term = x.term`);
    }
    await tx.execute(sql`SET LOCAL enable_seqscan = DEFAULT`);
    await tx.execute(sql`SET LOCAL jit = DEFAULT`);
    await trimChampionLists(tx, regionCode, TRIM_ABOVE);
  });
}

/** Writes a bulk import's collected entries for every term that has a list now, weighed with today's average length. */
async function writeCollected(tx: Tx | Db, regionCode: string, collected: ChampionCollector): Promise<void> {
  const listed = await tx.execute<{ term: string }>(sql`SELECT term FROM market_search_terms WHERE region_code = ${regionCode} AND champion_floor IS NOT NULL`);
  const avgRow = await tx.execute<{ avg: number }>(sql`SELECT ${AVG_LENGTH_SQL(regionCode)} AS avg`);
  const avg = Math.max(1, Number(avgRow.rows[0]!.avg));
  const impactOf = (e: CollectedEntry): number => Math.fround(e.tf / (1 - BM25_B + BM25_B * e.doc.length / avg));
  // A term whose listings did not all fit: nothing left out weighs more than the least entry kept.
  const floors = new Map<string, number>();
  // In index order (term, then listing): each insertion lands next to the previous one in the btree.
  const terms = listed.rows.map((r) => r.term).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  for (const entry of collected.entries(terms)) {
    if (collected.count(entry.term) > CHAMPIONS_PER_TERM) floors.set(entry.term, Math.min(floors.get(entry.term) ?? Infinity, impactOf(entry)));
  }
  const sizes = await copyCollected(tx, regionCode, () => collected.entries(terms), impactOf);
  if (sizes.size > 0) {
    await tx.execute(sql`
      UPDATE market_search_terms s SET champion_size = s.champion_size + x.n
      FROM unnest(${toPgArray([...sizes.keys()])}::text[], ${toPgArray([...sizes.values()])}::int[]) AS x(term, n)
      WHERE s.region_code = ${regionCode} AND s.term = x.term`);
  }
  if (floors.size > 0) {
    await tx.execute(sql`
      UPDATE market_search_terms s SET champion_floor = greatest(s.champion_floor, x.floor)
      FROM unnest(${toPgArray([...floors.keys()])}::text[], ${toPgArray([...floors.values()])}::float4[]) AS x(term, floor)
      WHERE s.region_code = ${regionCode} AND s.term = x.term`);
  }
}

const CHAMPION_COLUMNS = 'region_code, term, listing_id, impact, tf, search_length, kind, field, trl, price_band, district_code, published_at';
/** Rows per COPY: bounds the text held in memory at once (~150 bytes a row). */
const COPY_CHUNK = 50_000;

/**
 * The collected entries by COPY (text format), straight into the table: they are new listings' entries, so
 * none can be stored yet. Should one be (a unique violation), the COPY is undone to its savepoint and the
 * entries go through a staging table and INSERT … ON CONFLICT DO NOTHING instead. Returns entries added per term.
 */
async function copyCollected(
  tx: Tx | Db, regionCode: string, entries: () => Iterable<CollectedEntry>, impactOf: (e: CollectedEntry) => number,
): Promise<Map<string, number>> {
  const client = clientOf(tx);
  if (!client) throw new Error('champion lists are written inside a transaction');
  const chunks = function* (): Generator<{ text: string; terms: string[] }> {
    let rows: (string | number | null)[][] = [];
    let terms: string[] = [];
    for (const e of entries()) {
      rows.push([regionCode, e.term, e.doc.id, impactOf(e), e.tf, e.doc.length, e.doc.kind, e.doc.field, e.doc.trl, priceBandOf(e.doc.priceFen), e.doc.districtCode, e.doc.publishedAt]);
      terms.push(e.term);
      if (rows.length >= COPY_CHUNK) { yield { text: copyRows(rows), terms }; rows = []; terms = []; }
    }
    if (rows.length > 0) yield { text: copyRows(rows), terms };
  };
  const sizes = new Map<string, number>();
  try {
    await tx.transaction(async () => {
      for (const chunk of chunks()) {
        await copyIn(client, `COPY market_search_champions (${CHAMPION_COLUMNS}) FROM STDIN`, chunk.text);
        for (const term of chunk.terms) sizes.set(term, (sizes.get(term) ?? 0) + 1);
      }
    });
    return sizes;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
  }
  sizes.clear();
  await tx.execute(sql.raw(`CREATE TEMP TABLE IF NOT EXISTS market_champions_stage ON COMMIT DELETE ROWS AS SELECT ${CHAMPION_COLUMNS} FROM market_search_champions WITH NO DATA`));
  for (const chunk of chunks()) {
    await copyIn(client, `COPY market_champions_stage (${CHAMPION_COLUMNS}) FROM STDIN`, chunk.text);
    const ins = await tx.execute<{ term: string }>(sql.raw(`
      INSERT INTO market_search_champions (${CHAMPION_COLUMNS}) SELECT ${CHAMPION_COLUMNS} FROM market_champions_stage
      ON CONFLICT (region_code, term, listing_id) DO NOTHING RETURNING term`));
    await tx.execute(sql`DELETE FROM market_champions_stage`);
    for (const { term } of ins.rows) sizes.set(term, (sizes.get(term) ?? 0) + 1);
  }
  return sizes;
}

/**
 * Trims every list longer than `above` to CHAMPIONS_PER_TERM entries and raises its floor to the last one
 * kept (0: every full list, after bulk imports).
 */
export async function trimChampionLists(tx: Tx | Db, regionCode: string, above = 0): Promise<void> {
  await tx.execute(sql`
    WITH big AS (
      SELECT term FROM market_search_terms WHERE region_code = ${regionCode} AND champion_floor IS NOT NULL
        AND champion_size ${above === 0 ? sql`>=` : sql`>`} ${Math.max(above, CHAMPIONS_PER_TERM)}
    ), ranked AS (
      SELECT c.term, c.listing_id, c.impact, row_number() OVER (PARTITION BY c.term ORDER BY c.impact DESC, c.listing_id) AS rn
      FROM market_search_champions c JOIN big USING (term) WHERE c.region_code = ${regionCode}
    ), del AS (
      DELETE FROM market_search_champions c USING ranked r
      WHERE c.region_code = ${regionCode} AND c.term = r.term AND c.listing_id = r.listing_id AND r.rn > ${CHAMPIONS_PER_TERM}
    )
    UPDATE market_search_terms s SET champion_size = ${CHAMPIONS_PER_TERM}, champion_floor = f.floor
    FROM (SELECT term, min(impact) AS floor FROM ranked WHERE rn <= ${CHAMPIONS_PER_TERM} GROUP BY term) AS f
    WHERE s.region_code = ${regionCode} AND s.term = f.term`);
}

function priceBandOf(fen: bigint | null): string {
  if (fen === null) return 'negotiable';
  if (fen < 10000000n) return 'lt_100k';
  if (fen < 50000000n) return '100k_500k';
  if (fen < 100000000n) return '500k_1m';
  if (fen < 500000000n) return '1m_5m';
  return 'ge_5m';
}
