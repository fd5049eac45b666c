"""今日 / Today: how did the latest broadcast day do against break-even, and what next?

The work is in :mod:`liveroi.ui.today_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

import streamlit as st

from liveroi.i18n import t
from liveroi.ui import state, today_view, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.today", lang, t("today.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()
day = today_view.pick_day(filters, lang)
if day is None:
    st.stop()

# --- data -----------------------------------------------------------------------------------------
today = today_view.load(filters, day, lang)
if today is None:
    st.stop()

# --- figures --------------------------------------------------------------------------------------
today_view.render_kpis(today, lang)
today_view.render_context(today, filters, lang)

# --- text -----------------------------------------------------------------------------------------
today_view.render_sessions(today, lang)
