"""The pacing rules on timelines with known numbers: observation window, minimum spend, cooldown, step
limit, learning-phase guard, raise margin — every expected time and change worked out by hand below."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from liveroi import db
from liveroi.pacing import rules as pacing_rules
from liveroi.pacing.engine import CUT, HOLD, RAISE, evaluate, replay_table
from liveroi.pacing.rules import PacingRules, RulesError

START = pd.Timestamp("2026-11-24 19:00")
BREAKEVEN = 2.0


def timeline(gmv: list[float], spend: float | list[float] = 200.0, *, level: str = "room", plan: str | None = None,
             learning: str | None = None, minutes: int = 5) -> pd.DataFrame:  # fmt: skip
    n = len(gmv)
    return pd.DataFrame(
        {
            "bucket_start": [START + pd.Timedelta(minutes=minutes * k) for k in range(n)],
            "bucket_minutes": float(minutes),
            "spend": spend if isinstance(spend, list) else [spend] * n,
            "gmv": gmv,
            "level": level,
            "channel": None,
            "plan": plan,
            "learning_status": learning,
        }
    )


def at(minutes: float) -> pd.Timestamp:
    return START + pd.Timedelta(minutes=minutes)


def test_window_then_cooldown_between_cuts() -> None:
    # ROI 1.5 throughout (300 / 200), break-even 2 → r = 0.75, cut by max(0.10, 0.25) capped at 0.20.
    # Spend reaches ¥500 after 3 buckets (15 min) but the window needs 30 min: first cut at 19:30.
    # After a cut the cooldown (60 min) is what binds: 20:30, 21:30; the session ends 22:00.
    changes, latest = evaluate(timeline([300.0] * 36), BREAKEVEN, PacingRules())
    assert [(c.at, c.action, c.change) for c in changes] == [
        (at(30), CUT, -0.2), (at(90), CUT, -0.2), (at(150), CUT, -0.2),
    ]  # fmt: skip
    assert latest[0].action == HOLD and latest[0].reason_key == "pacing.reason.cooldown"
    assert latest[0].at == at(180)


def test_minimum_spend_binds_when_spend_is_slow() -> None:
    # ¥50 a bucket: ¥500 after 10 buckets → first judged at 19:50, though the window allows 19:30.
    changes, _ = evaluate(timeline([75.0] * 24, 50.0), BREAKEVEN, PacingRules())
    assert changes[0].at == at(50) and changes[0].spent == pytest.approx(500.0)
    # with a ¥2,000 floor nothing is ever judged in two hours (24 × ¥50 = ¥1,200)
    changes, latest = evaluate(timeline([75.0] * 24, 50.0), BREAKEVEN, PacingRules(min_spend=2000))
    assert changes == [] and latest[0].reason_key == "pacing.reason.min_spend"


def test_window_setting_is_honoured() -> None:
    # a 10-minute window with ¥200 a bucket: spend (¥500 after 15 min) binds → 19:15
    changes, _ = evaluate(timeline([300.0] * 6), BREAKEVEN, PacingRules(min_window_min=10))
    assert changes[0].at == at(15)
    # a 45-minute window: 19:45
    changes, _ = evaluate(timeline([300.0] * 12), BREAKEVEN, PacingRules(min_window_min=45))
    assert changes[0].at == at(45)


def test_step_limits() -> None:
    # ROI 1.9 → r = 0.95 → distance 0.05, below the smallest step: −10 %
    changes, _ = evaluate(timeline([380.0] * 8), BREAKEVEN, PacingRules())
    assert changes[0].change == pytest.approx(-0.10)
    # ROI 1.7 → r = 0.85 → −15 %, inside the band
    changes, _ = evaluate(timeline([340.0] * 8), BREAKEVEN, PacingRules())
    assert changes[0].change == pytest.approx(-0.15)
    # ROI 0.4 → r = 0.2 → distance 0.8; the largest step set to 30 % (the limit) caps it
    changes, _ = evaluate(timeline([80.0] * 8), BREAKEVEN, PacingRules(step_max=0.3))
    assert changes[0].change == pytest.approx(-0.30)
    with pytest.raises(RulesError) as error:
        pacing_rules.validate(PacingRules(step_max=0.35))
    assert error.value.field == "step_max"
    with pytest.raises(RulesError):
        pacing_rules.validate(PacingRules(step_min=0.25, step_max=0.2))


def test_raise_only_past_the_margin() -> None:
    # ROI 2.3 → r = 1.15 < 1.2: hold in band; ROI 3.0 → r = 1.5 → raise min(0.2, max(0.1, 0.3)) = +20 %
    changes, latest = evaluate(timeline([460.0] * 12), BREAKEVEN, PacingRules())
    assert changes == [] and latest[0].reason_key == "pacing.reason.in_band"
    assert latest[0].roi == pytest.approx(2.3)
    changes, _ = evaluate(timeline([600.0] * 12), BREAKEVEN, PacingRules())
    assert (changes[0].at, changes[0].action, changes[0].change) == (at(30), RAISE, 0.2)
    # ROI 2.5 → r = 1.25 → distance 0.05 → the smallest step, +10 %
    changes, _ = evaluate(timeline([500.0] * 12), BREAKEVEN, PacingRules())
    assert changes[0].change == pytest.approx(0.10)


def test_judged_since_the_last_change_only() -> None:
    # 30 min at ROI 1.0 (cut at 19:30), then ROI 3.0. Since the cut, ROI is 3.0 → raise at 20:30 even
    # though the cumulative ROI then is (6×200 + 12×600) / (18×200) = 2.33 (r = 1.17, would be a hold).
    gmv = [200.0] * 6 + [600.0] * 30
    changes, _ = evaluate(timeline(gmv), BREAKEVEN, PacingRules())
    assert [(c.at, c.action) for c in changes][:2] == [(at(30), CUT), (at(90), RAISE)]
    assert changes[1].roi == pytest.approx(3.0)


def test_learning_phase_guard_never_cuts_a_plan_in_learning() -> None:
    low = [300.0] * 24  # ROI 1.5, below break-even
    frame = pd.concat(
        [
            timeline(low, level="plan", plan="新计划", learning="learning"),
            timeline(low, level="plan", plan="老计划", learning="learned"),
        ]
    )
    changes, latest = evaluate(frame, BREAKEVEN, PacingRules())
    assert {c.target for c in changes} == {"plan:老计划"}
    guarded = next(a for a in latest if a.target == "plan:新计划")
    assert guarded.action == HOLD and guarded.reason_key == "pacing.reason.learning"
    # a plan in learning may still be raised
    changes, _ = evaluate(
        timeline([600.0] * 12, level="plan", plan="新计划", learning="learning"), BREAKEVEN, PacingRules()
    )
    assert changes[0].action == RAISE


def test_learning_ends_then_the_cut_comes() -> None:
    frame = timeline([300.0] * 24, level="plan", plan="p", learning=None)
    frame["learning_status"] = ["learning"] * 12 + ["learned"] * 12  # leaves learning at 20:00
    changes, _ = evaluate(frame, BREAKEVEN, PacingRules())
    assert changes[0].at == at(65)  # the first bucket that ends after learning ended (20:00–20:05)


def test_a_channel_without_gmv_is_judged_on_the_room() -> None:
    room = timeline([300.0] * 12, 200.0)
    channel = timeline([float("nan")] * 12, 100.0, level="channel")
    channel["channel"] = "xiaodiantong"
    channel["gmv"] = None
    changes, _ = evaluate(pd.concat([room, channel]), BREAKEVEN, PacingRules())
    by_target = {c.target: c for c in changes}
    # the channel spends ¥100 a bucket: ¥500 after 25 min, window 30 → judged at 19:30 on room GMV
    # over its own spend: 6 × 300 / (6 × 100) = 3.0 → r = 1.5 → raise
    assert by_target["room"].action == CUT
    assert by_target["channel:xiaodiantong"].reason_key == "pacing.reason.raise_room"


def test_no_breakeven_means_no_advice() -> None:
    changes, latest = evaluate(timeline([300.0] * 12), None, PacingRules())
    assert changes == [] and latest[0].reason_key == "pacing.reason.no_breakeven"


def test_replay_sets_the_rules_beside_what_the_team_did() -> None:
    # spend ¥200 a bucket until 19:30, then the team halved it to ¥100; GMV 300 a bucket throughout
    spend = [200.0] * 6 + [100.0] * 18
    frame = timeline([300.0] * 24, spend)
    changes, _ = evaluate(frame, BREAKEVEN, PacingRules())
    table = replay_table(frame, changes, PacingRules())
    first = table.iloc[0]
    assert first["at"] == at(30) and first["action"] == CUT
    # before 19:30: 6 buckets × ¥200 over 30 min (the session is younger than the 60-min cooldown)
    assert first["spend_rate_before"] == pytest.approx(1200 / 30)
    # after: 12 buckets × ¥100 over 60 min
    assert first["spend_rate_after"] == pytest.approx(1200 / 60)
    assert first["actual_change"] == pytest.approx(-0.5)
    assert first["roi_after"] == pytest.approx(3.0)


@pytest.mark.backends  # a lake's MERGE INTO version of the upsert
def test_rules_are_stored_per_account_over_the_defaults(db_path: Path) -> None:
    with db.connection(db_path) as con:
        assert pacing_rules.load(con, "任意号") == PacingRules()
        pacing_rules.save(con, "*", PacingRules(cooldown_min=90))
        pacing_rules.save(con, "甲", PacingRules(min_spend=800, cooldown_min=90))
        assert pacing_rules.load(con, "乙").cooldown_min == 90
        assert pacing_rules.load(con, "甲").min_spend == 800
        with pytest.raises(RulesError):
            pacing_rules.save(con, "甲", PacingRules(min_spend=-1))
