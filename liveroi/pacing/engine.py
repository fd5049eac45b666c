r"""The pacing rules, as pure functions over a broadcast's timeline (no database, no Streamlit).

Advice only: liveroi never touches an ad account. The rules assume the advice is followed, so a
suggested change restarts the target's observation window and cooldown.

Per target (the room, a channel or a plan), with its buckets in time order, a bucket's end
:math:`\tau_i = start_i + minutes_i` is a decision time. With :math:`b` the time of the target's last
change (or its first bucket start) and :math:`S(\tau)`, :math:`G(\tau)` its cumulative spend and GMV:

.. math::

    \text{spent} = S(\tau) - S(b), \quad \text{ROI} = \frac{G(\tau) - G(b)}{S(\tau) - S(b)}, \quad
    r = \frac{\text{ROI}}{\text{break-even ROI}}

The target is **judged** at :math:`\tau` when :math:`\tau - b \ge` window, spent ≥ minimum spend and
:math:`\tau - \text{last change} \ge` cooldown. Judged:

* :math:`r < 1` → **cut** by :math:`\min(\text{step}_{max}, \max(\text{step}_{min}, 1 - r))`, unless the
  target is in 学习期 (learning phase): a plan in learning is never cut, it is held;
* :math:`r \ge 1 + \text{raise margin}` → **raise** by
  :math:`\min(\text{step}_{max}, \max(\text{step}_{min}, r - 1 - \text{raise margin}))`;
* otherwise **hold**.

The first decision time at which a change is due becomes the new :math:`b`. A target without GMV of its
own (a channel's spend-only column) is judged on the room's GMV over its own spend's window — the room's
ROI, since the file cannot tell which channel's spend brought which sale.

Work is vectorised over the buckets (numpy: cumulative sums, masks, ``argmax``); the only Python loop
is over the *changes* a target gets (a few per broadcast), because each change moves the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from liveroi.pacing.rules import MAX_STEP, PacingRules

ROOM = "room"
CUT, RAISE, HOLD = "cut", "raise", "hold"


@dataclass(frozen=True)
class Advice:
    """One piece of advice: at ``at``, change ``target`` by the signed fraction ``change``."""

    at: pd.Timestamp
    target: str
    action: str  # 'cut' | 'raise' | 'hold'
    change: float
    reason_key: str
    values: dict[str, object] = field(default_factory=dict)
    roi: float | None = None  # the ROI judged (since the last change)
    spent: float = 0.0  # spend since the last change


def target_of(level: str, channel: object, plan: object) -> str:
    """The target's name in advice: ``room``, ``channel:<key>`` or ``plan:<name>``."""
    if level == "plan":
        return f"plan:{plan}"
    if level == "channel":
        return f"channel:{channel}"
    return ROOM


def targets(frame: pd.DataFrame) -> pd.Series:
    """The target name of every row of a ``session_timeline`` frame."""
    level = frame["level"].astype(str)
    channel = frame["channel"].astype(object).where(frame["channel"].notna(), "").astype(str)
    plan = frame["plan"].astype(object).where(frame["plan"].notna(), "").astype(str)
    return pd.Series(
        np.where(level == "plan", "plan:" + plan, np.where(level == "channel", "channel:" + channel, ROOM)),
        index=frame.index,
    )


