-- The cluster filter reads about a tenth of a region's enterprises, where a bitmap scan gains little over a sequential one,
-- while the index cost 3 µs of PostgreSQL CPU per imported row (13 %, measured: docs/BENCHMARKS.md, registry).
DROP INDEX "registry_enterprises_cluster";
