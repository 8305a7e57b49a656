-- Trigram matching for typos and partial words in market search (ships with PostgreSQL's contrib,
-- embedded-postgres and Debian's postgresql-15 both include it). Before the tables: an index uses gin_trgm_ops.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
