-- How many promo days are stored at all (none → the charts use the built-in 618/双11/双12 calendar).
-- Grain: one row. No parameters.
SELECT count(*) AS promo_days FROM promo_days;
