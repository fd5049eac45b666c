"""The Account matrix page's brand budget: which accounts the next yuan should go to, by marginal return.

The fits of the selected accounts are kept per server process and shared by its sessions, never
copied (``st.cache_resource``: a hundred accounts' posterior draws are too big to unpickle on every
rerun): by the data version and the accounts, and under that by each account's own inputs
(:class:`liveroi.advisor.batch.FitMemo`), so after an import into one account only that account is
fitted again. The split of a budget is kept the same way by budget and test share, so a rerun that
changes neither costs no arithmetic; moving the budget reruns only the allocation
(:func:`liveroi.advisor.brand.allocate`, arithmetic on the kept posterior draws).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from liveroi import brand_settings, channels, db, formatting
from liveroi.advisor.batch import FitMemo
from liveroi.advisor.brand import (
    OPTIMISM,
    account_marginal,
    allocate,
    allocated_recommendation,
    relative_change,
)
from liveroi.i18n import t
from liveroi.settings import SettingsError
from liveroi.ui import data, widgets

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation
    from liveroi.advisor.brand import BrandAllocation

TOP = 2  # the callout names this many accounts
KEY_METRIC = "matrix_chart_metric"


@st.cache_resource(show_spinner=False)
def _memo() -> FitMemo:
    """The fitted answers of this server process, by their inputs."""
    return FitMemo()


@st.cache_resource(show_spinner=False, max_entries=16, ttl=6 * 3600)
def _fits(path: str, accounts: tuple[str, ...], lang: str, version: tuple[int, ...]) -> list[Recommendation]:
    del version  # cache key only
    from liveroi.advisor import recommend_accounts

    # Fitted in the server's own process, one after the other: the page shows at most
    # matrix_view.MAX_ACCOUNTS (100) accounts, whose first visit took 2.8 s this way and 15 s through a
    # pool of two worker processes (each starts by importing the server's main module; 1M sessions).
    with db.connection(path, read_only=True, busy_timeout=data.READ_BUSY_TIMEOUT_S) as con:
        return list(recommend_accounts(con, list(accounts), lang=lang, workers=1, memo=_memo()))


def fits(accounts: list[str], lang: str) -> list[Recommendation]:
    """Every account's advice (curves, economics, step box), kept until the data change; shared, so
    read-only."""
    path = data.db_path()
    return _fits(str(path), tuple(accounts), lang, data.data_version(path))


@st.cache_resource(show_spinner=False, max_entries=16, ttl=6 * 3600)
def _marginal(path: str, accounts: tuple[str, ...], lang: str, version: tuple[int, ...]) -> pd.DataFrame:
    return marginal_frame(_fits(path, accounts, lang, version))


def marginal(accounts: list[str], lang: str) -> pd.DataFrame:
    """:func:`marginal_frame` of :func:`fits`, kept with them."""
    path = data.db_path()
    return _marginal(str(path), tuple(accounts), lang, data.data_version(path))


@st.cache_resource(show_spinner=False, max_entries=32, ttl=6 * 3600)
def _split(
    path: str, accounts: tuple[str, ...], lang: str, version: tuple[int, ...], budget: float, share: float
) -> tuple[BrandAllocation, pd.DataFrame, pd.DataFrame]:
    recs = _fits(path, accounts, lang, version)
    brand = allocate(recs, budget, share)
    return (
        brand,
        account_table(recs, _marginal(path, accounts, lang, version), brand, lang),
        channel_table(recs, brand, lang),
    )


def split(
    accounts: list[str], lang: str, budget: float, share: float
) -> tuple[BrandAllocation, pd.DataFrame, pd.DataFrame]:
    """The brand allocation of ``budget`` over the fitted ``accounts`` with its account and channel
    tables (:func:`account_table`, :func:`channel_table`), kept by budget and share."""
    path = data.db_path()
    return _split(str(path), tuple(accounts), lang, data.data_version(path), budget, share)


def marginal_frame(recs: list[Recommendation]) -> pd.DataFrame:
    """One row per account: marginal ROI at the latest spend with its 80 % band, break-even, the
    marginal profit of the next yuan, whether it is still being measured."""
    rows = []
    for rec in recs:
        m = account_marginal(rec)
        rows.append(
            {
                "account": rec.account,
                "marginal_roi": m.marginal_roi,
                "marginal_roi_low": m.low,
                "marginal_roi_high": m.high,
                "marginal_breakeven": m.breakeven_roi,
                "marginal_profit": m.marginal_profit,
                "verdict": m.verdict,
                "measuring": m.measuring,
                "latest_total": rec.current_total,
            }
        )
    columns = [
        "account",
        "marginal_roi",
        "marginal_roi_low",
        "marginal_roi_high",
        "marginal_breakeven",
        "marginal_profit",
        "verdict",
        "measuring",
        "latest_total",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns[1:6]:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def render_callout(marginal: pd.DataFrame, lang: str) -> None:
    """The accounts whose next yuan earns most (marginal profit > 0), never by average ROI."""
    ranked = marginal.dropna(subset=["marginal_profit"]).sort_values("marginal_profit", ascending=False)
    best = ranked[ranked["marginal_profit"] > 0].head(TOP)
    if ranked.empty:
        st.info(t("brand.page.no_curves", lang), icon=":material/hourglass_empty:")
        return
    if len(best):
        sep = "、" if lang == "zh" else ", "
        names = sep.join(
            t(
                "brand.page.callout_item",
                lang,
                account=widgets.plain(row.account),
                mroi=formatting.ratio(row.marginal_roi),
                breakeven=formatting.ratio(row.marginal_breakeven),
            )
            for row in best.itertuples()
        )
        st.success(t("brand.page.callout", lang, accounts=names), icon=":material/trending_up:")
    else:
        st.warning(t("brand.page.callout_none", lang), icon=":material/trending_down:")
    losing = int((ranked["marginal_profit"] < 0).sum())
    if losing:
        st.caption(t("brand.page.losing", lang, count=losing))


def stored_test_share() -> float:
    """The brand's test share as stored on the Settings page (the built-in default when unset)."""
    value = data.query("settings/brand_one")["test_share"].iloc[0]
    return brand_settings.TEST_SHARE if pd.isna(value) else float(value)


