"""What a follower is worth, on the Settings and Advisor pages of the sample brand: the cold-start
account's measured value (粉丝总数 and 粉丝成交金额 in its export), the same ¥ the advisor uses; an account
without follower stock gets the stated default and why; a value the user sets wins, with the measured
one beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from liveroi import db, formatting, sample
from liveroi.advisor import recommend_account
from liveroi.sample.profiles import COLD_START, FLAGSHIP
from liveroi.ui.advisor_view import KEY_ACCOUNT
from tests.dashboard_fixtures import app_test


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    with db.connection(db_path) as con:
        sample.write_to_db(con, sample.generate_brand())
    return db_path


def _advice(path: Path, account: str):
    with db.connection(path, read_only=True) as con:
        return recommend_account(con, account, lang="en")


def test_settings_shows_the_measured_value_the_advisor_uses(sample_db: Path) -> None:
    rec = _advice(sample_db, COLD_START.account)
    measure = rec.economics.follower_value_measure
    assert measure.measured
    at = app_test(sample_db, "pages/settings.py", lang="en")
    at.selectbox(key="settings_account").set_value(COLD_START.account).run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    shown = next(c for c in captions if c.startswith("Leave empty to use the measured value"))
    assert (
        f"a new follower is worth {formatting.money(rec.economics.follower_value, 'en', decimals=2)}" in shown
    )
    assert (
        f"({formatting.money(measure.low, 'en', decimals=2)}–{formatting.money(measure.high, 'en', decimals=2)})"
        in shown
    )
    assert "over about 130 sessions" in shown and "follower count" in shown
    # the flagship's export has no follower stock: the stated default, and why
    at.selectbox(key="settings_account").set_value(FLAGSHIP.account).run()
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Suggested ") for c in captions)
    assert any("neither the follower count nor unfollows" in c for c in captions)


def test_advisor_page_says_what_a_follower_is_worth(sample_db: Path) -> None:
    rec = _advice(sample_db, COLD_START.account)
    at = app_test(sample_db, "pages/advisor.py", lang="en")
    at.selectbox(key=KEY_ACCOUNT).set_value(COLD_START.account).run()
    assert not at.exception
    value = formatting.money(rec.economics.follower_value, "en", decimals=2)
    assert any(f"from this account's history a new follower is worth {value}" in c.value for c in at.caption)
    # its export carries fans' GMV on every session: the curves are read apart from it, and the page says so
    assert rec.model.fans_apart
    assert any(c.value.startswith("the GMV curves are read from GMV less fans' GMV") for c in at.caption)
    at.selectbox(key=KEY_ACCOUNT).set_value(FLAGSHIP.account).run()  # no fans' GMV in its export
    assert not any("GMV less fans' GMV" in c.value for c in at.caption)
    assert not _advice(sample_db, FLAGSHIP.account).model.fans_apart


def test_a_value_the_user_sets_wins(sample_db: Path) -> None:
    with db.connection(sample_db) as con:
        con.execute("INSERT INTO settings (account, follower_value) VALUES (?, 1.5)", [COLD_START.account])
    rec = _advice(sample_db, COLD_START.account)
    assert rec.economics.follower_value == 1.5 and not rec.economics.follower_value_suggested
    assert "from this account's history" not in rec.reason  # no note on a value the user chose
    at = app_test(sample_db, "pages/advisor.py", lang="en")
    at.selectbox(key=KEY_ACCOUNT).set_value(COLD_START.account).run()
    caption = next(
        c.value for c in at.caption if c.value.startswith("Your follower value of ¥1.50 each is used")
    )
    assert "from this account's history a new follower is worth" in caption
