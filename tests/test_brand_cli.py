"""``python -m liveroi recommend --all-accounts --brand-budget B`` on a real DuckDB file of a brand whose
true curves are known (tests/brand_fixtures.py): JSON Lines with the brand key, the budget never
exceeded, every step limit kept, money moved from the saturated account to the starved one, the new
account kept on its test allowance, and the errors."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from liveroi import brand_settings, db
from liveroi.formatting import money
from tests.brand_fixtures import family_accounts, write_brand

STEP = 0.3  # every account's max_change in the fixture


@pytest.fixture(scope="module")
def brand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brand_cli") / "liveroi.duckdb"
    with db.connection(path):
        pass
    return write_brand(path)


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args, "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _latest_spend(path: Path) -> pd.DataFrame:
    """Each account's latest session's spend per channel, straight from the tables."""
    with db.connection(path, read_only=True) as con:
        return con.execute(
            "SELECT s.account, p.channel, p.export_spend AS spend FROM session_spend p"
            " JOIN sessions s USING (session_id)"
            " WHERE s.started_at = (SELECT max(started_at) FROM sessions x WHERE x.account = s.account)"
        ).df()


def _lines(result: subprocess.CompletedProcess) -> dict[str, dict]:
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {line["account"]: line for line in lines}


def test_json_lines_split_the_budget_within_every_guardrail(brand_db: Path) -> None:
    latest = _latest_spend(brand_db)
    last_total = float(latest["spend"].sum())
    budget = round(0.9 * last_total) + 0.5  # a budget with half a yuan: rounding must not pass it
    lines = _lines(
        _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--brand-budget", str(budget), "--json")
    )
    assert set(lines) == {a.name for a in family_accounts()}
    totals = [line["suggested"]["total"] for line in lines.values()]
    assert sum(totals) <= budget
    for line in lines.values():
        assert line["brand"]["budget"] == budget
        assert line["brand"]["allocated"] == pytest.approx(sum(totals), abs=0.01)
        assert set(line["brand"]) == {"budget", "allocated", "marginal_roi_at_allocation"}
        assert line["suggested"]["total"] == pytest.approx(
            sum(line["suggested"]["channels"].values()), abs=0.01
        )
    for row in latest.itertuples():
        to = lines[row.account]["suggested"]["channels"][row.channel]
        assert math.ceil(row.spend * (1 - STEP) - 1e-9) <= to <= math.floor(row.spend * (1 + STEP) + 1e-9)
        assert to == round(to)
    # the truth: the starved account's next yuan returns 3.1 (break-even 2.22), the saturated one's 0.64
    assert lines["starved"]["suggested"]["total"] > lines["starved"]["current"]["total"]
    assert lines["saturated"]["suggested"]["total"] < lines["saturated"]["current"]["total"]
    assert lines["saturated"]["brand"]["marginal_roi_at_allocation"]["xiaodiantong"] < 2.22
    new = lines["new account"]
    assert new["brand"]["marginal_roi_at_allocation"] == {"jinniu": None}  # six sessions: no curve
    share = brand_settings.TEST_SHARE  # nothing stored: the built-in default
    assert new["suggested"]["total"] == pytest.approx(min(max(share * budget, 6_000 * 0.7), 6_000 * 1.3), abs=1)
    assert "still being measured (6 sessions" in new["reason"]
    assert "still being measured" not in lines["starved"]["reason"]


def test_budget_below_the_step_floors_and_the_table(brand_db: Path) -> None:
    latest = _latest_spend(brand_db)
    floors = {(r.account, r.channel): math.ceil(r.spend * (1 - STEP) - 1e-9) for r in latest.itertuples()}
    lines = _lines(
        _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--brand-budget", "1000", "--json")
    )
    for (account, channel), floor in floors.items():
        assert lines[account]["suggested"]["channels"][channel] == floor
        assert (
            f"below the lowest total the step limits allow ({money(sum(floors.values()), 'en')})"
            in lines[account]["reason"]
        )
    table = _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--brand-budget", "50000")
    assert table.returncode == 0, table.stderr
    text = table.stdout.splitlines()
    assert text[0].startswith(f"Brand budget {money(50_000, 'en')}: allocated")
    assert text[1].split("\t")[:4] == ["account", "channel", "current", "suggested"]
    rows = [line.split("\t") for line in text[2:] if line.count("\t") == 6]
    assert len(rows) == len(latest)
    assert sum(float(r[3].replace("¥", "").replace(",", "")) for r in rows) <= 50_000
    assert any(r[0] == "new account (measuring)" for r in rows)
    zh = _cli(brand_db, "recommend", "--all-accounts", "--brand-budget", "50000")
    assert zh.stdout.startswith(f"品牌预算 {money(50_000, 'zh')}：分配")


@pytest.mark.parametrize("bad", ["-1", "nan", "inf", "lots", ""])
def test_bad_budget_exits_2_with_a_message(brand_db: Path, bad: str) -> None:
    result = _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--brand-budget", bad, "--json")
    assert result.returncode == 2
    assert "invalid --brand-budget" in result.stderr
    assert result.stdout == ""


def test_bad_share_and_budget_without_all_accounts_exit_2(brand_db: Path) -> None:
    share = _cli(
        brand_db,
        "--lang",
        "en",
        "recommend",
        "--all-accounts",
        "--brand-budget",
        "5000",
        "--test-share",
        "1.5",
    )
    assert share.returncode == 2 and "invalid --test-share" in share.stderr
    alone = _cli(brand_db, "--lang", "en", "recommend", "--account", "starved", "--brand-budget", "5000")
    assert alone.returncode == 2 and "--brand-budget needs --all-accounts" in alone.stderr
