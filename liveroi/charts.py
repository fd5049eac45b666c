"""Every Plotly figure of the dashboard, drawn with one theme.

The theme: a CJK-capable font stack, one colour per paid channel (``liveroi.channels``), ¥ on money
axes with 万/亿 units for a Chinese reader, thresholds as labelled lines (colour is never the only
signal), promo days as shaded bands. No Streamlit here: pages pass the figures to ``st.plotly_chart``
with ``theme=None`` so this theme is the one that shows.

Figures receive small, already-aggregated frames (a day per row, an account per row, one session);
nothing here grows with the number of sessions in the database.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from liveroi import channels, formatting
from liveroi.dashboard_data import MILESTONE_FOLLOWERS, MilestoneProjection, Thresholds, roi_signal
from liveroi.i18n import t

FONT_FAMILY = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", "Helvetica Neue", Arial, sans-serif'
)
INK = "#1F2937"
GRID = "#E5E7EB"
COLORS: dict[str, str] = {
    "roi": "#2563EB",
    "net_roi": "#0F766E",
    "gmv": "#111827",
    "breakeven": "#DC2626",
    "breakeven_net": "#F97316",
    "target": "#16A34A",
    "promo": "rgba(245, 158, 11, 0.16)",
    "promo_text": "#B45309",
    "target_met": "#16A34A",
    "above_breakeven": "#2563EB",
    "below_breakeven": "#DC2626",
    "no_spend": "#9CA3AF",
    "milestone": "#7C3AED",
    "highlight": "#111827",
}
ACCOUNT_PALETTE = ("#2563EB", "#F26B1D", "#0F766E", "#9333EA", "#DB2777", "#65A30D", "#0891B2", "#B45309")
CHART_HEIGHT = 380
PLOTLY_CONFIG: dict[str, object] = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "responsive": True,
}

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 13, "color": INK},
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=[c.color for c in channels.CHANNELS],
        margin={"l": 64, "r": 24, "t": 56, "b": 40},
        height=CHART_HEIGHT,
        hovermode="x unified",
        hoverlabel={"font": {"family": FONT_FAMILY}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        title={"x": 0, "xanchor": "left", "font": {"size": 16}},
        xaxis={"gridcolor": GRID, "linecolor": GRID, "zeroline": False, "automargin": True},
        yaxis={"gridcolor": GRID, "linecolor": GRID, "zeroline": False, "automargin": True},
    )
)
pio.templates["liveroi"] = TEMPLATE


def themed(fig: go.Figure, title: str | None = None) -> go.Figure:
    """Apply the liveroi theme (and a title) to a figure."""
    fig.update_layout(template="liveroi", title_text=title)
    return fig


# --- money axes -----------------------------------------------------------------------------------


def money_unit(max_value: float | None, lang: str) -> tuple[float, str]:
    """(divisor, suffix) for a money axis: 万/亿 in Chinese from 10,000 up, plain yuan otherwise."""
    peak = abs(max_value) if max_value is not None and math.isfinite(max_value) else 0.0
    if lang == "zh" and peak >= 1e8:
        return 1e8, "亿"
    if lang == "zh" and peak >= 1e4:
        return 1e4, "万"
    return 1.0, ""


def _money_axis(lang: str, suffix: str) -> dict[str, object]:
    axis: dict[str, object] = {"tickprefix": "¥", "ticksuffix": suffix, "rangemode": "tozero"}
    axis["tickformat"] = ",.1~f" if suffix else ("~s" if lang == "en" else ",.0f")
    return axis


def _money_hover(suffix: str) -> str:
    return f"¥%{{y:,.2f}}{suffix}" if suffix else "¥%{y:,.0f}"


def _peak(frame: pd.DataFrame, columns: Sequence[str]) -> float:
    present = [c for c in columns if c in frame]
    if not present or frame.empty:
        return 0.0
    values = frame[present].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    return float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 0.0


# --- shared decorations ---------------------------------------------------------------------------


def _hline(value: float, text: str, color: str, dash: str, position: str = "right") -> tuple[dict, dict]:
    shape = {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": value,
        "y1": value,
        "line": {"color": color, "dash": dash, "width": 1.5},
        "layer": "above",
    }
    note = {
        "xref": "paper",
        "x": 1 if position == "right" else 0,
        "xanchor": position,
        "yref": "y",
        "y": value,
        "yanchor": "bottom",
        "text": text,
        "showarrow": False,
        "font": {"color": color, "size": 12},
        "bgcolor": "rgba(255, 255, 255, 0.85)",
    }
    return shape, note


def _threshold_lines(thresholds: Thresholds, lang: str, *, net: bool = True) -> list[tuple[dict, dict]]:
    lines = [(thresholds.breakeven_roi, "metric.breakeven_roi", COLORS["breakeven"], "dash")]
    if net:
        lines.append(
            (thresholds.breakeven_net_roi, "chart.breakeven_net_roi", COLORS["breakeven_net"], "dot")
        )
    lines.append((thresholds.target_roi, "metric.target_roi", COLORS["target"], "dash"))
    return [
        _hline(value, f"{t(key, lang)} {formatting.ratio(value)}", color, dash)
        for value, key, color, dash in lines
        if value is not None and math.isfinite(value)
    ]


def _promo_bands(promo: pd.DataFrame | None) -> list[tuple[dict, dict]]:
    """One shaded band per promo period (``start, end, name``), labelled at its top left."""
    if promo is None or promo.empty:
        return []
    bands = []
    for start, end, name in zip(promo["start"], promo["end"], promo["name"], strict=True):
        x0 = pd.Timestamp(start) - pd.Timedelta(hours=12)
        x1 = pd.Timestamp(end) + pd.Timedelta(hours=12)
        shape = {
            "type": "rect",
            "xref": "x",
            "x0": x0,
            "x1": x1,
            "yref": "paper",
            "y0": 0,
            "y1": 1,
            "fillcolor": COLORS["promo"],
            "line": {"width": 0},
            "layer": "below",
        }
        note = {
            "xref": "x",
            "x": x0,
            "xanchor": "left",
            "yref": "paper",
            "y": 1,
            "yanchor": "top",
            "text": str(name),
            "showarrow": False,
            "font": {"color": COLORS["promo_text"], "size": 11},
        }
        bands.append((shape, note))
    return bands


def _decorate(fig: go.Figure, items: list[tuple[dict, dict]]) -> None:
    """Add lines/bands with their labels in one layout update (add_hline/add_vrect are slow)."""
    if items:
        fig.update_layout(
            shapes=[*fig.layout.shapes, *(shape for shape, _ in items)],
            annotations=[*fig.layout.annotations, *(note for _, note in items)],
        )


def _date_axis(fig: go.Figure, lang: str) -> None:
    fig.update_xaxes(tickformat="%m-%d" if lang == "zh" else "%b %d", hoverformat="%Y-%m-%d")


def _no_data(fig: go.Figure, lang: str) -> go.Figure:
    fig.add_annotation(
        text=t("chart.no_data", lang),
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        font={"size": 14, "color": COLORS["no_spend"]},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


# --- Trends ---------------------------------------------------------------------------------------


def roi_trend(
    daily: pd.DataFrame, thresholds: Thresholds, promo: pd.DataFrame | None, lang: str
) -> go.Figure:
    """Daily ROI and net ROI (thin), their 7-day moving averages (thick), break-even and target lines,
    promo days shaded. Days without spend leave a gap: their ROI is undefined, not 0."""
    fig = themed(go.Figure(), t("chart.roi_trend", lang))
    if daily.empty or daily["roi"].notna().sum() == 0:
        return _no_data(fig, lang)
    x = pd.to_datetime(daily["day"])
    series = (
        ("roi", "metric.roi", COLORS["roi"], 1.2, "solid", "lines+markers", 0.55),
        ("net_roi", "metric.net_roi", COLORS["net_roi"], 1.2, "solid", "lines+markers", 0.55),
        ("ma_roi", "chart.ma_roi", COLORS["roi"], 3.0, "solid", "lines", 1.0),
        ("ma_net_roi", "chart.ma_net_roi", COLORS["net_roi"], 3.0, "dash", "lines", 1.0),
    )
    for column, key, color, width, dash, mode, opacity in series:
        fig.add_trace(
            go.Scatter(
                x=x,
                y=daily[column],
                name=t(key, lang),
                mode=mode,
                line={"color": color, "width": width, "dash": dash},
                marker={"size": 5},
                opacity=opacity,
                hovertemplate="%{y:.2f}",
                connectgaps=False,
            )
        )
    _decorate(fig, [*_promo_bands(promo), *_threshold_lines(thresholds, lang)])
    fig.update_yaxes(title_text=t("metric.roi", lang), rangemode="tozero", tickformat=".1f")
    _date_axis(fig, lang)
    return fig


def spend_gmv_trend(daily: pd.DataFrame, promo: pd.DataFrame | None, lang: str) -> go.Figure:
    """Spend stacked by channel (one colour per channel) with GMV and its 7-day average as lines."""
    fig = themed(go.Figure(), t("chart.spend_gmv", lang))
    if daily.empty or (daily["total_spend"].fillna(0).sum() == 0 and daily["gmv"].notna().sum() == 0):
        return _no_data(fig, lang)
    spend_columns = [f"spend_{key}" for key in (*channels.KNOWN_KEYS, channels.OTHER_KEY)]
    used = [c for c in spend_columns if c in daily and daily[c].fillna(0).abs().sum() > 0]
    divisor, suffix = money_unit(_peak(daily, [*used, "gmv", "total_spend"]), lang)
    x = pd.to_datetime(daily["day"])
    for column in used:
        key = column.removeprefix("spend_")
        fig.add_trace(
            go.Bar(
                x=x,
                y=daily[column].fillna(0) / divisor,
                name=channels.channel_name(key, lang),
                marker_color=channels.channel_color(key),
                hovertemplate=_money_hover(suffix),
            )
        )
    for column, key, width, dash in (
        ("gmv", "metric.gmv", 2.5, "solid"),
        ("ma_gmv", "chart.ma_gmv", 2.0, "dot"),
    ):
        if column in daily:
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=daily[column] / divisor,
                    name=t(key, lang),
                    mode="lines+markers" if column == "gmv" else "lines",
                    line={"color": COLORS["gmv"], "width": width, "dash": dash},
                    marker={"size": 5},
                    hovertemplate=_money_hover(suffix),
                    connectgaps=False,
                )
            )
    _decorate(fig, _promo_bands(promo))
    fig.update_layout(barmode="stack", bargap=0.25, legend_traceorder="normal")
    fig.update_yaxes(**_money_axis(lang, suffix))
    _date_axis(fig, lang)
    return fig


def follower_growth(
    frame: pd.DataFrame,
    projections: dict[str, MilestoneProjection],
    start: date,
    end: date,
    lang: str,
) -> go.Figure:
    """Cumulative new followers per account (in 万 for a Chinese reader) with the 10万 line and, when
    growing, the linear projection to it (dotted) if it falls within a year of the period's end."""
    fig = themed(go.Figure(), t("chart.follower_growth", lang))
    if frame.empty:
        return _no_data(fig, lang)
    divisor, suffix = (1e4, "万") if lang == "zh" else (1.0, "")
    hover = f"%{{y:,.2f}}{suffix}" if suffix else "%{y:,.0f}"
    for i, (account, rows) in enumerate(frame.groupby("account", sort=False)):
        color = ACCOUNT_PALETTE[i % len(ACCOUNT_PALETTE)]
        rows = rows.sort_values("day")
        visible = rows[pd.to_datetime(rows["day"]) >= pd.Timestamp(start)]
        if visible.empty:
            visible = rows.tail(1).assign(day=start)
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(visible["day"]),
                y=visible["cumulative"] / divisor,
                name=str(account),
                mode="lines+markers",
                line={"color": color, "width": 2.5, "shape": "hv"},
                marker={"size": 4},
                hovertemplate=hover,
            )
        )
        projection = projections.get(str(account))
        if projection and projection.projected_on and projection.projected_on <= end + timedelta(days=365):
            last_day = pd.to_datetime(rows["day"]).max()
            fig.add_trace(
                go.Scatter(
                    x=[last_day, pd.Timestamp(projection.projected_on)],
                    y=[projection.cumulative / divisor, MILESTONE_FOLLOWERS / divisor],
                    name=t("chart.projection", lang, account=str(account)),
                    mode="lines",
                    line={"color": color, "width": 1.5, "dash": "dot"},
                    hovertemplate="%{x|%Y-%m-%d} " + hover,
                    showlegend=False,
                )
            )
    milestone = _hline(
        MILESTONE_FOLLOWERS / divisor, t("chart.milestone", lang), COLORS["milestone"], "dash", "left"
    )
    _decorate(fig, [milestone])
    fig.update_yaxes(
        title_text=t("chart.cumulative_followers", lang),
        rangemode="tozero",
        tickformat="~s" if lang == "en" else ",.1~f",
        ticksuffix=suffix,
    )
    _date_axis(fig, lang)
    return fig


