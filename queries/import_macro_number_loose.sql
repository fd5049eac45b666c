-- Macro liveroi_number_loose(t): the slow path of liveroi_number for cleaned text t — strips currency
-- signs, 元, thousands separators and spaces, then reads an optional 万/w (1e4) or 亿 (1e8) multiplier.
-- Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_number_loose(t) AS (
    CASE
        WHEN regexp_full_match(
            regexp_replace(lower(t), '[\s,，_¥￥元]|rmb|cny', '', 'g'),
            '[+-]?(\d+(\.\d*)?|\.\d+)(万|w|亿)?'
        )
        THEN TRY_CAST(
            regexp_extract(regexp_replace(lower(t), '[\s,，_¥￥元]|rmb|cny', '', 'g'), '^[+-]?(\d+(\.\d*)?|\.\d+)')
            AS DOUBLE
        ) * CASE regexp_extract(regexp_replace(lower(t), '[\s,，_¥￥元]|rmb|cny', '', 'g'), '(万|w|亿)$')
                WHEN '亿' THEN 1e8
                WHEN '万' THEN 1e4
                WHEN 'w' THEN 1e4
                ELSE 1
            END
    END
);
