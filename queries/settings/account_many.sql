-- Settings in force for several accounts at once (defaults merged, break-even derived).
-- Parameters: $accounts (VARCHAR[]; NULL = every known account).
-- Grain: one row per known account of $accounts (an unknown account has no row).
SELECT *
FROM account_settings
WHERE $accounts IS NULL OR account = ANY($accounts);
