"""投放建议 / Advisor: how much should each channel get next session, and why?

The work is in :mod:`liveroi.ui.advisor_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

import streamlit as st

from liveroi.i18n import t
from liveroi.ui import advisor_view, state, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.advisor", lang, t("advisor.page.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()
account = advisor_view.pick_account(filters, lang)

# --- data -----------------------------------------------------------------------------------------
rec = advisor_view.load_advice(account, lang)
if rec is None:
    st.stop()

# --- figures and text: the settings in force, the suggestion and its reason, the curves -----------
advisor_view.render_context(rec, lang)
advisor_view.render_suggestion(rec, lang)
advisor_view.render_curves(rec, lang)
advisor_view.render_what_if(rec, lang)
advisor_view.render_backtest(rec, lang)
