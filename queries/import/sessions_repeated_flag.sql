-- Reject the parsed rows of a repeated session id (import_repeated) that are not its last row: the id as
-- written is the value shown. Grain: one row per earlier repeat. No parameters.
UPDATE import_parsed AS p
SET errors = [{'col': 'session_id', 'value': coalesce(r.session_id, p.session_id), 'reason': 'reject.duplicate_session'}]
FROM import_repeated AS d, import_rows AS r
WHERE d.session_id = p.session_id AND p._row < d.last_row AND len(p.errors) = 0 AND r._row = p._row;
