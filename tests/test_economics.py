"""The money rules: hand-computed values, SQL and Python agreeing, and the Settings page showing the
follower value the advisor then uses."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from liveroi import db, economics, formatting
from liveroi.advisor import load_inputs
from liveroi.advisor.decide import economics as advisor_economics
from liveroi.dashboard_data import combined_thresholds
from liveroi.i18n import t
from tests.dashboard_fixtures import (
    ACCOUNT_A,
    ACCOUNT_B,
    LAST_DAY,
    app_test,
    expected_sessions,
    write_fixture,
)

MARGINS = (0.01, 0.1, 0.25, 0.333, 0.5, 0.62, 0.9, 1.0)
REFUND_RATES = (0.0, 0.05, 0.1, 0.28, 0.5, 0.9, 0.99)


def test_hand_computed_values() -> None:
    assert economics.margin_after_refunds(0.5, 0.1) == pytest.approx(0.45)
    assert economics.breakeven_roi(0.5, 0.1) == pytest.approx(1 / 0.45)  # 2.22
    assert economics.breakeven_roi(0.5) == pytest.approx(2.0)
    assert economics.breakeven_net_roi(0.4) == pytest.approx(2.5)
    assert economics.breakeven_roi(0.0, 0.1) is None and economics.breakeven_net_roi(0.0) is None
    assert economics.breakeven_roi(0.5, 1.0) is None  # everything refunded: nothing breaks even
    # 0.1 later orders × ¥120 × 50 % × 90 % = ¥5.40; rounded to the fen: 0.1 × 133 × 0.37 × 0.93 = 4.5765
    assert economics.suggested_follower_value(0.5, 0.1, 120.0) == 5.40
    assert economics.suggested_follower_value(0.37, 0.07, 133.0) == 4.58
    assert economics.suggested_follower_value(0.5, 0.1, None) == 3.0
    assert economics.suggested_follower_value(0.5, 0.1, 0.0) == 3.0
    assert economics.suggested_follower_value(0.0, 0.1, 120.0) is None  # invalid form, nothing suggested
    assert economics.suggested_follower_value(0.5, 1.0, 120.0) is None


def test_account_settings_view_agrees_with_python(con: duckdb.DuckDBPyConnection) -> None:
    """The break-evens the SQL pages read (``account_settings``) are the Python ones, over a grid of
    margins × refund rates, set directly and estimated from history."""
    grid = list(itertools.product(MARGINS, REFUND_RATES))
    settings = pd.DataFrame(
        {
            "account": [f"set{i}" for i in range(len(grid))],
            "gross_margin": [m for m, _ in grid],
            "refund_rate": [r for _, r in grid],
        }
    )
    # estimated refund rates: one session per account with refunds / gmv = r, refund_rate left NULL
    history = pd.DataFrame(
        {
            "session_id": [f"h{i}" for i in range(len(grid))],
            "account": [f"hist{i}" for i in range(len(grid))],
            "gmv": 10_000.0,
            "refunds": [10_000.0 * r for _, r in grid],
        }
    )
    con.register("grid_settings", settings)
    con.register("grid_history", history)
    con.execute("INSERT INTO accounts (account) SELECT account FROM grid_settings")
    con.execute(
        "INSERT INTO settings (account, gross_margin, refund_rate) SELECT account, gross_margin, refund_rate"
        " FROM grid_settings"
    )
    con.execute(
        "INSERT INTO settings (account, gross_margin, refund_rate)"
        " SELECT 'hist' || substr(account, 4), gross_margin, NULL FROM grid_settings"
    )
    con.execute(
        "INSERT INTO sessions (session_id, account, started_at, gmv, refunds)"
        " SELECT session_id, account, TIMESTAMP '2026-11-01 19:00', gmv, refunds FROM grid_history"
    )
    view = con.execute(
        "SELECT account, gross_margin, refund_rate, breakeven_roi, breakeven_net_roi FROM account_settings"
        " WHERE account LIKE 'set%' OR account LIKE 'hist%'"
    ).df()
    assert len(view) == 2 * len(grid)
    by_account = view.set_index("account")
    for i, (margin, refund) in enumerate(grid):
        for name in (f"set{i}", f"hist{i}"):
            row = by_account.loc[name]
            assert row["refund_rate"] == pytest.approx(refund)
            assert row["breakeven_roi"] == pytest.approx(economics.breakeven_roi(margin, refund), rel=1e-12)
            assert row["breakeven_roi"] == pytest.approx(1 / (margin * (1 - refund)), rel=1e-12)
            assert row["breakeven_net_roi"] == pytest.approx(economics.breakeven_net_roi(margin), rel=1e-12)


def test_combined_break_even_from_sql_sums_is_the_break_even_of_the_sum(db_path: Path) -> None:
    """The Today page's combined break-even (SQL sums of gmv / breakeven_roi) equals
    Σ gmv / Σ (gmv × margin after refunds), computed here from the fixture's own numbers."""
    write_fixture(db_path)
    frame = expected_sessions()
    day = frame[frame["day"] == LAST_DAY]
    margin = day["account"].map({ACCOUNT_A: economics.margin_after_refunds(0.5, 0.1), ACCOUNT_B: 0.4 * 1.0})
    expected = day["gmv"].sum() / (day["gmv"] * margin).sum()
    expected_net = (day["gmv"] - day["refunds"]).sum() / (
        (day["gmv"] - day["refunds"]) * day["account"].map({ACCOUNT_A: 0.5, ACCOUNT_B: 0.4})
    ).sum()
    with db.connection(db_path, read_only=True) as con:
        kpis = db.query(con, "pages/today_kpis", {"accounts": [], "day": LAST_DAY})
    thresholds = combined_thresholds(kpis[kpis["period"] == "day"])
    assert thresholds.breakeven_roi == pytest.approx(expected, rel=1e-12)
    assert thresholds.breakeven_net_roi == pytest.approx(expected_net, rel=1e-12)
    assert 1 / 0.45 < thresholds.breakeven_roi < 2.5  # between the two accounts' own break-evens


