"""The Settings page: live break-even, validated save into DuckDB, suggested follower value."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi import db, formatting
from liveroi.economics import suggested_follower_value
from liveroi.i18n import t
from tests.dashboard_fixtures import ACCOUNT_A, app_test, expected_sessions, write_fixture

PAGE = "pages/settings.py"


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_break_even_is_live_and_save_stores_it(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    assert not at.exception
    assert t("settings.single_user", "zh") in [c.value for c in at.caption]
    at.selectbox(key="settings_account").set_value(ACCOUNT_A).run()
    assert _metric(at, t("metric.breakeven_roi", "zh")) == formatting.ratio(1 / (0.5 * 0.9))
    at.number_input(key=f"settings_gross_margin_{ACCOUNT_A}").set_value(40.0).run()
    assert _metric(at, t("metric.breakeven_roi", "zh")) == formatting.ratio(1 / (0.4 * 0.9))
    assert _metric(at, t("chart.breakeven_net_roi", "zh")) == formatting.ratio(1 / 0.4)
    at.number_input(key=f"settings_budget_cap_{ACCOUNT_A}").set_value(20000.0).run()
    at.button(key="settings_save").click().run()
    assert not at.exception
    assert t("settings.saved", "zh") in [s.value for s in at.success]
    with db.connection(fixture_db, read_only=True) as con:
        stored = con.execute(
            "SELECT gross_margin, refund_rate, target_roi, budget_cap FROM settings WHERE account = ?",
            [ACCOUNT_A],
        ).fetchone()
    assert stored == pytest.approx((0.4, 0.1, 3.0, 20000.0))


def test_invalid_margin_is_refused_with_a_clear_message(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE, lang="en")
    at.selectbox(key="settings_account").set_value(ACCOUNT_A).run()
    at.number_input(key=f"settings_gross_margin_{ACCOUNT_A}").set_value(0.0).run()
    assert _metric(at, "Break-even ROI") == "—"
    at.button(key="settings_save").click().run()
    assert not at.exception
    assert t("settings.error.gross_margin", "en") in [e.value for e in at.error]
    with db.connection(fixture_db, read_only=True) as con:
        (margin,) = con.execute("SELECT gross_margin FROM settings WHERE account = ?", [ACCOUNT_A]).fetchone()
    assert margin == 0.5


def test_suggested_follower_value_uses_margin_after_refunds_and_aov(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    at.selectbox(key="settings_account").set_value(ACCOUNT_A).run()
    a = expected_sessions().query("account == @ACCOUNT_A")
    aov = a["gmv"].sum() / a["buyers"].sum()
    suggested = suggested_follower_value(0.5, 0.1, aov)
    assert suggested == pytest.approx(round(0.1 * aov * 0.5 * (1 - 0.1), 2))
    caption = t(
        "settings.follower_value_suggested",
        "zh",
        value=formatting.money(suggested, "zh", decimals=2),
        aov=formatting.money(aov, "zh"),
        orders=0.1,
    )
    assert caption in [c.value for c in at.caption]
