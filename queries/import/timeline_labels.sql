-- The distinct channel labels (渠道 / 推广工具 column) of a timeline file, for liveroi.channels.channel_key
-- to map in Python. Grain: one row per label. No parameters.
SELECT DISTINCT liveroi_clean(channel) AS label
FROM import_rows
WHERE NOT _blank AND NOT _summary AND liveroi_clean(channel) IS NOT NULL;
