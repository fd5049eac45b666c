"""Strings of the sample area (``python -m liveroi sample``) and of ``python -m liveroi export``."""

STRINGS: dict[str, dict[str, str]] = {
    "sample.loaded": {
        "zh": "已载入示例品牌：{accounts} 个账号、{sessions} 场直播 → {path}",
        "en": "Loaded the sample brand: {accounts} accounts, {sessions} sessions → {path}",
    },
    "sample.write_failed": {
        "zh": "无法写入示例导出文件到 {path}：{detail}",
        "en": "Cannot write the sample export files to {path}: {detail}",
    },
    "export.done": {
        "zh": "已导出 {rows} 场直播到 {path}",
        "en": "Exported {rows} sessions to {path}",
    },
    "export.unknown_account": {
        "zh": "数据库中没有这些账号：{names}",
        "en": "No such account in the database: {names}",
    },
    "export.bad_range": {
        "zh": "开始日期 {start} 晚于结束日期 {end}",
        "en": "The start date {start} is after the end date {end}",
    },
    "export.write_failed": {
        "zh": "无法写入 {path}：{detail}",
        "en": "Cannot write {path}: {detail}",
    },
}
