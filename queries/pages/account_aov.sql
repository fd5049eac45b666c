-- Settings page: an account's average order value over its history (all accounts for '*'), for the
-- suggested follower value. Grain: one row. Parameters: $account.
SELECT
    sum(gmv) / nullif(sum(buyers), 0) AS aov,
    count(*)                          AS sessions
FROM sessions
WHERE $account = '*' OR account = $account;
