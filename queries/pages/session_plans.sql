-- One session's ad-report rows per channel and plan (the hourly ad report; a row belongs to the session it
-- overlaps most, superseded reports left out), for the Sessions page's per-plan table.
-- Grain: one row per channel and plan. Parameters: $session_id.
SELECT channel, plan, round(sum(spend), 2) AS spend, round(sum(ad_gmv), 2) AS gmv
FROM ad_spend
WHERE session_id = $session_id AND superseded_by IS NULL
GROUP BY channel, plan
ORDER BY spend DESC, channel, plan;
