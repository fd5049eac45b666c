"""Strings of the brand budget: its reason (liveroi.advisor.brand), the CLI table and the matrix page."""

STRINGS: dict[str, dict[str, str]] = {
    # -- the reason (liveroi.advisor.brand.brand_reason) ------------------------------------------
    "brand.reason.head": {
        "zh": "品牌预算 {budget} 按边际收益分配：本号 {current} → {suggested}（{change}）。",
        "en": "Brand budget {budget}, split by marginal return: this account {current} → {suggested} ({change}).",
    },
    "brand.reason.below_floors": {
        "zh": "品牌预算低于单场调整幅度允许的最低总额 {floor}：每个渠道都降到允许的最低值（单场最多降 {step}），需多场逐步降到预算。",
        "en": "The brand budget is below the lowest total the step limits allow ({floor}): every channel goes to its lowest allowed value (at most −{step} a session); reaching the budget takes more sessions.",
    },
    "brand.reason.measuring": {
        "zh": "本号仍在测量中（{sessions} 场，满 {needed} 场前）：保留测试额度，最多 {allowance}（品牌预算的 {share} 由 {count} 个新号平分），不被已测准的账号挤掉。",
        "en": "This account is still being measured ({sessions} sessions, under {needed}): it keeps a test allowance of up to {allowance} ({share} of the brand budget shared by {count} new account(s)) instead of being outbid by better-measured accounts.",
    },
    "brand.reason.channel": {
        "zh": "{channel} 在 {to} 处边际ROI {mroi}（保本 {breakeven}），下一元利润 {profit}；全品牌最后一元的利润 {level}。",
        "en": "{channel} at {to}: marginal ROI {mroi} (break-even {breakeven}), the next yuan earns {profit} of profit; the brand's last yuan earns {level}.",
    },
    "brand.reason.channel_top": {
        "zh": "{channel} 已加到单场上限 {to}：边际ROI {mroi}（保本 {breakeven}），下一元利润 {profit}，仍高于全品牌最后一元的 {level}。",
        "en": "{channel} is raised the whole step, to {to}: marginal ROI {mroi} (break-even {breakeven}), its next yuan earns {profit}, more than the brand's last yuan ({level}).",
    },
    "brand.reason.held": {
        "zh": "{channels} 暂无可读的曲线，保持原投放。",
        "en": "{channels}: no curve to read yet, spend kept.",
    },
    # -- the CLI table (liveroi.commands.recommend_cmd) -------------------------------------------
    "brand.cli.bad_budget": {
        "zh": "品牌预算 --brand-budget 取值无效：{value}（须为 ≥ 0 的金额）",
        "en": "invalid --brand-budget: {value} (must be an amount ≥ 0)",
    },
    "brand.cli.bad_share": {
        "zh": "测试额度占比 --test-share 取值无效：{value}（须在 0 到 1 之间）",
        "en": "invalid --test-share: {value} (must lie between 0 and 1)",
    },
    "brand.cli.needs_all": {
        "zh": "--brand-budget 需与 --all-accounts 一起使用",
        "en": "--brand-budget needs --all-accounts",
    },
    "brand.cli.title": {
        "zh": "品牌预算 {budget}：分配 {allocated}（上一场合计 {current}），全品牌最后一元的利润 {level}",
        "en": "Brand budget {budget}: allocated {allocated} (last session's total {current}); the brand's last yuan earns {level} of profit",
    },
    "brand.cli.header": {
        "zh": "账号\t渠道\t当前\t建议\t变化\t边际ROI（分配后）\t保本ROI",
        "en": "account\tchannel\tcurrent\tsuggested\tchange\tmarginal ROI (allocated)\tbreak-even ROI",
    },
    "brand.cli.below_floors": {
        "zh": "预算低于单场调整幅度允许的最低总额 {floor}：每个渠道降到允许的最低值。",
        "en": "The budget is below the lowest total the step limits allow ({floor}): every channel at its lowest allowed value.",
    },
    "brand.cli.measuring": {"zh": "测量中", "en": "measuring"},
}
