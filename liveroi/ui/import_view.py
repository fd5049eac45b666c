"""The 导入 / Import page's sections: the upload, one preview per file (what was recognised, the
column mapping, the parsed rows, the rejected ones), the confirm button and its summary, and the
import history; with the cached previews and the tables' frames they use.

``pages/import.py`` calls the ``render_*`` functions top to bottom (filters → data → figures → text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from liveroi import channels, db, formatting
from liveroi.i18n import TRANSLATIONS, t
from liveroi.ui import auth, data, widgets

PREVIEW_ROWS = 20
REJECTED_ROWS = 200
HISTORY_ROWS = 50
KEY_RESULT = "import_last_result"


def field_label(name: str | None, lang: str) -> str:
    """A canonical column name as the user reads it (未识别 / not used for None)."""
    if name is None:
        return t("import_page.unmapped", lang)
    if name.startswith("spend_"):
        return t("sessions.spend_of", lang, channel=channels.channel_name(name.removeprefix("spend_"), lang))
    if name.startswith("x_"):  # a known extra figure, kept in session_extras under this name
        return t("import_page.field.extra", lang, field=name.removeprefix("x_"))
    for prefix in ("field.", "metric.", "import_page.field."):
        if f"{prefix}{name}" in TRANSLATIONS:
            return t(f"{prefix}{name}", lang)
    return name


@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def preview(file_name: str, content: bytes, account: str | None, lang: str) -> dict[str, Any]:
    """``liveroi.importer.preview_file`` of an upload, cached by its bytes (reruns don't re-parse).

    Returns {"ok": True, "preview": Preview} or {"ok": False, "message": one line in ``lang``}.
    """
    from liveroi.importer import ImportFileError, preview_file

    try:
        return {"ok": True, "preview": preview_file((file_name, content), account=account, lang=lang)}
    except ImportFileError as exc:
        return {"ok": False, "message": exc.message}


def mapping_frame(mapping: list[tuple[str, str | None]], lang: str) -> pd.DataFrame:
    """Header as written → what liveroi recognised it as."""
    return pd.DataFrame(
        {
            "header": [str(h) for h, _ in mapping],
            "field": [field_label(c, lang) for _, c in mapping],
        }
    )


def parsed_frame(parsed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The first parsed rows with translated headers."""
    head = parsed.head(PREVIEW_ROWS)
    return head.rename(columns={c: field_label(c, lang) for c in head.columns})


def rejected_frame(rejected: list[dict] | pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rejected rows (file, row, column, value, reason) with translated headers."""
    frame = pd.DataFrame(rejected)
    if frame.empty:
        return frame
    frame = frame.rename(columns={"file_name": "file", "row_number": "row", "column_name": "column"})
    columns = [c for c in ("file", "row", "column", "value", "reason") if c in frame]
    return (
        frame[columns]
        .head(REJECTED_ROWS)
        .rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})
    )


def layout_label(name: str | None, lang: str) -> str:
    """A layout name (liveroi.importer.layouts) as the user reads it; unknown names as stored."""
    key = f"import_page.layout.{name}"
    return t(key, lang) if key in TRANSLATIONS else ("" if name is None else str(name))


def files_frame(files: list[dict], lang: str) -> pd.DataFrame:
    """Per imported file: what it was read as and where its rows went; for an ad report, the days where
    another report of the same money is counted instead (or this one instead of another)."""
    columns = ["file", "layout", "rows_read", "inserted", "updated", "unchanged", "skipped", "rejected"]
    frame = pd.DataFrame(files, columns=[*columns, "precedence"])
    frame["layout"] = [layout_label(x, lang) for x in frame["layout"]]
    frame["precedence"] = [
        "; ".join(
            t(
                "import_page.precedence",
                lang,
                day=p["day"],
                channel=channels.channel_name(p["channel"], lang),
                counted=layout_label(p["counted"], lang),
                superseded=layout_label(p["superseded"], lang),
                spend=p["superseded_spend"],
            )
            for p in (items or [])
        )
        for items in frame["precedence"]
    ]
    columns.append("precedence")
    return frame[columns].rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})


def history_frame(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The import log with translated headers and status words."""
    frame = history.assign(
        layout=[layout_label(x, lang) for x in history.get("layout", [None] * len(history))],
        status=[
            t(f"import_page.status.{s}", lang) if f"import_page.status.{s}" in TRANSLATIONS else str(s)
            for s in history["status"]
        ],
        kind=[
            t(f"import_page.kind.{k}", lang)
            if f"import_page.kind.{k}" in TRANSLATIONS
            else ("" if k is None else str(k))
            for k in history["kind"]
        ],
    )
    columns = [
        "import_id",
        "file_name",
        "kind",
        "layout",
        "status",
        "started_at",
        "rows_read",
        "inserted",
        "updated",
        "unchanged",
        "skipped",
        "rejected",
        "error",
    ]
    return frame[columns].rename(columns={c: t(f"import_page.col.{c}", lang) for c in columns})


# --- the page's sections ------------------------------------------------------------------------------


def may_import(lang: str) -> bool:
    """Whether this user may import; warns a viewer that the page is read-only."""
    allowed = auth.can("import")
    if not allowed:
        st.warning(t("import_page.read_only", lang), icon=":material/lock:")
    return allowed


def pick_uploads(allowed: bool, lang: str) -> tuple[list[Any], str | None]:
    """The uploaded files and the account typed for them (None = from the file). A viewer gets no
    upload widgets at all: nothing to send, and the page never reads an upload."""
    uploads = (
        st.file_uploader(
            t("import_page.upload", lang),
            type=["csv", "xlsx", "txt"],
            accept_multiple_files=True,
            key="import_uploads",
            help=t("import_page.upload_help", lang),
        )
        if allowed
        else []
    )
    account = (
        st.text_input(
            t("import_page.account", lang),
            placeholder=t("import_page.account_placeholder", lang),
            help=t("import_page.account_help", lang),
        ).strip()
        or None
        if allowed
        else None
    )
    return list(uploads or []), account


def render_previews(uploads: list[Any], account: str | None, lang: str) -> list[tuple[str, bytes]]:
    """One card per uploaded file: the error, or what was recognised with the column mapping, the
    parsed rows and the rejected ones. Returns the (name, bytes) of the files that can be imported."""
    readable: list[tuple[str, bytes]] = []
    for upload in uploads:  # one preview per uploaded file
        content = upload.getvalue()
        result = preview(upload.name, content, account, lang)
        with st.container(border=True):
            st.markdown(f"**{widgets.plain(upload.name)}**")
            if not result["ok"]:
                st.error(result["message"], icon=":material/error:")
                continue
            readable.append((upload.name, content))
            _preview_card(result["preview"], lang)
    return readable


def _preview_card(found: Any, lang: str) -> None:
    st.caption(
        t(
            "import_page.recognised",
            lang,
            kind=t(f"import_page.kind.{found.kind}", lang),
            layout=layout_label(found.layout, lang),
            header_row=found.header_row,
            rows=formatting.count(len(found.parsed), lang),
            rejected=len(found.rejected),
            skipped=found.skipped,
        )
    )
    mapped, parsed = st.columns([1, 2])
    with mapped:
        st.dataframe(
            mapping_frame(found.mapping, lang),
            hide_index=True,
            column_config={
                "header": t("import_page.col.header", lang),
                "field": t("import_page.col.field", lang),
            },
        )
    with parsed:
        st.dataframe(parsed_frame(found.parsed, lang), hide_index=True)
    if found.rejected:
        st.markdown(t("import_page.rejected_title", lang, count=len(found.rejected)))
        st.dataframe(rejected_frame(found.rejected, lang), hide_index=True)


def render_confirm(allowed: bool, readable: list[tuple[str, bytes]], account: str | None, lang: str) -> None:
    """The confirm button (when something can be imported) and, after an import, its summary (kept
    across the rerun that redraws the sidebar and history from the new data)."""
    if (
        allowed
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
        st.dataframe(files_frame(summary["files"], lang), hide_index=True)
        for entry in summary.get("ignored", []):  # columns nobody reads are said, never dropped silently
            st.caption(
                t("import_page.ignored", lang, file=entry["file"], columns="、".join(entry["columns"]))
            )


def render_history(lang: str) -> None:
    """The import log (latest HISTORY_ROWS files) and the rows rejected so far (latest REJECTED_ROWS)."""
    st.subheader(t("import_page.history", lang))
    history = data.query("pages/import_history", {"limit": HISTORY_ROWS})
    if history.empty:
        st.caption(t("import_page.no_history", lang))
    else:
        st.dataframe(history_frame(history, lang), hide_index=True)
    rejected = data.query("pages/rejected_rows", {"limit": REJECTED_ROWS})
    if not rejected.empty:
        st.subheader(t("import_page.rejected_history", lang, count=int(rejected["total_rows"].iloc[0])))
        st.dataframe(rejected_frame(rejected, lang), hide_index=True)
