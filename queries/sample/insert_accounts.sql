-- The sample brand's accounts. Grain: one row per account. Reads the registered frame sample_accounts.
INSERT INTO accounts (account, platform)
SELECT account, platform FROM sample_accounts
ON CONFLICT (account) DO UPDATE SET platform = excluded.platform
