"""The view's state: language, accounts and date range, kept in the URL (``st.query_params``) so a
link can be shared and a reload keeps the view: ``?lang=en&account=A&account=B&from=2026-10-26&to=2026-11-24``.

The sidebar widgets own the values during a session (Streamlit session state); the URL seeds them
when a session starts and is rewritten from them on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import streamlit as st

from liveroi.i18n import LANGUAGES, normalize_language

PARAM_LANG = "lang"
PARAM_ACCOUNT = "account"
PARAM_FROM = "from"
PARAM_TO = "to"
PARAM_DAY = "day"

KEY_LANG = "liveroi_lang"
KEY_ACCOUNTS = "liveroi_accounts"
KEY_RANGE = "liveroi_range"
KEY_FILTERS = "liveroi_filters"

DEFAULT_RANGE_DAYS = 30


@dataclass(frozen=True)
class Filters:
    """What every page filters by. ``accounts`` empty means every account of the matrix."""

    lang: str
    accounts: tuple[str, ...]
    start: date
    end: date
    latest_day: date | None  # the latest broadcast day of the selected accounts (None: no data)
    all_accounts: tuple[str, ...]

    @property
    def has_data(self) -> bool:
        """Whether the selected accounts have any session at all."""
        return self.latest_day is not None

    def params(self, **extra: Any) -> dict[str, Any]:
        """Bound parameters shared by the page queries: $accounts, $start, $end (+ extra)."""
        return {"accounts": list(self.accounts), "start": self.start, "end": self.end, **extra}


def parse_date(text: str | None) -> date | None:
    """A YYYY-MM-DD query parameter as a date (None when absent or malformed)."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        return None


def init_language() -> str:
    """The session's language: the widget's value, seeded from ``?lang=`` on the first run."""
    if KEY_LANG not in st.session_state or st.session_state[KEY_LANG] not in LANGUAGES:
        st.session_state[KEY_LANG] = normalize_language(st.query_params.get(PARAM_LANG))
    return st.session_state[KEY_LANG]


def seed_accounts(known: list[str]) -> None:
    """Seed the accounts widget from ``?account=`` (unknown names dropped) on the first run."""
    if KEY_ACCOUNTS not in st.session_state:
        wanted = st.query_params.get_all(PARAM_ACCOUNT)
        st.session_state[KEY_ACCOUNTS] = [a for a in dict.fromkeys(wanted) if a in set(known)]
    else:  # an account can disappear (restore of an older backup): drop it from the selection
        st.session_state[KEY_ACCOUNTS] = [a for a in st.session_state[KEY_ACCOUNTS] if a in set(known)]


def default_range(latest_day: date | None) -> tuple[date, date]:
    """The last 30 days ending at the latest broadcast (today when there is none)."""
    end = latest_day or date.today()
    return end - timedelta(days=DEFAULT_RANGE_DAYS - 1), end


def seed_range(latest_day: date | None) -> None:
    """Seed the date-range widget from ``?from=&to=``, else the default, on the first run."""
    if KEY_RANGE in st.session_state:
        return
    start, end = parse_date(st.query_params.get(PARAM_FROM)), parse_date(st.query_params.get(PARAM_TO))
    default_start, default_end = default_range(latest_day)
    start, end = start or default_start, end or default_end
    if start > end:
        start, end = end, start
    st.session_state[KEY_RANGE] = (start, end)


def current_range() -> tuple[date, date]:
    """The widget's range; while the user has picked only the first day, that day alone."""
    value = st.session_state.get(KEY_RANGE) or default_range(None)
    if isinstance(value, date):
        return value, value
    values = [v for v in value if v is not None]
    if not values:
        return default_range(None)
    return (values[0], values[-1]) if len(values) > 1 else (values[0], values[0])


def sync_query_params(filters: Filters) -> None:
    """Write the view into the URL (only the keys that changed, so the browser history stays calm)."""
    wanted: dict[str, str | list[str]] = {
        PARAM_LANG: filters.lang,
        PARAM_FROM: filters.start.isoformat(),
        PARAM_TO: filters.end.isoformat(),
    }
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    accounts = list(filters.accounts)
    if st.query_params.get_all(PARAM_ACCOUNT) != accounts:
        if accounts:
            st.query_params[PARAM_ACCOUNT] = accounts
        elif PARAM_ACCOUNT in st.query_params:
            del st.query_params[PARAM_ACCOUNT]


def current_filters() -> Filters:
    """The filters the sidebar set on this run (pages call this)."""
    filters = st.session_state.get(KEY_FILTERS)
    if filters is None:
        # A page run without dashboard.py: on a fresh server, until some session has called
        # st.navigation, Streamlit's pages/ mode runs pages/<file>.py straight from its URL, past the
        # sign-in (dashboard.py forgets the filters at the end of each run, so they are never stale
        # here). Never draw a page here: leave that mode (what st.navigation itself does) and run
        # again through the entrypoint (sign-in, database check, sidebar), same URL.
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    return filters


def forget_filters() -> None:
    """Drop this run's filters (dashboard.py, at the end of every run): the next page run that did not
    come through the entrypoint finds none and goes back through it."""
    st.session_state.pop(KEY_FILTERS, None)
