"""The layout registry: each real export's verbatim header is recognised as its named layout."""

from __future__ import annotations

import pytest

from liveroi.importer import layouts
from tests import export_layouts as real

CASES = [
    (real.COMPASS_LIVE_LIST, "douyin_compass_live_list", "sessions"),
    (real.QIANCHUAN_UNI_HOURLY, "qianchuan_uni_hourly", "ad_spend"),
    (real.QIANCHUAN_SCREEN_SNAPSHOTS, "qianchuan_screen_snapshots", "snapshots"),
    (real.QIANCHUAN_MATERIAL, "qianchuan_material", "ad_spend"),
    (real.JINNIU_UNIT, "kuaishou_jinniu_unit", "ad_spend"),
    (real.JINNIU_ACCOUNT_DAILY, "kuaishou_jinniu_account_daily", "ad_spend"),
    (real.JINNIU_AGENCY_SPEND, "kuaishou_jinniu_agency_spend", "ad_spend"),
    (real.XIAODIANTONG, "kuaishou_xiaodiantong", "ad_spend"),
]


@pytest.mark.parametrize(("header", "name", "kind"), CASES, ids=[c[1] for c in CASES])
def test_verbatim_header_is_its_named_layout(header: tuple[str, ...], name: str, kind: str) -> None:
    found = layouts.recognise(list(header))
    assert found is not None and (found.name, found.kind) == (name, kind)


def test_header_order_and_spacing_do_not_matter() -> None:
    shuffled = [h.replace(" ", "\u3000") for h in reversed(real.XIAODIANTONG)]  # full-width spaces
    assert layouts.recognise(shuffled).name == "kuaishou_xiaodiantong"


def test_xiaodiantong_plan_view_without_unit_columns() -> None:
    plan_view = [h for h in real.XIAODIANTONG if not h.startswith(("广告组", "创意"))]
    assert layouts.recognise(plan_view).name == "kuaishou_xiaodiantong"


def test_generic_layouts_and_refusal() -> None:
    assert layouts.recognise(["直播ID", "账号", "开播时间", "成交金额"]).name == "generic_session_export"
    assert layouts.recognise(["时间", "账号", "计划名称", "消耗"]).name == "generic_ad_report"
    assert layouts.recognise(["时间", "账号", "在线人数", "成交金额", "消耗"]).name == "generic_timeline"
    assert layouts.recognise(["商品ID", "商品名称", "库存"]) is None


def test_workbook_by_sheets() -> None:
    sheets = [
        "基本信息",
        "整体看板",
        "流量分析-流量转化",
        "流量分析-渠道分析",
        "流量分析-短视频引流",
        "商品分析-商品明细",
    ]
    assert layouts.recognise_workbook(sheets).name == "douyin_compass_session_workbook"
    assert layouts.recognise_workbook(["Sheet1"]) is None


def test_every_name_the_issue_lists_is_registered() -> None:
    expected = {
        "douyin_compass_live_list",
        "douyin_compass_session_workbook",
        "qianchuan_uni_hourly",
        "qianchuan_screen_snapshots",
        "qianchuan_material",
        "kuaishou_jinniu_unit",
        "kuaishou_jinniu_account_daily",
        "kuaishou_jinniu_agency_spend",
        "kuaishou_xiaodiantong",
        "generic_session_export",
        "generic_ad_report",
        "qianchuan_screen_buckets",  # the session timeline (issue 15)
        "generic_timeline",
    }
    assert set(layouts.BY_NAME) == expected
    assert all(x.kind in layouts.KINDS for x in layouts.BY_NAME.values())


def test_docs_describe_every_layout() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "export-layouts.md").read_text(encoding="utf-8")
    missing = [name for name in layouts.BY_NAME if f"`{name}`" not in text]
    assert missing == []


def test_a_file_of_another_kind_is_refused_in_one_line_naming_what_was_found(tmp_path) -> None:
    from liveroi import cli
    from liveroi.importer import ImportFileError, import_files
    from tests.messy_files import csv_bytes, xlsx_bytes

    products = csv_bytes(
        ["商品ID", "商品名称", "库存", "售价"], [["1001", "保温杯", "30", "59"]], encoding="gbk"
    )
    with pytest.raises(ImportFileError) as info:
        import_files(tmp_path / "a.duckdb", [("商品.csv", products)], lang="en")
    message = info.value.message
    assert "\n" not in message
    assert "not a session list, spend report or live-screen snapshot file" in message
    assert "商品ID | 商品名称 | 库存 | 售价" in message
    book = xlsx_bytes({"库存": [["仓库", "SKU", "数量"], ["北京", "A1", 3]]})
    path = tmp_path / "库存.xlsx"
    path.write_bytes(book)
    assert cli.main(["import", str(path), "--db", str(tmp_path / "b.duckdb")]) == 1
