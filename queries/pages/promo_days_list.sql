-- Settings page: the whole stored promo calendar, for editing.
-- Grain: one row per promo day. No parameters.
SELECT day, name, account
FROM promo_days
ORDER BY day, name, account;
