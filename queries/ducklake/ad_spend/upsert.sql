-- DuckLake version of ad_spend/upsert (no primary key, so MERGE INTO instead of ON CONFLICT): the ad rows
-- of file $file_idx by their key (account, channel, layout, ad object, period_start); a later report of
-- the same period replaces spend, a missing ad GMV or extras keeps the stored one. session_id is set by
-- the attach step, superseded_by by the precedence step.
-- Grain: one row per ad row written. Parameters: $file_idx, $import_id.
MERGE INTO ad_spend AS a
USING (
    SELECT
        account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
        period_start, period_end, spend, ad_gmv, extras, grain
    FROM import_stage_ad
    WHERE file_idx = $file_idx
) AS n
ON a.account = n.account AND a.channel = n.channel AND a.layout = n.layout
    AND a.plan = n.plan AND a.plan_id = n.plan_id AND a.unit = n.unit AND a.unit_id = n.unit_id
    AND a.creative = n.creative AND a.creative_id = n.creative_id
    AND a.material = n.material AND a.material_id = n.material_id
    AND a.period_start = n.period_start
WHEN MATCHED THEN UPDATE SET
    period_end = n.period_end,
    spend = n.spend,
    ad_gmv = coalesce(n.ad_gmv, a.ad_gmv),
    extras = coalesce(n.extras, a.extras),
    import_id = $import_id,
    grain = n.grain
WHEN NOT MATCHED THEN INSERT (
    account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
    period_start, period_end, spend, ad_gmv, extras, import_id, grain
) VALUES (
    n.account, n.channel, n.layout, n.plan, n.plan_id, n.unit, n.unit_id, n.creative, n.creative_id,
    n.material, n.material_id, n.period_start, n.period_end, n.spend, n.ad_gmv, n.extras, $import_id, n.grain
);
