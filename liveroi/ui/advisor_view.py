"""The 投放建议 / Advisor page's sections: account, settings in force, the suggestion per channel,
each channel's response and marginal-ROI curves, a what-if and a backtest.

The fit is the one the Today slot caches (:func:`liveroi.ui.advisor_slot.advice`, keyed by the data
version), so opening the page after Today costs no refit; the what-if reads that cached
Recommendation (``what_if`` is arithmetic on its posterior draws) inside a fragment, so moving a
slider reruns only the what-if; the backtest (one fit per replayed session, 1–3 s) runs on request in
its own fragment and is cached the same way.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from liveroi import channels, charts, formatting
from liveroi.i18n import t
from liveroi.settings import SettingsError
from liveroi.ui import data, follower_value_view, state, widgets
from liveroi.ui.advisor_slot import advice

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation

SETTINGS_PAGE = "pages/settings.py"
BACKTEST_FIRST = 20  # the backtest replays sessions after this many (liveroi.advisor.backtest)
BACKTEST_LAST = 60  # … at most the last this many
CURVE_POINTS = 121
KEY_ACCOUNT = "advisor_account"
KEY_RESET = "advisor_whatif_reset"
KEY_RUN_BACKTEST = "advisor_backtest_run"
_KEY_BACKTEST_SHOWN = "advisor_backtest_shown"  # accounts whose backtest this session asked for


# --- data -----------------------------------------------------------------------------------------


def pick_account(filters: state.Filters, lang: str) -> str:
    """The account the advice is for: a picker over every account, defaulting to the first account
    selected in the sidebar (else the first account)."""
    options = list(filters.all_accounts)
    if st.session_state.get(KEY_ACCOUNT) not in options:
        st.session_state[KEY_ACCOUNT] = filters.accounts[0] if filters.accounts else options[0]
    with st.columns([1, 2])[0]:
        return st.selectbox(
            t("advisor.page.account", lang),
            options,
            key=KEY_ACCOUNT,
            help=t("advisor.page.account_help", lang),
        )


def load_advice(account: str, lang: str) -> Recommendation | None:
    """The cached Recommendation, or None after a message saying why there is none."""
    try:
        return advice(account, lang)
    except LookupError as exc:
        key = "advisor.page.no_account" if str(exc.args[0] if exc.args else "") == "no_account" else None
        if key:
            st.warning(t(key, lang, account=widgets.plain(account)), icon=":material/person_off:")
        else:
            st.info(t("advisor.page.no_data", lang, account=widgets.plain(account)), icon=":material/inbox:")
            st.page_link(widgets.IMPORT_PAGE, label=t("empty.go_import", lang), icon=":material/upload:")
        return None
    except SettingsError as exc:
        st.error(t("advisor.page.settings_error", lang, detail=t(exc.key, lang)))
        st.page_link(SETTINGS_PAGE, label=t("advisor.page.settings_link", lang), icon=":material/settings:")
        return None


@st.cache_data(show_spinner=False, max_entries=32, ttl=6 * 3600)
def _backtest(path: str, account: str, version: tuple[int, ...], _lang: str) -> pd.DataFrame:
    del path, version  # cache key only (advice() reads the same database and version)
    from liveroi.advisor import backtest, what_if

    rec = advice(account, _lang)  # the language changes only the reason: not part of the key
    # scored with the fit already cached for the page (the same curves backtest() would refit)
    return backtest(
        rec.history,
        rec.settings,
        first=BACKTEST_FIRST,
        last=BACKTEST_LAST,
        evaluator=lambda spend: float(what_if(rec, spend)["profit"]),
    )


def backtest_frame(account: str, lang: str) -> pd.DataFrame:
    """The advisor vs hold vs ±20 % rule replay of ``account`` (empty when the history is too short),
    cached until the data change."""
    path = data.db_path()
    return _backtest(str(path), account, data.data_version(path), lang)


def curve_grid(rec: Recommendation, channel: str) -> np.ndarray:
    """Spend values to draw a channel's curve on: zero to twice the larger of current and suggested
    spend, far enough to cover every past session's spend of the channel."""
    top = max(
        2 * rec.current.get(channel, 0.0),
        2 * rec.suggested.get(channel, 0.0),
        2 * rec.model.typical_spend.get(channel, 0.0),
        float(rec.history.spend[channel].max()),
        1.0,
    )
    return np.linspace(0.0, top, CURVE_POINTS)


