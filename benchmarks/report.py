"""RESULTS.md from the measurements: machine, versions, one table per area with a column per size, the
target, how each figure scales, the targets met or missed, and the hand-written analysis of the misses
(``benchmarks/analysis.md``, included as it is).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import math
import os
import platform
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.datagen import parse_size
from benchmarks.timing import bytes_text, seconds_text

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
PACKAGES = ("duckdb", "pandas", "numpy", "scipy", "streamlit", "plotly", "playwright")
GB = 1024**3


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM, OS, load average: where the figures come from."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem_kb = 0
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_bytes": mem_kb * 1024,
        "os": platform.platform(),
        "loadavg": os.getloadavg(),
    }


def versions() -> dict[str, str]:
    """Python, the measured libraries and Chromium."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    try:
        out = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20)
        found["chromium"] = out.stdout.strip().split(" built")[0]
    except (OSError, subprocess.SubprocessError):
        found["chromium"] = "not found"
    return found


def source_state() -> dict[str, Any]:
    """The commit measured and the files that differed from it (other helpers' work in progress)."""

    def git(*args: str) -> str:
        try:
            out = subprocess.run(
                ["git", *args], capture_output=True, text=True, timeout=20, cwd=ANALYSIS.parent
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return out.stdout.strip()

    dirty = [
        line[3:]
        for line in git(
            "status", "--porcelain", "--", "liveroi", "queries", "pages", "dashboard.py"
        ).splitlines()
    ]
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted": dirty}


# --- helpers ---------------------------------------------------------------------------------------


def _get(tree: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def _median(tree: Any, *path: str) -> float | None:
    value = _get(tree, *path)
    if isinstance(value, dict):
        value = value.get("median")
    return value if isinstance(value, int | float) and not math.isnan(value) else None


def _scaling(values: Sequence[float | None], sizes: Sequence[int]) -> str:
    """'×12 for ×100 sessions' between the smallest and largest measured size."""
    points = [(s, v) for s, v in zip(sizes, values, strict=True) if v is not None and v > 0]
    if len(points) < 2:
        return "—"
    (s0, v0), (s1, v1) = points[0], points[-1]
    return f"×{v1 / v0:.1f} for ×{s1 / s0:.0f} sessions"


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str] | None = None
) -> list[str]:
    align = align or ["---"] * len(header)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _area_table(
    results: dict[str, Any],
    labels: Sequence[str],
    rows: Sequence[tuple[str, Callable[[dict[str, Any]], float | None], Callable[[float | None], str], str]],
) -> list[str]:
    """Rows of (name, getter(size results) → number, formatter, target) with a column per size."""
    sizes = [
        results["datasets"][label]["sessions"] if label in results.get("datasets", {}) else parse_size(label)
        for label in labels
    ]
    header = [
        "",
        *[f"{label} ({size:,} sessions)" for label, size in zip(labels, sizes, strict=True)],
        "target",
        "scaling",
    ]
    body = []
    for name, getter, fmt, target in rows:
        values = [getter(results, label) for label in labels]
        body.append([name, *[fmt(v) for v in values], target, _scaling(values, sizes)])
    return _table(header, body, ["---"] + ["---:"] * len(labels) + ["---", "---"])


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}×"


