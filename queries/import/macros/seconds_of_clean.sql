-- Macro liveroi_seconds_of_clean(t, plain_unit_s): a duration in seconds from a CLEANED cell t, or NULL.
-- Accepts 3小时12分5秒, 1分23秒, 12分钟, 2小时, 1h2m3s, h:mm:ss (3:12:05), mm:ss (192:05 = 192 min 5 s,
-- 1:23 = 83 s), and a plain number in the column's unit: plain_unit_s seconds per unit (60 for
-- duration_min, 1 for avg_watch_s, or what the header's (秒)/(分钟) says). Grain: scalar. No parameters.
-- One regex pass for the unit form: its groups come back as a struct, read once through a one-element
-- list_transform (a macro has no variables; referring to the struct three times would run it three times).
CREATE OR REPLACE TEMP MACRO liveroi_seconds_of_clean(t, plain_unit_s) AS (
    CASE
        WHEN isfinite(TRY_CAST(t AS DOUBLE)) THEN TRY_CAST(t AS DOUBLE) * plain_unit_s
        WHEN contains(t, ':') THEN coalesce(
            CASE WHEN regexp_full_match(t, '\d+:\d{1,2}:\d{1,2}(\.\d+)?')
                THEN TRY_CAST(split_part(t, ':', 1) AS DOUBLE) * 3600
                   + TRY_CAST(split_part(t, ':', 2) AS DOUBLE) * 60
                   + TRY_CAST(split_part(t, ':', 3) AS DOUBLE) END,
            CASE WHEN regexp_full_match(t, '\d+:\d{1,2}(\.\d+)?')
                THEN TRY_CAST(split_part(t, ':', 1) AS DOUBLE) * 60
                   + TRY_CAST(split_part(t, ':', 2) AS DOUBLE) END
        )
        ELSE list_transform(
            [regexp_extract(lower(t), '^(\s*(?:(\d+(?:\.\d+)?)\s*(?:小时|时|hours|hour|hrs|hr|h))?\s*(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|mins|min|m))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒钟|秒|secs|sec|s))?\s*)$', ['whole', 'h', 'm', 's'])],
            p -> CASE WHEN p.whole <> ''
                THEN coalesce(TRY_CAST(p.h AS DOUBLE), 0) * 3600
                   + coalesce(TRY_CAST(p.m AS DOUBLE), 0) * 60
                   + coalesce(TRY_CAST(p.s AS DOUBLE), 0) END
        )[1]
    END
);
