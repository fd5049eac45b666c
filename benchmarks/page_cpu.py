"""CPU per page rerun: ``python -m benchmarks.page_cpu [--sessions N] [--save F] [--compare F] [--profile P]``.

Not a timed test: a measuring tool for the dashboard's own cost per rerun. Each page's full script
(``dashboard.py`` through ``AppTest``) runs on a generated brand — the sample brand (≈1k sessions) by
default, or ``--sessions N`` for a larger one (50 accounts, days chosen to reach about N sessions) —
and we report, per page, median of ``--runs``:

* ``cold``: every ``st.cache_data`` and ``st.cache_resource`` entry dropped
  (``benchmarks.timing.clear_streamlit_caches``), then a rerun (every query, figure and table built
  again);
* ``cached``: a rerun with warm caches (what a page switch or widget click costs on a running server).

Two CPU figures per run: the *script* thread's CPU (``time.thread_time`` inside Streamlit's script
thread: Python work of the page, what blocks the single server process) and the whole *process*'s
CPU (adds DuckDB's worker threads). ``--save F`` writes the figures as JSON; ``--compare F`` prints
them next to a saved run (before → after). ``--profile PAGE`` prints the top cProfile entries of
that page's cached (and cold) rerun, measured inside the script thread.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.timing import clear_streamlit_caches
from liveroi import db
from tests.apptest_support import dashboard_app_test

PAGES = ("today", "trends", "sessions", "matrix", "advisor", "import", "settings")
SAMPLE_SESSIONS = 1_000
BIG_ACCOUNTS = 50
# Before this tool's fixes (commit 6003af0, same machine, script/process CPU ms, median of 3–5):
# the sample brand, 95,596 sessions (50 accounts × 1000 days) and the 1M-session benchmark brand.
BASELINE: dict[str, dict[str, dict[str, int]]] = {
    "sample": {
        "today": {"cold": 204, "cold_process": 257, "cached": 36, "cached_process": 39},
        "trends": {"cold": 147, "cold_process": 168, "cached": 65, "cached_process": 68},
        "sessions": {"cold": 107, "cold_process": 136, "cached": 22, "cached_process": 24},
        "matrix": {"cold": 58, "cold_process": 73, "cached": 26, "cached_process": 28},
        "advisor": {"cold": 141, "cold_process": 155, "cached": 86, "cached_process": 92},
        "import": {"cold": 25, "cold_process": 29, "cached": 2, "cached_process": 3},
        "settings": {"cold": 51, "cold_process": 57, "cached": 7, "cached_process": 9},
    },
    "100k": {
        "today": {"cold": 232, "cold_process": 311, "cached": 35, "cached_process": 38},
        "trends": {"cold": 192, "cold_process": 237, "cached": 81, "cached_process": 85},
        "sessions": {"cold": 133, "cold_process": 177, "cached": 25, "cached_process": 28},
        "matrix": {"cold": 64, "cold_process": 83, "cached": 26, "cached_process": 28},
        "advisor": {"cold": 171, "cold_process": 204, "cached": 81, "cached_process": 84},
        "import": {"cold": 26, "cold_process": 28, "cached": 2, "cached_process": 3},
        "settings": {"cold": 53, "cold_process": 62, "cached": 8, "cached_process": 11},
    },
    "1m": {
        "today": {"cold": 424, "cold_process": 629, "cached": 37, "cached_process": 41},
        "trends": {"cold": 454, "cold_process": 704, "cached": 75, "cached_process": 78},
        "sessions": {"cold": 241, "cold_process": 347, "cached": 25, "cached_process": 29},
        "matrix": {"cold": 100, "cold_process": 162, "cached": 28, "cached_process": 30},
        "advisor": {"cold": 259, "cold_process": 380, "cached": 87, "cached_process": 93},
        "import": {"cold": 29, "cold_process": 32, "cached": 2, "cached_process": 3},
        "settings": {"cold": 60, "cold_process": 74, "cached": 9, "cached_process": 12},
    },
}


class _ScriptClock:
    """Wraps Streamlit's script thread: CPU of the last run and an optional profiler around it."""

    def __init__(self) -> None:
        self.thread_cpu = 0.0
        self.profiler: cProfile.Profile | None = None

    def install(self) -> None:
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        original = LocalScriptRunner._run_script_thread
        clock = self

        def timed(runner: Any) -> None:
            started = time.thread_time()
            if clock.profiler is not None:
                clock.profiler.enable()
            try:
                original(runner)
            finally:
                if clock.profiler is not None:
                    clock.profiler.disable()
                clock.thread_cpu = time.thread_time() - started

        LocalScriptRunner._run_script_thread = timed  # type: ignore[method-assign]


