-- The account ids file $file_idx concerns: those it names beside an account name (it teaches them), and
-- its accounts that are a known id (a report without an account column imported with `--account <id>`
-- in the same call as, and written after, the report that named the id). Their rows move to the name.
-- Grain: one row per id. Parameters: $file_idx.
SELECT DISTINCT account_id FROM import_stage_ad
WHERE file_idx = $file_idx AND account_id IS NOT NULL AND account_id <> account
UNION
SELECT DISTINCT s.account FROM import_stage_ad AS s
JOIN account_ids AS m ON m.account_id = s.account
WHERE s.file_idx = $file_idx;
