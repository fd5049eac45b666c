"""The reason: one or two sentences a marketer can check against the charts, in zh or en.

The channel with the biggest move comes first, with the number that decides it: what the last
¥1,000 (¥100 for small channels) returned according to its fitted curve, its marginal ROI against
the break-even ROI, and the move. A channel raised although its GMV alone returns less than break-even
says why: the new followers it brings, at the follower value, make up the difference — for the
channel that moves most, in the cold-start form "粉条: the last ¥100 brought 20 new followers, ¥5 each;
a follower is worth ¥18 here — raise 30 %" (or cut, when a follower costs more than it is worth).
The move says which case it is: inside the spend range the history tried (interpolation, where the
curve is measured and the advisor acts on it) or beyond it (extrapolation, where it steps cautiously,
"a test"). The other channels follow in one short sentence, then any guardrail that bound (budget
cap, minimum ROI) and, when the follower-value setting is empty, what the value used is: measured
from the account's history (with its interval and lifetime) or the stated default.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from liveroi.advisor.model import MIN_SESSIONS
from liveroi.channels import channel_name
from liveroi.economics import FOLLOWER_MIN_SESSIONS
from liveroi.followers import describe_value
from liveroi.formatting import count, money, ratio, signed_percent
from liveroi.i18n import t

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation

NEAR_BREAKEVEN = 0.05  # |mROI / break-even − 1| below this reads as "at the optimum"


def _change(current: float, suggested: float) -> float:
    return suggested / current - 1 if current > 0 else float("inf")


def _unit(current: float) -> float:
    return 1000.0 if current >= 5000 else 100.0


def _followers_pay(rec: Recommendation, channel: str, lang: str) -> str | None:
    """Why a channel is raised although its GMV alone returns less than break-even: the followers it
    brings (worth the follower value each) make up the difference. None when that is not the case."""
    now, to = rec.current[channel], rec.suggested[channel]
    mroi = rec.marginal_roi.get(channel)
    followers = rec.marginal_followers.get(channel) or 0.0
    value = rec.economics.follower_value
    if not (to > now > 0 and mroi is not None and mroi < rec.breakeven_roi and followers > 0 and value > 0):
        return None
    unit = _unit(now)
    if _follower_tool(rec, channel) and value > 1 / followers:
        return t(
            "advisor.reason.followers_cost",
            lang,
            unit=money(unit, lang),
            count=count(round(followers * unit), lang),
            cost=money(1 / followers, lang, decimals=2),
            value=money(value, lang, decimals=2),
        )
    return t(
        "advisor.reason.followers_pay",
        lang,
        unit=money(unit, lang),
        count=count(round(followers * unit), lang),
        value=money(followers * unit * value, lang),
        per=money(value, lang),
    )


def _follower_tool(rec: Recommendation, channel: str) -> bool:
    """A channel bought for its followers: at the margin, the followers it brings are worth at least
    as much as the margin on its GMV (v · Δfollowers ≥ m · ΔGMV per yuan) — 粉条 on a cold start."""
    mroi = rec.marginal_roi.get(channel) or 0.0
    followers = rec.marginal_followers.get(channel) or 0.0
    return followers > 0 and followers * rec.economics.follower_value >= rec.economics.margin * mroi


def _case(rec: Recommendation, channel: str, lang: str) -> str:
    """Which case the move is: inside the spend the history tried ("measured between ¥9,000 and
    ¥22,000: ") or beyond it ("never tried above ¥6,000, so a test: "); empty when not recorded."""
    case = rec.decision.case.get(channel)
    tried = rec.decision.tried.get(channel)
    if case is None or tried is None:
        return ""
    low, high = (money(round(v, -2) if v >= 1000 else round(v), lang) for v in tried)
    if case == "interpolate":
        return t("advisor.reason.case.interpolate", lang, low=low, high=high)
    key = "advisor.reason.case.above" if rec.suggested[channel] > tried[1] else "advisor.reason.case.below"
    return t(key, lang, low=low, high=high)


def _main_sentence(rec: Recommendation, channel: str, lang: str) -> str:
    name = channel_name(channel, lang)
    now, to = rec.current[channel], rec.suggested[channel]
    be = rec.breakeven_roi
    held = rec.decision.held.get(channel)
    mroi = rec.marginal_roi.get(channel)
    if held == "flat":
        return t("advisor.reason.flat", lang, channel=name, to=money(to, lang))
    if held == "zero" or (now <= 0 and to <= 0):
        return t("advisor.reason.zero", lang, channel=name)
    if now <= 0 < to:
        return t(
            "advisor.reason.restart",
            lang,
            channel=name,
            mroi=ratio(mroi),
            breakeven=ratio(be),
            to=money(to, lang),
        )
    if abs(to - now) < max(1.0, 0.005 * now):
        low, high = rec.marginal_roi_interval.get(channel, (None, None))
        if mroi is not None and abs(mroi / be - 1) < NEAR_BREAKEVEN:
            return t(
                "advisor.reason.optimum",
                lang,
                channel=name,
                mroi=ratio(mroi),
                breakeven=ratio(be),
                to=money(to, lang),
            )
        return t(
            "advisor.reason.uncertain",
            lang,
            channel=name,
            mroi=ratio(mroi),
            low=ratio(low),
            high=ratio(high),
            breakeven=ratio(be),
            to=money(to, lang),
        )
    unit = _unit(now)
    change = _change(now, to)
    pct = f"{abs(change) * 100:.0f}%" if lang == "zh" else f"{abs(change) * 100:.0f} %"
    followers = rec.marginal_followers.get(channel) or 0.0
    value = rec.economics.follower_value
    if (
        followers * unit >= 1
        and mroi is not None
        and mroi < be
        and value > 0
        and _follower_tool(rec, channel)
    ):
        # A follower tool, judged by what its followers are worth: raised while a follower's value
        # exceeds its marginal cost, cut when it costs more than a follower is worth.
        raised = to > now
        if (raised and value > 1 / followers) or (not raised and 1 / followers > value):
            return t(
                "advisor.reason.cold_start" if raised else "advisor.reason.cold_start_cut",
                lang,
                channel=name,
                unit=money(unit, lang),
                count=count(round(followers * unit), lang),
                cost=money(1 / followers, lang, decimals=2),
                value=money(value, lang, decimals=2),
                case=_case(rec, channel, lang),
                verb=t("advisor.verb.raise" if raised else "advisor.verb.cut", lang),
                pct=pct,
                to=money(to, lang),
            )
    why = _followers_pay(rec, channel, lang)
    if why is not None:
        return t(
            "advisor.reason.move_followers",
            lang,
            channel=name,
            unit=money(unit, lang),
            returned=money(mroi * unit, lang),
            mroi=ratio(mroi),
            breakeven=ratio(be),
            why=why,
            case=_case(rec, channel, lang),
            verb=t("advisor.verb.raise", lang),
            pct=pct,
            to=money(to, lang),
        )
    follower_text = ""
    if followers * unit >= 1:
        follower_text = t("advisor.reason.followers", lang, count=count(round(followers * unit), lang))
    cmp = "<" if (mroi or 0) < be else (">" if (mroi or 0) > be else "=")
    return t(
        "advisor.reason.move",
        lang,
        channel=name,
        unit=money(unit, lang),
        returned=money((mroi or 0) * unit, lang),
        followers=follower_text,
        mroi=ratio(mroi),
        cmp=cmp,
        breakeven=ratio(be),
        case=_case(rec, channel, lang),
        verb=t("advisor.verb.raise" if to > now else "advisor.verb.cut", lang),
        pct=pct,
        to=money(to, lang),
    )


def build_reason(rec: Recommendation, lang: str = "zh") -> str:
    """The reason of a recommendation in ``lang`` (see the module docstring)."""
    if not rec.channels:
        return t("advisor.reason.no_channels", lang)
    if rec.model.status == "thin":
        return t(
            "advisor.reason.thin",
            lang,
            sessions=rec.sessions_used,
            minimum=MIN_SESSIONS,
            total=money(rec.current_total, lang),
        )
    order = sorted(rec.channels, key=lambda c: (-abs(rec.suggested[c] - rec.current[c]), c))
    parts = [_main_sentence(rec, order[0], lang)]
    items = []
    for channel in order[1:]:
        name = channel_name(channel, lang)
        now, to = rec.current[channel], rec.suggested[channel]
        if abs(to - now) < max(1.0, 0.005 * now):
            items.append(t("advisor.reason.other_hold", lang, channel=name, to=money(to, lang)))
        else:
            change = _change(now, to)
            text = signed_percent(change, 0) if math.isfinite(change) else "+"
            why = _followers_pay(rec, channel, lang)
            key = "advisor.reason.other_item" if why is None else "advisor.reason.other_item_followers"
            items.append(t(key, lang, channel=name, change=text, to=money(to, lang), why=why))
    if items:
        parts.append(
            t("advisor.reason.others", lang, items="；".join(items) if lang == "zh" else "; ".join(items))
        )
    decision = rec.decision
    cap = rec.settings.budget_cap
    if decision.cap_unreachable:
        parts.append(t("advisor.reason.cap_unreachable", lang, cap=money(cap, lang)))
    elif decision.cap_binding:
        parts.append(t("advisor.reason.cap", lang, cap=money(cap, lang)))
    if decision.min_roi_binding:
        parts.append(t("advisor.reason.min_roi", lang, min_roi=ratio(rec.settings.min_roi)))
    measure = rec.economics.follower_value_measure
    if rec.economics.follower_value_suggested and measure is not None and measure.measured:
        parts.append(
            t("advisor.reason.follower_value_measured", lang, measured=describe_value(measure, lang))
        )
    elif rec.economics.follower_value_suggested:
        why = t(
            f"followers.why.{measure.reason if measure and measure.reason else 'few_sessions'}",
            lang,
            minimum=FOLLOWER_MIN_SESSIONS,
        )
        parts.append(
            t("advisor.reason.follower_value", lang, value=money(rec.economics.follower_value, lang), why=why)
        )
    return ("" if lang == "zh" else " ").join(parts)
