-- What import $import_id recorded about precedence (queries/ad_spend/precedence_log.sql), for the
-- summary. Grain: one row per account, channel, day and superseded layout. Parameters: $import_id.
SELECT
    account, channel, CAST(day AS VARCHAR) AS day, counted_layout AS counted, counted_spend,
    superseded_layout AS superseded, superseded_spend
FROM ad_precedence
WHERE import_id = $import_id
ORDER BY account, channel, day, superseded_layout;
