"""A small brand with known numbers for the dashboard tests, written straight into a real DuckDB file.

Two accounts, the last broadcast day ``LAST_DAY``:

* ``甲账号`` (A): one session a day for 12 days (LAST_DAY − 11 … LAST_DAY), spend on 小店通 and 磁力金牛,
  ad GMV known, gross margin 50 %, refund rate 10 % (break-even 2.22), target ROI 3.0.
* ``乙账号`` (B): two sessions a day (早班/晚班) for the last 4 days, 粉条 spend except on
  LAST_DAY − 1 (a zero-spend day), never a new follower, gross margin 40 %.

The tests compute every expected number from :data:`SESSIONS`/:data:`SPEND` below with pandas, never
from the views the dashboard reads.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from liveroi import db
from tests.apptest_support import dashboard_app_test

ROOT = Path(__file__).resolve().parent.parent
LAST_DAY = date(2026, 11, 24)
ZERO_SPEND_DAY = LAST_DAY - timedelta(days=1)
ACCOUNT_A = "甲账号"
ACCOUNT_B = "乙账号"


def _sessions() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, spend = [], []
    for i in range(12):
        day = LAST_DAY - timedelta(days=11 - i)
        sid = f"A{i:02d}"
        rows.append(
            {
                "session_id": sid,
                "account": ACCOUNT_A,
                "started_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=19),
                "duration_min": 180.0,
                "shift": "晚班",
                "impressions": 50_000 + 1_000 * i,
                "viewers": 5_000 + 100 * i,
                "views": 8_000 + 150 * i,
                "new_followers": 200 + 10 * i,
                "product_clicks": 900 + 10 * i,
                "orders": 110 + i,
                "buyers": 100 + i,
                "gmv": 30_000.0 + 1_000 * i,
                "refunds": 1_500.0,
                "ad_gmv": 12_000.0,
            }
        )
        spend.append({"session_id": sid, "channel": "xiaodiantong", "export_spend": 8_000.0 + 200 * i})
        spend.append({"session_id": sid, "channel": "jinniu", "export_spend": 2_000.0})
    for i in range(4):
        day = LAST_DAY - timedelta(days=3 - i)
        for shift, hour in (("早班", 9), ("晚班", 20)):
            sid = f"B{i}{'m' if hour == 9 else 'e'}"
            rows.append(
                {
                    "session_id": sid,
                    "account": ACCOUNT_B,
                    "started_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=hour),
                    "duration_min": 120.0,
                    "shift": shift,
                    "impressions": 8_000,
                    "viewers": 1_000 + 10 * i,
                    "views": 1_500,
                    "new_followers": 0,
                    "product_clicks": 120,
                    "orders": 12,
                    "buyers": 10 + i,
                    "gmv": 2_000.0 + 100 * i,
                    "refunds": 0.0,
                    "ad_gmv": None,
                }
            )
            if day != ZERO_SPEND_DAY:
                spend.append({"session_id": sid, "channel": "fentiao", "export_spend": 1_000.0 + 50 * i})
    return pd.DataFrame(rows), pd.DataFrame(spend)


SESSIONS, SPEND = _sessions()


def expected_sessions() -> pd.DataFrame:
    """One row per session with total_spend and day, computed here (not by the views)."""
    spend = SPEND.groupby("session_id", as_index=False)["export_spend"].sum()
    frame = SESSIONS.merge(spend, on="session_id", how="left").fillna({"export_spend": 0.0})
    return frame.rename(columns={"export_spend": "total_spend"}).assign(day=lambda f: f["started_at"].dt.date)


def write_fixture(path: Path) -> Path:
    """Write the fixture brand into the (migrated) database at ``path`` and close it."""
    with db.connection(path) as con:
        con.register("fixture_sessions", SESSIONS)
        con.register("fixture_spend", SPEND)
        con.execute(
            "INSERT INTO sessions (session_id, account, started_at, duration_min, shift, impressions, viewers,"
            " views, new_followers, product_clicks, orders, buyers, gmv, refunds, ad_gmv)"
            " SELECT session_id, account, started_at, duration_min, shift, impressions, viewers, views,"
            " new_followers, product_clicks, orders, buyers, gmv, refunds, ad_gmv FROM fixture_sessions"
        )
        con.execute(
            "INSERT INTO session_spend (session_id, channel, export_spend)"
            " SELECT session_id, channel, export_spend FROM fixture_spend"
        )
        con.execute(
            "INSERT INTO settings (account, gross_margin, refund_rate, target_roi, max_change)"
            " VALUES (?, 0.5, 0.1, 3.0, 0.3), (?, 0.4, NULL, NULL, 0.3)",
            [ACCOUNT_A, ACCOUNT_B],
        )
    return path


def app_test(path: Path, page: str | None = None, **query_params: str | list[str]):
    """An AppTest of dashboard.py on the database at ``path``, on ``page`` (e.g. "pages/trends.py"),
    with the query parameters set before the first run. Returns the AppTest after its runs."""
    assert os.environ.get(db.ENV_DB) == str(path), "use the db_path fixture: it points LIVEROI_DB at the file"
    at = dashboard_app_test()
    for key, value in query_params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def plotly_specs(at) -> list[dict]:
    """The Plotly figures the page drew, as the JSON the browser receives."""
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(trace: dict, key: str) -> list:
    """A trace's array as a list (Plotly sends numeric arrays as base64 typed arrays)."""
    import base64

    import numpy as np

    value = trace[key]
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        return array.reshape(value["shape"]).tolist() if "shape" in value else array.tolist()
    return list(value)
