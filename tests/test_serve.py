"""Loopback by default: a real dashboard server, started the ways people start it, listens beyond this
machine only with a sign-in configured.

Where the server listens is read from the kernel (``/proc/net/tcp``, ``/proc/net/tcp6``: every socket in
LISTEN state on the test's port), and a TCP connect to one of this machine's own non-loopback addresses
(from ``/proc/net/fib_trie``) must be refused — that traffic stays inside the machine. Secrets always
come from a file in the test's temp directory (``--secrets.files``), so a developer's own
``.streamlit/secrets.toml`` changes nothing here.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from liveroi import db
from liveroi.i18n import t
from liveroi.passwords import hash_password
from liveroi.ui import serve
from tests.browser_support import free_port, launch_options, started, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
START_S = 45.0


def listening(port: int) -> set[str]:
    """Local addresses of every TCP socket in LISTEN state on ``port``, read from the kernel."""
    found: set[str] = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            address_hex, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:
                continue
            raw = bytes.fromhex(address_hex)
            # the kernel prints each 32-bit word in host (little-endian) order
            packed = b"".join(raw[i : i + 4][::-1] for i in range(0, width // 2, 4))
            found.add(str(ipaddress.ip_address(packed)))
    return found


def own_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (kernel's local routes; no tool, no traffic)."""
    found: list[str] = []
    previous = ""
    try:
        lines = Path("/proc/net/fib_trie").read_text().splitlines()
    except FileNotFoundError:
        return found
    for line in lines:
        text = line.strip()
        if text.startswith("/32 host LOCAL") and previous:
            address = ipaddress.ip_address(previous)
            if not address.is_loopback and str(address) not in found:
                found.append(str(address))
        previous = text.split()[-1] if text.startswith(("|--", "+--")) else ""
    return found


def reachable(host: str, port: int) -> bool:
    """Whether a TCP connect to ``host:port`` is accepted."""
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def only_loopback(addresses: set[str]) -> bool:
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


@pytest.fixture
def no_sign_in(tmp_path: Path) -> Path:
    """A secrets file with no sign-in in it."""
    path = tmp_path / "secrets.toml"
    path.write_text("# no [auth], no [liveroi.users]\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sign_in(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A secrets file with a password sign-in (one operator)."""
    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    line = f'"ops" = {{ password_hash = "{hash_password("a long test password")}", role = "operator" }}'
    path.write_text(f"[liveroi.users]\n{line}\n", encoding="utf-8")
    return path


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "liveroi.duckdb"
    with db.connection(path):
        pass
    return path


def _env(database: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("STREAMLIT_")}
    return {**env, db.ENV_DB: str(database), "LIVEROI_LANG": "en", **(extra or {})}


def _launcher(port: int, secrets: Path, *flags: str) -> list[str]:
    return [
        sys.executable, "-m", "liveroi.ui.serve", "--server.headless", "true", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets), *flags,
    ]  # fmt: skip


# --- the rule ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("unix:///tmp/liveroi.sock", True),
        (None, False),
        ("", False),
        ("0.0.0.0", False),
        ("::", False),
        ("192.0.2.2", False),
        ("10.1.2.3", False),
        ("dashboard.brand.internal", False),  # a name is never looked up, so never trusted
    ],
)
def test_which_addresses_are_loopback(address: str | None, loopback: bool) -> None:
    assert serve.is_loopback(address) is loopback


def test_refusal_needs_both_a_public_address_and_no_sign_in() -> None:
    password = {"liveroi": {"users": {"ops": {"password_hash": "x", "role": "operator"}}}}
    oidc = {"auth": {"client_id": "x"}}
    assert serve.refusal("127.0.0.1", {}, "en") is None
    assert serve.refusal("0.0.0.0", password, "en") is None
    assert serve.refusal(None, oidc, "en") is None
    line = serve.refusal(None, {"liveroi": {"default_role": "viewer"}}, "en")  # settings, no sign-in
    assert line == t("serve.refused", "en", address="0.0.0.0")
    assert "\n" not in line and "secrets.toml" in line and "secrets.example.toml" in line
    assert "secrets.toml" in (serve.refusal("::", {}, "zh") or "")


# --- real servers --------------------------------------------------------------------------------------
def test_default_listens_on_loopback_only(tmp_path: Path, database: Path, no_sign_in: Path) -> None:
    """``make run``'s command with no HOST: bound to 127.0.0.1, unreachable on the machine's own address."""
    port = free_port()
    with started(_launcher(port, no_sign_in), _env(database), tmp_path / "log") as process:
        wait_healthy(f"http://127.0.0.1:{port}", process, START_S)
        addresses = listening(port)
        assert only_loopback(addresses), addresses
        for address in own_addresses():
            assert not reachable(address, port), address


