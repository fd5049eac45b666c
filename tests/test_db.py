"""The store: migration, views, settings, lock handling — on real DuckDB files."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pytest

from liveroi import db, settings


def _session(con: duckdb.DuckDBPyConnection, sid: str, account: str, start: str, **values: float) -> None:
    columns = ["session_id", "account", "started_at", *values]
    placeholders = ", ".join("?" for _ in columns)
    con.execute(
        f"INSERT INTO sessions ({', '.join(columns)}) VALUES ({placeholders})",
        [sid, account, start, *values.values()],
    )


def test_new_file_is_migrated_to_latest_version(db_path: Path) -> None:
    with db.connection(db_path) as con:
        assert db.schema_version(con) == db.latest_schema_version()
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for name in (
        "accounts",
        "sessions",
        "session_spend",
        "ad_spend",
        "settings",
        "imports",
        "rejected_rows",
        "session_metrics",
        "daily_metrics",
    ):
        assert name in tables


def test_migrate_is_idempotent_and_keeps_data(db_path: Path) -> None:
    with db.connection(db_path) as con:
        _session(con, "1", "a", "2026-01-01 10:00", gmv=100.0)
        versions = con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    with db.connection(db_path) as con:
        assert db.migrate(con) == db.latest_schema_version()
        assert con.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == versions
        assert versions[-1] == (db.latest_schema_version(),)
        assert con.execute("SELECT gmv FROM sessions").fetchone() == (100.0,)


def test_a_version_1_file_loses_the_spend_primary_key_and_its_zero_rows(db_path: Path) -> None:
    """Migration 002 on a file as version 1 left it: session_spend with its primary key and the zeros a
    session export wrote for unused channels. Afterwards: no key, every row with a figure kept, the
    sessions' spend unchanged."""
    with db.connection(db_path) as con:
        _session(con, "s1", "a", "2026-01-01 10:00", gmv=100.0)
        con.execute("DROP TABLE session_spend")
        con.execute(
            "CREATE TABLE session_spend (session_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, "
            "export_spend DOUBLE, report_spend DOUBLE, report_ad_gmv DOUBLE, PRIMARY KEY (session_id, channel))"
        )
        con.execute(
            "INSERT INTO session_spend VALUES ('s1', 'xiaodiantong', 300, NULL, NULL), "
            "('s1', 'jinniu', 0, NULL, NULL), ('s1', 'fentiao', 0, 40, 90), ('s1', 'douplus', NULL, NULL, 5)"
        )
        con.execute("DELETE FROM schema_version WHERE version > 1")
    with db.connection(db_path) as con:
        assert db.schema_version(con) == db.latest_schema_version() >= 2
        keys = con.execute(
            "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'session_spend' "
            "AND constraint_type = 'PRIMARY KEY'"
        ).fetchone()
        rows = con.execute("SELECT * FROM session_spend ORDER BY channel").fetchall()
        total = con.execute("SELECT total_spend FROM session_metrics WHERE session_id = 's1'").fetchone()
    assert keys == (0,)
    assert rows == [
        ("s1", "douplus", None, None, 5.0),
        ("s1", "fentiao", 0.0, 40.0, 90.0),
        ("s1", "xiaodiantong", 300.0, None, None),
    ]
    assert total == (340.0,)


_VERSION_7_SESSIONS = (
    "CREATE TABLE sessions (session_id VARCHAR PRIMARY KEY, account VARCHAR NOT NULL, "
    "started_at TIMESTAMP NOT NULL, ended_at TIMESTAMP, duration_min DOUBLE, shift VARCHAR, impressions BIGINT, "
    "viewers BIGINT, views BIGINT, peak_online BIGINT, avg_watch_s DOUBLE, new_followers BIGINT, "
    "product_impressions BIGINT, product_clicks BIGINT, orders BIGINT, buyers BIGINT, gmv DOUBLE, "
    "refunds DOUBLE, ad_gmv DOUBLE, import_id BIGINT, updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp, "
    "row_hash UBIGINT, anchor_id VARCHAR, net_gmv DOUBLE, followers_lost BIGINT, followers_total BIGINT, "
    "fans_gmv DOUBLE, fans_buyers BIGINT)"
)


