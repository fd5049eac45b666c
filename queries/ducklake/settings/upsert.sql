-- DuckLake version of settings/upsert (MERGE INTO: no primary key): save one account's settings (or the
-- defaults row, account = '*'). NULL clears a value.
-- Parameters: $account, $gross_margin, $refund_rate, $target_roi, $budget_cap, $max_change,
--             $follower_value, $min_roi, $followers_before.
MERGE INTO settings AS s
USING (
    SELECT CAST($account AS VARCHAR) AS account, CAST($gross_margin AS DOUBLE) AS gross_margin,
           CAST($refund_rate AS DOUBLE) AS refund_rate, CAST($target_roi AS DOUBLE) AS target_roi,
           CAST($budget_cap AS DOUBLE) AS budget_cap, CAST($max_change AS DOUBLE) AS max_change,
           CAST($follower_value AS DOUBLE) AS follower_value, CAST($min_roi AS DOUBLE) AS min_roi,
           CAST($followers_before AS BIGINT) AS followers_before
) AS n
ON s.account = n.account
WHEN MATCHED THEN UPDATE SET
    gross_margin     = n.gross_margin,
    refund_rate      = n.refund_rate,
    target_roi       = n.target_roi,
    budget_cap       = n.budget_cap,
    max_change       = n.max_change,
    follower_value   = n.follower_value,
    min_roi          = n.min_roi,
    followers_before = n.followers_before,
    updated_at       = current_timestamp
WHEN NOT MATCHED THEN INSERT (account, gross_margin, refund_rate, target_roi, budget_cap, max_change,
                              follower_value, min_roi, followers_before, updated_at)
    VALUES (n.account, n.gross_margin, n.refund_rate, n.target_roi, n.budget_cap, n.max_change,
            n.follower_value, n.min_roi, n.followers_before, current_timestamp);
