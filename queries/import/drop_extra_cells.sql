-- Free the temporary table import_extra_cells once the current file is staged. Grain: none. No parameters.
DROP TABLE IF EXISTS import_extra_cells;
