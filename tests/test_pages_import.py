"""The Import page: preview of what was recognised, rejected rows with reasons, confirm, history."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi import db
from liveroi.i18n import t
from tests.dashboard_fixtures import app_test, write_fixture

PAGE = "pages/import.py"
CSV = (
    "直播ID,账号,开播时间,直播时长,观看人数,涨粉数,成交人数,成交金额,小店通消耗\n"
    '9000000000000000001,丙账号,2026-11-24 19:00,3小时,1200,80,30,"¥3,600",1000\n'
    "9000000000000000002,丙账号,2026-11-23 19:00,180,1100,70,25,3000,-5\n"
    "合计,,,,2300,150,55,6600,995\n"
).encode()


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def test_preview_confirm_and_history(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE)
    assert not at.exception
    assert t("import_page.no_history", "zh") in [c.value for c in at.caption]
    at.file_uploader(key="import_uploads").set_value([("丙账号.csv", CSV, "text/csv")]).run()
    assert not at.exception
    mapping = at.dataframe[0].value
    assert dict(zip(mapping["header"], mapping["field"], strict=True))["成交金额"] == t("metric.gmv", "zh")
    assert dict(zip(mapping["header"], mapping["field"], strict=True))["小店通消耗"] == "小店通消耗"
    parsed, rejected = at.dataframe[1].value, at.dataframe[2].value
    assert len(parsed) == 1  # the negative spend is rejected, the total row skipped
    assert len(rejected) == 1 and rejected.iloc[0][t("import_page.col.row", "zh")] == 3

    at.button[0].click().run()  # confirm
    assert not at.exception
    assert any(s.value.startswith("导入完成") for s in at.success)
    with db.connection(fixture_db, read_only=True) as con:
        gmv = con.execute("SELECT gmv FROM sessions WHERE session_id = '9000000000000000001'").fetchone()
        logged = con.execute("SELECT count(*) FROM imports").fetchone()[0]
    assert gmv == (3600.0,)
    assert logged == 1
    history = at.dataframe[-2].value
    assert history[t("import_page.col.file_name", "zh")].tolist() == ["丙账号.csv"]
    # the new account shows in the sidebar on the next rerun: caches follow the data version
    assert "丙账号" in at.multiselect(key="liveroi_accounts").options


def test_unreadable_file_gets_one_clear_line(fixture_db: Path) -> None:
    at = app_test(fixture_db, PAGE, lang="en")
    at.file_uploader(key="import_uploads").set_value(
        [("junk.csv", b"\x00\x01\x02 not a table", "text/csv")]
    ).run()
    assert not at.exception
    assert len(at.error) == 1 and "\n" not in at.error[0].value
    assert not at.button  # nothing to confirm


def test_an_import_from_the_cli_shows_on_the_next_rerun(fixture_db: Path, tmp_path: Path) -> None:
    """The dashboard holds no connection between reruns: a second process can write, and the cached
    results follow the data version (file mtime/size), so no restart is needed."""
    import subprocess
    import sys

    at = app_test(fixture_db, "pages/matrix.py")
    assert set(at.dataframe[0].value["account"]) == {"甲账号", "乙账号"}
    export = tmp_path / "丙账号.csv"
    export.write_bytes(CSV)
    done = subprocess.run(
        [sys.executable, "-m", "liveroi", "import", str(export), "--db", str(fixture_db)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    at.run()
    assert not at.exception
    assert "丙账号" in set(at.dataframe[0].value["account"])


def test_a_real_report_shows_the_layout_it_was_read_as(fixture_db: Path) -> None:
    from tests import export_layouts as real
    from tests.messy_files import csv_bytes

    rows = [
        [
            {
                "日期": "2026-11-14 00:00:00",
                "组名称": f"组{u}",
                "组Id": str(100 + u),
                "计划名称": "计划",
                "计划Id": "9",
                "花费": str(10 * (u + 1)),
            }.get(h, "0")
            for h in real.JINNIU_UNIT
        ]
        for u in range(3)
    ]
    data = csv_bytes(real.JINNIU_UNIT, rows, encoding="gbk")
    at = app_test(fixture_db, PAGE)
    at.text_input[0].set_value("甲账号")
    at.file_uploader(key="import_uploads").set_value([("金牛.csv", data, "text/csv")]).run()
    assert not at.exception
    label = t("import_page.layout.kuaishou_jinniu_unit", "zh")
    assert any(label in c.value for c in at.caption)
    at.button[0].click().run()
    assert not at.exception
    files = next(
        d.value
        for d in at.dataframe
        if t("import_page.col.layout", "zh") in d.value.columns
        and t("import_page.col.file", "zh") in d.value.columns
    )
    assert files[t("import_page.col.layout", "zh")].tolist() == [label]
    assert files[t("import_page.col.inserted", "zh")].tolist() == [3]  # three units of one plan
    with db.connection(fixture_db, read_only=True) as con:
        assert con.execute("SELECT sum(spend) FROM ad_spend WHERE channel = 'jinniu'").fetchone() == (60.0,)


def test_a_compass_list_is_previewed_imported_and_its_unread_column_named(fixture_db: Path) -> None:
    from tests.messy_files import xlsx_bytes
    from tests.test_import_session_layouts import COMPASS_LIVE_LIST, LIST_SESSIONS, _list_row

    data = xlsx_bytes({"Sheet1": [list(COMPASS_LIVE_LIST), *(_list_row(**s) for s in LIST_SESSIONS)]})
    at = app_test(fixture_db, PAGE)
    at.file_uploader(key="import_uploads").set_value(
        [("直播间列表.xlsx", data, "application/octet-stream")]
    ).run()
    assert not at.exception
    mapping = at.dataframe[0].value
    fields = dict(zip(mapping["header"], mapping["field"], strict=True))
    assert fields["主播头像"] == t("import_page.unmapped", "zh")
    assert fields["净成交金额"] == t("import_page.field.net_gmv", "zh")
    assert fields["1小时退款金额"] == t("import_page.field.extra", "zh", field="refunds_1h")
    at.button[0].click().run()
    assert not at.exception
    ignored = t("import_page.ignored", "zh", file="直播间列表.xlsx", columns="主播头像")
    assert ignored in [c.value for c in at.caption]
    with db.connection(fixture_db, read_only=True) as con:
        spend = con.execute(
            "SELECT sum(export_spend) FROM session_spend JOIN sessions USING (session_id) WHERE anchor_id IS NOT NULL"
        ).fetchone()
    assert spend == (pytest.approx(24052.43 + 300.25),)