def change(current: float, suggested: float) -> float | None:
    """Relative change of spend (None from zero: a restart has no percentage)."""
    return suggested / current - 1 if current > 0 else None


def channel_status(rec: Recommendation, channel: str) -> str:
    """'thin' | 'flat' | 'zero' (held) or 'raise' | 'cut' | 'hold'."""
    held = rec.decision.held.get(channel)
    if held:
        return held
    now, to = rec.current[channel], rec.suggested[channel]
    if abs(to - now) < max(1.0, 0.005 * now):
        return "hold"
    return "raise" if to > now else "cut"


def versus_breakeven(rec: Recommendation, channel: str) -> str | None:
    """'above' / 'below' when the marginal ROI's 80 % interval lies wholly on one side of break-even,
    'unclear' when it straddles it, None without a curve."""
    low, high = rec.marginal_roi_interval.get(channel, (None, None))
    if low is None or high is None or not math.isfinite(rec.breakeven_roi):
        return None
    if low > rec.breakeven_roi:
        return "above"
    if high < rec.breakeven_roi:
        return "below"
    return "unclear"


def _change_text(delta: float | None) -> str:
    if delta is None:
        return formatting.MISSING
    return "0%" if abs(delta) < 0.005 else formatting.signed_percent(delta, 0)


def suggestion_table(rec: Recommendation, lang: str) -> pd.DataFrame:
    """One row per channel, formatted for display: current → suggested, change, marginal ROI with its
    interval, side of break-even, status."""
    rows = []
    for c in curve_order(rec):
        low, high = rec.marginal_roi_interval.get(c, (None, None))
        side = versus_breakeven(rec, c)
        delta = change(rec.current[c], rec.suggested[c])
        rows.append(
            {
                "channel": channels.channel_name(c, lang),
                "current": formatting.money(rec.current[c], lang),
                "suggested": formatting.money(rec.suggested[c], lang),
                "change": _change_text(delta),
                "marginal_roi": formatting.ratio(rec.marginal_roi.get(c)),
                "interval": f"{formatting.ratio(low)}–{formatting.ratio(high)}"
                if low is not None
                else formatting.MISSING,
                "vs_breakeven": t(f"advisor.page.vs.{side}", lang) if side else formatting.MISSING,
                "status": t(f"advisor.page.status.{channel_status(rec, c)}", lang),
            }
        )
    return pd.DataFrame(rows)


# --- sections -------------------------------------------------------------------------------------


def render_context(rec: Recommendation, lang: str) -> None:
    """What the advice rests on: the sessions used and the settings in force (link to Settings)."""
    started = pd.to_datetime(rec.history.sessions["started_at"])
    st.caption(
        t(
            "advisor.page.based_on",
            lang,
            sessions=rec.sessions_used,
            first=started.min().date().isoformat(),
            last=started.max().date().isoformat(),
        )
    )
    s, econ = rec.settings, rec.economics
    follower = formatting.money(econ.follower_value, lang)
    if econ.follower_value_suggested:
        follower = t("advisor.page.suggested_value", lang, value=follower)
    not_set = t("advisor.page.none", lang)
    line = t(
        "advisor.page.settings_line",
        lang,
        margin=formatting.percent(s.gross_margin, 0),
        refund=formatting.percent(s.refund_rate),
        breakeven=formatting.ratio(rec.breakeven_roi),
        max_change=formatting.percent(s.max_change, 0),
        cap=formatting.money(s.budget_cap, lang) if s.budget_cap is not None else not_set,
        follower=follower,
        min_roi=formatting.ratio(s.min_roi) if s.min_roi is not None else not_set,
    )
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.caption(widgets.plain(line))
    with left:
        follower_value_view.advisor_caption(rec, lang)
    with right:
        st.page_link(SETTINGS_PAGE, label=t("advisor.page.settings_link", lang), icon=":material/settings:")


