"""账号矩阵 / Account matrix: which 1–2 accounts of the self-broadcast matrix deserve more budget?

The work is in :mod:`liveroi.ui.matrix_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

import streamlit as st

from liveroi.i18n import t
from liveroi.ui import matrix_view, state, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.matrix", lang, t("matrix.question", lang))
if not filters.all_accounts:
    widgets.empty_database(lang)
    st.stop()

# --- data -----------------------------------------------------------------------------------------
matrix = matrix_view.load(filters, lang)
if matrix is None:
    st.stop()

# --- figures and text (the verdict reads the table, above the scatter) ----------------------------
matrix_view.render_table(matrix, filters, lang)
recs, marginal = matrix_view.load_marginal(matrix, lang)
matrix_view.render_next_yuan(matrix, recs, marginal, lang)
matrix_view.render_scatter(matrix, marginal, lang)
