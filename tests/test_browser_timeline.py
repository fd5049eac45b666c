"""The session timeline chart in headless Chromium: ``streamlit run dashboard.py`` on the dashboard fixture
with a 5-minute file imported, the Sessions page drawn in a real browser, the chart's ROI line, break-even
line and cut markers rendered where the rules put them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from liveroi.i18n import t
from tests.browser_support import TIMEOUT_MS, chromium, streamlit_server
from tests.dashboard_fixtures import ACCOUNT_A
from tests.test_pages_timeline import BREAKEVEN_A, write_timeline

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("timeline_browser")
    path = base / "liveroi.duckdb"
    from liveroi import db

    with db.connection(path):
        pass
    write_timeline(path, base)
    with streamlit_server(path, base / "streamlit.log") as (url, _process):
        yield url


def test_timeline_chart_draws_roi_breakeven_and_the_cuts(server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 2400})
        page.goto(f"{server}/sessions?lang=en&account={ACCOUNT_A}", timeout=TIMEOUT_MS)
        page.get_by_role("heading", name=t("page.sessions", "en"), level=1).wait_for(timeout=TIMEOUT_MS)
        title = t("chart.timeline", "en")
        page.wait_for_function(
            """title => [...document.querySelectorAll('.js-plotly-plot')].some(
                p => p._fullLayout && p._fullLayout.title.text === title && p.calcdata)""",
            arg=title,
            timeout=TIMEOUT_MS,
        )
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT_MS)
        assert page.locator('[data-testid="stException"]').count() == 0
        drawn = page.evaluate(
            """title => {
              const gd = [...document.querySelectorAll('.js-plotly-plot')]
                .find(p => p._fullLayout && p._fullLayout.title.text === title);
              const names = gd._fullData.map(d => d.name);
              const points = gd.calcdata.map(c => c.filter(p => p.y !== undefined && !isNaN(p.y)).length);
              const roiAxis = gd._fullLayout.yaxis2;
              const cut = gd._fullData.findIndex(d => d.name === 'Cut');
              const be = gd._fullData.findIndex(d => d.name.startsWith('Break-even'));
              return {
                names, points,
                texts: [...gd.querySelectorAll('.textpoint text')].map(n => n.textContent),
                cutPixels: gd.calcdata[cut].map(p => roiAxis.l2p(p.y)),
                breakevenPixel: roiAxis.l2p(gd.calcdata[be][0].y),
                legend: [...gd.querySelectorAll('.legendtext')].map(n => n.textContent),
              };
            }""",
            title,
        )
        page.locator(".js-plotly-plot").nth(2).screenshot(path=str(SCREENSHOTS / "session_timeline_en.png"))

    by_name = dict(zip(drawn["names"], drawn["points"], strict=True))
    assert by_name["Cumulative ROI"] == 36 and by_name["Cumulative GMV"] == 36  # one point per bucket
    assert by_name["Cut"] == 3  # 19:30, 20:30, 21:30
    assert drawn["texts"].count("-20% Whole room") == 3
    # the cuts sit below the break-even line on screen (ROI 1.5 < 2.22): larger pixel y is lower
    assert all(y > drawn["breakevenPixel"] for y in drawn["cutPixels"])
    assert f"Break-even ROI {BREAKEVEN_A:.2f}" in drawn["legend"]