# --- Today ----------------------------------------------------------------------------------------


def recent_roi_bars(daily: pd.DataFrame, day: date, thresholds: Thresholds, lang: str) -> go.Figure:
    """The last days' ROI as bars coloured and labelled by signal, the chosen day outlined."""
    fig = themed(go.Figure(), t("chart.recent_roi", lang))
    if daily.empty or daily["roi"].notna().sum() == 0:
        return _no_data(fig, lang)
    levels = [roi_signal(r, thresholds.breakeven_roi, thresholds.target_roi).level for r in daily["roi"]]
    x = pd.to_datetime(daily["day"])
    chosen = (x == pd.Timestamp(day)).to_numpy()
    fig.add_trace(
        go.Bar(
            x=x,
            y=daily["roi"],
            marker={
                "color": [COLORS[level] for level in levels],
                "line": {
                    "color": [COLORS["highlight"] if c else "rgba(0,0,0,0)" for c in chosen],
                    "width": 2,
                },
            },
            text=[formatting.ratio(r) if r == r else "" for r in daily["roi"]],
            textposition="outside",
            customdata=[t(f"signal.{level}", lang) for level in levels],
            hovertemplate="%{y:.2f} · %{customdata}<extra></extra>",
            name=t("metric.roi", lang),
            showlegend=False,
        )
    )
    _decorate(fig, _threshold_lines(thresholds, lang, net=False))
    fig.update_layout(height=300, hovermode="closest", bargap=0.3)
    fig.update_yaxes(rangemode="tozero", tickformat=".1f", title_text=t("metric.roi", lang))
    _date_axis(fig, lang)
    return fig


