-- The data rows of a CSV below its header into the temp table import_raw: every cell as text (the text
-- reading), or the number and time columns typed (the typed reading: readers.load_raw_typed).
-- Grain: one row per non-blank CSV record, in file order (rowid = data ordinal). Parameters: $path,
-- $skip (lines up to and including the header), $delimiter, $columns (struct name → type, 'VARCHAR' or
-- for a typed reading 'DOUBLE'/'TIMESTAMP', one per field), $max_line_size (bytes), $encoding ('utf-8'
-- or 'gb18030'), $parallel, $timestampformat (the one format a TIMESTAMP column accepts).
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
    parallel = $parallel,
    timestampformat = $timestampformat
);
