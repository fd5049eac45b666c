r"""The money rules, in one place: margin after refunds, break-even ROI and the suggested follower value.

Every screen and the advisor call these functions, so the number a page shows is the number the
advice uses. SQL that needs the same rule reads it from the ``account_settings`` view
(``queries/schema/views/account_settings.sql``), the one SQL copy, and ``tests/test_economics.py`` proves the view and these
functions agree over a grid of margins and refund rates.

Notation: ``g`` gross margin (share of GMV kept after the cost of goods, ``0 < g ≤ 1``), ``r`` refund
rate (share of GMV refunded, ``0 ≤ r < 1``), AOV the average order value ``Σ GMV / Σ buyers``.

.. math::

    m = g\,(1 - r) \qquad \text{(profit per yuan of GMV after refunds)}

    \text{break-even ROI} = \frac{1}{m} = \frac{1}{g\,(1 - r)} \qquad
    \text{net break-even ROI} = \frac{1}{g}

A session breaks even when ``m × GMV = spend``, i.e. when GMV / spend = 1 / m; net ROI already has
the refunds taken out of GMV, so its break-even is 1 / g. 50 % margin and 10 % refunds → m = 0.45,
break-even 2.22, net break-even 2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

FOLLOWER_ORDERS = 0.1  # extra orders a new follower is assumed to place later (see suggested_follower_value)
DEFAULT_FOLLOWER_VALUE = 3.0  # CNY per follower when there is no AOV to compute one from


def _finite(value: float | None) -> bool:
    return value is not None and not pd.isna(value) and math.isfinite(float(value))


def margin_after_refunds(gross_margin: float, refund_rate: float = 0.0) -> float:
    """Profit per yuan of GMV after refunds: ``m = gross_margin × (1 − refund_rate)``.

    50 % margin, 10 % refunds → 0.45. Works elementwise on arrays and Series too.
    """
    return gross_margin * (1 - refund_rate)


def breakeven_roi(gross_margin: float, refund_rate: float = 0.0) -> float | None:
    """Whole-room ROI (GMV / spend) at which a session breaks even: ``1 / (gross_margin × (1 − refund_rate))``.

    50 % margin and 10 % refunds → 2.22. None when the margin after refunds is not positive (no
    ROI breaks even). The ``account_settings`` view computes the same column in SQL.
    """
    denominator = margin_after_refunds(gross_margin, refund_rate)
    return 1 / denominator if denominator > 0 else None


def breakeven_net_roi(gross_margin: float) -> float | None:
    """Net ROI ((GMV − refunds) / spend) at which a session breaks even: ``1 / gross_margin``.

    50 % margin → 2. None when the margin is not positive.
    """
    return 1 / gross_margin if gross_margin > 0 else None


def suggested_follower_value(
    gross_margin: float | None, refund_rate: float | None, aov: float | None
) -> float | None:
    r"""¥ a new follower is worth when the follower-value setting is empty — the one formula used by
    the Settings page's suggestion and by the advisor when the field is left empty:

    .. math::  v = 0.1 \times \text{AOV} \times g\,(1 - r)

    rounded to the fen. A follower is worth the margin, *after refunds*, on the orders they place
    later from the private domain (私域); a refunded order earns nothing, so the value must use the
    same ``m = g (1 − r)`` as every other profit in the app. The number of later orders is
    :data:`FOLLOWER_ORDERS` = 0.1 — deliberately low: Kuaishou reports 45–65 % repurchase among
    *buyers*, and a new follower is not yet a buyer. (This is the advisor's long-standing default,
    under which its decision quality was measured; an earlier Settings-page suggestion of half an
    order per follower, without refunds, valued followers five times higher than the advice did.)

    50 % margin, 10 % refunds, ¥120 AOV → ¥5.40. Without an AOV (no buyer counts, or no GMV):
    ¥3 (:data:`DEFAULT_FOLLOWER_VALUE`). None when the margin or refund rate is outside its range
    (an invalid form on the Settings page; the advisor's settings are always valid).
    """
    if not _finite(gross_margin) or not 0 < float(gross_margin) <= 1:  # type: ignore[arg-type]
        return None
    refunds = float(refund_rate) if _finite(refund_rate) else 0.0  # type: ignore[arg-type]
    if not 0 <= refunds < 1:
        return None
    if not _finite(aov) or float(aov) <= 0:  # type: ignore[arg-type]
        return DEFAULT_FOLLOWER_VALUE
    return round(FOLLOWER_ORDERS * float(aov) * margin_after_refunds(float(gross_margin), refunds), 2)  # type: ignore[arg-type]


# --- the measured follower value ---------------------------------------------------------------------

FOLLOWER_HORIZON_SESSIONS = 180  # H: future sessions a follower is credited for (about half a year)
FOLLOWER_MIN_SESSIONS = 20  # fewer sessions with the needed columns → the stated default
FOLLOWER_COVERAGE = 0.8  # share of sessions that must carry a column for it to be used
FOLLOWER_INTERVAL = (0.1, 0.9)  # the reported interval: 80 %, as the advisor's
FOLLOWER_BOOTSTRAP = 400
FOLLOWER_SMALL_SAMPLE = True  # widen the bootstrap interval for its sessions (_small_sample_widening)
_BOOTSTRAP_SEED = 13


@dataclass(frozen=True)
class FollowerValue:
    r"""What one new follower is worth to an account, and where the number comes from.

    ``source`` is ``'fans_gmv'`` (measured from the GMV followers paid), ``'organic'`` (measured from
    the GMV that rises with the follower stock) or ``'default'`` (:func:`suggested_follower_value`,
    with ``reason`` saying why nothing was measured: ``'few_sessions'``, ``'no_stock'``,
    ``'no_churn'``, ``'no_signal'``). ``low``/``high`` is the 80 % bootstrap interval, ``lifetime``
    the expected number of future sessions a new follower stays, ``per_session`` the GMV a follower
    pays per session, ``churn`` the share of followers lost per session; all None for the default.
    ``stock`` says where the follower stock came from: ``'followers_total'`` (the exports' 粉丝总数),
    ``'cumulative'`` (new followers summed onto the "followers before the first imported session"
    setting) or ``'cumulative_from_zero'`` (the same with the setting empty).
    """

    value: float
    source: str
    low: float | None = None
    high: float | None = None
    lifetime: float | None = None
    per_session: float | None = None
    churn: float | None = None
    sessions: int = 0
    stock: str | None = None
    reason: str | None = None

    @property
    def measured(self) -> bool:
        """Whether the value comes from the account's own history (not the stated default)."""
        return self.source != "default"


def follower_lifetime(churn: np.ndarray | float, horizon: int = FOLLOWER_HORIZON_SESSIONS) -> np.ndarray:
    r"""Expected future sessions a new follower is still following, with per-session churn ``c``:

    .. math::  L(c) = \sum_{k=1}^{H} (1 - c)^k = \frac{(1 - c)\,(1 - (1 - c)^H)}{c}, \qquad L(0) = H

    ``c`` clipped to [0, 1]. 1.7 % churn, H = 180 → 55 sessions.
    """
    c = np.clip(np.asarray(churn, dtype=float), 0.0, 1.0)
    keep = 1.0 - c
    safe = np.where(c > 1e-12, c, 1.0)
    return np.where(c > 1e-12, keep * (1.0 - keep**horizon) / safe, float(horizon))


def _column(sessions: pd.DataFrame, name: str) -> np.ndarray:
    if name not in sessions:
        return np.full(len(sessions), np.nan)
    return pd.to_numeric(sessions[name], errors="coerce").to_numpy(dtype=float)


def _covered(values: np.ndarray) -> bool:
    return len(values) > 0 and float(np.isfinite(values).mean()) >= FOLLOWER_COVERAGE


def fans_gmv(sessions: pd.DataFrame) -> np.ndarray | None:
    """The GMV followers paid per session (粉丝成交金额; NaN where a session lacks it) when the exports
    carry it on at least :data:`FOLLOWER_COVERAGE` of the sessions, else None — what the follower value
    and the advisor's GMV curves (:func:`liveroi.advisor.model._gmv_less_fans`) both go by."""
    fans = _column(sessions, "fans_gmv")
    return fans if _covered(fans) else None


def follower_stock(
    sessions: pd.DataFrame, followers_before: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    r"""The follower stock of each session: at its end ``S_t``, at its start ``S⁰_t``, and the
    followers lost ``ℓ_t`` (NaN where unknown), with where the stock came from.

    With ``followers_total`` (the count at the session's end) on most sessions: ``S_t`` is it,
    ``S⁰_t = S_{t−1}`` (the previous session's end, so churn between sessions counts), and the stock
    identity gives ``ℓ_t = S_{t−1} + \text{new}_t − S_t``. Otherwise the stock is summed:
    ``S_t = S_{\text{before}} + \sum_{u \le t} (\text{new}_u − \text{lost}_u)`` with ``lost`` the
    exports' 取关粉丝数 (0 where missing) and ``S_before`` the setting (0 when empty).
    """
    new = np.nan_to_num(_column(sessions, "new_followers"), nan=0.0)
    total = _column(sessions, "followers_total")
    lost_col = _column(sessions, "followers_lost")
    if _covered(total):
        end = total
        start = np.concatenate([[np.nan], end[:-1]])
        start = np.where(np.isfinite(start), start, end - new)
        lost = np.concatenate([[np.nan], end[:-1]]) + new - end
        return end, start, lost, "followers_total"
    before = (
        float(followers_before) if followers_before is not None and math.isfinite(followers_before) else 0.0
    )
    end = before + np.cumsum(new - np.nan_to_num(lost_col, nan=0.0))
    start = np.concatenate([[before], end[:-1]])
    return end, start, lost_col, "cumulative" if followers_before is not None else "cumulative_from_zero"


def _bootstrap_index(n: int, draws: int = FOLLOWER_BOOTSTRAP) -> np.ndarray:
    """Draws × n session indices, resampled with replacement (fixed seed: the same history always
    gives the same interval)."""
    return np.random.default_rng(_BOOTSTRAP_SEED).integers(0, n, size=(draws, n))


def _organic_per_follower(
    sessions: pd.DataFrame, start: np.ndarray, spend: pd.DataFrame | None
) -> tuple[float, np.ndarray] | None:
    r"""GMV per follower in stock per session from the GMV that rises with the stock: the OLS slope
    ``β`` of ``gmv_t = a + β S⁰_t + Σ_c b_c \text{spend}_{tc} + γ \log(\text{duration}_t) + δ\,\text{promo}_t``
    and its bootstrap draws (every draw's normal equations solved at once). None without GMV."""
    gmv = _column(sessions, "gmv")
    columns = [np.ones(len(sessions)), start]
    if spend is not None and len(spend.columns):
        columns += [spend[c].to_numpy(dtype=float) for c in spend.columns]
    duration = _column(sessions, "duration_min")
    if np.isfinite(duration).all() and (duration > 0).all() and np.ptp(duration) > 0:
        columns.append(np.log(duration))
    if "promo" in sessions and sessions["promo"].astype(bool).nunique() > 1:
        columns.append(sessions["promo"].astype(float).to_numpy())
    x = np.column_stack(columns)
    ok = np.isfinite(gmv) & np.isfinite(x).all(axis=1)
    x, y = x[ok], gmv[ok]
    if len(y) < FOLLOWER_MIN_SESSIONS:
        return None
    scale = np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)
    xs = x / scale
    beta = np.linalg.lstsq(xs, y, rcond=None)[0] / scale
    idx = _bootstrap_index(len(y))
    xb, yb = xs[idx], y[idx]  # draws × n × k, draws × n
    xtx = np.einsum("bnk,bnj->bkj", xb, xb) + 1e-9 * np.eye(xs.shape[1])
    xty = np.einsum("bnk,bn->bk", xb, yb)
    draws = np.linalg.solve(xtx, xty[..., None])[..., 0] / scale
    return float(beta[1]), draws[:, 1]


def _small_sample_widening(n: int, level: float = FOLLOWER_INTERVAL[1]) -> float:
    r"""How much wider a bootstrap interval of a mean over ``n`` sessions should be:

    .. math::  w(n) = \sqrt{\frac{n}{n - 1}}\;\frac{t_{n-1}(q)}{z(q)}

    the resampled mean's spread is the plug-in ``(n − 1)/n`` of the unbiased one, and a spread
    estimated from ``n`` sessions calls for Student's ``t`` quantile rather than the normal one
    (``t`` by its Cornish–Fisher expansion in ``1/ν``, ν = n − 1, exact to 0.1 % from ν = 10). 40
    sessions: 1.03; 20: 1.06; 200: 1.006."""
    nu = max(n - 1, 2)
    z = float(NormalDist().inv_cdf(level))
    t = z + (z**3 + z) / (4 * nu) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * nu**2)
    return math.sqrt((nu + 1) / nu) * t / z


def follower_value(
    sessions: pd.DataFrame,
    gross_margin: float,
    refund_rate: float = 0.0,
    *,
    followers_before: float | None = None,
    spend: pd.DataFrame | None = None,
) -> FollowerValue:
    r"""¥ a new follower is worth to this account — *the* follower value, used by the Settings page,
    the Advisor page and the advisor whenever the follower-value setting is empty.

    ``sessions``: one account's sessions, oldest first, with ``new_followers`` and ``gmv`` and where
    the exports have them ``followers_total``, ``fans_gmv``, ``followers_lost``, ``buyers``,
    ``duration_min``, ``promo``; ``spend``: the paid spend per channel, row-aligned (optional, a
    control of the organic path).

    .. math::

        v = m \cdot p \cdot L(c), \qquad m = g\,(1 - r)

    * ``p``, GMV a follower pays per session: ``Σ fans_gmv_t / Σ S⁰_t`` (followers' GMV over the
      followers there at the session's start), or without fans' GMV the slope of session GMV on the
      follower stock (:func:`_organic_per_follower`) — the organic GMV a follower more brings.
    * ``c``, followers lost per session: ``Σ ℓ_t / Σ S⁰_t`` (:func:`follower_stock`).
    * ``L(c)``, the sessions a new follower stays (:func:`follower_lifetime`, horizon
      :data:`FOLLOWER_HORIZON_SESSIONS`). ``m`` as every profit in the app: a refunded order earns
      nothing.

    Interval: the 10 % and 90 % quantiles of ``v`` over :data:`FOLLOWER_BOOTSTRAP` resamples of the
    sessions (rows resampled whole, so ``p`` and ``c`` move together), their distances from ``v``
    widened for the number of sessions (:func:`_small_sample_widening`, 3 % at 40 sessions). Falls back to the stated
    default :func:`suggested_follower_value` (at the history's AOV), saying why, with fewer than
    :data:`FOLLOWER_MIN_SESSIONS` usable sessions, no churn measure (neither 粉丝总数 nor 取关粉丝数),
    or — on the organic path — a slope whose interval is not above zero (the stock explains nothing).
    """
    margin = margin_after_refunds(float(gross_margin), float(refund_rate or 0.0))
    n = len(sessions)

    def default(reason: str, stock: str | None = None) -> FollowerValue:
        gmv, buyers = _column(sessions, "gmv"), _column(sessions, "buyers")
        total_buyers = float(np.nansum(buyers))
        aov = float(np.nansum(gmv)) / total_buyers if total_buyers > 0 else None
        value = suggested_follower_value(gross_margin, refund_rate, aov)
        return FollowerValue(
            DEFAULT_FOLLOWER_VALUE if value is None else value,
            "default",
            sessions=n,
            stock=stock,
            reason=reason,
        )

    if n < FOLLOWER_MIN_SESSIONS:
        return default("few_sessions")
    _end, start, lost, stock = follower_stock(sessions, followers_before)
    fans = fans_gmv(sessions)
    churn_ok = np.isfinite(lost) & np.isfinite(start) & (start > 0)
    if churn_ok.sum() < FOLLOWER_MIN_SESSIONS:
        return default("no_churn" if stock != "followers_total" else "few_sessions", stock)
    idx = _bootstrap_index(n)
    lost_w, start_c = np.where(churn_ok, lost, 0.0), np.where(churn_ok, start, 0.0)
    churn = float(lost_w.sum() / start_c.sum())
    churn_draws = lost_w[idx].sum(axis=1) / np.maximum(start_c[idx].sum(axis=1), 1e-9)
    if fans is not None:
        fans_ok = np.isfinite(fans) & np.isfinite(start) & (start > 0)
        if fans_ok.sum() < FOLLOWER_MIN_SESSIONS:
            return default("few_sessions", stock)
        fans_w, start_f = np.where(fans_ok, fans, 0.0), np.where(fans_ok, start, 0.0)
        per_session = float(fans_w.sum() / start_f.sum())
        per_draws = fans_w[idx].sum(axis=1) / np.maximum(start_f[idx].sum(axis=1), 1e-9)
        source = "fans_gmv"
    else:
        organic = _organic_per_follower(sessions, start, spend)
        if organic is None:
            return default("few_sessions", stock)
        per_session, per_draws = organic
        if np.quantile(per_draws, FOLLOWER_INTERVAL[0]) <= 0:
            return default("no_signal", stock)
        source = "organic"
    value_draws = margin * np.maximum(per_draws, 0.0) * follower_lifetime(churn_draws)
    lifetime = float(follower_lifetime(churn))
    value = margin * max(per_session, 0.0) * lifetime
    low, high = np.quantile(value_draws, FOLLOWER_INTERVAL)
    if FOLLOWER_SMALL_SAMPLE:
        widen = _small_sample_widening(int(churn_ok.sum()))
        low, high = value - (value - low) * widen, value + (high - value) * widen
    return FollowerValue(
        value=round(value, 2),
        source=source,
        low=round(float(low), 2),
        high=round(float(high), 2),
        lifetime=lifetime,
        per_session=per_session,
        churn=churn,
        sessions=int(churn_ok.sum()),
        stock=stock,
    )
