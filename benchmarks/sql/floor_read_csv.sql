-- Benchmark floor (benchmarks/bench_import.py): DuckDB's own CSV reader, every column as text (as the
-- importer reads it; a sniffed type breaks on the export's 合计 row past the sniff sample), copied into
-- a table; no parsing of 万/￥/durations, no validation, no upsert.
-- Grain: one row per CSV data row. Parameters: $path, $encoding ('utf-8' | 'gb18030'), $skip (lines
-- above the header).
CREATE OR REPLACE TABLE bench_raw AS
SELECT * FROM read_csv($path, encoding = $encoding, skip = $skip, header = true, all_varchar = true);
