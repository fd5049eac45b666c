"""Strings of the broadcast timeline: its import, the pacing rules and advice, the session page's
timeline and the replay."""

STRINGS: dict[str, dict[str, str]] = {
    # --- import ---
    "reject.bad_learning_status": {
        "zh": "学习期状态无法识别（应为 学习期 / 学习期结束 / 学习期失败）",
        "en": "unknown learning status (expected 学习期 / 学习期结束 / 学习期失败)",
    },
    "reject.duplicate_timeline_row": {
        "zh": "同一账号、对象和时间在文件中重复出现（以最后一行为准）",
        "en": "the same account, target and time appears again later in the file (the last row wins)",
    },
}
