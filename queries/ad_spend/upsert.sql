-- Write the ad rows of file $file_idx by (account, channel, plan, period_start): a later report of the
-- same period replaces spend; a missing ad GMV keeps the stored one. session_id is set by the attach step.
-- Grain: one row per ad row written. Parameters: $file_idx, $import_id.
INSERT INTO ad_spend (account, channel, plan, period_start, period_end, spend, ad_gmv, import_id)
SELECT account, channel, plan, period_start, period_end, spend, ad_gmv, $import_id
FROM import_stage_ad
WHERE file_idx = $file_idx
ON CONFLICT (account, channel, plan, period_start) DO UPDATE SET
    period_end = EXCLUDED.period_end,
    spend = EXCLUDED.spend,
    ad_gmv = coalesce(EXCLUDED.ad_gmv, ad_spend.ad_gmv),
    import_id = EXCLUDED.import_id;
