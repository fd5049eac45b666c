-- Benchmark floor (benchmarks/bench_import.py): a pandas frame registered as bench_frame, copied into
-- a table as it is. Grain: one row per frame row. No parameters.
CREATE OR REPLACE TABLE bench_raw AS
SELECT * FROM bench_frame;
