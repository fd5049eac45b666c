"""liveroi dashboard: ``streamlit run dashboard.py`` (or ``make run``).

The entrypoint on every rerun: page config, the refusal when served beyond loopback without a sign-in
(liveroi/ui/serve.py), the sign-in when one is configured (nothing else is drawn
before it), the database made ready once per process, the pages, the shared sidebar (accounts, dates,
language — kept in the URL), then the chosen page. Pages live in ``pages/``, one file each, and read
the filters from ``liveroi.ui.state.current_filters()``; the Import and Settings pages check the role.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from liveroi import db
from liveroi.i18n import t
from liveroi.ui import auth, data, serve, state
from liveroi.ui.sidebar import render_sidebar

ROOT = Path(__file__).resolve().parent

lang = state.init_language()
st.set_page_config(page_title=t("app.title", lang), page_icon=":material/live_tv:", layout="wide")

# Each file is named as its URL path: until some run in this process has called st.navigation,
# Streamlit's pages/ mode resolves a bookmarked URL by file name (else it shows "Page not found").
PAGES = [
    ("pages/today.py", "page.today", ":material/today:", "today", True),
    ("pages/trends.py", "page.trends", ":material/show_chart:", "trends", False),
    ("pages/sessions.py", "page.sessions", ":material/table_rows:", "sessions", False),
    ("pages/matrix.py", "page.matrix", ":material/grid_view:", "matrix", False),
    ("pages/advisor.py", "page.advisor", ":material/tips_and_updates:", "advisor", False),
    ("pages/import.py", "page.import", ":material/upload_file:", "import", False),
    ("pages/settings.py", "page.settings", ":material/settings:", "settings", False),
]
# Served beyond loopback without a sign-in (an address set by hand on `streamlit run`): refuse, stop.
refused = serve.guard_running_server(auth.read_secrets(), lang)
if refused:
    st.error(refused)
    st.stop()
identity = auth.require_login(lang, [url for *_, url, _ in PAGES])  # None: the sign-in was drawn
if identity is None:
    st.stop()

if not data.ensure_database(lang):
    st.stop()

pages = [
    st.Page(path, title=t(key, lang), icon=icon, url_path=url, default=default)
    for path, key, icon, url, default in PAGES
    if (ROOT / path).is_file()  # the advisor page appears once it exists
]
navigation = st.navigation(pages, position="sidebar")

try:
    try:
        render_sidebar(lang)
        auth.render_user_box(identity, lang)
    except db.DatabaseError:
        st.title(navigation.title)  # the page cannot run without its filters: still say which page this is
        raise
    navigation.run()
except db.DatabaseBusy as exc:
    st.warning(exc.message(lang))
except db.DatabaseError as exc:
    st.error(exc.message(lang))
finally:
    state.forget_filters()
