"""Strings shared by every surface: metric names, units, generic messages."""

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"zh": "liveroi 自播投放复盘", "en": "liveroi live-commerce ROI"},
    "missing": {"zh": "—", "en": "—"},
    "unit.wan": {"zh": "万", "en": "0k"},
    "metric.total_spend": {"zh": "消耗", "en": "Spend"},
    "metric.gmv": {"zh": "成交金额", "en": "GMV"},
    "metric.refunds": {"zh": "退款金额", "en": "Refunds"},
    "metric.ad_gmv": {"zh": "广告成交金额", "en": "Ad-attributed GMV"},
    "metric.roi": {"zh": "整体ROI", "en": "ROI"},
    "metric.net_roi": {"zh": "净ROI", "en": "Net ROI"},
    "metric.ad_roi": {"zh": "广告ROI", "en": "Ad ROI"},
    "metric.breakeven_roi": {"zh": "保本ROI", "en": "Break-even ROI"},
    "metric.target_roi": {"zh": "目标ROI", "en": "Target ROI"},
    "metric.marginal_roi": {"zh": "边际ROI", "en": "Marginal ROI"},
    "metric.new_followers": {"zh": "涨粉数", "en": "New followers"},
    "metric.cost_per_follower": {"zh": "涨粉成本", "en": "Cost per follower"},
    "metric.follow_rate": {"zh": "转粉率", "en": "Follow rate"},
    "metric.conversion_rate": {"zh": "看播成交转化率", "en": "Viewer conversion"},
    "metric.aov": {"zh": "客单价", "en": "AOV"},
    "metric.uv_value": {"zh": "UV价值", "en": "UV value"},
    "metric.gpm": {"zh": "千次观看成交(GPM)", "en": "GPM (per 1k views)"},
    "metric.impressions": {"zh": "直播间曝光人数", "en": "Impressions"},
    "metric.viewers": {"zh": "观看人数", "en": "Viewers"},
    "metric.views": {"zh": "观看人次", "en": "Views"},
    "metric.peak_online": {"zh": "最高在线", "en": "Peak online"},
    "metric.avg_watch_s": {"zh": "平均观看时长(秒)", "en": "Avg watch time (s)"},
    "metric.product_impressions": {"zh": "商品曝光人数", "en": "Product impressions"},
    "metric.product_clicks": {"zh": "商品点击人数", "en": "Product clicks"},
    "metric.orders": {"zh": "成交订单数", "en": "Orders"},
    "metric.buyers": {"zh": "成交人数", "en": "Buyers"},
    "metric.duration_min": {"zh": "直播时长(分钟)", "en": "Duration (min)"},
    "metric.sessions": {"zh": "场次", "en": "Sessions"},
    "metric.unattributed_spend": {"zh": "未归属消耗", "en": "Unattributed spend"},
    "field.session_id": {"zh": "直播ID", "en": "Session ID"},
    "field.account": {"zh": "账号", "en": "Account"},
    "field.started_at": {"zh": "开播时间", "en": "Start"},
    "field.ended_at": {"zh": "下播时间", "en": "End"},
    "field.shift": {"zh": "班次", "en": "Shift"},
    "field.day": {"zh": "日期", "en": "Date"},
    "field.channel": {"zh": "渠道", "en": "Channel"},
    "field.plan": {"zh": "计划", "en": "Plan"},
    "field.spend": {"zh": "消耗", "en": "Spend"},
    "error.db_busy": {
        "zh": "数据库 {path} 正被其他进程写入（已等待 {seconds} 秒），请在它完成后重试。",
        "en": "the database {path} is busy: another process is writing to it (waited {seconds} s). "
        "Try again when it has finished.",
    },
    "error.out_of_memory": {
        "zh": "内存不足，操作已中止，数据库未被改动（{detail}）。请关闭其他程序后重试，或把大文件拆成几个再导入。",
        "en": "out of memory: the operation stopped and the database was not changed ({detail}). Close other "
        "programs and try again, or split a large file into several.",
    },
    "error.db_damaged": {
        "zh": "无法把 {path} 作为 liveroi 数据库打开（{detail}）。如果文件已损坏或不是 DuckDB 文件，"
        "请把它移到别处，再从备份恢复（python -m liveroi restore），或新建一个（python -m liveroi init --db 新路径）。",
        "en": "cannot open {path} as a liveroi database ({detail}). If the file is damaged or is not a "
        "DuckDB file, move it aside and restore a backup (python -m liveroi restore), or start a new one "
        "with python -m liveroi init --db NEW_PATH.",
    },
    "error.db_missing": {
        "zh": "{path} 处没有数据库：请先运行 python -m liveroi init 创建",
        "en": "no database at {path}: create it with python -m liveroi init",
    },
    "error.db_newer": {
        "zh": "这个数据库的结构版本是 {version}，比当前 liveroi 支持的（{latest}）更新：请升级 liveroi",
        "en": "this database has schema version {version}, newer than this liveroi ({latest}): upgrade liveroi",
    },
    "error.extension_missing": {
        "zh": "未安装 duckdb {version} 的 DuckDB 扩展 {name}",
        "en": "the DuckDB extension {name} for duckdb {version} is not installed",
    },
    "error.lake_spec": {
        "zh": "无法识别的 DuckLake 地址 {spec}：请写成 ducklake:postgres:<连接串>、ducklake:sqlite:<路径> 或 ducklake:<路径>.ducklake",
        "en": "not a DuckLake spec: {spec}. Use ducklake:postgres:<conninfo>, ducklake:sqlite:<path> or "
        "ducklake:<path>.ducklake",
    },
    "error.lake_password": {
        "zh": "LIVEROI_DB / --db 中不能写密码：请把 PostgreSQL 密码放在 PGPASSWORD 环境变量或 ~/.pgpass 中",
        "en": "no password in LIVEROI_DB / --db: put the PostgreSQL password in PGPASSWORD or ~/.pgpass",
    },
    "error.lake_attach": {
        "zh": "无法使用 DuckLake {spec}（{detail}）。请检查目录数据库是否可达、LIVEROI_LAKE_DATA 数据目录是否可写",
        "en": "cannot use the DuckLake {spec} ({detail}). Check that the catalog database is reachable and "
        "the data folder (LIVEROI_LAKE_DATA) is writable",
    },
    "error.lake_data_path": {
        "zh": "DuckLake {spec} 是新建的：请用 LIVEROI_LAKE_DATA 指定它的数据目录（各台机器路径相同的共享文件夹）",
        "en": "the DuckLake {spec} is new: name its data folder in LIVEROI_LAKE_DATA (a shared folder at the "
        "same path on every machine)",
    },
    "error.lake_s3_credentials": {
        "zh": "DuckLake 数据目录在 s3:// 上：请设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 环境变量"
        "（S3 兼容存储另设 AWS_ENDPOINT_URL）",
        "en": "the DuckLake data folder is on s3://: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
        "(and AWS_ENDPOINT_URL for an S3-compatible store)",
    },
    "error.lake_s3_url_style": {
        "zh": "LIVEROI_S3_URL_STYLE 只能是 path 或 vhost，而不是 {value}",
        "en": "LIVEROI_S3_URL_STYLE must be path or vhost, not {value}",
    },
    "error.lake_conflict": {
        "zh": "其他进程一直在同时写入 DuckLake（已重试 {attempts} 次），本次写入未完成：请稍后重试",
        "en": "other processes kept writing to the DuckLake at the same time ({attempts} attempts): "
        "nothing of this write was kept. Try again in a moment",
    },
}
