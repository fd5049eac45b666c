"""End to end in headless Chromium: the Account matrix page's brand budget on a brand of known curves
(tests/brand_fixtures.py). The section renders in both languages without an exception, the callout
names the starved account, typing a budget re-splits it (the summary says the new budget and an
allocation within it) and the bubble chart draws marginal ROI with its bands. Screenshots go to
``artifacts/screenshots/`` (git-ignored)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from liveroi import db, formatting
from liveroi.i18n import t
from tests.brand_fixtures import family_accounts, write_brand
from tests.browser_support import TIMEOUT_MS, chromium, streamlit_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PERIOD = "from=2026-01-11&to=2026-02-09"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("e2e_brand") / "liveroi.duckdb"
    with db.connection(path):
        pass
    write_brand(path)
    with streamlit_server(path, tmp_path_factory.getbasetemp() / "streamlit_brand.log") as (url, _process):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as launched:
        yield launched


def _settled(page) -> None:
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT_MS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_brand_budget_on_the_matrix_page(server: str, browser, lang: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1440, "height": 2200})
    page = context.new_page()
    try:
        page.goto(f"{server}/matrix?lang={lang}&{PERIOD}", timeout=TIMEOUT_MS)
        page.get_by_role("heading", name=t("brand.page.title", lang)).wait_for(timeout=TIMEOUT_MS)
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=TIMEOUT_MS
        )
        _settled(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        callout = page.locator('[data-testid="stAlertContentSuccess"]').inner_text()
        assert "starved" in callout and "saturated" not in callout
        # marginal ROI bubbles with their bands (WebGL: read the trace the browser drew from)
        drawn = page.evaluate(
            "() => { const d = document.querySelector('.js-plotly-plot')._fullData[0];"
            " const up = Array.from(d.error_y.array), down = Array.from(d.error_y.arrayminus);"
            " return [Array.from(d.y).length, up.filter((e, i) => e > 0 && down[i] > 0).length]; }"
        )
        assert drawn == [4, 4]  # four accounts with a curve (the new one has none yet), each a band
        assert page.locator(".js-plotly-plot .ytitle").text_content() == t("metric.marginal_roi", lang)
        field = page.get_by_role("spinbutton", name=t("brand.page.budget", lang), exact=True)
        # the default: the accounts' latest sessions, every one at its scenario's starting spend
        assert float(field.input_value()) == sum(sum(a.start_spend.values()) for a in family_accounts())
        field.fill("55000")
        field.press("Enter")
        wanted = formatting.money(55_000, lang)
        summary = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=wanted)
        summary.first.wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        text = summary.first.inner_text()
        allocated = re.search(r"(?:allocated|已分配) (¥[\d,.]+万?)", text)
        assert allocated, text
        amount = allocated[1]
        value = float(re.sub(r"[^\d.]", "", amount)) * (1e4 if amount.endswith("万") else 1)
        assert value <= 55_000
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=str(SCREENSHOTS / f"matrix_brand_{lang}.png"), full_page=True)
    finally:
        context.close()
