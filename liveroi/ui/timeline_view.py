"""The Sessions page's broadcast timeline for one session: cumulative spend, GMV and ROI against
break-even with the pacing advice marked, online viewers and new followers; the replay of the rules
beside what happened; per plan or channel: spend, GMV, ROI and learning status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from liveroi import charts, formatting
from liveroi.channels import channel_name
from liveroi.i18n import t
from liveroi.pacing import reason_text
from liveroi.pacing import rules as pacing_rules
from liveroi.pacing.engine import ROOM, evaluate, replay_table
from liveroi.pacing.frames import room_series, target_summary
from liveroi.ui import data, widgets


def target_label(target: str, lang: str) -> str:
    """``room`` / ``channel:<key>`` / ``plan:<name>`` as a reader sees it."""
    if target == ROOM:
        return t("pacing.target.room", lang)
    kind, _, name = target.partition(":")
    return channel_name(name, lang) if kind == "channel" else name


def render(session: pd.Series, lang: str) -> None:
    """The timeline section for ``session`` (a row of ``queries/pages/session_detail.sql``)."""
    st.subheader(t("timeline.title", lang))
    frame = data.query(
        "pacing/session_buckets", {"account": str(session["account"]), "session_id": str(session["session_id"])}
    )
    if frame.empty:
        st.caption(t("timeline.none", lang))
        return
    breakeven = None if pd.isna(session["breakeven_roi"]) else float(session["breakeven_roi"])
    rules = pacing_rules.from_row(
        data.query("pacing/rules_one", {"account": str(session["account"])}).iloc[0]
    )
    changes, _ = evaluate(frame, breakeven, rules)
    marks = pd.DataFrame(
        {
            "at": [c.at for c in changes],
            "action": [c.action for c in changes],
            "change": [c.change for c in changes],
            "label": [target_label(c.target, lang) for c in changes],
        }
    )
    widgets.cached_chart(
        charts.session_timeline, room_series(frame), marks, breakeven, lang, key="sessions_timeline"
    )
    st.caption(t("timeline.advice_only", lang))

    st.markdown(t("timeline.replay_title", lang))
    replayed = replay_table(frame, changes, rules)
    if replayed.empty:
        st.caption(t("timeline.replay_none", lang))
    else:
        reasons = {(c.at, c.target): reason_text(c, lang) for c in changes}
        shown = pd.DataFrame(
            {
                "at": [f"{pd.Timestamp(a):%H:%M}" for a in replayed["at"]],
                "target": [target_label(x, lang) for x in replayed["target"]],
                "advice": [
                    f"{t(f'pacing.action.{a}', lang)} {formatting.signed_percent(c, 0)}"
                    for a, c in zip(replayed["action"], replayed["change"], strict=True)
                ],
                "actual": [formatting.signed_percent(x, 0) for x in replayed["actual_change"]],
                "roi_after": [formatting.ratio(x) for x in replayed["roi_after"]],
                "reason": [reasons[(a, g)] for a, g in zip(replayed["at"], replayed["target"], strict=True)],
            }
        )
        st.dataframe(
            shown,
            hide_index=True,
            key="sessions_replay",
            column_config={
                "at": t("timeline.col.at", lang),
                "target": t("timeline.col.target", lang),
                "advice": t("timeline.col.advice", lang),
                "actual": st.column_config.TextColumn(
                    t("timeline.col.actual", lang), help=t("timeline.col.actual_help", lang)
                ),
                "roi_after": t("timeline.col.roi_after", lang),
                "reason": t("timeline.col.reason", lang),
            },
        )

    ads = data.query("pages/session_plans", {"session_id": str(session["session_id"])})
    summary = target_summary(frame, ads)
    if len(summary):
        st.markdown(t("timeline.targets_title", lang))
        table = pd.DataFrame(
            {
                "target": [target_label(x, lang) for x in summary["target"]],
                "spend": [formatting.money(x, lang) for x in summary["spend"]],
                "gmv": [formatting.money(x, lang) for x in summary["gmv"]],
                "roi": [formatting.ratio(x) for x in summary["roi"]],
                "learning": [
                    t(f"timeline.learning.{x}", lang) if isinstance(x, str) else "—"
                    for x in summary["learning_status"]
                ],
                "source": [t(f"timeline.source.{x}", lang) for x in summary["source"]],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            key="sessions_targets",
            column_config={
                "target": t("timeline.col.target", lang),
                "spend": t("metric.total_spend", lang),
                "gmv": t("metric.gmv", lang),
                "roi": t("metric.roi", lang),
                "learning": t("timeline.col.learning", lang),
                "source": t("timeline.col.source", lang),
            },
        )
