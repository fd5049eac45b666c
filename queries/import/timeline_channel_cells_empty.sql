-- import_timeline_channel_cells for a timeline file without <渠道>消耗 columns: no rows.
-- Grain: none. No parameters.
CREATE OR REPLACE TEMP TABLE import_timeline_channel_cells (
    _row BIGINT, spend_column VARCHAR, channel VARCHAR, spend_text VARCHAR, spend_clean VARCHAR,
    spend DOUBLE, error STRUCT(col VARCHAR, value VARCHAR, reason VARCHAR)
);
