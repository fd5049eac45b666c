-- DuckLake version of import/log_mark_interrupted: on a shared lake another machine's import may be
-- running right now, so only log rows left 'running' for longer than any import takes (2 hours; the
-- importer's limits make one take minutes) are closed as interrupted. Grain: every such row.
-- No parameters.
UPDATE imports
SET status = 'interrupted', finished_at = current_localtimestamp()
WHERE status = 'running' AND started_at < current_localtimestamp() - INTERVAL 2 HOUR;
