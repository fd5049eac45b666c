-- Macro liveroi_number_of_raw_fast(s): liveroi_number_of_clean over a RAW cell, with fast paths for what exports mostly hold, so
-- the clean + regex rules (liveroi_number_of_clean(liveroi_clean(s))) run only for the rest:
--   0. a missing cell (NULL, as every column a file lacks is — queries/import/rows_view.sql): NULL at once,
--      instead of a NULL through every test below (14 absent columns at 1M rows: 0.58 -> 0.32 s CPU);
--   1. a plain number: a cast (which accepts surrounding spaces as the trim would drop them);
--   2. '￥12,345.60', '12,345.60': the cast after dropping ',' and '￥';
--   3. '8.98万': the cast of what precedes 万, × 1e4.
-- 2 and 3 only for cells without letters or '_' (a cast reads 1e5, inf, 1_000, which the rules refuse
-- once decorated) and without whitespace between characters (dropping ',' from '0<tab>,' would leave a
-- castable '0<tab>' the rules refuse), so every result equals the rules' result. Grain: scalar.
CREATE OR REPLACE TEMP MACRO liveroi_number_of_raw_fast(s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE)
        WHEN isfinite(TRY_CAST(replace(replace(s, ',', ''), '￥', '') AS DOUBLE))
            AND NOT regexp_matches(s, '[a-zA-Z_]|\S\s+\S')
            THEN TRY_CAST(replace(replace(s, ',', ''), '￥', '') AS DOUBLE)
        WHEN suffix(s, '万') AND isfinite(TRY_CAST(left(s, length(s) - 1) AS DOUBLE))
            AND NOT regexp_matches(s, '[a-zA-Z_]|\S\s+\S')
            THEN TRY_CAST(left(s, length(s) - 1) AS DOUBLE) * 1e4
        ELSE liveroi_number_of_clean(liveroi_clean(s))
    END
);