# --- Sessions -------------------------------------------------------------------------------------


def funnel(steps: pd.DataFrame, lang: str) -> go.Figure:
    """impressions → viewers → product clicks → buyers as horizontal bars, each labelled with its count
    and the rate from the step before (bars, not a funnel shape: steps shrink 100-fold and a funnel's
    inside labels would be clipped)."""
    fig = themed(go.Figure(), t("chart.funnel", lang))
    known = steps.dropna(subset=["count"])
    if known.empty:
        return _no_data(fig, lang)
    labels = [t(f"metric.{step}", lang) for step in known["step"]]
    rates = [
        "" if r is None or r != r else " · " + t("chart.step_rate", lang, rate=formatting.percent(r))
        for r in known["step_rate"]
    ]
    fig.add_trace(
        go.Bar(
            y=labels,
            x=known["count"],
            orientation="h",
            text=[f"{formatting.count(c, lang)}{r}" for c, r in zip(known["count"], rates, strict=True)],
            textposition="outside",
            cliponaxis=False,
            marker={"color": ["#93C5FD", "#60A5FA", "#3B82F6", "#1D4ED8"][: len(known)]},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    peak = float(pd.to_numeric(known["count"], errors="coerce").max() or 1)
    fig.update_layout(height=320, hovermode=False, bargap=0.35)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, peak * 1.6], showticklabels=False, showgrid=False)
    return fig


