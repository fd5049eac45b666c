-- The data rows of a CSV below its header, every cell as text, into the temp table import_raw.
-- Grain: one row per non-blank CSV record, in file order (rowid = data ordinal). Parameters: $path,
-- $skip (lines up to and including the header), $delimiter, $columns (struct name → 'VARCHAR', one per
-- field), $max_line_size (bytes), $encoding ('utf-8' or 'gb18030'), $parallel.
CREATE OR REPLACE TEMP TABLE import_raw AS
SELECT *
FROM read_csv(
    $path,
    header = false,
    skip = $skip,
    delim = $delimiter,
    quote = '"',
    escape = '"',
    columns = $columns,
    auto_detect = false,
    null_padding = true,
    strict_mode = false,
    max_line_size = $max_line_size,
    encoding = $encoding,
    parallel = $parallel
);
