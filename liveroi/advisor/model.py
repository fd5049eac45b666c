r"""Response curves: how one account's session GMV and new followers answer each channel's spend.

The model (per account, fitted separately for ``y`` = GMV and ``y`` = new followers)
------------------------------------------------------------------------------------
.. math::

    y_i = \underbrace{\gamma_0 + \sum_{d=1}^{6} \gamma_d [\mathrm{dow}_i = d]
          + \gamma_7 \log\frac{\mathrm{duration}_i}{\mathrm{median}}
          + \gamma_8\,\mathrm{promo}_i + \gamma_9 \frac{t_i - t_{\mathrm{last}}}{90\,\mathrm{days}}}
          _{\text{organic baseline}}
        + \sum_c b_c\,\frac{f(s_{ic}; k_c)}{f(\bar s_c; k_c)} + \varepsilon_i,
    \qquad f(s; k) = \frac{s}{s + k},\quad \varepsilon_i \sim N(0, \sigma^2)

``f`` is the Hill curve with shape 1 (Michaelis–Menten): zero at zero spend, concave, saturating at
``b_c / f(s̄_c)``; ``k_c`` is the spend at which a channel reaches half its ceiling. ``b_c`` is the
channel's contribution at its typical spend ``s̄_c`` (the median of its non-zero spend), so the
marginal ROI at spend ``s`` is

.. math::  \mathrm{mROI}_c(s) = b_c\,\frac{f'(s; k_c)}{f(\bar s_c; k_c)}, \qquad f'(s;k) = \frac{k}{(s+k)^2}.

Where the exports carry followers' GMV (粉丝成交金额), ``y`` for GMV is the session's GMV *less* it, and
the next session's followers' GMV is added back to the baseline (:func:`_gmv_less_fans`): what
followers pay is bought by the follower stock and credited through the follower value, not by
today's spend.

Fitting (closed form, numpy only, ~25 ms for 1,000 sessions and two channels)
-----------------------------------------------------------------------------
* ``k_c`` lives on a log grid scaled to the channel's spend, ``k_c ∈ s̄_c × {⅛, ¼, …, 16, 32}``
  (:data:`SATURATION_GRID`, nine points: from "already saturated" to "practically linear over any
  step the advisor can take"), with a uniform prior over the grid. The Hill shape can be averaged
  over too (:data:`SHAPE_GRID`, ``f(s; k, n) = sⁿ/(sⁿ + kⁿ)``, steeper shapes only with
  ``k ≤ s̄``: :func:`curve_grid`); it ships with shape 1 alone, because adding shape 2 bought nothing
  on the tuning accounts, whose true shapes run from 0.7 to 2.0, at twice the cost
  (``docs/advisor-notes.md``). Everything else is linear given
  ``k``, so each grid configuration has an exact marginal likelihood. The posterior draws average
  over *every* configuration (up to :data:`FULL_GRID_LIMIT` of them: one or two channels; with more
  channels, the coordinate-ascent optimum and its one-channel neighbours), weighted by marginal
  likelihood — Bayesian model averaging. Curvature is what the data pin down worst (the history's
  spend varies ±20 %, the decision extrapolates ±30 % and more), so it must not be decided by a
  search that starts at ``k = s̄`` and stops at the first local optimum: that starting point is a
  strongly curved curve, and taking it for known made the advisor stop short in both directions
  (cutting an over-spent channel, raising a starved one).
* Given ``k``, the coefficients have the conjugate normal–inverse-gamma posterior:
  prior ``β | σ² ~ N(m₀, σ² V₀)``, ``σ² ~ IG(a₀, b₀)``; posterior ``Λₙ = XᵀX + V₀⁻¹``,
  ``mₙ = Λₙ⁻¹(V₀⁻¹m₀ + Xᵀy)``, ``aₙ = a₀ + n/2``, ``bₙ = b₀ + ½(‖y − Xmₙ‖² + (mₙ−m₀)ᵀV₀⁻¹(mₙ−m₀))``.
  ``y`` is divided by its mean first, so the priors below read in "share of an average session".
  Every configuration is solved from the same sufficient statistics (``XᵀX`` of the controls and
  every channel × grid feature, computed once), in one batched Cholesky: a configuration costs
  O(p³), not O(n·p²).

Why conjugate Bayes and not the bootstrap: with a few dozen noisy sessions whose spend moved ±30 %,
the bootstrap of a saturating fit is unstable (resamples that happen to drop the few high-spend
sessions flip the slope) and costs hundreds of refits; the conjugate posterior is exact for the
linear part, costs one Cholesky factorisation, widens correctly as the data thin out, and its
marginal likelihood doubles as the criterion that weighs ``k``. What it leaves out: error
autocorrelation, and multiplicative (heteroscedastic) noise — the noise is taken as additive
(weighted least squares was measured and left out: ``docs/advisor-notes.md``).

Priors (the failure modes they guard against)
----------------------------------------------
* Channel GMV slopes: the prior says *the marginal ROI at typical spend equals* ``prior_roi`` — the
  caller passes the break-even ROI, i.e. "with no evidence, the current spend is about right",
  which is what holding spend assumes — with a standard deviation of ``1 × max(prior_roi, 1)`` ROI
  points (:data:`PRIOR_SD_FACTOR`). Thin data therefore moves little; the data have to pull the
  curve away from break-even.
* Follower slopes: mean 0, sd twice a per-channel scale of followers per yuan, ``F / √(S·s̄_c)``
  (:func:`_followers_per_yuan`): an average session's new followers ``F`` over the geometric mean of
  the account's total spend ``S`` and the channel's typical spend ``s̄_c``. Until issue 13 the scale
  was ``F / S``, the same for every channel: a small follower tool (粉条 at ¥1,000 beside 小店通 at
  ¥8,000) then had a prior sd below its true followers per yuan, and its measured slope was shrunk to
  about two thirds — the advisor left it starved. With one channel the two are the same; ``F / s̄_c``
  alone (as if every follower came from each channel) loosened big GMV channels' follower slopes
  too and cost the randomised tuning accounts 0.4 points (``docs/advisor-notes.md``).
* The prior spreads are in units of the noise: conjugacy makes the prior covariance ``σ²V₀``, so
  ``V₀`` is set from a first fit's ``σ̂`` (empirical Bayes) — the stated spreads then hold whether the
  account is quiet or noisy.
* Controls: intercept vague; day-of-week ±15 %, duration elasticity ±0.5, promo ±100 %,
  trend ±30 % per 90 days (one standard deviation).
* No truncation at zero. A channel never *lowers* GMV, but rejecting the posterior draws with a
  negative coefficient (what the advisor did until issue 12, :data:`NON_NEGATIVE`) moves the
  posterior mean *up* wherever the data say little: the prior N(break-even, sd) cut at zero has its
  mean above break-even, so a weakly measured channel looked under-spent and was raised — on
  over-spent accounts the wrong way. Kept untruncated, the mean stays at "today is right" until the
  data move it, and the 80 % interval of the marginal ROI covers the truth at the advertised rate
  (README). Where the data are clear, no draw is negative anyway.

Fallbacks
---------
* Fewer than :data:`MIN_SESSIONS` sessions: nothing is fitted (``status='thin'``); the decision holds.
* A channel whose spend barely varied (coefficient of variation < :data:`MIN_SPEND_CV`, or fewer than
  three distinct values) cannot be told apart from the baseline: it is left out of the regression
  (its constant effect sits in the intercept) and held (``channel_status[c] = 'flat'``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from liveroi.advisor.data import History
from liveroi.economics import fans_gmv, follower_stock

SATURATION_GRID: tuple[float, ...] = (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
SHAPE_GRID: tuple[float, ...] = (1.0,)  # Hill shapes averaged over (see curve_grid; 2.0 measured, no gain)
STEEP_MAX_RATIO = 1.0
FULL_GRID_LIMIT = 200
MIN_SESSIONS = 8
MIN_SPEND_CV = 0.05
N_DRAWS = 300
FOLLOWER_PRIOR_SD_FACTOR = 2.0  # prior sd of follower slopes, in followers per yuan (_followers_per_yuan)
FOLLOWER_SCALE = "geometric"  # that scale: 'account' | 'channel' | 'geometric' (see _followers_per_yuan)
PRIOR_SD_FACTOR = 1.0  # prior sd of the marginal ROI at typical spend, in units of max(prior_roi, 1)
# where the slope prior ("marginal ROI = prior_roi") sits: "typical" (the median of the channel's spend:
# shipped), "latest" (its latest session's spend), "recent" (the median of its last PRIOR_RECENT
# non-zero spends) or "level" (its smoothed level, _spend_level) — measured, not kept: a trade of the
# randomised suite for the brand family (docs/advisor-notes.md, "Where the prior sits")
PRIOR_ANCHOR = "typical"
PRIOR_RECENT = 5
SPIKE_SD_FACTOR: float | None = None  # a second, tight prior component ("spend is right"), same units
SPIKE_WEIGHT = 0.5  # its prior probability
SEED = 20_240_601
TREND_DAYS = 90.0
NON_NEGATIVE = False  # reject posterior draws with a negative channel coefficient? (module docstring: no)
TRIED_RANGE = (0.05, 0.95)  # quantiles of a channel's non-zero spend that bound "what was tried"
TRIED_RECENT = 0  # ... widened to the spend of this many latest sessions (0: quantiles only)

# Prior standard deviations of the controls, in units of an average session's y.
_CONTROL_NAMES = ("intercept", *(f"dow_{d}" for d in range(1, 7)), "log_duration", "promo", "trend")
_CONTROL_PRIOR_MEAN = np.array([0.5, *([0.0] * 6), 0.0, 0.0, 0.0])
_CONTROL_PRIOR_SD = np.array([3.0, *([0.15] * 6), 0.5, 1.0, 0.3])
_NOISE_GUESS = {"gmv": 0.25, "new_followers": 0.35}  # prior guess of σ / mean(y)
STOCK_CONTROL = False  # the follower stock (粉丝总数) as a GMV control (_with_stock)? measured: no gain
FANS_APART = True  # fit the GMV curves on GMV less followers' GMV when the exports carry it (_gmv_less_fans)
FANS_RECENT = 10  # sessions whose followers' GMV stands for the next session's
STOCK_PRIOR_SD = 1.0  # prior sd of the stock's coefficient, share of a session's GMV per relative change


def saturation(spend: np.ndarray, k: np.ndarray | float, n: np.ndarray | float = 1.0) -> np.ndarray:
    """``f(s; k, n) = sⁿ / (sⁿ + kⁿ)``: the Hill curve (shape 1: ``s / (s + k)``)."""
    x = (np.maximum(spend, 0.0) / k) ** n
    return x / (1.0 + x)


def saturation_slope(spend: np.ndarray, k: np.ndarray | float, n: np.ndarray | float = 1.0) -> np.ndarray:
    """``f'(s; k, n) = n sⁿ⁻¹ kⁿ / (sⁿ + kⁿ)²`` (shape 1: ``k / (s + k)²``)."""
    s = np.maximum(spend, 0.0)
    x = (s / k) ** n
    return n * x / np.maximum(s, 1e-12) / (1.0 + x) ** 2 * (s > 0) + (s <= 0) * np.where(
        np.asarray(n) == 1.0, 1.0 / np.asarray(k, dtype=float), 0.0
    )


