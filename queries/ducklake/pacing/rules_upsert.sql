-- DuckLake version of pacing/rules_upsert (MERGE INTO: no primary key): save one account's pacing rules
-- (or the defaults row, account = '*').
-- Parameters: $account, $min_window_min, $min_spend, $cooldown_min, $step_min, $step_max, $raise_margin.
MERGE INTO pacing_settings AS p
USING (
    SELECT CAST($account AS VARCHAR) AS account, CAST($min_window_min AS DOUBLE) AS min_window_min,
           CAST($min_spend AS DOUBLE) AS min_spend, CAST($cooldown_min AS DOUBLE) AS cooldown_min,
           CAST($step_min AS DOUBLE) AS step_min, CAST($step_max AS DOUBLE) AS step_max,
           CAST($raise_margin AS DOUBLE) AS raise_margin
) AS n
ON p.account = n.account
WHEN MATCHED THEN UPDATE SET
    min_window_min = n.min_window_min,
    min_spend      = n.min_spend,
    cooldown_min   = n.cooldown_min,
    step_min       = n.step_min,
    step_max       = n.step_max,
    raise_margin   = n.raise_margin,
    updated_at     = current_timestamp
WHEN NOT MATCHED THEN INSERT (account, min_window_min, min_spend, cooldown_min, step_min, step_max,
                              raise_margin, updated_at)
    VALUES (n.account, n.min_window_min, n.min_spend, n.cooldown_min, n.step_min, n.step_max,
            n.raise_margin, current_timestamp);
