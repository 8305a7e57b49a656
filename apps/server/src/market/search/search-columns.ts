// The search columns of a listing (tsvector literal, token count, trigram transcription) and the BM25
// corpus statistics they feed. Statistics count published listings only: that is what search ranks.
import { sql } from 'drizzle-orm';
import { buildSearchDocument, segmenter, transcribeForTrigrams } from '@kechuang/zh-text';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { Db } from '../../platform/database/open-database.ts';

export type SearchColumns = { searchVector: string; searchLength: number; titleGrams: string; terms: string[] };

export function searchColumnsOf(fields: { title: string; keywords: readonly string[]; summary: string }): SearchColumns {
  const doc = buildSearchDocument(segmenter(), fields);
  return { searchVector: doc.tsvector, searchLength: doc.length, titleGrams: transcribeForTrigrams(fields.title), terms: doc.terms };
}

/** Adds (+1) or removes (−1) documents from a region's statistics, in the caller's transaction. */
export async function adjustCorpus(tx: Tx | Db, regionCode: string, docs: { terms: readonly string[]; length: number }[], sign: 1 | -1): Promise<void> {
  if (docs.length === 0) return;
  const counts = new Map<string, number>();
  for (const doc of docs) for (const term of doc.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Sorted, so two transactions touching the same terms lock them in the same order and never deadlock.
  const terms = [...counts.keys()].sort();
  const totalLength = docs.reduce((sum, d) => sum + d.length, 0);
  await tx.execute(sql`
    INSERT INTO market_search_corpus (region_code, docs, total_length) VALUES (${regionCode}, ${sign * docs.length}, ${sign * totalLength})
    ON CONFLICT (region_code) DO UPDATE SET docs = market_search_corpus.docs + EXCLUDED.docs,
      total_length = market_search_corpus.total_length + EXCLUDED.total_length`);
  for (let i = 0; i < terms.length; i += 5000) {
    const chunk = terms.slice(i, i + 5000);
    await tx.execute(sql`
      INSERT INTO market_search_terms (region_code, term, docs)
      SELECT ${regionCode}, t, c FROM unnest(${toPgArray(chunk)}::text[], ${toPgArray(chunk.map((t) => sign * counts.get(t)!))}::int[]) AS x(t, c)
      ORDER BY t
      ON CONFLICT (region_code, term) DO UPDATE SET docs = market_search_terms.docs + EXCLUDED.docs`);
  }
}

/** Terms of a stored listing, read back from its tsvector (for removing it from the statistics). */
export async function storedTerms(tx: Tx | Db, regionCode: string, id: string): Promise<{ terms: string[]; length: number } | null> {
  const res = await tx.execute<{ terms: string[]; length: number }>(sql`
    SELECT tsvector_to_array(search_vector) AS terms, search_length AS length FROM market_listings WHERE region_code = ${regionCode} AND id = ${id}`);
  return res.rows[0] ?? null;
}

/** A JS array as a PostgreSQL array literal (drizzle's sql`` would expand it into a parameter list). */
export function toPgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
