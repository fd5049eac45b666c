"""The Account matrix: accounts side by side with arrows against the previous period, the scatter."""

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

PAGE = "pages/matrix.py"


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def test_accounts_side_by_side_and_scatter(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    assert not at.exception
    frame = expected_sessions()
    table = at.dataframe[0].value.set_index("account")
    assert set(table.index) == {ACCOUNT_A, ACCOUNT_B}
    for account in (ACCOUNT_A, ACCOUNT_B):
        rows = frame[frame["account"] == account]
        # nothing in the previous period: no arrow, just the value
        assert table.loc[account, "gmv"] == formatting.money(rows["gmv"].sum(), "zh")
        assert table.loc[account, "roi"] == formatting.ratio(rows["gmv"].sum() / rows["total_spend"].sum())
    b = frame[frame["account"] == ACCOUNT_B]
    assert table.loc[ACCOUNT_B, "cost_per_follower"] == "—"  # B never gained a follower
    # B: break-even 1 / 0.4 = 2.5 (no refunds); its period ROI includes the zero-spend day's GMV
    b_roi = b["gmv"].sum() / b["total_spend"].sum()
    expected = "above_breakeven" if b_roi >= 2.5 else "below_breakeven"
    assert table.loc[ACCOUNT_B, "signal"] == t(f"signal.{expected}", "zh")
    assert b["new_followers"].sum() == 0
    assert any(ACCOUNT_A in s.value for s in at.success)  # A is the one to deepen
    (scatter,) = plotly_specs(at)
    trace = scatter["data"][0]
    assert trace["type"] == "scatter"  # SVG: no WebGL context per chart
    spend_wan = sorted(values(trace, "x"))
    assert spend_wan == pytest.approx(sorted(frame.groupby("account")["total_spend"].sum() / 1e4))


def test_arrows_compare_with_the_previous_period(fixture_db: Path) -> None:
    start = LAST_DAY - timedelta(days=1)
    at = app_test(
        fixture_db,
        PAGE,
        account=ACCOUNT_A,
        lang="en",
        **{"from": start.isoformat(), "to": LAST_DAY.isoformat()},
    )
    assert not at.exception
    frame = expected_sessions()
    a = frame[frame["account"] == ACCOUNT_A]
    now = a[a["day"] >= start]["gmv"].sum()
    before = a[(a["day"] < start) & (a["day"] >= start - timedelta(days=2))]["gmv"].sum()
    assert now > before * 1.02
    table = at.dataframe[0].value.set_index("account")
    assert table.loc[ACCOUNT_A, "gmv"] == f"▲ {formatting.money(now, 'en')}"
