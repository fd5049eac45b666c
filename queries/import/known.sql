-- The data rows of the current session export that are known: the row, cell for cell and read with the
-- same layout, account fallback and parser ($layout_key), is the one that last wrote a stored session, so
-- parsing it again would change nothing. They are counted as unchanged and not parsed (a re-import of the
-- same file is then read → hash → compare). A session staged by an earlier file of the same call is never
-- known (that file may change it; this row must then be parsed and written after it).
-- Grain: one row per known data row. Parameters: $layout_key (text naming layout, fallback, parser).
CREATE OR REPLACE TEMP TABLE import_known AS
SELECT r._row, s.session_id
FROM import_rows AS r
JOIN sessions AS s ON s.row_hash = hash(r._hash, $layout_key)
WHERE NOT r._blank AND NOT r._summary
  AND s.session_id NOT IN (SELECT session_id FROM import_stage_sessions);
