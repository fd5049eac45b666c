"""Every page on the sample brand 暖山 (3 accounts, 180 days, promo days, unattributed ad spend), in
both languages: no exception, and the Today page's figures equal sums taken from the raw tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from liveroi import db, formatting, lake, sample
from liveroi.i18n import t
from tests import lake_support
from tests.dashboard_fixtures import app_test, plotly_specs

PAGES = (
    "pages/today.py",
    "pages/trends.py",
    "pages/sessions.py",
    "pages/matrix.py",
    "pages/import.py",
    "pages/settings.py",
    "pages/advisor.py",
)


@pytest.fixture(scope="module", params=lake_support.BACKENDS)
def sample_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample brand on each back-end: a DuckDB file, DuckLake on SQLite, DuckLake on PostgreSQL."""
    folder = tmp_path_factory.mktemp("sample")
    target = lake_support.new_target(request.param, folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(lake.ENV_DATA, lake_support.data_folder(folder))
        with db.connection(target) as con:
            sample.write_to_db(con, sample.generate_brand())
    yield target
    lake.close_all()


@pytest.fixture
def sample_env(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    return sample_db


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_the_sample_brand(sample_env: Path, page: str, lang: str) -> None:
    at = app_test(sample_env, page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert at.title[0].value == t(f"page.{Path(page).stem.replace('_data', '').replace('_page', '')}", lang)


def test_today_on_the_sample_equals_the_raw_tables(sample_env: Path) -> None:
    with db.connection(sample_env, read_only=True) as con:
        day, gmv, buyers = con.execute(
            "SELECT CAST(started_at AS DATE) AS d, sum(gmv), sum(buyers) FROM sessions GROUP BY d ORDER BY d DESC LIMIT 1"
        ).fetchone()
        session_spend = con.execute(
            "SELECT sum(coalesce(report_spend, export_spend)) FROM session_spend JOIN sessions USING (session_id)"
            " WHERE CAST(started_at AS DATE) = ?",
            [day],
        ).fetchone()[0]
        unattributed = con.execute(
            "SELECT coalesce(sum(spend), 0) FROM ad_spend WHERE session_id IS NULL AND CAST(period_start AS DATE) = ?",
            [day],
        ).fetchone()[0]
    at = app_test(sample_env)
    metrics = {m.label: m.value for m in reversed(at.metric)}  # the first card of each label wins
    spend = session_spend + unattributed
    assert metrics[t("metric.gmv", "zh")] == formatting.money(gmv, "zh")
    assert metrics[t("metric.total_spend", "zh")] == formatting.money(spend, "zh")
    assert metrics[t("metric.roi", "zh")] == formatting.ratio(gmv / spend)
    assert metrics[t("metric.aov", "zh")] == formatting.money(gmv / buyers, "zh")
    (recent,) = plotly_specs(at)
    assert recent["data"][0]["type"] == "bar"
