"""The accounts of the sample brand: who they are and the known response curve of each paid channel.

Every channel's incremental GMV per session follows a saturating Hill curve of shape 1
(Michaelis–Menten) in that session's spend ``s`` on the channel::

    g(s)  = top · s / (s + K)                  incremental GMV, CNY
    g'(s) = top · K / (s + K)²                 marginal ROI (ΔGMV / Δspend)
    f(s)  = follower_top · s / (s + K)         incremental new followers

A :class:`ChannelPlan` is written the way a marketer would describe it — at the reference spend, the
channel's average ROI (incremental GMV / spend) and its marginal ROI — and the curve follows:
with ``r = marginal_roi / average_roi`` (< 1), ``K = s_ref · r / (1 − r)`` and
``top = average_roi · (s_ref + K)``; ``follower_top = (s_ref + K) / cost_per_follower``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

# The Kuaishou paid tools the sample brand uses, in the order of the session export's columns.
SAMPLE_CHANNELS: tuple[str, ...] = ("xiaodiantong", "jinniu", "fentiao", "works_promo")
# Channels whose spend the ad-spend report (磁力金牛 back-end) also carries per plan per hour.
REPORT_CHANNELS: tuple[str, ...] = ("xiaodiantong", "jinniu")
# Plan names per report channel (the first carries most of the spend).
PLAN_NAMES: dict[str, tuple[str, ...]] = {
    "xiaodiantong": ("小店通-直播间成交", "小店通-商品访问"),
    "jinniu": ("磁力金牛-直播推广ROI", "磁力金牛-订单支付"),
}
WARMUP_CHANNEL = "fentiao"
WARMUP_PLAN = "直播预告-粉条加热"


@dataclass(frozen=True)
class ChannelPlan:
    """How an account uses one paid channel, and the channel's true response for that account."""

    reference_spend: float  # CNY per evening session at the steady spend level
    average_roi: float  # incremental GMV / spend at the reference spend
    marginal_roi: float  # ΔGMV / Δspend at the reference spend (< average_roi)
    cost_per_follower: float  # spend / incremental new followers at the reference spend
    spread: float = 0.3  # lognormal σ of session-to-session spend (0.02 ≈ a fixed daily package)
    level_start: float = 1.0  # spend level at day 0 relative to the reference …
    level_end: float = 1.0  # … and at steady state; moves with an e-folding time of level_days
    level_days: float = 60.0
    pause_rate: float = 0.0  # share of sessions with the channel switched off
    fixed_package: bool = False  # a fixed order per session: no shift, weekday or promo scaling

    @property
    def half_saturation(self) -> float:
        """K: the spend at which the channel gives half of its ceiling."""
        r = self.marginal_roi / self.average_roi
        return self.reference_spend * r / (1.0 - r)

    @property
    def gmv_top(self) -> float:
        """The GMV ceiling of the channel per session (ordinary day, multiplier 1)."""
        return self.average_roi * (self.reference_spend + self.half_saturation)

    @property
    def follower_top(self) -> float:
        """The new-follower ceiling of the channel per session."""
        return (self.reference_spend + self.half_saturation) / self.cost_per_follower


@dataclass(frozen=True)
class AccountProfile:
    """One self-broadcast account: category economics, organic traffic, shifts and channels."""

    account: str
    archetype: str  # flagship | cold_start | category
    category: str  # beauty | food | apparel
    aov: float  # CNY per buyer
    conversion: float  # buyers / viewers
    refund_rate: float  # mean refunds / GMV
    organic_gmv: float  # GMV per 4-h session that no spend buys, at steady state
    organic_followers: float  # followers per 4-h session that no spend buys, at steady state
    organic_start: float = 1.0  # organic level at day 0 relative to steady state (cold start ≈ 0)
    organic_days: float = 60.0  # e-folding time of the organic ramp
    growth_per_year: float = 0.0  # slow trend of the whole account
    seasonal_amplitude: float = 0.0  # autumn peak (apparel)
    morning_rate: float = 0.0  # share of days with a 早班 (the 晚班 runs every day)
    afternoon_rate: float = 0.0  # share of days with a 午班
    organic_claim: float = 0.5  # share of organic GMV the platform attributes to its ads anyway
    avg_watch_s: float = 60.0
    channels: dict[str, ChannelPlan] = field(default_factory=dict)
    # Followers as an asset (the carry-over model, 0 = not modelled and not exported): GMV a follower
    # in stock pays per 4-h session (multiplier 1), and the share of followers lost per session.
    fans_gmv_per_follower: float = 0.0
    churn_per_session: float = 0.0


