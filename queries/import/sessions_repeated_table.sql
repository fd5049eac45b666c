-- Session ids that more than one valid row of the current file names — parsed rows (import_parsed) and
-- known rows (import_known, which take part although they are not parsed) — with the last such row, which
-- wins. A GROUP BY, not a window partitioned by session id (that sorts every row).
-- Grain: one row per repeated session id. No parameters.
CREATE OR REPLACE TEMP TABLE import_repeated AS
SELECT session_id, max(_row) AS last_row
FROM (
    SELECT session_id, _row FROM import_parsed WHERE len(errors) = 0
    UNION ALL
    SELECT session_id, _row FROM import_known
)
GROUP BY session_id
HAVING count(*) > 1;