def paid_organic(gmv: float | None, ad_gmv: float | None, lang: str) -> go.Figure:
    """GMV split into the platform's ad-attributed part and the rest (organic and unattributed)."""
    fig = themed(go.Figure(), t("chart.paid_organic", lang))
    if gmv is None or ad_gmv is None or not gmv or gmv != gmv or ad_gmv != ad_gmv:
        return _no_data(fig, lang)
    paid = max(0.0, min(float(ad_gmv), float(gmv)))
    organic = float(gmv) - paid
    fig.add_trace(
        go.Pie(
            labels=[t("chart.ad_gmv", lang), t("chart.organic_gmv", lang)],
            values=[paid, organic],
            hole=0.55,
            marker={"colors": [COLORS["roi"], "#CBD5E1"]},
            text=[formatting.money(paid, lang), formatting.money(organic, lang)],
            textinfo="percent",
            hovertemplate="%{label}: %{text}<extra></extra>",
            sort=False,
        )
    )
    fig.update_layout(height=320, showlegend=True)
    return fig


# --- Account matrix -------------------------------------------------------------------------------


def matrix_scatter(frame: pd.DataFrame, lang: str, metric: str = "roi") -> go.Figure:
    """Spend against ROI per account, bubble area proportional to GMV, colour and hover word by each
    account's own signal. SVG, not WebGL (docs/architecture.md): 500 accounts draw in ~0.15 s as SVG
    against ~0.5–0.7 s as WebGL in headless Chromium, which also keeps only a few WebGL contexts alive.

    ``metric='marginal_roi'`` puts each account's marginal ROI at its latest spend on the y-axis
    instead (columns ``marginal_roi``, ``marginal_roi_low``, ``marginal_roi_high``: its 80 % band as
    error bars), coloured against the account's own break-even; accounts without a curve are left out.
    """
    marginal = metric == "marginal_roi"
    fig = themed(
        go.Figure(), t("chart.matrix_scatter_marginal" if marginal else "chart.matrix_scatter", lang)
    )
    y_column = "marginal_roi" if marginal else "roi"
    data = frame.dropna(subset=[y_column]) if y_column in frame else frame.iloc[0:0]
    if data.empty:
        return _no_data(fig, lang)
    divisor, suffix = money_unit(_peak(data, ["total_spend"]), lang)
    gmv = pd.to_numeric(data["gmv"], errors="coerce").fillna(0).clip(lower=0).to_numpy(dtype=float)
    peak = gmv.max() if len(gmv) and gmv.max() > 0 else 1.0
    sizes = 10 + 40 * np.sqrt(gmv / peak)
    levels = [
        roi_signal(r, b, None if marginal else tg).level
        for r, b, tg in zip(data[y_column], data["breakeven_roi"], data["target_roi"], strict=True)
    ]
    words = [t(f"signal.{level}", lang) for level in levels]
    few = len(data) <= 30
    y_label = t("metric.marginal_roi" if marginal else "metric.roi", lang)
    error_y = None
    if marginal:
        y = data["marginal_roi"].to_numpy(dtype=float)
        error_y = {
            "type": "data",
            "symmetric": False,
            "array": np.maximum(data["marginal_roi_high"].to_numpy(dtype=float) - y, 0.0),
            "arrayminus": np.maximum(y - data["marginal_roi_low"].to_numpy(dtype=float), 0.0),
            "color": "rgba(17, 24, 39, 0.35)",
            "thickness": 1.2,
            "width": 4,
        }
    fig.add_trace(
        go.Scatter(
            x=data["total_spend"] / divisor,
            y=data[y_column],
            mode="markers+text" if few else "markers",
            text=data["account"].astype(str) if few else None,
            textposition="top center",
            error_y=error_y,
            marker={
                "size": sizes,
                "color": [COLORS[level] for level in levels],
                "opacity": 0.75,
                "line": {"color": "white", "width": 1},
            },
            customdata=np.column_stack(
                [data["account"].astype(str), [formatting.money(g, lang) for g in data["gmv"]], words]
            ),
            hovertemplate=(
                "%{customdata[0]}<br>"
                + t("metric.total_spend", lang)
                + ": "
                + _money_hover(suffix).replace("%{y", "%{x")
                + "<br>"
                + y_label
                + ": %{y:.2f} · %{customdata[2]}<br>"
                + t("metric.gmv", lang)
                + ": %{customdata[1]}<extra></extra>"
            ),
            showlegend=False,
        )
    )
    breakevens = pd.to_numeric(data["breakeven_roi"], errors="coerce").dropna()
    if len(breakevens):
        median = float(breakevens.median())
        key = "metric.breakeven_roi" if breakevens.nunique() == 1 else "chart.breakeven_median"
        text = f"{t(key, lang)} {formatting.ratio(median)}"
        _decorate(fig, [_hline(median, text, COLORS["breakeven"], "dash")])
    fig.update_layout(hovermode="closest", height=420)
    peak_spend = float(pd.to_numeric(data["total_spend"], errors="coerce").max() or 0) / divisor
    fig.update_xaxes(
        title_text=t("metric.total_spend", lang),
        range=[0, peak_spend * 1.15 or 1],
        **_money_axis(lang, suffix),
    )
    fig.update_yaxes(title_text=y_label, rangemode="tozero", tickformat=".1f")
    return fig


