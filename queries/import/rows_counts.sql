-- Row accounting of the current file: data rows read (blank rows excluded), rows skipped (summary rows,
-- and the extra copies of exact duplicates), rows rejected, and known rows (import_known, not rejected as a
-- repeated session id: unchanged without being parsed). Grain: one row. No parameters.
SELECT
    coalesce(sum(_copies) FILTER (WHERE NOT _blank), 0) AS rows_read,
    coalesce(sum(_copies) FILTER (WHERE NOT _blank AND _summary), 0)
        + coalesce(sum(_copies - 1) FILTER (WHERE NOT _blank AND NOT _summary), 0) AS skipped,
    (SELECT count(*) FROM import_checked WHERE len(errors) > 0) AS rejected,
    (
        SELECT count(*) FROM import_known
        WHERE _row NOT IN (SELECT _row FROM import_checked WHERE len(errors) > 0)
    ) AS known
FROM import_rows;
