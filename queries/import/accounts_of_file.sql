-- The accounts file $file_idx touches, whose ad spend must be re-attached after it lands (an ad row's
-- account that is a known account id counts as the account it names: its rows moved there).
-- Grain: one row per account. Parameters: $file_idx.
SELECT DISTINCT account FROM import_stage_sessions WHERE file_idx = $file_idx
UNION
SELECT DISTINCT coalesce(m.account, s.account) FROM import_stage_ad AS s
LEFT JOIN account_ids AS m ON m.account_id = s.account
WHERE s.file_idx = $file_idx;