# --- Advisor --------------------------------------------------------------------------------------

ADVISOR_POLICY_COLORS: dict[str, str] = {"advisor": "#2563EB", "hold": "#6B7280", "rule": "#F97316"}
_POLICY_DASH = {"advisor": "solid", "hold": "dot", "rule": "dash"}
# half-width charts: a legend above would wrap into the title, so it goes under the x-axis title
_LEGEND_BELOW: dict[str, object] = {
    "legend": {"orientation": "h", "yanchor": "top", "y": -0.22, "xanchor": "left", "x": 0},
    "margin": {"b": 96},
    "height": CHART_HEIGHT + 40,
}


def _rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` as ``rgba(r, g, b, alpha)`` (bands drawn in a line's own colour)."""
    value = hex_color.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _vline(value: float, text: str, color: str, dash: str, y: float = 1.0) -> tuple[dict, dict]:
    """A labelled vertical line at ``value`` on the x axis (current / suggested spend)."""
    shape = {
        "type": "line",
        "xref": "x",
        "x0": value,
        "x1": value,
        "yref": "paper",
        "y0": 0,
        "y1": 1,
        "line": {"color": color, "dash": dash, "width": 1.5},
        "layer": "above",
    }
    note = {
        "xref": "x",
        "x": value,
        "xanchor": "left",
        "yref": "paper",
        "y": y,
        "yanchor": "top",
        "text": text,
        "showarrow": False,
        "font": {"color": color, "size": 12},
        "bgcolor": "rgba(255, 255, 255, 0.85)",
    }
    return shape, note


def _band(
    x: pd.Series, low: pd.Series, high: pd.Series, color: str, name: str, hover: str
) -> list[go.Scatter]:
    """An interval as a filled band: the upper edge, then the lower edge filled up to it."""
    return [
        go.Scatter(
            x=x, y=high, mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip", name=name
        ),
        go.Scatter(
            x=x,
            y=low,
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=_rgba(color, 0.18),
            name=name,
            hovertemplate=hover,
        ),
    ]


def _spend_markers(
    current: float, suggested: float, divisor: float, suffix: str, lang: str
) -> list[tuple[dict, dict]]:
    items = [
        _vline(
            current / divisor,
            f"{t('advisor.page.chart_current', lang)} {formatting.money(current, lang)}",
            COLORS["no_spend"],
            "dot",
        )
    ]
    if abs(suggested - current) >= max(1.0, 0.005 * current):
        items.append(
            _vline(
                suggested / divisor,
                f"{t('advisor.page.chart_suggested', lang)} {formatting.money(suggested, lang)}",
                COLORS["highlight"],
                "dash",
                y=0.9,
            )
        )
    return items


def advisor_response(
    curve: pd.DataFrame,
    points: pd.DataFrame,
    channel: str,
    current: float,
    suggested: float,
    lang: str,
) -> go.Figure:
    """One channel's fitted response: expected session GMV against the channel's spend (the other
    channels at their suggested spend) with its 80 % band, the sessions behind it as points
    (``spend, gmv, promo``: session GMV, which includes the other channels and organic sales; promo
    days marked apart), and the current and suggested spend as labelled vertical lines."""
    name = channels.channel_name(channel, lang)
    fig = themed(go.Figure(), t("advisor.page.chart_response", lang, channel=name))
    if curve.empty and points.empty:
        return _no_data(fig, lang)
    color = channels.channel_color(channel)
    x_div, x_suffix = money_unit(max(_peak(curve, ["spend"]), _peak(points, ["spend"])), lang)
    y_div, y_suffix = money_unit(max(_peak(curve, ["gmv_high"]), _peak(points, ["gmv"])), lang)
    hover = _money_hover(y_suffix)
    if not points.empty:
        promo = points["promo"].fillna(False).astype(bool).to_numpy()
        for mask, key, symbol in (
            (~promo, "advisor.page.chart_sessions", "circle"),
            (promo, "advisor.page.chart_promo_sessions", "diamond"),
        ):
            if mask.any():
                fig.add_trace(
                    go.Scatter(
                        x=points["spend"][mask] / x_div,
                        y=points["gmv"][mask] / y_div,
                        mode="markers",
                        marker={
                            "color": _rgba(color, 0.35) if symbol == "circle" else COLORS["promo_text"],
                            "size": 6,
                            "symbol": symbol,
                        },
                        name=t(key, lang),
                        hovertemplate=hover,
                    )
                )
    if not curve.empty:
        for trace in _band(
            curve["spend"] / x_div,
            curve["gmv_low"] / y_div,
            curve["gmv_high"] / y_div,
            color,
            t("advisor.page.chart_band", lang),
            hover,
        ):
            fig.add_trace(trace)
        fig.add_trace(
            go.Scatter(
                x=curve["spend"] / x_div,
                y=curve["gmv_mean"] / y_div,
                mode="lines",
                line={"color": color, "width": 3},
                name=t("advisor.page.chart_expected_gmv", lang),
                hovertemplate=hover,
            )
        )
    _decorate(fig, _spend_markers(current, suggested, x_div, x_suffix, lang))
    fig.update_layout(hovermode="closest", **_LEGEND_BELOW)
    fig.update_xaxes(
        title_text=t("advisor.page.chart_spend_axis", lang, channel=name), **_money_axis(lang, x_suffix)
    )
    fig.update_yaxes(title_text=t("advisor.page.chart_gmv_axis", lang), **_money_axis(lang, y_suffix))
    return fig


def advisor_marginal_roi(
    curve: pd.DataFrame, channel: str, current: float, suggested: float, breakeven_roi: float, lang: str
) -> go.Figure:
    """One channel's marginal ROI (GMV of the next yuan) against its spend, with its 80 % band, the
    break-even ROI as a labelled line (where they cross is the most the channel should get) and the
    current and suggested spend marked."""
    name = channels.channel_name(channel, lang)
    fig = themed(go.Figure(), t("advisor.page.chart_marginal", lang, channel=name))
    if curve.empty:
        return _no_data(fig, lang)
    color = channels.channel_color(channel)
    x_div, x_suffix = money_unit(_peak(curve, ["spend"]), lang)
    x = curve["spend"] / x_div
    for trace in _band(
        x,
        curve["marginal_roi_low"],
        curve["marginal_roi_high"],
        color,
        t("advisor.page.chart_band", lang),
        "%{y:.2f}",
    ):
        fig.add_trace(trace)
    fig.add_trace(
        go.Scatter(
            x=x,
            y=curve["marginal_roi_mean"],
            mode="lines",
            line={"color": color, "width": 3},
            name=t("metric.marginal_roi", lang),
            hovertemplate="%{y:.2f}",
        )
    )
    items = _spend_markers(current, suggested, x_div, x_suffix, lang)
    top = 3.0
    if breakeven_roi is not None and math.isfinite(breakeven_roi):
        items.append(
            _hline(
                breakeven_roi,
                f"{t('metric.breakeven_roi', lang)} {formatting.ratio(breakeven_roi)}",
                COLORS["breakeven"],
                "dash",
            )
        )
        top = 3.0 * breakeven_roi
    # the curve is steep near zero spend: show the range where the decision is made
    near = curve.loc[
        curve["spend"] >= 0.5 * min(current, suggested) if min(current, suggested) > 0 else curve.index
    ]
    if not near.empty:
        top = max(top, 1.2 * float(near["marginal_roi_high"].iloc[0]))
    _decorate(fig, items)
    fig.update_layout(hovermode="x unified", **_LEGEND_BELOW)
    fig.update_xaxes(
        title_text=t("advisor.page.chart_spend_axis", lang, channel=name), **_money_axis(lang, x_suffix)
    )
    fig.update_yaxes(title_text=t("metric.marginal_roi", lang), range=[0, top], tickformat=".1f")
    return fig


def advisor_backtest(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Cumulative expected profit over the replayed sessions of following the advisor, holding the
    spend, and the ±20 % rule (``started_at`` and ``<policy>_cumulative`` per row)."""
    fig = themed(go.Figure(), t("advisor.page.chart_backtest", lang))
    if frame.empty:
        return _no_data(fig, lang)
    columns = [f"{p}_cumulative" for p in ADVISOR_POLICY_COLORS]
    divisor, suffix = money_unit(_peak(frame, columns), lang)
    x = pd.to_datetime(frame["started_at"])
    for policy, color in ADVISOR_POLICY_COLORS.items():
        fig.add_trace(
            go.Scatter(
                x=x,
                y=frame[f"{policy}_cumulative"] / divisor,
                mode="lines",
                line={"color": color, "width": 3 if policy == "advisor" else 2, "dash": _POLICY_DASH[policy]},
                name=t(f"advisor.page.policy.{policy}", lang),
                hovertemplate=_money_hover(suffix),
            )
        )
    axis = _money_axis(lang, suffix)
    axis.pop("rangemode")  # cumulative profit can be negative
    fig.update_yaxes(title_text=t("advisor.page.chart_cumulative_profit", lang), **axis)
    fig.update_xaxes(tickformat="%m-%d" if lang == "zh" else "%b %d", hoverformat="%Y-%m-%d %H:%M")
    return fig


# --- Session timeline ------------------------------------------------------------------------------


def session_timeline(
    room: pd.DataFrame, marks: pd.DataFrame, breakeven: float | None, lang: str
) -> go.Figure:
    """One broadcast in time: cumulative spend and GMV (money axis) and cumulative ROI (right axis)
    against the break-even line, the pacing advice marked on the ROI line (▼ cut, ▲ raise, labelled with
    the change), and below it online viewers (line) and new followers per bucket (bars).

    ``room``: one row per bucket (``bucket_start, bucket_minutes, cum_spend, cum_gmv, cum_roi, online,
    new_followers``), plotted at each bucket's end (cumulative figures are "as of"); ``marks``: ``at,
    target, action, change`` of the rules' changes.
    """
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.65, 0.35], vertical_spacing=0.08,
        specs=[[{"secondary_y": True}], [{"secondary_y": True}]],
    )  # fmt: skip
    themed(fig, t("chart.timeline", lang))
    if room.empty:
        return _no_data(fig, lang)
    ends = pd.to_datetime(room["bucket_start"]) + pd.to_timedelta(
        room["bucket_minutes"].astype(float), unit="m"
    )
    divisor, suffix = money_unit(_peak(room, ["cum_spend", "cum_gmv"]), lang)
    for column, key, color in (
        ("cum_gmv", "chart.cum_gmv", COLORS["gmv"]),
        ("cum_spend", "chart.cum_spend", "#F26B1D"),
    ):
        fig.add_trace(
            go.Scatter(
                x=ends, y=room[column] / divisor, name=t(key, lang), mode="lines",
                line={"color": color, "width": 2}, hovertemplate=_money_hover(suffix),
            ),
            row=1, col=1, secondary_y=False,
        )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=ends, y=room["cum_roi"], name=t("chart.cum_roi", lang), mode="lines",
            line={"color": COLORS["roi"], "width": 2.5}, hovertemplate="%{y:.2f}",
        ),
        row=1, col=1, secondary_y=True,
    )  # fmt: skip
    if breakeven is not None and math.isfinite(breakeven):
        fig.add_trace(
            go.Scatter(
                x=[ends.iloc[0], ends.iloc[-1]], y=[breakeven, breakeven], mode="lines",
                name=f"{t('metric.breakeven_roi', lang)} {formatting.ratio(breakeven)}",
                line={"color": COLORS["breakeven"], "dash": "dash", "width": 1.5}, hoverinfo="skip",
            ),
            row=1, col=1, secondary_y=True,
        )  # fmt: skip
    if not marks.empty:
        roi_at = np.interp(
            pd.to_datetime(marks["at"]).astype("int64"),
            ends.astype("int64"),
            room["cum_roi"].astype(float).fillna(0),
        )
        for action, symbol, color in (
            ("cut", "triangle-down", COLORS["below_breakeven"]),
            ("raise", "triangle-up", COLORS["target"]),
        ):
            chosen = (marks["action"] == action).to_numpy()
            if not chosen.any():
                continue
            picked = marks[chosen]
            labels = [
                f"{formatting.signed_percent(c, 0)} {tg}"
                for c, tg in zip(picked["change"], picked["label"], strict=True)
            ]
            fig.add_trace(
                go.Scatter(
                    x=pd.to_datetime(picked["at"]), y=roi_at[chosen], mode="markers+text",
                    name=t(f"pacing.action.{action}", lang), text=labels, textposition="top center",
                    marker={"symbol": symbol, "size": 13, "color": color, "line": {"color": "white", "width": 1}},
                    hovertemplate="%{text}<extra></extra>",
                ),
                row=1, col=1, secondary_y=True,
            )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=ends, y=room["online"], name=t("chart.online", lang), mode="lines",
            line={"color": "#0F766E", "width": 1.5}, hovertemplate="%{y:,.0f}",
        ),
        row=2, col=1, secondary_y=False,
    )  # fmt: skip
    fig.add_trace(
        go.Bar(
            x=ends, y=room["new_followers"], name=t("chart.new_followers_bucket", lang),
            marker={"color": COLORS["milestone"], "opacity": 0.55}, hovertemplate="%{y:,.0f}",
        ),
        row=2, col=1, secondary_y=True,
    )  # fmt: skip
    fig.update_layout(height=600, bargap=0.2, margin={"b": 110}, legend={"y": -0.08, "yanchor": "top"})
    fig.update_yaxes(_money_axis(lang, suffix), row=1, col=1, secondary_y=False)
    fig.update_yaxes(
        title_text="ROI", tickformat=".1f", rangemode="tozero", showgrid=False, row=1, col=1, secondary_y=True
    )
    fig.update_yaxes(rangemode="tozero", title_text=t("chart.online", lang), row=2, col=1, secondary_y=False)
    fig.update_yaxes(
        rangemode="tozero", tickformat=",.0f", title_text=t("chart.new_followers_bucket", lang),
        showgrid=False, row=2, col=1, secondary_y=True,
    )  # fmt: skip
    fig.update_xaxes(tickformat="%H:%M", hoverformat="%m-%d %H:%M")
    return fig
