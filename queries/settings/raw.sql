-- One account's own settings row as stored (no defaults merged), for the Settings form.
-- Grain: one row or none. Parameters: $account.
SELECT gross_margin, refund_rate, target_roi, budget_cap, max_change, follower_value, min_roi, followers_before
FROM settings
WHERE account = $account;
