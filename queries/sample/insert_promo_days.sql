-- A promo calendar (双11, 618, 品牌日 …). Grain: one row per (day, name, account); account NULL = all.
-- Reads the registered frame sample_promo_days. No parameters.
INSERT INTO promo_days (day, name, account)
SELECT CAST(day AS DATE), name, account FROM sample_promo_days
