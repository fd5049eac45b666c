"""Strings of the advisor area."""

STRINGS: dict[str, dict[str, str]] = {
    # -- the reason (liveroi.advisor.reason) --------------------------------------------------------
    "advisor.reason.move": {
        "zh": "{channel}：最后 {unit} 带来 {returned} 成交{followers}（边际ROI {mroi} {cmp} 保本 {breakeven}），{case}建议{verb} {pct} 至 {to}。",
        "en": "{channel}: the last {unit} returned {returned} of GMV{followers} (marginal ROI {mroi} {cmp} break-even {breakeven}) — {case}{verb} {pct} to {to}.",
    },
    # which case the move is (liveroi.advisor.decide: caution applies to extrapolation, not interpolation)
    "advisor.reason.case.interpolate": {
        "zh": "已在 {low}–{high} 之间测过，",
        "en": "measured between {low} and {high}: ",
    },
    "advisor.reason.case.above": {
        "zh": "从未投到 {high} 以上，小步试探：",
        "en": "never tried above {high}, so a test: ",
    },
    "advisor.reason.case.below": {
        "zh": "从未低于 {low}，小步试探：",
        "en": "never tried below {low}, so a test: ",
    },
    "advisor.reason.followers": {"zh": "和 {count} 个新粉", "en": " and {count} new followers"},
    "advisor.reason.followers_pay": {
        "zh": "只看成交低于保本，但最后 {unit} 还带来 {count} 个新粉，按每个 {per} 计值 {value}，合计仍赚钱",
        "en": "below break-even on GMV alone, but the last {unit} also brought {count} new followers, worth "
        "{value} at {per} each, so it still pays",
    },
    "advisor.reason.other_item_followers": {
        "zh": "{channel} {change} 至 {to}（{why}）",
        "en": "{channel} {change} to {to} ({why})",
    },
    "advisor.reason.move_followers": {
        "zh": "{channel}：最后 {unit} 带来 {returned} 成交（边际ROI {mroi} < 保本 {breakeven}），{why}，{case}建议{verb} {pct} 至 {to}。",
        "en": "{channel}: the last {unit} returned {returned} of GMV (marginal ROI {mroi} < break-even {breakeven}); {why} — {case}{verb} {pct} to {to}.",
    },
    "advisor.verb.raise": {"zh": "增加", "en": "raise"},
    "advisor.verb.cut": {"zh": "减少", "en": "cut"},
    "advisor.reason.uncertain": {
        "zh": "{channel}：边际ROI {mroi}（80%区间 {low}–{high}）与保本 {breakeven} 的差距还不确定，建议维持 {to}。",
        "en": "{channel}: marginal ROI {mroi} (80 % interval {low}–{high}) is not clearly away from break-even {breakeven} — hold at {to}.",
    },
    "advisor.reason.optimum": {
        "zh": "{channel}：边际ROI {mroi} 已接近保本 {breakeven}，建议维持 {to}。",
        "en": "{channel}: marginal ROI {mroi} is already close to break-even {breakeven} — hold at {to}.",
    },
    "advisor.reason.flat": {
        "zh": "{channel}：历史消耗几乎没有变化，读不出响应曲线，维持 {to}。",
        "en": "{channel}: spend has barely varied, so its response curve cannot be read — hold at {to}.",
    },
    "advisor.reason.zero": {
        "zh": "{channel}：上一场未投放，维持 0。",
        "en": "{channel}: not used in the latest session — stays at 0.",
    },
    "advisor.reason.restart": {
        "zh": "{channel}：上一场未投放，曲线显示边际ROI {mroi} 高于保本 {breakeven}，建议小额测试 {to}。",
        "en": "{channel}: unused in the latest session, but its curve shows marginal ROI {mroi} above break-even {breakeven} — test {to}.",
    },
    "advisor.reason.thin": {
        "zh": "历史只有 {sessions} 场（少于 {minimum} 场），数据太少，维持当前消耗 {total}。",
        "en": "Only {sessions} sessions of history (fewer than {minimum}) — too thin to fit curves; hold the current spend of {total}.",
    },
    "advisor.reason.others": {"zh": "其他：{items}。", "en": "Others: {items}."},
    "advisor.reason.other_item": {"zh": "{channel} {change} 至 {to}", "en": "{channel} {change} to {to}"},
    "advisor.reason.other_hold": {"zh": "{channel} 维持 {to}", "en": "{channel} held at {to}"},
    "advisor.reason.cap": {
        "zh": "总消耗受预算上限 {cap} 限制。",
        "en": "The total is held to the budget cap of {cap}.",
    },
    "advisor.reason.cap_unreachable": {
        "zh": "预算上限 {cap} 低于单场调整幅度允许的最低值，需多场逐步降到上限。",
        "en": "The budget cap of {cap} is below what one step may cut to; it takes several sessions to get there.",
    },
    "advisor.reason.min_roi": {
        "zh": "受最低ROI {min_roi} 限制。",
        "en": "Limited by the minimum ROI of {min_roi}.",
    },
    "advisor.reason.follower_value": {
        "zh": "涨粉价值未设置，历史还测不出（{why}）：按建议值 {value}/人计算（可在设置页修改）。",
        "en": "Follower value not set and not measurable yet ({why}): the suggested {value} per follower is used (change it in Settings).",
    },
    "advisor.reason.no_channels": {
        "zh": "该账号没有付费投放记录，无可调整的消耗。",
        "en": "This account has no paid spend on record — nothing to adjust.",
    },
    # -- the page 投放建议 (pages/advisor.py, liveroi.ui.advisor_view) ----------------------------------
    "advisor.page.question": {
        "zh": "下一场每个渠道该投多少？看最后一块钱的回报（边际ROI），而不是整场ROI。",
        "en": "How much should each channel get next session? Judged by what the last yuan returns (marginal ROI), not the whole-room ROI.",
    },
    "advisor.page.account": {"zh": "账号", "en": "Account"},
    "advisor.page.account_help": {
        "zh": "建议按账号给出；默认是侧边栏选中的第一个账号。",
        "en": "The advice is per account; defaults to the first account selected in the sidebar.",
    },
    "advisor.page.based_on": {
        "zh": "基于该账号全部 {sessions} 场直播（{first} 至 {last}）；侧边栏的日期范围不影响建议：曲线需要完整历史。",
        "en": "Based on all {sessions} sessions of this account ({first} to {last}); the sidebar's date range does not apply: the curves need the whole history.",
    },
    "advisor.page.settings_line": {
        "zh": "生效设置：毛利率 {margin} · 退款率 {refund} · 保本ROI {breakeven} · 单场最大调整 ±{max_change} · 日预算上限 {cap} · 粉丝价值 {follower} · 最低ROI {min_roi}",
        "en": "Settings in force: gross margin {margin} · refund rate {refund} · break-even ROI {breakeven} · max change ±{max_change} · budget cap {cap} · follower value {follower} · minimum ROI {min_roi}",
    },
    "advisor.page.none": {"zh": "未设置", "en": "none"},
    "advisor.page.suggested_value": {"zh": "{value}（建议值）", "en": "{value} (suggested)"},
    "advisor.page.settings_link": {"zh": "修改设置", "en": "Change the settings"},
    "advisor.page.no_account": {
        "zh": "找不到账号 {account}。",
        "en": "No account named {account}.",
    },
    "advisor.page.no_data": {
        "zh": "账号 {account} 还没有场次数据，导入直播数据后即可给出建议。",
        "en": "Account {account} has no sessions yet; import its broadcasts to get advice.",
    },
    "advisor.page.settings_error": {
        "zh": "该账号的设置无效，无法计算建议：{detail}",
        "en": "This account's settings are invalid, so no advice can be computed: {detail}",
    },
    "advisor.page.suggestion_title": {"zh": "下一场建议", "en": "Next session"},
    "advisor.page.suggested_total": {"zh": "建议总消耗", "en": "Suggested spend"},
    "advisor.page.last_total": {"zh": "上一场 {value}", "en": "Last session {value}"},
    "advisor.page.expected_gmv": {"zh": "预计成交", "en": "Expected GMV"},
    "advisor.page.gmv_interval": {"zh": "80%区间 {low}–{high}", "en": "80 % interval {low}–{high}"},
    "advisor.page.expected_roi": {"zh": "预计整体ROI", "en": "Expected ROI"},
    "advisor.page.expected_profit": {"zh": "预计利润", "en": "Expected profit"},
    "advisor.page.profit_help": {
        "zh": "利润 = 毛利率 ×（成交 − 退款）+ 粉丝价值 × 涨粉 − 消耗。变化为相对维持上一场消耗的预计利润。",
        "en": "Profit = gross margin × (GMV − refunds) + follower value × new followers − spend. The change is against repeating the last session's spend.",
    },
    "advisor.page.vs_hold": {"zh": "较维持", "en": "vs holding"},
    "advisor.page.expected_followers": {"zh": "预计涨粉", "en": "Expected new followers"},
    "advisor.page.col.current": {"zh": "上一场消耗", "en": "Last session"},
    "advisor.page.col.suggested": {"zh": "建议消耗", "en": "Suggested"},
    "advisor.page.col.change": {"zh": "变化", "en": "Change"},
    "advisor.page.col.marginal_roi": {"zh": "边际ROI（当前）", "en": "Marginal ROI (now)"},
    "advisor.page.col.interval": {"zh": "80%区间", "en": "80 % interval"},
    "advisor.page.col.vs_breakeven": {"zh": "对比保本 {breakeven}", "en": "vs break-even {breakeven}"},
    "advisor.page.col.status": {"zh": "状态", "en": "Status"},
    "advisor.page.vs.above": {"zh": "高于保本", "en": "above"},
    "advisor.page.vs.below": {"zh": "低于保本", "en": "below"},
    "advisor.page.vs.unclear": {"zh": "不确定", "en": "unclear"},
    "advisor.page.status.raise": {"zh": "增加", "en": "raise"},
    "advisor.page.status.cut": {"zh": "减少", "en": "cut"},
    "advisor.page.status.hold": {"zh": "维持", "en": "hold"},
    "advisor.page.status.thin": {"zh": "维持：历史太少", "en": "held: history too thin"},
    "advisor.page.status.flat": {"zh": "维持：消耗几乎没变过", "en": "held: spend never varied"},
    "advisor.page.status.zero": {"zh": "上一场未投放", "en": "not used last session"},
    "advisor.page.curves_title": {"zh": "各渠道响应曲线", "en": "Response curves by channel"},
    "advisor.page.curves_caption": {
        "zh": "曲线：该渠道消耗变化时的预计整场成交（其他渠道按建议值），阴影为80%区间。点：历史场次的该渠道消耗与整场成交——整场成交还包含其他渠道、自然流量、星期和大促的影响，所以点会散布在曲线周围。右图：边际ROI（再投1元带来的成交），低于保本线的部分亏钱。",
        "en": "Curve: expected session GMV as this channel's spend varies (the other channels at their suggested spend), shaded: 80 % band. Points: past sessions, this channel's spend against the whole session's GMV, which also carries the other channels, organic traffic, weekday and promo effects — so they scatter around the curve. Right: marginal ROI (GMV of the next yuan); below the break-even line, extra spend loses money.",
    },
    "advisor.page.no_curve": {
        "zh": "{channel}没有拟合曲线（{why}）。",
        "en": "{channel} has no fitted curve ({why}).",
    },
    "advisor.page.chart_response": {"zh": "{channel}：整场成交响应", "en": "{channel}: session GMV response"},
    "advisor.page.chart_marginal": {"zh": "{channel}：边际ROI", "en": "{channel}: marginal ROI"},
    "advisor.page.chart_sessions": {"zh": "历史场次", "en": "Past sessions"},
    "advisor.page.chart_promo_sessions": {"zh": "大促场次", "en": "Promo-day sessions"},
    "advisor.page.chart_band": {"zh": "80%区间", "en": "80 % band"},
    "advisor.page.chart_expected_gmv": {"zh": "预计整场成交", "en": "Expected session GMV"},
    "advisor.page.chart_spend_axis": {"zh": "{channel}消耗", "en": "{channel} spend"},
    "advisor.page.chart_gmv_axis": {"zh": "整场成交金额", "en": "Session GMV"},
    "advisor.page.chart_current": {"zh": "上一场", "en": "Last"},
    "advisor.page.chart_suggested": {"zh": "建议", "en": "Suggested"},
    "advisor.page.chart_backtest": {"zh": "回测：累计预计利润", "en": "Backtest: cumulative expected profit"},
    "advisor.page.chart_cumulative_profit": {"zh": "累计利润", "en": "Cumulative profit"},
    "advisor.page.policy.advisor": {"zh": "按建议投放", "en": "Follow the advisor"},
    "advisor.page.policy.hold": {"zh": "维持消耗", "en": "Hold spend"},
    "advisor.page.policy.rule": {"zh": "±20%规则（看昨日ROI）", "en": "±20 % rule (on last ROI)"},
    "advisor.page.whatif_title": {"zh": "假如这样投", "en": "What if"},
    "advisor.page.whatif_caption": {
        "zh": "拖动滑块查看预计结果（沿用已拟合的曲线，不重新计算）。",
        "en": "Move the sliders to see the expected outcome (read off the fitted curves, no refit).",
    },
    "advisor.page.whatif_slider": {"zh": "{channel}消耗", "en": "{channel} spend"},
    "advisor.page.whatif_held_help": {
        "zh": "该渠道没有拟合曲线，改变消耗只改变成本。",
        "en": "This channel has no fitted curve: changing its spend changes only the cost.",
    },
    "advisor.page.whatif_reset": {"zh": "恢复建议值", "en": "Back to the suggestion"},
    "advisor.page.whatif_total": {"zh": "总消耗", "en": "Total spend"},
    "advisor.page.whatif_vs_suggested": {"zh": "较建议", "en": "vs suggested"},
    "advisor.page.whatif_thin": {
        "zh": "历史太少，还没有曲线可供模拟。",
        "en": "The history is too thin for curves to simulate with.",
    },
    "advisor.page.backtest_title": {
        "zh": "回测：如果过去按建议投放",
        "en": "Backtest: had you followed the advisor",
    },
    "advisor.page.backtest_summary": {
        "zh": "重放 {start} 至 {end} 的 {sessions} 场：按建议投放预计累计利润 {advisor}，与维持消耗相比 {vs_hold}，与±20%规则相比 {vs_rule}。",
        "en": "Replaying {sessions} sessions from {start} to {end}: following the advisor earns {advisor} of expected profit, {vs_hold} against holding spend and {vs_rule} against the ±20 % rule.",
    },
    "advisor.page.backtest_caption": {
        "zh": "每场只用此前的场次给出建议（维持、±20%规则同样），再用全部历史拟合的曲线估算该场利润——是模型估计，不是实际结果。",
        "en": "For each session, every policy sees only the sessions before it; each proposal is then scored with the curves fitted on the whole history — a model estimate, not an observed outcome.",
    },
    "advisor.page.backtest_too_short": {
        "zh": "历史只有 {sessions} 场；回测从第 {first} 场之后逐场重放，场次积累更多后再看。",
        "en": "Only {sessions} sessions of history; the backtest replays sessions after the first {first}, so it needs more history.",
    },
    "advisor.page.backtest_prompt": {
        "zh": "把最近 {sessions} 场逐场重放：每场只用此前的数据给出建议，比较按建议投放、维持消耗和±20%规则的利润（需要几秒）。",
        "en": "Replays the latest {sessions} sessions one by one — each advised from the sessions before it only — and compares the profit of following the advisor, holding spend and the ±20 % rule (takes a few seconds).",
    },
    "advisor.page.backtest_run": {"zh": "开始回测", "en": "Run the backtest"},
    "advisor.page.backtest_none": {
        "zh": "没有可重放的场次。",
        "en": "There are no sessions to replay.",
    },
    "advisor.page.backtest_running": {"zh": "正在回测…", "en": "Running the backtest…"},
    # -- the CLI (liveroi.commands.recommend_cmd) ---------------------------------------------------
    "advisor.cli.no_account": {"zh": "找不到账号：{account}", "en": "no such account: {account}"},
    "advisor.cli.no_data": {
        "zh": "账号 {account} 没有场次数据",
        "en": "account {account} has no session data",
    },
    "advisor.cli.no_data_any": {
        "zh": "数据库里没有任何账号的场次数据",
        "en": "no account in the database has session data",
    },
    "advisor.cli.title": {
        "zh": "{account} 下一场投放建议（基于 {sessions} 场）",
        "en": "Next session's spend for {account} (from {sessions} sessions)",
    },
    "advisor.cli.channel_line": {
        "zh": "  {channel}：{current} → {suggested}（{change}，边际ROI {mroi}）",
        "en": "  {channel}: {current} → {suggested} ({change}, marginal ROI {mroi})",
    },
    "advisor.cli.total_line": {
        "zh": "  合计：{current} → {suggested}",
        "en": "  Total: {current} → {suggested}",
    },
    "advisor.cli.expected_line": {
        "zh": "预计成交 {gmv}（80%区间 {low}–{high}），ROI {roi}，利润 {profit}，涨粉 {followers}；保本ROI {breakeven}",
        "en": "Expected GMV {gmv} (80 % interval {low}–{high}), ROI {roi}, profit {profit}, new followers {followers}; break-even ROI {breakeven}",
    },
    "advisor.cli.bad_override": {
        "zh": "参数 --{flag} 取值无效：{value}",
        "en": "invalid value for --{flag}: {value}",
    },
}