def test_settings_page_shows_the_follower_value_the_advisor_uses(db_path: Path) -> None:
    """With the follower-value field empty (as the page tells), the suggestion shown on Settings is
    the value the advisor puts into its profit: the same ¥, from the same formula."""
    write_fixture(db_path)
    a = expected_sessions().query("account == @ACCOUNT_A")
    expected = round(0.1 * (a["gmv"].sum() / a["buyers"].sum()) * 0.5 * (1 - 0.1), 2)

    at = app_test(db_path, "pages/settings.py", lang="en")
    at.selectbox(key="settings_account").set_value(ACCOUNT_A).run()
    assert not at.exception
    caption = next(c.value for c in at.caption if c.value.startswith("Suggested "))
    shown = float(re.match(r"Suggested ¥([\d,.]+)", caption).group(1).replace(",", ""))

    with db.connection(db_path, read_only=True) as con:
        ((history, settings),) = load_inputs(con, [ACCOUNT_A])
    used = advisor_economics(history, settings)
    assert settings.follower_value is None and used.follower_value_suggested
    assert shown == pytest.approx(expected) and used.follower_value == pytest.approx(expected)
    assert formatting.money(used.follower_value, "en", decimals=2) in caption


def test_without_buyer_counts_both_use_the_default_follower_value(db_path: Path) -> None:
    """No buyers → no AOV: the Settings page says it suggests the ¥3 default, and the advisor uses ¥3."""
    write_fixture(db_path)
    account = "丙账号"
    with db.connection(db_path) as con:
        for i in range(3):
            con.execute(
                "INSERT INTO sessions (session_id, account, started_at, gmv, new_followers)"
                " VALUES (?, ?, TIMESTAMP '2026-11-20 19:00' + to_days(?), 5000, 40)",
                [f"C{i}", account, i],
            )
    at = app_test(db_path, "pages/settings.py", lang="en")
    at.selectbox(key="settings_account").set_value(account).run()
    assert not at.exception
    expected = t(
        "settings.follower_value_default",
        "en",
        value=formatting.money(3.0, "en", decimals=2),
        aov=formatting.money(None, "en"),
        orders=0.1,
    )
    assert expected in [c.value for c in at.caption]
    assert "¥3.00" in expected
    with db.connection(db_path, read_only=True) as con:
        ((history, settings),) = load_inputs(con, [account])
    assert advisor_economics(history, settings).follower_value == 3.0
