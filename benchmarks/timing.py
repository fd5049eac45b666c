"""Shared measuring tools: median of N runs after warm-ups, child-process peak memory, formatting.

Every figure in RESULTS.md is a :class:`Measurement`: the individual runs are kept so the report can
show the spread, and the median is the figure compared with a target.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Measurement:
    """Wall-clock runs (seconds) of one workload, with optional extras (peak RSS, row counts…)."""

    runs: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median run in seconds (NaN when nothing was measured)."""
        return statistics.median(self.runs) if self.runs else float("nan")

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return {"runs": self.runs, "median": self.median, **self.extra}


def measure(fn: Callable[[], Any], *, runs: int = 3, warmup: int = 1) -> Measurement:
    """Call ``fn`` ``warmup`` times unmeasured, then ``runs`` times measured; the last result is kept
    in ``extra["result"]``."""
    result = None
    for _ in range(warmup):
        result = fn()
    timings = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        result = fn()
        timings.append(time.perf_counter() - started)
    return Measurement(timings, {"result": result})


@dataclass
class ChildRun:
    """One finished child process: wall time, its own peak RSS, exit code and output."""

    seconds: float
    peak_rss_bytes: int
    returncode: int
    stdout: str
    stderr: str


# Runs the measured command as its own child and writes that child's ru_maxrss (KiB) to argv[1]. Linux
# keeps, in a process's ru_maxrss, the high-water RSS of the memory it had before exec — for a child
# forked (or vforked) from this multi-GB benchmark process, this process's own RSS. The command is
# therefore forked from this small, freshly started launcher instead (which adds its ~10 MB and
# ~20 ms of start-up to the figures).
_PEAK_RSS_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_child(
    argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | Path | None = None
) -> ChildRun:
    """Run a command, timing it and reading *its own* peak RSS (``wait4``'s ru_maxrss, in KiB on Linux,
    taken by a small launcher process: see ``_PEAK_RSS_LAUNCHER``)."""
    out_path = Path(f"/tmp/liveroi-bench-{os.getpid()}.out")
    err_path = Path(f"/tmp/liveroi-bench-{os.getpid()}.err")
    rss_path = Path(f"/tmp/liveroi-bench-{os.getpid()}.rss")
    launcher = [sys.executable, "-c", _PEAK_RSS_LAUNCHER, str(rss_path), *argv]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        returncode = subprocess.run(
            launcher, stdout=out, stderr=err, env=env, cwd=cwd, check=False
        ).returncode
        seconds = time.perf_counter() - started
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    peak_kib = int(rss_path.read_text() or 0) if rss_path.exists() else 0
    for path in (out_path, err_path, rss_path):
        path.unlink(missing_ok=True)
    return ChildRun(seconds, peak_kib * 1024, returncode, stdout, stderr)


def vm_hwm_bytes(pid: int) -> int:
    """Peak resident set size of a running process (VmHWM in /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise LookupError(f"no VmHWM for pid {pid}")


def own_peak_rss_bytes() -> int:
    """This process's peak RSS so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def seconds_text(seconds: float | None) -> str:
    """1.23 s, 45 ms, 0.8 ms; '—' when not measured."""
    if seconds is None or seconds != seconds:
        return "—"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def bytes_text(value: float | None) -> str:
    """Bytes as MB/GB (decimal-free binary units: MiB shown as MB for readability)."""
    if value is None or value != value:
        return "—"
    if value >= 1024**3:
        return f"{value / 1024**3:.2f} GB"
    if value >= 1024**2:
        return f"{value / 1024**2:.0f} MB"
    return f"{value / 1024:.0f} KB"


def clear_streamlit_caches() -> None:
    """What a page's *cold* run starts from: every ``st.cache_data`` and ``st.cache_resource`` entry
    dropped — the advisor's kept fits (liveroi.ui.brand_view) and charts included — as after a server
    restart, with the modules already imported."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
