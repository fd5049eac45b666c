"""导入 / Import: upload the back-ends' exports, see what was recognised, confirm, and check the log.

The work is in :mod:`liveroi.ui.import_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

from liveroi.i18n import t
from liveroi.ui import import_view, state, widgets

# --- filters: who may import, and the files -------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.import", lang, t("import_page.question", lang))
allowed = import_view.may_import(lang)
uploads, account = import_view.pick_uploads(allowed, lang)

# --- data: one preview per uploaded file ----------------------------------------------------------
readable = import_view.render_previews(uploads, account, lang)

# --- text: confirm and its summary, then the import history ---------------------------------------
import_view.render_confirm(allowed, readable, account, lang)
import_view.render_history(lang)