def _budget_key(accounts: list[str]) -> str:
    digest = hashlib.sha1("\x1f".join(accounts).encode()).hexdigest()[:10]
    return f"matrix_brand_budget_{digest}"  # a new selection starts from its own default


def render_budget(accounts: list[str], recs: list[Recommendation], lang: str) -> BrandAllocation | None:
    """The brand budget input and its split per account and channel; returns the allocation. ``recs``
    is :func:`fits` of ``accounts``."""
    st.subheader(t("brand.page.title", lang))
    default = float(round(sum(rec.current_total for rec in recs)))
    left, right = st.columns([2, 1])
    budget = left.number_input(
        t("brand.page.budget", lang),
        min_value=0.0,
        value=default,
        step=1000.0,
        format="%.0f",
        key=_budget_key([r.account for r in recs]),
        help=t("brand.page.budget_help", lang, default=formatting.money(default, lang)),
    )
    stored = stored_test_share()
    share_pct = right.number_input(
        t("brand.page.test_share", lang),
        min_value=0.0,
        max_value=100.0,
        value=round(stored * 100, 2),
        step=5.0,
        format="%.0f",
        key=f"matrix_test_share_{stored:.6f}",  # a newly saved setting starts the input anew
        help=t("brand.page.test_share_help", lang, stored=formatting.percent(stored, 0)),
    )
    brand, accounts_frame, channels_frame = split(accounts, lang, float(budget), float(share_pct) / 100)
    level = formatting.money(brand.water_level, lang, decimals=2)
    key = "brand.page.summary" if brand.water_level > 0 else "brand.page.summary_unspent"
    st.caption(
        t(
            key,
            lang,
            budget=formatting.money(brand.budget, lang),
            allocated=formatting.money(brand.allocated, lang),
            current=formatting.money(default, lang),
            level=level,
            doubt=t("brand.page.doubt", lang, z=f"{OPTIMISM:g}"),
        )
    )
    if brand.below_floors:
        st.warning(
            t("brand.cli.below_floors", lang, floor=formatting.money(brand.floor_total, lang)),
            icon=":material/block:",
        )
    st.dataframe(
        accounts_frame,
        hide_index=True,
        column_config={
            "account": t("field.account", lang),
            "current": t("brand.page.current", lang),
            "suggested": t("brand.page.suggested", lang),
            "change": t("brand.page.change", lang),
            "marginal_roi": t("brand.page.marginal_roi", lang),
            "breakeven": t("metric.breakeven_roi", lang),
            "verdict": t("brand.page.verdict", lang),
            "reason": st.column_config.TextColumn(t("brand.page.reason", lang), width="large"),
        },
    )
    with st.expander(t("brand.page.channels", lang)):
        st.dataframe(
            channels_frame,
            hide_index=True,
            column_config={
                "account": t("field.account", lang),
                "channel": t("brand.page.channel", lang),
                "current": t("brand.page.current", lang),
                "suggested": t("brand.page.suggested", lang),
                "change": t("brand.page.change", lang),
                "marginal_roi": t("brand.page.marginal_roi_allocated", lang),
            },
        )
    return brand


