"""Small shared pieces of the pages: number formatting by kind, KPI cards, signal badges, charts,
empty-state messages. Every string comes from ``liveroi.i18n``; user text is shown as text."""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from liveroi import charts, formatting
from liveroi.dashboard_data import Kpi, Signal
from liveroi.i18n import t

IMPORT_PAGE = "pages/import.py"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: object) -> str:
    """User text (account names, file names) made inert inside Markdown: every markup character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def fmt(kind: str, value: float | None, lang: str) -> str:
    """A value for display by kind: money, count, ratio or percent ("—" when missing)."""
    if kind == "money":
        return formatting.money(value, lang)
    if kind == "count":
        return formatting.count(value, lang)
    if kind == "percent":
        return formatting.percent(value)
    return formatting.ratio(value)


def kpi_card(kpi: Kpi, lang: str, *, signal: Signal | None = None, help_text: str | None = None) -> None:
    """One KPI as a card: value, change against the previous 7-day average, and for ROI the signal
    word (达标/未达保本 …) inside the same card, so the reading never rests on colour alone."""
    delta = None if kpi.delta is None else formatting.signed_percent(kpi.delta)
    with st.container(border=True, height="stretch"):
        st.metric(
            t(f"metric.{kpi.key}", lang),
            fmt(kpi.kind, kpi.value, lang),
            delta=delta,
            delta_color={"lower": "inverse", "neutral": "off"}.get(kpi.better, "normal"),
            delta_arrow="off",  # the sign says the direction; the arrow cut "vs 7-day avg" on a fifth-width card
            delta_description=t("today.vs_previous_7", lang) if delta else None,
            help=help_text or t("today.previous_7_help", lang, value=fmt(kpi.kind, kpi.previous, lang)),
        )
        if signal is not None:
            signal_badge(signal, lang)


def signal_badge(signal: Signal, lang: str) -> None:
    """The signal word as a coloured badge."""
    st.badge(t(signal.key, lang), color=signal.color)  # type: ignore[arg-type]


def chart(fig: go.Figure, key: str | None = None) -> None:
    """A Plotly figure in the liveroi theme (Streamlit's own theme switched off)."""
    st.plotly_chart(fig, theme=None, config=charts.PLOTLY_CONFIG, key=key)


@st.cache_resource(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _built_figure(builder: str, digest: str, _args: tuple[Any, ...]) -> go.Figure:
    del digest  # the cache key: the inputs' pickled bytes (``_args`` itself is not hashed)
    return getattr(charts, builder)(*_args)


def cached_chart(builder: Callable[..., go.Figure], *args: Any, key: str | None = None) -> None:
    """``chart(builder(*args))`` with the figure built once per distinct input, not on every rerun.

    Building a Plotly figure (property validation, ``update_*`` merges) is most of a cached page
    rerun's CPU. The key is a digest of the inputs' pickle (small aggregated frames: a fraction of a
    millisecond, several times cheaper than Streamlit's own argument hashing of DataFrames); equal
    bytes mean equal inputs. The figure is shared between sessions (``st.cache_resource``: no
    pickling of the figure) and only read afterwards — ``st.plotly_chart`` serialises a copy.
    ``builder`` must be a public function of ``liveroi.charts``.
    """
    if getattr(charts, builder.__name__, None) is not builder:
        raise ValueError(f"{builder.__name__} is not a liveroi.charts builder")
    digest = hashlib.blake2b(pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).hexdigest()
    chart(_built_figure(builder.__name__, digest, args), key=key)


def empty_database(lang: str) -> None:
    """The message a page shows when the database holds no session yet."""
    st.info(t("empty.no_data", lang), icon=":material/inbox:")
    st.page_link(IMPORT_PAGE, label=t("empty.go_import", lang), icon=":material/upload:")
    st.caption(t("empty.cli_hint", lang))


def empty_period(lang: str, start: date, end: date) -> None:
    """The message a page shows when the selected accounts have no session in the period."""
    st.info(
        t("empty.no_data_period", lang, start=start.isoformat(), end=end.isoformat()),
        icon=":material/event_busy:",
    )


def page_title(key: str, lang: str, caption: str | None = None) -> None:
    """The page heading and its one-line question."""
    st.title(t(key, lang))
    if caption:
        st.caption(caption)
