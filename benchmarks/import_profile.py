"""Profile the importer step by step against DuckDB's raw ``read_csv`` of the same file, in one process.

Usage::

    python -m benchmarks.import_profile [--rows 200k] [--runs 3] [--kind gbk|canonical]
    python -m benchmarks.import_profile --file <data set>/narrow.csv [--kind canonical] [--reading text]

Generates (once, cached under ``--data-dir``) a brand of ``rows`` sessions (~2,000 per account) as the
back-end's Chinese-header GBK export (``gbk``) or liveroi's own export (``canonical``) — or takes
``--file`` (e.g. a data set of ``python -m benchmarks``; ``--kind gbk`` for a GB18030 file with a title
line) — then per run:

* floor: ``read_csv`` of the file into a table of a fresh database file + CHECKPOINT, every column as
  text; for a GBK file twice — a UTF-8 copy of it (the ratios are against this, the lower floor) and
  the file itself through the encodings extension (loaded outside the clock);
* import: ``liveroi.importer.import_files`` into a fresh database file, with the time of every SQL file
  (``db.execute``/``db.query`` are wrapped to time each query by name) and of the Python steps;
* re-import: the same file again into the filled database (every row unchanged).

Prints the median of each figure and the ratios import / floor and re-import / floor. A developer tool:
the harness (``python -m benchmarks``) is what RESULTS.md reports.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from liveroi import db, importer, sample
from liveroi.export import export_session_metrics
from liveroi.importer import readers
from liveroi.sample import exports as sample_exports

DAYS = 1030  # ≈ 2,000 sessions per account, as benchmarks/datagen.py
SESSIONS_PER_ACCOUNT = 2_000


def parse_rows(label: str) -> int:
    """'200k' → 200,000; '1m' → 1,000,000."""
    label = label.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(label[-1:], 1)
    return int(float(label.rstrip("km")) * factor)


def ensure_file(rows: int, kind: str, data_dir: Path, seed: int = sample.DEFAULT_SEED) -> Path:
    """The cached export of ``rows`` sessions (generated on first use)."""
    directory = data_dir / f"{rows}-s{seed}"
    target = directory / ("export_gbk.csv" if kind == "gbk" else "canonical.csv")
    if target.is_file():
        return target
    directory.mkdir(parents=True, exist_ok=True)
    accounts = max(1, round(rows / SESSIONS_PER_ACCOUNT))
    brand = sample.generate_brand(seed, n_accounts=accounts, days=DAYS, with_ad_report=False)
    if kind == "gbk":
        con = duckdb.connect()
        try:
            payload = sample_exports.session_export_text(brand, con).encode("gbk")
        finally:
            con.close()
        target.write_bytes(payload)
    else:
        brand_db = directory / "brand.duckdb"
        with db.connection(brand_db) as con:
            sample.write_to_db(con, brand)
        export_session_metrics(brand_db, target, fmt="csv")
    return target


def _fresh(path: Path) -> Path:
    for candidate in (path, Path(f"{path}.wal")):
        candidate.unlink(missing_ok=True)
    return path


def utf8_copy(file: Path, encoding: str, out: Path) -> Path:
    """``file`` transcoded to UTF-8 (the floor's second form for a GBK file)."""
    out.write_bytes(file.read_bytes().decode(encoding).encode("utf-8"))
    return out


def floor(file: Path, encoding: str, skip: int, db_path: Path) -> tuple[float, float]:
    """DuckDB's own ``read_csv`` of ``file`` into a table + CHECKPOINT, every column as text (the sniffer
    cannot type a back-end export: its 合计 row is text in numeric columns), seconds. The encodings
    extension is loaded outside the clock; its buffer is made larger than the file, since duckdb 1.5's
    extension garbles a character split across buffers. Returns (wall seconds, CPU seconds of the process)."""
    con = duckdb.connect(str(_fresh(db_path)))
    try:
        if encoding != "utf-8":
            db.load_extension(con, "encodings")
        # 16 MB is DuckDB's default buffer; the extension needs one buffer for the whole file.
        buffer = 16 * 2**20 if encoding == "utf-8" else file.stat().st_size + 1
        started, cpu = time.perf_counter(), time.process_time()
        con.execute(
            "CREATE OR REPLACE TABLE floor_raw AS SELECT * FROM read_csv($path, encoding = $encoding, "
            "skip = $skip, header = true, all_varchar = true, buffer_size = $buffer)",
            {"path": str(file), "encoding": encoding, "skip": skip, "buffer": buffer},
        )
        con.execute("CHECKPOINT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        con.close()


@contextmanager
def step_timer() -> Iterator[dict[str, float]]:
    """CPU time (the process's: DuckDB's threads included) of every ``db.execute``/``db.query`` by query
    name, and of a few Python steps, while active. CPU rather than wall: the steps run one after another,
    and CPU time hardly moves when other processes load the machine."""
    times: dict[str, float] = collections.defaultdict(float)
    originals: dict[tuple[object, str], Callable] = {}

    def wrap(owner: object, attr: str, label: Callable[..., str]) -> None:
        original = getattr(owner, attr, None)
        if original is None:  # an older importer (profiling a past commit) may not have the step
            return
        originals[(owner, attr)] = original

        def timed(*args, **kwargs):
            started, wall = time.process_time(), time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                times[label(*args, **kwargs)] += time.process_time() - started
                times["wall " + label(*args, **kwargs)] += time.perf_counter() - wall

        setattr(owner, attr, timed)

    wrap(db, "execute", lambda con, name, *a, **k: name)
    wrap(db, "query", lambda con, name, *a, **k: name)
    wrap(db, "load_extension", lambda con, name: f"load_extension {name}")
    wrap(db, "connect", lambda *a, **k: "connect + migrate")
    wrap(readers, "open_source", lambda *a, **k: "open_source (hash, encoding)")
    wrap(readers, "detect_layout", lambda *a, **k: "detect_layout")
    wrap(readers, "transcode", lambda *a, **k: "transcode GB18030 -> UTF-8 (Python)")
    try:
        yield times
    finally:
        for (owner, attr), original in originals.items():
            setattr(owner, attr, original)


def timed_import(file: Path, db_path: Path) -> tuple[tuple[float, float], dict[str, float], dict]:
    """One ``import_files`` call: ((wall, CPU seconds), CPU seconds per step, summary)."""
    with step_timer() as steps:
        started, cpu = time.perf_counter(), time.process_time()
        summary = importer.import_files(db_path, [file], lang="en")
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
    steps = dict(steps)
    rest = "(rest: Python, commit, checkpoint on close)"
    steps[rest] = cpu - sum(v for k, v in steps.items() if not k.startswith("wall "))
    steps["wall " + rest] = total - sum(v for k, v in steps.items() if k.startswith("wall "))
    return (total, cpu), steps, summary


def main(argv: list[str] | None = None) -> int:
    """Run the profile and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_profile")
    parser.add_argument("--rows", default="200k")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kind", choices=("gbk", "canonical"), default="gbk")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "liveroi-import-profile"
    )
    parser.add_argument("--top", type=int, default=14, help="steps to list")
    parser.add_argument("--file", type=Path, help="profile this file instead of a generated one")
    parser.add_argument(
        "--reading",
        choices=("typed", "text"),
        default="typed",
        help="text: switch the typed reading of CSV session lists off (readers.TYPED_READING), as before it",
    )
    args = parser.parse_args(argv)
    readers.TYPED_READING = args.reading == "typed"

    started = time.perf_counter()
    file = args.file or ensure_file(parse_rows(args.rows), args.kind, args.data_dir)
    print(
        f"file: {file} ({file.stat().st_size / 2**20:.1f} MB, ready in {time.perf_counter() - started:.1f} s)"
    )
    encoding, skip = ("gb18030", 1) if args.kind == "gbk" else ("utf-8", 0)
    work = args.data_dir / "work"
    work.mkdir(parents=True, exist_ok=True)

    utf8 = utf8_copy(file, encoding, work / "utf8.csv") if encoding != "utf-8" else file
    floor(file, encoding, skip, work / "floor.duckdb")  # warm-up: page cache, extension
    floors, ext_floors, imports, reimports = [], [], [], []
    step_runs: list[dict[str, float]] = []
    restep_runs: list[dict[str, float]] = []
    summary = resummary = {}
    for _ in range(max(1, args.runs)):
        floors.append(floor(utf8, "utf-8", skip, work / "floor.duckdb"))
        if encoding != "utf-8":
            ext_floors.append(floor(file, encoding, skip, work / "floor.duckdb"))
        seconds, steps, summary = timed_import(file, _fresh(work / "import.duckdb"))
        imports.append(seconds)
        step_runs.append(steps)
        seconds, steps, resummary = timed_import(file, work / "import.duckdb")
        reimports.append(seconds)
        restep_runs.append(steps)

    counts = ("inserted", "updated", "unchanged", "skipped")
    print(f"import:    {', '.join(f'{k}={summary[k]}' for k in counts)}, rejected={len(summary['rejected'])}")
    print(
        f"re-import: {', '.join(f'{k}={resummary[k]}' for k in counts)}, rejected={len(resummary['rejected'])}"
    )
    figures = [("read_csv floor (UTF-8 text)", floors)]
    if ext_floors:
        figures.append(("read_csv floor (gb18030 extension)", ext_floors))
    figures += [("import", imports), ("re-import", reimports)]
    wall0 = statistics.median(w for w, _ in floors)
    cpu0 = statistics.median(c for _, c in floors)
    print("\nwall and CPU seconds (median); ratios against the UTF-8 floor of the same run")
    print(f"{'figure':<36}{'wall':>7}{'ratio':>7}{'cpu':>8}{'ratio':>7}   wall runs")
    for name, runs in figures:
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        listing = " ".join(f"{w:.2f}" for w, _ in runs)
        print(f"{name:<36}{wall:>7.2f}{wall / wall0:>7.1f}{cpu:>8.2f}{cpu / cpu0:>7.1f}   {listing}")
    for title, runs in (("import steps", step_runs), ("re-import steps", restep_runs)):
        names = {n for run in runs for n in run if not n.startswith("wall ")}
        cpu = {n: statistics.median(run.get(n, 0.0) for run in runs) for n in names}
        wall = {n: statistics.median(run.get("wall " + n, 0.0) for run in runs) for n in names}
        print(f"\n{title} (median s; CPU is steadier than wall under load), top {args.top}:")
        print(f"  {'step':<46}{'cpu':>7}{'wall':>7}")
        for name, value in sorted(cpu.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"  {name:<46}{value:>7.2f}{wall[name]:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
