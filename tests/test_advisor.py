"""The spend advisor on real DuckDB files: loading, the CLI contract, guardrails, reason, curves."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from liveroi.advisor import (
    backtest,
    load_history,
    recommend,
    recommend_account,
    response_curve,
    simulate,
    what_if,
)
from liveroi.advisor.data import History
from liveroi.settings import AccountSettings


def _scenario(name: str) -> simulate.Scenario:
    return next(s for s in simulate.scenarios() if s.name == name)


def _insert(con, history: History, *, channel_names: dict[str, str] | None = None) -> None:
    """Write a simulated history into sessions/session_spend, as the importer would."""
    sessions = history.sessions.assign(account=history.account)
    con.register("sim_sessions", sessions)
    con.execute(
        "INSERT INTO sessions (session_id, account, started_at, duration_min, gmv, refunds, new_followers, buyers)"
        " SELECT session_id, account, started_at, duration_min, gmv, refunds, new_followers, buyers FROM sim_sessions"
    )
    long = history.spend.assign(session_id=sessions["session_id"]).melt(
        id_vars="session_id", var_name="channel", value_name="export_spend"
    )
    if channel_names:
        long["channel"] = long["channel"].map(lambda c: channel_names.get(c, c))
    con.register("sim_spend", long)
    con.execute(
        "INSERT INTO session_spend (session_id, channel, export_spend) SELECT session_id, channel, export_spend"
        " FROM sim_spend WHERE export_spend > 0"
    )
    con.unregister("sim_sessions")
    con.unregister("sim_spend")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_load_history_pivots_channels_from_the_database(con) -> None:
    history = simulate.generate_history(_scenario("saturated + starved"), seed=3)
    _insert(con, history, channel_names={"fentiao": "新渠道X"})  # an unknown channel name survives
    loaded = load_history(con, history.account)
    assert loaded.channels == ("xiaodiantong", "新渠道X")
    assert len(loaded) == len(history)
    assert loaded.spend["新渠道X"].sum() == pytest.approx(history.spend["fentiao"].sum())
    assert loaded.latest_spend() == {"xiaodiantong": 15_000.0, "新渠道X": 3_000.0}


def test_overspending_account_is_cut_by_the_full_step_with_a_checkable_reason(con, db_path) -> None:
    scenario = _scenario("overspending")
    _insert(con, simulate.generate_history(scenario, seed=0))
    con.close()
    result = _cli("--lang", "en", "recommend", "--account", "overspending", "--json", "--gross-margin", "0.5")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {
        "account", "sessions_used", "current", "suggested", "expected", "marginal_roi", "breakeven_roi", "reason",
    }  # fmt: skip
    assert out["sessions_used"] == 40
    assert out["current"]["channels"] == {"xiaodiantong": 30_000.0}
    # True marginal ROI at ¥30,000 is 0.64 against break-even 2.0 (margin 0.5, refunds in history
    # are 10 % → 2.22): cut the whole 30 % step.
    assert out["suggested"]["channels"]["xiaodiantong"] == 21_000.0
    assert out["breakeven_roi"] == pytest.approx(1 / (0.5 * 0.9), rel=0.01)
    assert out["marginal_roi"]["xiaodiantong"] < out["breakeven_roi"]
    assert out["expected"]["gmv_low"] < out["expected"]["gmv"] < out["expected"]["gmv_high"]
    assert out["expected"]["roi"] == pytest.approx(out["expected"]["gmv"] / 21_000, rel=1e-3)
    assert out["reason"].startswith("Xiaodiantong: the last ¥1,000 returned")
    assert "cut 30 % to ¥21,000" in out["reason"]


def test_chinese_answer_and_errors(con, db_path) -> None:
    _insert(con, simulate.generate_history(_scenario("underspending"), seed=1))
    con.close()
    text = _cli("recommend", "--account", "underspending")
    assert text.returncode == 0, text.stderr
    assert "磁力金牛：¥5,000 → ¥6,500（+30%" in text.stdout
    assert "建议增加 30% 至 ¥6,500" in text.stdout
    missing = _cli("recommend", "--account", "nobody")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "liveroi: 找不到账号：nobody"
    bad = _cli("--lang", "en", "recommend", "--account", "underspending", "--gross-margin", "1.5")
    assert bad.returncode == 2
    assert "invalid value for --gross-margin: 1.5" in bad.stderr


def test_account_without_sessions_is_a_clear_error(con, db_path) -> None:
    con.execute("INSERT INTO accounts (account) VALUES ('empty')")
    con.close()
    result = _cli("--lang", "en", "recommend", "--account", "empty", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "liveroi: account empty has no session data"


def test_thin_history_holds_and_says_why() -> None:
    history = simulate.generate_history(_scenario("overspending"), seed=0).head(6)
    rec = recommend(history, _scenario("overspending").settings(), lang="en")
    assert rec.suggested == rec.current
    assert rec.reason.startswith("Only 6 sessions of history (fewer than 8)")
    assert rec.to_json()["marginal_roi"] == {"xiaodiantong": None}


def test_flat_channel_is_held_while_the_other_moves() -> None:
    scenario = _scenario("saturated + starved")
    history = simulate.generate_history(scenario, seed=2)
    history = History(history.account, history.sessions, history.spend.assign(fentiao=3_000.0))
    rec = recommend(history, scenario.settings(), lang="en")
    assert rec.suggested["fentiao"] == 3_000.0
    assert rec.decision.held == {"fentiao": "flat"}
    assert rec.suggested["xiaodiantong"] < 15_000.0
    assert "Fentiao: spend has barely varied" in rec.reason or "Fentiao held at ¥3,000" in rec.reason


def test_guardrails_budget_cap_and_min_roi() -> None:
    scenario = _scenario("underspending")
    history = simulate.generate_history(scenario, seed=0)
    capped = recommend(history, scenario.settings().with_overrides(budget_cap=5_600.0))
    assert capped.suggested_total <= 5_600.0
    assert capped.suggested["jinniu"] >= 5_000 * 0.7
    assert capped.decision.cap_binding
    # A cap below what one step may cut to: the step limit wins, the reason says so.
    over = _scenario("overspending")
    under_cap = recommend(
        simulate.generate_history(over, seed=0), over.settings().with_overrides(budget_cap=10_000.0)
    )
    assert under_cap.suggested == {"xiaodiantong": 21_000.0}
    assert under_cap.decision.cap_unreachable
    # Minimum ROI: expected GMV / spend must stay above it.
    strict = recommend(history, scenario.settings().with_overrides(min_roi=6.0))
    assert strict.expected.roi >= 6.0 * 0.99
    free = recommend(history, scenario.settings())
    assert strict.suggested_total <= free.suggested_total


def test_response_curve_and_what_if_agree() -> None:
    scenario = _scenario("overspending")
    rec = recommend(simulate.generate_history(scenario, seed=0), scenario.settings())
    curve = response_curve(rec, "xiaodiantong", np.array([0.0, 10_000.0, 21_000.0, 40_000.0]))
    assert list(curve.columns[:7]) == [
        "spend", "gmv_mean", "gmv_low", "gmv_high", "marginal_roi_mean", "marginal_roi_low", "marginal_roi_high",
    ]  # fmt: skip
    assert (curve["gmv_low"] <= curve["gmv_mean"]).all() and (curve["gmv_mean"] <= curve["gmv_high"]).all()
    assert curve["gmv_mean"].is_monotonic_increasing  # never a negative response
    assert curve["marginal_roi_mean"].is_monotonic_decreasing  # diminishing returns
    at_suggestion = what_if(rec, {"xiaodiantong": 21_000.0})
    assert at_suggestion["gmv"] == pytest.approx(curve.loc[2, "gmv_mean"], rel=1e-9)
    assert at_suggestion["gmv"] == pytest.approx(rec.expected.gmv, rel=1e-9)
    margin = 0.5 * 0.9
    assert at_suggestion["profit"] == pytest.approx(
        margin * at_suggestion["gmv"] + 3.0 * at_suggestion["new_followers"] - 21_000.0
    )
    # Whole-room ROI above break-even while the marginal ROI is below: the advisor's point.
    true_gmv = 40_000 + 80_000 * 30_000 / 50_000
    assert true_gmv / 30_000 > rec.breakeven_roi > rec.marginal_roi["xiaodiantong"]


def test_backtest_replays_history_with_the_true_curves() -> None:
    scenario = _scenario("overspending")
    history = simulate.generate_history(scenario, seed=0, sessions=30)
    frame = backtest(history, scenario.settings(), first=24, evaluator=scenario.incremental_profit)
    assert len(frame) == 6
    assert list(frame["session_id"]) == [f"overspending-{i}" for i in range(24, 30)]
    hold = [scenario.incremental_profit(history.head(t).latest_spend()) for t in range(24, 30)]
    assert frame["hold_profit"].to_list() == pytest.approx(hold)
    assert frame["advisor_cumulative"].iloc[-1] > frame["hold_cumulative"].iloc[-1]


def test_recommend_account_applies_overrides(con) -> None:
    scenario = _scenario("overspending")
    _insert(con, simulate.generate_history(scenario, seed=0))
    rec = recommend_account(con, "overspending", follower_value=0.0, max_change=0.1)
    assert rec.settings.follower_value == 0.0
    assert rec.suggested["xiaodiantong"] == 27_000.0
    assert isinstance(rec.history.sessions, pd.DataFrame)


def test_suggested_follower_value_is_explained() -> None:
    scenario = _scenario("overspending")
    history = simulate.generate_history(scenario, seed=0)
    settings = AccountSettings(account="x", gross_margin=0.5, refund_rate=0.1)
    rec = recommend(history, settings, lang="en")
    aov = history.sessions["gmv"].sum() / history.sessions["buyers"].sum()
    assert rec.economics.follower_value == pytest.approx(round(0.1 * aov * 0.45, 2))
    assert f"the suggested ¥{rec.economics.follower_value:.2f} per follower" in rec.reason


def _tried(history: History, channel: str) -> tuple[float, float]:
    """The 5th and 95th percentile of the channel's spend: what the reason calls 'tried'."""
    low, high = np.quantile(history.spend[channel].to_numpy(dtype=float), [0.05, 0.95])
    return round(low, -2), round(high, -2)


