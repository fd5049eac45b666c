-- Save one account's pacing rules (or the defaults row, account = '*').
-- Parameters: $account, $min_window_min, $min_spend, $cooldown_min, $step_min, $step_max, $raise_margin.
INSERT INTO pacing_settings (account, min_window_min, min_spend, cooldown_min, step_min, step_max,
                             raise_margin, updated_at)
VALUES ($account, $min_window_min, $min_spend, $cooldown_min, $step_min, $step_max, $raise_margin,
        current_timestamp)
ON CONFLICT (account) DO UPDATE SET
    min_window_min = excluded.min_window_min,
    min_spend      = excluded.min_spend,
    cooldown_min   = excluded.cooldown_min,
    step_min       = excluded.step_min,
    step_max       = excluded.step_max,
    raise_margin   = excluded.raise_margin,
    updated_at     = excluded.updated_at;
