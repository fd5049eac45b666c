-- Free the timeline parse tables once the file is staged. Grain: none. No parameters.
DROP TABLE IF EXISTS import_timeline_parsed;
DROP TABLE IF EXISTS import_timeline_channel_cells;
