-- Benchmarks: what an import left in the database. Grain: one row. No parameters.
SELECT
    (SELECT count(*) FROM sessions)      AS sessions,
    (SELECT count(*) FROM session_spend) AS session_spend,
    (SELECT count(*) FROM rejected_rows) AS rejected_rows;
