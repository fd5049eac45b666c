"""The 10万 milestone counts real followers (粉丝总数 when the exports have it, else new followers on
top of the "followers before the first imported session" setting, and says which), and the milestone
plan: the smallest daily spend on the follower channel that gets there by a date, on the fitted
follower curve within the step limit — checked against sums written out here."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from liveroi import db
from liveroi.advisor import recommend
from liveroi.advisor.simulate import Scenario, TrueChannel, generate_history
from liveroi.followers import _payback, describe_plan, plan_milestone
from liveroi.i18n import t
from liveroi.settings import AccountSettings
from tests.dashboard_fixtures import app_test


def _insert(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    con.executemany(
        "INSERT INTO sessions (session_id, account, started_at, new_followers, followers_total) VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def test_follower_growth_uses_the_stock_when_there_is_one(con: duckdb.DuckDBPyConnection) -> None:
    _insert(
        con,
        [
            # 'stock': 粉丝总数 on the first and third day (the second carries the first forward)
            ("s1", "stock", "2026-11-01 19:00", 300, 50_300),
            ("s2", "stock", "2026-11-02 19:00", 200, None),
            ("s3", "stock", "2026-11-03 19:00", 100, 50_450),
            # 'told': no stock, the setting says 40,000 before the first session
            ("t1", "told", "2026-11-01 19:00", 1_000, None),
            ("t2", "told", "2026-11-02 19:00", 500, None),
            # 'untold': neither
            ("u1", "untold", "2026-11-01 19:00", 700, None),
        ],
    )
    con.execute("INSERT INTO settings (account, followers_before) VALUES ('told', 40000)")
    frame = db.query(
        con,
        "pages/follower_growth",
        {
            "accounts": [],
            "since": date(2026, 10, 1),
            "end": date(2026, 11, 30),
            "top_n": 8,
            "milestone": 50_400,
        },
    )
    got = {(r.account, str(r.day)[:10]): (r.cumulative, r.stock_source) for r in frame.itertuples()}
    assert got == {
        ("stock", "2026-11-01"): (50_300, "followers_total"),
        ("stock", "2026-11-02"): (50_300, "followers_total"),
        ("stock", "2026-11-03"): (50_450, "followers_total"),
        ("told", "2026-11-01"): (41_000, "cumulative"),
        ("told", "2026-11-02"): (41_500, "cumulative"),
        ("untold", "2026-11-01"): (700, "cumulative_from_zero"),
    }
    reached = frame.groupby("account")["reached_on"].first()
    assert str(reached["stock"])[:10] == "2026-11-03" and reached.isna()[["told", "untold"]].all()


# --- the plan ------------------------------------------------------------------------------------

FOLLOWER_TOOL = Scenario(
    name="follower tool",
    channels=(TrueChannel("fentiao", 2_000, 3_000, 1.0, 900, 4_000),),
    start_spend={"fentiao": 1_500},
    organic_gmv=8_000,
    organic_followers=100,
    history_sessions=60,
    history_jitter=0.3,
    seed_offset=31,
)


@pytest.fixture(scope="module")
def rec():
    history = generate_history(FOLLOWER_TOOL, seed=0)
    settings = AccountSettings(account="x", gross_margin=0.5, refund_rate=0.1, follower_value=8.0)
    return recommend(history, settings)


def _extra(rec, spend: float, sessions: int) -> float:
    """Σ_k F(min(s, s₀·1.3^k)) − F(s₀), the session sum written out."""
    s0 = rec.current["fentiao"]
    total = 0.0
    for k in range(1, sessions + 1):
        p = min(spend, s0 * 1.3**k)
        total += float(
            rec.model.contribution("new_followers", "fentiao", p).mean()
            - rec.model.contribution("new_followers", "fentiao", s0).mean()
        )
    return total


def test_the_plan_is_the_smallest_spend_that_gets_there(rec) -> None:
    last, by = date(2026, 3, 1), date(2026, 3, 31)
    current, per_day = 40_000.0, 100.0
    plan = plan_milestone(
        rec, current=current, per_day=per_day, last_day=last, target=50_000, by=by, sessions_per_day=1.0
    )
    assert plan.status == "plan" and plan.channel == "fentiao"
    spend = plan.daily_spend  # one session a day
    need = 50_000 - current - per_day * 30
    assert _extra(rec, spend, 30) >= need - 1e-6
    assert _extra(rec, spend * 0.97, 30) < need  # a 3 % smaller spend falls short (the grid's step is < 3 %)
    assert plan.extra_followers == pytest.approx(_extra(rec, spend, 30), rel=1e-3)
    s0 = rec.current["fentiao"]
    cost = sum(min(spend, s0 * 1.3**k) - s0 for k in range(1, 31))
    assert plan.total_cost == pytest.approx(cost, rel=1e-6)
    # the last follower costs more than the first: a rising cost per follower
    first = 1 / float(rec.model.slope("new_followers", "fentiao", s0).mean())
    assert plan.marginal_cost > first
    # a later date needs less a day; an impossible one says how far it gets
    later = plan_milestone(rec, current=current, per_day=per_day, last_day=last, target=50_000, by=by + timedelta(days=30), sessions_per_day=1.0)  # fmt: skip
    assert later.status == "plan" and later.daily_spend < plan.daily_spend
    soon = plan_milestone(rec, current=current, per_day=per_day, last_day=last, target=50_000, by=last + timedelta(days=3), sessions_per_day=1.0)  # fmt: skip
    assert soon.status == "out_of_reach" and soon.reach < 50_000
    assert "out of reach" in describe_plan(soon, "x", 8.0, "en")
    done = plan_milestone(
        rec, current=60_000, per_day=per_day, last_day=last, target=50_000, by=by, sessions_per_day=1.0
    )
    organic = plan_milestone(
        rec, current=current, per_day=1_000, last_day=last, target=50_000, by=by, sessions_per_day=1.0
    )
    assert (done.status, organic.status) == ("reached", "organic")


def test_payback_is_the_session_sum() -> None:
    net, extra, rate, churn = 5_000.0, 1_000.0, 0.1, 0.01
    earned, k = 0.0, 0
    while earned < net:
        k += 1
        earned += extra * rate * (1 - churn) ** k
    assert _payback(net, extra, rate, churn) == pytest.approx(k, abs=1.0)
    assert _payback(net, extra, rate, 0.0) == pytest.approx(net / (extra * rate))
    assert _payback(net, extra, 0.001, 0.05) is None  # the followers leave before they have paid it
    assert _payback(-1.0, extra, rate, churn) == 0.0


def test_the_trends_page_says_which_count_and_shows_a_plan(db_path: Path) -> None:
    """The sample brand's cold start carries 粉丝总数; the others do not (and have no setting)."""
    from liveroi import sample

    with db.connection(db_path) as con:
        sample.write_to_db(con, sample.generate_brand())
    at = app_test(db_path, "pages/trends.py", lang="en", start="2026-09-01", end="2026-11-24")
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(t("trends.stock.followers_total", "en") in c and "暖山好物直播间" in c for c in captions), (
        captions
    )
    assert any(t("trends.stock.cumulative_from_zero", "en") in c for c in captions)
    at.selectbox(key="trends_plan_account").set_value("暖山好物直播间").run()
    at.date_input(key="trends_plan_date").set_value(date(2026, 12, 15)).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown).replace("\\", "")  # markdown escapes
    assert "reaches 100,000 followers by 2026-12-15" in text or "out of reach by 2026-12-15" in text, text
