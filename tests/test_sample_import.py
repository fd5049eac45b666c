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
    assert sorted(f["file"] for f in summary["files"]) == sorted(p.name for p in sample.sample_export_paths())

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


def test_the_cold_start_account_carries_its_follower_stock_and_a_measured_follower_value(
    db_path: Path,
) -> None:
    """粉丝总数 and 粉丝成交金额 come in for the cold-start account only (its carry-over model), and the
    follower value the advisor uses there is measured, equal to m · p · L(c) from the generator's truth:
    p = Σ fans' GMV / Σ stock at the start, c the model's 0.4 % churn per session."""
    from liveroi.advisor import recommend_account
    from liveroi.sample.profiles import COLD_START

    sample.load_sample_exports(db_path)
    brand = sample.generate_brand()
    carried = _frame(
        db_path,
        "SELECT account, count(followers_total) AS stock, count(fans_gmv) AS fans, count(*) AS n"
        " FROM session_metrics GROUP BY account",
    ).set_index("account")
    assert (carried.loc[COLD_START.account, ["stock", "fans"]] == carried.loc[COLD_START.account, "n"]).all()
    assert (carried.drop(COLD_START.account)[["stock", "fans"]] == 0).all().all()

    truth = brand.truth[brand.truth["account"] == COLD_START.account]
    cold = brand.sessions[brand.sessions["account"] == COLD_START.account]
    per_session = cold["fans_gmv"].astype(float).sum() / truth["followers_start"].sum()
    churn = COLD_START.churn_per_session
    lifetime = sum((1 - churn) ** k for k in range(1, 181))
    margin = 0.5 * (1 - cold["refunds"].sum() / cold["gmv"].sum())  # default margin, refunds from history
    with db.connection(db_path, read_only=True) as con:
        rec = recommend_account(con, COLD_START.account, lang="en")
    measure = rec.economics.follower_value_measure
    assert measure is not None and measure.source == "fans_gmv" and measure.stock == "followers_total"
    assert measure.churn == pytest.approx(churn, rel=0.05)
    assert rec.economics.follower_value == pytest.approx(margin * per_session * lifetime, rel=0.05)
    assert "from this account's history a new follower is worth" in rec.reason
    # the follower tool is raised, and the reason says why in followers
    assert rec.suggested["fentiao"] > rec.current["fentiao"]
    assert "new followers, ¥" in rec.reason and "a follower is worth" in rec.reason
