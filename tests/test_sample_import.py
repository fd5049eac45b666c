"""The shipped sample_data/ files through the REAL importer give the same brand as the generator."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from liveroi import db, sample

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake


def _frame(path: Path, sql: str) -> pd.DataFrame:
    with db.connection(path, read_only=True) as con:
        return con.execute(sql).df()


def test_sample_exports_import_to_the_generated_brand(db_path: Path, tmp_path: Path) -> None:
    summary = sample.load_sample_exports(db_path)
    brand = sample.generate_brand()
    assert summary["rejected"] == []
    assert summary["skipped"] == 1  # the 合计 row
    assert summary["promo_days"] == len(brand.promo_days)
    assert sorted(summary["files"]) == sorted(p.name for p in sample.sample_export_paths())

    direct = tmp_path / "direct.duckdb"
    with db.connection(direct) as con:
        sample.write_to_db(con, brand)

    query = "SELECT * EXCLUDE (ended_at) FROM session_metrics ORDER BY session_id"
    imported, generated = _frame(db_path, query), _frame(direct, query)
    assert len(imported) == len(brand.sessions)
    assert imported["gmv"].sum() == pytest.approx(brand.sessions["gmv"].sum(), abs=0.01)
    assert imported["total_spend"].sum() == pytest.approx(brand.spend["spend"].sum(), abs=0.01)
    # Column by column, the import of the messy files equals the direct load (19-digit ids intact,
    # 万 counts, ￥ money, 3小时12分5秒 durations, '-' cells, shifts).
    pd.testing.assert_frame_equal(imported, generated, check_dtype=False, atol=0.005)

    daily = (
        "SELECT account, day, total_spend, unattributed_spend, gmv FROM daily_metrics ORDER BY account, day"
    )
    pd.testing.assert_frame_equal(
        _frame(db_path, daily), _frame(direct, daily), check_dtype=False, atol=0.005
    )
    warm = brand.ad_report.loc[brand.ad_report["session_id"].isna(), "spend"].sum()
    unattributed = _frame(db_path, "SELECT sum(unattributed_spend) AS s FROM daily_metrics")["s"].iloc[0]
    assert unattributed == pytest.approx(warm, abs=0.01) and warm > 0

    # Loading again changes nothing (the importer sees the same files).
    again = sample.load_sample_exports(db_path)
    assert again["inserted"] == 0 and again["rejected"] == []
    assert len(_frame(db_path, "SELECT session_id FROM sessions")) == len(brand.sessions)