def _change(now: float, to: float) -> str:
    return formatting.signed_percent(relative_change(now, to), 0) if now > 0 else ("—" if to <= 0 else "+")


def account_table(
    recs: list[Recommendation], marginal: pd.DataFrame, brand: BrandAllocation, lang: str
) -> pd.DataFrame:
    """One row per account: latest → allocated total, marginal ROI at the latest spend with its band
    against the account's own break-even, and the reason."""
    by_account = marginal.set_index("account")
    rows = []
    for rec in recs:
        part = brand.accounts[rec.account]
        m = by_account.loc[rec.account]
        if pd.isna(m["marginal_roi"]):
            mroi = "—"
        else:
            mroi = t(
                "brand.page.interval",
                lang,
                mroi=formatting.ratio(m["marginal_roi"]),
                low=formatting.ratio(m["marginal_roi_low"]),
                high=formatting.ratio(m["marginal_roi_high"]),
            )
        verdict = t(f"brand.page.verdict.{m['verdict']}", lang)
        if part.measuring:
            verdict = f"{verdict} · {t('brand.cli.measuring', lang)}"
        rows.append(
            {
                "account": rec.account,
                "current": formatting.money(part.current_total, lang),
                "suggested": formatting.money(part.suggested_total, lang),
                "change": _change(part.current_total, part.suggested_total),
                "marginal_roi": mroi,
                "breakeven": formatting.ratio(rec.breakeven_roi),
                "verdict": verdict,
                "reason": allocated_recommendation(rec, brand, lang).reason,
            }
        )
    return pd.DataFrame(rows)


def channel_table(recs: list[Recommendation], brand: BrandAllocation, lang: str) -> pd.DataFrame:
    """One row per account and channel: latest → allocated spend, the change, marginal ROI there."""
    rows = []
    for rec in recs:
        part = brand.accounts[rec.account]
        for c in rec.channels:
            now, to = part.current[c], part.suggested[c]
            rows.append(
                {
                    "account": rec.account,
                    "channel": channels.channel_name(c, lang),
                    "current": formatting.money(now, lang),
                    "suggested": formatting.money(to, lang),
                    "change": _change(now, to),
                    "marginal_roi": formatting.ratio(part.marginal_roi.get(c)),
                }
            )
    return pd.DataFrame(rows)


def chart_metric(lang: str) -> str:
    """The bubble chart's y-axis: 'roi' (average) or 'marginal_roi'."""
    options = ["marginal_roi", "roi"]
    choice = st.segmented_control(
        t("brand.page.chart_metric", lang),
        options,
        default="marginal_roi",
        format_func=lambda o: t("metric.marginal_roi" if o == "marginal_roi" else "metric.roi", lang),
        key=KEY_METRIC,
    )
    return choice or "marginal_roi"


def load(accounts: list[str], lang: str) -> list[Recommendation] | None:
    """The fits, or None after a message saying why there are none."""
    try:
        return fits(accounts, lang)
    except SettingsError as exc:
        st.error(t("advisor.page.settings_error", lang, detail=t(exc.key, lang)))
        return None
