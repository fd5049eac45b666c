"""``AppTest`` of ``dashboard.py`` as a running server executes it (tests and benchmarks share this).

A running server leaves Streamlit's legacy ``pages/`` mode for good once the first run in the process
calls ``st.navigation`` (dashboard.py does, on every run). ``AppTest`` resets that mode before *every*
run, so each of its runs would start in ``pages/`` mode: a page whose file name matches its URL then runs
straight from ``pages/`` without ``dashboard.py`` (the page sends it back through the entrypoint with a
rerun, which loses a button click). :func:`dashboard_app_test` makes every run behave like a server's
second and later requests. A cold server's first request is covered by the browser tests
(``tests/test_e2e_browser.py``, ``tests/test_auth.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

APP = Path(__file__).resolve().parent.parent / "dashboard.py"


def _leave_pages_directory_mode() -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    if getattr(app_test.PagesManager, "liveroi_server_mode", False):
        return

    class ServerModePagesManager(PagesManager):
        """Streamlit's PagesManager, out of ``pages/`` mode as a server is after its first run."""

        liveroi_server_mode = True

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = ServerModePagesManager


def dashboard_app_test(timeout_s: float = 30.0):
    """A new ``AppTest`` of dashboard.py whose runs go through it as a running server's do."""
    from streamlit.testing.v1 import AppTest

    _leave_pages_directory_mode()
    return AppTest.from_file(str(APP), default_timeout=timeout_s)