def share_script_cache() -> None:
    """One compiled-script cache for every AppTest run, as a running server has (AppTest makes a new
    one per run, so each rerun would otherwise pay ~10–25 ms compiling dashboard.py and the page)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]


def build_database(path: Path, sessions: int | None) -> int:
    """Write the sample brand (``sessions`` None) or a 50-account brand of about ``sessions``."""
    from liveroi import sample

    if sessions is None or sessions <= SAMPLE_SESSIONS:
        brand = sample.generate_brand()
    else:  # the generator gives about 1.9 sessions per account-day
        days = max(30, round(sessions / (BIG_ACCOUNTS * 1.9)))
        brand = sample.generate_brand(n_accounts=BIG_ACCOUNTS, days=days, with_ad_report=False)
    with db.connection(path) as con:
        return sample.write_to_db(con, brand)


def measure(pages: list[str], runs: int, profile: str | None, top: int) -> dict[str, Any]:
    """Per page: script-thread and process CPU (ms) of cold and cached reruns."""
    clock = _ScriptClock()
    clock.install()
    share_script_cache()
    at = dashboard_app_test(timeout_s=300)
    at.query_params["lang"] = "zh"
    at.run()
    results: dict[str, Any] = {}
    for page in pages:
        at.switch_page(f"pages/{page}.py")
        at.run()  # first visit: page module compiled, caches filled
        figures: dict[str, list[float]] = {"cold": [], "cold_process": [], "cached": [], "cached_process": []}
        for mode in ("cold", "cached"):
            for _ in range(runs):
                if mode == "cold":
                    clear_streamlit_caches()
                process_started = time.process_time()
                at.run()
                figures[f"{mode}_process"].append((time.process_time() - process_started) * 1000)
                figures[mode].append(clock.thread_cpu * 1000)
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
        results[page] = {key: statistics.median(values) for key, values in figures.items()}
        results[page]["element_kb"] = _element_bytes(at._tree) / 1024
        if profile == page:
            for mode in ("cached", "cold"):
                clock.profiler = cProfile.Profile()
                if mode == "cold":
                    clear_streamlit_caches()
                at.run()
                out = io.StringIO()
                stats = pstats.Stats(clock.profiler, stream=out).sort_stats("cumulative")
                stats.print_stats(top)
                stats.sort_stats("tottime").print_stats(top)
                clock.profiler = None
                print(f"=== profile {page} ({mode}) ===\n{out.getvalue()}", file=sys.stderr)
    return results


NAV = (  # url path, page title key: the sidebar's order
    ("", "page.today"),
    ("trends", "page.trends"),
    ("sessions", "page.sessions"),
    ("matrix", "page.matrix"),
    ("advisor", "page.advisor"),
    ("import", "page.import"),
    ("settings", "page.settings"),
)


def _process_cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def server_cpu(path: Path, rounds: int, options: list[str] | None = None) -> dict[str, Any]:
    """A real ``streamlit run`` driven by headless Chromium: server CPU (ms) per page switch through
    the sidebar (click → page drawn, charts painted, status widget gone, then 0.3 s for stragglers)."""
    from playwright.sync_api import sync_playwright

    from liveroi.i18n import t
    from tests.browser_support import TIMEOUT_MS, launch_options, streamlit_server

    per_page: dict[str, list[float]] = {url or "today": [] for url, _ in NAV}
    walls: dict[str, list[float]] = {url or "today": [] for url, _ in NAV}
    with tempfile.TemporaryDirectory(prefix="liveroi-page-cpu-server-") as tmp:
        with (
            streamlit_server(path, Path(tmp) / "streamlit.log", options=options or ()) as (url, process),
            sync_playwright() as pw,
        ):
            browser = pw.chromium.launch(**launch_options())
            page = browser.new_page(viewport={"width": 1440, "height": 1800})
            page.goto(f"{url}/?lang=zh", timeout=TIMEOUT_MS)
            page.get_by_role("heading", name=t("page.today", "zh"), level=1).wait_for(timeout=TIMEOUT_MS)
            status = page.locator('[data-testid="stStatusWidget"]')
            for round_no in range(rounds + 1):  # round 0 fills the caches
                for url_path, key in (*NAV[1:], NAV[0]):
                    title = t(key, "zh")
                    before, started = _process_cpu_ms(process.pid), time.perf_counter()
                    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
                    page.get_by_role("heading", name=title, level=1).wait_for(timeout=TIMEOUT_MS)
                    status.wait_for(state="hidden", timeout=TIMEOUT_MS)
                    wall = time.perf_counter() - started
                    time.sleep(0.3)  # a benchmark, not a test: let trailing messages finish
                    if round_no:
                        per_page[url_path or "today"].append(_process_cpu_ms(process.pid) - before)
                        walls[url_path or "today"].append(wall * 1000)
            browser.close()
            status_text = Path(f"/proc/{process.pid}/status").read_text()
            peak_kb = int(status_text.split("VmHWM:")[1].split()[0])
    print(f"server peak RSS {peak_kb / 1024:.0f} MB")
    return {
        name: {"cpu": statistics.median(values), "wall": statistics.median(walls[name])}
        for name, values in per_page.items()
    }


# Server CPU per page switch before the fixes (same commit; /proc utime+stime, 10 ms ticks, median).
SERVER_BASELINE: dict[str, dict[str, int]] = {
    "sample": {
        "today": 110,
        "trends": 140,
        "sessions": 90,
        "matrix": 100,
        "advisor": 180,
        "import": 70,
        "settings": 80,
    },
    "100k": {
        "today": 115,
        "trends": 160,
        "sessions": 100,
        "matrix": 110,
        "advisor": 170,
        "import": 60,
        "settings": 85,
    },
}


def _size_label(sessions: int) -> str:
    return "sample" if sessions < 10_000 else "100k" if sessions < 400_000 else "1m"


def concurrent_server_cpu(path: Path, users: int, rounds: int, options: list[str] | None = None) -> str:
    """``users`` browser sessions touring every page ``rounds`` times at once on one server: wall time
    per switch (p50/p95, after each session's first tour) and the server's CPU for the whole run."""
    import asyncio

    from playwright.async_api import async_playwright

    from liveroi.i18n import t
    from tests.browser_support import launch_options, streamlit_server

    timeout_ms = 120_000
    walls: list[float] = []

    async def user(browser: Any, url: str) -> None:
        context = await browser.new_context(viewport={"width": 1440, "height": 1000})
        page = await context.new_page()
        await page.goto(f"{url}/?lang=zh", timeout=timeout_ms)
        await page.get_by_role("heading", name=t("page.today", "zh"), level=1).wait_for(timeout=timeout_ms)
        for round_no in range(rounds + 1):
            for _, key in (*NAV[1:], NAV[0]):
                title, started = t(key, "zh"), time.perf_counter()
                await page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
                await page.get_by_role("heading", name=title, level=1).wait_for(timeout=timeout_ms)
                status = page.locator('[data-testid="stStatusWidget"]')
                await status.wait_for(state="hidden", timeout=timeout_ms)
                if round_no:
                    walls.append(time.perf_counter() - started)
        await context.close()

    async def run() -> float:
        with tempfile.TemporaryDirectory(prefix="liveroi-page-cpu-users-") as tmp:
            log = Path(tmp) / "streamlit.log"
            with streamlit_server(path, log, options=options or ()) as (url, process):
                async with async_playwright() as pw:
                    browser = await pw.chromium.launch(**launch_options())
                    before = _process_cpu_ms(process.pid)
                    await asyncio.gather(*(user(browser, url) for _ in range(users)))
                    cpu = _process_cpu_ms(process.pid) - before
                    await browser.close()
        return cpu

    cpu = asyncio.run(run())
    p95 = statistics.quantiles(walls, n=20)[18] if len(walls) > 1 else walls[0]
    return (
        f"server  {users} users at once: switch wall p50 {statistics.median(walls):.2f} s, p95 {p95:.2f} s; "
        f"server CPU {cpu / 1000:.1f} s for {users * (rounds + 1) * len(NAV)} switches"
    )


def _count_sessions(path: Path) -> int:
    with db.connection(path, read_only=True) as con:
        return int(db.query(con, "pages/accounts", {})["sessions"].sum())


def _before(compare: str, sessions: int) -> dict[str, Any] | None:
    """The figures to show as 'before': a saved run, or the built-in baseline nearest in size."""
    if compare == "none":
        return None
    if compare != "baseline":
        return json.loads(Path(compare).read_text())
    label = _size_label(sessions)
    print(f"before = BASELINE[{label!r}] (commit 6003af0); this brand has {sessions:,} sessions")
    return BASELINE[label]


def _element_bytes(node: Any) -> int:
    """Serialised size of the elements a page sends (charts' JSON and tables included)."""
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        return sum(_element_bytes(child) for child in children.values())
    proto = getattr(node, "proto", None)
    return proto.ByteSize() if proto is not None and hasattr(proto, "ByteSize") else 0


def _table(results: dict[str, Any], before: dict[str, Any] | None) -> str:
    header = "page            cold ms (script / process)      cached ms (script / process)"
    lines = [header, "-" * len(header)]
    for page, now in results.items():
        cells = []
        for mode in ("cold", "cached"):
            cell = f"{now[mode]:7.0f} / {now[mode + '_process']:7.0f}"
            if before and page in before:
                was = before[page]
                cell = f"{was[mode]:6.0f} → {now[mode]:5.0f} / {was[mode + '_process']:6.0f} → {now[mode + '_process']:5.0f}"
            cells.append(cell)
        lines.append(f"{page:<15} {cells[0]:<32} {cells[1]:<32} {now.get('element_kb', 0):6.0f} KB sent")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the database, measure every page, print the table (and save/compare)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.page_cpu", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sessions", type=int, help="about this many sessions (default: the sample brand)")
    parser.add_argument("--db", type=Path, help="use this database instead of generating one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument(
        "--compare",
        default="baseline",
        help="'baseline' (the figures before the fixes, by size), 'none', or a --save file: shown as 'before → now'",
    )
    parser.add_argument("--profile", help="a page to profile (cProfile, inside the script thread)")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--server", type=int, metavar="ROUNDS", help="also: a real server, ROUNDS page tours")
    parser.add_argument("--users", type=int, help="with --server: this many browser sessions at once")
    parser.add_argument(
        "--server-option", action="append", default=[], help="e.g. --runner.postScriptGC=false"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="liveroi-page-cpu-") as tmp:
        path = args.db
        if path is None:
            path = Path(tmp) / "brand.duckdb"
            started = time.perf_counter()
            build_database(path, args.sessions)
            print(f"brand generated in {time.perf_counter() - started:.1f} s")
        sessions = _count_sessions(path)
        os.environ[db.ENV_DB] = str(path)
        results = measure(args.pages.split(","), max(1, args.runs), args.profile, args.top)
        if args.server and args.users:
            print(concurrent_server_cpu(path, args.users, args.server, args.server_option))
        elif args.server:
            served = server_cpu(path, args.server, args.server_option)
            was = SERVER_BASELINE.get(_size_label(sessions), {}) if args.compare == "baseline" else {}
            for name, figures in served.items():
                before_cpu = f"{was[name]:4d} → " if name in was else ""
                print(
                    f"server  {name:<10} cpu {before_cpu}{figures['cpu']:4.0f} ms per switch"
                    f"   wall {figures['wall']:6.0f} ms"
                )
    before = _before(args.compare, sessions)
    print(_table(results, before))
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
