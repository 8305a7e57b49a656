// Ranking constants and pure helpers of market search (no I/O).

/** Field weights of BM25F: a term in the title counts more than in the keywords, more than in the summary. */
export const FIELD_WEIGHTS = { title: 3, keywords: 2, summary: 1 } as const;
/** BM25's length normalisation (the usual default). Term-frequency saturation comes from ts_rank itself. */
export const BM25_B = 0.75;

/** Robertson–Spärck Jones idf as in Lucene's BM25: never negative, even for a term in every document. */
export function idf(docs: number, docFreq: number): number {
  return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
}

export const priceBands = ['negotiable', 'lt_100k', '100k_500k', '500k_1m', '1m_5m', 'ge_5m'] as const;
export type PriceBand = (typeof priceBands)[number];

/** SQL CASE giving a listing's price band: asking price of an achievement, upper budget of a demand (fen). */
export const PRICE_BAND_SQL = `CASE
  WHEN coalesce(price_fen, budget_max_fen) IS NULL THEN 'negotiable'
  WHEN coalesce(price_fen, budget_max_fen) < 10000000 THEN 'lt_100k'
  WHEN coalesce(price_fen, budget_max_fen) < 50000000 THEN '100k_500k'
  WHEN coalesce(price_fen, budget_max_fen) < 100000000 THEN '500k_1m'
  WHEN coalesce(price_fen, budget_max_fen) < 500000000 THEN '1m_5m'
  ELSE 'ge_5m' END`;

/**
 * A page position that survives new publications: the corpus statistics and the moment of page one, whether
 * page one came from the database's champion lists (later pages must too, or they would rank another set),
 * and whether its unknown words were expanded into their sub-words (later pages expand them again).
 */
export type SearchCursor = {
  v: 1; key: string; asOf: string; mode: SearchMode; idfs: number[]; avgLength: number; offset: number; champions?: true; total?: number; expanded?: true;
};
export type SearchMode = 'all' | 'any' | 'fuzzy' | 'browse';

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<SearchCursor>;
    const ok = value.v === 1 && typeof value.key === 'string' && typeof value.asOf === 'string' && !Number.isNaN(Date.parse(value.asOf))
      && (['all', 'any', 'fuzzy', 'browse'] as const).includes(value.mode as SearchMode) && Array.isArray(value.idfs)
      && value.idfs.every((n) => typeof n === 'number' && Number.isFinite(n)) && typeof value.avgLength === 'number'
      && Number.isInteger(value.offset) && (value.offset ?? -1) >= 0 && (value.champions === undefined || value.champions === true) && (value.expanded === undefined || value.expanded === true)
      && (value.total === undefined || (Number.isInteger(value.total) && value.total >= 0));
    return ok ? (value as SearchCursor) : null;
  } catch {
    return null;
  }
}
