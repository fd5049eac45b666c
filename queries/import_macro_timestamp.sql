-- Macro liveroi_timestamp(s): liveroi_timestamp_any(s) when it falls in 2000–2099, else NULL (a guard
-- against counts or ids misread as dates). Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_timestamp(s) AS (
    CASE WHEN year(liveroi_timestamp_any(s)) BETWEEN 2000 AND 2099 THEN liveroi_timestamp_any(s) END
);
