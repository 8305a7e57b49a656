// PostgreSQL's ts_rank of a single-lexeme query, computed from the positions the document literal holds, so a
// writer can know a term's field-weighted frequency without asking the database (champion lists of search),
// and the in-memory search index scores exactly as the database does. Mirrors calc_rank_or in PostgreSQL's
// tsrank.c for one query item — Σ w_j / j² over the positions in order, with the highest weight counted in
// full, divided by π²/6 — in the same float4 arithmetic, step by step, so the result is bit-identical.

/** Weights of the tsvector classes, as in ts_rank's first argument: title (A), keywords (B), summary (C). */
export type RankWeights = { A: number; B: number; C: number };
export type WeightClass = keyof RankWeights;

const f32 = Math.fround;

export function singleTermRank(weights: readonly WeightClass[], rankWeights: RankWeights): number {
  return rankOfWeights(weights.map((c) => rankWeights[c]), weights.length);
}

/**
 * The same from the weights of the lexeme's first `count` positions, in position order. Each float4
 * operation is a double operation rounded to float4, which gives the correctly rounded float4 result.
 */
export function rankOfWeights(weights: ArrayLike<number>, count: number): number {
  if (count === 0) return 0;
  let sum = 0;
  let best = -1;
  let bestAt = 0;
  for (let j = 0; j < count; j += 1) {
    const w = f32(weights[j]!);
    sum = f32(sum + f32(w / ((j + 1) * (j + 1))));
    if (w > best) { best = w; bestAt = j; }
  }
  return f32(f32(f32(best + sum) - f32(best / ((bestAt + 1) * (bestAt + 1)))) / 1.64493406685);
}
