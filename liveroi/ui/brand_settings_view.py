"""The Settings page's brand section: settings of the whole brand (:mod:`liveroi.brand_settings`) —
the new accounts' test allowance of the brand budget — validated on save."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from liveroi import brand_settings, db, formatting
from liveroi.brand_settings import BrandSettingsError
from liveroi.i18n import t
from liveroi.ui import data


def render(lang: str, may_edit: bool) -> None:
    """The brand's test share as a percent input and (for an operator) a save button."""
    st.subheader(t("brand.settings.title", lang))
    st.caption(t("brand.settings.caption", lang))
    value = data.query("settings/brand_one")["test_share"].iloc[0]
    stored = not pd.isna(value)
    share = float(value) if stored else brand_settings.TEST_SHARE
    default = formatting.percent(brand_settings.TEST_SHARE, 0)
    entered = st.number_input(
        t("brand.settings.test_share", lang),
        value=round(share * 100, 2),
        step=1.0,
        format="%.1f",
        key="brand_settings_test_share",
        disabled=not may_edit,
        help=t("brand.settings.test_share_help", lang, default=default),
    )
    if not stored:
        st.caption(t("brand.settings.inherited", lang, default=default))
    if may_edit and st.button(
        t("brand.settings.save", lang), icon=":material/account_tree:", key="brand_settings_save"
    ):
        try:
            with data.write_connection() as con:
                brand_settings.save(con, float(entered) / 100)
        except BrandSettingsError as exc:
            st.error(t(exc.key, lang), icon=":material/error:")
        except db.DatabaseBusy as exc:
            st.warning(exc.message(lang))
        else:
            st.success(t("brand.settings.saved", lang), icon=":material/check:")