@dataclass(frozen=True)
class TargetFit:
    """The posterior of one response (GMV or new followers).

    ``coef`` holds posterior draws (D × C) of each fitted channel's contribution at its typical
    spend, in the target's own units (CNY or followers); ``base`` holds draws (D,) of the organic
    baseline of the next session; ``sigma`` draws (D,) of the noise standard deviation (same units).
    """

    target: str
    k: dict[str, np.ndarray]  # per channel, the saturation spend of each draw (D,)
    coef: np.ndarray
    base: np.ndarray
    sigma: np.ndarray
    log_evidence: float
    n: dict[str, np.ndarray] = field(default_factory=dict)  # per channel, the Hill shape of each draw


@dataclass(frozen=True)
class FittedModel:
    """Everything the decision and the charts need, without a database; pickles."""

    account: str
    sessions_used: int
    status: str  # 'fitted' | 'thin'
    channels: tuple[str, ...]  # every channel of the account
    fitted_channels: tuple[str, ...]  # the channels with a curve (others held)
    channel_status: dict[str, str]  # channel → 'fitted' | 'flat' | 'thin'
    typical_spend: dict[str, float]
    gmv: TargetFit | None = None
    # per channel, the spend the history has tried: (low, high) quantiles TRIED_RANGE of its non-zero spend
    tried: dict[str, tuple[float, float]] = field(default_factory=dict)
    new_followers: TargetFit | None = None
    history_gmv: np.ndarray = field(default_factory=lambda: np.zeros(0))
    history_followers: np.ndarray = field(default_factory=lambda: np.zeros(0))
    fans_apart: bool = False  # the GMV curves were read from GMV less followers' GMV (_gmv_less_fans)

    # -- curves ------------------------------------------------------------------------------------
    def contribution(self, target: str, channel: str, spend: np.ndarray | float) -> np.ndarray:
        """Draws (D × len(spend)) of the channel's contribution to ``target`` at each spend."""
        fit = self._target(target)
        j = self.fitted_channels.index(channel)
        k, n = fit.k[channel][:, None], self._shape(fit, channel)
        s = np.atleast_1d(np.asarray(spend, dtype=float))[None, :]
        shape = saturation(s, k, n) / saturation(np.array(self.typical_spend[channel]), k, n)
        return fit.coef[:, [j]] * shape

    def slope(self, target: str, channel: str, spend: np.ndarray | float) -> np.ndarray:
        """Draws (D × len(spend)) of d target / d spend of the channel (marginal ROI for GMV)."""
        fit = self._target(target)
        j = self.fitted_channels.index(channel)
        k, n = fit.k[channel][:, None], self._shape(fit, channel)
        s = np.atleast_1d(np.asarray(spend, dtype=float))[None, :]
        shape = saturation_slope(s, k, n) / saturation(np.array(self.typical_spend[channel]), k, n)
        return fit.coef[:, [j]] * shape

    @staticmethod
    def _shape(fit: TargetFit, channel: str) -> np.ndarray | float:
        return fit.n[channel][:, None] if channel in fit.n else 1.0

    def predict(self, target: str, spend: dict[str, float]) -> np.ndarray:
        """Draws (D,) of the expected ``target`` of the next session at the given spend per channel
        (held channels contribute their constant effect through the baseline)."""
        fit = self._target(target)
        total = fit.base.copy()
        for channel in self.fitted_channels:
            total += self.contribution(target, channel, spend.get(channel, 0.0))[:, 0]
        return total

    def _target(self, target: str) -> TargetFit:
        fit = self.gmv if target == "gmv" else self.new_followers
        if fit is None:
            raise ValueError("no fitted curve: history too thin")
        return fit


