-- Stage the valid rows of import_ad_parsed for file $file_idx. Grain: one row per account, channel,
-- plan and period. Parameters: $file_idx.
INSERT INTO import_stage_ad
SELECT $file_idx, _row, account, channel, plan, period_start, period_end, coalesce(spend, 0), ad_gmv
FROM import_ad_parsed
WHERE len(errors) = 0;
