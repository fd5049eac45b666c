-- Settings page: empty the promo calendar before writing the edited one (same transaction).
-- No parameters.
DELETE FROM promo_days;