def _series(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    rows = rows.sort_values("bucket_start")
    start = pd.to_datetime(rows["bucket_start"]).to_numpy("datetime64[s]")
    minutes = rows["bucket_minutes"].astype(float).fillna(0).to_numpy()
    end = start + (minutes * 60).round().astype("timedelta64[s]")
    learning = (
        rows["learning_status"].astype(object).ffill().to_numpy() if "learning_status" in rows else None
    )
    return {
        "start": start,
        "end": end,
        "spend": np.cumsum(rows["spend"].astype(float).fillna(0).to_numpy()),
        "gmv": np.cumsum(rows["gmv"].astype(float).fillna(0).to_numpy()),
        "has_gmv": bool(rows["gmv"].notna().any()),
        "learning": learning if learning is not None else np.full(len(rows), None, dtype=object),
    }


def _room_gmv_at(room: dict[str, np.ndarray] | None, times: np.ndarray) -> np.ndarray | None:
    """The room's cumulative GMV at ``times`` (bucket ends), linear inside a bucket."""
    if room is None or not room["has_gmv"]:
        return None
    ends = room["end"].astype("int64")
    starts = room["start"].astype("int64")
    xs = np.concatenate([[starts[0]], ends])
    ys = np.concatenate([[0.0], room["gmv"]])
    return np.interp(times.astype("int64"), xs, ys)


def _step(distance: np.ndarray, rules: PacingRules) -> np.ndarray:
    return np.minimum(min(rules.step_max, MAX_STEP), np.maximum(rules.step_min, distance))


def evaluate_target(
    target: str,
    series: dict[str, np.ndarray],
    breakeven: float | None,
    rules: PacingRules,
    room_gmv: np.ndarray | None = None,
) -> tuple[list[Advice], Advice]:
    """(the changes the rules make over the target's buckets, the advice as of its last bucket)."""
    end, spend = series["end"], series["spend"]
    gmv = series["gmv"] if series["has_gmv"] else room_gmv
    learning = series["learning"] == "learning"
    n = len(end)
    base_time, base_spend, base_gmv = series["start"][0], 0.0, 0.0
    last_change: np.datetime64 | None = None
    changes: list[Advice] = []
    first = 0
    window = np.timedelta64(int(rules.min_window_min * 60), "s")
    cooldown = np.timedelta64(int(rules.cooldown_min * 60), "s")
    while first < n and breakeven and gmv is not None:
        spent = spend[first:] - base_spend
        got = gmv[first:] - base_gmv
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(spent > 0, got / spent, np.nan) / breakeven
        ready = (end[first:] - base_time >= window) & (spent >= rules.min_spend) & (spent > 0)
        if last_change is not None:
            ready &= end[first:] - last_change >= cooldown
        cut = ready & (ratio < 1) & ~learning[first:]
        rise = ready & (ratio >= 1 + rules.raise_margin)
        due = cut | rise
        if not due.any():
            break
        k = int(np.argmax(due))
        i = first + k
        r = float(ratio[k])
        action = CUT if cut[k] else RAISE
        distance = 1 - r if action == CUT else r - 1 - rules.raise_margin
        change = float(_step(np.array([distance]), rules)[0]) * (-1 if action == CUT else 1)
        changes.append(
            Advice(
                pd.Timestamp(end[i]),
                target,
                action,
                round(change, 4),
                f"pacing.reason.{action}" + ("_room" if not series["has_gmv"] else ""),
                {"roi": r * breakeven, "breakeven": breakeven, "spent": float(spent[k]), "since": base_time},
                roi=r * breakeven,
                spent=float(spent[k]),
            )
        )
        base_time, base_spend, base_gmv = end[i], spend[i], gmv[i]
        last_change = end[i]
        first = i + 1
    return changes, _as_of(target, series, gmv, breakeven, rules, changes, learning)


def _as_of(
    target: str,
    series: dict[str, np.ndarray],
    gmv: np.ndarray | None,
    breakeven: float | None,
    rules: PacingRules,
    changes: list[Advice],
    learning: np.ndarray,
) -> Advice:
    """The advice at the target's last bucket end: the change due then, or a hold saying why."""
    end, spend = series["end"], series["spend"]
    at = pd.Timestamp(end[-1])
    if changes and changes[-1].at == at:
        return changes[-1]
    if not breakeven:
        return Advice(at, target, HOLD, 0.0, "pacing.reason.no_breakeven")
    if gmv is None:
        return Advice(at, target, HOLD, 0.0, "pacing.reason.no_gmv")
    if changes:
        last = changes[-1]
        base = np.datetime64(last.at.to_datetime64(), "s")
        index = int(np.searchsorted(end, base))
        base_spend, base_gmv = spend[index], gmv[index]
    else:
        base, base_spend, base_gmv = series["start"][0], 0.0, 0.0
    spent = float(spend[-1] - base_spend)
    roi = float(gmv[-1] - base_gmv) / spent if spent > 0 else None
    minutes = float((end[-1] - base) / np.timedelta64(1, "m"))
    values: dict[str, object] = {"roi": roi, "breakeven": breakeven, "spent": spent, "since": base}
    if changes and minutes < rules.cooldown_min:
        key = "pacing.reason.cooldown"
        values["next"] = pd.Timestamp(base) + pd.Timedelta(minutes=rules.cooldown_min)
    elif minutes < rules.min_window_min:
        key = "pacing.reason.window"
        values.update(minutes=minutes, window=rules.min_window_min)
    elif spent < rules.min_spend:
        key = "pacing.reason.min_spend"
        values["min_spend"] = rules.min_spend
    elif roi is not None and roi < breakeven and bool(learning[-1]):
        key = "pacing.reason.learning"
    else:
        key = "pacing.reason.in_band"
        values["raise_at"] = breakeven * (1 + rules.raise_margin)
    return Advice(at, target, HOLD, 0.0, key, values, roi=roi, spent=spent)


def evaluate(
    frame: pd.DataFrame, breakeven: float | None, rules: PacingRules
) -> tuple[list[Advice], list[Advice]]:
    """(every change the rules make over the broadcast, the advice per target as of its last bucket)
    for a ``session_timeline`` frame of one broadcast (any targets)."""
    if frame.empty:
        return [], []
    names = targets(frame)
    room_rows = frame[names == ROOM]
    room = _series(room_rows) if len(room_rows) else None
    changes: list[Advice] = []
    latest: list[Advice] = []
    for name in sorted(set(names), key=lambda n: (n != ROOM, n)):
        series = room if name == ROOM else _series(frame[names == name])
        assert series is not None
        room_gmv = None if series["has_gmv"] else _room_gmv_at(room, series["end"])
        made, now = evaluate_target(name, series, breakeven, rules, room_gmv)
        changes.extend(made)
        latest.append(now)
    changes.sort(key=lambda a: (a.at, a.target))
    return changes, latest


def replay_table(frame: pd.DataFrame, changes: list[Advice], rules: PacingRules) -> pd.DataFrame:
    """The rules' changes beside what happened: for each change at τ, the target's spend rate (CNY per
    minute) over the cooldown before τ and after it, the change the team actually made to it
    (after ÷ before − 1) and the ROI after. Cumulative spend and GMV are read at any time by linear
    interpolation inside a bucket (``np.interp`` over the bucket ends)."""
    columns = ["at", "target", "action", "change", "roi", "spend_rate_before", "spend_rate_after",
               "actual_change", "roi_after"]  # fmt: skip
    if not changes:
        return pd.DataFrame(columns=columns)
    names = targets(frame)
    rows = []
    span = np.timedelta64(int(rules.cooldown_min * 60), "s")
    for name in sorted({a.target for a in changes}):
        series = _series(frame[names == name])
        xs = np.concatenate([[series["start"][0].astype("int64")], series["end"].astype("int64")])
        cum_s = np.concatenate([[0.0], series["spend"]])
        cum_g = np.concatenate([[0.0], series["gmv"]])
        picked = [a for a in changes if a.target == name]
        at = np.array([np.datetime64(a.at.to_datetime64(), "s") for a in picked])
        before, after = (at - span).astype("int64"), np.minimum((at + span).astype("int64"), xs[-1])
        now = at.astype("int64")
        s_before = np.interp(now, xs, cum_s) - np.interp(np.maximum(before, xs[0]), xs, cum_s)
        s_after = np.interp(after, xs, cum_s) - np.interp(now, xs, cum_s)
        g_after = np.interp(after, xs, cum_g) - np.interp(now, xs, cum_g)
        minutes_before = (now - np.maximum(before, xs[0])) / 60.0
        minutes_after = (after - now) / 60.0
        with np.errstate(divide="ignore", invalid="ignore"):
            rate_before = np.where(minutes_before > 0, s_before / minutes_before, np.nan)
            rate_after = np.where(minutes_after > 0, s_after / minutes_after, np.nan)
            actual = np.where(rate_before > 0, rate_after / rate_before - 1, np.nan)
            roi_after = np.where((s_after > 0) & series["has_gmv"], g_after / s_after, np.nan)
        rows.append(
            pd.DataFrame(
                {
                    "at": [a.at for a in picked],
                    "target": name,
                    "action": [a.action for a in picked],
                    "change": [a.change for a in picked],
                    "roi": [a.roi for a in picked],
                    "spend_rate_before": rate_before,
                    "spend_rate_after": rate_after,
                    "actual_change": actual,
                    "roi_after": roi_after,
                }
            )
        )
    return pd.concat(rows, ignore_index=True).sort_values(["at", "target"], ignore_index=True)[columns]
