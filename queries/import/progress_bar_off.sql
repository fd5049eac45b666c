-- No progress bar on the importer's connections: DuckDB prints it on stdout for statements over ~2 s (a
-- 1M-row parse), where `python -m liveroi import` writes its JSON summary. Grain: none. No parameters.
SET enable_progress_bar = false;
