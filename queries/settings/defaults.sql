-- The defaults row of the settings table merged with built-in defaults, for an account with no history.
-- Grain: one row. No parameters.
SELECT
    coalesce(gross_margin, 0.5) AS gross_margin,
    coalesce(refund_rate, 0)    AS refund_rate,
    target_roi,
    budget_cap,
    coalesce(max_change, 0.3)   AS max_change,
    follower_value,
    min_roi,
    CAST(NULL AS BIGINT)        AS followers_before  -- per account only
FROM settings
WHERE account = '*';
