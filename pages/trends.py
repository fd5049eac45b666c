"""趋势 / Trends: is ROI holding above break-even, where did spend go, how fast do followers grow?

The work is in :mod:`liveroi.ui.trends_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

import streamlit as st

from liveroi.i18n import t
from liveroi.ui import state, trends_view, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.trends", lang, t("trends.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()

# --- data -----------------------------------------------------------------------------------------
trends = trends_view.load(filters, lang)
if trends is None:
    st.stop()

# --- figures --------------------------------------------------------------------------------------
trends_view.render_totals(trends, lang)
trends_view.render_roi_and_spend(trends, lang)
trends_view.render_followers(trends, filters, lang)

# --- text -----------------------------------------------------------------------------------------
trends_view.render_projections(trends, lang)
