-- Macro liveroi_rate(s): a rate as a fraction: '12.3%' → 0.123; a number without '%' is taken as written
-- (0.123 stays 0.123). NULL when missing or unparseable. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_rate(s) AS (
    CASE
        WHEN regexp_matches(liveroi_clean(s), '[%％]$')
            THEN liveroi_number_of_clean(regexp_replace(liveroi_clean(s), '[%％]$', '')) / 100
        ELSE liveroi_number_of_raw(s)
    END
);
