-- Macro liveroi_in_range(ts): ts when it falls in 2000–2099, else NULL (a guard against counts or ids
-- misread as dates). Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_in_range(ts) AS (
    CASE WHEN ts >= TIMESTAMP '2000-01-01' AND ts < TIMESTAMP '2100-01-01' THEN ts END
);