def test_reason_says_whether_the_move_is_measured_or_a_test() -> None:
    over = _scenario("overspending")  # history ±20 % around ¥30,000; the cut to ¥21,000 stays inside
    history = simulate.generate_history(over, seed=0)
    low, high = _tried(history, "xiaodiantong")
    assert low < 21_000 < high
    en = recommend(history, over.settings(), lang="en")
    assert f"measured between ¥{low:,.0f} and ¥{high:,.0f}: cut 30 % to ¥21,000" in en.reason
    zh = recommend(history, over.settings(), lang="zh")
    assert "之间测过，建议减少 30% 至" in zh.reason
    under = _scenario("underspending")  # history ±20 % around ¥5,000; +30 % goes beyond it
    history = simulate.generate_history(under, seed=0)
    _, high = _tried(history, "jinniu")
    assert high < 6_500
    en = recommend(history, under.settings(), lang="en")
    assert f"never tried above ¥{high:,.0f}, so a test: raise" in en.reason
    zh = recommend(history, under.settings(), lang="zh")
    assert f"从未投到 ¥{high:,.0f} 以上，小步试探：建议增加" in zh.reason


def test_a_well_measured_overspent_curve_is_cut_to_its_optimum() -> None:
    """Issue 12's overspending account: typical spend ¥16,000, optimum ¥7,000, sixty sessions of
    ±40 % history. The curve is measured where the cut goes, so the advisor must not freeze."""
    margin = 0.5 * 0.9
    # Michaelis–Menten: m·top·h/(s+h)² = 1 at s = h = 7,000 → top = (2h)²/(m·h).
    channel = simulate.TrueChannel("xiaodiantong", (2 * 7_000) ** 2 / (margin * 7_000), 7_000, 1.0)
    scenario = simulate.Scenario(
        name="overspent, well measured",
        channels=(channel,),
        start_spend={"xiaodiantong": 16_000},
        organic_gmv=30_000,
        history_sessions=60,
        history_jitter=0.4,
        follower_value=0.0,
        seed_offset=12,
    )
    grid = np.linspace(1_000, 30_000, 29_001)
    optimum = grid[np.argmax(margin * channel.gmv(grid) - grid)]
    assert optimum == pytest.approx(7_000, rel=1e-3)
    run = simulate.play(scenario, simulate.advisor_policy, "advisor", seed=0)
    assert run.violations == 0
    first = run.spend["xiaodiantong"].iloc[0]
    assert first <= 16_000 * 0.75  # a real cut at once, not a token one
    assert run.spend["xiaodiantong"].iloc[-5:].mean() == pytest.approx(optimum, rel=0.2)


