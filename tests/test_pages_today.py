"""The Today page on a real database file: the numbers on screen equal sums computed here."""

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
    ZERO_SPEND_DAY,
    app_test,
    expected_sessions,
    write_fixture,
)


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def _metrics(at) -> dict[str, tuple[str, str]]:
    """First metric per label → (value, delta)."""
    found: dict[str, tuple[str, str]] = {}
    for metric in at.metric:
        found.setdefault(metric.label, (metric.value, metric.delta))
    return found


def _day_sums(frame, accounts, day):
    rows = frame[frame["account"].isin(accounts) & (frame["day"] == day)]
    return rows["total_spend"].sum(), rows["gmv"].sum(), rows["refunds"].sum(), rows


def test_today_shows_the_latest_day_against_the_previous_seven(fixture_db: Path) -> None:
    at = app_test(fixture_db)
    assert not at.exception
    frame = expected_sessions()
    spend, gmv, refunds, rows = _day_sums(frame, [ACCOUNT_A, ACCOUNT_B], LAST_DAY)
    metrics = _metrics(at)
    assert metrics[t("metric.total_spend", "zh")][0] == formatting.money(spend, "zh")
    assert metrics[t("metric.gmv", "zh")][0] == formatting.money(gmv, "zh")
    assert metrics[t("metric.roi", "zh")][0] == formatting.ratio(gmv / spend)
    assert metrics[t("metric.net_roi", "zh")][0] == formatting.ratio((gmv - refunds) / spend)
    assert metrics[t("metric.aov", "zh")][0] == formatting.money(gmv / rows["buyers"].sum(), "zh")
    # previous 7 days: the average per broadcast day of the days LAST_DAY-7 … LAST_DAY-1
    previous = frame[(frame["day"] >= LAST_DAY - timedelta(days=7)) & (frame["day"] < LAST_DAY)]
    average_gmv = previous["gmv"].sum() / previous["day"].nunique()
    assert metrics[t("metric.gmv", "zh")][1] == formatting.signed_percent(gmv / average_gmv - 1)
    previous_roi = previous["gmv"].sum() / previous["total_spend"].sum()
    assert metrics[t("metric.roi", "zh")][1] == formatting.signed_percent((gmv / spend) / previous_roi - 1)
    # one card per session of the day, and the day's subheader
    assert t("today.sessions_title", "zh", count=len(rows)) in [s.value for s in at.subheader]
    assert at.query_params["day"] == LAST_DAY.isoformat()


def test_account_filter_and_english(fixture_db: Path) -> None:
    at = app_test(fixture_db, lang="en", account=ACCOUNT_A)
    assert not at.exception
    frame = expected_sessions()
    spend, gmv, _, _ = _day_sums(frame, [ACCOUNT_A], LAST_DAY)
    metrics = _metrics(at)
    assert metrics["Spend"][0] == formatting.money(spend, "en")
    assert metrics["GMV"][0] == formatting.money(gmv, "en")
    assert at.title[0].value == "Today"
    # ROI 4.1 ≥ target 3.0 → the word, not only a colour
    roi = gmv / spend
    assert roi >= 3.0
    assert any("Target met" in m.value for m in at.markdown)


def test_zero_spend_day_shows_dash_and_says_why(fixture_db: Path) -> None:
    at = app_test(fixture_db, account=ACCOUNT_B, day=ZERO_SPEND_DAY.isoformat())
    assert not at.exception
    metrics = _metrics(at)
    assert metrics[t("metric.total_spend", "zh")][0] == formatting.money(0, "zh")
    assert metrics[t("metric.roi", "zh")][0] == "—"
    assert metrics[t("metric.cost_per_follower", "zh")][0] == "—"
    assert t("today.no_spend", "zh") in [i.value for i in at.info]
    assert t("today.no_followers", "zh") in [c.value for c in at.caption]


def test_day_without_broadcast_and_empty_database(db_path: Path, fixture_db: Path) -> None:
    quiet_day = LAST_DAY - timedelta(days=30)
    at = app_test(fixture_db, day=quiet_day.isoformat())
    assert not at.exception
    assert t("today.no_broadcast", "zh", day=quiet_day.isoformat()) in [i.value for i in at.info]


def test_empty_database_says_how_to_start(db_path: Path) -> None:
    at = app_test(db_path)
    assert not at.exception
    assert t("empty.no_data", "zh") in [i.value for i in at.info]
