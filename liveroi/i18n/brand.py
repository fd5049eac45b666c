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
        "zh": "{channel} 在 {to} 处边际ROI {mroi}（保本 {breakeven}），下一元平均利润 {profit}，存疑从宽计 {counted}，与全品牌最后一元持平。",
        "en": "{channel} at {to}: marginal ROI {mroi} (break-even {breakeven}); its next yuan earns {profit} on average, {counted} with the benefit of the doubt — the same as the brand's last yuan.",
    },
    "brand.reason.channel_free": {
        "zh": "{channel} 在 {to} 处边际ROI {mroi}（保本 {breakeven}），再多一元即使存疑从宽也不赚钱了。",
        "en": "{channel} at {to}: marginal ROI {mroi} (break-even {breakeven}), where one more yuan stops paying, even with the benefit of the doubt.",
    },
    "brand.reason.channel_top": {
        "zh": "{channel} 已加满单场调整幅度，至 {to}：边际ROI {mroi}（保本 {breakeven}），下一元平均仍赚 {profit}（存疑从宽计 {counted}）{level}。",
        "en": "{channel} is raised the whole step, to {to}: marginal ROI {mroi} (break-even {breakeven}), its next yuan would still earn {profit} on average ({counted} with the benefit of the doubt){level}.",
    },
    "brand.reason.channel_floor": {
        "zh": "{channel} 已减满单场调整幅度，至 {to}：边际ROI {mroi}（保本 {breakeven}），下一元平均只赚 {profit}（存疑从宽计 {counted}）{level}。",
        "en": "{channel} is cut the whole step, to {to}: marginal ROI {mroi} (break-even {breakeven}), its next yuan earns only {profit} on average ({counted} with the benefit of the doubt){level}.",
    },
    "brand.reason.level": {
        "zh": "（全品牌最后一元计 {level}）",
        "en": " (the brand's last yuan counts {level})",
    },
    "brand.reason.unspent": {
        "zh": "预算未用完：每一元（存疑从宽计）能赚钱的投放都已安排，剩余 {left} 不投。",
        "en": "The budget is not all needed: every yuan that earns more than it costs (with the benefit of the doubt) is placed, {left} stays unspent.",
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
        "zh": "品牌预算 {budget}：分配 {allocated}（上一场合计 {current}），全品牌最后一元的利润存疑从宽计 {level}",
        "en": "Brand budget {budget}: allocated {allocated} (last session's total {current}); the brand's last yuan counts {level} of profit with the benefit of the doubt",
    },
    "brand.cli.title_unspent": {
        "zh": "品牌预算 {budget}：分配 {allocated}（上一场合计 {current}），预算未用完——每一元（存疑从宽计）能赚钱的投放都已安排",
        "en": "Brand budget {budget}: allocated {allocated} (last session's total {current}); not all needed — every yuan that earns more than it costs, with the benefit of the doubt, is placed",
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
    # -- the Account matrix page (liveroi.ui.brand_view) ------------------------------------------
    "brand.page.title": {"zh": "品牌预算分配", "en": "One brand budget"},
    "brand.page.budget": {"zh": "下一场品牌总预算（元）", "en": "Brand budget for the next session (CNY)"},
    "brand.page.budget_help": {
        "zh": "按每个账号、每个渠道下一元的边际利润分配，不超过预算，并遵守各账号的单场调整幅度、预算上限、最低ROI。默认：所选账号上一场合计 {default}。",
        "en": "Split by the marginal profit of each account's and channel's next yuan, never above the budget, within each account's step limit, budget cap and minimum ROI. Default: the selected accounts' last sessions, {default} in total.",
    },
    "brand.page.test_share": {"zh": "新号测试额度（%）", "en": "Test allowance for new accounts (%)"},
    "brand.page.test_share_help": {
        "zh": "仍在测量中的账号（场次不足）平分这部分预算，不被已测准的账号挤掉。默认取设置页的品牌设置（当前 {stored}）；此处修改只影响本次查看。",
        "en": "Accounts still being measured (few sessions) share this part of the budget instead of being outbid by better-measured accounts. Default: the brand setting on the Settings page (now {stored}); a change here is for this view only.",
    },
    # -- the Settings page's brand section (liveroi.ui.brand_settings_view) ------------------------
    "brand.settings.title": {"zh": "品牌设置", "en": "Brand settings"},
    "brand.settings.caption": {
        "zh": "整个品牌（所有账号）共用的设置。品牌预算分配（账号矩阵页、recommend --brand-budget）在未另行指定时使用这里的值。",
        "en": "Settings of the whole brand, every account together. The brand budget split (Account matrix page, recommend --brand-budget) uses them unless told otherwise.",
    },
    "brand.settings.test_share": {
        "zh": "新号测试额度（占品牌预算的 %）",
        "en": "Test allowance for new accounts (% of the brand budget)",
    },
    "brand.settings.test_share_help": {
        "zh": "场次不足、仍在测量中的账号平分品牌预算的这一比例，不被已测准的账号挤掉。须在 0 到 100 之间；内置默认 {default}。",
        "en": "Accounts still being measured (few sessions) share this part of the brand budget instead of being outbid by better-measured accounts. Between 0 and 100; built-in default {default}.",
    },
    "brand.settings.inherited": {
        "zh": "尚未保存：使用内置默认 {default}。",
        "en": "Not saved yet: the built-in default {default} applies.",
    },
    "brand.settings.save": {"zh": "保存品牌设置", "en": "Save brand settings"},
    "brand.settings.saved": {"zh": "品牌设置已保存", "en": "Brand settings saved"},
    "brand.settings.error.test_share": {
        "zh": "新号测试额度须在 0% 到 100% 之间",
        "en": "The test allowance must lie between 0 % and 100 %",
    },
    "brand.page.summary": {
        "zh": "预算 {budget}，已分配 {allocated}（上一场合计 {current}）。全品牌最后一元的利润计 {level}：每个账号的下一元都在这条线上或受护栏限制。{doubt}",
        "en": "Budget {budget}, allocated {allocated} (last sessions: {current}). The brand's last yuan counts {level} of profit: every account's next yuan sits at that level or against a guardrail. {doubt}",
    },
    "brand.page.summary_unspent": {
        "zh": "预算 {budget}，已分配 {allocated}（上一场合计 {current}）。预算未用完：每一元能赚钱的投放都已安排。{doubt}",
        "en": "Budget {budget}, allocated {allocated} (last sessions: {current}). Not all needed: every yuan that earns more than it costs is placed. {doubt}",
    },
    "brand.page.doubt": {
        "zh": "每一元的利润按平均值加 {z} 倍标准差计（存疑从宽）：回报还没测准的账号会被试投，而不是停在平均值说的位置；平均值见原因列，区间见边际ROI列。",
        "en": "Each yuan's profit counts its average plus {z} standard deviations (the benefit of the doubt): an account whose return is not yet measured well is tried, not held where its average says; the averages are in the Why column, the bands in the marginal ROI column.",
    },
    "brand.page.current": {"zh": "上一场", "en": "Last session"},
    "brand.page.suggested": {"zh": "建议", "en": "Suggested"},
    "brand.page.change": {"zh": "变化", "en": "Change"},
    "brand.page.channel": {"zh": "渠道", "en": "Channel"},
    "brand.page.marginal_roi": {
        "zh": "边际ROI（上一场投放处，80%区间）",
        "en": "Marginal ROI at last spend (80 % band)",
    },
    "brand.page.marginal_roi_allocated": {"zh": "边际ROI（分配后）", "en": "Marginal ROI (allocated)"},
    "brand.page.interval": {"zh": "{mroi}（{low}–{high}）", "en": "{mroi} ({low}–{high})"},
    "brand.page.verdict": {"zh": "对比保本", "en": "Against break-even"},
    "brand.page.verdict.above": {"zh": "高于保本", "en": "above break-even"},
    "brand.page.verdict.below": {"zh": "低于保本", "en": "below break-even"},
    "brand.page.verdict.uncertain": {"zh": "区间跨保本", "en": "band spans break-even"},
    "brand.page.verdict.none": {"zh": "暂无曲线", "en": "no curve yet"},
    "brand.page.reason": {"zh": "原因", "en": "Why"},
    "brand.page.channels": {"zh": "按渠道查看分配", "en": "The split per channel"},
    "brand.page.chart_metric": {"zh": "纵轴", "en": "Y-axis"},
    "chart.matrix_scatter_marginal": {
        "zh": "消耗 vs 边际ROI（上一场投放处，竖线为80%区间；气泡大小 = 成交金额）",
        "en": "Spend vs marginal ROI (at the last session's spend, bars: 80 % band; bubble size = GMV)",
    },
    "brand.page.callout": {
        "zh": "下一元回报最高的账号：{accounts}。按边际收益（不是平均ROI）优先加预算，加多少见下方品牌预算分配。",
        "en": "The next yuan returns most on: {accounts}. Ranked by marginal return, not average ROI; how much each gets is in the brand budget below.",
    },
    "brand.page.callout_item": {
        "zh": "{account}（边际ROI {mroi}，保本 {breakeven}）",
        "en": "{account} (marginal ROI {mroi}, break-even {breakeven})",
    },
    "brand.page.callout_none": {
        "zh": "没有账号的下一元还能赚钱：按边际收益，所有账号都已投到或超过最优点。",
        "en": "No account's next yuan earns more than it costs: by marginal return every account is at or past its optimum.",
    },
    "brand.page.losing": {
        "zh": "{count} 个账号的下一元亏钱（边际利润 < 0）。",
        "en": "{count} account(s) lose money on their next yuan (marginal profit < 0).",
    },
    "brand.page.no_curves": {
        "zh": "所选账号的场次还太少，读不出投放曲线：先按测试额度投放，积累场次。",
        "en": "The selected accounts have too few sessions to read a response curve from yet: spend the test allowance and gather sessions.",
    },
}
