"""DuckLake mode: the spec, the secrets, the schema on a lake, every command on it, and writers at once.

Real lakes only: a SQLite catalog in the test's folder and a PostgreSQL catalog on the test server
(``$LIVEROI_TEST_PG``, see tests/lake_support.py), data in Parquet files in the test's folder. A second
DuckDB instance attached to the same lake behaves as another process does (its own catalog connection
and snapshots); the CLI tests run real processes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from liveroi import db, lake, sample
from liveroi.importer import import_files
from tests import lake_support

ROOT = Path(__file__).resolve().parent.parent
LAKES = ("ducklake-sqlite", "ducklake-postgres")
# Writers at once across processes are PostgreSQL's case: a SQLite catalog makes two open transactions
# block each other ("database is locked"), so these run on the PostgreSQL catalog only.
ON_POSTGRES = pytest.mark.parametrize("lake_target", ["ducklake-postgres"], indirect=True)
HEADER = "直播ID,账号,开播时间,直播时长,观看人数,涨粉数,成交人数,成交金额,小店通消耗\n"


def _export(first: int, count: int, account: str = "并发测试号") -> bytes:
    """A session export of ``count`` sessions with ids first … first+count-1; values follow the id."""
    lines = [HEADER]
    for n in range(first, first + count):
        day, hour = divmod(n, 3)
        lines.append(
            f"9{n:018d},{account},2026-{1 + day // 28 % 12:02d}-{1 + day % 28:02d} {9 + 4 * hour:02d}:00,"
            f"3小时,{1000 + n},{n % 50},{10 + n % 90},{100 * (n % 97) + 0.5},{n % 300}\n"
        )
    return "".join(lines).encode("utf-8")


def _gmv(first: int, count: int) -> float:
    return sum(100 * (n % 97) + 0.5 for n in range(first, first + count))


@pytest.fixture(params=LAKES)
def lake_target(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new lake (not yet opened), with LIVEROI_DB and LIVEROI_LAKE_DATA pointing at it."""
    target = lake_support.new_target(request.param, tmp_path)
    monkeypatch.setenv(lake.ENV_DATA, lake_support.data_folder(tmp_path))
    monkeypatch.setenv(db.ENV_DB, target)
    yield target
    lake.close_all()


def _rows(target: str, sql: str) -> list[tuple]:
    with db.connection(target, read_only=True) as con:
        return con.execute(sql).fetchall()


# --- the spec and its secrets -----------------------------------------------------------------------------
def test_specs_name_the_catalog_and_where_the_data_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lake.ENV_DATA, raising=False)
    pg = db.resolve_db_path("ducklake:postgres:dbname=liveroi host=db.internal user=liveroi")
    assert (pg.catalog, pg.location, pg.data_path()) == ("postgres", "dbname=liveroi host=db.internal user=liveroi", None)
    sq = db.resolve_db_path(f"ducklake:sqlite:{tmp_path}/c.sqlite")
    assert (sq.catalog, sq.data_path(), sq.default_data_path()) == ("sqlite", None, f"{tmp_path}/c.sqlite.files/")
    assert pg.default_data_path() is None  # PostgreSQL's machines must name a shared folder
    dk = db.resolve_db_path(f"ducklake:{tmp_path}/c.ducklake")
    assert (dk.catalog, dk.location) == ("duckdb", f"{tmp_path}/c.ducklake")
    monkeypatch.setenv(lake.ENV_DATA, "s3://bucket/liveroi")
    assert pg.data_path() == "s3://bucket/liveroi/"
    assert db.resolve_db_path(str(tmp_path / "x.duckdb")) == tmp_path / "x.duckdb"  # a file stays a Path
    for bad in ("ducklake:", "ducklake:postgres:", "ducklake:/tmp/catalog.db"):
        with pytest.raises(db.DatabaseError) as info:
            db.resolve_db_path(bad)
        assert info.value.key == "error.lake_spec"


@pytest.mark.parametrize(
    "spec",
    [
        "ducklake:postgres:dbname=liveroi password=Hunter2secret host=x",
        "ducklake:postgres:dbname=liveroi PASSWORD = 'Hunter2 secret'",
        "ducklake:postgres:postgresql://liveroi:Hunter2secret@db.internal/liveroi",
    ],
)
def test_a_password_in_the_spec_is_refused_without_being_repeated(spec: str) -> None:
    with pytest.raises(db.DatabaseError) as info:
        db.resolve_db_path(spec)
    assert info.value.key == "error.lake_password"
    for lang in ("zh", "en"):
        assert "Hunter2" not in info.value.message(lang)
    assert "PGPASSWORD" in info.value.message("en")


