"""What a new follower is worth, on the Settings and Advisor pages: the measured value
(:func:`liveroi.economics.follower_value`, through the advisor's own loader so both pages show the
number the advice uses), with its interval and lifetime, or the stated default and why."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from liveroi import db, economics, formatting
from liveroi.followers import describe_how, describe_value
from liveroi.i18n import t
from liveroi.ui import data


@st.cache_data(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _measure(
    path: str,
    account: str,
    gross_margin: float,
    refund_rate: float,
    followers_before: float | None,
    version: tuple[int, ...],
) -> economics.FollowerValue | None:
    del version  # cache key only
    from liveroi.advisor import load_inputs
    from liveroi.advisor.decide import measured_follower_value

    with db.connection(path, read_only=True, busy_timeout=data.READ_BUSY_TIMEOUT_S) as con:
        loaded = load_inputs(con, [account])
    if not loaded:
        return None
    history, stored = loaded[0]
    settings = replace(
        stored, gross_margin=gross_margin, refund_rate=refund_rate, followers_before=followers_before
    )
    return measured_follower_value(history, settings)


def measure(
    account: str, gross_margin: float, refund_rate: float, followers_before: float | None
) -> economics.FollowerValue | None:
    """The follower value of ``account``'s history at these economics (None: no sessions, or the
    defaults row), cached until the data change."""
    if not 0 < gross_margin <= 1 or not 0 <= refund_rate < 1:
        return None
    path = data.db_path()
    return _measure(str(path), account, gross_margin, refund_rate, followers_before, data.data_version(path))


def settings_caption(
    where: Any,
    account: str,
    gross_margin: float,
    refund_rate: float,
    followers_before: float | None,
    aov: float | None,
    lang: str,
) -> None:
    """Under the follower-value field: the measured value the advisor uses when it is left empty
    (how it was measured), or the stated default with its formula and why nothing was measured."""
    found = measure(account, gross_margin, refund_rate, followers_before)
    if found is not None and found.measured:
        where.caption(
            t(
                "settings.follower_value_measured",
                lang,
                measured=describe_value(found, lang),
                how=describe_how(found, lang, followers_before),
            )
        )
        return
    suggested = economics.suggested_follower_value(gross_margin, refund_rate, aov)
    where.caption(
        t(
            "settings.follower_value_suggested" if aov else "settings.follower_value_default",
            lang,
            value=formatting.money(suggested, lang, decimals=2),
            aov=formatting.money(aov, lang),
            orders=economics.FOLLOWER_ORDERS,
        )
    )
    if found is not None:
        where.caption(describe_value(found, lang))


def advisor_caption(rec: Any, lang: str) -> None:
    """On the Advisor page: the follower value the advice used and where it comes from (measured,
    the stated default, or the user's setting beside what the history measures), and whether the
    GMV curves were read apart from followers' GMV."""
    econ = rec.economics
    if rec.model.fans_apart:
        st.caption(t("followers.fans_apart", lang))
    if econ.follower_value_suggested and econ.follower_value_measure is not None:
        st.caption(describe_value(econ.follower_value_measure, lang))
        return
    from liveroi.advisor.decide import measured_follower_value

    found = measured_follower_value(rec.history, rec.settings)
    st.caption(
        t(
            "followers.value.setting",
            lang,
            value=formatting.money(econ.follower_value, lang, decimals=2),
            measured=describe_value(found, lang),
        )
    )
