-- Import lower bound (benchmarks/import_lower_bound.py), step 1 of 3: the narrow canonical CSV read typed
-- (the importer's typed reading: numbers as DOUBLE, times as TIMESTAMP in one format) with a 64-bit hash
-- of every row — the least any importer that can tell a re-imported row from a changed one does.
-- Grain: one row per CSV data row. Parameters: $path.
CREATE OR REPLACE TEMP TABLE bound_rows AS
SELECT hash(*COLUMNS(*)) AS row_hash, *
FROM read_csv(
    $path,
    header = true,
    auto_detect = false,
    columns = {
        'session_id': 'VARCHAR', 'account': 'VARCHAR', 'started_at': 'TIMESTAMP', 'ended_at': 'TIMESTAMP',
        'viewers': 'DOUBLE', 'orders': 'DOUBLE', 'gmv': 'DOUBLE',
        'spend_xiaodiantong': 'DOUBLE', 'spend_jinniu': 'DOUBLE', 'spend_fentiao': 'DOUBLE'
    },
    timestampformat = '%Y-%m-%d %H:%M:%S'
);
