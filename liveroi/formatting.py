"""How numbers read on screen: CNY with ¥ (and 万/亿 for a Chinese reader), ratios, percentages.

Missing values (None, NaN, ±inf) always read as "—"; a zero-denominator ratio is never shown as 0.
"""

from __future__ import annotations

import math

MISSING = "—"


def _is_missing(value: float | int | None) -> bool:
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


def money(value: float | int | None, lang: str = "zh", *, decimals: int | None = None) -> str:
    """CNY for display: ``¥1.23万`` / ``¥3.40亿`` in Chinese from 10,000 up, ``¥12,345`` in English."""
    if _is_missing(value):
        return MISSING
    amount = float(value)  # type: ignore[arg-type]
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if lang == "zh" and amount >= 1e8:
        return f"{sign}¥{amount / 1e8:.2f}亿"
    if lang == "zh" and amount >= 1e4:
        return f"{sign}¥{amount / 1e4:.2f}万"
    places = decimals if decimals is not None else (0 if amount >= 100 else 2)
    return f"{sign}¥{amount:,.{places}f}"


def count(value: float | int | None, lang: str = "zh") -> str:
    """A head count: ``1.2万`` in Chinese from 10,000 up, ``12,345`` in English."""
    if _is_missing(value):
        return MISSING
    number = float(value)  # type: ignore[arg-type]
    if lang == "zh" and abs(number) >= 1e8:
        return f"{number / 1e8:.2f}亿"
    if lang == "zh" and abs(number) >= 1e4:
        return f"{number / 1e4:.2f}万"
    return f"{number:,.0f}"


def ratio(value: float | int | None, decimals: int = 2) -> str:
    """An ROI-like ratio: ``2.35``."""
    if _is_missing(value):
        return MISSING
    return f"{float(value):.{decimals}f}"  # type: ignore[arg-type]


def percent(value: float | int | None, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.0123 → ``1.2%``."""
    if _is_missing(value):
        return MISSING
    return f"{float(value) * 100:.{decimals}f}%"  # type: ignore[arg-type]


def signed_percent(value: float | int | None, decimals: int = 1) -> str:
    """A change as a signed percentage: 0.05 → ``+5.0%``."""
    if _is_missing(value):
        return MISSING
    return f"{float(value) * 100:+.{decimals}f}%"  # type: ignore[arg-type]
