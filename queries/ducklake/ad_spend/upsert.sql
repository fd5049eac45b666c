-- DuckLake version of ad_spend/upsert (no primary key, so MERGE INTO instead of ON CONFLICT): the ad rows
-- of file $file_idx by (account, channel, plan, period_start); a later report of the same period
-- replaces spend, a missing ad GMV keeps the stored one. session_id is set by the attach step.
-- Grain: one row per ad row written. Parameters: $file_idx, $import_id.
MERGE INTO ad_spend AS a
USING (
    SELECT account, channel, plan, period_start, period_end, spend, ad_gmv
    FROM import_stage_ad
    WHERE file_idx = $file_idx
) AS n
ON a.account = n.account AND a.channel = n.channel AND a.plan = n.plan AND a.period_start = n.period_start
WHEN MATCHED THEN UPDATE SET
    period_end = n.period_end,
    spend = n.spend,
    ad_gmv = coalesce(n.ad_gmv, a.ad_gmv),
    import_id = $import_id
WHEN NOT MATCHED THEN INSERT (account, channel, plan, period_start, period_end, spend, ad_gmv, import_id)
    VALUES (n.account, n.channel, n.plan, n.period_start, n.period_end, n.spend, n.ad_gmv, $import_id);
