"""First paint of the Today page in headless Chromium, and the Streamlit server's memory under the pages.

``streamlit run dashboard.py`` on a free loopback port with ``LIVEROI_DB`` set (the tests' server and
browser options, ``tests/browser_support.py``); Playwright (sync API) drives Debian's Chromium. *First paint* = from ``page.goto`` to the first KPI card or Plotly chart
visible. Cold = the first visit after the server started (empty caches); warm = a new browser context
(new session) on the same server. Every page is then visited once until the app is idle, counting the
websocket bytes the browser receives per page, and the server's VmHWM is read from /proc.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.timing import Measurement, vm_hwm_bytes
from liveroi import db
from tests.browser_support import launch_options, streamlit_server

# url path of each page (dashboard.PAGES); the advisor page only when it exists
URL_PATHS = {
    "today": "",
    "trends": "trends",
    "sessions": "sessions",
    "matrix": "matrix",
    "advisor": "advisor",
    "import": "import",
    "settings": "settings",
}
FIRST_PAINT = '[data-testid="stMetric"], .js-plotly-plot .main-svg'
# the app root says when the script run finished ('initial' → 'running' → 'notRunning')
SCRIPT_DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 120_000


def _visit(browser: Any, url: str, paint_selector: str | None) -> tuple[float | None, int, bool]:
    """Open ``url`` in a new context: (seconds to the first paint, websocket bytes received until idle,
    whether an exception element showed)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1600}, locale="zh-CN")
    received = [0]

    def on_websocket(ws: Any) -> None:
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    page = context.new_page()
    page.on("websocket", on_websocket)
    try:
        started = time.perf_counter()
        page.goto(url, timeout=TIMEOUT_MS)
        painted = None
        if paint_selector:
            page.locator(paint_selector).first.wait_for(state="visible", timeout=TIMEOUT_MS)
            painted = time.perf_counter() - started
        page.locator("h1").first.wait_for(timeout=TIMEOUT_MS)
        page.locator(SCRIPT_DONE).wait_for(state="attached", timeout=TIMEOUT_MS)
        failed = page.locator('[data-testid="stException"]').count() > 0
        return painted, received[0], failed
    finally:
        context.close()


def run(db_path: Path, runs: int, work_dir: Path) -> dict[str, Any]:
    """Cold and warm first paint of Today, websocket bytes per page, the server's peak RSS."""
    from playwright.sync_api import sync_playwright

    work_dir.mkdir(parents=True, exist_ok=True)
    pages = [p.stem for p in (Path(db.ROOT) / "pages").glob("*.py") if p.stem in URL_PATHS]
    pages.sort(key=list(URL_PATHS).index)
    cold, warm, per_page, hwm = [], [], {}, 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            for attempt in range(max(1, runs)):
                with streamlit_server(db_path, work_dir / "streamlit.log") as (url, process):
                    painted, _, _ = _visit(browser, f"{url}/?lang=zh", FIRST_PAINT)
                    cold.append(painted)
                    painted, _, _ = _visit(browser, f"{url}/?lang=zh", FIRST_PAINT)
                    warm.append(painted)
                    if attempt == 0:  # once: every page, for bytes received and the server's memory
                        for name in pages:
                            _, received, failed = _visit(browser, f"{url}/{URL_PATHS[name]}?lang=zh", None)
                            per_page[name] = {"ws_bytes": received, "exception": failed}
                        hwm = vm_hwm_bytes(process.pid)
        finally:
            browser.close()
    return {
        "first_paint_cold": Measurement(cold).to_json(),
        "first_paint_warm": Measurement(warm).to_json(),
        "pages": per_page,
        "server_peak_rss_bytes": hwm,
    }
