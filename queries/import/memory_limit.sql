-- Cap DuckDB's memory on the importer's own connection to the database file so a 1M-row export imports
-- within ~1.5 GB of RSS (DuckDB's default is 80 % of RAM): above the cap, temporary tables and large joins
-- spill to <database>.tmp. Measured at 1M rows: 1 GB → 1.43 GB RSS, 18.7 s; 1.5 GB → 2.16 GB, 17.8 s.
-- Not used for previews (an in-memory database has no spill directory of its own).
-- Grain: none. No parameters.
SET memory_limit = '1GB';
