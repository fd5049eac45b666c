-- The narrow canonical CSV of a benchmark data set (benchmarks/datagen.py): liveroi's own column names,
-- only the few columns a team keeps by hand — the session, its account and times, viewers, orders, GMV and
-- the spend of the three channels the sample brand buys. Read from brand.duckdb's session_metrics.
-- Grain: one row per session, by start time. No parameters.
SELECT
    session_id,
    account,
    strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
    strftime(ended_at, '%Y-%m-%d %H:%M:%S') AS ended_at,
    viewers,
    orders,
    gmv,
    spend_xiaodiantong,
    spend_jinniu,
    spend_fentiao
FROM session_metrics
ORDER BY started_at, session_id
