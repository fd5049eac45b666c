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
    "import_page.kind.timeline": {"zh": "分时段数据", "en": "a broadcast timeline"},
    "import_page.layout.qianchuan_screen_buckets": {
        "zh": "千川 直播大屏 5 分钟时段",
        "en": "Qianchuan live-screen 5-minute buckets",
    },
    "import_page.layout.generic_timeline": {"zh": "通用分时段数据", "en": "generic timeline"},
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
    "pacing.error.min_window_min": {
        "zh": "最短观察时长不能为负数",
        "en": "The observation window must not be negative",
    },
    "pacing.error.min_spend": {
        "zh": "最低判断消耗不能为负数",
        "en": "The minimum spend must not be negative",
    },
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
    "pacing.cli.watch_failed": {
        "zh": "未能导入 {file}：{message}",
        "en": "could not import {file}: {message}",
    },
    "pacing.cli.watch_no_folder": {"zh": "文件夹不存在：{folder}", "en": "no such folder: {folder}"},
    # --- Sessions page: timeline ---
    "timeline.title": {"zh": "分时段走势与投放节奏", "en": "Across the broadcast: timeline and pacing"},
    "timeline.none": {
        "zh": "这一场没有分时段数据。导入直播大屏（5 分钟时段或累计）文件后，这里会显示整场走势和调整建议。",
        "en": "No timeline for this session. Import a 直播大屏 file (5-minute or cumulative) to see the broadcast and the pacing advice here.",
    },
    "timeline.advice_only": {
        "zh": "▼▲ 为节奏规则给出的建议（仅建议，liveroi 从不操作投放账户）；规则可在设置页调整。",
        "en": "▼▲ mark the pacing rules' advice (advice only: liveroi never touches an ad account); the rules are set on Settings.",
    },
    "timeline.replay_title": {
        "zh": "**复盘：规则会在何时怎样调整，实际又发生了什么**",
        "en": "**Replay: what the rules would have changed and when, beside what happened**",
    },
    "timeline.replay_none": {
        "zh": "按当前规则，这一场不需要任何调整。",
        "en": "Under the current rules this session needed no change.",
    },
    "timeline.targets_title": {"zh": "**分计划 / 渠道**", "en": "**Per plan or channel**"},
    "timeline.col.at": {"zh": "时间", "en": "Time"},
    "timeline.col.target": {"zh": "对象", "en": "Target"},
    "timeline.col.advice": {"zh": "规则建议", "en": "Rules' advice"},
    "timeline.col.actual": {"zh": "实际消耗变化", "en": "Actual spend change"},
    "timeline.col.actual_help": {
        "zh": "建议之后一个冷却期内的每分钟消耗，相对之前一个冷却期的变化。",
        "en": "Spend per minute over the cooldown after the advice, against the cooldown before it.",
    },
    "timeline.col.roi_after": {"zh": "之后 ROI", "en": "ROI after"},
    "timeline.col.reason": {"zh": "原因", "en": "Reason"},
    "timeline.col.learning": {"zh": "学习期", "en": "Learning"},
    "timeline.col.source": {"zh": "来源", "en": "Source"},
    "timeline.learning.learning": {"zh": "学习期", "en": "Learning"},
    "timeline.learning.learned": {"zh": "学习期结束", "en": "Learned"},
    "timeline.learning.failed": {"zh": "学习期失败", "en": "Failed"},
    "timeline.source.timeline": {"zh": "分时段文件", "en": "Timeline file"},
    "timeline.source.ad_report": {"zh": "投放报表", "en": "Ad report"},
    "chart.timeline": {"zh": "整场累计消耗、成交与 ROI", "en": "Cumulative spend, GMV and ROI"},
    "chart.cum_gmv": {"zh": "累计成交", "en": "Cumulative GMV"},
    "chart.cum_spend": {"zh": "累计消耗", "en": "Cumulative spend"},
    "chart.cum_roi": {"zh": "累计 ROI", "en": "Cumulative ROI"},
    "chart.online": {"zh": "在线人数", "en": "Online viewers"},
    "chart.new_followers_bucket": {"zh": "新增粉丝（每时段）", "en": "New followers per bucket"},
    # --- Settings page: pacing rules ---
    "pacing.settings.title": {"zh": "直播中投放节奏规则", "en": "Pacing rules during a broadcast"},
    "pacing.settings.caption": {
        "zh": "python -m liveroi pace 和场次页的分时段建议按这些规则判断（仅建议）。",
        "en": "python -m liveroi pace and the Sessions page's timeline advice follow these rules (advice only).",
    },
    "pacing.settings.min_window_min": {"zh": "最短观察（分钟）", "en": "Observation window (min)"},
    "pacing.settings.min_spend": {"zh": "判断前最低消耗（¥）", "en": "Minimum spend before judging (¥)"},
    "pacing.settings.cooldown_min": {
        "zh": "同一对象两次调整间隔（分钟）",
        "en": "Cooldown between changes (min)",
    },
    "pacing.settings.step_min": {"zh": "最小调整幅度（%）", "en": "Smallest step (%)"},
    "pacing.settings.step_max": {"zh": "最大调整幅度（%，≤ 30）", "en": "Largest step (%, ≤ 30)"},
    "pacing.settings.raise_margin": {
        "zh": "上调线：高于保本（%）",
        "en": "Raise when above break-even by (%)",
    },
    "pacing.settings.save": {"zh": "保存节奏规则", "en": "Save pacing rules"},
    "pacing.settings.saved": {"zh": "节奏规则已保存", "en": "Pacing rules saved"},
    "pacing.settings.learning_note": {
        "zh": "学习期内的计划从不建议下调。",
        "en": "A plan in its learning phase (学习期) is never advised to cut.",
    },
}
