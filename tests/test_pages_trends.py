"""The Trends page: period totals, daily series, thresholds, promo days and the follower milestone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from liveroi import formatting
from liveroi.i18n import t
from tests.dashboard_fixtures import (
    ACCOUNT_A,
    ACCOUNT_B,
    LAST_DAY,
    app_test,
    expected_sessions,
    plotly_specs,
    values,
    write_fixture,
)

PAGE = "pages/trends.py"


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def _metric(at, key: str, lang: str = "zh") -> str:
    return next(m.value for m in at.metric if m.label == t(key, lang))


def test_period_totals_and_charts(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    assert not at.exception
    frame = expected_sessions()
    spend, gmv, refunds = frame["total_spend"].sum(), frame["gmv"].sum(), frame["refunds"].sum()
    assert _metric(at, "metric.total_spend") == formatting.money(spend, "zh")
    assert _metric(at, "metric.gmv") == formatting.money(gmv, "zh")
    assert _metric(at, "metric.roi") == formatting.ratio(gmv / spend)
    assert _metric(at, "metric.net_roi") == formatting.ratio((gmv - refunds) / spend)

    roi_chart, spend_chart, follower_chart = plotly_specs(at)
    # daily ROI of the last day, recomputed here
    last = frame[frame["day"] == LAST_DAY]
    roi_trace = roi_chart["data"][0]
    assert values(roi_trace, "y")[-1] == pytest.approx(last["gmv"].sum() / last["total_spend"].sum())
    # the combined break-even line: Σgmv / Σ(gmv × margin × (1 − refund rate)); B's refund rate is
    # estimated from its history (0 refunds → 0)
    a, b = frame[frame["account"] == ACCOUNT_A], frame[frame["account"] == ACCOUNT_B]
    breakeven = gmv / (a["gmv"].sum() * 0.5 * 0.9 + b["gmv"].sum() * 0.4)
    lines = [s["y0"] for s in roi_chart["layout"]["shapes"] if s["type"] == "line"]
    assert any(y == pytest.approx(breakeven) for y in lines)
    # the built-in 双11 is marked (the promo table is empty)
    assert any(a.get("text") == "双11" for a in roi_chart["layout"]["annotations"])
    # spend is stacked by channel, one colour per channel
    bar_names = {tr["name"] for tr in spend_chart["data"] if tr["type"] == "bar"}
    assert bar_names == {"小店通", "磁力金牛", "粉条"}
    # cumulative followers of A end at its total
    a_trace = next(tr for tr in follower_chart["data"] if tr["name"] == ACCOUNT_A)
    assert values(a_trace, "y")[-1] == pytest.approx(a["new_followers"].sum() / 1e4)  # 万 in Chinese


def test_date_filter_changes_totals(fixture_db: Path) -> None:
    start = LAST_DAY - timedelta(days=2)
    at = app_test(fixture_db, PAGE, **{"from": start.isoformat(), "to": LAST_DAY.isoformat()})
    assert not at.exception
    frame = expected_sessions()
    window = frame[frame["day"] >= start]
    assert _metric(at, "metric.gmv") == formatting.money(window["gmv"].sum(), "zh")


def test_account_without_followers_and_english(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE, account=ACCOUNT_B, lang="en")
    assert not at.exception
    assert t("trends.no_followers", "en") in [i.value for i in at.info]
    assert at.title[0].value == "Trends"


def test_empty_range_and_empty_database(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE, **{"from": "2025-01-01", "to": "2025-01-31"})
    assert not at.exception
    assert t("empty.no_data_period", "zh", start="2025-01-01", end="2025-01-31") in [i.value for i in at.info]
