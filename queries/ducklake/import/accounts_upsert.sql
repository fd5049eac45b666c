-- DuckLake version of import/accounts_upsert (no primary key, so no ON CONFLICT): the accounts file
-- $file_idx mentions that are not stored yet, by anti-join (writes are serialised, so never twice).
-- Grain: one row per new account. Parameters: $file_idx.
INSERT INTO accounts (account)
SELECT m.account
FROM (
    SELECT account FROM import_stage_sessions WHERE file_idx = $file_idx
    UNION
    SELECT account FROM import_stage_ad WHERE file_idx = $file_idx
) AS m
WHERE NOT EXISTS (SELECT 1 FROM accounts AS a WHERE a.account = m.account);
