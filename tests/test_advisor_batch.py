"""The advisor for many accounts at once, on a real DuckDB file of the sample brand: the one-pass loader
reads what per-account SQL reads, the batch equals recommend_account account by account, and
``recommend --all-accounts`` prints every account once (JSON Lines or the short answers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from liveroi import db, sample
from liveroi.advisor import load_histories, load_history, recommend_account, recommend_accounts

pytestmark = pytest.mark.backends  # every test here runs on a DuckDB file and on DuckLake

EMPTY = "空账号"  # listed in accounts, no sessions


@pytest.fixture(scope="module")
def brand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample brand (3 accounts), plus a promo day of the first account only (a day the second also
    broadcast) and an account without sessions."""
    path = tmp_path_factory.mktemp("advisor_batch") / "liveroi.duckdb"
    with db.connection(path) as con:
        sample.write_to_db(con, sample.generate_brand())
        first, second = [
            r[0] for r in con.execute("SELECT DISTINCT account FROM sessions ORDER BY 1 LIMIT 2").fetchall()
        ]
        day = con.execute(  # a day both broadcast on that is not a promo day yet
            "SELECT max(CAST(a.started_at AS DATE)) FROM sessions a JOIN sessions b"
            " ON CAST(a.started_at AS DATE) = CAST(b.started_at AS DATE)"
            " WHERE a.account = ? AND b.account = ? AND CAST(a.started_at AS DATE) NOT IN (SELECT day FROM promo_days)",
            [first, second],
        ).fetchone()[0]
        con.execute("INSERT INTO promo_days (day, name, account) VALUES (?, '店庆', ?)", [day, first])
        con.execute("INSERT INTO accounts (account) VALUES (?)", [EMPTY])
    return path


def _sql(path: Path, text: str, params: list | None = None) -> pd.DataFrame:
    with db.connection(path, read_only=True) as con:
        return con.execute(text, params).df()


def _accounts_with_sessions(path: Path) -> list[str]:
    return _sql(path, "SELECT account FROM sessions GROUP BY account ORDER BY account")["account"].tolist()


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "liveroi", *args, "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_one_pass_reads_what_sql_says_per_account(brand_db: Path) -> None:
    accounts = _accounts_with_sessions(brand_db)
    assert len(accounts) >= 3
    with db.connection(brand_db, read_only=True) as con:
        histories = load_histories(con)
        subset = load_histories(con, [accounts[1], EMPTY, "nobody"])
        single = load_history(con, accounts[0])
    assert list(histories) == accounts  # account order; the sessionless account is left out
    assert list(subset) == [accounts[1]]
    pd.testing.assert_frame_equal(subset[accounts[1]].sessions, histories[accounts[1]].sessions)
    pd.testing.assert_frame_equal(single.spend, histories[accounts[0]].spend)

    spend = _sql(
        brand_db,
        "SELECT s.account, p.channel, sum(coalesce(p.report_spend, p.export_spend, 0)) AS spend"
        " FROM session_spend p JOIN sessions s USING (session_id) GROUP BY ALL HAVING sum(coalesce(p.report_spend, p.export_spend, 0)) > 0",
    )
    sessions = _sql(
        brand_db, "SELECT account, session_id, started_at FROM sessions ORDER BY started_at, session_id"
    )
    promo = _sql(brand_db, "SELECT day, account FROM promo_days")
    for account, history in histories.items():
        expected = spend[spend["account"] == account].set_index("channel")["spend"].sort_index()
        assert history.channels == tuple(expected.index)
        assert history.spend.sum().to_numpy() == pytest.approx(expected.to_numpy())
        own = sessions[sessions["account"] == account].reset_index(drop=True)
        assert history.sessions["session_id"].tolist() == own["session_id"].tolist()  # oldest first
        days = {
            pd.Timestamp(d).date()
            for d in promo.loc[promo["account"].isna() | (promo["account"] == account), "day"]
        }
        flags = [d.date() in days for d in own["started_at"]]
        assert history.sessions["promo"].tolist() == flags
    # The account's own promo day counts for it and for no other account.
    first, second = accounts[0], accounts[1]
    own_day = pd.Timestamp(promo.loc[promo["account"] == first, "day"].iloc[0]).date()
    first_days = histories[first].sessions["started_at"].dt.date
    assert histories[first].sessions.loc[first_days == own_day, "promo"].all()
    second_days = histories[second].sessions["started_at"].dt.date
    assert (second_days == own_day).any()
    assert not histories[second].sessions.loc[second_days == own_day, "promo"].any()


def test_batch_equals_recommend_account_for_every_account(brand_db: Path) -> None:
    accounts = _accounts_with_sessions(brand_db)
    with db.connection(brand_db, read_only=True) as con:
        batch = recommend_accounts(con, lang="en", workers=2, max_change=0.2)
        single = {a: recommend_account(con, a, lang="en", max_change=0.2) for a in accounts}
    recs = list(batch)  # consumed after the connection closed: the batch read everything up front
    assert [r.account for r in recs] == accounts
    for rec in recs:
        one = single[rec.account]
        assert rec.suggested == pytest.approx(one.suggested, rel=1e-12)
        assert rec.to_json() == one.to_json()
        assert rec.settings.max_change == 0.2
        for channel, now in rec.current.items():  # the override reached the workers
            assert abs(rec.suggested[channel] - now) <= 0.2 * now + 0.01


