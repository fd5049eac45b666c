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
    # --- pacing reasons ({roi}, {breakeven}, {spent}, {since}, {change} …) ---
    "pacing.reason.cut": {
        "zh": "{since} 以来 ROI {roi}，低于保本 {breakeven}（消耗 {spent}）：建议下调 {change}",
        "en": "ROI {roi} since {since}, below break-even {breakeven} ({spent} spent): cut {change}",
    },
    "pacing.reason.raise": {
        "zh": "{since} 以来 ROI {roi}，明显高于保本 {breakeven}（消耗 {spent}）：建议上调 {change}",
        "en": "ROI {roi} since {since}, well above break-even {breakeven} ({spent} spent): raise {change}",
    },
    "pacing.reason.cut_room": {
        "zh": "{since} 以来整场 ROI {roi}，低于保本 {breakeven}（本渠道消耗 {spent}；文件没有分渠道成交）：建议下调 {change}",
        "en": "Room ROI {roi} since {since}, below break-even {breakeven} ({spent} spent here; the file has no GMV per channel): cut {change}",
    },
    "pacing.reason.raise_room": {
        "zh": "{since} 以来整场 ROI {roi}，明显高于保本 {breakeven}（本渠道消耗 {spent}；文件没有分渠道成交）：建议上调 {change}",
        "en": "Room ROI {roi} since {since}, well above break-even {breakeven} ({spent} spent here; the file has no GMV per channel): raise {change}",
    },
    "pacing.reason.cooldown": {
        "zh": "冷却中：{since} 刚调整过，{next} 之前不再调整（{since} 以来 ROI {roi}）",
        "en": "Cooling down: changed at {since}, no further change before {next} (ROI {roi} since then)",
    },
    "pacing.reason.window": {
        "zh": "观察中：{since} 以来只观察了 {minutes} 分钟，满 {window} 分钟再判断（ROI {roi}）",
        "en": "Observing: {minutes} of {window} minutes since {since} (ROI {roi} so far)",
    },
    "pacing.reason.min_spend": {
        "zh": "消耗不足：{since} 以来消耗 {spent}，满 {min_spend} 再判断（ROI {roi}）",
        "en": "Too little spend to judge: {spent} since {since}, judged from {min_spend} (ROI {roi} so far)",
    },
    "pacing.reason.learning": {
        "zh": "学习期内不下调：ROI {roi} 低于保本 {breakeven}，等学习期结束再调整",
        "en": "In the learning phase, never cut: ROI {roi} is below break-even {breakeven}; adjust once learning ends",
    },
    "pacing.reason.in_band": {
        "zh": "保持：{since} 以来 ROI {roi}，不低于保本 {breakeven}，未到上调线 {raise_at}",
        "en": "Hold: ROI {roi} since {since}, not below break-even {breakeven} and under the raise line {raise_at}",
    },
    "pacing.reason.no_breakeven": {
        "zh": "无法判断：账号的保本 ROI 未知（请在设置页填写毛利率）",
        "en": "Cannot judge: the account's break-even ROI is unknown (set the gross margin on Settings)",
    },
    "pacing.reason.no_gmv": {
        "zh": "无法判断：没有成交金额（文件里既没有本对象也没有整场的成交）",
        "en": "Cannot judge: no GMV (the file has none for this target nor for the room)",
    },
    "pacing.target.room": {"zh": "整场", "en": "Whole room"},
    "pacing.action.cut": {"zh": "下调", "en": "Cut"},
    "pacing.action.raise": {"zh": "上调", "en": "Raise"},
    "pacing.action.hold": {"zh": "保持", "en": "Hold"},
    # --- pacing settings ---
    "pacing.error.min_window_min": {"zh": "最短观察时长不能为负数", "en": "The observation window must not be negative"},
    "pacing.error.min_spend": {"zh": "最低判断消耗不能为负数", "en": "The minimum spend must not be negative"},
    "pacing.error.cooldown_min": {"zh": "冷却时间不能为负数", "en": "The cooldown must not be negative"},
    "pacing.error.step_min": {
        "zh": "最小调整幅度应大于 0 且不超过最大调整幅度",
        "en": "The smallest step must be above 0 and at most the largest step",
    },
    "pacing.error.step_max": {
        "zh": "最大调整幅度应在 0 到 30% 之间",
        "en": "The largest step must be between 0 and 30 %",
    },
    "pacing.error.raise_margin": {"zh": "上调余量不能为负数", "en": "The raise margin must not be negative"},
    # --- CLI ---
    "pacing.cli.no_account": {"zh": "没有账号 {account} 的数据", "en": "no data for account {account}"},
    "pacing.cli.no_timeline": {
        "zh": "账号 {account} 没有分时段数据（先导入直播大屏或分时段文件）",
        "en": "account {account} has no timeline (import a 直播大屏 or per-bucket file first)",
    },
    "pacing.cli.title": {
        "zh": "{account} · 场次 {session} · 截至 {as_of}",
        "en": "{account} · session {session} · as of {as_of}",
    },
    "pacing.cli.live": {"zh": "直播中（尚无场次数据）", "en": "live (no session export yet)"},
    "pacing.cli.watch_imported": {"zh": "已导入 {file}", "en": "imported {file}"},
    "pacing.cli.watch_failed": {"zh": "未能导入 {file}：{message}", "en": "could not import {file}: {message}"},
    "pacing.cli.watch_no_folder": {"zh": "文件夹不存在：{folder}", "en": "no such folder: {folder}"},
}
