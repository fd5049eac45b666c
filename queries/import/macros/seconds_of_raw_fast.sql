-- Macro liveroi_seconds_of_raw_fast(s, plain_unit_s): liveroi_seconds_of_clean over a RAW cell, with fast paths for what exports
-- mostly hold, so the clean + general rules (liveroi_seconds_of_clean(liveroi_clean(s), …)) run only for the rest:
--   0. a missing cell (NULL: a column the file lacks): NULL at once;
--   1. a plain number: a cast (× plain_unit_s);
--   2. the back-ends' own form, 2小时22分52秒 / 1分36秒 / 45秒: one simple regex, no lower-casing, its
--      groups read once through a one-element list_transform (a macro has no variables).
-- Same result as the rules for every cell (tests/test_import_values_cell.py). Grain: scalar.
-- No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_seconds_of_raw_fast(s, plain_unit_s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE) * plain_unit_s
        WHEN s <> '' AND regexp_full_match(s, '(\d+小时)?(\d+分)?(\d+秒)?')
            THEN list_transform(
                [regexp_extract(s, '^((\d+)小时)?((\d+)分)?((\d+)秒)?$', ['a', 'h', 'b', 'm', 'c', 's'])],
                p -> coalesce(TRY_CAST(p.h AS DOUBLE), 0) * 3600
                   + coalesce(TRY_CAST(p.m AS DOUBLE), 0) * 60
                   + coalesce(TRY_CAST(p.s AS DOUBLE), 0)
            )[1]
        ELSE liveroi_seconds_of_clean(liveroi_clean(s), plain_unit_s)
    END
);