def test_scrub_hides_every_password_form() -> None:
    text = "at \"host=h password=Hunter2 dbname=x\" and postgresql://u:Hunter3@h/db and password='a b c'"
    clean = lake.scrub(text)
    assert "Hunter2" not in clean and "Hunter3" not in clean and "a b c" not in clean
    assert clean.count("***") == 3 and "host=h" in clean and "dbname=x" in clean


def test_an_attach_error_never_shows_the_password(tmp_path: Path) -> None:
    """DuckDB's own ATTACH error repeats the whole conninfo; ours is scrubbed. The target is built by
    hand (the spec check would refuse it) to reach that error with a password inside."""
    admin = lake_support.pg_admin()
    target = lake.LakeTarget(f"ducklake:postgres:{admin} dbname=no_such_db_here password=Hunter2secret")
    with pytest.raises(lake.LakeError) as info:
        lake.open_instance(target)
    error = db.DatabaseError(info.value.key, **info.value.values)
    for text in (str(error), error.message("zh"), error.message("en"), repr(info.value.values)):
        assert "Hunter2secret" not in text
    assert "no_such_db_here" in error.message("en")  # the rest of the reason is kept


def test_a_new_local_lake_without_a_data_folder_gets_one_and_postgres_asks_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(lake.ENV_DATA, raising=False)
    for spec in (f"ducklake:{tmp_path}/c.ducklake", f"ducklake:sqlite:{tmp_path}/c.sqlite"):
        with db.connection(spec) as con:
            con.execute("INSERT INTO promo_days (day, name) VALUES (DATE '2026-11-11', '双11')")
        assert _rows(spec, "SELECT name FROM promo_days") == [("双11",)]
        lake.close_all()
    spec = f"ducklake:postgres:{lake_support.new_pg_database()}"
    with pytest.raises(db.DatabaseError) as info:
        db.connect(spec)
    assert info.value.key == "error.lake_data_path" and lake.ENV_DATA in info.value.message("en")


# --- the schema -------------------------------------------------------------------------------------------
def test_adapt_ddl_removes_what_ducklake_rejects() -> None:
    adapted = lake.adapt_ddl(db.load_sql("schema/schema")).upper()
    for rejected in ("PRIMARY KEY", "UNIQUE", "SEQUENCE", "NEXTVAL", "ON CONFLICT"):
        assert rejected not in adapted
    assert adapted.count("CREATE TABLE IF NOT EXISTS") == db.load_sql("schema/schema").upper().count(
        "CREATE TABLE IF NOT EXISTS"
    )


# What DuckLake refuses (issue 16): key constraints, ON CONFLICT, RETURNING, sequences, indexes.
_REFUSED = re.compile(
    r"\bON\s+CONFLICT\b|\bRETURNING\b|\bnextval\s*\(|\bSEQUENCE\b|\bPRIMARY\s+KEY\b|\bUNIQUE\b|\bINDEX\b",
    re.I,
)
_PARAM = re.compile(r"\$([A-Za-z_]\w*)")
_SCHEMA_DDL = re.compile(r"^schema/(schema|meta|migrations/.+)$")  # adapted by lake.adapt_ddl


def _code(sql: str) -> str:
    """A query's text without its comments (which may name a construct they explain)."""
    return re.sub(r"--[^\n]*", "", sql)


def _query_names() -> list[str]:
    return sorted(
        p.relative_to(db.QUERIES_DIR).with_suffix("").as_posix()
        for p in db.QUERIES_DIR.rglob("*.sql")
        if db.LAKE_QUERIES_DIR not in p.parents
    )


def test_every_query_a_lake_refuses_has_a_lake_version() -> None:
    """A statement DuckLake cannot run needs queries/ducklake/<name>.sql (or, for the schema's DDL, to
    come out of lake.adapt_ddl clean); what a lake runs instead must itself be runnable there."""
    names = _query_names()
    refused = [n for n in names if _REFUSED.search(_code(db.load_sql(n)))]
    assert "import/log_start" in refused and "settings/upsert" in refused  # the check sees RETURNING, ON CONFLICT
    missing = [
        n for n in refused if not _SCHEMA_DDL.match(n) and not (db.LAKE_QUERIES_DIR / f"{n}.sql").is_file()
    ]
    assert missing == [], f"add queries/ducklake/<name>.sql for: {missing}"
    for name in names:
        lake_text = db._lake_sql(name)
        assert not _REFUSED.search(_code(lake_text)), f"{name} as a lake runs it still has {_REFUSED.search(_code(lake_text))[0]}"


