-- The distinct channel labels of an ad-spend report (the channel column, else the plan name), for
-- liveroi.channels.channel_key to map in Python. Grain: one row per label. No parameters.
SELECT DISTINCT coalesce(liveroi_clean(channel), liveroi_clean(plan)) AS label
FROM import_rows
WHERE NOT _blank AND NOT _summary AND coalesce(liveroi_clean(channel), liveroi_clean(plan)) IS NOT NULL;
