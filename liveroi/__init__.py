"""liveroi: self-broadcast ROI and ad-spend tuning for live-commerce brands (Kuaishou first, Douyin too).

The core (database, importer, metrics, advisor, sample data, CLI) never imports Streamlit, so the CLI,
tests and benchmarks run without it; the Streamlit app is ``dashboard.py`` with ``pages/``.
"""

__version__ = "0.1.0"