def test_lake_versions_replace_a_query_and_take_its_parameters() -> None:
    """An override in a job folder stands for a query that exists, and binds the parameters its caller
    passes — the original's (import/log_start also takes the $import_id liveroi.db chooses)."""
    names = set(_query_names())
    extra = {"import/log_start": {"import_id"}}
    for path in sorted(db.LAKE_QUERIES_DIR.rglob("*.sql")):
        name = path.relative_to(db.LAKE_QUERIES_DIR).with_suffix("").as_posix()
        if "/" not in name:
            continue  # the lake's own statements (queries/ducklake/lake_writes.sql …) replace nothing
        assert name in names, f"queries/ducklake/{name}.sql overrides no query"
        original = set(_PARAM.findall(_code(db.load_sql(name))))
        override = set(_PARAM.findall(_code(path.read_text(encoding="utf-8"))))
        assert override == original | extra.get(name, set()), name


def test_a_lake_has_the_files_tables_views_and_columns(lake_target: str, tmp_path: Path) -> None:
    sql = (
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_catalog = current_database() AND table_name <> 'lake_writes'"
        " ORDER BY table_name, ordinal_position"
    )
    file_path = tmp_path / "file.duckdb"
    with db.connection(file_path) as con:
        on_file = con.execute(sql).fetchall()
    with db.connection(lake_target) as con:
        assert db.schema_version(con) == db.latest_schema_version()
        on_lake = con.execute(sql).fetchall()
        assert con.execute("SELECT gross_margin, max_change FROM settings WHERE account = '*'").fetchall() == [
            (0.5, 0.3)
        ]
    assert on_lake == on_file and len(on_file) > 100


@ON_POSTGRES
def test_two_processes_migrating_a_new_lake_at_once_both_succeed(lake_target: str) -> None:
    command = [sys.executable, "-m", "liveroi", "init"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=180) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], results
    versions = _rows(lake_target, "SELECT version FROM schema_version ORDER BY version")
    assert versions == [(v,) for v in range(1, db.latest_schema_version() + 1)]  # each once
    assert _rows(lake_target, "SELECT count(*) FROM settings WHERE account = '*'") == [(1,)]
    assert _rows(lake_target, "SELECT count(*) FROM lake_writes") == [(1,)]


