-- BM25F-style score of one listing for a parsed query. The listing's tsvector carries the field of every
-- token occurrence as its weight: A title, B keywords, C summary. Term frequency is weighted per field
-- (weights passed by the caller), then BM25's saturation (k1) and length normalisation (b) apply.
-- terms and idfs are parallel arrays; the caller computes idf from market_search_terms.
CREATE OR REPLACE FUNCTION market_bm25(
  vec tsvector, terms text[], idfs float8[], doc_len integer, avg_len float8,
  w_title float8, w_keywords float8, w_summary float8, k1 float8, b float8
) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(sum(q.idf * d.tf * (k1 + 1) / (d.tf + k1 * (1 - b + b * doc_len / greatest(avg_len, 1)))), 0)
  FROM (
    SELECT u.lexeme,
           (SELECT sum(CASE w WHEN 'A' THEN w_title WHEN 'B' THEN w_keywords ELSE w_summary END) FROM unnest(u.weights) AS w) AS tf
    FROM unnest(vec) AS u
    WHERE u.lexeme = ANY (terms)
  ) AS d
  JOIN unnest(terms, idfs) AS q(term, idf) ON q.term = d.lexeme
$$;
