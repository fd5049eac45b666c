-- liveroi_timestamp over a list of strings, in order (liveroi.importer.values.parse_timestamps).
-- Grain: one row holding one list. Parameters: $texts (list of strings).
SELECT list_transform($texts, v -> liveroi_timestamp(v)) AS parsed;
