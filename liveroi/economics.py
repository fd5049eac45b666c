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
