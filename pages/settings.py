"""设置 / Settings: each account's economics and guardrails, and the promo calendar."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from liveroi import db, economics, formatting
from liveroi.i18n import t
from liveroi.promo_calendar import clean_promo_rows, replace_promo_days
from liveroi.settings import DEFAULTS_ACCOUNT, AccountSettings, SettingsError, save
from liveroi.ui import auth, data, follower_value_view, state, widgets

# --- filters ---------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.settings", lang, t("settings.question", lang))
if not auth.auth_configured():
    st.caption(t("settings.single_user", lang))
may_edit = auth.can("settings")
if not may_edit:
    st.warning(t("settings.read_only", lang), icon=":material/lock:")

accounts = [DEFAULTS_ACCOUNT, *filters.all_accounts]
account = st.selectbox(
    t("field.account", lang),
    accounts,
    format_func=lambda a: t("settings.defaults_row", lang) if a == DEFAULTS_ACCOUNT else a,
    help=t("settings.account_help", lang),
    key="settings_account",
)
current, stored = data.account_settings(account)
aov = data.query("pages/account_aov", {"account": account})["aov"].iloc[0]
aov = None if pd.isna(aov) else float(aov)


def _key(field: str) -> str:
    return f"settings_{field}_{account}"


def _optional(value: float | None) -> float | None:
    return None if value is None else float(value)


# --- economics (live break-even) -------------------------------------------------------------------
st.subheader(t("settings.economics", lang))
left, right = st.columns(2)
margin_pct = left.number_input(
    t("settings.gross_margin", lang),
    value=round(current.gross_margin * 100, 2),
    step=1.0,
    format="%.1f",
    key=_key("gross_margin"),
    help=t("settings.gross_margin_help", lang),
    disabled=not may_edit,
)
estimate_refunds = right.checkbox(
    t("settings.refund_estimate", lang, rate=formatting.percent(current.refund_rate)),
    value=stored["refund_rate"] is None,
    key=_key("refund_estimate"),
    disabled=not may_edit,
)
refund_pct = right.number_input(
    t("settings.refund_rate", lang),
    value=round(current.refund_rate * 100, 2),
    step=1.0,
    format="%.1f",
    key=_key("refund_rate"),
    disabled=estimate_refunds or not may_edit,
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

# --- guardrails ------------------------------------------------------------------------------------
st.subheader(t("settings.guardrails", lang))
g1, g2, g3 = st.columns(3)
target = g1.number_input(
    t("metric.target_roi", lang),
    value=_optional(current.target_roi),
    step=0.1,
    format="%.2f",
    key=_key("target_roi"),
    placeholder=t("settings.not_set", lang),
    disabled=not may_edit,
)
min_roi = g1.number_input(
    t("settings.min_roi", lang),
    value=_optional(current.min_roi),
    step=0.1,
    format="%.2f",
    key=_key("min_roi"),
    placeholder=t("settings.not_set", lang),
    help=t("settings.min_roi_help", lang),
    disabled=not may_edit,
)
budget_cap = g2.number_input(
    t("settings.budget_cap", lang),
    value=_optional(current.budget_cap),
    step=1000.0,
    format="%.0f",
    key=_key("budget_cap"),
    placeholder=t("settings.no_cap", lang),
    help=t("settings.budget_cap_help", lang),
    disabled=not may_edit,
)
max_change_pct = g2.number_input(
    t("settings.max_change", lang),
    value=round(current.max_change * 100, 1),
    step=5.0,
    format="%.0f",
    key=_key("max_change"),
    help=t("settings.max_change_help", lang),
    disabled=not may_edit,
)
follower_value = g3.number_input(
    t("settings.follower_value", lang),
    value=_optional(current.follower_value),
    step=1.0,
    format="%.2f",
    key=_key("follower_value"),
    placeholder=t("settings.use_suggested", lang),
    disabled=not may_edit,
)
followers_before = g3.number_input(
    t("settings.followers_before", lang),
    value=_optional(current.followers_before),
    min_value=0.0,
    step=1000.0,
    format="%.0f",
    key=_key("followers_before"),
    placeholder=t("settings.not_set", lang),
    help=t("settings.followers_before_help", lang),
    disabled=not may_edit or account == DEFAULTS_ACCOUNT,
)
follower_value_view.settings_caption(g3, account, margin, refund_rate, followers_before, aov, lang)

if may_edit and st.button(  # a viewer sees the values, read-only, and no save button
    t("settings.save", lang),
    type="primary",
    icon=":material/save:",
    key="settings_save",
):
    candidate = AccountSettings(
        account=account,
        gross_margin=margin,
        refund_rate=refund_rate,
        target_roi=target,
        budget_cap=budget_cap,
        max_change=max_change_pct / 100,
        follower_value=follower_value,
        min_roi=min_roi,
        followers_before=followers_before,
    )
    try:
        with data.write_connection() as con:
            save(con, candidate, refund_rate_set=not estimate_refunds)
    except SettingsError as exc:
        st.error(t(exc.key, lang), icon=":material/error:")
    except db.DatabaseBusy as exc:
        st.warning(exc.message(lang))
    else:
        st.success(t("settings.saved", lang), icon=":material/check:")

# --- promo calendar --------------------------------------------------------------------------------
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
    disabled=not may_edit,
    column_config={
        "day": st.column_config.DateColumn(t("field.day", lang), format="YYYY-MM-DD", required=True),
        "name": st.column_config.TextColumn(t("settings.promo_name", lang), required=True, max_chars=60),
        "account": st.column_config.SelectboxColumn(
            t("field.account", lang), options=[everyone, *filters.all_accounts], default=everyone
        ),
    },
)
if may_edit and st.button(t("settings.promo_save", lang), icon=":material/event:", key="settings_promo_save"):
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