FLAGSHIP = AccountProfile(
    account="暖山官方旗舰店",
    archetype="flagship",
    category="beauty",
    aov=118.0,
    conversion=0.010,
    refund_rate=0.10,
    organic_gmv=10000.0,
    organic_followers=400.0,
    growth_per_year=0.15,
    morning_rate=0.75,
    afternoon_rate=0.9,
    organic_claim=0.55,
    avg_watch_s=72.0,
    channels={
        # Over-spent: average ROI 2.0 but the last yuan returns 0.85 (< break-even ≈ 2.2).
        "xiaodiantong": ChannelPlan(7000.0, 2.0, 0.85, 15.0, spread=0.35),
        "jinniu": ChannelPlan(3500.0, 2.6, 2.1, 20.0, spread=0.3, pause_rate=0.06),
        # A fixed daily 粉条 package: spend barely varies, so its curve cannot be learnt from history.
        "fentiao": ChannelPlan(1500.0, 0.6, 0.45, 4.0, spread=0.02, fixed_package=True),
    },
)

COLD_START = AccountProfile(
    account="暖山好物直播间",
    archetype="cold_start",
    category="food",
    aov=52.0,
    conversion=0.008,
    refund_rate=0.05,
    organic_gmv=400.0,
    organic_followers=80.0,
    organic_start=0.03,
    organic_days=75.0,
    afternoon_rate=0.35,
    organic_claim=0.5,
    avg_watch_s=55.0,
    # Followers come back and buy — ¥0.12 each per session once the shop has matured (they buy less
    # while the organic ramp is low) — and 0.4 % unfollow per session: a new follower is worth
    # ≈ 0.475 × ¥0.12 × 128 sessions ≈ ¥7 of margin, more than 粉条's ≈ ¥6 a follower at the margin.
    fans_gmv_per_follower=0.14,
    churn_per_session=0.004,
    channels={
        # Heavy follower-buying traffic early (粉条/作品推广), shifting to 小店通 as the account matures.
        "fentiao": ChannelPlan(1600.0, 0.35, 0.25, 6.5, level_start=1.3, level_end=0.5, level_days=60.0),
        "works_promo": ChannelPlan(
            800.0, 0.3, 0.22, 7.0, spread=0.3, level_start=1.3, level_end=0.5, level_days=60.0
        ),
        "xiaodiantong": ChannelPlan(
            3600.0, 2.0, 1.3, 20.0, spread=0.35, level_start=0.15, level_end=1.0, level_days=50.0
        ),
    },
)

CATEGORY = AccountProfile(
    account="暖山女装",
    archetype="category",
    category="apparel",
    aov=135.0,
    conversion=0.009,
    refund_rate=0.28,
    organic_gmv=4000.0,
    organic_followers=250.0,
    seasonal_amplitude=0.12,
    morning_rate=0.2,
    afternoon_rate=0.5,
    organic_claim=0.6,
    avg_watch_s=64.0,
    channels={
        "xiaodiantong": ChannelPlan(4500.0, 3.0, 2.7, 25.0, spread=0.3),
        # Starved: the last yuan returns 3.8 (≫ break-even ≈ 2.8).
        "jinniu": ChannelPlan(1200.0, 4.5, 3.8, 25.0, spread=0.3, pause_rate=0.05),
        "fentiao": ChannelPlan(1500.0, 0.8, 0.6, 3.5, spread=0.25),
    },
)

ARCHETYPES: tuple[AccountProfile, ...] = (FLAGSHIP, COLD_START, CATEGORY)
ARCHETYPE_ZH = {"flagship": "旗舰店", "cold_start": "新号", "category": "品类号"}


def build_profiles(n_accounts: int, rng: np.random.Generator) -> list[AccountProfile]:
    """The first three accounts are the documented archetypes; more accounts are jittered copies
    (cycling flagship → cold start → category) so that large benchmark brands stay realistic."""
    if n_accounts < 1:
        raise ValueError("n_accounts must be at least 1")
    profiles = list(ARCHETYPES[:n_accounts])
    for index in range(len(profiles), n_accounts):
        base = ARCHETYPES[index % len(ARCHETYPES)]
        jitter = np.exp(rng.normal(0.0, 0.15, size=8))
        channels = {
            key: replace(
                plan,
                reference_spend=plan.reference_spend * float(jitter[0]),
                average_roi=plan.average_roi * float(jitter[1]),
                marginal_roi=plan.marginal_roi * float(jitter[1]) * float(np.clip(jitter[2], 0.8, 1.1)),
            )
            for key, plan in base.channels.items()
        }
        profiles.append(
            replace(
                base,
                account=f"样例{ARCHETYPE_ZH[base.archetype]}{index + 1:03d}",
                aov=base.aov * float(jitter[3]),
                conversion=float(np.clip(base.conversion * jitter[4], 0.005, 0.03)),
                organic_gmv=base.organic_gmv * float(jitter[5]),
                organic_followers=base.organic_followers * float(jitter[6]),
                avg_watch_s=float(np.clip(base.avg_watch_s * jitter[7], 40.0, 90.0)),
                channels=channels,
            )
        )
    return profiles
