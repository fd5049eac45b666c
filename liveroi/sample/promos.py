"""The promo calendar of the sample brand (618, 品牌日, 双11, 双12, 年货节) and the weekly rhythm.

Multipliers apply to every account: ``gmv_multiplier`` scales what a session sells (organic and paid
alike), ``spend_multiplier`` scales what the brand spends. Peaks spend ×2–4, so their ROI comes out
lower than an ordinary day's, as practitioners report.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

# (name, first month-day, last month-day, gmv multiplier, spend multiplier)
PROMO_EVENTS: tuple[tuple[str, str, str, float, float], ...] = (
    ("年货节", "01-10", "01-20", 1.2, 1.25),
    ("618预热", "06-10", "06-17", 1.2, 1.3),
    ("618", "06-18", "06-18", 2.2, 2.8),
    ("品牌日", "09-09", "09-09", 1.8, 2.0),
    ("双11预热", "10-25", "11-10", 1.2, 1.3),
    ("双11", "11-11", "11-11", 3.0, 4.0),
    ("双11返场", "11-12", "11-13", 1.25, 1.2),
    ("双12", "12-12", "12-12", 1.6, 1.7),
)

# Monday … Sunday: weekends sell more, and the brand spends a little more on them.
DOW_GMV = np.array([0.95, 0.97, 0.98, 1.0, 1.05, 1.15, 1.12])
DOW_SPEND = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.08, 1.08])


def promo_calendar(start: dt.date, end: dt.date) -> pd.DataFrame:
    """One row per promo day in ``[start, end]``: day, name, gmv_multiplier, spend_multiplier."""
    frames = []
    for year in range(start.year, end.year + 1):
        for name, first, last, gmv_mult, spend_mult in PROMO_EVENTS:
            days = pd.date_range(f"{year}-{first}", f"{year}-{last}", freq="D")
            frames.append(
                pd.DataFrame(
                    {"day": days, "name": name, "gmv_multiplier": gmv_mult, "spend_multiplier": spend_mult}
                )
            )
    calendar = pd.concat(frames, ignore_index=True)
    inside = (calendar["day"] >= pd.Timestamp(start)) & (calendar["day"] <= pd.Timestamp(end))
    calendar = calendar.loc[inside].sort_values("day", kind="stable").reset_index(drop=True)
    calendar["day"] = calendar["day"].dt.date
    calendar["name"] = calendar["name"].astype(object)
    return calendar


def day_multipliers(days: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per day: (promo GMV multiplier, day-of-week GMV multiplier, spend multiplier of both)."""
    calendar = promo_calendar(days[0].date(), days[-1].date())
    promo = pd.DataFrame(
        {
            "gmv": calendar["gmv_multiplier"].to_numpy(),
            "spend": calendar["spend_multiplier"].to_numpy(),
        },
        index=pd.DatetimeIndex(pd.to_datetime(calendar["day"])),
    ).reindex(days, fill_value=1.0)
    dow = days.day_of_week.to_numpy()
    return promo["gmv"].to_numpy(), DOW_GMV[dow], promo["spend"].to_numpy() * DOW_SPEND[dow]
