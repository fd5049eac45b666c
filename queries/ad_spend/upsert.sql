-- Write the ad rows of file $file_idx by their key (account, channel, layout, ad object, period_start):
-- a later report of the same period replaces spend; a missing ad GMV keeps the stored one. session_id is
-- set by the attach step, superseded_by by the precedence step.
-- Grain: one row per ad row written. Parameters: $file_idx, $import_id.
INSERT INTO ad_spend (
    account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
    period_start, period_end, spend, ad_gmv, extras, import_id, grain
)
SELECT
    account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
    period_start, period_end, spend, ad_gmv, extras, $import_id, grain
FROM import_stage_ad
WHERE file_idx = $file_idx
ON CONFLICT (
    account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
    period_start
) DO UPDATE SET
    period_end = EXCLUDED.period_end,
    spend = EXCLUDED.spend,
    ad_gmv = coalesce(EXCLUDED.ad_gmv, ad_spend.ad_gmv),
    extras = coalesce(EXCLUDED.extras, ad_spend.extras),
    import_id = EXCLUDED.import_id,
    grain = EXCLUDED.grain;
