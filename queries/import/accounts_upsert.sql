-- Register the accounts file $file_idx mentions (sessions or ad rows). Grain: one row per new account.
-- Parameters: $file_idx.
INSERT INTO accounts (account)
SELECT DISTINCT account FROM import_stage_sessions WHERE file_idx = $file_idx
UNION
SELECT DISTINCT account FROM import_stage_ad WHERE file_idx = $file_idx
ON CONFLICT (account) DO NOTHING;
