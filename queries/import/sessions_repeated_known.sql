-- Reject the known rows (import_known) of a repeated session id that are not its last row: they join
-- import_parsed with only their error, so they are counted rejected and stored with their raw row.
-- Grain: one row per earlier known repeat. No parameters.
INSERT INTO import_parsed BY NAME
SELECT
    k._row,
    k.session_id,
    [{'col': 'session_id', 'value': coalesce(r.session_id, k.session_id), 'reason': 'reject.duplicate_session'}] AS errors
FROM import_known AS k
JOIN import_repeated AS d ON d.session_id = k.session_id AND k._row < d.last_row
JOIN import_rows AS r ON r._row = k._row;
