-- Stage the valid rows of import_ad_parsed for file $file_idx, with their extra figures
-- (import_ad_extras). Grain: one row per account, channel, ad object and period. Parameters: $file_idx, $layout (layout name), $grain (its precedence rank).
INSERT INTO import_stage_ad
SELECT
    $file_idx, _row, account, account_id, channel, $layout, $grain, plan, plan_id, unit, unit_id, creative,
    creative_id, material, material_id, period_start, period_end, coalesce(spend, 0), ad_gmv, extras
FROM import_ad_parsed
LEFT JOIN import_ad_extras USING (_row)
WHERE len(errors) = 0;