def _count(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


# --- sections --------------------------------------------------------------------------------------


def _header(results: dict[str, Any]) -> list[str]:
    meta = results.get("meta", {})
    mach = meta.get("machine", {})
    vers = meta.get("versions", {})
    lines = [
        "# liveroi benchmarks",
        "",
        "Generated by `python -m benchmarks` (`make bench`); do not edit by hand — the analysis of the misses",
        "lives in `benchmarks/analysis.md` and is included below. Raw figures: `benchmarks/results.json`.",
        "",
        f"- **Date:** {meta.get('date', '—')}",
        f"- **Machine:** {mach.get('cpu', '—')}, {mach.get('cores', '—')} cores, "
        f"{bytes_text(mach.get('ram_bytes'))} RAM, {mach.get('os', '—')}",
        "- **Versions:** " + ", ".join(f"{k} {v}" for k, v in vers.items()),
        f"- **Code:** commit {meta.get('source', {}).get('commit', '—')}"
        + (
            f" plus uncommitted work in {', '.join(meta['source']['uncommitted'])}"
            if meta.get("source", {}).get("uncommitted")
            else ""
        ),
        "- **Runs:** each figure is the median of the measured runs (after a warm-up where a row says so);"
        " how many runs each size and area had is in the table below.",
    ]
    for note in meta.get("notes", []):
        lines.append(f"- **Note:** {note}")
    lines.append("")
    lines.append(
        "Data sets (the sample generator scaled: ~2,000 sessions per account over "
        f"{_get(results, 'datasets', next(iter(results.get('datasets', {'': {}})), ''), 'days') or '—'} days):"
    )
    lines.append("")
    rows = []
    for label, ds in results.get("datasets", {}).items():
        secs = ds.get("seconds", {})
        rows.append(
            [
                label,
                f"{ds['sessions']:,}",
                f"{ds['accounts']:,}",
                f"{ds['spend_rows']:,}",
                ", ".join(f"{k} {seconds_text(v)}" for k, v in secs.items()),
                bytes_text(ds.get("narrow_bytes")),
                bytes_text(ds.get("canonical_bytes")),
                bytes_text(ds.get("gbk_bytes")),
            ]
        )
    lines += _table(
        [
            "size",
            "sessions",
            "accounts",
            "spend rows",
            "generation time",
            "narrow.csv",
            "canonical.csv",
            "export_gbk.csv",
        ],
        rows,
    )
    load = results.get("load", {})
    if load:
        lines += [
            "",
            "When each area was measured, and the machine's 1-minute load average before/after it "
            f"({mach.get('cores', '—')} cores; a load above that means other work shared the CPUs):",
            "",
        ]
        rows = [
            [
                label,
                area,
                info.get("at", "—"),
                f"{info['loadavg_before']:.1f} / {info['loadavg_after']:.1f}",
                seconds_text(info.get("seconds")),
                str(info.get("runs", "—")),
                info.get("commit", "—"),
            ]
            for label, areas in sorted(load.items(), key=lambda pair: parse_size(pair[0]))
            for area, info in areas.items()
        ]
        lines += _table(
            ["size", "area", "measured at", "load before / after", "area took", "runs", "code"], rows
        )
    return lines


#: The files of the import area, as the report names them (benchmarks/bench_import.py files_of).
IMPORT_FILES: tuple[tuple[str, str], ...] = (
    ("narrow", "narrow canonical CSV (10 columns, UTF-8)"),
    ("canonical", "wide canonical CSV (liveroi export, 44 columns, UTF-8)"),
    ("gbk", "Chinese-header GBK export"),
)


def _import_section(results: dict[str, Any], labels: Sequence[str]) -> list[str]:
    imp = results.get("import", {})

    def m(*path: str) -> Callable[[dict[str, Any], str], float | None]:
        return lambda _r, label: _median(imp.get(label), *path)

    def v(*path: str) -> Callable[[dict[str, Any], str], float | None]:
        return lambda _r, label: _get(imp.get(label), *path)

    rows = [("CLI start-up alone (`import --help`)", m("startup"), seconds_text, "")]
    for kind, title in IMPORT_FILES:
        rows += [
            (f"**{title}**: `liveroi import` (fresh database)", m(kind, "import"), seconds_text, ""),
            (
                "  DuckDB `read_csv` → table, types sniffed (floor)",
                m(kind, "duckdb_read_csv"),
                seconds_text,
                "",
            ),
            ("  import ÷ DuckDB read_csv", v(kind, "ratio_duckdb"), _ratio, "≤ 3×"),
            ("  DuckDB `read_csv`, every column as text", m(kind, "duckdb_read_csv_text"), seconds_text, ""),
            ("  import ÷ that", v(kind, "ratio_duckdb_text"), _ratio, ""),
            (
                "  `liveroi import` into a fresh DuckLake (same runs)",
                m(kind, "lake_import"),
                seconds_text,
                "",
            ),
            ("  DuckLake import ÷ DuckDB read_csv", v(kind, "lake_ratio_duckdb"), _ratio, "≤ 3×"),
            ("  DuckLake import peak RSS", v(kind, "lake_import", "peak_rss_bytes"), bytes_text, "≤ 2 GB"),
            ("  pandas `read_csv` + insert", m(kind, "pandas_read_csv"), seconds_text, ""),
            ("  import ÷ pandas", v(kind, "ratio_pandas"), _ratio, ""),
            ("  re-import, every row unchanged", m(kind, "reimport"), seconds_text, "≈ read cost"),
            ("  re-import ÷ DuckDB read_csv", v(kind, "reimport_ratio_duckdb"), _ratio, ""),
            ("  import peak RSS", v(kind, "import", "peak_rss_bytes"), bytes_text, "≤ 2 GB"),
            ("  rows inserted", v(kind, "import", "inserted"), _count, "= sessions"),
        ]
    catalogs = sorted(
        {
            str(_get(imp.get(label), "lake_catalog"))
            for label in labels
            if _get(imp.get(label), "lake_catalog")
        }
    )
    intro = [
        "Runs are paired: each run reads the floor, imports into a fresh DuckDB file, then into a fresh",
        "DuckLake (catalog: " + (", ".join(catalogs) or "—") + "; data in a local folder), back to back.",
        "",
    ]
    return ["## Import", "", *intro, *_area_table(results, labels, rows)]


def _queries_section(results: dict[str, Any], labels: Sequence[str]) -> list[str]:
    from benchmarks.bench_queries import TARGETS

    q = results.get("queries", {})
    names: list[str] = []
    for label in labels:
        names += [n for n in q.get(label, {}) if n not in names]
    rows = []
    for name in names:
        target = TARGETS.get(name)
        rows.append(
            (
                f"`{name}`",
                lambda _r, label, name=name: _median(q.get(label), name),
                seconds_text,
                f"≤ {seconds_text(target)}" if target else "",
            )
        )
    conn_rows = [
        (
            f"`{name}`",
            lambda _r, label, name=name: _get(q.get(label), name, "with_connect"),
            seconds_text,
            "",
        )
        for name in ("pages/daily_series · one account", "pages/account_matrix · all accounts")
        if name in names
    ]
    row_counts = [
        (f"`{name}` rows", lambda _r, label, name=name: _get(q.get(label), name, "rows"), _count, "")
        for name in names
        if any((_get(q.get(label), name, "rows") or 0) > 60 for label in labels)
    ]
    lines = [
        "## Page queries",
        "",
        "Each `queries/pages/*.sql` on the data set's database, read-only, on an open connection; defaults of",
        "the pages (every account, the last 30 days to the latest broadcast, the pages' row limits) and the",
        "biggest account alone. Median of ≥ 5 runs after a warm-up.",
        "",
        *_area_table(results, labels, rows),
    ]
    if conn_rows:
        lines += [
            "",
            "The same, the way the dashboard runs a query (open a read-only connection, query, close):",
            "",
        ]
        lines += _area_table(results, labels, conn_rows)
    if row_counts:
        lines += ["", "Rows returned where a query returns more than a handful:", ""]
        lines += _area_table(results, labels, row_counts)
    return lines


def _pages_section(results: dict[str, Any], labels: Sequence[str]) -> list[str]:
    p = results.get("pages", {})
    pages: list[str] = []
    for label in labels:
        pages += [k for k in p.get(label, {}) if k.startswith("pages/") and k not in pages]

    def stat(page: str, key: str) -> Callable[[dict[str, Any], str], float | None]:
        def getter(_r: dict[str, Any], label: str) -> float | None:
            runs = _get(p.get(label), page, key)
            return sorted(runs)[len(runs) // 2] if runs else None

        return getter

    rows = [
        (
            "first run in a fresh process (imports included)",
            lambda _r, label: _get(p.get(label), "first_run_fresh_process"),
            seconds_text,
            "",
        )
    ]
    for page in pages:
        rows.append((f"`{page}` cold", stat(page, "cold"), seconds_text, "≤ 1 s"))
        rows.append((f"`{page}` cached", stat(page, "cached"), seconds_text, "≤ 200 ms"))
    payload = [
        (
            f"`{page}` element bytes",
            lambda _r, label, page=page: _get(p.get(label), page, "payload_bytes"),
            bytes_text,
            "flat",
        )
        for page in pages
    ]
    rss = [
        (
            "page worker peak RSS (AppTest process)",
            lambda _r, label: _get(p.get(label), "peak_rss_bytes"),
            bytes_text,
            "",
        )
    ]
    errors = [
        f"- {label} `{page}`: {err}"
        for label in labels
        for page in pages
        for err in (_get(p.get(label), page, "errors") or [])
    ]
    lines = [
        "## Pages (AppTest)",
        "",
        "`dashboard.py` through `streamlit.testing.v1.AppTest` in a child process, every account, default",
        "period. Cold = `st.cache_data.clear()` then a rerun (every query and the advisor slot's fit run again);",
        "cached = a rerun with warm caches (a widget click). Element bytes = serialized protos the page sends.",
        "",
        *_area_table(results, labels, rows),
        "",
        *_area_table(results, labels, payload + rss),
    ]
    if errors:
        lines += ["", "Exceptions shown by a page:", "", *errors]
    return lines


def _browser_section(results: dict[str, Any], labels: Sequence[str]) -> list[str]:
    b = results.get("browser", {})
    pages: list[str] = []
    for label in labels:
        pages += [k for k in (_get(b.get(label), "pages") or {}) if k not in pages]
    rows = [
        (
            "Today first paint, cold (server just started)",
            lambda _r, label: _median(b.get(label), "first_paint_cold"),
            seconds_text,
            "",
        ),
        (
            "Today first paint, warm (new session)",
            lambda _r, label: _median(b.get(label), "first_paint_warm"),
            seconds_text,
            "",
        ),
        (
            "Streamlit server peak RSS after every page",
            lambda _r, label: _get(b.get(label), "server_peak_rss_bytes"),
            bytes_text,
            "",
        ),
    ]
    rows += [
        (
            f"websocket bytes received: `{page}`",
            lambda _r, label, page=page: _get(b.get(label), "pages", page, "ws_bytes"),
            bytes_text,
            "flat",
        )
        for page in pages
    ]
    return [
        "## Browser (headless Chromium)",
        "",
        "`streamlit run dashboard.py` on a loopback port, Playwright + Debian Chromium. First paint = from",
        "navigation to the first KPI card or Plotly chart visible. Bytes = websocket frames the browser",
        "received until the script run finished.",
        "",
        *_area_table(results, labels, rows),
    ]


def _advisor_section(results: dict[str, Any], labels: Sequence[str]) -> list[str]:
    a = results.get("advisor", {})
    rows = [
        (
            "one account (~2,000 sessions): load + fit + recommend",
            lambda _r, label: _median(a.get(label), "one_account"),
            seconds_text,
            "≤ 200 ms",
        ),
        ("  its sessions", lambda _r, label: _get(a.get(label), "one_account", "sessions"), _count, ""),
        (
            "every account, `recommend --all-accounts` path, 2 processes (wall)",
            lambda _r, label: _median(a.get(label), "all_accounts"),
            seconds_text,
            "≤ 30 s for 500",
        ),
        ("  accounts", lambda _r, label: _get(a.get(label), "all_accounts", "accounts"), _count, ""),
        (
            "  of which one-pass load (every history and setting)",
            lambda _r, label: _get(a.get(label), "all_accounts", "load_seconds"),
            seconds_text,
            "",
        ),
        (
            "  of which fits (pool start included)",
            lambda _r, label: _get(a.get(label), "all_accounts", "fit_seconds"),
            seconds_text,
            "",
        ),
    ]
    lines = ["## Advisor", "", *_area_table(results, labels, rows)]
    synthetic = results.get("advisor_synthetic")
    if synthetic:
        lines += [
            "",
            "The advisor helper's own timing (`benchmarks/advisor_bench.py`, simulated histories):",
            "",
            synthetic,
        ]
    return lines


def target_checks(results: dict[str, Any], labels: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """(target, size, measured, met/missed) at the largest size measured for each target."""
    checks: list[tuple[str, str, str, str]] = []

    def largest(area: str, has: Callable[[Any], bool]) -> str | None:
        measured = [label for label in labels if has(_get(results, area, label))]
        return measured[-1] if measured else None

    for kind, _title in IMPORT_FILES:
        for label in labels:
            error = _get(results, "import", label, kind, "error")
            if error:
                checks.append((f"import ({kind}) completes", label, f"FAILED: {error[:220]}", "missed"))
        label = largest("import", lambda r, kind=kind: _get(r, kind, "ratio_duckdb") is not None)
        if label:
            ratio = _get(results, "import", label, kind, "ratio_duckdb")
            verdict = "met" if ratio <= 3 else "missed"
            floor_of = _get(results, "import", label, kind, "duckdb_read_csv", "floor_of")
            text = f"{_ratio(ratio)} ({floor_of})" if floor_of else _ratio(ratio)
            checks.append((f"import ({kind}) ≤ 3× DuckDB read_csv", label, text, verdict))
        label = largest("import", lambda r, kind=kind: _get(r, kind, "lake_ratio_duckdb") is not None)
        if label:
            ratio = _get(results, "import", label, kind, "lake_ratio_duckdb")
            catalog = _get(results, "import", label, kind, "lake_import", "catalog")
            checks.append(
                (
                    f"DuckLake import ({kind}) ≤ 3× DuckDB read_csv",
                    label,
                    f"{_ratio(ratio)} ({catalog} catalog)",
                    "met" if ratio <= 3 else "missed",
                )
            )
            rss = _get(results, "import", label, kind, "lake_import", "peak_rss_bytes")
            checks.append(
                (
                    f"DuckLake import ({kind}) peak RSS ≤ 2 GB",
                    label,
                    bytes_text(rss),
                    "met" if rss <= 2 * GB else "missed",
                )
            )
        for label in labels:
            floor_error = _get(results, "import", label, kind, "duckdb_read_csv", "error")
            if floor_error:
                pandas_ratio = _ratio(_get(results, "import", label, kind, "ratio_pandas"))
                text = f"DuckDB could not read the file ({floor_error[:110]}); import ÷ pandas {pandas_ratio}"
                checks.append((f"import ({kind}) ≤ 3× DuckDB read_csv", label, text, "not measurable"))
        label = largest("import", lambda r, kind=kind: _get(r, kind, "import", "peak_rss_bytes") is not None)
        if label:
            rss = _get(results, "import", label, kind, "import", "peak_rss_bytes")
            verdict = "met" if rss <= 2 * GB else "missed"
            checks.append((f"import ({kind}) peak RSS ≤ 2 GB", label, bytes_text(rss), verdict))
    for name, limit in (
        ("pages/daily_series · one account", 0.050),
        ("pages/account_matrix · all accounts", 0.300),
    ):
        label = largest("queries", lambda r, name=name: _median(r, name) is not None)
        if label:
            value = _median(results["queries"][label], name)
            checks.append(
                (
                    f"`{name}` ≤ {seconds_text(limit)}",
                    label,
                    seconds_text(value),
                    "met" if value <= limit else "missed",
                )
            )
    label = largest("pages", lambda r: isinstance(r, dict) and any(k.startswith("pages/") for k in r))
    if label:
        pages = {k: v for k, v in results["pages"][label].items() if k.startswith("pages/")}
        for key, limit, title in (
            ("cold", 1.0, "every page rerun cold ≤ 1 s"),
            ("cached", 0.2, "every page rerun cached ≤ 200 ms"),
        ):
            worst_page, worst = max(
                ((page, sorted(v[key])[len(v[key]) // 2]) for page, v in pages.items()),
                key=lambda pair: pair[1],
            )
            checks.append(
                (
                    title,
                    label,
                    f"worst {seconds_text(worst)} (`{worst_page}`)",
                    "met" if worst <= limit else "missed",
                )
            )
    label = largest("advisor", lambda r: _median(r, "one_account") is not None)
    if label:
        one = _median(results["advisor"][label], "one_account")
        checks.append(
            ("advisor ≤ 200 ms per account", label, seconds_text(one), "met" if one <= 0.2 else "missed")
        )
        wall = _median(results["advisor"][label], "all_accounts")
        n = _get(results, "advisor", label, "all_accounts", "accounts")
        per_500 = wall * 500 / n if n else None
        checks.append(
            (
                "advisor ≤ 30 s for 500 accounts",
                label,
                f"{seconds_text(wall)} for {n} accounts"
                + ("" if n == 500 else f" (≈ {seconds_text(per_500)} for 500)"),
                ("met" if per_500 is not None and per_500 <= 30 else "missed")
                + ("" if n == 500 else " (extrapolated: pool start-up dominates small runs)"),
            )
        )
    sized = [label for label in labels if _get(results, "browser", label, "pages")]
    if len(sized) >= 2:
        first, last = sized[0], sized[-1]
        growth = []
        for page, info in _get(results, "browser", last, "pages").items():
            before = _get(results, "browser", first, "pages", page, "ws_bytes")
            if before:
                growth.append((info["ws_bytes"] / before, page))
        worst = max(growth)
        first_ds, last_ds = results["datasets"][first], results["datasets"][last]
        sessions = last_ds["sessions"] / first_ds["sessions"]
        accounts = last_ds["accounts"] / first_ds["accounts"]
        checks.append(
            (
                "browser bytes do not grow with sessions",
                f"{first}→{last}",
                f"worst ×{worst[0]:.1f} (`{worst[1]}`) for ×{sessions:.0f} sessions and ×{accounts:.0f} accounts",
                "met (grows with the accounts listed, not the sessions)" if worst[0] <= 10 else "missed",
            )
        )
    return checks


def render(results: dict[str, Any]) -> str:
    """The whole RESULTS.md."""
    labels = sorted(results.get("datasets", {}), key=parse_size)
    lines = _header(results)
    checks = target_checks(results, labels)
    lines += ["", "## Targets (issue 5 §2), at the largest size measured", ""]
    lines += _table(["target", "size", "measured", ""], [[*c[:3], f"**{c[3]}**"] for c in checks])
    sections = {
        "import": _import_section,
        "queries": _queries_section,
        "pages": _pages_section,
        "browser": _browser_section,
        "advisor": _advisor_section,
    }
    for area, section in sections.items():
        lines.append("")
        if results.get(area):
            lines += section(results, labels)
        else:
            lines += [f"## {area.capitalize()}", "", "Not measured in this run."]
    lines += ["", "## Misses and what was done", ""]
    if ANALYSIS.is_file():
        lines.append(ANALYSIS.read_text(encoding="utf-8").strip())
    else:
        lines.append("_No analysis written yet._")
    return "\n".join(lines) + "\n"


def now_text() -> str:
    """The current UTC time for the report."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
