"""Access: no login (single user), password login from secrets, OIDC role mapping; viewer and operator
roles enforced by the Import and Settings pages themselves. AppTest on real DuckDB files; secrets and
``st.user`` are set the way AppTest documents (``at.secrets``, ``at.user``), never read from disk."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from liveroi.i18n import t
from liveroi.passwords import MIN_ITERATIONS, hash_password, verify_password
from liveroi.ui import auth
from tests.apptest_support import dashboard_app_test
from tests.dashboard_fixtures import ACCOUNT_A, write_fixture

IMPORT = "pages/import.py"
SETTINGS = "pages/settings.py"
TODAY = "pages/today.py"
FAST = 1_000  # PBKDF2 iterations for test users: the format carries the count, so checks stay fast
PASSWORDS = {"xiaoming": "运营-password-1", "kanban": "viewer password 2"}


def _users() -> dict[str, Any]:
    return {
        "xiaoming": {
            "password_hash": hash_password(PASSWORDS["xiaoming"], iterations=FAST),
            "role": "operator",
        },
        "kanban": {"password_hash": hash_password(PASSWORDS["kanban"], iterations=FAST), "role": "viewer"},
    }


@pytest.fixture
def fixture_db(db_path: Path) -> Path:
    return write_fixture(db_path)


def _app(secrets: dict[str, Any] | None = None, user: dict[str, Any] | None = None, lang: str = "zh"):
    at = dashboard_app_test()
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.query_params["lang"] = lang
    at.run()
    return at


def _texts(at) -> str:
    """Every text the run drew (markdown, captions, titles, alerts, widget labels)."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "title", "error", "warning", "success")
        for e in at.get(kind)
    ]
    parts += [w.label for kind in ("text_input", "button", "multiselect", "selectbox") for w in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def _sign_in(at, name: str, password: str):
    at.text_input(key="liveroi_login_name").input(name)
    at.text_input(key="liveroi_login_password").input(password)
    return at.button(key="liveroi_login_submit").click().run()


# --- pure rules ----------------------------------------------------------------------------------------
def test_password_hash_round_trip_and_refusals() -> None:
    stored = hash_password("s3cret-敏感", iterations=FAST)
    algorithm, iterations, salt, digest = stored.split("$")
    assert (algorithm, int(iterations)) == ("pbkdf2_sha256", FAST) and salt and digest
    assert "s3cret" not in stored
    assert verify_password("s3cret-敏感", stored)
    assert not verify_password("s3cret-敏", stored)
    assert hash_password("same", iterations=FAST) != hash_password("same", iterations=FAST)  # salted
    weak = stored.replace(f"${FAST}$", f"${MIN_ITERATIONS - 1}$")
    for bad in ("", "plaintext", weak, "md5$1000$abc$def", stored.replace("$", "", 1), "pbkdf2_sha256$x$a$b"):
        assert not verify_password("s3cret-敏感", bad)
    with pytest.raises(ValueError):
        hash_password("x", iterations=10)


def test_mode_from_secrets() -> None:
    users = {"liveroi": {"users": _users()}}
    assert auth.auth_mode({}) == "none"
    assert auth.auth_mode({"liveroi": {"roles": {"a@b.c": "operator"}}}) == "none"
    assert auth.auth_mode(users) == "password"
    assert auth.auth_mode({**users, "auth": {"client_id": "x"}}) == "oidc"  # OIDC wins when both are set


def test_oidc_roles_from_secrets() -> None:
    secrets = {
        "auth": {"client_id": "x"},
        "liveroi": {"roles": {"Alice@Brand.com": "operator", "sub-9": "viewer"}},
    }
    signed_in = {"is_logged_in": True}
    assert auth.oidc_role({**signed_in, "email": "alice@brand.COM"}, secrets) == "operator"
    assert auth.oidc_role({**signed_in, "email": "bob@brand.com"}, secrets) == "viewer"  # default role
    assert auth.oidc_role({**signed_in, "sub": "sub-9"}, secrets) == "viewer"
    assert auth.oidc_role({"is_logged_in": False, "email": "alice@brand.com"}, secrets) is None
    assert auth.oidc_role({"email": "alice@brand.com"}, secrets) is None  # no login flag: not signed in
    closed = {**secrets, "liveroi": {**secrets["liveroi"], "default_role": "none"}}
    assert auth.oidc_role({**signed_in, "email": "bob@brand.com"}, closed) is None
    assert auth.oidc_role({**signed_in, "email": "alice@brand.com"}, closed) == "operator"
    typo = {"liveroi": {"roles": {"eve@brand.com": "admin"}, "default_role": "operater"}}
    assert auth.oidc_role({**signed_in, "email": "eve@brand.com"}, typo) is None  # unknown role: no access
    assert auth.oidc_role({**signed_in, "email": "bob@brand.com"}, typo) is None


def test_password_identity_and_stored_identity() -> None:
    secrets = {"liveroi": {"users": {**_users(), "broken": {"role": "operator"}}}}
    assert auth.password_identity(secrets, " xiaoming ", PASSWORDS["xiaoming"]) == auth.Identity(
        "xiaoming", "operator"
    )
    assert auth.password_identity(secrets, "kanban", PASSWORDS["kanban"]) == auth.Identity("kanban", "viewer")
    assert auth.password_identity(secrets, "kanban", PASSWORDS["xiaoming"]) is None
    assert auth.password_identity(secrets, "broken", "") is None
    # a role changed or a user removed in the secrets applies on the next rerun
    demoted = {"liveroi": {"users": {"xiaoming": {**_users()["xiaoming"], "role": "viewer"}}}}
    assert auth.stored_identity(demoted, auth.Identity("xiaoming", "operator")) == auth.Identity(
        "xiaoming", "viewer"
    )
    assert auth.stored_identity({"liveroi": {"users": {}}}, auth.Identity("xiaoming", "operator")) is None


def test_login_throttle_pauses_a_name_then_forgets() -> None:
    now = [1000.0]
    throttle = auth.LoginThrottle(max_failures=3, window_s=60.0, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait_seconds("Xiaoming") == 0.0
        throttle.failed("xiaoming")
        now[0] += 10.0
    assert throttle.wait_seconds("XIAOMING") == pytest.approx(30.0)  # first failure at 1000, now 1030
    assert throttle.wait_seconds("kanban") == 0.0  # other names are not affected
    now[0] += 30.0
    assert throttle.wait_seconds("xiaoming") == 0.0
    throttle.failed("xiaoming")
    throttle.succeeded("xiaoming")
    assert throttle.wait_seconds("xiaoming") == 0.0


def test_hash_password_command_prints_a_secrets_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "liveroi", "hash-password", "--user", "小明", "--role", "operator"],
        input="a long enough password\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entry = tomllib.loads(done.stdout)["小明"]
    assert entry["role"] == "operator" and verify_password("a long enough password", entry["password_hash"])
    assert "a long enough password" not in done.stdout
    short = subprocess.run(
        [sys.executable, "-m", "liveroi", "hash-password"],
        input="short\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert short.returncode == 2 and short.stdout == ""


# --- the app -------------------------------------------------------------------------------------------
def test_no_login_configured_single_user_may_do_everything(fixture_db: Path) -> None:
    at = _app()
    at.switch_page(IMPORT).run()
    assert not at.exception
    assert len(at.get("file_uploader")) == 1 and not at.warning
    at.switch_page(SETTINGS).run()
    assert t("settings.single_user", "zh") in [c.value for c in at.caption]
    assert at.button(key="settings_save").label == t("settings.save", "zh")


def test_password_login_shows_nothing_before_sign_in(fixture_db: Path) -> None:
    at = _app({"liveroi": {"users": _users()}}, lang="en")
    assert not at.exception
    assert [x.value for x in at.title] == [t("auth.title", "en")]
    assert ACCOUNT_A not in _texts(at)
    assert not at.dataframe and not at.metric and not at.get("plotly_chart") and not at.multiselect
    # the app's pages are not even registered before sign-in: the sign-in page is the only one
    with pytest.raises(ValueError, match="Sign in"):
        at.switch_page(SETTINGS)

    _sign_in(at, "xiaoming", "wrong password")
    assert [e.value for e in at.error] == [t("auth.wrong_password", "en")]
    assert ACCOUNT_A not in _texts(at) and not at.dataframe
    _sign_in(at, "nobody", PASSWORDS["xiaoming"])
    assert [e.value for e in at.error] == [t("auth.wrong_password", "en")]


def test_viewer_reads_pages_but_cannot_import_or_save(fixture_db: Path) -> None:
    at = _app({"liveroi": {"users": _users()}})
    _sign_in(at, "kanban", PASSWORDS["kanban"])
    assert not at.exception
    assert t("auth.signed_in", "zh", name="kanban", role=t("auth.role.viewer", "zh")) in [
        c.value for c in at.caption
    ]
    assert ACCOUNT_A in at.multiselect(key="liveroi_accounts").options  # data pages are readable
    at.switch_page(IMPORT).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [t("import_page.read_only", "zh")]
    assert "需要运营权限" in at.warning[0].value
    assert not at.get("file_uploader") and not at.text_input
    at.switch_page(SETTINGS).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [t("settings.read_only", "zh")]
    keys = {b.key for b in at.button}
    assert "settings_save" not in keys and "settings_promo_save" not in keys
    assert all(n.disabled for n in at.number_input)  # values are shown, read-only
    assert t("settings.single_user", "zh") not in [c.value for c in at.caption]

    at.button(key="liveroi_logout").click().run()  # signing out returns to the sign-in screen
    assert [x.value for x in at.title] == [t("auth.title", "zh")] and not at.multiselect


def test_operator_may_import_and_save(fixture_db: Path) -> None:
    at = _app({"liveroi": {"users": _users()}})
    _sign_in(at, "xiaoming", PASSWORDS["xiaoming"])
    at.switch_page(IMPORT).run()
    assert not at.exception and not at.warning
    assert len(at.get("file_uploader")) == 1
    at.switch_page(SETTINGS).run()
    at.selectbox(key="settings_account").set_value(ACCOUNT_A).run()
    at.button(key="settings_save").click().run()
    assert not at.exception
    assert t("settings.saved", "zh") in [s.value for s in at.success]


def test_oidc_roles_on_the_pages(fixture_db: Path) -> None:
    secrets = {
        "auth": {
            "redirect_uri": "http://localhost:8501/oauth2callback",
            "cookie_secret": "test-cookie-secret-test-cookie-secret",
            "client_id": "liveroi",
            "client_secret": "x",
            "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
        },
        "liveroi": {"roles": {"alice@brand.com": "operator"}},
    }
    signed_out = _app(secrets, user={"is_logged_in": False})
    assert not signed_out.exception and ACCOUNT_A not in _texts(signed_out)
    if importlib.util.find_spec("authlib") is None:  # st.login needs Authlib: say so instead of failing
        assert [e.value for e in signed_out.error] == [t("auth.oidc_unavailable", "zh")]
    else:
        assert [b.label for b in signed_out.button] == [t("auth.oidc_button", "zh")]

    alice = _app(secrets, user={"is_logged_in": True, "email": "Alice@brand.com", "name": "Alice"})
    alice.switch_page(IMPORT).run()
    assert not alice.exception and len(alice.get("file_uploader")) == 1

    bob = _app(secrets, user={"is_logged_in": True, "email": "bob@brand.com"})
    bob.switch_page(IMPORT).run()
    assert [w.value for w in bob.warning] == [t("import_page.read_only", "zh")] and not bob.get(
        "file_uploader"
    )

    closed = {**secrets, "liveroi": {**secrets["liveroi"], "default_role": "none"}}
    stranger = _app(closed, user={"is_logged_in": True, "email": "bob@gmail.com"})
    assert [e.value for e in stranger.error] == [t("auth.no_access", "zh", name="bob@gmail.com")]
    assert ACCOUNT_A not in _texts(stranger) and not stranger.multiselect


# --- configuration files ---------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
_SETTING = re.compile(r'^# (\[[\w.]+\](?:\s+#.*)?|"?[\w.@-]+"? = .*)$')


def test_upload_cap_and_xsrf_in_streamlit_config() -> None:
    from liveroi.importer.limits import MAX_FILE_BYTES

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["server"]
    assert (
        1 <= server["maxUploadSize"] * 1024 * 1024 <= MAX_FILE_BYTES
    )  # the browser cap never exceeds the importer's
    assert server["enableXsrfProtection"] is True and server["enableCORS"] is True


@pytest.mark.parametrize(("option", "mode"), [("Option A", "oidc"), ("Option B", "password")])
def test_secrets_example_options_parse_to_their_mode(option: str, mode: str) -> None:
    text = (ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text) == {}  # everything is commented out: copying it changes nothing
    block = text.split(f"# --- {option}")[1].split("# --- Option")[0]
    enabled = "\n".join(_SETTING.sub(r"\1", line) for line in block.splitlines()[1:])  # past the title
    secrets = tomllib.loads(enabled)
    assert auth.auth_mode(secrets) == mode
    if mode == "oidc":
        assert set(secrets["auth"]) == {
            "redirect_uri",
            "cookie_secret",
            "client_id",
            "client_secret",
            "server_metadata_url",
        }
        assert (
            auth.oidc_role({"is_logged_in": True, "email": "OPS.LEAD@brand.example"}, secrets) == "operator"
        )
        assert auth.oidc_role({"is_logged_in": True, "email": "someone@gmail.com"}, secrets) is None
    else:
        assert {entry["role"] for entry in secrets["liveroi"]["users"].values()} == {"operator", "viewer"}


# --- in a real browser, on a fresh server ----------------------------------------------------------------
@pytest.mark.browser
def test_fresh_server_shows_only_the_sign_in_whatever_the_url(fixture_db: Path, tmp_path: Path) -> None:
    """Before any session has run dashboard.py, Streamlit's legacy pages/ mode would run pages/<file>.py
    straight from the URL: every such URL must still get the sign-in and no data."""
    from playwright.sync_api import sync_playwright

    from tests.browser_support import TIMEOUT_MS, launch_options, streamlit_server

    users = {**_users(), "kanban": {**_users()["kanban"]}}
    lines = [
        f'"{name}" = {{ password_hash = "{entry["password_hash"]}", role = "{entry["role"]}" }}'
        for name, entry in users.items()
    ]
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[liveroi.users]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with (
        streamlit_server(
            fixture_db, tmp_path / "streamlit.log", options=("--secrets.files", str(secrets))
        ) as (
            base,
            _server,
        ),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(**launch_options())
        try:
            for path in ("matrix", "settings_page", "import_data", "sessions", "settings", "", "import"):
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/{path}?lang=en", timeout=TIMEOUT_MS)
                page.get_by_role("heading", name=t("auth.title", "en"), level=1).wait_for(timeout=TIMEOUT_MS)
                page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
                    timeout=TIMEOUT_MS
                )
                body = page.locator("body").inner_text()
                assert ACCOUNT_A not in body and page.locator('[data-testid="stException"]').count() == 0, (
                    path
                )
                assert page.locator('[data-testid="stFileUploader"]').count() == 0, path
                if path not in ("settings_page", "import_data"):  # unknown URLs (older file names) fall back
                    assert page.get_by_role("dialog").count() == 0, path
                context.close()

            context = (
                browser.new_context()
            )  # a viewer signs in on a bookmarked /import: it opens, and refuses
            page = context.new_page()
            page.goto(f"{base}/import?lang=en", timeout=TIMEOUT_MS)
            page.get_by_role("textbox", name=t("auth.name", "en")).fill("kanban")
            page.get_by_role("textbox", name=t("auth.password", "en")).fill(PASSWORDS["kanban"])
            page.get_by_role("button", name=t("auth.submit", "en")).click()
            page.get_by_text(t("auth.signed_in", "en", name="kanban", role="viewer")).wait_for(
                timeout=TIMEOUT_MS
            )
            page.get_by_text(t("import_page.read_only", "en")).wait_for(timeout=TIMEOUT_MS)
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            context.close()
        finally:
            browser.close()