def render_suggestion(rec: Recommendation, lang: str) -> None:
    """Totals and expected outcome as cards, the per-channel table and the reason."""
    from liveroi.advisor import what_if

    st.subheader(t("advisor.page.suggestion_title", lang))
    e = rec.expected
    hold = what_if(rec, rec.current)
    total_change = change(rec.current_total, rec.suggested_total)
    cols = st.columns(5)
    with cols[0].container(border=True, height="stretch"):
        st.metric(
            t("advisor.page.suggested_total", lang),
            formatting.money(rec.suggested_total, lang),
            delta=formatting.signed_percent(total_change) if total_change is not None else None,
            delta_color="off",
        )
        st.caption(t("advisor.page.last_total", lang, value=formatting.money(rec.current_total, lang)))
    with cols[1].container(border=True, height="stretch"):
        st.metric(t("advisor.page.expected_gmv", lang), formatting.money(e.gmv, lang))
        st.caption(
            t(
                "advisor.page.gmv_interval",
                lang,
                low=formatting.money(e.gmv_low, lang),
                high=formatting.money(e.gmv_high, lang),
            )
        )
    with cols[2].container(border=True, height="stretch"):
        st.metric(t("advisor.page.expected_roi", lang), formatting.ratio(e.roi))
        st.caption(f"{t('metric.breakeven_roi', lang)} {formatting.ratio(rec.breakeven_roi)}")
    with cols[3].container(border=True, height="stretch"):
        gain = e.profit - float(hold["profit"])
        st.metric(
            t("advisor.page.expected_profit", lang),
            formatting.money(e.profit, lang),
            delta=_signed_money(gain, lang) if abs(gain) >= 0.5 else None,
            delta_description=t("advisor.page.vs_hold", lang),
            help=t("advisor.page.profit_help", lang),
        )
    with cols[4].container(border=True, height="stretch"):
        st.metric(t("advisor.page.expected_followers", lang), formatting.count(e.new_followers, lang))
    if not rec.channels:  # no paid spend on record: the reason says so
        st.info(widgets.plain(rec.reason), icon=":material/lightbulb:")
        return
    st.dataframe(
        suggestion_table(rec, lang),
        hide_index=True,
        width="stretch",
        column_config={
            "channel": t("field.channel", lang),
            "current": t("advisor.page.col.current", lang),
            "suggested": t("advisor.page.col.suggested", lang),
            "change": t("advisor.page.col.change", lang),
            "marginal_roi": t("advisor.page.col.marginal_roi", lang),
            "interval": t("advisor.page.col.interval", lang),
            "vs_breakeven": t(
                "advisor.page.col.vs_breakeven", lang, breakeven=formatting.ratio(rec.breakeven_roi)
            ),
            "status": t("advisor.page.col.status", lang),
        },
    )
    st.info(widgets.plain(rec.reason), icon=":material/lightbulb:")


