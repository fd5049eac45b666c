-- The account ids file $file_idx names beside an account name. Grain: one row per id. Parameters: $file_idx.
SELECT DISTINCT account_id FROM import_stage_ad
WHERE file_idx = $file_idx AND account_id IS NOT NULL AND account_id <> account;
