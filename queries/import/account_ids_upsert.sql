-- Learn the account ids of file $file_idx: every (account id, account name) pair its ad rows give
-- (磁力金牛 账户ID + 账户名称). A later report renames an id's account. Grain: one row per account id.
-- Parameters: $file_idx.
INSERT INTO account_ids (account_id, account)
SELECT account_id, any_value(account)
FROM import_stage_ad
WHERE file_idx = $file_idx AND account_id IS NOT NULL AND account_id <> account
GROUP BY account_id
ON CONFLICT (account_id) DO UPDATE SET account = EXCLUDED.account;
