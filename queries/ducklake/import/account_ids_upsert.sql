-- DuckLake version of import/account_ids_upsert (MERGE INTO: no primary key): learn the account ids of
-- file $file_idx, every (account id, account name) pair its ad rows give (磁力金牛 账户ID + 账户名称). A later
-- report renames an id's account. Grain: one row per account id. Parameters: $file_idx.
MERGE INTO account_ids AS i
USING (
    SELECT account_id, any_value(account) AS account
    FROM import_stage_ad
    WHERE file_idx = $file_idx AND account_id IS NOT NULL AND account_id <> account
    GROUP BY account_id
) AS n
ON i.account_id = n.account_id
WHEN MATCHED THEN UPDATE SET account = n.account
WHEN NOT MATCHED THEN INSERT (account_id, account) VALUES (n.account_id, n.account);
