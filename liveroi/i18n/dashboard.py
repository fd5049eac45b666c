"""Strings of the dashboard area: pages, sidebar, charts, signals, settings errors."""

STRINGS: dict[str, dict[str, str]] = {
    # --- navigation and sidebar ---
    "page.today": {"zh": "今日", "en": "Today"},
    "page.trends": {"zh": "趋势", "en": "Trends"},
    "page.sessions": {"zh": "场次", "en": "Sessions"},
    "page.matrix": {"zh": "账号矩阵", "en": "Account matrix"},
    "page.advisor": {"zh": "投放建议", "en": "Spend advisor"},
    "page.import": {"zh": "导入", "en": "Import"},
    "page.settings": {"zh": "设置", "en": "Settings"},
    "sidebar.language": {"zh": "语言", "en": "Language"},
    "language.zh": {"zh": "中文", "en": "中文"},
    "language.en": {"zh": "English", "en": "English"},
    "sidebar.accounts": {"zh": "账号", "en": "Accounts"},
    "sidebar.all_accounts": {"zh": "全部账号", "en": "All accounts"},
    "sidebar.accounts_help": {
        "zh": "自播号矩阵中的账号；不选即为全部账号。",
        "en": "Accounts of the self-broadcast matrix; none selected means all of them.",
    },
    "sidebar.date_range": {"zh": "日期范围", "en": "Date range"},
    "sidebar.date_range_help": {
        "zh": "默认为截至最近一次开播的 30 天。",
        "en": "Defaults to the 30 days ending at the latest broadcast.",
    },
    "sidebar.latest_broadcast": {"zh": "最近开播：{day}", "en": "Latest broadcast: {day}"},
    # --- empty states ---
    "empty.no_data": {
        "zh": "数据库里还没有场次数据。请先导入快手/抖音后台导出的直播场次文件。",
        "en": "There are no sessions in the database yet. Import the session exports from the Kuaishou/Douyin back-ends first.",
    },
    "empty.go_import": {"zh": "去导入数据", "en": "Go to Import"},
    "empty.cli_hint": {
        "zh": "也可以在命令行运行 python -m liveroi import 文件.csv，或 python -m liveroi sample 载入示例品牌。",
        "en": "Or run python -m liveroi import FILE.csv, or python -m liveroi sample to load the sample brand.",
    },
    "empty.no_data_period": {
        "zh": "所选账号在 {start} 至 {end} 之间没有场次。请调整侧边栏的账号或日期范围。",
        "en": "The selected accounts have no session between {start} and {end}. Change the accounts or dates in the sidebar.",
    },
    # --- signals ---
    "signal.target_met": {"zh": "达标", "en": "Target met"},
    "signal.above_breakeven": {"zh": "高于保本", "en": "Above break-even"},
    "signal.below_breakeven": {"zh": "未达保本", "en": "Below break-even"},
    "signal.no_spend": {"zh": "无消耗", "en": "No spend"},
    # --- today ---
    "today.question": {
        "zh": "最近一个开播日相对保本和目标表现如何？和前 7 天平均比呢？",
        "en": "How did the latest broadcast day do against break-even and target, and against the previous 7 days?",
    },
    "today.day": {"zh": "开播日", "en": "Broadcast day"},
    "today.day_help": {
        "zh": "默认是所选日期范围内最近一个开播日。",
        "en": "Defaults to the latest broadcast day within the selected date range.",
    },
    "today.no_broadcast": {
        "zh": "所选账号在 {day} 没有开播。请换一天。",
        "en": "The selected accounts did not broadcast on {day}. Pick another day.",
    },
    "today.kpis_title": {"zh": "{day} 整体表现", "en": "{day} at a glance"},
    "today.vs_previous_7": {"zh": "较7日均", "en": "vs 7-day avg"},
    "today.previous_7_help": {
        "zh": "前 7 个自然日中开播日的均值：{value}",
        "en": "Average of the broadcast days among the previous 7 days: {value}",
    },
    "today.roi_help": {
        "zh": "整体ROI = 成交金额 ÷ 消耗。保本ROI {breakeven}，目标ROI {target}。",
        "en": "ROI = GMV ÷ spend. Break-even ROI {breakeven}, target ROI {target}.",
    },
    "today.net_roi_help": {
        "zh": "净ROI = (成交金额 − 退款) ÷ 消耗，保本线为 1 ÷ 毛利率 = {breakeven}。",
        "en": "Net ROI = (GMV − refunds) ÷ spend; its break-even is 1 ÷ gross margin = {breakeven}.",
    },
    "today.verdict.target_met": {
        "zh": ":green[:material/check_circle: **达标**]：整体ROI {roi}，高于目标 {target}（保本 {breakeven}）。",
        "en": ":green[:material/check_circle: **Target met**]: ROI {roi}, above the target {target} (break-even {breakeven}).",
    },
    "today.verdict.above_breakeven": {
        "zh": ":blue[:material/trending_up: **高于保本**]：整体ROI {roi} ≥ 保本 {breakeven}{target}。",
        "en": ":blue[:material/trending_up: **Above break-even**]: ROI {roi} ≥ break-even {breakeven}{target}.",
    },
    "today.verdict.short_of_target": {"zh": "，未达目标 {target}", "en": ", short of the target {target}"},
    "today.verdict.below_breakeven": {
        "zh": ":red[:material/warning: **未达保本**]：整体ROI {roi} 低于保本 {breakeven}，当天投放亏损。",
        "en": ":red[:material/warning: **Below break-even**]: ROI {roi} is under break-even {breakeven}; the day's spend lost money.",
    },
    "today.no_spend": {
        "zh": "当天没有投放消耗，ROI 无法计算（显示为 —）。",
        "en": "No paid spend that day, so ROI is undefined (shown as —).",
    },
    "today.no_followers": {
        "zh": "当天没有新增粉丝，涨粉成本显示为 —。",
        "en": "No new followers that day, so cost per follower shows —.",
    },
    "today.sessions_title": {"zh": "当天场次（{count} 场）", "en": "Sessions of the day ({count})"},
    "today.session_time": {"zh": "{start}–{end} · {minutes} 分钟", "en": "{start}–{end} · {minutes} min"},
    "today.session_spend": {"zh": "消耗 {total}", "en": "Spend {total}"},
    "today.session_followers": {
        "zh": "涨粉 {followers} · 涨粉成本 {cost}",
        "en": "New followers {followers} · cost per follower {cost}",
    },
    "today.more_sessions": {
        "zh": "仅显示成交金额最高的 {shown} 场，共 {total} 场。",
        "en": "Showing the {shown} sessions with the highest GMV of {total}.",
    },
    "today.go_sessions": {"zh": "在场次页查看全部", "en": "See all on the Sessions page"},
    "today.advisor_title": {"zh": "下一场投放建议", "en": "Next broadcast's spend"},
    "today.advisor_no_account": {
        "zh": "选择一个账号以查看投放建议。",
        "en": "Select an account to see the spend suggestion.",
    },
    "today.advisor_account": {"zh": "建议账号", "en": "Account"},
    "today.advisor_unavailable": {
        "zh": "投放建议暂不可用：该账号历史场次不足。",
        "en": "No spend suggestion yet: the account has too little history.",
    },
    "today.advisor_link": {"zh": "打开投放建议页", "en": "Open the spend advisor"},
    "today.advisor_current": {"zh": "上一场消耗", "en": "Last session's spend"},
    "today.advisor_suggested": {"zh": "建议消耗", "en": "Suggested spend"},
    "today.advisor_expected_roi": {"zh": "预期ROI", "en": "Expected ROI"},
    # --- charts ---
    "chart.no_data": {"zh": "所选范围内没有数据", "en": "No data in the selected range"},
    "chart.roi_trend": {
        "zh": "每日 ROI 与净ROI（粗线为 7 日移动平均）",
        "en": "Daily ROI and net ROI (thick: 7-day moving average)",
    },
    "chart.ma_roi": {"zh": "整体ROI 7日均线", "en": "ROI, 7-day avg"},
    "chart.ma_net_roi": {"zh": "净ROI 7日均线", "en": "Net ROI, 7-day avg"},
    "chart.breakeven_net_roi": {"zh": "净ROI保本线", "en": "Net ROI break-even"},
    "chart.spend_gmv": {"zh": "每日消耗（按渠道）与成交金额", "en": "Daily spend by channel and GMV"},
    "chart.ma_gmv": {"zh": "成交金额 7日均线", "en": "GMV, 7-day avg"},
    "chart.follower_growth": {
        "zh": "粉丝数与 10万 里程碑",
        "en": "Followers and the 100k milestone",
    },
    "chart.cumulative_followers": {"zh": "粉丝数", "en": "Followers"},
    "chart.milestone": {"zh": "10万粉", "en": "100k followers"},
    "chart.projection": {"zh": "{account} 预测", "en": "{account} projection"},
    "chart.recent_roi": {"zh": "近 14 天每日 ROI", "en": "Daily ROI, last 14 days"},
    "chart.funnel": {"zh": "转化漏斗", "en": "Funnel"},
    "chart.step_rate": {"zh": "上一步的 {rate}", "en": "{rate} of the step before"},
    "chart.paid_organic": {"zh": "付费与自然成交", "en": "Paid vs organic GMV"},
    "chart.ad_gmv": {"zh": "广告成交", "en": "Ad-attributed"},
    "chart.organic_gmv": {"zh": "自然及其他", "en": "Organic and other"},
    "chart.matrix_scatter": {
        "zh": "消耗 vs ROI（气泡大小 = 成交金额）",
        "en": "Spend vs ROI (bubble size = GMV)",
    },
    "chart.breakeven_median": {"zh": "保本ROI 中位数", "en": "Median break-even ROI"},
    # --- trends ---
    "trends.question": {
        "zh": "ROI 是否稳定高于保本？钱花在了哪些渠道？粉丝离 10万 还有多远？",
        "en": "Is ROI holding above break-even? Where did the spend go? How far are we from 100k followers?",
    },
    "trends.roi_help": {
        "zh": "所选期间：成交金额合计 ÷ 消耗合计。保本ROI {breakeven}。",
        "en": "Over the period: total GMV ÷ total spend. Break-even ROI {breakeven}.",
    },
    "trends.net_roi_help": {
        "zh": "所选期间：(成交金额 − 退款) ÷ 消耗。净ROI保本线 {breakeven}。",
        "en": "Over the period: (GMV − refunds) ÷ spend. Net ROI break-even {breakeven}.",
    },
    "trends.no_spend": {
        "zh": "所选期间没有投放消耗，ROI 无法计算（显示为 —）。",
        "en": "No paid spend in the period, so ROI is undefined (shown as —).",
    },
    "trends.roi_caption": {
        "zh": "细线为每日值，粗线为 7 日移动平均（7 天成交合计 ÷ 7 天消耗合计）。无消耗的日子不画点。阴影为大促日。",
        "en": "Thin lines are daily values, thick lines 7-day moving averages (7 days' GMV ÷ 7 days' spend). Days without spend have no point. Shaded: promo days.",
    },
    "trends.unattributed": {
        "zh": "其中 {amount} 为未匹配到场次的投放消耗（如开播前的预热计划），已计入每日消耗。",
        "en": "{amount} of it is ad spend that overlapped no session (e.g. warm-up plans before a broadcast); it is included in the daily spend.",
    },
    "trends.followers_title": {"zh": "涨粉与 10万 里程碑", "en": "Follower growth and the 100k milestone"},
    "trends.no_followers": {
        "zh": "所选账号还没有新增粉丝，无法预测何时达到 10万。",
        "en": "The selected accounts have gained no followers yet, so there is no projection to 100k.",
    },
    "trends.per_day": {"zh": "近 {days} 天日均涨粉", "en": "Followers per day, last {days} days"},
    "trends.projected_date": {"zh": "达到 10万（预测）", "en": "Reaches 100k (projected)"},
    "trends.reached_on": {"zh": "已于 {day} 达成", "en": "Reached on {day}"},
    "trends.top_accounts": {
        "zh": "仅显示累计涨粉最多的 {shown} 个账号（共 {total} 个）。",
        "en": "Showing the {shown} accounts with the most followers gained (of {total}).",
    },
    "trends.projection_note": {
        "zh": "预测为最近 {days} 天的线性趋势；不增长时显示 —。",
        "en": "The projection is the linear trend of the last {days} days; — when not growing.",
    },
    # --- sessions ---
    "sessions.question": {
        "zh": "哪一场、哪个班次做得好？漏斗在哪一步流失？",
        "en": "Which session and shift worked? Where did the funnel leak?",
    },
    "sessions.search": {"zh": "搜索", "en": "Search"},
    "sessions.search_placeholder": {"zh": "直播ID 或账号", "en": "Session ID or account"},
    "sessions.all_shifts": {"zh": "全部班次", "en": "All shifts"},
    "sessions.sort_by": {"zh": "排序", "en": "Sort by"},
    "sessions.descending": {"zh": "降序", "en": "Descending"},
    "sessions.below_breakeven_only": {"zh": "只看未达保本", "en": "Below break-even only"},
    "sessions.page": {"zh": "页码（共 {pages} 页）", "en": "Page (of {pages})"},
    "sessions.showing": {
        "zh": "第 {first}–{last} 场，共 {total} 场",
        "en": "Sessions {first}–{last} of {total}",
    },
    "sessions.signal": {"zh": "保本判断", "en": "Against break-even"},
    "sessions.spend_of": {"zh": "{channel}消耗", "en": "{channel} spend"},
    "sessions.download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "sessions.download_xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "sessions.export_capped": {
        "zh": "下载最多包含前 {rows} 行；更多请用命令行 python -m liveroi export。",
        "en": "Downloads hold at most the first {rows} rows; use python -m liveroi export for more.",
    },
    "sessions.detail_title": {"zh": "单场复盘", "en": "One session"},
    "sessions.pick": {"zh": "选择场次（当前页）", "en": "Session (from this page)"},
    "sessions.pick_help": {
        "zh": "从上表当前页中选择一场；用排序和筛选找到想看的场次。",
        "en": "Pick one from the table's current page; sort and filter to find it.",
    },
    "sessions.gone": {
        "zh": "这场数据已不在数据库中（可能刚被重新导入）。",
        "en": "This session is no longer in the database (it may just have been re-imported).",
    },
    "sessions.no_ad_gmv": {
        "zh": "这场没有广告成交金额数据，无法拆分付费与自然成交。",
        "en": "No ad-attributed GMV for this session, so paid and organic cannot be split.",
    },
    "sessions.ad_gmv_note": {
        "zh": "广告成交为平台归因口径，会高估广告贡献。",
        "en": "Ad-attributed GMV is the platform's attribution, which over-credits ads.",
    },
    "sessions.median_title": {
        "zh": "**与该账号中位场次对比**（所选期间 {sessions} 场）",
        "en": "**Against the account's median session** ({sessions} sessions in the period)",
    },
    "sessions.metric": {"zh": "指标", "en": "Metric"},
    "sessions.this_session": {"zh": "本场", "en": "This session"},
    "sessions.account_median": {"zh": "账号中位数", "en": "Account median"},
    "sessions.difference": {"zh": "差异", "en": "Difference"},
    # --- account matrix ---
    "matrix.question": {
        "zh": "矩阵里哪 1–2 个账号值得加大投入？",
        "en": "Which 1–2 accounts of the matrix deserve more budget?",
    },
    "matrix.periods": {
        "zh": "本期 {start} 至 {end}，箭头对比上期 {prev_start} 至 {prev_end}。",
        "en": "This period {start} to {end}; arrows compare with {prev_start} to {prev_end}.",
    },
    "matrix.arrows": {
        "zh": "▲ 较上期上升 · ▼ 下降 · ▬ 持平（±2% 内）。消耗和涨粉成本上升不一定是好事。",
        "en": "▲ up on the previous period · ▼ down · ▬ flat (within ±2 %). Higher spend or cost per follower is not necessarily good.",
    },
    "matrix.top_accounts": {
        "zh": "仅显示成交金额最高的 {shown} 个账号（共 {total} 个）。",
        "en": "Showing the {shown} accounts with the highest GMV (of {total}).",
    },
    "matrix.no_followers": {
        "zh": "{count} 个账号本期没有新增粉丝，涨粉成本显示为 —。",
        "en": "{count} account(s) gained no followers in the period; cost per follower shows —.",
    },
    # --- settings ---
    "settings.question": {
        "zh": "每个账号的毛利、保本线和投放护栏。",
        "en": "Each account's margin, break-even and spending guardrails.",
    },
    "settings.single_user": {
        "zh": "未配置登录：单用户模式，打开本页面的人都可以修改设置。",
        "en": "No login configured: single-user mode — anyone who opens this page can change the settings.",
    },
    "settings.read_only": {
        "zh": "需要运营权限：你的角色只能查看，不能修改设置。如需修改，请联系管理员。",
        "en": "Operator role required: your role can view but not change the settings. Ask an administrator.",
    },
    "settings.defaults_row": {"zh": "默认值（所有账号）", "en": "Defaults (every account)"},
    "settings.account_help": {
        "zh": "账号未单独设置的项使用默认值。",
        "en": "Values an account does not set come from the defaults.",
    },
    "settings.economics": {"zh": "毛利与保本", "en": "Margin and break-even"},
    "settings.gross_margin": {"zh": "毛利率（%）", "en": "Gross margin (%)"},
    "settings.gross_margin_help": {
        "zh": "扣除商品成本、平台佣金和物流后的毛利占成交金额的比例，必须大于 0% 且不超过 100%。",
        "en": "Margin after product cost, platform commission and shipping, as a share of GMV: above 0 % and at most 100 %.",
    },
    "settings.refund_estimate": {
        "zh": "退款率按历史估算（当前 {rate}）",
        "en": "Estimate the refund rate from history (now {rate})",
    },
    "settings.refund_rate": {"zh": "退款率（%）", "en": "Refund rate (%)"},
    "settings.breakeven_help": {
        "zh": "保本ROI = 1 ÷ (毛利率 × (1 − 退款率))，与整体ROI 比较。",
        "en": "Break-even ROI = 1 ÷ (gross margin × (1 − refund rate)); compare with ROI.",
    },
    "settings.breakeven_net_help": {
        "zh": "净ROI保本线 = 1 ÷ 毛利率，与净ROI（已扣退款）比较。",
        "en": "Net ROI break-even = 1 ÷ gross margin; compare with net ROI (refunds already out).",
    },
    "settings.guardrails": {"zh": "目标与护栏", "en": "Targets and guardrails"},
    "settings.not_set": {"zh": "未设置", "en": "Not set"},
    "settings.no_cap": {"zh": "不限", "en": "No cap"},
    "settings.min_roi": {"zh": "最低ROI", "en": "Minimum ROI"},
    "settings.min_roi_help": {
        "zh": "投放建议的整体ROI 不低于此值（可选）。",
        "en": "The advisor keeps the expected ROI at or above this (optional).",
    },
    "settings.budget_cap": {"zh": "日预算上限（¥）", "en": "Daily budget cap (¥)"},
    "settings.budget_cap_help": {
        "zh": "一个开播日所有渠道消耗的上限；留空为不限。",
        "en": "Upper limit of all channels' spend on a broadcast day; empty for none.",
    },
    "settings.max_change": {"zh": "单场最大调整幅度（%）", "en": "Max change per broadcast (%)"},
    "settings.max_change_help": {
        "zh": "每个渠道相对上一场最多调整的比例，避免打乱平台投放模型的学习期（常用 10–30%）。",
        "en": "The most each channel may move from the last session, so the platform's bidding model is not disrupted (10–30 % is usual).",
    },
    "settings.follower_value": {"zh": "粉丝价值（¥/人）", "en": "Follower value (¥ each)"},
    "settings.use_suggested": {"zh": "使用建议值", "en": "Use the suggestion"},
    "settings.follower_value_suggested": {
        "zh": "建议值 {value} = 每位新粉后续 {orders} 单（私域复购）× 客单价 {aov} × 毛利率 × (1 − 退款率)。留空即使用建议值，顾问也用它。",
        "en": "Suggested {value} = {orders} later orders per new follower (private-domain repurchase) × AOV {aov} × gross margin × (1 − refund rate). Leave empty to use it; the advisor uses it too.",
    },
    "settings.follower_value_default": {
        "zh": "建议值 {value}：还没有买家数据算客单价，先用默认值。留空即使用建议值，顾问也用它。",
        "en": "Suggested {value}: no buyer counts yet to compute an AOV from, so the default. Leave empty to use it; the advisor uses it too.",
    },
    "settings.save": {"zh": "保存设置", "en": "Save settings"},
    "settings.saved": {
        "zh": "已保存。各页面的保本线和投放建议已更新。",
        "en": "Saved. Break-even lines and spend advice now use it.",
    },
    "settings.promo_title": {"zh": "大促日历", "en": "Promo calendar"},
    "settings.promo_help": {
        "zh": "在趋势图上标注的大促日（双11、618、品牌日）。日历为空时使用内置的 618 / 双11 / 双12。可增删行后保存。",
        "en": "Promo days marked on the trend charts (Double 11, 618, brand days). While empty, the built-in 618 / Double 11 / Double 12 are used. Add or remove rows, then save.",
    },
    "settings.promo_name": {"zh": "名称", "en": "Name"},
    "settings.promo_all_accounts": {"zh": "全部账号", "en": "All accounts"},
    "settings.promo_save": {"zh": "保存大促日历", "en": "Save the promo calendar"},
    "settings.promo_saved": {
        "zh": "大促日历已保存（{count} 天）。",
        "en": "Promo calendar saved ({count} days).",
    },
    "settings.promo_dropped": {
        "zh": "{count} 行缺少日期或名称，未保存。",
        "en": "{count} row(s) without a day or a name were not saved.",
    },
    # --- import ---
    "import_page.question": {
        "zh": "导入快手/抖音后台导出的直播场次和投放报表（CSV / Excel，可一次多个）。",
        "en": "Import session exports and ad-spend reports from the Kuaishou/Douyin back-ends (CSV / Excel, several at once).",
    },
    "import_page.read_only": {
        "zh": "需要运营权限：你的角色只能查看，不能导入数据。如需导入，请联系管理员。",
        "en": "Operator role required: your role can view but not import data. Ask an administrator.",
    },
    "import_page.upload": {"zh": "选择文件", "en": "Choose files"},
    "import_page.upload_help": {
        "zh": "支持 UTF-8 / GBK 编码的 CSV 和 XLSX；表头可以是中文，标题行和合计行会自动跳过。",
        "en": "CSV (UTF-8 or GBK) and XLSX; Chinese headers are fine, title lines and total rows are skipped.",
    },
    "import_page.account": {"zh": "账号（可选）", "en": "Account (optional)"},
    "import_page.account_placeholder": {
        "zh": "文件没有账号列时填写",
        "en": "Only when the file has no account column",
    },
    "import_page.account_help": {
        "zh": "用于补全文件中缺失的账号名称。",
        "en": "Fills in the account for files that do not name it.",
    },
    "import_page.recognised": {
        "zh": "识别为{kind}（{layout}）：表头在第 {header_row} 行，可导入 {rows} 行，拒绝 {rejected} 行，跳过合计/重复 {skipped} 行。",
        "en": "Recognised as {kind} ({layout}): header on row {header_row}, {rows} rows to import, {rejected} rejected, {skipped} skipped (totals/duplicates).",
    },
    "import_page.kind.sessions": {"zh": "直播场次", "en": "a session export"},
    "import_page.kind.ad_spend": {"zh": "投放报表", "en": "an ad-spend report"},
    "import_page.kind.snapshots": {"zh": "直播大屏快照", "en": "live-screen snapshots"},
    "import_page.layout.douyin_compass_live_list": {"zh": "罗盘 直播间列表", "en": "Compass live-room list"},
    "import_page.layout.douyin_compass_session_workbook": {
        "zh": "罗盘/百应 整场数据下载",
        "en": "Compass per-session workbook",
    },
    "import_page.layout.qianchuan_uni_hourly": {"zh": "千川 全域推广 分时", "en": "Qianchuan hourly report"},
    "import_page.layout.qianchuan_screen_snapshots": {
        "zh": "千川 直播大屏快照",
        "en": "Qianchuan live-screen snapshots",
    },
    "import_page.layout.qianchuan_material": {"zh": "千川 素材分析", "en": "Qianchuan material report"},
    "import_page.layout.kuaishou_jinniu_unit": {"zh": "磁力金牛 单元报表", "en": "Jinniu unit report"},
    "import_page.layout.kuaishou_jinniu_account_daily": {
        "zh": "磁力金牛 账户日报",
        "en": "Jinniu account daily report",
    },
    "import_page.layout.kuaishou_jinniu_agency_spend": {
        "zh": "磁力金牛 代理商消耗",
        "en": "Jinniu agency spend",
    },
    "import_page.layout.kuaishou_xiaodiantong": {"zh": "小店通 报表", "en": "Xiaodiantong report"},
    "import_page.layout.generic_session_export": {"zh": "通用场次表", "en": "generic session export"},
    "import_page.layout.generic_ad_report": {"zh": "通用投放报表", "en": "generic ad report"},
    "import_page.col.layout": {"zh": "识别为", "en": "Read as"},
    "import_page.col.precedence": {"zh": "重复来源", "en": "Overlapping sources"},
    "import_page.precedence": {
        "zh": "{day} {channel}：计入 {counted}，{superseded} 的 {spend} 元是同一笔钱，不重复计入",
        "en": "{day} {channel}: {counted} counted; {superseded}'s {spend} is the same money, not counted again",
    },
    "import_page.unmapped": {"zh": "未识别（不导入）", "en": "Not recognised (not imported)"},
    "import_page.field.anchor_id": {"zh": "主播号（文本）", "en": "Anchor id (text)"},
    "import_page.field.net_gmv": {"zh": "净成交金额", "en": "Net GMV"},
    "import_page.field.followers_lost": {"zh": "取关粉丝数", "en": "Followers lost"},
    "import_page.ignored": {
        "zh": "{file}：以下列未导入（未识别）：{columns}",
        "en": "{file}: these columns were not imported (not recognised): {columns}",
    },
    "import_page.field.extra": {"zh": "附加指标：{field}", "en": "Extra figure: {field}"},
    "import_page.field.time": {"zh": "时间", "en": "Time"},
    "import_page.field.hour": {"zh": "小时", "en": "Hour"},
    "import_page.col.header": {"zh": "文件中的列", "en": "Column in the file"},
    "import_page.col.field": {"zh": "识别为", "en": "Recognised as"},
    "import_page.col.file": {"zh": "文件", "en": "File"},
    "import_page.col.row": {"zh": "行号", "en": "Row"},
    "import_page.col.column": {"zh": "列", "en": "Column"},
    "import_page.col.value": {"zh": "值", "en": "Value"},
    "import_page.col.reason": {"zh": "原因", "en": "Reason"},
    "import_page.col.import_id": {"zh": "导入编号", "en": "Import"},
    "import_page.col.file_name": {"zh": "文件", "en": "File"},
    "import_page.col.kind": {"zh": "类型", "en": "Kind"},
    "import_page.col.status": {"zh": "状态", "en": "Status"},
    "import_page.col.started_at": {"zh": "开始时间", "en": "Started"},
    "import_page.col.rows_read": {"zh": "读取行数", "en": "Rows read"},
    "import_page.col.inserted": {"zh": "新增", "en": "Inserted"},
    "import_page.col.updated": {"zh": "更新", "en": "Updated"},
    "import_page.col.unchanged": {"zh": "未变", "en": "Unchanged"},
    "import_page.col.skipped": {"zh": "跳过", "en": "Skipped"},
    "import_page.col.rejected": {"zh": "拒绝", "en": "Rejected"},
    "import_page.col.error": {"zh": "错误", "en": "Error"},
    "import_page.status.running": {"zh": "进行中", "en": "Running"},
    "import_page.status.committed": {"zh": "已完成", "en": "Done"},
    "import_page.status.failed": {"zh": "失败", "en": "Failed"},
    "import_page.status.interrupted": {"zh": "中断", "en": "Interrupted"},
    "import_page.rejected_title": {"zh": "**被拒绝的行（{count}）**", "en": "**Rejected rows ({count})**"},
    "import_page.confirm": {"zh": "确认导入 {count} 个文件", "en": "Import {count} file(s)"},
    "import_page.done": {
        "zh": "导入完成：{files} 个文件，新增 {inserted}，更新 {updated}，未变 {unchanged}，跳过 {skipped}，拒绝 {rejected} 行。",
        "en": "Imported {files} file(s): {inserted} inserted, {updated} updated, {unchanged} unchanged, {skipped} skipped, {rejected} rows rejected.",
    },
    "import_page.history": {"zh": "导入记录", "en": "Import history"},
    "import_page.no_history": {"zh": "还没有导入记录。", "en": "Nothing imported yet."},
    "import_page.rejected_history": {
        "zh": "被拒绝的行（共 {count} 行）",
        "en": "Rejected rows ({count} in all)",
    },
    # --- promo calendar ---
    "promo.618": {"zh": "618", "en": "618"},
    "promo.double11": {"zh": "双11", "en": "Double 11"},
    "promo.double12": {"zh": "双12", "en": "Double 12"},
    # --- settings errors (liveroi.settings.SettingsError.key) ---
    "settings.error.gross_margin": {
        "zh": "毛利率必须大于 0% 且不超过 100%。",
        "en": "Gross margin must be above 0 % and at most 100 %.",
    },
    "settings.error.refund_rate": {
        "zh": "退款率必须在 0% 到 100% 之间（不含 100%）。",
        "en": "Refund rate must be from 0 % up to (not including) 100 %.",
    },
    "settings.error.max_change": {
        "zh": "单场最大调整幅度必须在 0% 到 100% 之间。",
        "en": "Max change per broadcast must be between 0 % and 100 %.",
    },
    "settings.error.target_roi": {"zh": "目标ROI 不能为负数。", "en": "Target ROI cannot be negative."},
    "settings.error.budget_cap": {
        "zh": "日预算上限不能为负数。",
        "en": "Daily budget cap cannot be negative.",
    },
    "settings.error.follower_value": {
        "zh": "粉丝价值不能为负数。",
        "en": "Follower value cannot be negative.",
    },
    "settings.error.min_roi": {"zh": "最低ROI 不能为负数。", "en": "Minimum ROI cannot be negative."},
    "settings.error.followers_before": {
        "zh": "首场之前的粉丝数不能为负数。",
        "en": "Followers before the first imported session cannot be negative.",
    },
    # --- sign-in and roles (liveroi/ui/auth.py) ---
    "auth.title": {"zh": "登录", "en": "Sign in"},
    "auth.prompt": {
        "zh": "本看板仅限团队成员使用，请先登录。",
        "en": "This dashboard is for the team only: please sign in.",
    },
    "auth.name": {"zh": "用户名", "en": "User name"},
    "auth.password": {"zh": "密码", "en": "Password"},
    "auth.submit": {"zh": "登录", "en": "Sign in"},
    "auth.wrong_password": {
        "zh": "用户名或密码不正确。",
        "en": "Wrong user name or password.",
    },
    "auth.throttled": {
        "zh": "该用户登录失败次数过多，请约 {minutes} 分钟后再试。",
        "en": "Too many failed sign-ins for this user: try again in about {minutes} min.",
    },
    "auth.oidc_button": {"zh": "使用公司账号登录", "en": "Sign in with your company account"},
    "auth.oidc_provider_button": {"zh": "使用 {provider} 登录", "en": "Sign in with {provider}"},
    "auth.oidc_unavailable": {
        "zh": "已在 secrets.toml 中配置单点登录（[auth]），但服务器未安装 Authlib，暂时无法登录。请管理员安装 Authlib（pip install Authlib）后重启。",
        "en": "Single sign-on is configured ([auth] in secrets.toml) but the server lacks Authlib, so nobody can sign in. An administrator must install Authlib (pip install Authlib) and restart.",
    },
    "auth.no_access": {
        "zh": "{name} 已登录，但没有本看板的访问权限。请联系管理员在 [liveroi.roles] 中添加你的账号。",
        "en": "{name} is signed in but has no access to this dashboard. Ask an administrator to add you under [liveroi.roles].",
    },
    "auth.signed_in": {"zh": "已登录：{name}（{role}）", "en": "Signed in: {name} ({role})"},
    "auth.logout": {"zh": "退出登录", "en": "Sign out"},
    "auth.role.viewer": {"zh": "查看者", "en": "viewer"},
    "auth.role.operator": {"zh": "运营", "en": "operator"},
    # --- serving beyond loopback (liveroi/ui/serve.py) ---
    "serve.refused": {
        "zh": "未配置登录，拒绝在 {address} 上提供服务（只允许本机 127.0.0.1）：先按 "
        ".streamlit/secrets.example.toml 在 .streamlit/secrets.toml 中配置登录（见 README「Access and roles」），再重新启动。",
        "en": "refusing to serve on {address} without a sign-in (only 127.0.0.1 is allowed): configure one in "
        ".streamlit/secrets.toml as .streamlit/secrets.example.toml shows (README \"Access and roles\"), then restart.",
    },
}
