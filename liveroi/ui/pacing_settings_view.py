"""The Settings page's pacing rules: per account (or the defaults), validated on save."""

from __future__ import annotations

import streamlit as st

from liveroi import db
from liveroi.i18n import t
from liveroi.pacing import rules as pacing_rules
from liveroi.pacing.rules import PacingRules, RulesError
from liveroi.ui import data

# (field, shown as percent, step of the input)
_INPUTS: tuple[tuple[str, bool, float], ...] = (
    ("min_window_min", False, 5.0),
    ("min_spend", False, 100.0),
    ("cooldown_min", False, 5.0),
    ("step_min", True, 1.0),
    ("step_max", True, 1.0),
    ("raise_margin", True, 1.0),
)


def render(account: str, lang: str, may_edit: bool) -> None:
    """The rules in force for ``account`` as inputs, and (for an operator) a save button."""
    st.subheader(t("pacing.settings.title", lang))
    st.caption(f"{t('pacing.settings.caption', lang)} {t('pacing.settings.learning_note', lang)}")
    current = pacing_rules.from_row(data.query("pacing/rules_one", {"account": account}).iloc[0])
    values: dict[str, float] = {}
    columns = st.columns(3)
    for index, (field, percent, step) in enumerate(_INPUTS):
        value = getattr(current, field)
        entered = columns[index % 3].number_input(
            t(f"pacing.settings.{field}", lang),
            value=round(value * 100, 2) if percent else float(value),
            step=step,
            format="%.1f" if percent else "%.0f",
            key=f"pacing_{field}_{account}",
            disabled=not may_edit,
        )
        values[field] = float(entered) / 100 if percent else float(entered)
    if may_edit and st.button(t("pacing.settings.save", lang), icon=":material/speed:", key="pacing_save"):
        try:
            with data.write_connection() as con:
                pacing_rules.save(con, account, PacingRules(**values))
        except RulesError as exc:
            st.error(t(exc.key, lang), icon=":material/error:")
        except db.DatabaseBusy as exc:
            st.warning(exc.message(lang))
        else:
            st.success(t("pacing.settings.saved", lang), icon=":material/check:")
