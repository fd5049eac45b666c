-- How the ad rows of file $file_idx will land in ad_spend: new, changed (spend, ad GMV or period end),
-- identical. Grain: one row. Parameters: $file_idx.
SELECT
    count(*) FILTER (WHERE o.account IS NULL) AS inserted,
    count(*) FILTER (WHERE o.account IS NOT NULL AND (
        o.spend IS DISTINCT FROM n.spend
        OR o.period_end IS DISTINCT FROM n.period_end
        OR coalesce(n.ad_gmv, o.ad_gmv) IS DISTINCT FROM o.ad_gmv
        OR coalesce(n.extras, o.extras) IS DISTINCT FROM o.extras
    )) AS updated,
    count(*) FILTER (WHERE o.account IS NOT NULL AND NOT (
        o.spend IS DISTINCT FROM n.spend
        OR o.period_end IS DISTINCT FROM n.period_end
        OR coalesce(n.ad_gmv, o.ad_gmv) IS DISTINCT FROM o.ad_gmv
        OR coalesce(n.extras, o.extras) IS DISTINCT FROM o.extras
    )) AS unchanged
FROM import_stage_ad AS n
LEFT JOIN ad_spend AS o USING (
    account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material, material_id,
    period_start
)
WHERE n.file_idx = $file_idx;
