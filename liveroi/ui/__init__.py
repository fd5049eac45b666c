"""Shared Streamlit widgets and helpers for dashboard.py and pages/ (the only place in liveroi/ that may
import streamlit)."""
