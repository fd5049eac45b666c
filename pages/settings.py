"""设置 / Settings: each account's economics and guardrails, pacing rules, the brand's settings (the new
accounts' test allowance of the brand budget) and the promo calendar.

The work is in :mod:`liveroi.ui.settings_view`; this file reads filters → data → figures → text.
"""

from __future__ import annotations

from liveroi.i18n import t
from liveroi.ui import brand_settings_view, pacing_settings_view, settings_view, state, widgets

# --- filters --------------------------------------------------------------------------------------
filters = state.current_filters()
lang = filters.lang
widgets.page_title("page.settings", lang, t("settings.question", lang))
editable = settings_view.may_edit(lang)
account = settings_view.pick_account(filters, lang)

# --- data -----------------------------------------------------------------------------------------
loaded = settings_view.load(account)

# --- figures: the form, with the break-even and the suggested follower value live -----------------
money = settings_view.render_economics(loaded, editable, lang)
candidate = settings_view.render_guardrails(loaded, money, editable, lang)

# --- text: saving, and the promo calendar ---------------------------------------------------------
settings_view.render_save(candidate, money, editable, lang)
pacing_settings_view.render(account, lang, editable)
brand_settings_view.render(lang, editable)
settings_view.render_promo_calendar(filters, editable, lang)