def test_a_memo_fits_again_only_the_account_whose_inputs_changed(brand_db: Path, tmp_path: Path) -> None:
    """With a FitMemo, a second pass over unchanged data answers every account from it (the very same
    objects); after one account's latest session changes, that account alone is fitted again — and its
    answer is what a fresh fit without the memo gives on the new data. Run on a copy of the brand."""
    from liveroi.advisor.batch import FitMemo

    path = tmp_path / "copy.duckdb"
    path.write_bytes(brand_db.read_bytes())
    memo = FitMemo()
    with db.connection(path, read_only=True) as con:
        first = list(recommend_accounts(con, lang="en", workers=1, memo=memo))
        again = list(recommend_accounts(con, lang="en", workers=1, memo=memo))
        other_language = list(recommend_accounts(con, lang="zh", workers=1, memo=memo))
    assert len(memo) == 2 * len(first) == 2 * len(_accounts_with_sessions(brand_db))
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert not any(a is b for a, b in zip(first, other_language, strict=True))
    changed = first[0].account
    with db.connection(path) as con:
        con.execute(
            "UPDATE session_spend SET export_spend = export_spend * 1.5 WHERE session_id = ("
            " SELECT session_id FROM sessions WHERE account = ? ORDER BY started_at DESC LIMIT 1)",
            [changed],
        )
    with db.connection(path, read_only=True) as con:
        after = list(recommend_accounts(con, lang="en", workers=1, memo=memo))
        fresh = list(recommend_accounts(con, lang="en", workers=1))
    assert [r.account for r in after] == [r.account for r in first]
    assert after[0] is not first[0] and all(a is b for a, b in zip(first[1:], after[1:], strict=True))
    assert after[0].current_total == pytest.approx(fresh[0].current_total)
    assert after[0].current_total > first[0].current_total + 1  # the latest spend it steps from grew
    assert [r.to_json() for r in after] == [r.to_json() for r in fresh]
    assert len(memo) == 2 * len(first) + 1


def test_all_accounts_json_lines_name_every_account_once(brand_db: Path) -> None:
    accounts = _accounts_with_sessions(brand_db)
    result = _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["account"] for o in objects] == accounts
    one = _cli(brand_db, "--lang", "en", "recommend", "--account", accounts[-1], "--json")
    assert one.returncode == 0, one.stderr
    assert objects[-1] == json.loads(one.stdout)  # each line is exactly the per-account object


def test_all_accounts_short_answers_and_errors(brand_db: Path, db_path: Path) -> None:
    accounts = _accounts_with_sessions(brand_db)
    text = _cli(brand_db, "--lang", "en", "recommend", "--all-accounts")
    assert text.returncode == 0, text.stderr
    titles = [line for line in text.stdout.splitlines() if line.startswith("Next session's spend for ")]
    assert titles == [
        f"Next session's spend for {a} (from {n} sessions)"
        for a, n in _sql(brand_db, "SELECT account, count(*) FROM sessions GROUP BY 1 ORDER BY 1").itertuples(
            index=False
        )
    ]
    assert len(text.stdout.split("\n\n")) == len(accounts)

    both = _cli(brand_db, "recommend", "--account", accounts[0], "--all-accounts")
    assert both.returncode == 2
    assert "not allowed with argument" in both.stderr
    bad = _cli(brand_db, "--lang", "en", "recommend", "--all-accounts", "--max-change", "2")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "liveroi: invalid value for --max-change: 2.0"

    empty = _cli(db_path, "recommend", "--all-accounts", "--json")  # a fresh database: no sessions
    assert empty.returncode == 1
    assert empty.stdout == ""
    assert empty.stderr.strip() == "liveroi: 数据库里没有任何账号的场次数据"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_raise_below_break_even_on_gmv_says_the_followers_pay_for_it(brand_db: Path, lang: str) -> None:
    """A channel raised although its marginal ROI is below break-even is only right because of the
    followers it brings; the reason must say so with the numbers, for those channels only: the channel
    that moves most in the cold-start form (followers per ¥, ¥ per follower, what a follower is worth),
    the others with the followers' worth. The sample brand has such channels (粉条 brings followers
    cheaply)."""
    from liveroi.channels import channel_name
    from liveroi.formatting import count, money
    from liveroi.i18n import TRANSLATIONS

    phrase = TRANSLATIONS["advisor.reason.followers_pay"][lang].split("{")[0]
    cold = TRANSLATIONS["advisor.reason.cold_start"][lang]
    cold_phrase = cold[cold.index("{cost}") + len("{cost}") : cold.index("{value}")]
    explained = 0
    with db.connection(brand_db, read_only=True) as con:
        recs = list(recommend_accounts(con, lang=lang, workers=1))
    for rec in recs:
        expected = 0
        for channel in rec.channels:
            now, to = rec.current[channel], rec.suggested[channel]
            mroi, followers = rec.marginal_roi[channel], rec.marginal_followers[channel]
            if not (to > now > 0 and mroi < rec.breakeven_roi and followers > 0):
                continue
            expected += 1
            unit = 1000.0 if now >= 5000 else 100.0
            worth = followers * unit * rec.economics.follower_value
            assert channel_name(channel, lang) in rec.reason
            assert f"{count(round(followers * unit), lang)} " in rec.reason, rec.reason
            cost_each = money(1 / followers, lang, decimals=2)
            assert money(worth, lang) in rec.reason or cost_each in rec.reason, rec.reason
            # and it does pay at the margin: the GMV's margin plus the followers' value against the spend
            assert rec.economics.margin * mroi * unit + worth > 0.95 * unit
        assert rec.reason.count(phrase) + rec.reason.count(cold_phrase) == expected, rec.reason
        explained += expected
    assert explained >= 1
