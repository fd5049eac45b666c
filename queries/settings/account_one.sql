-- Settings in force for one account (defaults merged, break-even derived).
-- Grain: one row, or none when the account is unknown. Parameters: $account.
SELECT *
FROM account_settings
WHERE account = $account;