def render_curves(rec: Recommendation, lang: str) -> None:
    """One tab per channel: the GMV response with its band and the sessions behind it, and the
    marginal ROI against break-even, current and suggested spend marked on both."""
    from liveroi.advisor import response_curve

    if not rec.channels:
        return
    st.subheader(t("advisor.page.curves_title", lang))
    st.caption(t("advisor.page.curves_caption", lang))
    sessions = rec.history.sessions
    ordered = curve_order(rec)
    tabs = st.tabs([channels.channel_name(c, lang) for c in ordered])
    for tab, channel in zip(tabs, ordered, strict=True):
        with tab:
            curve = response_curve(rec, channel, curve_grid(rec, channel))
            if curve.empty:
                why = t(f"advisor.page.status.{rec.model.channel_status.get(channel, 'thin')}", lang)
                st.info(
                    t("advisor.page.no_curve", lang, channel=channels.channel_name(channel, lang), why=why)
                )
            points = pd.DataFrame(
                {"spend": rec.history.spend[channel], "gmv": sessions["gmv"], "promo": sessions["promo"]}
            ).dropna(subset=["gmv"])
            now, to = rec.current[channel], rec.suggested[channel]
            left, right = st.columns(2)
            with left:
                widgets.cached_chart(
                    charts.advisor_response,
                    curve,
                    points,
                    channel,
                    now,
                    to,
                    lang,
                    key=f"advisor_curve_{channel}",
                )
            if not curve.empty:  # a held channel has no marginal ROI to draw
                with right:
                    widgets.cached_chart(
                        charts.advisor_marginal_roi,
                        curve,
                        channel,
                        now,
                        to,
                        rec.breakeven_roi,
                        lang,
                        key=f"advisor_mroi_{channel}",
                    )


def curve_order(rec: Recommendation) -> list[str]:
    """Channels with a curve first, the biggest move first (the reason's order); held ones last."""
    fitted = set(rec.model.fitted_channels)
    return sorted(rec.channels, key=lambda c: (c not in fitted, -abs(rec.suggested[c] - rec.current[c]), c))


