-- The pacing rules in force for one account: its own row over the defaults row ('*'), NULL where neither
-- has a value (the code's defaults apply). Grain: one row. Parameters: $account.
SELECT
    coalesce(a.min_window_min, d.min_window_min) AS min_window_min,
    coalesce(a.min_spend, d.min_spend)           AS min_spend,
    coalesce(a.cooldown_min, d.cooldown_min)     AS cooldown_min,
    coalesce(a.step_min, d.step_min)             AS step_min,
    coalesce(a.step_max, d.step_max)             AS step_max,
    coalesce(a.raise_margin, d.raise_margin)     AS raise_margin
FROM (SELECT 1) AS one
LEFT JOIN pacing_settings AS d ON d.account = '*'
LEFT JOIN pacing_settings AS a ON a.account = $account;