def test_the_measured_prior_anchor_latest_reads_a_raised_channel_as_less_over_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``PRIOR_ANCHOR = "latest"`` (measured, not shipped: docs/advisor-notes.md, "Where the prior sits"):
    a starved channel raised from ¥8,000 to ¥14,000 for six sessions still has its median spend near the
    old level, so the shipped prior ("break-even at the median") reads ¥14,000 as past the optimum; with the
    prior at the latest spend its posterior marginal ROI there is higher. The default is the median."""
    from liveroi.advisor import model as curves
    from liveroi.advisor.brand_simulate import brand_family
    from liveroi.advisor.simulate import _sessions, generate_history

    starved = next(a for a in brand_family().accounts if a.name == "starved")
    history = generate_history(starved, seed=3)
    raised = np.full((6, 1), 14_000.0)
    more = _sessions(starved, raised, len(history), np.random.default_rng(3))
    history = history.append(more, pd.DataFrame(raised, columns=["jinniu"]))
    break_even = 1 / (0.5 * (1 - 0.1))
    assert curves.PRIOR_ANCHOR == "typical"
    at_median = curves.fit(history, prior_roi=break_even)
    monkeypatch.setattr(curves, "PRIOR_ANCHOR", "latest")
    at_latest = curves.fit(history, prior_roi=break_even)
    assert at_median.typical_spend["jinniu"] < 10_000 < 14_000  # the median lags the raise
    slope_median = float(at_median.slope("gmv", "jinniu", np.array([14_000.0])).mean())
    slope_latest = float(at_latest.slope("gmv", "jinniu", np.array([14_000.0])).mean())
    assert slope_latest > slope_median


def _smoothed_level_by_hand(spend: list[float], alpha: float) -> tuple[float, float]:
    """Simple exponential smoothing written out step by step: (sum of squared one-step errors, last level)."""
    level, sse = spend[0], 0.0
    for x in spend[1:]:
        sse += (x - level) ** 2
        level = alpha * x + (1 - alpha) * level
    return sse, level


@pytest.mark.parametrize(
    "spend",
    [
        [8_000.0] * 6 + [9_000.0, 10_000.0, 11_000.0, 12_000.0, 13_000.0, 14_000.0],  # raised in steps
        [10_000.0, 12_500.0, 8_000.0, 11_000.0, 9_500.0, 13_000.0, 7_500.0, 10_500.0, 9_000.0, 11_500.0],
        [8_000.0] * 10 + [12_000.0] * 4,  # one shift, then held
    ],
)
def test_the_measured_spend_level_is_the_smoothing_with_the_smallest_one_step_errors(
    spend: list[float],
) -> None:
    """``PRIOR_ANCHOR = "level"`` (measured, not shipped) puts the prior at the spend's smoothed level:
    the α of LEVEL_ALPHAS whose one-step-ahead errors are smallest, the smoothing computed here by hand."""
    from liveroi.advisor import model as curves

    errors = {alpha: _smoothed_level_by_hand(spend, alpha) for alpha in curves.LEVEL_ALPHAS}
    best = min(errors, key=lambda alpha: errors[alpha][0])
    level = curves._spend_level(np.array(spend), typical=float(np.median(spend)))
    assert level == pytest.approx(errors[best][1], rel=1e-9)
    if spend[-1] == 14_000.0:  # steps: the level follows the raise (α = 1), the median lags at ¥8,500
        assert level == pytest.approx(14_000.0) and float(np.median(spend)) == 8_500.0
    if len(spend) == 10:  # noise around ¥10,000: a small α, the level within the history's range
        assert best <= 0.3 and 7_500.0 < level < 13_000.0
    assert curves._spend_level(np.array(spend[:2]), typical=1.0) == 1.0  # too short: the median given
