-- Before (re)writing a promo calendar: drop the same (day, name, account) rows so the load is idempotent.
-- Grain: rows of promo_days. Reads the registered frame sample_promo_days. No parameters.
DELETE FROM promo_days
WHERE EXISTS (
    SELECT 1
    FROM sample_promo_days AS p
    WHERE p.day = promo_days.day
      AND p.name = promo_days.name
      AND p.account IS NOT DISTINCT FROM promo_days.account
)
