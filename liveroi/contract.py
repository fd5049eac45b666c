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

#: The follower columns schema version 6 added (README "The database"): the account's follower count
#: at the session's end (粉丝总数), the GMV and the buyers paid by followers (粉丝成交金额, 粉丝成交人数).
#: With 取关粉丝数 (``followers_lost``) they measure what a follower is worth
#: (:func:`liveroi.economics.follower_value`) and the real follower stock of the 10万 milestone.
FOLLOWER_FIELDS: tuple[str, ...] = ("followers_total", "fans_gmv", "fans_buyers")

#: What the importer stores per session: the contract plus the columns schema version 4 added — the
#: anchor's platform id as text (masked ids too), 净成交金额 and 取关粉丝数 — and the follower columns.
#: The sample brand has :data:`SESSION_FIELDS` and, on its cold-start account, 粉丝总数 and 粉丝成交金额;
#: the platforms' other known figures go to ``session_extras``.
STORED_SESSION_FIELDS: tuple[str, ...] = (
    *SESSION_FIELDS,
    "anchor_id",
    "net_gmv",
    "followers_lost",
    *FOLLOWER_FIELDS,
)