@ON_POSTGRES
def test_a_migration_that_read_a_new_lake_before_another_migrated_it_applies_nothing_twice(
    lake_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interleaving behind two ``init`` processes at once: the first finds the lake empty, then the
    other migrates it whole and commits, then the first goes on. It must see that inside its own
    transaction and record no version again (reading before the transaction recorded each twice)."""
    first, second = _second_instance(lake_target), _second_instance(lake_target)
    real = db._schema_work
    calls = {"n": 0}

    def work_then_the_other_migrates(con: duckdb.DuckDBPyConnection, latest: int, digest: str):
        found = real(con, latest, digest)
        calls["n"] += 1
        if calls["n"] == 1:  # the first's look, outside its transaction: the lake is still empty
            assert found is not None and found[0] == 0
            monkeypatch.setattr(db, "_schema_work", real)
            db.migrate(second)  # the other process, start to commit
            monkeypatch.setattr(db, "_schema_work", work_then_the_other_migrates)
        return found

    monkeypatch.setattr(db, "_schema_work", work_then_the_other_migrates)
    assert db.migrate(first) == db.latest_schema_version()
    assert calls["n"] >= 2  # looked again inside its transaction
    versions = _rows(lake_target, "SELECT version, count(*) FROM schema_version GROUP BY version ORDER BY version")
    assert versions == [(v, 1) for v in range(1, db.latest_schema_version() + 1)]
    assert _rows(lake_target, "SELECT count(*) FROM settings WHERE account = '*'") == [(1,)]
    assert _rows(lake_target, "SELECT count(*) FROM lake_writes") == [(1,)]


# --- writers at once --------------------------------------------------------------------------------------
def _second_instance(target: str) -> duckdb.DuckDBPyConnection:
    """Another instance on the same lake — what another process has — registered as a lake connection."""
    con = lake.open_instance(db.resolve_db_path(target)).cursor()
    con.execute("USE liveroi")
    db._LAKE_CONNECTIONS[con] = db.resolve_db_path(target)
    return con


@ON_POSTGRES
def test_two_writers_inside_their_transactions_at_once_never_double_a_row(lake_target: str) -> None:
    """Both writers are inside their write when the other commits (a barrier holds them there), both
    anti-join-insert the same new session: one commits, the other conflicts, re-runs on the snapshot
    holding the first's row, and inserts nothing. One row, and both writes report success."""
    with db.connection(lake_target):
        pass  # the schema
    first, second = db.connect(lake_target), _second_instance(lake_target)
    barrier = threading.Barrier(2, timeout=60)
    runs = {"first": 0, "second": 0}
    errors: list[BaseException] = []

    def writer(con: duckdb.DuckDBPyConnection, name: str) -> None:
        def body() -> None:
            runs[name] += 1
            con.execute(
                "INSERT INTO sessions (session_id, account, started_at, gmv)"
                " SELECT 'S1', 'a', TIMESTAMP '2026-11-01 19:00', 100"
                " WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE session_id = 'S1')"
            )
            if runs[name] == 1:
                barrier.wait()  # both inside a transaction, neither committed

        try:
            db.write(con, body)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(c, n)) for c, n in ((first, "first"), (second, "second"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(runs.values()) == [1, 2]  # exactly one of them ran again
    assert _rows(lake_target, "SELECT count(*) FROM sessions WHERE session_id = 'S1'") == [(1,)]


@ON_POSTGRES
def test_a_write_that_keeps_conflicting_gives_up_busy(lake_target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.connection(lake_target):
        pass
    monkeypatch.setattr(db, "LAKE_WRITE_ATTEMPTS", 2)
    monkeypatch.setattr(db, "LAKE_BACKOFF_S", (0.01, 0.01))
    mine, other = db.connect(lake_target), _second_instance(lake_target)

    def body() -> None:  # another writer commits while this one is inside, every time
        db.write(other, lambda: db.execute(other, "settings/promo_days_clear"))

    with pytest.raises(db.DatabaseBusy) as info:
        db.write(mine, body)
    assert info.value.key == "error.lake_conflict" and "2" in info.value.message("en")


@ON_POSTGRES
def test_two_import_processes_into_one_lake_both_land(lake_target: str, tmp_path: Path) -> None:
    """``python -m liveroi import`` twice at once, with overlapping files: every session once, both
    imports committed with their own ids, the GMV that of the union of the files."""
    with db.connection(lake_target):
        pass
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(_export(0, 3000))
    b.write_bytes(_export(2000, 3000))  # 1000 sessions in both files, the same values
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "liveroi", "import", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (a, b)
    ]
    results = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], results
    summaries = [json.loads(out) for out, _ in results]
    assert sum(s["inserted"] for s in summaries) == 5000  # the overlap inserted by one, unchanged for the other
    assert _rows(lake_target, "SELECT count(*), count(DISTINCT session_id) FROM sessions") == [(5000, 5000)]
    total = _rows(lake_target, "SELECT round(sum(gmv), 2) FROM sessions")[0][0]
    assert total == pytest.approx(_gmv(0, 5000), abs=0.01)
    assert _rows(lake_target, "SELECT count(*), count(DISTINCT import_id) FROM imports WHERE status = 'committed'") == [
        (2, 2)
    ]
    assert _rows(lake_target, "SELECT count(*) FROM accounts") == [(1,)]
    assert _rows(lake_target, "SELECT count(*), count(DISTINCT (session_id, channel)) FROM session_spend")[0][0] == (
        _rows(lake_target, "SELECT count(DISTINCT (session_id, channel)) FROM session_spend")[0][0]
    )


@ON_POSTGRES
def test_a_reader_during_imports_sees_whole_imports_only(lake_target: str) -> None:
    """While another instance imports file after file, every read sees a number of sessions that some
    set of whole imports gives — never a part of one."""
    with db.connection(lake_target):
        pass
    sizes = [700, 900, 1100]
    whole = {0, 700, 1600, 2700}
    seen: set[int] = set()
    done = threading.Event()

    def importing() -> None:
        try:
            first = 0
            for size in sizes:
                import_files(lake_target, [(f"f{first}.csv", _export(first, size))], lang="en")
                first += size
        finally:
            done.set()

    thread = threading.Thread(target=importing)
    thread.start()
    reader = _second_instance(lake_target)
    while not done.is_set():
        seen.add(reader.execute("SELECT count(*) FROM session_metrics").fetchone()[0])
    thread.join(timeout=300)
    seen.add(reader.execute("SELECT count(*) FROM session_metrics").fetchone()[0])
    assert seen <= whole, seen - whole
    assert 2700 in seen


def test_a_running_import_on_a_shared_lake_is_not_marked_interrupted(lake_target: str) -> None:
    """On a file, 'running' rows at the start of an import are dead (the lock says so); on a lake another
    machine's import may be running: only rows older than any import takes are closed."""
    from liveroi.importer import load

    with db.connection(lake_target) as con:
        con.execute(
            "INSERT INTO imports (import_id, file_name, content_hash, status, started_at) VALUES"
            " (1, 'old.csv', 'h', 'running', current_localtimestamp() - INTERVAL 3 HOUR),"
            " (2, 'now.csv', 'h', 'running', current_localtimestamp())"
        )
        load.mark_interrupted(con)
        assert con.execute("SELECT import_id, status FROM imports ORDER BY 1").fetchall() == [
            (1, "interrupted"),
            (2, "running"),
        ]


# --- every command on a lake ------------------------------------------------------------------------------
def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", "--lang", "en", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_every_command_works_on_a_lake(lake_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """init (with the sample through the importer), import, recommend, export, backup and restore into a
    second lake: the figures equal those of a DuckDB file loaded from the same files."""
    init = _cli("init", "--load-sample-if-empty")
    assert init.returncode == 0, init.stderr
    file_db = tmp_path / "same.duckdb"
    sample.load_sample_exports(file_db, lang="en")

    extra = tmp_path / "extra.csv"
    extra.write_bytes(_export(0, 40, account="第四个号"))
    imported = _cli("import", str(extra))
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["inserted"] == 40
    import_files(file_db, [extra], lang="en")

    query = "SELECT * EXCLUDE (ended_at) FROM session_metrics ORDER BY session_id"
    with db.connection(file_db, read_only=True) as con:
        expected = con.execute(query).df()
        expected_daily = con.execute("SELECT * FROM daily_metrics ORDER BY account, day").df()
    with db.connection(lake_target, read_only=True) as con:
        pd.testing.assert_frame_equal(con.execute(query).df(), expected, check_dtype=False, atol=0.005)
        pd.testing.assert_frame_equal(
            con.execute("SELECT * FROM daily_metrics ORDER BY account, day").df(), expected_daily,
            check_dtype=False, atol=0.005,
        )  # fmt: skip
    account = expected.groupby("account")["session_id"].count().idxmax()

    on_lake = _cli("recommend", "--account", account, "--json")
    on_file = _cli("recommend", "--db", str(file_db), "--account", account, "--json")
    assert on_lake.returncode == 0, on_lake.stderr
    assert json.loads(on_lake.stdout) == json.loads(on_file.stdout)

    out = tmp_path / "metrics.csv"
    exported = _cli("export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert len(frame) == len(expected)

    backup_dir = tmp_path / "backup"
    backed = _cli("backup", "--out", str(backup_dir))
    assert backed.returncode == 0, backed.stderr
    manifest = json.loads((backup_dir / "liveroi-backup.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["sessions"] == len(expected)
    assert not any(name.startswith("ducklake_") for name in manifest["rows"])  # the lake's own catalog

    (tmp_path / "restored").mkdir()
    second = lake_support.new_target("ducklake-sqlite", tmp_path / "restored")
    own_data = {lake.ENV_DATA: lake_support.data_folder(tmp_path / "restored")}
    restored = _cli("restore", "--db", second, "--from", str(backup_dir), env=own_data)
    assert restored.returncode == 0, restored.stderr
    monkeypatch.setenv(lake.ENV_DATA, own_data[lake.ENV_DATA])  # a lake keeps the data folder it was made with
    with db.connection(second, read_only=True) as con:
        pd.testing.assert_frame_equal(con.execute(query).df(), expected, check_dtype=False, atol=0.005)
        assert con.execute("SELECT count(*) FROM lake_writes").fetchone() == (1,)
    again = _cli("import", "--db", second, str(extra), env=own_data)  # ids go on after the restored ones
    assert again.returncode == 0, again.stderr
    ids = _rows(second, "SELECT import_id FROM imports ORDER BY import_id")
    assert len(ids) == len(set(ids)) == manifest["rows"]["imports"] + 1
