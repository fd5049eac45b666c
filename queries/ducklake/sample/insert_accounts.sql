-- DuckLake version of sample/insert_accounts (MERGE INTO: no primary key). The sample brand's accounts.
-- Grain: one row per account. Reads the registered frame sample_accounts.
MERGE INTO accounts AS a
USING (SELECT account, platform FROM sample_accounts) AS n
ON a.account = n.account
WHEN MATCHED THEN UPDATE SET platform = n.platform
WHEN NOT MATCHED THEN INSERT (account, platform) VALUES (n.account, n.platform);
