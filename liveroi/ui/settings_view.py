"""The 设置 / Settings page's sections: who may edit, the account (or the defaults row), its economics
with the break-even shown live, the guardrails with the suggested follower value, saving, and the
promo calendar.

``pages/settings.py`` calls these top to bottom (filters → data → figures → text). The money rules —
break-even and the suggested follower value — are :mod:`liveroi.economics`, the same functions the
advisor uses, so the value suggested here is the value the advice uses when the field stays empty.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from liveroi import db, economics, formatting
from liveroi.i18n import t
from liveroi.promo_calendar import clean_promo_rows, replace_promo_days
from liveroi.settings import DEFAULTS_ACCOUNT, AccountSettings, SettingsError, save
from liveroi.ui import auth, data, follower_value_view, state


@dataclass(frozen=True)
class SettingsData:
    """One account's settings as the form starts from them."""

    account: str
    current: AccountSettings  # in force (own row over the defaults, refund rate estimated when unset)
    stored: dict[str, float | None]  # the account's own row (None = inherited)
    aov: float | None  # Σ GMV / Σ buyers over the account's history (every account for the defaults)


@dataclass(frozen=True)
class EconomicsInput:
    """What the economics part of the form holds right now."""

    margin: float
    refund_rate: float
    estimate_refunds: bool


# --- filters ----------------------------------------------------------------------------------------


def may_edit(lang: str) -> bool:
    """Whether this user may change settings; says so when the dashboard has no sign-in, and warns
    a viewer that the page is read-only."""
    if not auth.auth_configured():
        st.caption(t("settings.single_user", lang))
    allowed = auth.can("settings")
    if not allowed:
        st.warning(t("settings.read_only", lang), icon=":material/lock:")
    return allowed


def pick_account(filters: state.Filters, lang: str) -> str:
    """The account whose settings are edited, or the defaults row ('*') every account inherits."""
    return st.selectbox(
        t("field.account", lang),
        [DEFAULTS_ACCOUNT, *filters.all_accounts],
        format_func=lambda a: t("settings.defaults_row", lang) if a == DEFAULTS_ACCOUNT else a,
        help=t("settings.account_help", lang),
        key="settings_account",
    )


# --- data -------------------------------------------------------------------------------------------


def load(account: str) -> SettingsData:
    """The account's settings in force, its own stored row and its average order value."""
    current, stored = data.account_settings(account)
    aov = data.query("pages/account_aov", {"account": account})["aov"].iloc[0]
    return SettingsData(account, current, stored, None if pd.isna(aov) else float(aov))


def _key(account: str, field: str) -> str:
    return f"settings_{field}_{account}"


def _optional(value: float | None) -> float | None:
    return None if value is None else float(value)


# --- figures ----------------------------------------------------------------------------------------


def render_economics(loaded: SettingsData, editable: bool, lang: str) -> EconomicsInput:
    """Gross margin and refund rate (or its estimate from history), with the break-even ROI and net
    break-even ROI they give, recomputed as the user types."""
    current, account = loaded.current, loaded.account
    st.subheader(t("settings.economics", lang))
    left, right = st.columns(2)
    margin_pct = left.number_input(
        t("settings.gross_margin", lang),
        value=round(current.gross_margin * 100, 2),
        step=1.0,
        format="%.1f",
        key=_key(account, "gross_margin"),
        help=t("settings.gross_margin_help", lang),
        disabled=not editable,
    )
    estimate_refunds = right.checkbox(
        t("settings.refund_estimate", lang, rate=formatting.percent(current.refund_rate)),
        value=loaded.stored["refund_rate"] is None,
        key=_key(account, "refund_estimate"),
        disabled=not editable,
    )
    refund_pct = right.number_input(
        t("settings.refund_rate", lang),
        value=round(current.refund_rate * 100, 2),
        step=1.0,
        format="%.1f",
        key=_key(account, "refund_rate"),
        disabled=estimate_refunds or not editable,
    )
    margin = margin_pct / 100
    refund_rate = current.refund_rate if estimate_refunds else refund_pct / 100
    live = st.columns(2)
    live[0].metric(
        t("metric.breakeven_roi", lang),
        formatting.ratio(
            economics.breakeven_roi(margin, refund_rate) if 0 < margin <= 1 and 0 <= refund_rate < 1 else None
        ),
        help=t("settings.breakeven_help", lang),
        border=True,
    )
    live[1].metric(
        t("chart.breakeven_net_roi", lang),
        formatting.ratio(economics.breakeven_net_roi(margin) if 0 < margin <= 1 else None),
        help=t("settings.breakeven_net_help", lang),
        border=True,
    )
    return EconomicsInput(margin, refund_rate, estimate_refunds)


