"""Paid traffic channels: canonical keys, display names and the colour each has in every chart.

The key is what is stored in ``session_spend.channel`` and used after ``spend_`` in column names.
A channel the platforms add tomorrow is kept under its own name (see :func:`channel_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Channel:
    """One paid traffic tool."""

    key: str
    zh: str
    en: str
    platform: str
    color: str


CHANNELS: tuple[Channel, ...] = (
    Channel("xiaodiantong", "小店通", "Xiaodiantong", "kuaishou", "#F26B1D"),
    Channel("jinniu", "磁力金牛", "Jinniu (Magnetic Bull)", "kuaishou", "#D62728"),
    Channel("fentiao", "粉条", "Fentiao", "kuaishou", "#9467BD"),
    Channel("works_promo", "作品推广", "Works promotion", "kuaishou", "#8C564B"),
    Channel("live_promo", "直播推广", "Live promotion", "kuaishou", "#E377C2"),
    Channel("qianchuan", "千川", "Qianchuan", "douyin", "#1F77B4"),
    Channel("douplus", "DOU+", "DOU+", "douyin", "#17BECF"),
)
BY_KEY: dict[str, Channel] = {c.key: c for c in CHANNELS}
KNOWN_KEYS: tuple[str, ...] = tuple(c.key for c in CHANNELS)
OTHER_KEY = "other"  # session_metrics.spend_other sums every channel not in KNOWN_KEYS
OTHER_COLOR = "#7F7F7F"

# Names the back-ends use, longest first so '磁力金牛' wins over a shorter match.
_ALIASES: dict[str, str] = {
    "小店通": "xiaodiantong",
    "磁力金牛": "jinniu",
    "金牛": "jinniu",
    "粉条": "fentiao",
    "作品推广": "works_promo",
    "直播推广": "live_promo",
    "巨量千川": "qianchuan",
    "千川": "qianchuan",
    "dou+": "douplus",
    "随心推": "douplus",
    **{c.key: c.key for c in CHANNELS},
}
_ALIAS_ORDER = sorted(_ALIASES, key=len, reverse=True)
_UNSAFE = re.compile(r"\s+")


def channel_key(label: str) -> str:
    """The canonical key for a channel name as a back-end writes it; unknown names are kept as written
    (whitespace trimmed), so no spend disappears into a bucket the user did not choose."""
    text = _UNSAFE.sub(" ", str(label)).strip()
    lowered = text.lower()
    for alias in _ALIAS_ORDER:
        if alias in lowered:
            return _ALIASES[alias]
    return text


def channel_name(key: str, lang: str = "zh") -> str:
    """Display name of a channel key in the given language (unknown keys shown as stored)."""
    channel = BY_KEY.get(key)
    if channel is None:
        if key == OTHER_KEY:
            return "其他" if lang == "zh" else "Other"
        return key
    return channel.zh if lang == "zh" else channel.en


def channel_color(key: str) -> str:
    """The colour of a channel in every chart."""
    channel = BY_KEY.get(key)
    return channel.color if channel else OTHER_COLOR
