"""Strings of the importer: rejection reasons and the one-line messages for files that cannot be read."""

STRINGS: dict[str, dict[str, str]] = {
    # Why a row was rejected (stored in rejected_rows.reason_key; the text in rejected_rows.reason).
    "reject.bad_number": {"zh": "不是有效的数字", "en": "not a valid number"},
    "reject.bad_duration": {"zh": "不是有效的时长", "en": "not a valid duration"},
    "reject.bad_time": {"zh": "无法识别的时间", "en": "not a recognisable date/time"},
    "reject.missing_start": {"zh": "缺少开播时间", "en": "start time is missing"},
    "reject.missing_time": {"zh": "缺少时间", "en": "time is missing"},
    "reject.missing_account": {
        "zh": "缺少账号（可用 --account 指定）",
        "en": "account is missing (pass --account to set one)",
    },
    "reject.negative": {"zh": "不能为负数", "en": "must not be negative"},
    "reject.buyers_gt_viewers": {"zh": "成交人数大于观看人数", "en": "more buyers than viewers"},
    "reject.end_before_start": {"zh": "下播时间早于开播时间", "en": "ends before it starts"},
    "reject.too_many_cells": {
        "zh": "这一行的单元格比表头多（列可能错位），整行未导入",
        "en": "this row has more cells than the header has columns (they may be shifted); not imported",
    },
    "import.column.beyond_header": {"zh": "（表头之外）", "en": "(past the last header column)"},
    "reject.duplicate_session": {
        "zh": "同一文件中该直播ID重复出现，已保留最后一行",
        "en": "the same session appears again later in the file; the last row was kept",
    },
    "reject.duplicate_ad_row": {
        "zh": "同一文件中该账号/渠道/计划/时段重复出现，已保留最后一行",
        "en": "the same account/channel/plan/period appears again later in the file; the last row was kept",
    },
    # A file that cannot be read at all (ImportFileError.message): one line, nothing written.
    "import.error.not_found": {"zh": "文件不存在", "en": "no such file"},
    "import.error.unreadable": {"zh": "无法读取文件（{detail}）", "en": "cannot read the file ({detail})"},
    "import.error.empty": {"zh": "文件是空的", "en": "the file is empty"},
    "import.error.too_large": {
        "zh": "文件过大（{size} MB，上限 {limit} MB）",
        "en": "the file is too large ({size} MB, limit {limit} MB)",
    },
    "import.error.xlsx_too_large": {
        "zh": "XLSX 解压后过大（{size} MB，上限 {limit} MB），可能是压缩炸弹",
        "en": "the XLSX expands to {size} MB (limit {limit} MB); refusing a possible zip bomb",
    },
    "import.error.xlsx_ratio": {
        "zh": "XLSX 中有部分的压缩比达 {ratio} 倍（上限 {limit} 倍），可能是压缩炸弹",
        "en": "a part of the XLSX is compressed {ratio}× (limit {limit}×); refusing a possible zip bomb",
    },
    "import.error.xlsx_damaged": {
        "zh": "不是可读取的 XLSX 文件（已损坏或已加密？）",
        "en": "not a readable XLSX file (damaged or password-protected?)",
    },
    "import.error.xls_unsupported": {
        "zh": "不支持旧版 .xls 或加密的 Excel 文件，请另存为 .xlsx 或 CSV",
        "en": "old .xls or password-protected Excel files are not supported; save as .xlsx or CSV",
    },
    "import.error.binary": {
        "zh": "文件不是文本 CSV 也不是 XLSX（含二进制内容）",
        "en": "the file is neither a text CSV nor an XLSX (binary content)",
    },
    "import.error.mixed_encoding": {
        "zh": "文件混用了多种编码（部分为 UTF-8，部分为 GBK），请统一另存为 UTF-8 后再导入",
        "en": "the file mixes text encodings (some lines UTF-8, some GBK); save it again as UTF-8",
    },
    "import.error.sheet_not_found": {
        "zh": "找不到工作表“{sheet}”（现有：{sheets}）",
        "en": "no sheet named “{sheet}” (sheets: {sheets})",
    },
    "import.error.no_header": {
        "zh": "不是场次列表、投放报表或直播大屏快照：前 {rows} 行中找不到可识别的表头（至少需要 {min} 个已知列名，如 直播ID、账号、开播时间、成交金额；文件开头为：{found}）",
        "en": "not a session list, spend report or live-screen snapshot file: no recognisable header in the first {rows} rows (need at least {min} known column names such as 直播ID, 账号, 开播时间, 成交金额; the file starts with: {found})",
    },
    "import.error.layout_unsupported": {
        "zh": "识别为 {layout}，但这个版本还不能导入这种文件",
        "en": "recognised as {layout}, but this version cannot import that kind of file yet",
    },
    "import.error.no_file_date": {
        "zh": "识别为 {layout}：这种报表的日期只在文件名里（如 2026-07-09），但文件名没有日期",
        "en": "recognised as {layout}: this report's date is only in its file name (e.g. 2026-07-09), and the file name has none",
    },
    "import.error.no_start_column": {
        "zh": "场次数据缺少开播时间列（开播时间/直播开始时间）",
        "en": "the session export has no start-time column (开播时间 / 直播开始时间)",
    },
    "import.error.no_account_column": {
        "zh": "文件没有账号列，请用 --account 指定账号",
        "en": "the file has no account column: pass --account NAME",
    },
    "import.error.no_rows": {"zh": "表头下没有数据行", "en": "the header has no data rows below it"},
    "import.error.too_many_rows": {
        "zh": "行数过多（超过 {limit} 行）",
        "en": "too many rows (more than {limit})",
    },
    "import.error.too_many_columns": {
        "zh": "列数过多（{count} 列，上限 {limit} 列）",
        "en": "too many columns ({count}, limit {limit})",
    },
    "import.error.cell_too_long": {
        "zh": "单元格过长（超过 {limit} 个字符）",
        "en": "a cell is too long (more than {limit} characters)",
    },
    "import.error.line_too_long": {
        "zh": "某一行过长（超过 {limit} 字节），文件可能已损坏",
        "en": "a line is longer than {limit} bytes; the file may be damaged",
    },
    "import.error.failed": {
        "zh": "导入失败，未写入任何数据（{detail}）",
        "en": "the import failed and nothing was written ({detail})",
    },
}
