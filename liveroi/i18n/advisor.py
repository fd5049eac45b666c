"""Strings of the advisor area."""

STRINGS: dict[str, dict[str, str]] = {
    # -- the reason (liveroi.advisor.reason) --------------------------------------------------------
    "advisor.reason.move": {
        "zh": "{channel}：最后 {unit} 带来 {returned} 成交{followers}（边际ROI {mroi} {cmp} 保本 {breakeven}），建议{verb} {pct} 至 {to}。",
        "en": "{channel}: the last {unit} returned {returned} of GMV{followers} (marginal ROI {mroi} {cmp} break-even {breakeven}) — {verb} {pct} to {to}.",
    },
    "advisor.reason.followers": {"zh": "和 {count} 个新粉", "en": " and {count} new followers"},
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
        "zh": "涨粉价值未设置，按建议值 {value}/人计算（可在设置页修改）。",
        "en": "Follower value not set: the suggested {value} per follower is used (change it in Settings).",
    },
    "advisor.reason.no_channels": {
        "zh": "该账号没有付费投放记录，无可调整的消耗。",
        "en": "This account has no paid spend on record — nothing to adjust.",
    },
    # -- the CLI (liveroi.commands.recommend_cmd) ---------------------------------------------------
    "advisor.cli.no_account": {"zh": "找不到账号：{account}", "en": "no such account: {account}"},
    "advisor.cli.no_data": {
        "zh": "账号 {account} 没有场次数据",
        "en": "account {account} has no session data",
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