def test_a_version_7_file_loses_the_sessions_primary_key_and_keeps_every_session(db_path: Path) -> None:
    """Migration 008 on a file as version 7 left it: sessions with its primary key. Afterwards: no key,
    every row and column as it was (in the same column order), NOT NULL and the updated_at default kept."""
    with db.connection(db_path) as con:
        con.execute("DROP TABLE sessions")
        con.execute(_VERSION_7_SESSIONS)
        _session(con, "s2", "b", "2026-01-02 10:00", gmv=250.5, fans_gmv=40.0, followers_total=1200)
        _session(con, "s1", "a", "2026-01-01 10:00", gmv=100.0, anchor_id=None, net_gmv=90.0)
        before = con.execute("SELECT * FROM sessions ORDER BY session_id").fetchall()
        columns = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'sessions' ORDER BY ordinal_position"
        ).fetchall()
        con.execute("DELETE FROM schema_version WHERE version > 7")
    with db.connection(db_path) as con:
        assert db.schema_version(con) == db.latest_schema_version() >= 8
        keys = con.execute(
            "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'sessions' "
            "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
        ).fetchone()
        after = con.execute("SELECT * FROM sessions ORDER BY session_id").fetchall()
        columns_after = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'sessions' ORDER BY ordinal_position"
        ).fetchall()
        with pytest.raises(duckdb.ConstraintException):
            con.execute(
                "INSERT INTO sessions (session_id, account) VALUES ('s3', 'a')"
            )  # started_at NOT NULL
        con.execute(
            "INSERT INTO sessions (session_id, account, started_at) VALUES ('s4', 'a', '2026-01-04 10:00')"
        )
        stamped = con.execute(
            "SELECT updated_at IS NOT NULL FROM sessions WHERE session_id = 's4'"
        ).fetchone()
        gmv = con.execute("SELECT session_id, gmv FROM session_metrics ORDER BY 1").fetchall()
    assert keys == (0,)
    assert after == before and len(after) == 2
    assert columns_after == columns
    assert stamped == (True,)
    assert gmv == [("s1", 100.0), ("s2", 250.5), ("s4", None)]


def test_database_from_newer_liveroi_is_refused(db_path: Path) -> None:
    with db.connection(db_path) as con:
        con.execute("INSERT INTO schema_version (version) VALUES (999)")
    with pytest.raises(db.DatabaseError, match="newer"):
        db.connect(db_path)


def test_session_metrics_ratios_and_zero_denominators(con: duckdb.DuckDBPyConnection) -> None:
    _session(
        con,
        "s1",
        "a",
        "2026-03-01 19:00",
        gmv=12000.0,
        refunds=1200.0,
        viewers=4000,
        views=6000,
        buyers=80,
        new_followers=150,
        duration_min=180.0,
    )
    _session(con, "s2", "a", "2026-03-02 19:00", gmv=500.0, viewers=0, buyers=0, new_followers=0)
    con.execute(
        "INSERT INTO session_spend VALUES ('s1', 'xiaodiantong', 3000, NULL, NULL),"
        " ('s1', '磁力新工具', 1000, NULL, NULL), ('s1', 'fentiao', 999, 1000, 700)"
    )
    rows = con.execute("SELECT * FROM session_metrics ORDER BY session_id").df()
    s1, s2 = rows.iloc[0], rows.iloc[1]
    assert s1.total_spend == 5000  # report spend (1000) wins over export (999) for fentiao
    assert s1.spend_other == 1000 and s1.spend_fentiao == 1000
    assert s1.ad_gmv == 700
    assert math.isclose(s1.roi, 12000 / 5000)
    assert math.isclose(s1.net_roi, 10800 / 5000)
    assert math.isclose(s1.cost_per_follower, 5000 / 150)
    assert math.isclose(s1.conversion_rate, 80 / 4000)
    assert math.isclose(s1.gpm, 12000 / 6000 * 1000)
    assert str(s1.ended_at) == "2026-03-01 22:00:00"
    # zero spend, zero viewers, zero followers: missing, never inf or 0
    for column in ("roi", "net_roi", "cost_per_follower", "conversion_rate", "uv_value", "aov"):
        assert s2[column] is None or math.isnan(s2[column]), column
    assert s2.total_spend == 0


def test_daily_metrics_keep_unattributed_spend(con: duckdb.DuckDBPyConnection) -> None:
    _session(con, "s1", "a", "2026-03-01 19:00", gmv=1000.0)
    con.execute("INSERT INTO session_spend VALUES ('s1', 'jinniu', 400, NULL, NULL)")
    con.execute(
        "INSERT INTO ad_spend (account, channel, period_start, period_end, spend)"
        " VALUES ('a', 'jinniu', '2026-03-01 08:00', '2026-03-01 09:00', 100),"
        " ('a', 'qianchuan', '2026-03-05 08:00', '2026-03-05 09:00', 60)"
    )
    daily = con.execute("SELECT * FROM daily_metrics ORDER BY day").df()
    assert list(daily.total_spend) == [500, 60]
    assert list(daily.unattributed_spend) == [100, 60]
    assert daily.iloc[0].spend_jinniu == 500 and daily.iloc[1].spend_qianchuan == 60
    assert math.isclose(daily.iloc[0].roi, 1000 / 500)
    assert daily.iloc[1].sessions == 0


