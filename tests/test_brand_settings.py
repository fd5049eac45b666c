"""The brand's stored test share (liveroi.brand_settings): saved and read back on every back-end,
validated, edited on the Settings page (AppTest, both languages), and used by ``recommend
--all-accounts --brand-budget`` and the Account matrix page whenever nothing overrides it.

The expected allowance of the fixture's new account (six sessions, no curve: it moves only towards
its allowance) is worked out here from its latest spend in the tables: ``clip(share × B, s⁰ (1 − 0.3),
s⁰ (1 + 0.3))`` — the share of the budget, as far as the step limit lets it go."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from liveroi import brand_settings, db, formatting
from liveroi.brand_settings import BrandSettingsError
from liveroi.i18n import t
from tests.brand_fixtures import write_brand
from tests.dashboard_fixtures import app_test, write_fixture

STEP = 0.3  # every account's max_change in the brand fixture
NEW = "new account"
DEFAULT = brand_settings.TEST_SHARE  # the built-in default, until something is saved


def _stored(path: db.Target) -> list[tuple]:
    with db.connection(path, read_only=True) as con:
        return con.execute("SELECT brand, test_share FROM brand_settings").fetchall()


@pytest.mark.backends
def test_saved_share_is_read_back_cleared_and_checked(db_path: db.Target) -> None:
    with db.connection(db_path) as con:
        assert brand_settings.load(con) == brand_settings.BrandSettings(DEFAULT, False)  # nothing stored
        brand_settings.save(con, 0.25)
        brand_settings.save(con, 0.05)  # the one row is updated, not a second one added
    assert _stored(db_path) == [("*", 0.05)]
    with db.connection(db_path) as con:
        assert brand_settings.load(con) == brand_settings.BrandSettings(0.05, True)
        for bad in (1.5, -0.01, float("nan"), float("inf"), "lots"):
            with pytest.raises(BrandSettingsError):
                brand_settings.save(con, bad)  # type: ignore[arg-type]
        brand_settings.save(con, None)  # back to the built-in default
        assert brand_settings.load(con) == brand_settings.BrandSettings(DEFAULT, False)
    assert _stored(db_path) == [("*", None)]


def test_a_file_from_before_the_table_reads_the_default(db_path: Path) -> None:
    with db.connection(db_path) as con:
        con.execute("DROP TABLE brand_settings")  # as a version-6 file opened read-only has it
        assert brand_settings.load(con).test_share == DEFAULT


# --- the Settings page -----------------------------------------------------------------------------
def test_settings_page_saves_the_share_and_refuses_one_out_of_range(db_path: Path) -> None:
    write_fixture(db_path)
    at = app_test(db_path, "pages/settings.py", lang="en")
    assert not at.exception
    assert t("brand.settings.title", "en") in [h.value for h in at.subheader]
    share = at.number_input(key="brand_settings_test_share")
    assert share.label == t("brand.settings.test_share", "en")
    assert share.value == pytest.approx(DEFAULT * 100)
    assert t("brand.settings.inherited", "en", default=formatting.percent(DEFAULT, 0)) in [c.value for c in at.caption]
    share.set_value(150.0).run()
    at.button(key="brand_settings_save").click().run()
    assert t("brand.settings.error.test_share", "en") in [e.value for e in at.error]
    assert _stored(db_path) == []
    at.number_input(key="brand_settings_test_share").set_value(25.0).run()
    at.button(key="brand_settings_save").click().run()
    assert not at.exception
    assert t("brand.settings.saved", "en") in [s.value for s in at.success]
    assert _stored(db_path) == [("*", pytest.approx(0.25))]


def test_settings_page_brand_section_in_chinese(db_path: Path) -> None:
    write_fixture(db_path)
    with db.connection(db_path) as con:
        brand_settings.save(con, 0.2)
    at = app_test(db_path, "pages/settings.py")
    assert "品牌设置" in [h.value for h in at.subheader]
    share = at.number_input(key="brand_settings_test_share")
    assert share.label == "新号测试额度（占品牌预算的 %）"
    assert share.value == pytest.approx(20.0)
    assert not [c for c in at.caption if c.value.startswith("尚未保存")]  # stored: no default note


# --- the CLI and the matrix page use it ------------------------------------------------------------
def _latest_total(path: Path, account: str) -> float:
    with db.connection(path, read_only=True) as con:
        (total,) = con.execute(
            "SELECT sum(p.export_spend) FROM session_spend p JOIN sessions s USING (session_id)"
            " WHERE s.account = ? AND s.started_at = (SELECT max(started_at) FROM sessions WHERE account = ?)",
            [account, account],
        ).fetchone()
    return float(total)


def _allowance(share: float, budget: float, latest: float) -> float:
    return min(max(share * budget, latest * (1 - STEP)), latest * (1 + STEP))


def _cli(path: Path, *args: str) -> dict[str, dict]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "liveroi",
            "--lang",
            "en",
            "recommend",
            "--all-accounts",
            *args,
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {line["account"]: line for line in map(json.loads, result.stdout.splitlines())}


def test_cli_uses_the_stored_share_unless_the_flag_overrides_it(db_path: Path) -> None:
    write_brand(db_path)
    latest = _latest_total(db_path, NEW)
    with db.connection(db_path) as con:
        brand_settings.save(con, 0.05)
    budget = 63_000.0
    assert 0.05 * budget < latest * (1 - STEP) < 0.10 * budget < latest * (1 + STEP)  # the cases differ
    stored = _cli(db_path, "--brand-budget", str(budget), "--json")
    assert stored[NEW]["suggested"]["total"] == pytest.approx(_allowance(0.05, budget, latest), abs=1)
    assert f"({formatting.percent(0.05, 0)} of the brand budget" in stored[NEW]["reason"]
    flag = _cli(db_path, "--brand-budget", str(budget), "--test-share", "0.1", "--json")
    assert flag[NEW]["suggested"]["total"] == pytest.approx(_allowance(0.10, budget, latest), abs=1)
    assert f"({formatting.percent(0.10, 0)} of the brand budget" in flag[NEW]["reason"]
    assert sum(line["suggested"]["total"] for line in stored.values()) <= budget


def test_matrix_page_starts_from_the_stored_share(db_path: Path) -> None:
    write_brand(db_path)
    latest = _latest_total(db_path, NEW)
    with db.connection(db_path) as con:
        brand_settings.save(con, 0.05)
    at = app_test(db_path, "pages/matrix.py", lang="en", **{"from": "2026-01-11", "to": "2026-02-09"})
    assert not at.exception
    share = next(n for n in at.number_input if n.label == t("brand.page.test_share", "en"))
    assert share.value == pytest.approx(5.0)
    assert formatting.percent(0.05, 0) in share.help
    budget = next(n for n in at.number_input if n.label == t("brand.page.budget", "en")).value
    table = next(d.value for d in at.dataframe if "reason" in d.value.columns).set_index("account")
    suggested = float(table.loc[NEW, "suggested"].replace("¥", "").replace(",", ""))
    assert suggested == pytest.approx(_allowance(0.05, budget, latest), abs=1)
    share.set_value(10.0).run()  # the page's own input overrides the setting for this view
    table = next(d.value for d in at.dataframe if "reason" in d.value.columns).set_index("account")
    suggested = float(table.loc[NEW, "suggested"].replace("¥", "").replace(",", ""))
    assert suggested == pytest.approx(_allowance(0.10, budget, latest), abs=1)
    assert math.isclose(_stored(db_path)[0][1], 0.05)  # the page does not write the setting
