-- liveroi_seconds_of_raw over a list of strings, in order (liveroi.importer.values.parse_seconds).
-- Grain: one row holding one list. Parameters: $texts (list of strings), $plain_unit_s (seconds per unit).
SELECT list_transform($texts, v -> liveroi_seconds_of_raw(v, $plain_unit_s)) AS parsed;
