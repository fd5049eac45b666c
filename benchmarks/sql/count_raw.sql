-- Benchmark floors: rows copied into bench_raw. Grain: one row. No parameters.
SELECT count(*) AS n FROM bench_raw;
