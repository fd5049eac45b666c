"""Shared Streamlit widgets and helpers for dashboard.py and pages/ (the only place in liveroi/ that may
import streamlit): the sidebar and the view state in the URL (``state``, ``sidebar``), cached read-only
data access (``data``), KPI cards and chart helpers (``widgets``) and the access hook (``auth``).

One pattern for every page: ``pages/<page>.py`` is a thin script that reads top to bottom as
filters → data → figures → text, and each step is a call into ``liveroi/ui/<page>_view.py``
(``today_view``, ``trends_view``, ``sessions_view``, ``matrix_view``, ``import_view``,
``settings_view``, ``advisor_view``): ``pick_*`` draws a filter and returns the choice, ``load*``
returns the page's data (or None after saying why there is none, and the page stops), ``render_*``
draws one section. ``tests/test_page_pattern.py`` keeps the pages that thin.
"""
