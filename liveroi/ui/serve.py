"""``python -m liveroi.ui.serve [streamlit flags]`` (what ``make run`` starts): the dashboard, loopback only
unless a sign-in is configured.

With no sign-in (no ``[auth]``, no ``[liveroi.users]`` in the secrets Streamlit reads) whoever opens the
dashboard may import files and change settings, so it must not be reachable from the network: the
address Streamlit would bind (``--server.address``, ``$STREAMLIT_SERVER_ADDRESS``, ``server.address`` in a
``config.toml``; ``.streamlit/config.toml`` sets 127.0.0.1) has to be a loopback one. Anything else — an
interface address, ``0.0.0.0``, ``::``, a host name — is refused in one line before anything listens,
exit code 1. With a sign-in configured any address is served.

The check runs inside Streamlit's own start-up, after it has read its flags, environment and config
files exactly as it will serve them, and before it binds a socket: this module wraps
``streamlit.web.bootstrap.run`` and hands every argument to Streamlit's CLI unchanged.
``streamlit run dashboard.py`` started by hand reads the same ``config.toml`` (loopback); when its
address is overridden there without a sign-in, ``dashboard.py`` refuses on the first request and stops
the server (:func:`guard_running_server`).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from liveroi.i18n import normalize_language, t

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"
ENV_LANG = "LIVEROI_LANG"
LOOPBACK_NAMES = frozenset({"localhost"})
UNIX_SOCKET_PREFIX = "unix://"  # Streamlit's server.address for a Unix socket: not on the network
EXIT_REFUSED = 1


def is_loopback(address: str | None) -> bool:
    """Whether Streamlit bound to ``address`` is reachable from this machine only.

    None or "" is Streamlit's default, every interface. No name is looked up (that would be network
    traffic, and a name can point anywhere): only ``localhost``, loopback IPs (127.0.0.0/8, ::1) and Unix
    sockets count.
    """
    if not address:
        return False
    text = address.strip()
    if text.startswith(UNIX_SOCKET_PREFIX):
        return True
    if text.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(text.strip("[]")).is_loopback
    except ValueError:
        return False


def refusal(address: str | None, secrets: Mapping[str, Any], lang: str) -> str | None:
    """The one-line refusal when the dashboard would serve ``address`` without a sign-in, else None."""
    from liveroi.ui.auth import auth_mode  # Streamlit is imported only by callers that serve

    if is_loopback(address) or auth_mode(secrets) != "none":
        return None
    shown = address if address else "0.0.0.0"
    return t("serve.refused", lang, address=shown)


def _language() -> str:
    return normalize_language(os.environ.get(ENV_LANG))


def _secrets_now() -> dict[str, Any]:
    """The secrets Streamlit would serve with (``secrets.files``), read outside a script run."""
    from liveroi.ui.auth import read_secrets

    return read_secrets()


def main(argv: Sequence[str] | None = None) -> int:
    """Start ``streamlit run dashboard.py`` with ``argv`` as its flags, refusing a non-loopback address
    without a sign-in. Returns the exit code (Streamlit's own when it ran)."""
    from streamlit import config
    from streamlit.web import bootstrap, cli

    serve = bootstrap.run

    def guarded(main_script_path: str, *args: Any, **kwargs: Any) -> None:
        message = refusal(config.get_option("server.address"), _secrets_now(), _language())
        if message:
            print(f"liveroi: {message}", file=sys.stderr)
            raise SystemExit(EXIT_REFUSED)
        serve(main_script_path, *args, **kwargs)

    bootstrap.run = guarded
    try:
        cli.main(["run", str(DASHBOARD), *(sys.argv[1:] if argv is None else argv)], prog_name="streamlit")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_REFUSED)
    finally:
        bootstrap.run = serve
    return 0


def guard_running_server(secrets: Mapping[str, Any], lang: str) -> str | None:
    """In a served script run: the refusal when this server listens beyond loopback without a sign-in
    (``streamlit run dashboard.py --server.address …`` by hand). The server is then stopped — the same
    graceful stop as Ctrl-C — and the caller draws the line instead of the app. None otherwise, and
    always None outside a real server (AppTest)."""
    from streamlit import config, runtime

    if not runtime.exists() or getattr(config, "_server_mode", None) is None:
        return None  # no server bound any socket (AppTest, bare mode)
    message = refusal(config.get_option("server.address"), secrets, lang)
    if message:
        print(f"liveroi: {message}", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGTERM)  # Streamlit's own handler stops the server
    return message


if __name__ == "__main__":
    sys.exit(main())
