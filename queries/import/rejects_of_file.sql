-- The rejected cells of file $file_idx for the JSON summary, in file order.
-- Grain: one row per rejected row per reason. Parameters: $file_idx, $reason_keys, $reason_texts.
SELECT
    _row AS "row",
    column_name AS "column",
    value,
    coalesce($reason_texts[list_position($reason_keys, reason_key)], reason_key) AS reason
FROM import_stage_rejects
WHERE file_idx = $file_idx
ORDER BY _row, column_name;
