-- Macro liveroi_number_regex(t): the slow path of liveroi_number_of_clean for cleaned text t — drops currency signs,
-- 元, thousands separators and spaces, then reads an optional 万/w (1e4) or 亿 (1e8) multiplier.
-- Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_number_regex(t) AS (
    CASE
        WHEN regexp_full_match(
            replace(replace(replace(replace(replace(replace(lower(t), ',', ''), '，', ''), '￥', ''), '¥', ''), '元', ''), ' ', ''),
            '[+-]?(\d+(\.\d*)?|\.\d+)(万|w|亿)?'
        )
        THEN TRY_CAST(
            regexp_extract(
                replace(replace(replace(replace(replace(replace(lower(t), ',', ''), '，', ''), '￥', ''), '¥', ''), '元', ''), ' ', ''),
                '^[+-]?(\d+(\.\d*)?|\.\d+)'
            ) AS DOUBLE
        ) * CASE
                WHEN suffix(t, '亿') OR suffix(t, '亿元') THEN 1e8
                WHEN suffix(t, '万') OR suffix(t, '万元') OR suffix(lower(t), 'w') THEN 1e4
                ELSE 1
            END
    END
);
