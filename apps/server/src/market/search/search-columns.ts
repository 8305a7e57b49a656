// The search columns of a listing (tsvector literal, token count, trigram transcription) and the BM25
// corpus statistics they feed. Statistics count published listings only: that is what search ranks.
import { sql } from 'drizzle-orm';
import { buildSearchDocument, segmenter, transcribeForTrigrams } from '@kechuang/zh-text';
import type { Tx } from '../../platform/audit/append-audit.ts';
import { clientOf, copyIn, copyRows } from '../../platform/database/copy-in.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { ChampionCollector } from './champion-collector.ts';
import type { TermDictionary } from './term-dictionary.ts';
import { addChampionEntriesOfStored, RANK_WEIGHTS, refreshChampionLists, removeChampionEntries } from './champions.ts';

/** `ranks[i]`: ts_rank of `terms[i]` alone with the field weights (what a champion list orders by). */
export type SearchColumns = { searchVector: string; searchLength: number; titleGrams: string; terms: string[]; ranks: number[] };

/** Search columns whose terms are numbers of `dictionary`, ranks as float4 (from the segmentation pool). */
export type NumberedColumns = Omit<SearchColumns, 'terms' | 'ranks'> & { termIds: Int32Array; ranks: Float32Array; dictionary: TermDictionary };

/** The terms of either kind of columns, as strings. */
export function termsOf(c: SearchColumns | NumberedColumns): readonly string[] {
  return 'terms' in c ? c.terms : Array.from(c.termIds, (id) => c.dictionary.terms[id]!);
}

export function searchColumnsOf(fields: { title: string; keywords: readonly string[]; summary: string }): SearchColumns {
  const doc = buildSearchDocument(segmenter(), fields, RANK_WEIGHTS);
  return { searchVector: doc.tsvector, searchLength: doc.length, titleGrams: transcribeForTrigrams(fields.title), terms: doc.terms, ranks: doc.ranks };
}

/**
 * Term and length counts of documents not yet added to the statistics (big imports add them in bulk), and,
 * for a bulk import applied once at its end, the champion lists collected in memory meanwhile. A collector
 * counts every term it sees, so with one `terms` stays empty and the counts are read from it: one map
 * lookup per term and listing instead of two, which is a tenth of a bulk import's main-thread time.
 */
export type CorpusDelta = { docs: number; totalLength: number; terms: Map<string, number>; champions?: ChampionCollector };

export function emptyCorpusDelta(options: { collectChampions?: boolean } = {}): CorpusDelta {
  return { docs: 0, totalLength: 0, terms: new Map(), ...(options.collectChampions ? { champions: new ChampionCollector() } : {}) };
}

export function addToDelta(delta: CorpusDelta, doc: { terms: readonly string[]; length: number }): void {
  delta.docs += 1;
  delta.totalLength += doc.length;
  if (delta.champions) return;
  for (const term of doc.terms) delta.terms.set(term, (delta.terms.get(term) ?? 0) + 1);
}

/**
 * Adds (+1) or removes (−1) documents from a region's statistics, in the caller's transaction. Documents
 * with an id (a stored listing that was just published or closed) also enter or leave the champion lists.
 */
export async function adjustCorpus(tx: Tx | Db, regionCode: string, docs: { id?: string; terms: readonly string[]; length: number }[], sign: 1 | -1): Promise<void> {
  const delta = emptyCorpusDelta();
  for (const doc of docs) addToDelta(delta, doc);
  await applyCorpusDelta(tx, regionCode, delta, sign);
  const ids = docs.flatMap((d) => (d.id === undefined ? [] : [d.id]));
  if (sign === 1) await addChampionEntriesOfStored(tx, regionCode, ids);
  else for (const d of docs) if (d.id !== undefined) await removeChampionEntries(tx, regionCode, d.id, d.terms);
}

export async function applyCorpusDelta(tx: Tx | Db, regionCode: string, delta: CorpusDelta, sign: 1 | -1): Promise<void> {
  if (delta.docs === 0) return;
  const client = clientOf(tx);
  // The term counts go by COPY, which needs the transaction's own client: a pool is given one for all of it.
  if (!client) return tx.transaction((inner) => applyCorpusDelta(inner, regionCode, delta, sign));
  const counts = delta.champions?.termCounts() ?? delta.terms;
  // Sorted, so two transactions touching the same terms lock them in the same order and never deadlock.
  const terms = [...counts.keys()].sort();
  await tx.execute(sql`
    INSERT INTO market_search_corpus (region_code, docs, total_length) VALUES (${regionCode}, ${sign * delta.docs}, ${sign * delta.totalLength})
    ON CONFLICT (region_code) DO UPDATE SET docs = market_search_corpus.docs + EXCLUDED.docs,
      total_length = market_search_corpus.total_length + EXCLUDED.total_length`);
  // COPY into a staging table, then one upsert adding the counts (ORDER BY keeps the lock order).
  await tx.execute(sql`CREATE TEMP TABLE IF NOT EXISTS market_terms_stage (term text, docs int) ON COMMIT DELETE ROWS`);
  await copyIn(client, 'COPY market_terms_stage (term, docs) FROM STDIN', copyRows(terms.map((t) => [t, sign * counts.get(t)!])));
  await tx.execute(sql`
    INSERT INTO market_search_terms (region_code, term, docs)
    SELECT ${regionCode}, term, docs FROM market_terms_stage ORDER BY term
    ON CONFLICT (region_code, term) DO UPDATE SET docs = market_search_terms.docs + EXCLUDED.docs`);
  await tx.execute(sql`DELETE FROM market_terms_stage`);
  // Terms that just became frequent get their champion list; lists that doubled are trimmed.
  if (sign === 1) await refreshChampionLists(tx, regionCode, delta.champions);
  statisticsChanged();
}

let generation = 0;
/** Bumped whenever this process changes statistics, so search's cache of them never serves its own stale copy. */
export function statisticsGeneration(): number {
  return generation;
}
function statisticsChanged(): void {
  generation += 1;
}

/** Terms of a stored listing, read back from its tsvector (for removing it from the statistics). */
export async function storedTerms(tx: Tx | Db, regionCode: string, id: string): Promise<{ id: string; terms: string[]; length: number } | null> {
  const res = await tx.execute<{ id: string; terms: string[]; length: number }>(sql`
    SELECT id, tsvector_to_array(search_vector) AS terms, search_length AS length FROM market_listings WHERE region_code = ${regionCode} AND id = ${id}`);
  return res.rows[0] ?? null;
}

/** A JS array as a PostgreSQL array literal (drizzle's sql`` would expand it into a parameter list). */
export function toPgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
