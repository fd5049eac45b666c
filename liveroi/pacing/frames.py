"""The small frames the Sessions page draws from one session's timeline (pandas over a few hundred rows;
no Streamlit here)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from liveroi.pacing.engine import ROOM, targets

ROOM_COLUMNS = ("bucket_start", "bucket_minutes", "spend", "gmv", "online", "new_followers", "cum_spend",
                "cum_gmv", "cum_roi")  # fmt: skip


def room_series(frame: pd.DataFrame) -> pd.DataFrame:
    """The whole room per bucket: the room-level rows when the timeline has them, else the sum of every
    target's rows per bucket (a file of plans only), with cumulative spend, GMV and ROI recomputed."""
    if frame.empty:
        return pd.DataFrame(columns=list(ROOM_COLUMNS))
    names = targets(frame)
    rows = frame[names == ROOM]
    if rows.empty:
        rows = (
            frame.groupby("bucket_start", as_index=False)
            .agg(
                bucket_minutes=("bucket_minutes", "max"),
                spend=("spend", lambda s: s.sum(min_count=1)),
                gmv=("gmv", lambda s: s.sum(min_count=1)),
                online=("online", "max"),
                new_followers=("new_followers", lambda s: s.sum(min_count=1)),
            )
            .sort_values("bucket_start")
        )
        rows["cum_spend"] = rows["spend"].astype(float).fillna(0).cumsum()
        rows["cum_gmv"] = rows["gmv"].astype(float).fillna(0).cumsum()
        rows["cum_roi"] = rows["cum_gmv"] / rows["cum_spend"].where(rows["cum_spend"] > 0)
    return rows.sort_values("bucket_start")[list(ROOM_COLUMNS)].reset_index(drop=True)


def target_summary(frame: pd.DataFrame, ad_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per plan or channel of the session: spend, GMV, ROI (GMV ÷ spend, NULL without either) and the
    latest learning status, from the timeline file; and from the hourly ad report (``ad_rows``:
    ``channel, plan, spend, gmv``) for the plans the timeline does not have. ``source`` says which."""
    columns = ["target", "channel", "plan", "spend", "gmv", "roi", "learning_status", "source"]
    parts = []
    if not frame.empty:
        names = targets(frame)
        picked = frame[names != ROOM].assign(target=names[names != ROOM])
        if len(picked):
            picked = picked.sort_values("bucket_start")
            grouped = picked.groupby("target", sort=True).agg(
                channel=("channel", "last"),
                plan=("plan", "last"),
                spend=("spend", lambda s: s.sum(min_count=1)),
                gmv=("gmv", lambda s: s.sum(min_count=1)),
                learning_status=(
                    "learning_status",
                    lambda s: s.dropna().iloc[-1] if s.notna().any() else None,
                ),
            )
            parts.append(grouped.reset_index().assign(source="timeline"))
    if ad_rows is not None and len(ad_rows):
        ads = ad_rows.assign(
            target=np.where(
                ad_rows["plan"].astype(str) != "",
                "plan:" + ad_rows["plan"].astype(str),
                "channel:" + ad_rows["channel"].astype(str),
            ),
            learning_status=None,
            source="ad_report",
        )
        known = set(parts[0]["target"]) if parts else set()
        parts.append(ads[~ads["target"].isin(known)])
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    spend = table["spend"].astype(float)
    table["roi"] = table["gmv"].astype(float) / spend.where(spend > 0)
    return table[columns]
