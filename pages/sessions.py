"""场次 / Sessions: every session with all its metrics; one session's funnel, paid vs organic split
and how it compares with the account's median session.

The work is in :mod:`liveroi.ui.sessions_view`; this file reads filters → data → figures → text,
once for the table and once for the session picked from it.
"""

from __future__ import annotations

import streamlit as st

from liveroi.i18n import t
from liveroi.ui import sessions_view, state, timeline_view, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.sessions", lang, t("sessions.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()
params = sessions_view.pick_filters(filters, lang)

# --- data -----------------------------------------------------------------------------------------
listing = sessions_view.load_listing(filters, params, lang)
if listing is None:
    st.stop()

# --- figures: the table and its downloads ---------------------------------------------------------
sessions_view.render_table(listing, filters, lang)

# --- one session: filter, data, figures, text -----------------------------------------------------
session_id = sessions_view.pick_session(listing, lang)
picked = sessions_view.load_session(session_id, filters, lang)
if picked is None:
    st.stop()
session, median = picked
sessions_view.render_session(session, lang)
sessions_view.render_median_comparison(session, median, lang)

# --- one session across the broadcast: timeline, pacing advice, plans (liveroi/ui/timeline_view.py) --
timeline_view.render(session, lang)
