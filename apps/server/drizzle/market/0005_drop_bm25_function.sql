-- Ranking moved to a per-term ts_rank expression built by the server (search-listings.ts): the SQL-language
-- BM25 over unnest(tsvector) cost about 30x more per row. Nothing calls it any more.
DROP FUNCTION IF EXISTS market_bm25(tsvector, text[], float8[], integer, float8, float8, float8, float8, float8, float8);