def test_streamlit_run_by_hand_from_elsewhere_is_loopback(
    tmp_path: Path, database: Path, no_sign_in: Path
) -> None:
    """``streamlit run /path/dashboard.py`` from another directory still reads the dashboard's
    ``.streamlit/config.toml`` (address 127.0.0.1)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
        "--server.port", str(port), "--secrets.files", str(no_sign_in),
    ]  # fmt: skip
    with started(command, _env(database), tmp_path / "log", cwd=tmp_path) as process:
        wait_healthy(f"http://127.0.0.1:{port}", process, START_S)
        assert only_loopback(listening(port)), listening(port)


@pytest.mark.parametrize(
    ("flags", "env"),
    [
        (("--server.address", "0.0.0.0"), {}),  # make run HOST=0.0.0.0
        ((), {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0"}),
        (("--server.address", "::"), {}),
        (("--server.address", "own"), {}),  # this machine's network address
    ],
    ids=["flag", "env", "ipv6-any", "interface"],
)
def test_public_address_without_sign_in_is_refused_before_listening(
    tmp_path: Path, database: Path, no_sign_in: Path, flags: tuple[str, ...], env: dict[str, str]
) -> None:
    if "own" in flags:
        own = own_addresses()
        if not own:
            pytest.skip("this machine has no non-loopback IPv4 address")
        flags = ("--server.address", own[0])
    port = free_port()
    with started(_launcher(port, no_sign_in, *flags), _env(database, env), tmp_path / "log") as process:
        deadline = time.monotonic() + START_S
        while process.poll() is None and time.monotonic() < deadline:
            assert not listening(port)  # nothing bound while it decides
            time.sleep(0.05)  # polling the process's exit, bounded by the deadline
        assert process.returncode == serve.EXIT_REFUSED
    assert not listening(port)
    output = (tmp_path / "log").read_text(encoding="utf-8").strip().splitlines()
    address = flags[1] if flags else env["STREAMLIT_SERVER_ADDRESS"]
    assert output == [f"liveroi: {t('serve.refused', 'en', address=address)}"]


def test_public_address_with_sign_in_is_served(tmp_path: Path, database: Path, sign_in: Path) -> None:
    own = own_addresses()
    port = free_port()
    with started(
        _launcher(port, sign_in, "--server.address", "0.0.0.0"), _env(database), tmp_path / "log"
    ) as p:
        wait_healthy(f"http://127.0.0.1:{port}", p, START_S)
        assert listening(port) == {"0.0.0.0"}
        for address in own:
            with urllib.request.urlopen(f"http://{address}:{port}/_stcore/health", timeout=5) as response:
                assert response.status == 200


def test_make_run_host_goes_through_the_launcher() -> None:
    """``make run HOST=…`` passes the address to liveroi.ui.serve (which refuses it without a sign-in)."""
    dry = subprocess.run(
        ["make", "-n", "run", "HOST=0.0.0.0", "PORT=8600"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(x for x in dry.stdout.splitlines() if "liveroi.ui.serve" in x)
    assert "--server.port 8600 --server.address 0.0.0.0" in line
    plain = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True)
    line = next(x for x in plain.stdout.splitlines() if "liveroi.ui.serve" in x)
    assert "--server.address" not in line  # .streamlit/config.toml's 127.0.0.1 applies


@pytest.mark.browser
def test_streamlit_run_by_hand_on_a_public_address_stops_at_first_request(
    tmp_path: Path, database: Path, no_sign_in: Path
) -> None:
    """``STREAMLIT_SERVER_ADDRESS=0.0.0.0 streamlit run dashboard.py`` bypasses the launcher; the first
    page load shows the refusal instead of the app, and the server stops itself."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
        "--server.port", str(port), "--secrets.files", str(no_sign_in),
    ]  # fmt: skip
    env = _env(database, {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0"})
    with started(command, env, tmp_path / "log") as process:
        wait_healthy(f"http://127.0.0.1:{port}", process, START_S)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            try:
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/?lang=en", timeout=30_000)
                process.wait(timeout=30)
                body = page.inner_text("body")
            finally:
                browser.close()
        assert process.returncode == 0  # Streamlit's own graceful stop
    assert not listening(port)
    log = (tmp_path / "log").read_text(encoding="utf-8")
    assert f"liveroi: {t('serve.refused', 'en', address='0.0.0.0')}" in log
    assert t("page.today", "zh") not in body  # no page of the app was drawn
