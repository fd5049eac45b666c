"""The Today page's slot for the advisor's suggestion for the next broadcast.

Shows, for one account, current → suggested spend per channel and the advisor's reason, with a link
to the 投放建议 page when it exists. The recommendation is cached like a query (keyed by the data
version), so the fit runs once per import, not on every rerun.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from liveroi import channels, db, formatting
from liveroi.i18n import t
from liveroi.settings import SettingsError
from liveroi.ui import data
from liveroi.ui.widgets import plain

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation

ADVISOR_PAGE = "pages/advisor.py"
_ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger(__name__)


@st.cache_data(show_spinner=False, max_entries=64, ttl=6 * 3600)
def _advice(path: str, account: str, lang: str, version: tuple[int, ...]) -> Recommendation:
    del version  # cache key only
    from liveroi.advisor import recommend_account

    with db.connection(path, read_only=True, busy_timeout=data.READ_BUSY_TIMEOUT_S) as con:
        return recommend_account(con, account, lang=lang)


def advice(account: str, lang: str) -> Recommendation:
    """The advisor's full :class:`~liveroi.advisor.Recommendation` for ``account`` (curves, history,
    decision), cached until the data change — the one fit the Today slot and the 投放建议 page share.
    Raises LookupError ("no_account" | "no_data") or SettingsError like ``recommend_account``."""
    path = data.db_path()
    return _advice(str(path), account, lang, data.data_version(path))


def recommendation(account: str, lang: str) -> dict[str, Any] | None:
    """The advisor's ``recommend --json`` object for ``account`` (None when it has no sessions)."""
    try:
        return advice(account, lang).to_json()
    except LookupError:
        return None


def advisor_page_exists() -> bool:
    """Whether the 投放建议 page is installed (it is registered in dashboard.py when it is)."""
    return (_ROOT / ADVISOR_PAGE).is_file()


def render_advisor_slot(accounts: list[str], lang: str) -> None:
    """The suggestion for the next broadcast of one of ``accounts`` (the user picks when several)."""
    st.subheader(t("today.advisor_title", lang))
    if not accounts:
        st.caption(t("today.advisor_no_account", lang))
        return
    account = accounts[0]
    if len(accounts) > 1:
        account = st.selectbox(t("today.advisor_account", lang), accounts, key="today_advisor_account")
    try:
        rec = recommendation(account, lang)
    except (SettingsError, ValueError) as exc:
        log.warning("advisor failed for %r: %s", account, exc)
        rec = None
    except ImportError:
        rec = None
    if rec is None:
        st.info(t("today.advisor_unavailable", lang), icon=":material/hourglass_empty:")
    else:
        _show(rec, lang)
    if advisor_page_exists():
        st.page_link(ADVISOR_PAGE, label=t("today.advisor_link", lang), icon=":material/tips_and_updates:")


def _show(rec: dict[str, Any], lang: str) -> None:
    current, suggested = rec["current"], rec["suggested"]
    change = None if not current["total"] else (suggested["total"] or 0) / current["total"] - 1
    # Two spends side by side and the ROI below: three across cut ¥12,478 / ¥1.25万 to "¥12,…" in
    # the slot's two-fifths of a 1400 px window (checked in tests/test_e2e_browser.py).
    spend = st.columns(2)
    spend[0].metric(t("today.advisor_current", lang), formatting.money(current["total"], lang))
    spend[1].metric(
        t("today.advisor_suggested", lang),
        formatting.money(suggested["total"], lang),
        delta=None if change is None else formatting.signed_percent(change),
        delta_color="off",
    )
    st.columns(2)[0].metric(t("today.advisor_expected_roi", lang), formatting.ratio(rec["expected"]["roi"]))
    names = suggested["channels"]
    rows = pd.DataFrame(
        {
            t("field.channel", lang): [channels.channel_name(c, lang) for c in names],
            t("today.advisor_current", lang): [
                formatting.money(current["channels"].get(c), lang) for c in names
            ],
            t("today.advisor_suggested", lang): [formatting.money(v, lang) for v in names.values()],
            t("metric.marginal_roi", lang): [formatting.ratio(rec["marginal_roi"].get(c)) for c in names],
        }
    )
    # A static table, not st.dataframe: its headers wrap to the slot's width, where the grid's fixed
    # columns scrolled sideways in English ("Last session's spend", "Suggested spend" cut at 1400 px).
    st.table(rows, hide_index=True)
    st.info(plain(rec["reason"]), icon=":material/lightbulb:")
