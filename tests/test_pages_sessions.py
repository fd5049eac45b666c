"""The Sessions page: filtered, sorted, paged table; one session's funnel, split and median; downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from liveroi import formatting
from liveroi.i18n import t
from liveroi.ui import session_table
from tests.dashboard_fixtures import (
    ACCOUNT_A,
    LAST_DAY,
    app_test,
    expected_sessions,
    plotly_specs,
    write_fixture,
)

PAGE = "pages/sessions.py"


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def _count_caption(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("第 "))


def test_table_counts_sorts_and_filters(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    assert not at.exception
    frame = expected_sessions()
    assert _count_caption(at) == t("sessions.showing", "zh", first=1, last=len(frame), total=len(frame))
    table = at.dataframe[0].value
    latest = frame.sort_values("started_at", ascending=False).iloc[0]
    assert table.iloc[0]["session_id"] == latest["session_id"]
    assert table["gmv"].sum() == pytest.approx(frame["gmv"].sum())

    at.selectbox(key="sessions_sort").set_value("gmv").run()
    assert at.dataframe[0].value.iloc[0]["session_id"] == frame.sort_values("gmv").iloc[-1]["session_id"]

    at.multiselect(key="sessions_shifts").set_value(["早班"]).run()
    morning = frame[frame["shift"] == "早班"]
    assert _count_caption(at) == t("sessions.showing", "zh", first=1, last=len(morning), total=len(morning))

    at.multiselect(key="sessions_shifts").set_value([]).run()
    at.toggle(key="sessions_below").set_value(True).run()
    # B: margin 40 %, no refunds → break-even 2.5, its ROI is 2.0 wherever it spent; A is above 2.22
    below = frame[(frame["account"] != ACCOUNT_A) & (frame["total_spend"] > 0)]
    assert _count_caption(at) == t("sessions.showing", "zh", first=1, last=len(below), total=len(below))
    assert set(at.dataframe[0].value["signal"]) == {t("signal.below_breakeven", "zh")}


def test_one_session_funnel_split_and_median(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE, account=ACCOUNT_A, lang="en")
    assert not at.exception
    frame = expected_sessions()
    a = frame[frame["account"] == ACCOUNT_A]
    latest = a.sort_values("started_at").iloc[-1]
    assert at.selectbox(key="sessions_pick").value == latest["session_id"]
    funnel, split = plotly_specs(at)
    assert funnel["data"][0]["type"] == "bar" and funnel["data"][0]["y"][0] == "Impressions"
    assert split["data"][0]["type"] == "pie"
    comparison = at.dataframe[1].value.set_index("metric")
    assert comparison.loc["GMV", "value"] == formatting.money(latest["gmv"], "en")
    assert comparison.loc["GMV", "median"] == formatting.money(a["gmv"].median(), "en")
    assert comparison.loc["GMV", "difference"] == formatting.signed_percent(
        (latest["gmv"] - a["gmv"].median()) / a["gmv"].median()
    )


def test_session_without_ad_gmv_says_so(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)  # the latest session is B's: no ad GMV
    assert not at.exception
    assert t("sessions.no_ad_gmv", "zh") in [i.value for i in at.info]


def test_download_is_the_whole_filtered_table_with_translated_headers(fixture_db: Path) -> None:
    params = {
        "accounts": [],
        "start": LAST_DAY.replace(day=1),
        "end": LAST_DAY,
        "shifts": [],
        "below_breakeven": False,
        "search": "A0",
        "sort": "started_at",
        "descending": False,
    }
    csv_bytes = session_table.download_builder(params, "zh", "csv")()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig", dtype={"直播ID": str})
    expected = expected_sessions()
    expected = expected[expected["session_id"].str.contains("A0")]
    assert list(table["直播ID"]) == sorted(expected["session_id"])
    assert table["成交金额"].sum() == pytest.approx(expected["gmv"].sum())
    xlsx = pd.read_excel(io.BytesIO(session_table.download_builder(params, "en", "xlsx")()))
    assert "GMV" in xlsx.columns and len(xlsx) == len(expected)
