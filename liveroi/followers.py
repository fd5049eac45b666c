"""Followers as an asset, in words and plans: what a follower is worth (the number itself is
:func:`liveroi.economics.follower_value`, the one formula) and how to reach a follower milestone.

Text goes through the translation table (``liveroi/i18n/followers.py``); nothing here imports
Streamlit, so the Settings, Advisor and Trends pages, the advisor's reason and the CLI say the same.
"""

from __future__ import annotations

from liveroi import economics
from liveroi.formatting import count, money, percent
from liveroi.i18n import t


def _sessions(lifetime: float | None) -> str:
    """ "about 60 sessions": two significant figures are all the estimate carries."""
    if lifetime is None:
        return "—"
    value = float(lifetime)
    return f"{round(value, -1):.0f}" if value >= 20 else f"{value:.0f}"


def describe_value(measure: economics.FollowerValue, lang: str) -> str:
    """ "from this account's history a new follower is worth ¥18 (¥12–¥25) over about 60 sessions",
    or, for the stated default, why nothing was measured and the value used."""
    if measure.measured:
        return t(
            "followers.value.measured",
            lang,
            value=money(measure.value, lang, decimals=2 if measure.value < 100 else None),
            low=money(measure.low, lang, decimals=2 if (measure.low or 0) < 100 else None),
            high=money(measure.high, lang, decimals=2 if (measure.high or 0) < 100 else None),
            sessions=_sessions(measure.lifetime),
        )
    why = t(
        f"followers.why.{measure.reason or 'few_sessions'}", lang, minimum=economics.FOLLOWER_MIN_SESSIONS
    )
    return t("followers.value.default", lang, why=why, value=money(measure.value, lang, decimals=2))


def describe_how(measure: economics.FollowerValue, lang: str, followers_before: float | None = None) -> str:
    """How a measured value was obtained (per-session GMV, churn, the stock's source); "" for the
    default."""
    if not measure.measured:
        return ""
    how = t(
        f"followers.value.how.{measure.source}",
        lang,
        per=money(measure.per_session, lang, decimals=2),
        churn=percent(measure.churn, 1),
    )
    stock = t(f"followers.stock.{measure.stock}", lang, before=count(followers_before, lang))
    return f"{how}；{stock}" if lang == "zh" else f"{how}; {stock}"
