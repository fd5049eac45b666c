-- Save one account's settings (or the defaults row, account = '*'). NULL clears a value.
-- Parameters: $account, $gross_margin, $refund_rate, $target_roi, $budget_cap, $max_change,
--             $follower_value, $min_roi, $followers_before.
INSERT INTO settings (account, gross_margin, refund_rate, target_roi, budget_cap, max_change,
                      follower_value, min_roi, followers_before, updated_at)
VALUES ($account, $gross_margin, $refund_rate, $target_roi, $budget_cap, $max_change,
        $follower_value, $min_roi, $followers_before, current_timestamp)
ON CONFLICT (account) DO UPDATE SET
    gross_margin   = excluded.gross_margin,
    refund_rate    = excluded.refund_rate,
    target_roi     = excluded.target_roi,
    budget_cap     = excluded.budget_cap,
    max_change     = excluded.max_change,
    follower_value = excluded.follower_value,
    min_roi        = excluded.min_roi,
    followers_before = excluded.followers_before,
    updated_at     = excluded.updated_at;
