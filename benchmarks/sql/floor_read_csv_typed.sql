-- Benchmark floor (benchmarks/bench_import.py), the one issue 16's target is stated against: DuckDB's own
-- CSV reader with its defaults — column types sniffed — copied into a table. Faster than reading every
-- column as text (floor_read_csv.sql, as the importer reads), so the importer's ratio to it is the
-- stricter one. Fails on a file whose types change past the sniff sample (the export's 合计 row).
-- Grain: one row per CSV data row. Parameters: $path, $encoding ('utf-8' | 'gb18030'), $skip (lines
-- above the header).
CREATE OR REPLACE TABLE bench_raw AS
SELECT * FROM read_csv($path, encoding = $encoding, skip = $skip, header = true);
