-- The channel key of each channel/plan label of the current ad report (filled from Python by
-- liveroi.channels.channel_key). Grain: one row per label. No parameters.
CREATE OR REPLACE TEMP TABLE import_channel_keys (label VARCHAR, channel VARCHAR);
