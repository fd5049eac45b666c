"""The 投放建议 / Advisor page on real database files: the suggestion on screen equals the advisor run
here on the same file, the what-if equals ``what_if``, the backtest summary equals ``backtest``, and
empty, thin and sessionless accounts get a message instead of an exception."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from liveroi import channels, db, formatting, sample
from liveroi.advisor import backtest, recommend_account, what_if
from liveroi.advisor.model import MIN_SESSIONS
from liveroi.i18n import t
from liveroi.ui.advisor_view import KEY_ACCOUNT, KEY_RESET, KEY_RUN_BACKTEST
from tests.dashboard_fixtures import app_test, plotly_specs, values, write_fixture

PAGE = "pages/advisor.py"
UNPAID = "戊账号"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("advisor_sample") / "liveroi.duckdb"
    with db.connection(path) as con:
        sample.write_to_db(con, sample.generate_brand())
    return path


@pytest.fixture
def sample_env(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    return sample_db


def _accounts(path: Path) -> list[str]:
    """The sample's accounts, most sessions first (computed here, not by the page's query)."""
    with db.connection(path, read_only=True) as con:
        rows = con.execute(
            "SELECT account FROM sessions GROUP BY account ORDER BY count(*) DESC, account"
        ).fetchall()
    return [r[0] for r in rows]


def _advice(path: Path, account: str, lang: str):
    with db.connection(path, read_only=True) as con:
        return recommend_account(con, account, lang=lang)


def _metrics(at) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def _first_metric(at, label: str) -> str:
    return next(value for key, value in _metrics(at) if key == label)


def test_suggestion_on_screen_equals_the_advisor(sample_env: Path) -> None:
    account = _accounts(sample_env)[0]  # the picker's default with nothing selected in the sidebar
    at = app_test(sample_env, PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=KEY_ACCOUNT).value == account
    rec = _advice(sample_env, account, "zh")

    assert _first_metric(at, t("advisor.page.suggested_total", "zh")) == formatting.money(
        rec.suggested_total, "zh"
    )
    assert _first_metric(at, t("advisor.page.expected_gmv", "zh")) == formatting.money(rec.expected.gmv, "zh")
    assert _first_metric(at, t("advisor.page.expected_roi", "zh")) == formatting.ratio(rec.expected.roi)
    assert _first_metric(at, t("advisor.page.expected_profit", "zh")) == formatting.money(
        rec.expected.profit, "zh"
    )
    interval = t(
        "advisor.page.gmv_interval",
        "zh",
        low=formatting.money(rec.expected.gmv_low, "zh"),
        high=formatting.money(rec.expected.gmv_high, "zh"),
    )
    assert interval in [c.value for c in at.caption]

    table = at.dataframe[0].value.set_index("channel")
    assert sorted(table.index) == sorted(channels.channel_name(c, "zh") for c in rec.channels)
    for c in rec.channels:
        row = table.loc[channels.channel_name(c, "zh")]
        assert row["current"] == formatting.money(rec.current[c], "zh")
        assert row["suggested"] == formatting.money(rec.suggested[c], "zh")
        assert row["marginal_roi"] == formatting.ratio(rec.marginal_roi[c])
        if rec.current[c] > 0:
            delta = rec.suggested[c] / rec.current[c] - 1
            assert row["change"] == ("0%" if abs(delta) < 0.005 else formatting.signed_percent(delta, 0))
    # the sample has a channel the advisor holds (spend never varied) and one it cuts below break-even
    statuses = set(table["status"])
    assert t("advisor.page.status.flat", "zh") in statuses
    assert t("advisor.page.status.cut", "zh") in statuses
    # the reason, in the UI language, as the advisor wrote it (Markdown-escaped on screen)
    assert any(info.value.replace("\\", "") == rec.reason for info in at.info)


def test_curves_mark_current_and_suggested_spend(sample_env: Path) -> None:
    account = _accounts(sample_env)[0]
    at = app_test(sample_env, PAGE)
    rec = _advice(sample_env, account, "zh")
    specs = plotly_specs(at)
    # two figures per fitted channel, one (the sessions) per held channel; the backtest waits for a click
    fitted = [c for c in rec.channels if c in rec.model.fitted_channels]
    assert len(specs) == 2 * len(fitted) + (len(rec.channels) - len(fitted))
    first = max(fitted, key=lambda c: abs(rec.suggested[c] - rec.current[c]))  # the first tab
    response = specs[0]
    divisor = 1e4 if max(rec.history.spend[first].max(), rec.current[first]) >= 1e4 else 1.0
    marked = sorted(round(shape["x0"] * divisor) for shape in response["layout"]["shapes"])
    assert marked == sorted(round(v) for v in (rec.current[first], rec.suggested[first]))
    # the sessions behind the curve: every session of the account, normal and promo days together
    points = [tr for tr in response["data"] if tr.get("mode") == "markers"]
    assert sum(len(values(tr, "x")) for tr in points) == rec.sessions_used
    # the marginal-ROI figure carries the break-even line at the account's break-even ROI
    marginal = specs[1]
    levels = [s["y0"] for s in marginal["layout"]["shapes"] if s.get("xref") == "paper"]
    assert levels == [pytest.approx(rec.breakeven_roi)]


def test_what_if_slider_shows_what_if(sample_env: Path) -> None:
    account = _accounts(sample_env)[0]
    at = app_test(sample_env, PAGE)
    rec = _advice(sample_env, account, "zh")
    gmv_label = t("advisor.page.expected_gmv", "zh")
    profit_label = t("advisor.page.expected_profit", "zh")
    # at the defaults the what-if equals the suggestion
    assert [v for k, v in _metrics(at) if k == gmv_label][1] == formatting.money(rec.expected.gmv, "zh")

    channel = rec.model.fitted_channels[0]
    label = t("advisor.page.whatif_slider", "zh", channel=channels.channel_name(channel, "zh"))
    slider = next(s for s in at.slider if s.label == label)
    new_spend = float(round(rec.suggested[channel] * 1.8 / slider.step) * slider.step)
    slider.set_value(new_spend).run()
    assert not at.exception
    spend = {**rec.suggested, channel: new_spend}
    expected = what_if(rec, spend)
    assert expected["gmv"] != pytest.approx(rec.expected.gmv)
    assert [v for k, v in _metrics(at) if k == gmv_label][1] == formatting.money(expected["gmv"], "zh")
    assert [v for k, v in _metrics(at) if k == profit_label][1] == formatting.money(expected["profit"], "zh")
    total = _first_metric(at, t("advisor.page.whatif_total", "zh"))
    assert total == formatting.money(sum(spend.values()), "zh")
    # the suggestion above the what-if does not move
    assert _first_metric(at, gmv_label) == formatting.money(rec.expected.gmv, "zh")

    at.button(key=KEY_RESET).click().run()  # back to the suggestion
    assert [v for k, v in _metrics(at) if k == gmv_label][1] == formatting.money(rec.expected.gmv, "zh")


def test_english_labels_and_backtest_summary(sample_env: Path) -> None:
    account = _accounts(sample_env)[-1]  # the smallest account: the quickest backtest to redo here
    at = app_test(sample_env, PAGE, lang="en", account=account)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Spend advisor"
    assert at.selectbox(key=KEY_ACCOUNT).value == account  # the sidebar's selection is the default
    rec = _advice(sample_env, account, "en")
    labels = [label for label, _ in _metrics(at)]
    assert {"Suggested spend", "Expected GMV", "Expected ROI", "Expected profit"} <= set(labels)
    assert {"Next session", "Response curves by channel", "What if"} <= {s.value for s in at.subheader}
    assert any(info.value.replace("\\", "") == rec.reason for info in at.info)
    assert not re.search(r"[\u4e00-\u9fff]", rec.reason)  # English, not the reason cached for zh

    # the backtest runs when asked for, then stays for the session
    title = t("advisor.page.chart_backtest", "en")
    assert not [s for s in plotly_specs(at) if s["layout"]["title"]["text"] == title]
    at.button(key=KEY_RUN_BACKTEST).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert KEY_RUN_BACKTEST not in [b.key for b in at.button]  # the button gives way to the result
    at.run()

    frame = backtest(rec.history, rec.settings, first=20, last=60)  # scored by its own refit here
    last = frame.iloc[-1]
    summary = t(
        "advisor.page.backtest_summary",
        "en",
        sessions=len(frame),
        start=frame["started_at"].min().date().isoformat(),
        end=frame["started_at"].max().date().isoformat(),
        advisor=formatting.money(last["advisor_cumulative"], "en"),
        vs_hold=("+" if last["advisor_cumulative"] > last["hold_cumulative"] else "")
        + formatting.money(last["advisor_cumulative"] - last["hold_cumulative"], "en"),
        vs_rule=("+" if last["advisor_cumulative"] > last["rule_cumulative"] else "")
        + formatting.money(last["advisor_cumulative"] - last["rule_cumulative"], "en"),
    )
    assert summary in [m.value for m in at.markdown]
    (chart,) = [s for s in plotly_specs(at) if s["layout"]["title"]["text"] == title]
    names = [tr["name"] for tr in chart["data"]]
    assert names == ["Follow the advisor", "Hold spend", "±20 % rule (on last ROI)"]
    assert values(chart["data"][0], "y")[-1] == pytest.approx(last["advisor_cumulative"], rel=1e-9)


def test_today_shows_the_same_suggestion(sample_env: Path) -> None:
    account = _accounts(sample_env)[0]
    at = app_test(sample_env, account=account)
    rec = _advice(sample_env, account, "zh")
    assert _first_metric(at, t("today.advisor_suggested", "zh")) == formatting.money(
        rec.suggested_total, "zh"
    )
    (table,) = [el.value for el in at.table]  # the slot's per-channel table
    rows = table.set_index(t("field.channel", "zh"))
    assert sorted(rows.index) == sorted(channels.channel_name(c, "zh") for c in rec.channels)
    for c in rec.channels:
        row = rows.loc[channels.channel_name(c, "zh")]
        assert row[t("today.advisor_current", "zh")] == formatting.money(rec.current[c], "zh")
        assert row[t("today.advisor_suggested", "zh")] == formatting.money(rec.suggested[c], "zh")
        assert row[t("metric.marginal_roi", "zh")] == formatting.ratio(rec.marginal_roi[c])


def test_empty_database_says_how_to_start(db_path: Path) -> None:
    at = app_test(db_path, PAGE)
    assert not at.exception
    assert t("empty.no_data", "zh") in [i.value for i in at.info]


def _add_thin_and_empty_accounts(path: Path, thin: str, empty: str, sessions: int) -> None:
    start = datetime(2026, 11, 1, 19)
    with db.connection(path) as con:
        for i in range(sessions):
            sid = f"T{i}"
            con.execute(
                "INSERT INTO sessions (session_id, account, started_at, duration_min, new_followers, buyers, gmv)"
                " VALUES (?, ?, ?, 120, 50, 20, ?)",
                [sid, thin, start + timedelta(days=i), 3000.0 + 100 * i],
            )
            con.execute(
                "INSERT INTO session_spend (session_id, channel, export_spend) VALUES (?, 'xiaodiantong', ?)",
                [sid, 1000.0 + 50 * i],
            )
        con.execute("INSERT INTO accounts (account) VALUES (?)", [empty])
        for i in range(MIN_SESSIONS + 2):  # an account that broadcasts without paid spend
            con.execute(
                "INSERT INTO sessions (session_id, account, started_at, duration_min, gmv) VALUES (?, ?, ?, 120, 900)",
                [f"U{i}", UNPAID, start + timedelta(days=i)],
            )


def test_thin_short_and_sessionless_accounts_get_messages(db_path: Path) -> None:
    write_fixture(db_path)
    thin, empty, sessions = "丙账号", "丁账号", MIN_SESSIONS - 3
    _add_thin_and_empty_accounts(db_path, thin, empty, sessions)

    at = app_test(db_path, PAGE, account=thin)
    assert not at.exception, [e.value for e in at.exception]
    rec = _advice(db_path, thin, "zh")
    assert rec.model.status == "thin"
    assert any(i.value.replace("\\", "") == rec.reason for i in at.info)
    infos = [i.value for i in at.info]
    assert t("advisor.page.whatif_thin", "zh") in infos
    assert t("advisor.page.backtest_too_short", "zh", sessions=sessions, first=20) in infos
    table = at.dataframe[0].value
    assert list(table["status"]) == [t("advisor.page.status.thin", "zh")]
    assert list(table["suggested"]) == [formatting.money(rec.current["xiaodiantong"], "zh")]

    at.selectbox(key=KEY_ACCOUNT).set_value(UNPAID).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("advisor.reason.no_channels", "zh") in [i.value for i in at.info]
    assert not at.dataframe and not at.slider

    at.selectbox(key=KEY_ACCOUNT).set_value(empty).run()
    assert not at.exception
    assert t("advisor.page.no_data", "zh", account=empty) in [i.value for i in at.info]
    assert not at.dataframe


def test_advisor_figures_without_data_say_so() -> None:
    import pandas as pd

    from liveroi import charts

    empty_curve = pd.DataFrame(columns=["spend", "gmv_mean", "gmv_low", "gmv_high"])
    empty_points = pd.DataFrame(columns=["spend", "gmv", "promo"])
    no_data = t("chart.no_data", "en")
    for fig in (
        charts.advisor_response(empty_curve, empty_points, "xiaodiantong", 100.0, 100.0, "en"),
        charts.advisor_marginal_roi(empty_curve, "xiaodiantong", 100.0, 100.0, 2.0, "en"),
        charts.advisor_backtest(pd.DataFrame(), "en"),
    ):
        assert [a.text for a in fig.layout.annotations] == [no_data]
    # a held channel: its sessions only, one marker line (suggested = current is not drawn twice)
    points = pd.DataFrame(
        {"spend": [900.0, 1000.0, 1100.0], "gmv": [5e3, 6e3, 7e3], "promo": [False, True, False]}
    )
    fig = charts.advisor_response(empty_curve, points, "fentiao", 1000.0, 1000.0, "en")
    assert [len(tr.x) for tr in fig.data] == [2, 1]
    assert [s.x0 for s in fig.layout.shapes] == [1000.0]