def render_guardrails(
    loaded: SettingsData, money: EconomicsInput, editable: bool, lang: str
) -> AccountSettings:
    """Target and minimum ROI, budget cap, max change and follower value (with the suggestion the
    advisor uses when it is left empty); returns the settings the form describes (not validated)."""
    current, account = loaded.current, loaded.account
    st.subheader(t("settings.guardrails", lang))
    g1, g2, g3 = st.columns(3)
    target = g1.number_input(
        t("metric.target_roi", lang),
        value=_optional(current.target_roi),
        step=0.1,
        format="%.2f",
        key=_key(account, "target_roi"),
        placeholder=t("settings.not_set", lang),
        disabled=not editable,
    )
    min_roi = g1.number_input(
        t("settings.min_roi", lang),
        value=_optional(current.min_roi),
        step=0.1,
        format="%.2f",
        key=_key(account, "min_roi"),
        placeholder=t("settings.not_set", lang),
        help=t("settings.min_roi_help", lang),
        disabled=not editable,
    )
    budget_cap = g2.number_input(
        t("settings.budget_cap", lang),
        value=_optional(current.budget_cap),
        step=1000.0,
        format="%.0f",
        key=_key(account, "budget_cap"),
        placeholder=t("settings.no_cap", lang),
        help=t("settings.budget_cap_help", lang),
        disabled=not editable,
    )
    max_change_pct = g2.number_input(
        t("settings.max_change", lang),
        value=round(current.max_change * 100, 1),
        step=5.0,
        format="%.0f",
        key=_key(account, "max_change"),
        help=t("settings.max_change_help", lang),
        disabled=not editable,
    )
    follower_value = g3.number_input(
        t("settings.follower_value", lang),
        value=_optional(current.follower_value),
        step=1.0,
        format="%.2f",
        key=_key(account, "follower_value"),
        placeholder=t("settings.use_suggested", lang),
        disabled=not editable,
    )
    followers_before = g3.number_input(
        t("settings.followers_before", lang),
        value=_optional(current.followers_before),
        min_value=0.0,
        step=1000.0,
        format="%.0f",
        key=_key(account, "followers_before"),
        placeholder=t("settings.not_set", lang),
        help=t("settings.followers_before_help", lang),
        disabled=not editable or account == DEFAULTS_ACCOUNT,
    )
    follower_value_view.settings_caption(
        g3, account, money.margin, money.refund_rate, followers_before, loaded.aov, lang
    )
    return AccountSettings(
        account=account,
        gross_margin=money.margin,
        refund_rate=money.refund_rate,
        target_roi=target,
        budget_cap=budget_cap,
        max_change=max_change_pct / 100,
        follower_value=follower_value,
        min_roi=min_roi,
        followers_before=followers_before,
    )


# --- text -------------------------------------------------------------------------------------------


def render_save(candidate: AccountSettings, money: EconomicsInput, editable: bool, lang: str) -> None:
    """The save button (an editor only) and what came of saving: saved, refused with the reason, or busy."""
    if not editable or not st.button(  # a viewer sees the values, read-only, and no save button
        t("settings.save", lang),
        type="primary",
        icon=":material/save:",
        key="settings_save",
    ):
        return
    try:
        with data.write_connection() as con:
            save(con, candidate, refund_rate_set=not money.estimate_refunds)
    except SettingsError as exc:
        st.error(t(exc.key, lang), icon=":material/error:")
    except db.DatabaseBusy as exc:
        st.warning(exc.message(lang))
    else:
        st.success(t("settings.saved", lang), icon=":material/check:")


def render_promo_calendar(filters: state.Filters, editable: bool, lang: str) -> None:
    """The promo calendar as an editable table (read-only for a viewer) and its save button."""
    st.subheader(t("settings.promo_title", lang))
    st.caption(t("settings.promo_help", lang))
    everyone = t("settings.promo_all_accounts", lang)
    calendar = data.query("pages/promo_days_list")
    calendar = calendar.assign(
        day=pd.to_datetime(calendar["day"]).dt.date,
        account=calendar["account"].fillna(everyone).astype(str),
    )
    edited = st.data_editor(
        calendar,
        num_rows="dynamic",
        hide_index=True,
        key="settings_promo_editor",
        disabled=not editable,
        column_config={
            "day": st.column_config.DateColumn(t("field.day", lang), format="YYYY-MM-DD", required=True),
            "name": st.column_config.TextColumn(t("settings.promo_name", lang), required=True, max_chars=60),
            "account": st.column_config.SelectboxColumn(
                t("field.account", lang), options=[everyone, *filters.all_accounts], default=everyone
            ),
        },
    )
    if not editable or not st.button(
        t("settings.promo_save", lang), icon=":material/event:", key="settings_promo_save"
    ):
        return
    rows, dropped = clean_promo_rows(edited, everyone)
    try:
        with data.write_connection() as con:
            replace_promo_days(con, rows)
    except db.DatabaseBusy as exc:
        st.warning(exc.message(lang))
    else:
        st.success(t("settings.promo_saved", lang, count=len(rows)), icon=":material/check:")
        if dropped:
            st.caption(t("settings.promo_dropped", lang, count=dropped))
