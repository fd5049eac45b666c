-- DuckLake only (liveroi.db.migrate): the one-row table every write updates first, so that any two
-- writes overlapping in time conflict at commit and the later one re-runs (liveroi.db.write). Created
-- by the first migration of a lake; this statement is also that migration's own update.
-- Grain: one row. No parameters.
CREATE TABLE IF NOT EXISTS lake_writes (
    writes BIGINT NOT NULL                   -- how many writes have committed: a counter, never read
);
INSERT INTO lake_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM lake_writes);
UPDATE lake_writes SET writes = writes + 1;
