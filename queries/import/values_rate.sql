-- liveroi_rate over a list of strings, in order (liveroi.importer.values.parse_rates).
-- Grain: one row holding one list. Parameters: $texts (list of strings).
SELECT list_transform($texts, v -> liveroi_rate(v)) AS parsed;
