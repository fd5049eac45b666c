"""The Sessions page's timeline (AppTest) and the Settings page's pacing rules, on the dashboard fixture
with timeline files imported through the real importer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from liveroi import db, formatting
from liveroi.importer import import_files
from liveroi.pacing import rules as pacing_rules
from tests.dashboard_fixtures import ACCOUNT_A, LAST_DAY, app_test, plotly_specs, values, write_fixture
from tests.timeline_files import FIVE_MIN_HEADER, five_minute_frame, five_minute_rows, write_csv

START = pd.Timestamp(LAST_DAY) + pd.Timedelta(hours=19)  # A11, A's latest session: 19:00 for 3 hours
BREAKEVEN_A = 1 / (0.5 * 0.9)  # margin 50 %, refunds 10 %


def write_timeline(db_path: Path, tmp_path: Path) -> pd.DataFrame:
    write_fixture(db_path)
    frame = five_minute_frame(36, start=START)
    frame["gmv"] = 300.0  # ROI 1.5 on ¥200 a bucket: below break-even 2.22 → the rules cut
    room = write_csv(tmp_path / "room.csv", FIVE_MIN_HEADER, five_minute_rows(frame, account=ACCOUNT_A))
    plans = write_csv(
        tmp_path / "plans.csv",
        ("时段开始", "账号", "推广工具", "计划名称", "学习期状态", "消耗", "成交金额"),
        [
            [
                f"{START + pd.Timedelta(minutes=5 * k):%Y-%m-%d %H:%M}",
                ACCOUNT_A,
                "小店通",
                "计划A",
                "学习期",
                100,
                150,
            ]
            for k in range(12)
        ],
    )
    ads = write_csv(  # the hourly ad report: a plan the timeline files do not have
        tmp_path / "ads.csv",
        ("时间", "账号", "推广工具", "计划名称", "消耗(元)", "广告成交金额(元)"),
        [[f"{START + pd.Timedelta(hours=1):%Y-%m-%d %H:%M}", ACCOUNT_A, "磁力金牛", "计划B", 600, 1500]],
    )
    summary = import_files(db_path, [room, plans, ads])
    assert summary["rejected"] == [] and summary.get("outside_sessions", []) == []
    return frame


@pytest.fixture
def timeline_db(db_path: Path, tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    return db_path, write_timeline(db_path, tmp_path)


def test_session_page_draws_the_timeline_with_the_advice_marked(
    timeline_db: tuple[Path, pd.DataFrame],
) -> None:
    path, frame = timeline_db
    at = app_test(path, "pages/sessions.py", account=ACCOUNT_A, lang="en")
    assert not at.exception
    specs = plotly_specs(at)
    assert len(specs) == 3  # funnel, paid/organic split, timeline
    timeline = specs[2]
    traces = {trace.get("name"): trace for trace in timeline["data"]}
    roi = values(traces["Cumulative ROI"], "y")
    assert roi == pytest.approx((frame["gmv"].cumsum() / frame["spend"].cumsum()).tolist())
    breakeven = next(tr for name, tr in traces.items() if name and name.startswith("Break-even"))
    assert values(breakeven, "y") == pytest.approx([BREAKEVEN_A, BREAKEVEN_A])
    cuts = traces["Cut"]
    # ROI 1.5 / 2.22 = 0.675 → −20 % (the largest step) at 19:30, then every 60 min of cooldown
    assert [pd.Timestamp(x) for x in cuts["x"]] == [START + pd.Timedelta(minutes=m) for m in (30, 90, 150)]
    assert all(text.startswith("-20%") for text in cuts["text"])
    assert "Raise" not in traces  # the plan in 学习期 is never cut, and nothing is worth a raise
    online = values(traces["Online viewers"], "y")
    assert online == frame["online"].tolist()

    replay = at.dataframe[2].value  # table, median comparison, replay, per plan
    assert replay["at"].tolist() == ["19:30", "20:30", "21:30"]
    assert set(replay["target"]) == {"Whole room"}
    # the team never changed spend (¥200 a bucket throughout): actual change +0 %
    assert set(replay["actual"]) == {formatting.signed_percent(0.0, 0)}

    plans = at.dataframe[3].value.set_index("target")
    assert plans.loc["计划A", "spend"] == formatting.money(1200, "en")
    assert plans.loc["计划A", "gmv"] == formatting.money(1800, "en")
    assert plans.loc["计划A", "roi"] == formatting.ratio(1.5)
    assert plans.loc["计划A", "learning"] == "Learning"
    assert plans.loc["计划A", "source"] == "Timeline file"
    assert plans.loc["计划B", "spend"] == formatting.money(600, "en")
    assert plans.loc["计划B", "roi"] == formatting.ratio(2.5)
    assert plans.loc["计划B", "source"] == "Ad report"
    assert plans.loc["计划B", "learning"] == "—"


def test_a_session_without_timeline_says_how_to_get_one(db_path: Path) -> None:
    write_fixture(db_path)
    at = app_test(db_path, "pages/sessions.py", account=ACCOUNT_A)
    assert not at.exception
    assert len(plotly_specs(at)) == 2
    assert any("直播大屏" in c.value for c in at.caption)


def test_settings_page_edits_the_pacing_rules(db_path: Path) -> None:
    write_fixture(db_path)
    at = app_test(db_path, "pages/settings.py", lang="en")
    assert not at.exception
    at.number_input(key="pacing_cooldown_min_*").set_value(90.0)
    at.number_input(key="pacing_step_max_*").set_value(25.0)
    at.button(key="pacing_save").click().run()
    assert not at.exception and [s.value for s in at.success] == ["Pacing rules saved"]
    with db.connection(db_path, read_only=True) as con:
        saved = pacing_rules.load(con, ACCOUNT_A)
    assert saved.cooldown_min == 90 and saved.step_max == pytest.approx(0.25)
    at.number_input(key="pacing_step_max_*").set_value(40.0).run()
    at.button(key="pacing_save").click().run()
    assert [e.value for e in at.error] == ["The largest step must be between 0 and 30 %"]