def _controls(sessions: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The control columns of the history (n × 10) and of the next session (10,)."""
    started = pd.to_datetime(sessions["started_at"])
    days = started.dt.normalize()
    last_day = days.iloc[-1]
    dow = started.dt.day_of_week.to_numpy()
    next_dow = (last_day + pd.Timedelta(days=1)).day_of_week
    duration = sessions["duration_min"].to_numpy(dtype=float)
    valid = np.isfinite(duration) & (duration > 0)
    median = float(np.median(duration[valid])) if valid.any() else 1.0
    log_duration = np.where(valid, np.log(np.where(valid, duration, 1.0) / median), 0.0)
    trend = ((days - last_day).dt.days.to_numpy(dtype=float)) / TREND_DAYS
    promo = sessions["promo"].to_numpy(dtype=float)
    n = len(sessions)
    x = np.empty((n, len(_CONTROL_NAMES)))
    x[:, 0] = 1.0
    for d in range(1, 7):
        x[:, d] = dow == d
    x[:, 7] = log_duration
    x[:, 8] = promo
    x[:, 9] = trend
    x_next = np.zeros(len(_CONTROL_NAMES))
    x_next[0] = 1.0
    if next_dow >= 1:
        x_next[next_dow] = 1.0
    x_next[9] = 1.0 / TREND_DAYS
    return x, x_next


@dataclass
class _Posterior:
    mean: np.ndarray
    cov_unit: np.ndarray  # Λₙ⁻¹ (covariance / σ²)
    a: float
    b: float
    log_evidence: float


def _posteriors(
    xtx: np.ndarray, xty: np.ndarray, yty: float, n: int, m0: np.ndarray, sd0: np.ndarray, noise: float
) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, np.ndarray]:
    """Conjugate NIG posteriors and log marginal likelihoods (see the module docstring) of K
    configurations at once, from the sufficient statistics ``XᵀX`` (K × p × p), ``Xᵀy`` (K × p),
    ``yᵀy`` and ``n`` — a configuration costs O(p³), not O(n·p²);
    ``‖y − Xmₙ‖² = yᵀy − 2mₙᵀXᵀy + mₙᵀXᵀXmₙ``. Returns (mₙ, Λₙ, aₙ, bₙ, log evidence)."""
    a0, b0 = 2.0, noise**2
    prec0 = noise**2 / sd0**2  # V₀⁻¹ (diagonal): prior sd of β is sd0 when σ = noise
    lam = xtx + prec0[:, :, None] * np.eye(xtx.shape[-1])[None]
    rhs = prec0 * m0 + xty
    chol = np.linalg.cholesky(lam)
    mean = np.linalg.solve(lam, rhs[..., None])[..., 0]
    rss = yty - 2 * (mean * xty).sum(axis=1) + np.einsum("kp,kpq,kq->k", mean, xtx, mean)
    dev = mean - m0
    a = a0 + n / 2
    b = b0 + 0.5 * (np.maximum(rss, 0.0) + (dev * prec0 * dev).sum(axis=1))
    log_det_lam = 2 * np.log(np.diagonal(chol, axis1=1, axis2=2)).sum(axis=1)
    log_evidence = (
        -n / 2 * math.log(2 * math.pi)
        + 0.5 * (np.log(prec0).sum(axis=1) - log_det_lam)
        + a0 * math.log(b0)
        - a * np.log(b)
        + math.lgamma(a)
        - math.lgamma(a0)
    )
    return mean, lam, a, b, log_evidence


LEVEL_ALPHAS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0)


def _spend_level(spend: np.ndarray, typical: float) -> float:
    """The channel's spend level now, told from its noise by simple exponential smoothing
    (``PRIOR_ANCHOR = "level"``, measured, not kept).

    ``L_t = α x_t + (1 − α) L_{t−1}``, ``L_0 = x_0``, with α from LEVEL_ALPHAS minimising the one-step
    errors ``Σ_{t≥1} (x_t − L_{t−1})²``: spend that varies around a fixed level picks a small α (L near
    the history's mean), spend moved in steps picks α near 1 (L near the latest). Fewer than three
    non-zero spends: ``typical``.
    """
    if len(spend) < 3:
        return typical
    from scipy.signal import lfilter

    best, level = math.inf, typical
    for alpha in LEVEL_ALPHAS:
        smoothed = lfilter([alpha], [1.0, alpha - 1.0], spend[1:], zi=[(1.0 - alpha) * spend[0]])[0]
        predicted = np.concatenate(([spend[0]], smoothed[:-1]))
        sse = float(np.sum((spend[1:] - predicted) ** 2))
        if sse < best:
            best, level = sse, float(smoothed[-1])
    return level


def _prior_anchor(spend: np.ndarray, typical: np.ndarray) -> np.ndarray | None:
    """Where each fitted channel's slope prior sits under PRIOR_ANCHOR (``spend``: sessions × channels);
    None for the shipped "typical", the channel's median spend, which _fit_target takes in closed form."""
    if PRIOR_ANCHOR == "latest":
        return np.where(spend[-1] > 0, spend[-1], typical)  # fitted: at least MIN_SESSIONS rows
    if PRIOR_ANCHOR == "level":
        return np.array([_spend_level(col[col > 0], t) for col, t in zip(spend.T, typical, strict=True)])
    if PRIOR_ANCHOR == "recent":
        recent = [col[col > 0][-PRIOR_RECENT:] for col in spend.T]
        return np.array([float(np.median(r)) if len(r) else t for r, t in zip(recent, typical, strict=True)])
    return None


def _fit_target(
    target: str,
    y: np.ndarray,
    controls: np.ndarray,
    x_next: np.ndarray,
    spend: np.ndarray,
    typical: np.ndarray,
    channels: tuple[str, ...],
    slope_mean: float,
    slope_sd: float | np.ndarray,
    rng: np.random.Generator,
    control_prior: tuple[np.ndarray, np.ndarray] | None = None,
    spike_sd: float | None = None,
    anchor: np.ndarray | None = None,
) -> TargetFit:
    scale = float(np.mean(y))
    scale = scale if scale > 0 else max(float(np.abs(y).max()), 1.0)
    ys = y / scale
    noise = _NOISE_GUESS[target]
    n_ctrl = controls.shape[1]
    n_ch = spend.shape[1]
    prior_mean, prior_sd = control_prior or (_CONTROL_PRIOR_MEAN, _CONTROL_PRIOR_SD)
    grid, shapes = curve_grid()
    # Features f(s;k,n)/f(s̄;k,n) for every channel and grid value, computed once.
    features = np.empty((n_ch, len(grid), len(y)))
    factor = np.empty((n_ch, len(grid)))  # f(s̄)/f'(a): contribution at s̄ per unit marginal ROI at a
    for c in range(n_ch):
        for g, (ratio, n) in enumerate(zip(grid, shapes, strict=True)):
            k = ratio * typical[c]
            features[c, g] = saturation(spend[:, c], k, n) / saturation(typical[c], k, n)
            if anchor is None:  # a = s̄: f(s̄)/f'(s̄) = s̄ (s̄ⁿ + kⁿ) / (n kⁿ)
                factor[c, g] = typical[c] * (typical[c] ** n + k**n) / (n * k**n)
            else:  # a: where the slope prior sits (PRIOR_ANCHOR)
                factor[c, g] = float(saturation(typical[c], k, n) / saturation_slope(np.array(anchor[c]), k, n))

    # Sufficient statistics of every feature at once: [controls | all channel × grid features].
    every = np.hstack([controls, features.reshape(n_ch * len(grid), len(y)).T])
    gram, every_y, yty = every.T @ every, every.T @ ys, float(ys @ ys)

    idx = np.arange(n_ch)

    def solve(
        configs: np.ndarray, noise: float, slope_sd: float | np.ndarray = slope_sd
    ) -> tuple[np.ndarray, ...]:
        """Posteriors of the configurations (K × channels grid indices), batched."""
        cols = np.concatenate(
            [np.broadcast_to(np.arange(n_ctrl), (len(configs), n_ctrl)), n_ctrl + idx * len(grid) + configs],
            axis=1,
        )
        m0 = np.concatenate(
            [
                np.broadcast_to(prior_mean, (len(configs), n_ctrl)),
                slope_mean * factor[idx, configs] / scale,
            ],
            axis=1,
        )
        sd0 = np.concatenate(
            [
                np.broadcast_to(prior_sd, (len(configs), n_ctrl)),
                np.broadcast_to(slope_sd, (n_ch,))[idx] * factor[idx, configs] / scale,
            ],
            axis=1,
        )
        xtx = gram[cols[:, :, None], cols[:, None, :]]
        return _posteriors(xtx, every_y[cols], yty, len(ys), m0, sd0, noise)

    choice = np.full((1, n_ch), int(np.flatnonzero((grid == 1.0) & (shapes == 1.0))[0]), dtype=int)
    # Empirical Bayes for the noise scale of the prior: the conjugate prior's spread is σ²·V₀, so a
    # fixed guess of σ would make the prior stronger on quiet accounts than the docstring says.
    _, _, a_first, b_first, _ = solve(choice, noise)
    noise = max(math.sqrt(float(b_first[0]) / (a_first - 1)), 0.02)

    def evidence_of(configs: np.ndarray) -> np.ndarray:
        return solve(configs, noise)[4]

    start = int(np.flatnonzero((grid == 2.0) & (shapes == 1.0))[0])
    configs = _configs(n_ch, len(grid), evidence_of, start)
    means, lams, a_post, b_post, evidence = solve(configs, noise)
    if spike_sd is not None:
        s_means, s_lams, _, s_b, s_evidence = solve(configs, noise, spike_sd)
        configs = np.concatenate([configs, configs])
        means, lams = np.concatenate([means, s_means]), np.concatenate([lams, s_lams])
        b_post = np.concatenate([b_post, s_b])
        evidence = np.concatenate(
            [evidence + math.log(1 - SPIKE_WEIGHT), s_evidence + math.log(SPIKE_WEIGHT)]
        )
    weights = np.exp(evidence - evidence.max())
    weights /= weights.sum()
    counts = np.diff(np.round(np.cumsum(weights) * N_DRAWS), prepend=0.0).astype(int)
    coef_parts, base_parts, sigma_parts, k_parts, n_parts = [], [], [], [], []
    for i in np.flatnonzero(counts):
        count, config = int(counts[i]), configs[i]
        post = _Posterior(means[i], np.linalg.inv(lams[i]), a_post, float(b_post[i]), float(evidence[i]))
        draws = _draw(post, n_ctrl, rng, count)
        sigma_parts.append(np.sqrt(post.b / rng.gamma(post.a, 1.0, size=count)) * scale)
        base_parts.append(draws[:, :n_ctrl] @ x_next * scale)
        coef_parts.append(draws[:, n_ctrl:] * scale)
        k_parts.append(np.tile(grid[config] * typical, (count, 1)))
        n_parts.append(np.tile(shapes[config], (count, 1)))
    k_draws, n_draws = np.vstack(k_parts), np.vstack(n_parts)
    k = {ch: k_draws[:, c] for c, ch in enumerate(channels)}
    n = {ch: n_draws[:, c] for c, ch in enumerate(channels)}
    return TargetFit(
        target,
        k,
        np.vstack(coef_parts),
        np.concatenate(base_parts),
        np.concatenate(sigma_parts),
        float(evidence[0]),
        n,
    )


def _with_stock(
    sessions: pd.DataFrame, controls: np.ndarray, x_next: np.ndarray
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    r"""The GMV curve's controls with the follower stock added, when the exports carry 粉丝总数
    (:func:`liveroi.economics.follower_stock`, source ``'followers_total'``): the column
    ``S⁰_t / S_last − 1`` (the stock at each session's start relative to the latest count, so 0 for
    the next session), prior N(0, :data:`STOCK_PRIOR_SD`²) in shares of an average session's GMV.

    Why: followers in stock buy again, so an account's GMV rises with its stock — which grows
    fastest when the follower tool is raised. Without the control that growth is read as the
    channel's own GMV (a follower counted twice: in the curve, and in the follower value, which is
    that same GMV over a follower's lifetime) or blurs the curve as an unexplained trend. Without
    粉丝总数 (or with :data:`STOCK_CONTROL` off) the controls are returned unchanged."""
    if not STOCK_CONTROL or "followers_total" not in sessions:
        return controls, x_next, None
    end, start, _lost, source = follower_stock(sessions)
    latest = float(end[-1]) if len(end) else float("nan")
    if source != "followers_total" or not np.isfinite(latest) or latest <= 0:
        return controls, x_next, None
    column = np.where(np.isfinite(start), start / latest - 1.0, 0.0)
    if np.ptp(column) <= 0:
        return controls, x_next, None
    return (
        np.column_stack([controls, column]),
        np.append(x_next, 0.0),
        (np.append(_CONTROL_PRIOR_MEAN, 0.0), np.append(_CONTROL_PRIOR_SD, STOCK_PRIOR_SD)),
    )


def _gmv_less_fans(sessions: pd.DataFrame, gmv: np.ndarray) -> tuple[np.ndarray, float, float] | None:
    r"""What the GMV curves are read from when the exports carry followers' GMV
    (:func:`liveroi.economics.fans_gmv`: 粉丝成交金额 on most sessions; :data:`FANS_APART` on):
    ``(y, next, sd)`` with

    .. math::  y_t = \max(\mathrm{GMV}_t - \mathrm{fans}_t,\ 0), \qquad
               \mathrm{next} = \operatorname{mean}(\mathrm{fans}_{\text{last } R}), \qquad
               \mathrm{sd} = \operatorname{sd}(\mathrm{fans}_{\text{last } R})

    (``R`` = :data:`FANS_RECENT`; a session without the column counts its GMV times the share
    followers paid over the sessions with it), else None.

    Why: followers' GMV is what the follower stock buys (私域) — it grows with the stock, not with
    today's spend — and it is already credited to the follower tools through the follower value
    (:func:`liveroi.economics.follower_value`: a follower's GMV per session over its lifetime). Left in
    ``y`` it is counted twice whenever spend and stock move together, and in any case it adds its own
    session-to-session noise to the curve the advisor reads (on the follower carry-over family's
    tuning seeds: 91.0 % → 91.6 % of the oracle, ``docs/advisor-notes.md``). The next session's
    followers' GMV joins the baseline, and its spread the noise, so expected GMV and its interval
    still describe the whole session."""
    fans = fans_gmv(sessions) if FANS_APART else None
    if fans is None:
        return None
    known = np.isfinite(fans)
    share = float(fans[known].sum() / gmv[known].sum()) if gmv[known].sum() > 0 else 0.0
    fans = np.where(known, fans, share * gmv)
    recent = fans[-FANS_RECENT:]
    spread = float(recent.std(ddof=1)) if len(recent) > 1 else 0.0
    return np.maximum(gmv - fans, 0.0), float(recent.mean()), spread


def _followers_per_yuan(history: History, followers: np.ndarray, typical: np.ndarray) -> np.ndarray:
    r"""The scale of each fitted channel's follower-slope prior, new followers per yuan, by
    :data:`FOLLOWER_SCALE`: ``'account'`` — ``F / S``, an average session's new followers ``F`` over
    the account's average total spend ``S``, the same for every channel; ``'channel'`` — ``F / s̄_c``,
    as if the channel, at its typical spend ``s̄_c``, brought every follower; ``'geometric'`` — their
    geometric mean ``F / \sqrt{S\,s̄_c}``: one channel's as before, while a small follower tool
    beside a big GMV channel is not shrunk towards zero by the big channel's yuan."""
    total_spend = float(history.spend.to_numpy().sum(axis=1).mean()) if history.channels else 0.0
    account = np.full(len(typical), followers.mean() / total_spend if total_spend > 0 else 0.0)
    own = followers.mean() / np.maximum(typical, 1e-9)
    if FOLLOWER_SCALE == "channel":
        return own
    if FOLLOWER_SCALE == "geometric":
        return np.sqrt(account * own)
    return account


def curve_grid() -> tuple[np.ndarray, np.ndarray]:
    """The (k / s̄, shape) pairs a channel's curve is averaged over: every :data:`SATURATION_GRID`
    ratio with shape 1, and for each steeper shape of :data:`SHAPE_GRID` the ratios up to
    :data:`STEEP_MAX_RATIO` (so an S-shaped curve's inflection, ``k·((n−1)/(n+1))^{1/n}``, lies below
    the typical spend: the curve is concave where the advisor decides)."""
    ratios, shapes = [], []
    for n in SHAPE_GRID:
        for ratio in SATURATION_GRID:
            if n == 1.0 or ratio <= STEEP_MAX_RATIO:
                ratios.append(ratio)
                shapes.append(n)
    return np.array(ratios), np.array(shapes)


def _draw(post: _Posterior, n_ctrl: int, rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` posterior draws of β; with :data:`NON_NEGATIVE`, channel coefficients kept
    non-negative (rejection, else clipping)."""
    p = len(post.mean)
    total = 3 * count if NON_NEGATIVE else count
    sigma2 = post.b / rng.gamma(post.a, 1.0, size=total)
    chol = np.linalg.cholesky(post.cov_unit + 1e-12 * np.eye(p))
    z = rng.standard_normal((total, p))
    draws = post.mean[None, :] + np.sqrt(sigma2)[:, None] * (z @ chol.T)
    if not NON_NEGATIVE:
        return draws[:count]
    ok = (draws[:, n_ctrl:] >= 0).all(axis=1)
    if ok.sum() >= count:
        kept = draws[ok][:count]
    elif ok.sum() >= max(count // 4, 1):  # resample the survivors to keep exactly count draws
        survivors = draws[ok]
        kept = survivors[rng.choice(len(survivors), count, replace=True)]
    else:
        kept = draws[:count].copy()
        kept[:, n_ctrl:] = np.clip(kept[:, n_ctrl:], 0.0, None)
    return kept


def _configs(
    n_ch: int, n_grid: int, log_evidence: Callable[[np.ndarray], np.ndarray], start: int
) -> np.ndarray:
    """The curve configurations (one grid index per channel; K × channels) to average over: every
    combination when there are at most :data:`FULL_GRID_LIMIT` of them, else the coordinate-ascent
    optimum and its one-channel neighbours. The best configuration comes first. ``log_evidence``
    scores a batch of configurations."""
    if n_grid**n_ch <= FULL_GRID_LIMIT:
        configs = np.array(list(itertools.product(range(n_grid), repeat=n_ch)), dtype=int).reshape(
            n_grid**n_ch, n_ch
        )
        best = int(np.argmax(log_evidence(configs)))
        return np.concatenate([configs[[best]], configs[:best], configs[best + 1 :]])
    choice = np.full(n_ch, start)
    best_score = float(log_evidence(choice[None, :])[0])
    for _sweep in range(2):
        changed = False
        for c in range(n_ch):
            trials = np.repeat(choice[None, :], n_grid, axis=0)
            trials[:, c] = np.arange(n_grid)
            scores = log_evidence(trials)
            g = int(np.argmax(scores))
            if scores[g] > best_score + 1e-9:
                choice, best_score, changed = trials[g].copy(), float(scores[g]), True
        if not changed:
            break
    configs = [choice]
    for c in range(n_ch):
        for g in range(n_grid):
            if g != choice[c]:
                trial = choice.copy()
                trial[c] = g
                configs.append(trial)
    return np.array(configs, dtype=int)


def channel_status(history: History) -> dict[str, str]:
    """'fitted' when a channel's spend varied enough to read a curve from, else 'flat' (or 'thin'
    for every channel when the history is shorter than :data:`MIN_SESSIONS`)."""
    if len(history) < MIN_SESSIONS:
        return dict.fromkeys(history.channels, "thin")
    status = {}
    for channel in history.channels:
        s = history.spend[channel].to_numpy(dtype=float)
        mean = s.mean()
        cv = s.std() / mean if mean > 0 else 0.0
        distinct = len(np.unique(np.round(s, 2)))
        status[channel] = "fitted" if cv >= MIN_SPEND_CV and distinct >= 3 else "flat"
    return status


def fit(history: History, prior_roi: float | None = None) -> FittedModel:
    """Fit the GMV and new-follower response curves of one account (see the module docstring).

    ``prior_roi`` is the marginal ROI the prior expects at typical spend (pass the break-even ROI:
    "no evidence → hold"); None means a prior centred on 0 with sd 2. Deterministic (fixed seed).
    """
    sessions = history.sessions
    channels = history.channels
    status = channel_status(history)
    gmv = sessions["gmv"].fillna(0.0).to_numpy(dtype=float)
    followers = sessions["new_followers"].fillna(0.0).to_numpy(dtype=float)
    typical, tried = {}, {}
    for channel in channels:
        s = history.spend[channel].to_numpy(dtype=float)
        active = s[s > 0]
        typical[channel] = float(np.median(active)) if len(active) else 1.0
        low, high = np.quantile(active, TRIED_RANGE) if len(active) else (0.0, 0.0)
        if TRIED_RECENT and len(active):
            low, high = min(low, active[-TRIED_RECENT:].min()), max(high, active[-TRIED_RECENT:].max())
        tried[channel] = (float(low), float(high))
    common = {
        "account": history.account,
        "sessions_used": len(history),
        "channels": channels,
        "channel_status": status,
        "typical_spend": typical,
        "tried": tried,
        "history_gmv": gmv,
        "history_followers": followers,
    }
    if len(history) < MIN_SESSIONS:
        return FittedModel(status="thin", fitted_channels=(), **common)
    fitted = tuple(c for c in channels if status[c] == "fitted")
    controls, x_next = _controls(sessions)
    spend = history.spend[list(fitted)].to_numpy(dtype=float).reshape(len(history), len(fitted))
    typ = np.array([typical[c] for c in fitted])
    anchor = _prior_anchor(spend, typ)
    rng = np.random.default_rng(SEED)
    slope_mean = prior_roi if prior_roi is not None else 0.0
    slope_sd = PRIOR_SD_FACTOR * max(prior_roi or 0.0, 1.0) if prior_roi is not None else 2.0
    gmv_controls, gmv_next, gmv_prior = _with_stock(sessions, controls, x_next)
    apart = _gmv_less_fans(sessions, gmv)
    gmv_fit = _fit_target(
        "gmv",
        gmv if apart is None else apart[0],
        gmv_controls,
        gmv_next,
        spend,
        typ,
        fitted,
        slope_mean,
        slope_sd,
        rng,
        gmv_prior,
        spike_sd=SPIKE_SD_FACTOR * max(prior_roi, 1.0)
        if SPIKE_SD_FACTOR is not None and prior_roi is not None
        else None,
        anchor=anchor,
    )
    if apart is not None:  # the next session's followers' GMV joins its baseline, and its spread the noise
        _, fans_next, fans_sd = apart
        gmv_fit = replace(gmv_fit, base=gmv_fit.base + fans_next, sigma=np.hypot(gmv_fit.sigma, fans_sd))
    per_yuan = _followers_per_yuan(history, followers, typ)
    follower_fit = _fit_target(
        "new_followers",
        followers,
        controls,
        x_next,
        spend,
        typ,
        fitted,
        0.0,
        np.maximum(FOLLOWER_PRIOR_SD_FACTOR * per_yuan, 1e-4),
        rng,
        anchor=anchor,
    )
    return FittedModel(
        status="fitted",
        fitted_channels=fitted,
        gmv=gmv_fit,
        new_followers=follower_fit,
        fans_apart=apart is not None,
        **common,
    )
