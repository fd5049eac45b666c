-- Macro liveroi_timestamp_of_clean(t): a date/time from a CLEANED cell t as naive local (Beijing) time, or NULL; no range
-- check (liveroi_in_range adds it). Accepts 2026-01-03 09:33:16, 2026-01-03 09:33, 2026-01-03,
-- 2026/1/3 9:33:16, 2026.1.3, 2026年1月3日 9:33, ISO 8601 with T, Excel serial days (46025.4 =
-- 1899-12-30 + 46025.4 days), epoch seconds (10 digits) and epoch milliseconds (13 digits, e.g. Kuaishou's
-- live_start_time; UTC, shifted to Beijing +8 h). Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_timestamp_of_clean(t) AS (
    coalesce(
        TRY_CAST(t AS TIMESTAMP),
        CASE WHEN regexp_full_match(t, '\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?([ T]+\d{1,2}[:时]\d{1,2}([:分]\d{1,2}秒?(\.\d+)?)?)?')
            THEN try(make_timestamp(
                CAST(regexp_extract(t, '^(\d{4})', 1) AS BIGINT),
                CAST(regexp_extract(t, '^\d{4}[-/.年](\d{1,2})', 1) AS BIGINT),
                CAST(regexp_extract(t, '^\d{4}[-/.年]\d{1,2}[-/.月](\d{1,2})', 1) AS BIGINT),
                coalesce(TRY_CAST(regexp_extract(t, '[ T]+(\d{1,2})[:时]', 1) AS BIGINT), 0),
                coalesce(TRY_CAST(regexp_extract(t, '[ T]+\d{1,2}[:时](\d{1,2})', 1) AS BIGINT), 0),
                coalesce(TRY_CAST(regexp_extract(t, '[ T]+\d{1,2}[:时]\d{1,2}[:分](\d{1,2})', 1) AS DOUBLE), 0)
            )) END,
        CASE WHEN regexp_full_match(t, '\d{5}(\.\d+)?')
            THEN TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(t AS DOUBLE) * 86400) AS BIGINT) * 1000000) END,
        CASE WHEN regexp_full_match(t, '\d{13}')
            THEN make_timestamp(CAST(t AS BIGINT) * 1000) + INTERVAL 8 HOUR END,
        CASE WHEN regexp_full_match(t, '\d{10}')
            THEN make_timestamp(CAST(t AS BIGINT) * 1000000) + INTERVAL 8 HOUR END
    )
);
