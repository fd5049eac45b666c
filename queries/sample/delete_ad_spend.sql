-- Before reloading the sample brand: drop the ad-report rows of the sample accounts.
-- Grain: rows of ad_spend. Parameters: $accounts (VARCHAR[]).
DELETE FROM ad_spend
WHERE list_contains(CAST($accounts AS VARCHAR[]), account)
