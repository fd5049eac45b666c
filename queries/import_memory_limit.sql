-- Cap DuckDB's memory on the importer's own connection so a 1M-row export imports within ~2 GB of RSS
-- (DuckDB's default is 80 % of RAM): above the cap, temporary tables and large joins spill to disk.
-- Grain: none. No parameters.
SET memory_limit = '1GB';
