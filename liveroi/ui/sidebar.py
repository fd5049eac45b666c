"""The sidebar every page shares: accounts of the matrix, date range, language."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from liveroi.i18n import LANGUAGES, t
from liveroi.ui import data, state


def _latest_day(accounts_frame: pd.DataFrame, selected: list[str]) -> date | None:
    frame = accounts_frame if not selected else accounts_frame[accounts_frame["account"].isin(selected)]
    days = pd.to_datetime(frame["last_day"], errors="coerce").dropna()
    return days.max().date() if len(days) else None


def render_sidebar(lang: str) -> state.Filters:
    """Draw the shared sidebar and return the filters it sets (also kept for the page)."""
    accounts_frame = data.query("pages/accounts")
    known = accounts_frame["account"].astype(str).tolist()
    state.seed_accounts(known)
    selected = list(st.session_state[state.KEY_ACCOUNTS])
    latest = _latest_day(accounts_frame, selected)
    state.seed_range(latest)

    with st.sidebar:
        st.segmented_control(
            t("sidebar.language", lang),
            options=list(LANGUAGES),
            format_func=lambda code: t(f"language.{code}", lang),
            key=state.KEY_LANG,
            selection_mode="single",
            required=True,
        )
        st.multiselect(
            t("sidebar.accounts", lang),
            options=known,
            key=state.KEY_ACCOUNTS,
            placeholder=t("sidebar.all_accounts", lang),
            help=t("sidebar.accounts_help", lang),
        )
        st.date_input(
            t("sidebar.date_range", lang),
            key=state.KEY_RANGE,
            format="YYYY-MM-DD",
            help=t("sidebar.date_range_help", lang),
        )
        if latest is not None:
            st.caption(t("sidebar.latest_broadcast", lang, day=latest.isoformat()))

    start, end = state.current_range()
    filters = state.Filters(
        lang=lang,
        accounts=tuple(selected),
        start=start,
        end=end,
        latest_day=latest,
        all_accounts=tuple(known),
    )
    st.session_state[state.KEY_FILTERS] = filters
    state.sync_query_params(filters)
    return filters
