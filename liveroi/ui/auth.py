"""Who may use the dashboard, and what they may do. Configured in ``.streamlit/secrets.toml``
(git-ignored; ``.streamlit/secrets.example.toml`` shows every option):

* **No login** (no ``[auth]``, no ``[liveroi.users]``): single-user mode, everyone may do everything, and
  the Settings page says so.
* **OIDC** (an ``[auth]`` section): Streamlit's built-in ``st.login()`` against the team's identity
  provider. Roles come from ``[liveroi.roles]`` (``"alice@brand.com" = "operator"``); a signed-in
  person who is not listed gets ``[liveroi] default_role`` — ``viewer`` unless set to ``none``, which
  turns unlisted people away (do that with a public provider such as Google). Needs Authlib installed.
* **Passwords** (``[liveroi.users]``, used when there is no ``[auth]``): a login form; each user has a
  salted PBKDF2 hash made by ``python -m liveroi hash-password`` and a role. The signed-in user is kept in
  this browser session's state (server side); a reload of the page asks again.

Actions: ``view`` (every page), ``import`` (Import page), ``settings`` (saving on the Settings page).
Roles: ``viewer`` → view; ``operator`` → view, import, settings. Pages check :func:`can` themselves
(server side), so hiding a link is never the only guard. When a login is configured and nobody is
signed in, :func:`can` is False for everything (fail closed).
"""

from __future__ import annotations

import importlib.util
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import streamlit as st

from liveroi.i18n import t
from liveroi.passwords import verify_password

Action = Literal["view", "import", "settings"]
Role = Literal["viewer", "operator"]
Mode = Literal["none", "oidc", "password"]

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"view"}),
    "operator": frozenset({"view", "import", "settings"}),
}
ROLES: tuple[str, ...] = tuple(ROLE_ACTIONS)
NO_ACCESS = "none"  # a default_role that admits nobody who is not listed in [liveroi.roles]
DEFAULT_OIDC_ROLE: Role = "viewer"

KEY_IDENTITY = "liveroi_identity"
KEY_LOGIN_FORM = "liveroi_login"
MAX_FAILURES = 5  # failed passwords per user name within FAILURE_WINDOW_S before the name is paused
FAILURE_WINDOW_S = 300.0
# Checked when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = "pbkdf2_sha256$600000$bGl2ZXJvaS1kdW1teS1zYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


@dataclass(frozen=True)
class Identity:
    """The person using this session: a login name (or e-mail) and a role."""

    name: str
    role: Role


# --- pure rules (tested without Streamlit) ------------------------------------------------------------
def auth_mode(secrets: Mapping[str, Any]) -> Mode:
    """Which login the secrets configure: ``oidc`` ([auth]), ``password`` ([liveroi.users]) or ``none``."""
    if secrets.get("auth"):
        return "oidc"
    if _section(secrets, "users"):
        return "password"
    return "none"


