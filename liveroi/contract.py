"""The data contract in code (README "The database"): the canonical session columns, in their canonical order.

The importer maps export headers onto these names, the sample generator produces them, and
``session_metrics`` (queries/schema/views/session_metrics.sql) exposes them with the derived metrics.
"""

from __future__ import annotations

SESSION_FIELDS: tuple[str, ...] = (
    "session_id",
    "account",
    "started_at",
    "ended_at",
    "duration_min",
    "shift",
    "impressions",
    "viewers",
    "views",
    "peak_online",
    "avg_watch_s",
    "new_followers",
    "product_impressions",
    "product_clicks",
    "orders",
    "buyers",
    "gmv",
    "refunds",
    "ad_gmv",
)