def test_settings_defaults_overrides_and_breakeven(con: duckdb.DuckDBPyConnection) -> None:
    _session(con, "s1", "a", "2026-03-01 19:00", gmv=1000.0, refunds=100.0)
    loaded = settings.load(con, "a")
    assert loaded.gross_margin == 0.5 and math.isclose(loaded.refund_rate, 0.1)
    assert math.isclose(loaded.breakeven_roi, 1 / (0.5 * 0.9))
    settings.save(con, settings.AccountSettings("a", gross_margin=0.4, target_roi=3.0), refund_rate_set=False)
    again = settings.load(con, "a")
    assert again.gross_margin == 0.4 and again.target_roi == 3.0 and math.isclose(again.refund_rate, 0.1)
    assert again.with_overrides(max_change=0.2, budget_cap=None).max_change == 0.2
    with pytest.raises(settings.SettingsError) as err:
        settings.save(con, settings.AccountSettings("a", gross_margin=1.5))
    assert err.value.field == "gross_margin"


def test_writer_meets_lock_then_reports_busy(db_path: Path) -> None:
    import subprocess
    import sys
    import time

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
            " print('locked', flush=True); time.sleep(30)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(db.DatabaseBusy, match="busy"):
            db.connect(db_path, busy_timeout=0.6)
        assert 0.5 <= time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()


def test_foreign_file_gets_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-db.duckdb"
    bogus.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(db.DatabaseError, match="restore"):
        db.connect(bogus)


def test_connections_never_draw_a_progress_bar(db_path: Path) -> None:
    # DuckDB prints its progress bar on stdout for long statements: that would corrupt the CLI's JSON.
    with db.connection(db_path) as con:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    with db.connection(db_path, read_only=True) as con:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    memory = db.memory_connection()
    assert memory.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    memory.close()


@pytest.mark.backends  # a lake's MERGE INTO version of the upsert
def test_saving_a_form_keeps_inherited_values_inherited(con: duckdb.DuckDBPyConnection) -> None:
    _session(con, "s1", "a", "2026-03-01 19:00", gmv=1000.0, refunds=200.0)
    shown = settings.load(con, "a")  # what the Settings form shows: defaults merged in
    settings.save(con, shown.with_overrides(target_roi=3.0))  # the user changed only the target
    assert settings.load_stored(con, "a") == {
        "gross_margin": None,
        "refund_rate": None,
        "target_roi": 3.0,
        "budget_cap": None,
        "max_change": None,
        "follower_value": None,
        "min_roi": None,
        "followers_before": None,
    }
    # a later change of the defaults still reaches the account
    settings.save(con, settings.AccountSettings("*", gross_margin=0.4, max_change=0.2), refund_rate_set=False)
    now = settings.load(con, "a")
    assert now.gross_margin == 0.4 and now.max_change == 0.2 and now.target_roi == 3.0
    assert math.isclose(now.refund_rate, 0.2)  # still estimated from history
    # a value the user really changes is stored as the account's own
    settings.save(con, now.with_overrides(gross_margin=0.6))
    assert settings.load_stored(con, "a")["gross_margin"] == 0.6


def test_views_are_rebuilt_when_views_sql_changes(db_path: Path) -> None:
    with db.connection(db_path) as con:
        con.execute("DROP VIEW daily_metrics")  # stands in for a view built from an older views.sql
        con.execute("UPDATE schema_meta SET value = 'sha of an older views.sql' WHERE key = 'views_sha256'")
    with db.connection(db_path) as con:
        assert con.execute("SELECT count(*) FROM daily_metrics").fetchone() == (0,)
        stored = con.execute("SELECT value FROM schema_meta WHERE key = 'views_sha256'").fetchone()
    assert stored is not None and len(stored[0]) == 64 and stored[0] != "sha of an older views.sql"


def test_session_metrics_sums_only_its_own_spend_under_filters(con: duckdb.DuckDBPyConnection) -> None:
    # the LATERAL spend pivot must give each session its own channels, also when a filter picks one
    _session(con, "a1", "a", "2026-03-01 10:00", gmv=900.0)
    _session(con, "b1", "b", "2026-03-01 10:00", gmv=500.0)
    _session(con, "a2", "a", "2026-03-02 10:00", gmv=100.0)
    con.execute(
        "INSERT INTO session_spend VALUES ('a1', 'jinniu', 300, NULL, NULL), ('a1', 'xiaodiantong', 100, NULL, NULL),"
        " ('b1', 'jinniu', 50, NULL, 20), ('a2', 'douplus', 7, NULL, NULL)"
    )
    one = con.execute(
        "SELECT session_id, total_spend, spend_jinniu, spend_douplus, ad_gmv, roi FROM session_metrics"
        " WHERE account = 'a' AND day = DATE '2026-03-01'"
    ).fetchall()
    assert one == [("a1", 400.0, 300.0, 0.0, None, 900.0 / 400.0)]
    rows = dict(con.execute("SELECT session_id, total_spend FROM session_metrics").fetchall())
    assert rows == {"a1": 400.0, "b1": 50.0, "a2": 7.0}
    assert con.execute("SELECT ad_gmv FROM session_metrics WHERE session_id = 'b1'").fetchone() == (20.0,)
