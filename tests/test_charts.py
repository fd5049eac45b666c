"""The Plotly figures: one theme, channel colours, ¥ and 万 on money axes, thresholds labelled."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from liveroi import channels, charts
from liveroi.dashboard_data import MilestoneProjection, Thresholds, with_moving_averages


def _daily() -> pd.DataFrame:
    days = pd.date_range("2026-11-01", periods=14, freq="D").date
    frame = pd.DataFrame(
        {
            "day": days,
            "total_spend": [20_000.0] * 14,
            "gmv": [60_000.0 + 1_000 * i for i in range(14)],
            "refunds": [3_000.0] * 14,
            "new_followers": [100] * 14,
            "spend_xiaodiantong": [15_000.0] * 14,
            "spend_fentiao": [5_000.0] * 14,
            "spend_jinniu": [0.0] * 14,
        }
    )
    return with_moving_averages(frame, days[0], days[-1])


def test_money_units() -> None:
    assert charts.money_unit(5_000, "zh") == (1.0, "")
    assert charts.money_unit(25_000, "zh") == (1e4, "万")
    assert charts.money_unit(3e8, "zh") == (1e8, "亿")
    assert charts.money_unit(25_000, "en") == (1.0, "")


def test_spend_chart_uses_channel_colours_and_wan_axis() -> None:
    fig = charts.spend_gmv_trend(_daily(), None, "zh")
    bars = {trace.name: trace for trace in fig.data if trace.type == "bar"}
    assert set(bars) == {"小店通", "粉条"}  # channels without spend are left out
    assert bars["小店通"].marker.color == channels.channel_color("xiaodiantong")
    assert bars["小店通"].y[0] == pytest.approx(1.5)  # ¥15,000 shown as 1.5万
    assert fig.layout.yaxis.tickprefix == "¥" and fig.layout.yaxis.ticksuffix == "万"
    assert fig.layout.template.layout.font.family.startswith('"Noto Sans CJK SC"')
    assert fig.layout.barmode == "stack"


def test_roi_chart_labels_thresholds_and_promo_periods() -> None:
    promo = pd.DataFrame({"start": [date(2026, 11, 11)], "end": [date(2026, 11, 11)], "name": ["双11"]})
    fig = charts.roi_trend(_daily(), Thresholds(2.22, 2.0, 3.0), promo, "zh")
    lines = [s.y0 for s in fig.layout.shapes if s.type == "line"]
    assert lines == [2.22, 2.0, 3.0]
    texts = [a.text for a in fig.layout.annotations]
    assert "保本ROI 2.22" in texts and "目标ROI 3.00" in texts and "双11" in texts
    assert [t.name for t in fig.data][:2] == ["整体ROI", "净ROI"]


def test_empty_data_draws_a_message_not_an_error() -> None:
    empty = with_moving_averages(pd.DataFrame(), date(2026, 11, 1), date(2026, 11, 3))
    for fig in (
        charts.roi_trend(empty, Thresholds(None, None, None), None, "en"),
        charts.spend_gmv_trend(empty, None, "en"),
        charts.recent_roi_bars(empty, date(2026, 11, 3), Thresholds(None, None, None), "en"),
    ):
        assert fig.layout.annotations[0].text == "No data in the selected range"


def test_follower_projection_and_scatter() -> None:
    frame = pd.DataFrame(
        {
            "account": ["A"] * 3,
            "day": pd.date_range("2026-11-01", periods=3).date,
            "cumulative": [80_000, 85_000, 90_000],
        }
    )
    projection = {"A": MilestoneProjection(90_000, 5_000, None, date(2026, 11, 5))}
    fig = charts.follower_growth(frame, projection, date(2026, 11, 1), date(2026, 11, 3), "zh")
    assert [t.y[-1] for t in fig.data] == [9.0, 10.0]  # 万 in Chinese
    assert fig.layout.yaxis.ticksuffix == "万"
    matrix = pd.DataFrame(
        {
            "account": ["A", "B"],
            "total_spend": [10_000.0, 30_000.0],
            "roi": [3.0, 1.5],
            "gmv": [30_000.0, 45_000.0],
            "breakeven_roi": [2.0, 2.0],
            "target_roi": [None, None],
        }
    )
    scatter = charts.matrix_scatter(matrix, "en")
    assert scatter.data[0].type == "scatter"  # SVG: no WebGL context per chart
    assert list(scatter.data[0].marker.color) == [
        charts.COLORS["above_breakeven"],
        charts.COLORS["below_breakeven"],
    ]
