-- liveroi_timestamp_of_raw over a list of strings, in order (liveroi.importer.values.parse_timestamps).
-- Grain: one row holding one list. Parameters: $texts (list of strings).
SELECT list_transform($texts, v -> liveroi_timestamp_of_raw(v)) AS parsed;
