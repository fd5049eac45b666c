"""``python -m benchmarks [--sizes 10k,100k,1m] [--runs N] [--only import,queries,pages,browser,advisor]
[--import-files narrow,canonical,gbk]``.

Generates (or reuses from ``benchmarks/data/``) a data set per size, measures each area on it, and
writes ``benchmarks/results.json`` (raw) and ``benchmarks/RESULTS.md`` (tables) after every area, so
an interrupted run keeps what it measured. ``--merge`` keeps the figures of sizes/areas not measured
this time (to run the large sizes one area at a time).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import bench_advisor, bench_browser, bench_import, bench_pages, bench_queries, datagen, report
from liveroi import sample

HERE = Path(__file__).resolve().parent
AREAS = ("import", "queries", "pages", "browser", "advisor")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(datagen.DEFAULT_SIZES), help="e.g. 10k,100k,1m")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per figure (median reported)")
    parser.add_argument("--only", default=",".join(AREAS), help="areas: " + ",".join(AREAS))
    parser.add_argument("--seed", type=int, default=sample.DEFAULT_SEED)
    parser.add_argument("--data-dir", type=Path, default=datagen.DATA_DIR, help="cache of generated data")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--merge", action="store_true", help="keep earlier figures of what is not re-measured"
    )
    parser.add_argument(
        "--no-advisor-synthetic", action="store_true", help="skip advisor_bench's simulated timing table"
    )
    parser.add_argument("--note", action="append", default=[], help="a note for the report's header")
    parser.add_argument(
        "--import-files",
        default="narrow,canonical,gbk",
        help="the import area's files: narrow, canonical (the wide export), gbk",
    )
    return parser


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _save(results: dict[str, Any], json_path: Path, md_path: Path) -> None:
    json_path.write_text(
        json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    md_path.write_text(report.render(results), encoding="utf-8")


def _measure_area(
    area: str, dataset: datagen.Dataset, runs: int, work: Path, import_files: tuple[str, ...]
) -> dict[str, Any]:
    if area == "import":
        return bench_import.run(dataset, runs, work / "import", import_files)
    if area == "queries":
        return bench_queries.run(dataset.db_path, runs)
    if area == "pages":
        return bench_pages.run(dataset.db_path, runs)
    if area == "browser":
        return bench_browser.run(dataset.db_path, runs, work / "browser")
    if area == "advisor":
        return bench_advisor.run(dataset.db_path, runs)
    raise ValueError(area)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; returns the exit code."""
    args = _parser().parse_args(argv)
    labels = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    areas = [a.strip() for a in args.only.split(",") if a.strip()]
    unknown = set(areas) - set(AREAS)
    if unknown:
        _parser().error(f"unknown areas: {', '.join(sorted(unknown))}")
    for label in labels:
        datagen.parse_size(label)
    import_files = tuple(k.strip() for k in args.import_files.split(",") if k.strip())

    results: dict[str, Any] = {}
    if args.merge and args.json.is_file():
        results = json.loads(args.json.read_text(encoding="utf-8"))
    meta = results.setdefault("meta", {})
    meta.update(
        date=report.now_text(),
        machine=report.machine(),
        versions=report.versions(),
        source=report.source_state(),
        runs=args.runs,
    )
    notes = list(dict.fromkeys([*meta.get("notes", []), *args.note])) if args.merge else list(args.note)
    meta["notes"] = notes
    load = results.setdefault("load", {})

    work = args.data_dir / "work"
    for label in labels:
        _log(f"data set {label}")
        dataset = datagen.ensure_dataset(label, args.seed, args.data_dir)
        results.setdefault("datasets", {})[label] = {
            **asdict(dataset),
            "narrow_bytes": dataset.narrow_csv.stat().st_size,
            "canonical_bytes": dataset.canonical_csv.stat().st_size,
            "gbk_bytes": dataset.gbk_csv.stat().st_size,
        }
        for area in areas:
            before = os.getloadavg()[0]
            _log(f"{label} {area} (load average {before:.1f})")
            started = time.perf_counter()
            measured = _measure_area(area, dataset, args.runs, work, import_files)
            if args.merge and area == "import":  # files not measured this time keep their figures
                measured = {**results.get(area, {}).get(label, {}), **measured}
            results.setdefault(area, {})[label] = measured
            load.setdefault(label, {})[area] = {
                "loadavg_before": before,
                "loadavg_after": os.getloadavg()[0],
                "seconds": time.perf_counter() - started,
                "runs": args.runs,
                "commit": meta["source"]["commit"] + ("+dirty" if meta["source"]["uncommitted"] else ""),
                "at": report.now_text(),
            }
            _save(results, args.json, args.out)
    if "advisor" in areas and not args.no_advisor_synthetic:
        _log("advisor_bench timing table")
        results["advisor_synthetic"] = bench_advisor.synthetic_timings()
    _save(results, args.json, args.out)
    _log(f"wrote {args.out} and {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
