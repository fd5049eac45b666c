"""Strings of followers as an asset: the measured follower value, the cold-start advice, the
10万 milestone's stock and plan (liveroi.followers, liveroi.advisor.reason, the Settings, Advisor
and Trends pages)."""

STRINGS: dict[str, dict[str, str]] = {
    # -- the follower value (liveroi.followers.describe_value) ------------------------------------------
    "followers.value.measured": {
        "zh": "按该账号历史，一个新粉值 {value}（{low}–{high}），约留存 {sessions} 场",
        "en": "from this account's history a new follower is worth {value} ({low}–{high}) over about {sessions} sessions",
    },
    "followers.value.how.fans_gmv": {
        "zh": "粉丝每场人均成交 {per}，每场流失 {churn}，毛利 × (1 − 退款率) 后计",
        "en": "followers pay {per} each per session and {churn} leave per session; counted at margin after refunds",
    },
    "followers.value.how.organic": {
        "zh": "无粉丝成交数据：按粉丝存量每多一人整场成交多 {per}，每场流失 {churn}，毛利 × (1 − 退款率) 后计",
        "en": "no fans' GMV in the exports: each follower in stock adds {per} of session GMV, {churn} leave per session; counted at margin after refunds",
    },
    "followers.fans_apart": {
        "zh": "成交曲线按非粉丝成交（成交金额 − 粉丝成交金额）测算：粉丝成交来自粉丝存量，已计入粉丝价值，不重复算给投放",
        "en": "the GMV curves are read from GMV less fans' GMV: what followers pay comes from the follower stock and is already in the follower value, so it is not counted again for the spend",
    },
    "followers.value.default": {
        "zh": "历史还测不出粉丝价值（{why}），按默认值 {value}/人",
        "en": "the history cannot measure a follower's value yet ({why}); the stated default of {value} per follower is used",
    },
    "followers.why.few_sessions": {
        "zh": "有效场次少于 {minimum} 场",
        "en": "fewer than {minimum} usable sessions",
    },
    "followers.why.no_churn": {
        "zh": "导出没有粉丝总数或取关粉丝数，看不出粉丝留存",
        "en": "the exports carry neither the follower count nor unfollows, so retention is unknown",
    },
    "followers.why.no_stock": {
        "zh": "没有粉丝存量",
        "en": "no follower stock",
    },
    "followers.why.no_signal": {
        "zh": "整场成交不随粉丝存量上升",
        "en": "session GMV does not rise with the follower stock",
    },
    "followers.value.setting": {
        "zh": "使用你设置的粉丝价值 {value}/人；{measured}",
        "en": "Your follower value of {value} each is used; {measured}",
    },
    "followers.stock.followers_total": {
        "zh": "粉丝存量取自导出的粉丝总数",
        "en": "follower stock from the exports' follower count",
    },
    "followers.stock.cumulative": {
        "zh": "粉丝存量 = 首场之前的粉丝数 {before} + 累计涨粉 − 取关",
        "en": "follower stock = followers before the first imported session ({before}) + new − lost followers",
    },
    "followers.stock.cumulative_from_zero": {
        "zh": "粉丝存量按累计涨粉计（首场之前的粉丝数未设置，按 0）",
        "en": "follower stock counted from new followers only (followers before the first imported session not set: 0)",
    },
    # -- the advisor's reason (liveroi.advisor.reason) ---------------------------------------------------
    "advisor.reason.follower_value_measured": {
        "zh": "粉丝价值未设置：{measured}。",
        "en": "Follower value not set: {measured}.",
    },
    "advisor.reason.cold_start": {
        "zh": "{channel}：最后 {unit} 带来 {count} 个新粉，每个 {cost}；此账号一个粉丝值 {value}，{case}建议{verb} {pct} 至 {to}。",
        "en": "{channel}: the last {unit} brought {count} new followers, {cost} each; a follower is worth {value} here — {case}{verb} {pct} to {to}.",
    },
    "advisor.reason.followers_cost": {
        "zh": "最后 {unit} 带来 {count} 个新粉，每个 {cost}；此账号一个粉丝值 {value}",
        "en": "the last {unit} brought {count} new followers, {cost} each; a follower is worth {value} here",
    },
    "advisor.reason.cold_start_cut": {
        "zh": "{channel}：最后 {unit} 只带来 {count} 个新粉，每个 {cost}，高于一个粉丝的价值 {value}，成交也低于保本，{case}建议{verb} {pct} 至 {to}。",
        "en": "{channel}: the last {unit} brought only {count} new followers, {cost} each, more than a follower is worth here ({value}), and its GMV is below break-even — {case}{verb} {pct} to {to}.",
    },
    # -- settings (followers before the first imported session) ------------------------------------------
    "settings.followers_before": {
        "zh": "首场之前的粉丝数",
        "en": "Followers before the first imported session",
    },
    "settings.followers_before_help": {
        "zh": "导入的第一场之前账号已有的粉丝。导出没有粉丝总数时，10万 里程碑和粉丝价值用它加累计涨粉。",
        "en": "Followers the account already had before its first imported session. When the exports carry no follower count, the 100k milestone and the follower value add new followers to it.",
    },
    "settings.follower_value_measured": {
        "zh": "留空则使用测算值：{measured}。{how}。建议与投放建议都用它。",
        "en": "Leave empty to use the measured value: {measured}. {how}. The advisor uses it too.",
    },
    "settings.follower_value_fallback": {
        "zh": "留空则使用：{measured}。默认值 = {orders} 次复购 × 客单价 × 毛利率 × (1 − 退款率)。",
        "en": "Leave empty to use it: {measured}. The default = {orders} later orders × AOV × gross margin × (1 − refund rate).",
    },
    # -- Trends: milestone stock and plan (liveroi.followers) ---------------------------------------------
    "trends.stock.followers_total": {
        "zh": "粉丝数取自导出的粉丝总数。",
        "en": "Follower counts from the exports' follower count.",
    },
    "trends.stock.cumulative": {
        "zh": "导出没有粉丝总数：粉丝数 = 设置中的首场之前粉丝数 + 累计涨粉。",
        "en": "The exports carry no follower count: followers = the setting's followers before the first imported session + new followers since.",
    },
    "trends.stock.cumulative_from_zero": {
        "zh": "导出没有粉丝总数，首场之前的粉丝数也未设置：粉丝数按首场起的累计涨粉计，偏低（可在设置页填写）。",
        "en": "The exports carry no follower count and the followers before the first imported session are not set: counts start at 0 at the first imported session, too low (set it in Settings).",
    },
    "trends.plan_title": {"zh": "里程碑计划", "en": "Milestone plan"},
    "trends.plan_account": {"zh": "账号", "en": "Account"},
    "trends.plan_target": {"zh": "目标粉丝数", "en": "Target followers"},
    "trends.plan_date": {"zh": "目标日期", "en": "Target date"},
    "trends.plan_result": {
        "zh": "{channel}每天投 {daily}（边际涨粉成本升至每个 {marginal}），{target} 粉可在 {date} 达到：共需 {total}，约多涨 {extra} 粉。按每个新粉值 {value}，{payback}",
        "en": "{channel} at {daily} a day (the last follower costing {marginal}) reaches {target} followers by {date}: {total} in all for about {extra} more followers. At {value} a follower, {payback}",
    },
    "trends.plan_payback": {
        "zh": "约 {sessions} 场后回本。",
        "en": "it pays back after about {sessions} sessions.",
    },
    "trends.plan_no_payback": {
        "zh": "粉丝价值低于平均涨粉成本，不会回本。",
        "en": "a follower is worth less than it costs on average, so it does not pay back.",
    },
    "trends.plan_organic": {
        "zh": "不必加投：按目前的投放和增长趋势，{date} 前即可达到 {target}。",
        "en": "No extra spend needed: at the current spend the trend reaches {target} by {date}.",
    },
    "trends.plan_reached": {
        "zh": "{account} 已达到 {target} 粉。",
        "en": "{account} already has {target} followers.",
    },
    "trends.plan_out_of_reach": {
        "zh": "{date} 前达不到 {target}：按单场调整上限 ±{step}，{channel}到该日最多每天 {daily}，只能到约 {reach} 粉。",
        "en": "{target} is out of reach by {date}: within the ±{step} step limit {channel} can rise to {daily} a day by then, reaching about {reach} followers.",
    },
    "trends.plan_caption": {
        "zh": "按该账号拟合的涨粉曲线（投得越多，每个粉越贵），单场调整不超过 ±{step}；粉丝价值 {value}。",
        "en": "On the account's fitted follower curve (each follower costs more as spend rises), moving at most ±{step} a session; a follower valued at {value}.",
    },
    "trends.plan_no_curve": {
        "zh": "{account} 还没有可用的涨粉曲线（涨粉渠道消耗变化太少或历史太短），无法给出计划。",
        "en": "{account} has no usable follower curve yet (the follower channel's spend barely varied, or the history is short), so there is no plan.",
    },
}
