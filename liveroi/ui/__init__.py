"""Shared Streamlit widgets and helpers for dashboard.py and pages/ (the only place in liveroi/ that may
import streamlit): the sidebar and the view state in the URL (``state``, ``sidebar``), cached read-only
data access (``data``), KPI cards and chart helpers (``widgets``) and the access hook (``auth``)."""
