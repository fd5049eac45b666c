"""What the browser tests share: ``streamlit run dashboard.py`` on a free loopback port (waited for on
its health endpoint, always stopped), and how to launch Debian's Chromium headless with Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from liveroi import db

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Playwright cannot download its own browser here (see Makefile: browser)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 30_000


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, deadline_s: float = 45.0) -> None:
    """Return once Streamlit's health endpoint answers 200; raise if the server exits or time runs out."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)  # polling the health endpoint: the condition, bounded by the deadline
    raise TimeoutError("streamlit did not become healthy")


@contextmanager
def streamlit_server(
    db_path: Path, log_path: Path, env: Mapping[str, str] | None = None, options: Sequence[str] = ()
) -> Iterator[tuple[str, subprocess.Popen]]:
    """``streamlit run dashboard.py`` on the database at ``db_path``, bound to 127.0.0.1 only, with its
    output in ``log_path`` and extra ``options`` (e.g. ``--secrets.files PATH``); yields (base URL,
    process) once healthy and always stops it."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--client.showErrorDetails", "full", *options,
    ]  # fmt: skip
    with started(command, {**os.environ, **(env or {}), db.ENV_DB: str(db_path)}, log_path) as process:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process)
        yield url, process


@contextmanager
def started(
    command: Sequence[str], env: Mapping[str, str], log: Path, cwd: Path = ROOT
) -> Iterator[subprocess.Popen]:
    """Run a server command with its output in ``log``; always stopped at the end (terminate, then kill
    after 10 s)."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)


def launch_options() -> dict[str, object]:
    """Keyword arguments for ``playwright.chromium.launch`` (sync or async API)."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, through Playwright's sync API; closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()
