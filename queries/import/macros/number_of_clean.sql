-- Macro liveroi_number_of_clean(t): the number a CLEANED cell t (see liveroi_clean) means, or NULL.
-- Accepts 12345.6, 12,345.60, ￥12,345.60, ¥12345, 1.2万, 3.4亿, 1.2w, 12.3万元, +5, -3 (the sign is kept:
-- the validator rejects negatives). A '%' is NOT a number here (see liveroi_rate); inf/nan are refused.
-- Grain: scalar. No parameters. Fast path: a plain cast; the regex path runs only where that fails.
CREATE OR REPLACE TEMP MACRO liveroi_number_of_clean(t) AS (
    coalesce(
        CASE WHEN isfinite(TRY_CAST(t AS DOUBLE)) THEN TRY_CAST(t AS DOUBLE) END,
        liveroi_number_regex(t)
    )
);
