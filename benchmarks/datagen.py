"""Benchmark data sets: the sample generator scaled to 10k / 100k / 1M sessions, cached on disk.

Every data set has ~2,000 sessions per account over :data:`DAYS` days (so "one account" is always a
realistic 2,000-session account and the number of accounts grows with the size: 5, 50, 500), and is
written four ways into ``benchmarks/data/<label>-s<seed>-<code hash>/``:

* ``brand.duckdb`` — loaded straight from the generator (``sample.write_to_db``): the database the
  query, page, browser and advisor benchmarks read;
* ``canonical.csv`` — what ``python -m liveroi export`` writes (session_metrics, UTF-8 with BOM): the
  project's own format, which re-imports as it is: the *wide* file (44 columns, derived metrics included);
* ``narrow.csv`` — the same format with only ten columns (``benchmarks/sql/narrow_csv.sql``: id, account,
  start, end, viewers, orders, GMV, three channels' spend), UTF-8 without BOM: what a team writes by hand.
  Its raw read is cheap, so it is the harder test of the importer's own overhead;
* ``export_gbk.csv`` — the Chinese-header GBK session export of the back-end, printed the messy way by
  ``sample.exports.session_export_text`` (title line, 万, ￥, 1小时2分 …).

The cache key includes a hash of the generator's and exporter's source and of the schema (schema.sql,
migrations, views), so a change there regenerates.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from benchmarks import sql as bench_sql
from liveroi import db, sample
from liveroi.export import export_session_metrics
from liveroi.sample import exports as sample_exports

DATA_DIR = Path(__file__).resolve().parent / "data"
DAYS = 1030  # ≈ 1.94 sessions per account-day → ≈ 2,000 sessions per account
SESSIONS_PER_ACCOUNT = 2_000
DEFAULT_SIZES = ("10k", "100k", "1m")
_SIZE = re.compile(r"^(?P<number>\d+(\.\d+)?)(?P<unit>[km]?)$")
_SOURCES = ("sample/generate.py", "sample/profiles.py", "sample/exports.py", "sample/store.py", "export.py")


@dataclass(frozen=True)
class Dataset:
    """One generated data set and where its files are."""

    label: str  # "10k"
    target_sessions: int
    accounts: int
    days: int
    seed: int
    sessions: int  # generated rows (what an import must count)
    spend_rows: int
    directory: str
    seconds: dict[str, float]  # how long each file took to write

    @property
    def db_path(self) -> Path:
        """The database loaded straight from the generator."""
        return Path(self.directory) / "brand.duckdb"

    @property
    def canonical_csv(self) -> Path:
        """liveroi's own export (session_metrics, UTF-8 with BOM)."""
        return Path(self.directory) / "canonical.csv"

    @property
    def narrow_csv(self) -> Path:
        """liveroi's own format with ten columns (``benchmarks/sql/narrow_csv.sql``)."""
        return Path(self.directory) / "narrow.csv"

    @property
    def gbk_csv(self) -> Path:
        """The back-end's Chinese-header GBK session export."""
        return Path(self.directory) / "export_gbk.csv"


def parse_size(label: str) -> int:
    """'10k' → 10,000; '1m' → 1,000,000; '2500' → 2,500."""
    match = _SIZE.match(label.strip().lower())
    if not match:
        raise ValueError(f"not a size: {label!r} (use e.g. 10k, 100k, 1m)")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match["unit"]]
    return int(float(match["number"]) * factor)


def accounts_for(target_sessions: int) -> int:
    """How many ~2,000-session accounts make ``target_sessions``."""
    return max(1, round(target_sessions / SESSIONS_PER_ACCOUNT))


def _code_hash() -> str:
    digest = hashlib.sha256()
    root = Path(db.ROOT) / "liveroi"
    for name in _SOURCES:
        digest.update((root / name).read_bytes())
    schema = Path(db.ROOT) / "queries" / "schema"
    for path in [
        schema / "schema.sql",
        *(schema / "views" / f"{view}.sql" for view in db.CONTRACT_VIEWS),
        *sorted((schema / "migrations").glob("*.sql")),
    ]:
        digest.update(path.read_bytes())  # the stored database's layout: a schema change regenerates it
    return digest.hexdigest()[:8]


def dataset_dir(label: str, seed: int, data_dir: Path = DATA_DIR) -> Path:
    """Where the data set of this size and seed is cached."""
    return data_dir / f"{label.lower()}-s{seed}-{_code_hash()}"


def ensure_dataset(label: str, seed: int = sample.DEFAULT_SEED, data_dir: Path = DATA_DIR) -> Dataset:
    """The data set of size ``label``: read from the cache, or generated and written."""
    directory = dataset_dir(label, seed, data_dir)
    manifest = directory / "manifest.json"
    if manifest.is_file():
        stored = json.loads(manifest.read_text(encoding="utf-8"))
        dataset = Dataset(**{**stored, "directory": str(directory)})
        if not dataset.narrow_csv.is_file():  # a data set cached before the narrow file existed
            write_narrow_csv(dataset.db_path, dataset.narrow_csv)
        return dataset
    if directory.exists():  # a run interrupted half-way: start over
        shutil.rmtree(directory)
    work = directory.with_name(directory.name + ".partial")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    dataset = Dataset(**{**asdict(_generate(label, seed, work)), "directory": str(directory)})
    (work / "manifest.json").write_text(json.dumps(asdict(dataset), indent=2), encoding="utf-8")
    work.rename(directory)
    return dataset


def write_narrow_csv(brand_db: Path, target: Path) -> float:
    """Write the narrow canonical CSV of ``brand_db`` to ``target`` (DuckDB's own writer); seconds."""
    started = time.perf_counter()
    partial = target.with_suffix(".partial")
    with db.connection(brand_db, read_only=True) as con:
        con.sql(db.load_sql(bench_sql("narrow_csv"))).write_csv(str(partial), header=True)
    partial.rename(target)
    return time.perf_counter() - started


def _generate(label: str, seed: int, directory: Path) -> Dataset:
    target = parse_size(label)
    accounts = accounts_for(target)
    seconds: dict[str, float] = {}

    started = time.perf_counter()
    brand = sample.generate_brand(seed, n_accounts=accounts, days=DAYS, with_ad_report=False)
    seconds["generate"] = time.perf_counter() - started

    started = time.perf_counter()
    with db.connection(directory / "brand.duckdb") as con:
        sample.write_to_db(con, brand)
        con.execute("CHECKPOINT")
    seconds["brand.duckdb"] = time.perf_counter() - started

    started = time.perf_counter()
    export_session_metrics(directory / "brand.duckdb", directory / "canonical.csv", fmt="csv")
    seconds["canonical.csv"] = time.perf_counter() - started
    seconds["narrow.csv"] = write_narrow_csv(directory / "brand.duckdb", directory / "narrow.csv")

    # The back-end's own writer: a vectorised DuckDB query renders every cell, then one encode.
    started = time.perf_counter()
    con = duckdb.connect()
    try:
        payload = sample_exports.session_export_text(brand, con).encode("gbk")
    finally:
        con.close()
    (directory / "export_gbk.csv").write_bytes(payload)
    seconds["export_gbk.csv"] = time.perf_counter() - started

    return Dataset(
        label=label.lower(),
        target_sessions=target,
        accounts=accounts,
        days=DAYS,
        seed=seed,
        sessions=len(brand.sessions),
        spend_rows=len(brand.spend),
        directory=str(directory),
        seconds=seconds,
    )
