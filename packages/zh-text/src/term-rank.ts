// PostgreSQL's ts_rank of a single-lexeme query, computed from the positions the document literal holds, so a
// writer can know a term's field-weighted frequency without asking the database (champion lists of search).
// Mirrors calc_rank_or in PostgreSQL's tsrank.c for one query item: Σ w_j / j² over the positions in order,
// with the highest weight counted in full, divided by π²/6.

/** Weights of the tsvector classes, as in ts_rank's first argument: title (A), keywords (B), summary (C). */
export type RankWeights = { A: number; B: number; C: number };
export type WeightClass = keyof RankWeights;

export function singleTermRank(weights: readonly WeightClass[], rankWeights: RankWeights): number {
  let sum = 0;
  let best = -1;
  let bestAt = 0;
  for (let j = 0; j < weights.length; j += 1) {
    const w = rankWeights[weights[j]!];
    sum += w / ((j + 1) * (j + 1));
    if (w > best) { best = w; bestAt = j; }
  }
  if (weights.length === 0) return 0;
  return Math.fround((best + sum - best / ((bestAt + 1) * (bestAt + 1))) / 1.64493406685);
}
