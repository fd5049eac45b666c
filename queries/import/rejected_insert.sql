-- Keep the rejected cells of file $file_idx with the reason in the user's language.
-- Grain: one row per rejected row per reason. Parameters: $import_id, $file_idx, $file_name,
-- $reason_keys, $reason_texts (parallel lists: translation key → text).
INSERT INTO rejected_rows (import_id, file_name, row_number, column_name, value, reason_key, reason, raw_row)
SELECT
    $import_id,
    $file_name,
    _row,
    column_name,
    value,
    reason_key,
    coalesce($reason_texts[list_position($reason_keys, reason_key)], reason_key),
    raw_row
FROM import_stage_rejects
WHERE file_idx = $file_idx;