def _section(secrets: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    liveroi = secrets.get("liveroi")
    value = liveroi.get(name) if isinstance(liveroi, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def oidc_role(user: Mapping[str, Any], secrets: Mapping[str, Any]) -> Role | None:
    """The role of a person signed in through OIDC (``st.user``'s claims), or None when not admitted.

    ``[liveroi.roles]`` maps e-mail addresses (case-insensitive) or ``sub`` claims to roles; anyone else
    signed in gets ``[liveroi] default_role`` (``viewer`` unless configured; ``none`` admits nobody).
    A role that is neither ``viewer`` nor ``operator`` admits nobody rather than guessing.
    """
    if not user.get("is_logged_in"):
        return None
    roles = {str(key).strip().lower(): value for key, value in _section(secrets, "roles").items()}
    for claim in ("email", "sub"):
        value = user.get(claim)
        if value and str(value).strip().lower() in roles:
            role = roles[str(value).strip().lower()]
            return role if role in ROLES else None
    liveroi = secrets.get("liveroi")
    default = liveroi.get("default_role", DEFAULT_OIDC_ROLE) if isinstance(liveroi, Mapping) else None
    default = DEFAULT_OIDC_ROLE if default is None else default
    return default if default in ROLES else None


def oidc_name(user: Mapping[str, Any]) -> str:
    """How to name an OIDC user: e-mail, else name, else the subject id."""
    return str(user.get("email") or user.get("name") or user.get("sub") or "?")


def password_identity(secrets: Mapping[str, Any], name: str, password: str) -> Identity | None:
    """The identity for a user name and password checked against ``[liveroi.users]``, or None.

    A user with a malformed entry or an unknown role never signs in. An unknown name is checked against
    a dummy hash so that it takes as long as a wrong password.
    """
    entry = _section(secrets, "users").get(name.strip())
    if not isinstance(entry, Mapping):
        verify_password(password, _DUMMY_HASH)
        return None
    role = entry.get("role", "viewer")
    if not verify_password(password, str(entry.get("password_hash", ""))) or role not in ROLES:
        return None
    return Identity(name=name.strip(), role=role)


def stored_identity(secrets: Mapping[str, Any], identity: Identity | None) -> Identity | None:
    """A password session's identity re-read from the current secrets: a user removed from the file is
    signed out and a changed role applies on the next rerun."""
    if identity is None:
        return None
    entry = _section(secrets, "users").get(identity.name)
    if not isinstance(entry, Mapping) or entry.get("role", "viewer") not in ROLES:
        return None
    return Identity(name=identity.name, role=entry.get("role", "viewer"))


class LoginThrottle:
    """Failed password attempts per user name, shared by every session of the server process: after
    ``max_failures`` within ``window_s`` seconds the name is paused until the oldest one ages out."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = FAILURE_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures, self.window_s, self._clock = max_failures, window_s, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str) -> deque[float]:
        failures = self._failures.setdefault(name.strip().lower(), deque())
        while failures and self._clock() - failures[0] >= self.window_s:
            failures.popleft()
        return failures

    def wait_seconds(self, name: str) -> float:
        """Seconds until ``name`` may try again (0 when it may try now)."""
        with self._lock:
            failures = self._recent(name)
            if len(failures) < self.max_failures:
                return 0.0
            return max(0.0, self.window_s - (self._clock() - failures[0]))

    def failed(self, name: str) -> None:
        """Record a failed attempt for ``name``."""
        with self._lock:
            self._recent(name).append(self._clock())

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name`` after a successful sign-in."""
        with self._lock:
            self._failures.pop(name.strip().lower(), None)


# --- the session's view ------------------------------------------------------------------------------
def read_secrets() -> dict[str, Any]:
    """``st.secrets`` as a plain dict ({} when there is no secrets file)."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no .streamlit/secrets.toml
        return {}


@st.cache_resource(show_spinner=False)
def _throttle() -> LoginThrottle:
    return LoginThrottle()


def _user_claims() -> dict[str, Any]:
    return dict(st.user.to_dict())  # {} outside a script run


def auth_configured() -> bool:
    """Whether a login is configured (OIDC or passwords); False means single-user mode."""
    return auth_mode(read_secrets()) != "none"


def current_identity() -> Identity | None:
    """Who is signed in on this session (None: nobody, or no login configured)."""
    secrets = read_secrets()
    mode = auth_mode(secrets)
    if mode == "oidc":
        claims = _user_claims()
        role = oidc_role(claims, secrets)
        return Identity(oidc_name(claims), role) if role else None
    if mode == "password":
        return stored_identity(secrets, st.session_state.get(KEY_IDENTITY))
    return None


def current_role() -> Role | None:
    """The role of this session: ``operator`` without a login; None when a login is required and
    nobody (or nobody admitted) is signed in."""
    if not auth_configured():
        return "operator"
    identity = current_identity()
    return identity.role if identity else None


def can(action: Action) -> bool:
    """Whether the current session may perform ``action`` (checked by each page, server side)."""
    role = current_role()
    return role is not None and action in ROLE_ACTIONS[role]


# --- drawing -------------------------------------------------------------------------------------------
def _password_form(secrets: Mapping[str, Any], lang: str) -> None:
    with st.form(KEY_LOGIN_FORM, clear_on_submit=True):  # the password does not linger in the session
        name = st.text_input(t("auth.name", lang), key=f"{KEY_LOGIN_FORM}_name", autocomplete="username")
        password = st.text_input(
            t("auth.password", lang),
            type="password",
            key=f"{KEY_LOGIN_FORM}_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(
            t("auth.submit", lang), type="primary", icon=":material/login:", key=f"{KEY_LOGIN_FORM}_submit"
        )
    if not submitted:
        return
    throttle = _throttle()
    wait = throttle.wait_seconds(name)
    if wait > 0:
        st.error(t("auth.throttled", lang, minutes=max(1, round(wait / 60))), icon=":material/timer:")
        return
    identity = password_identity(secrets, name, password)
    if identity is None:
        throttle.failed(name)
        st.error(t("auth.wrong_password", lang), icon=":material/error:")
        return
    throttle.succeeded(name)
    st.session_state[KEY_IDENTITY] = identity
    st.rerun()


def _oidc_login(secrets: Mapping[str, Any], lang: str) -> None:
    claims = _user_claims()
    if claims.get("is_logged_in"):  # signed in at the provider but not admitted here
        st.error(t("auth.no_access", lang, name=oidc_name(claims)), icon=":material/block:")
        if st.button(t("auth.logout", lang), icon=":material/logout:"):
            st.logout()
        return
    if importlib.util.find_spec("authlib") is None:
        st.error(t("auth.oidc_unavailable", lang), icon=":material/error:")
        return
    section = secrets.get("auth") or {}
    providers = [key for key, value in section.items() if isinstance(value, Mapping)]
    if "client_id" in section or not providers:
        if st.button(t("auth.oidc_button", lang), type="primary", icon=":material/login:"):
            st.login()
    for provider in providers:
        label = t("auth.oidc_provider_button", lang, provider=provider)
        if st.button(label, key=f"liveroi_login_{provider}", icon=":material/login:"):
            st.login(provider)


def require_login(lang: str, url_paths: Sequence[str] = ()) -> Identity | None:
    """The signed-in identity, or None after drawing the sign-in screen (the caller then stops).

    With no login configured, returns an operator named by the single-user mode. Before signing in the
    navigation holds only the sign-in screen — under the app's own ``url_paths`` too, so a bookmarked
    page asks for the sign-in (no "page not found") and opens after it — and no page of the app, or any
    of its data, is reachable.
    """
    secrets = read_secrets()
    mode = auth_mode(secrets)
    if mode == "none":
        return Identity(name="", role="operator")
    identity = current_identity()
    if identity is not None:
        return identity

    def sign_in() -> None:
        st.title(t("auth.title", lang))
        st.caption(t("auth.prompt", lang))
        if mode == "oidc":
            _oidc_login(secrets, lang)
        else:
            _password_form(secrets, lang)

    pages = [
        st.Page(sign_in, title=t("auth.title", lang), icon=":material/lock:", url_path=url, default=not i)
        for i, url in enumerate(dict.fromkeys(["login", *(u for u in url_paths if u)]))
    ]
    st.navigation(pages, position="hidden").run()
    return None


def render_user_box(identity: Identity, lang: str) -> None:
    """In the sidebar: who is signed in, with which role, and a sign-out button (nothing without login)."""
    if not identity.name:
        return
    with st.sidebar:
        st.caption(t("auth.signed_in", lang, name=identity.name, role=t(f"auth.role.{identity.role}", lang)))
        if st.button(t("auth.logout", lang), icon=":material/logout:", key="liveroi_logout"):
            if auth_mode(read_secrets()) == "oidc":
                st.logout()
            else:
                st.session_state.pop(KEY_IDENTITY, None)
                st.rerun()
