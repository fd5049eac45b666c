"""The dashboard's pure parts: translations, no hard-coded UI text, KPI maths, projections, promo days."""

from __future__ import annotations

import ast
import re
import string
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liveroi import db
from liveroi.dashboard_data import (
    Thresholds,
    combined_thresholds,
    funnel_steps,
    previous_period,
    project_milestone,
    roi_signal,
    signal_levels,
    today_kpis,
    trend,
    with_moving_averages,
)
from liveroi.economics import suggested_follower_value
from liveroi.i18n import LANGUAGES, TRANSLATIONS
from liveroi.i18n import dashboard as dashboard_strings
from liveroi.promo_calendar import (
    builtin_promo_days,
    clean_promo_rows,
    promo_days_for_chart,
    replace_promo_days,
)

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = sorted(
    [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "liveroi" / "ui").glob("*.py")]
)


# --- translations ---------------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, entry in TRANSLATIONS.items():
        for lang in LANGUAGES:
            assert entry.get(lang), f"{key} has no {lang}"
    for key, entry in dashboard_strings.STRINGS.items():
        assert _placeholders(entry["zh"]) == _placeholders(entry["en"]), key


def test_every_key_the_dashboard_uses_exists() -> None:
    used = set()
    dynamic = set()
    for path in [*UI_FILES, ROOT / "liveroi" / "charts.py", ROOT / "liveroi" / "promo_calendar.py"]:
        for match in re.finditer(r'\bt\(\s*(f?)"([^"]+)"', path.read_text(encoding="utf-8")):
            (dynamic if match.group(1) else used).add(match.group(2))
    assert used, "the scan found no t() call"
    missing = sorted(k for k in used if k not in TRANSLATIONS)
    assert not missing, missing
    for pattern in dynamic:  # f"signal.{level}" → at least one key with that prefix
        prefix = pattern.split("{")[0]
        assert any(k.startswith(prefix) for k in TRANSLATIONS), pattern


# Streamlit calls whose text a user reads; positional arguments and these keywords must not be literals.
_DISPLAY_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "info", "warning", "error",
    "success", "toast", "metric", "button", "download_button", "selectbox", "multiselect", "text_input",
    "number_input", "date_input", "toggle", "checkbox", "radio", "segmented_control", "file_uploader",
    "page_link", "badge", "expander", "tabs", "set_page_config", "Page", "NumberColumn", "TextColumn",
    "DateColumn", "DatetimeColumn", "SelectboxColumn",
}  # fmt: skip
_TEXT_KEYWORDS = {"label", "help", "placeholder", "body", "delta_description", "title", "page_title"}
_FIRST_ARG_IS_A_PATH = {"page_link", "Page"}
_WORDS = re.compile(r"[A-Za-z]{2,}|[\u3400-\u9fff]")


