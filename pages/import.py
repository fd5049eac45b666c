"""导入 / Import: upload the back-ends' exports, see what was recognised, confirm, and check the log."""

from __future__ import annotations

import streamlit as st

from liveroi import db, formatting
from liveroi.i18n import t
from liveroi.ui import auth, data, import_view, state, widgets

KEY_RESULT = "import_last_result"

# --- filters ---------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.import", lang, t("import_page.question", lang))
may_import = auth.can("import")
if not may_import:
    st.warning(t("import_page.read_only", lang), icon=":material/lock:")

# --- upload and preview ----------------------------------------------------------------------------
# a viewer gets no upload widgets at all: nothing to send, and the page never reads an upload
uploads = (
    st.file_uploader(
        t("import_page.upload", lang),
        type=["csv", "xlsx", "txt"],
        accept_multiple_files=True,
        key="import_uploads",
        help=t("import_page.upload_help", lang),
    )
    if may_import
    else []
)
account = (
    st.text_input(
        t("import_page.account", lang),
        placeholder=t("import_page.account_placeholder", lang),
        help=t("import_page.account_help", lang),
    ).strip()
    or None
    if may_import
    else None
)

readable: list[tuple[str, bytes]] = []
for upload in uploads or []:  # one preview per uploaded file
    content = upload.getvalue()
    result = import_view.preview(upload.name, content, account, lang)
    with st.container(border=True):
        st.markdown(f"**{widgets.plain(upload.name)}**")
        if not result["ok"]:
            st.error(result["message"], icon=":material/error:")
            continue
        readable.append((upload.name, content))
        preview = result["preview"]
        st.caption(
            t(
                "import_page.recognised",
                lang,
                kind=t(f"import_page.kind.{preview.kind}", lang),
                layout=import_view.layout_label(preview.layout, lang),
                header_row=preview.header_row,
                rows=formatting.count(len(preview.parsed), lang),
                rejected=len(preview.rejected),
                skipped=preview.skipped,
            )
        )
        mapped, parsed = st.columns([1, 2])
        with mapped:
            st.dataframe(
                import_view.mapping_frame(preview.mapping, lang),
                hide_index=True,
                column_config={
                    "header": t("import_page.col.header", lang),
                    "field": t("import_page.col.field", lang),
                },
            )
        with parsed:
            st.dataframe(import_view.parsed_frame(preview.parsed, lang), hide_index=True)
        if preview.rejected:
            st.markdown(t("import_page.rejected_title", lang, count=len(preview.rejected)))
            st.dataframe(import_view.rejected_frame(preview.rejected, lang), hide_index=True)

if (
    may_import
    and readable
    and st.button(
        t("import_page.confirm", lang, count=len(readable)),
        type="primary",
        icon=":material/publish:",
    )
):
    from liveroi.importer import ImportFileError, import_files

    try:
        summary = import_files(data.db_path(), readable, account=account, lang=lang)
    except ImportFileError as exc:
        st.error(f"{exc.file_name}: {exc.message}", icon=":material/error:")
    except db.DatabaseBusy as exc:
        st.warning(exc.message(lang))
    else:
        data.clear_caches()
        st.session_state[KEY_RESULT] = summary
        st.rerun()  # redraw the sidebar and history from the new data; the summary is kept above

summary = st.session_state.get(KEY_RESULT)
if summary:
    st.success(
        t(
            "import_page.done",
            lang,
            files=len(summary["files"]),
            inserted=summary["inserted"],
            updated=summary["updated"],
            unchanged=summary["unchanged"],
            skipped=summary["skipped"],
            rejected=len(summary["rejected"]),
        ),
        icon=":material/check_circle:",
    )
    st.dataframe(import_view.files_frame(summary["files"], lang), hide_index=True)
    for entry in summary.get("ignored", []):
        st.caption(t("import_page.ignored", lang, file=entry["file"], columns="、".join(entry["columns"])))

# --- history ---------------------------------------------------------------------------------------
st.subheader(t("import_page.history", lang))
history = data.query("pages/import_history", {"limit": import_view.HISTORY_ROWS})
if history.empty:
    st.caption(t("import_page.no_history", lang))
else:
    st.dataframe(import_view.history_frame(history, lang), hide_index=True)
rejected = data.query("pages/rejected_rows", {"limit": import_view.REJECTED_ROWS})
if not rejected.empty:
    st.subheader(t("import_page.rejected_history", lang, count=int(rejected["total_rows"].iloc[0])))
    st.dataframe(import_view.rejected_frame(rejected, lang), hide_index=True)
