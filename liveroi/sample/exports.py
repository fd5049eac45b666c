"""Write the sample brand as the files a user downloads from the back-ends (shipped in sample_data/).

1. ``快手直播场次数据_<start>-<end>.csv``: the session table, GBK, a title line above the header, Chinese
   headers, values printed the messy way (see ``queries/sample/export_sessions.sql``). GBK has no
   half-width ``¥``, so money carries the full-width ``￥`` a GBK export can hold.
2. ``投放消耗报表_<start>-<end>.csv``: the hourly ad-spend report per plan, UTF-8 with BOM.

Both are byte-for-byte reproducible from (seed, n_accounts, days, end): the per-cell print styles come
from their own seeded stream, and nothing depends on the clock.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from liveroi import db
from liveroi.channels import channel_name
from liveroi.sample.generate import SampleBrand
from liveroi.sample.profiles import SAMPLE_CHANNELS

SESSION_EXPORT_PREFIX = "快手直播场次数据"
AD_REPORT_PREFIX = "投放消耗报表"
_STYLE_STREAM = 100  # spawn key of the print-style stream, apart from the generator's streams
_LINE_END = "\r\n"  # the back-ends are Windows shops


def export_file_names(brand: SampleBrand) -> tuple[str, str]:
    """The two file names for a brand: session export, ad-spend report."""
    dates = f"{brand.start:%Y%m%d}-{brand.end:%Y%m%d}"
    return f"{SESSION_EXPORT_PREFIX}_{dates}.csv", f"{AD_REPORT_PREFIX}_{dates}.csv"


def _session_export_input(brand: SampleBrand) -> pd.DataFrame:
    """Sessions with spend_<channel> columns (NULL where the account does not use the channel; 0 when
    it paused it) and the per-cell print styles."""
    sessions = brand.sessions
    wide = brand.spend.pivot_table(index="session_id", columns="channel", values="spend", aggfunc="sum")
    frame = sessions.copy()
    uses = brand.curves.assign(used=True).pivot_table(
        index="account", columns="channel", values="used", aggfunc="any", fill_value=False
    )
    for key in SAMPLE_CHANNELS:
        values = wide[key].reindex(frame["session_id"]).fillna(0.0).to_numpy() if key in wide else 0.0
        used = (
            uses[key].reindex(frame["account"]).fillna(False).to_numpy(dtype=bool)
            if key in uses
            else np.zeros(len(frame), dtype=bool)
        )
        frame[f"spend_{key}"] = pd.array(np.where(used, values, np.nan), dtype="Float64")
        frame.loc[~used, f"spend_{key}"] = pd.NA
    rng = np.random.default_rng([brand.seed, _STYLE_STREAM])
    n = len(frame)
    frame["duration_s"] = np.round(frame["duration_min"].to_numpy() * 60).astype(np.int64)
    frame["impressions_wan"] = (frame["impressions"].to_numpy() >= 10_000) & (rng.random(n) < 0.5)
    frame["views_wan"] = (frame["views"].to_numpy() >= 10_000) & (rng.random(n) < 0.5)
    for column in ("gmv", "refunds", "ad_gmv"):
        frame[f"{column}_style"] = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    frame["spend_style"] = (rng.random(n) < 0.3).astype(np.int64)
    return frame


def _csv_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator=_LINE_END)


def session_export_text(brand: SampleBrand, con: duckdb.DuckDBPyConnection) -> str:
    """The session export as text (title line, header, rows, 合计)."""
    con.register("sample_export_input", _session_export_input(brand))
    try:
        table = db.query(con, "sample/export_sessions")
    finally:
        con.unregister("sample_export_input")
    title = f"快手直播场次数据（统计周期：{brand.start:%Y/%m/%d}-{brand.end:%Y/%m/%d}）"
    return title + _LINE_END + _csv_text(table)


def ad_report_text(brand: SampleBrand, con: duckdb.DuckDBPyConnection) -> str:
    """The hourly ad-spend report as text."""
    labels = {key: channel_name(key, "zh") for key in brand.ad_report["channel"].unique()}
    frame = brand.ad_report.assign(channel_label=brand.ad_report["channel"].map(labels))
    con.register("sample_export_ad_input", frame)
    try:
        table = db.query(con, "sample/export_ad_report")
    finally:
        con.unregister("sample_export_ad_input")
    return _csv_text(table)


def write_exports(brand: SampleBrand, out_dir: str | Path) -> list[Path]:
    """Write the session export (GBK) and the ad-spend report (UTF-8 with BOM) into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    session_name, report_name = export_file_names(brand)
    con = db.memory_connection()
    try:
        session_bytes = session_export_text(brand, con).encode("gbk")
        report_bytes = ad_report_text(brand, con).encode("utf-8-sig")
    finally:
        con.close()
    paths = [out / session_name, out / report_name]
    for path, payload in zip(paths, (session_bytes, report_bytes), strict=True):
        path.write_bytes(payload)
    return paths
