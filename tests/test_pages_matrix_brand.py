"""The Account matrix page's brand budget (AppTest) on a brand whose true curves are known
(tests/brand_fixtures.py): the callout names accounts by marginal return, not by average ROI; the
budget input starts at the last sessions' total; the split never passes the budget; each account's
marginal ROI band is read against its own break-even; the bubble chart shows marginal ROI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liveroi import db, formatting
from liveroi.i18n import t
from tests.brand_fixtures import write_brand
from tests.dashboard_fixtures import app_test, plotly_specs, values

PAGE = "pages/matrix.py"
STEP = 0.3


@pytest.fixture
def brand_db(db_path: Path) -> Path:
    return write_brand(db_path)


def _sql(path: Path, text: str) -> list[tuple]:
    with db.connection(path, read_only=True) as con:
        return con.execute(text).fetchall()


def _latest_totals(path: Path) -> dict[str, float]:
    rows = _sql(
        path,
        "SELECT s.account, sum(p.export_spend) FROM session_spend p JOIN sessions s USING (session_id)"
        " WHERE s.started_at = (SELECT max(started_at) FROM sessions x WHERE x.account = s.account) GROUP BY 1",
    )
    return {a: float(v) for a, v in rows}


def _yuan(text: str) -> float:
    return float(re.sub(r"[^\d.]", "", text))


def _budget_input(at):
    return next(n for n in at.number_input if n.label == t("brand.page.budget", "en"))


def _brand_table(at):
    return next(d.value for d in at.dataframe if "reason" in d.value.columns).set_index("account")


def test_callout_by_marginal_return_and_the_default_budget(brand_db: Path) -> None:
    at = app_test(brand_db, PAGE, lang="en", **{"from": "2026-01-11", "to": "2026-02-09"})
    assert not at.exception
    # by average ROI over the period, the saturated account leads (its organic GMV is large) ...
    roi = dict(
        _sql(
            brand_db,
            "SELECT s.account, sum(gmv) / sum(p.spend) FROM sessions s JOIN (SELECT session_id,"
            " sum(export_spend) AS spend FROM session_spend GROUP BY 1) p USING (session_id)"
            " WHERE started_at >= '2026-01-11' GROUP BY 1",
        )
    )
    assert max(roi, key=roi.get) == "saturated"
    # ... by marginal return the starved one does (true marginal ROI 3.1 against 0.64)
    (callout,) = [s.value for s in at.success]
    prefix = t("brand.page.callout", "en", accounts="\x00").split("\x00")[0]
    assert callout.startswith(prefix + "starved (marginal ROI ")
    assert "saturated" not in callout
    latest = _latest_totals(brand_db)
    budget = _budget_input(at)
    assert budget.value == pytest.approx(round(sum(latest.values())))
    table = _brand_table(at)
    assert set(table.index) == set(latest)
    assert sum(_yuan(v) for v in table["suggested"]) <= budget.value
    for account, total in latest.items():
        assert _yuan(table.loc[account, "current"]) == pytest.approx(total, abs=0.5)
    # the marginal ROI band against each account's own break-even (2.22 = 1 / (0.5 × 0.9))
    assert table.loc["starved", "verdict"] == t("brand.page.verdict.above", "en")
    assert table.loc["saturated", "verdict"] == t("brand.page.verdict.below", "en")
    low_high = re.fullmatch(r"([\d.]+) \(([\d.]+)–([\d.]+)\)", table.loc["starved", "marginal_roi"])
    assert low_high and float(low_high[2]) > 2.22  # the whole band above break-even
    assert table.loc["new account", "marginal_roi"] == "—"
    assert "measuring" in table.loc["new account", "verdict"]
    assert "still being measured" in table.loc["new account", "reason"]


def test_a_budget_below_the_step_floors_and_a_tighter_split(brand_db: Path) -> None:
    at = app_test(brand_db, PAGE, lang="en", **{"from": "2026-01-11", "to": "2026-02-09"})
    latest = _latest_totals(brand_db)
    floors = sum(round(v * (1 - STEP)) for v in latest.values())  # whole-yuan spends in the fixture
    _budget_input(at).set_value(10_000.0).run()
    assert not at.exception
    (warning,) = [w.value for w in at.warning]
    assert formatting.money(floors, "en") in warning
    table = _brand_table(at)
    for account, total in latest.items():
        assert _yuan(table.loc[account, "suggested"]) == pytest.approx(total * (1 - STEP), abs=1.0)
    _budget_input(at).set_value(55_000.0).run()
    table = _brand_table(at)
    assert sum(_yuan(v) for v in table["suggested"]) <= 55_000
    assert not [w for w in at.warning if formatting.money(floors, "en") in w.value]
    captions = " ".join(c.value for c in at.caption)
    assert f"Budget {formatting.money(55_000, 'en')}, allocated" in captions
    # the benefit of the doubt is stated with its size, and a channel at the water level quotes both
    # its average next-yuan profit and the counted one, which is the level the caption names
    assert "average plus 0.3 standard deviations" in captions
    level = re.search(r"The brand's last yuan counts (¥[\d,.]+) of profit", captions)
    assert level
    interior = [r for r in table["reason"] if "— the same as the brand's last yuan" in r]
    assert interior
    for reason in interior:
        average, counted = re.search(r"earns (¥[\d,.]+) on average, (¥[\d,.]+) with the benefit", reason).groups()
        assert _yuan(counted) == pytest.approx(_yuan(level[1]), abs=0.05)
        assert _yuan(average) < _yuan(counted)


def test_bubble_chart_shows_marginal_roi_with_bands_and_switches_to_roi(brand_db: Path) -> None:
    at = app_test(brand_db, PAGE, lang="en", **{"from": "2026-01-11", "to": "2026-02-09"})
    (scatter,) = plotly_specs(at)
    trace = scatter["data"][0]
    table = _brand_table(at)
    fitted = [a for a in table.index if table.loc[a, "marginal_roi"] != "—"]
    shown = dict(zip(trace["text"], values(trace, "y"), strict=True))
    assert set(shown) == set(fitted)  # the new account has no curve yet: not drawn
    for account in fitted:
        assert f"{shown[account]:.2f}" == table.loc[account, "marginal_roi"].split(" ")[0]
    assert trace["error_y"]["type"] == "data"
    assert scatter["layout"]["yaxis"]["title"]["text"] == t("metric.marginal_roi", "en")
    at.segmented_control[0].set_value("roi").run()
    (scatter,) = plotly_specs(at)
    trace = scatter["data"][0]
    roi = dict(
        _sql(
            brand_db,
            "SELECT s.account, sum(gmv) / sum(p.spend) FROM sessions s JOIN (SELECT session_id,"
            " sum(export_spend) AS spend FROM session_spend GROUP BY 1) p USING (session_id)"
            " WHERE started_at >= '2026-01-11' GROUP BY 1",
        )
    )
    shown = dict(zip(trace["text"], values(trace, "y"), strict=True))
    assert shown == pytest.approx(roi, rel=1e-9)


def test_brand_section_in_chinese(brand_db: Path) -> None:
    at = app_test(brand_db, PAGE, **{"from": "2026-01-11", "to": "2026-02-09"})
    assert not at.exception
    assert t("brand.page.title", "zh") in [h.value for h in at.subheader]
    assert at.success[0].value.startswith("下一元回报最高的账号：starved")
    table = _brand_table(at)
    assert table.loc["starved", "verdict"] == "高于保本"
    assert "仍在测量中" in table.loc["new account", "reason"]
