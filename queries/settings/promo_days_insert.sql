-- Settings page: write the edited promo calendar from the frame registered as promo_days_input
-- (columns day, name, account). No parameters.
INSERT INTO promo_days (day, name, account)
SELECT CAST(day AS DATE), name, nullif(account, '')
FROM promo_days_input;