def _signed_money(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + formatting.money(value, lang)


def slider_bounds(rec: Recommendation, channel: str) -> tuple[float, float]:
    """(maximum, step) of a channel's what-if slider: 0 to about twice its largest past spend (and
    never below twice the suggested spend), in steps of about 1/200 of the range, rounded to a power of 10."""
    top = max(
        2 * float(rec.history.spend[channel].max()),
        2 * rec.suggested[channel],
        2 * rec.current[channel],
        10.0,
    )
    step = float(10 ** max(0, math.floor(math.log10(top / 200))))
    return float(math.ceil(top / step) * step), step


def _slider_key(account: str, channel: str) -> str:
    return f"advisor_whatif::{account}::{channel}"


def render_what_if(rec: Recommendation, lang: str) -> None:
    """Sliders per channel (default: the suggestion) and the expected outcome of that spend."""
    if not rec.channels:
        return
    st.subheader(t("advisor.page.whatif_title", lang))
    if rec.model.status != "fitted":
        st.info(t("advisor.page.whatif_thin", lang), icon=":material/hourglass_empty:")
        return
    st.caption(t("advisor.page.whatif_caption", lang))
    _what_if_fragment(rec, lang)


@st.fragment
def _what_if_fragment(rec: Recommendation, lang: str) -> None:
    from liveroi.advisor import what_if

    keys = {c: _slider_key(rec.account, c) for c in curve_order(rec)}

    def reset() -> None:
        for c, key in keys.items():
            st.session_state[key] = float(rec.suggested[c])

    left, right = st.columns([2, 3])
    spend: dict[str, float] = {}
    with left:
        for c in keys:
            top, step = slider_bounds(rec, c)
            fitted = c in rec.model.fitted_channels
            stored = st.session_state.get(keys[c])
            if stored is None or not 0 <= stored <= top:  # new, or the data changed under it
                st.session_state[keys[c]] = float(rec.suggested[c])
            spend[c] = st.slider(
                t("advisor.page.whatif_slider", lang, channel=channels.channel_name(c, lang)),
                min_value=0.0,
                max_value=top,
                step=step,
                format="¥%.0f",
                key=keys[c],
                help=None if fitted else t("advisor.page.whatif_held_help", lang),
            )
        st.button(
            t("advisor.page.whatif_reset", lang), key=KEY_RESET, on_click=reset, icon=":material/restart_alt:"
        )
    outcome = what_if(rec, spend)
    base = rec.expected
    total = float(sum(spend.values()))
    vs = t("advisor.page.whatif_vs_suggested", lang)

    def delta(value: float | None, reference: float | None, kind: str) -> str | None:
        if value is None or reference is None or abs(value - reference) < 0.5:
            return None
        diff = value - reference
        return _signed_money(diff, lang) if kind == "money" else f"{diff:+,.0f}"

    with right:
        row1, row2 = st.columns(3), st.columns(2)
        with row1[0]:
            _compared(
                t("advisor.page.whatif_total", lang),
                formatting.money(total, lang),
                delta(total, rec.suggested_total, "money"),
                vs,
                color="off",
            )
        with row1[1]:
            _compared(
                t("advisor.page.expected_gmv", lang),
                formatting.money(outcome["gmv"], lang),
                delta(outcome["gmv"], base.gmv, "money"),
                vs,
            )
            st.caption(
                t(
                    "advisor.page.gmv_interval",
                    lang,
                    low=formatting.money(outcome["gmv_low"], lang),
                    high=formatting.money(outcome["gmv_high"], lang),
                )
            )
        with row1[2]:
            st.metric(t("advisor.page.expected_roi", lang), formatting.ratio(outcome["roi"]))
        with row2[0]:
            _compared(
                t("advisor.page.expected_profit", lang),
                formatting.money(outcome["profit"], lang),
                delta(outcome["profit"], base.profit, "money"),
                vs,
            )
        with row2[1]:
            _compared(
                t("advisor.page.expected_followers", lang),
                formatting.count(outcome["new_followers"], lang),
                delta(outcome["new_followers"], base.new_followers, "count"),
                vs,
            )


def _compared(label: str, value: str, delta: str | None, description: str, color: str = "normal") -> None:
    """A metric with its change against a reference, the reference named only when there is a change."""
    st.metric(label, value, delta=delta, delta_color=color, delta_description=description if delta else None)  # type: ignore[arg-type]


def render_backtest(rec: Recommendation, lang: str) -> None:
    """The replay of history: cumulative expected profit of the three policies and one line of summary.

    Replaying costs one fit per replayed session (≈1 s on the sample brand, ≈3 s for an account with
    1,700 sessions), so it runs when asked for — inside a fragment, so the click reruns only this
    section — and from then on shows for that account on every rerun of the session (cached)."""
    st.subheader(t("advisor.page.backtest_title", lang))
    if rec.sessions_used <= BACKTEST_FIRST:
        st.info(
            t("advisor.page.backtest_too_short", lang, sessions=rec.sessions_used, first=BACKTEST_FIRST),
            icon=":material/hourglass_empty:",
        )
        return
    _backtest_fragment(rec.account, min(BACKTEST_LAST, rec.sessions_used - BACKTEST_FIRST), lang)


@st.fragment
def _backtest_fragment(account: str, replayed: int, lang: str) -> None:
    shown: set[str] = st.session_state.setdefault(_KEY_BACKTEST_SHOWN, set())
    if account not in shown:  # the click's callback adds it before the fragment reruns
        st.caption(t("advisor.page.backtest_prompt", lang, sessions=replayed))
        st.button(
            t("advisor.page.backtest_run", lang),
            key=KEY_RUN_BACKTEST,
            icon=":material/replay:",
            on_click=shown.add,
            args=(account,),
        )
        return
    with st.spinner(t("advisor.page.backtest_running", lang)):
        frame = backtest_frame(account, lang)
    if frame.empty:
        st.info(t("advisor.page.backtest_none", lang), icon=":material/hourglass_empty:")
        return
    last = frame.iloc[-1]
    started = pd.to_datetime(frame["started_at"])
    st.markdown(
        t(
            "advisor.page.backtest_summary",
            lang,
            sessions=len(frame),
            start=started.min().date().isoformat(),
            end=started.max().date().isoformat(),
            advisor=formatting.money(last["advisor_cumulative"], lang),
            vs_hold=_signed_money(last["advisor_cumulative"] - last["hold_cumulative"], lang),
            vs_rule=_signed_money(last["advisor_cumulative"] - last["rule_cumulative"], lang),
        )
    )
    widgets.cached_chart(charts.advisor_backtest, frame, lang, key="advisor_backtest")
    st.caption(t("advisor.page.backtest_caption", lang))