def _literal_text(node: ast.AST) -> str:
    """The literal text a node contributes on its own (f-string constant parts, plain strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + _literal_text(node.right)
    return ""


def test_no_hard_coded_ui_text_in_pages_or_ui() -> None:
    offenders = []
    for path in UI_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            receiver = getattr(call.func, "value", None)
            if name not in _DISPLAY_CALLS or getattr(receiver, "id", "") in {"log", "logger", "logging"}:
                continue
            args = call.args[1:] if name in _FIRST_ARG_IS_A_PATH else call.args
            texts = [*args, *(k.value for k in call.keywords if k.arg in _TEXT_KEYWORDS)]
            for node in texts:
                literal = _literal_text(node)
                if _WORDS.search(literal):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal!r}")
    assert not offenders, "UI text must come from liveroi.i18n.t():\n" + "\n".join(offenders)


def test_the_scan_would_catch_a_literal() -> None:
    tree = ast.parse('st.info("数据为空")\nst.metric(label=f"ROI {x}", value=1)\nst.caption(t("k", lang))')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    found = [
        _literal_text(a)
        for c in calls
        for a in [*c.args, *(k.value for k in c.keywords if k.arg in _TEXT_KEYWORDS)]
        if _WORDS.search(_literal_text(a))
    ]
    assert found == ["数据为空", "ROI "]


def test_no_unsafe_html_and_no_sql_in_pages() -> None:
    for path in UI_FILES:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        assert not re.search(r"\b(SELECT|INSERT|DELETE|UPDATE)\s", text), path
        if path.parent.name == "pages":
            assert "duckdb" not in text and ".execute(" not in text, path


# --- KPIs and signals -----------------------------------------------------------------------------


def test_today_kpis_against_the_average_of_broadcast_days() -> None:
    day = {"total_spend": 1000.0, "gmv": 3000.0, "refunds": 300.0, "new_followers": 50, "viewers": 2000,
           "buyers": 40, "views": 5000}  # fmt: skip
    previous = {"total_spend": 4000.0, "gmv": 10000.0, "refunds": 0.0, "new_followers": 0, "viewers": 8000,
                "buyers": 100, "views": 20000, "active_days": 4}  # fmt: skip
    kpis = {k.key: k for k in today_kpis(day, previous)}
    assert kpis["total_spend"].previous == 1000.0 and kpis["total_spend"].delta == 0.0
    assert kpis["gmv"].delta == pytest.approx(3000 / 2500 - 1)
    assert kpis["roi"].value == 3.0 and kpis["roi"].previous == 2.5
    assert kpis["net_roi"].value == pytest.approx(2.7)
    assert kpis["cost_per_follower"].value == 20.0
    assert kpis["cost_per_follower"].previous is None  # 0 followers before: no ratio, not inf
    assert kpis["cost_per_follower"].delta is None
    assert kpis["gpm"].value == pytest.approx(600.0)
    assert kpis["aov"].value == 75.0


def test_zero_spend_day_has_no_roi_and_no_previous_gives_no_delta() -> None:
    kpis = {k.key: k for k in today_kpis({"total_spend": 0.0, "gmv": 500.0}, None)}
    assert kpis["roi"].value is None and kpis["net_roi"].value is None
    assert kpis["gmv"].delta is None
    assert roi_signal(None, 2.0, 3.0).level == "no_spend"


@pytest.mark.parametrize(
    ("roi", "breakeven", "target", "level"),
    [
        (3.5, 2.2, 3.0, "target_met"),
        (2.5, 2.2, 3.0, "above_breakeven"),
        (2.5, 2.2, None, "above_breakeven"),
        (2.0, 2.2, 1.5, "below_breakeven"),  # a target under break-even does not make a loss "met"
        (2.0, None, None, "above_breakeven"),
        (float("inf"), 2.2, None, "no_spend"),
    ],
)
def test_roi_signal(roi: float, breakeven: float | None, target: float | None, level: str) -> None:
    assert roi_signal(roi, breakeven, target).level == level
    vectorised = signal_levels(
        pd.Series([roi]), pd.Series([breakeven], dtype=float), pd.Series([target], dtype=float)
    )
    assert vectorised.iloc[0] == level


def test_combined_break_even_is_the_break_even_of_the_sum() -> None:
    # A: GMV 10,000 at margin 0.5 (no refunds); B: GMV 30,000 at margin 0.25 and 20 % refunds
    frame = pd.DataFrame(
        {
            "gmv": [10_000.0, 30_000.0],
            "margin_gmv": [10_000 * 0.5, 30_000 * 0.25 * 0.8],
            "net_gmv": [10_000.0, 30_000.0],
            "margin_net_gmv": [10_000 * 0.5, 30_000 * 0.25],
            "target_spend": [3.0 * 2_000, np.nan],
            "spend_with_target": [2_000.0, np.nan],
        }
    )
    thresholds = combined_thresholds(frame)
    breakeven = thresholds.breakeven_roi
    # at that ROI the summed profit is zero: Σ margin_i × gmv_i = spend = Σ gmv / breakeven
    assert 10_000 * 0.5 + 30_000 * 0.25 * 0.8 == pytest.approx(40_000 / breakeven)
    assert thresholds.target_roi == 3.0
    assert combined_thresholds(pd.DataFrame()) == Thresholds(None, None, None)


def test_moving_averages_are_ratios_of_rolling_sums_and_skip_no_spend_days() -> None:
    days = pd.date_range("2026-11-01", periods=10, freq="D").date
    daily = pd.DataFrame({"day": days, "total_spend": [100.0] * 10, "gmv": [200.0 + 10 * i for i in range(10)],
                          "refunds": [0.0] * 10, "new_followers": [1] * 10})  # fmt: skip
    daily.loc[3, "total_spend"] = 0.0
    out = with_moving_averages(daily, days[7], days[9])
    assert list(out["day"]) == list(days[7:])
    window = daily.iloc[3:10]
    assert out["ma_roi"].iloc[-1] == pytest.approx(window["gmv"].sum() / window["total_spend"].sum())
    zero = with_moving_averages(daily, days[3], days[3])
    assert np.isnan(zero["roi"].iloc[0])  # a zero-spend day has no ROI, not 0 or inf


def test_milestone_projection() -> None:
    days = pd.date_range("2026-10-01", periods=40, freq="D")
    cumulative = pd.Series(50_000 + 1_000 * np.arange(40))  # +1,000 a day, 89,000 on the last day
    projection = project_milestone(pd.Series(days), cumulative)
    assert projection.per_day == pytest.approx(1_000)
    assert projection.projected_on == (days[-1] + pd.Timedelta(days=11)).date()
    flat = project_milestone(pd.Series(days), pd.Series([500.0] * 40))
    assert flat.per_day is None and flat.projected_on is None
    reached = project_milestone(pd.Series(days), 95_000 + 1_000 * pd.Series(np.arange(40)))
    assert reached.reached_on == days[5].date() and reached.projected_on is None
    assert (
        project_milestone(pd.Series([], dtype="datetime64[ns]"), pd.Series([], dtype=float)).cumulative == 0
    )


def test_small_helpers() -> None:
    assert previous_period(date(2026, 11, 1), date(2026, 11, 30)) == (date(2026, 10, 2), date(2026, 10, 31))
    assert trend(110, 100) == "up" and trend(99, 100) == "flat" and trend(1, 0) == "none"
    # 0.1 later orders × ¥120 AOV × 50 % margin × (1 − 10 % refunds) = ¥5.40; no AOV → the ¥3 default
    assert suggested_follower_value(0.5, 0.1, 120.0) == pytest.approx(5.40)
    assert suggested_follower_value(0.5, 0.1, None) == pytest.approx(3.0)
    steps = funnel_steps({"impressions": 1000, "viewers": 100, "product_clicks": 0, "buyers": 0})
    assert steps["step_rate"].tolist()[1:3] == [0.1, 0.0] and pd.isna(steps["step_rate"].iloc[3])


# --- promo calendar ------------------------------------------------------------------------------


def test_builtin_promo_days_and_runs() -> None:
    builtin = builtin_promo_days(date(2026, 6, 1), date(2026, 12, 31), "zh")
    assert builtin["day"].tolist() == [date(2026, 6, 18), date(2026, 11, 11), date(2026, 12, 12)]
    stored = pd.DataFrame(
        {"day": [date(2026, 11, d) for d in (1, 2, 3, 11)], "name": ["预热", "预热", "预热", "双11"]}
    )
    runs = promo_days_for_chart(stored, 4, date(2026, 11, 1), date(2026, 11, 30), "zh")
    assert runs.to_dict("records") == [
        {"start": date(2026, 11, 1), "end": date(2026, 11, 3), "name": "预热"},
        {"start": date(2026, 11, 11), "end": date(2026, 11, 11), "name": "双11"},
    ]
    fallback = promo_days_for_chart(stored.iloc[0:0], 0, date(2026, 11, 1), date(2026, 11, 30), "en")
    assert fallback["name"].tolist() == ["Double 11"]


def test_promo_calendar_edit_is_stored_verbatim(db_path: Path) -> None:
    edited = pd.DataFrame(
        {
            "day": [date(2026, 9, 9), None, date(2026, 11, 11)],
            "name": ["品牌日 <script>", "no day", "  "],
            "account": ["全部账号", "甲", "甲"],
        }
    )
    rows, dropped = clean_promo_rows(edited, "全部账号")
    assert dropped == 2
    with db.connection(db_path) as con:
        con.execute("INSERT INTO promo_days VALUES ('2025-01-01', 'old', NULL)")
        assert replace_promo_days(con, rows) == 1
        stored = con.execute("SELECT day, name, account FROM promo_days").fetchall()
    assert stored == [(date(2026, 9, 9), "品牌日 <script>", None)]


def test_previous_period_is_adjacent() -> None:
    start, end = date(2026, 11, 20), date(2026, 11, 24)
    prev_start, prev_end = previous_period(start, end)
    assert prev_end == start - timedelta(days=1) and (prev_end - prev_start) == (end - start)
