"""The value parser (queries/import/macros/*.sql) through its small Python wrappers."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from liveroi.importer.values import parse_numbers, parse_rates, parse_seconds, parse_timestamps


def test_numbers_as_the_back_ends_write_them() -> None:
    texts = ["1.2万", "3.4亿", "￥12,345.60", "¥12345", "12,345", " 7 ", "1.5w", "12.3万元", "0", "+5", "-3"]
    assert parse_numbers(texts) == [
        12000.0,
        340000000.0,
        12345.6,
        12345.0,
        12345.0,
        7.0,
        15000.0,
        123000.0,
        0.0,
        5.0,
        -3.0,
    ]


def test_missing_markers_and_garbage_are_none() -> None:
    texts = ["", "-", "--", "—", "暂无", "N/A", None, "abc", "12.3%", "inf", "nan", "1,2x", "万"]
    assert parse_numbers(texts) == [None] * len(texts)


def test_rates_read_percent_signs() -> None:
    got = parse_rates(["12.3%", "0.5", "100%", "x%", "-"])
    assert math.isclose(got[0], 0.123) and got[1] == 0.5 and math.isclose(got[2], 1.0)
    assert got[3:] == [None, None]


def test_durations() -> None:
    texts = ["3小时12分5秒", "192:05", "1分23秒", "3:12:05", "12分钟", "2小时", "1h2m3s", "90", "abc", "-"]
    assert parse_seconds(texts, 60) == [11525, 11525, 83, 11525, 720, 7200, 3723, 5400, None, None]
    assert parse_seconds(["90", "1:23"], 1) == [90, 83]


def test_timestamps() -> None:
    texts = [
        "2026/1/3 9:33:16",
        "2026-01-03 09:33",
        "2026-01-03",
        "2026年1月3日 9:33",
        "2026-01-03T09:33:16",
        "46025.4",  # Excel serial: 1899-12-30 + 46025.4 days
        "1767404596000",  # epoch ms (UTC) → Beijing
        "2026-13-01",
        "12",
        "1900-01-01",
        "暂无",
    ]
    expected = [
        dt.datetime(2026, 1, 3, 9, 33, 16),
        dt.datetime(2026, 1, 3, 9, 33),
        dt.datetime(2026, 1, 3),
        dt.datetime(2026, 1, 3, 9, 33),
        dt.datetime(2026, 1, 3, 9, 33, 16),
        dt.datetime(1899, 12, 30) + dt.timedelta(days=46025.4),
        dt.datetime.fromtimestamp(1767404596, dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=8),
        None,
        None,
        None,
        None,
    ]
    assert parse_timestamps(texts) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=40))
def test_parsers_never_raise_on_any_text(texts: list[str]) -> None:
    for parse in (parse_numbers, parse_rates, parse_timestamps):
        assert len(parse(texts)) == len(texts)
    assert len(parse_seconds(texts, 60)) == len(texts)


def _wan(value: float) -> str:
    return f"{value / 10_000:.4f}万"


def _yuan(value: float) -> str:
    return f"¥{value:,.2f}"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=30))
def test_formatted_numbers_round_trip(cents: list[int]) -> None:
    values = [c / 100 for c in cents]
    assert parse_numbers([_yuan(v) for v in values]) == [round(v, 2) for v in values]
    assert parse_numbers([f"{round(v):,}" for v in values]) == [float(round(v)) for v in values]
    wan = parse_numbers([_wan(v) for v in values])
    assert all(
        math.isclose(w, round(v / 10_000, 4) * 10_000, rel_tol=1e-12)
        for w, v in zip(wan, values, strict=True)
    )
