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


def test_generic_layouts_and_refusal() -> None:
    assert layouts.recognise(["直播ID", "账号", "开播时间", "成交金额"]).name == "generic_session_export"
    assert layouts.recognise(["时间", "账号", "计划名称", "消耗"]).name == "generic_ad_report"
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
    }
    assert set(layouts.BY_NAME) == expected
    assert all(x.kind in layouts.KINDS for x in layouts.BY_NAME.values())
