-- Fill import_channel_keys from two parallel lists. Grain: one row per label.
-- Parameters: $labels, $channels (same length, same order).
INSERT INTO import_channel_keys
SELECT unnest($labels), unnest($channels);
