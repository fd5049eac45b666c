"""The sample brand: realistic magnitudes, consistent funnels, known curves, reproducible files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from liveroi import cli, db, sample
from liveroi.sample.profiles import CATEGORY, COLD_START, FLAGSHIP

CATEGORY_REFUNDS = {"beauty": (0.05, 0.15), "food": (0.03, 0.08), "apparel": (0.20, 0.35)}


@pytest.fixture(scope="module")
def brand() -> sample.SampleBrand:
    return sample.generate_brand()


def _with_spend(brand: sample.SampleBrand) -> pd.DataFrame:
    total = brand.spend.groupby("session_id")["spend"].sum()
    frame = brand.sessions.copy()
    frame["total_spend"] = total.reindex(frame["session_id"]).fillna(0.0).to_numpy()
    frame["day"] = frame["started_at"].dt.normalize()
    return frame


def _daily(brand: sample.SampleBrand) -> pd.DataFrame:
    return _with_spend(brand).groupby(["account", "day"], as_index=False)[["gmv", "total_spend"]].sum()


def test_calendar_accounts_and_sessions_per_day(brand: sample.SampleBrand) -> None:
    assert brand.start == dt.date(2026, 5, 29) and brand.end == dt.date(2026, 11, 24)
    assert list(brand.sessions.columns) == [*sample.SESSION_COLUMNS, "followers_total", "fans_gmv"]
    per_day = brand.sessions.groupby(["account", brand.sessions["started_at"].dt.date]).size()
    assert per_day.groupby(level=0).size().eq(180).all()  # every account broadcasts every day
    assert per_day.min() >= 1 and per_day.max() <= 3
    assert set(brand.sessions["account"]) == {FLAGSHIP.account, COLD_START.account, CATEGORY.account}
    assert brand.sessions["duration_min"].between(120, 360).all()
    assert set(brand.sessions["shift"]) == set(sample.SHIFTS)
    ids = brand.sessions["session_id"]
    assert ids.str.fullmatch(r"\d{19}").all() and ids.is_unique
    names = set(brand.promo_days["name"])
    assert {"618", "双11", "品牌日"} <= names


def test_shifts_of_one_account_never_share_a_clock_hour(brand: sample.SampleBrand) -> None:
    s = brand.sessions.sort_values(["account", "started_at"])
    next_start = s.groupby("account")["started_at"].shift(-1)
    last_hour_end = s["ended_at"].dt.floor("h") + pd.Timedelta(hours=1)
    assert (next_start.dropna() >= last_hour_end[next_start.notna()]).all()


@pytest.mark.parametrize("profile", [FLAGSHIP, COLD_START, CATEGORY], ids=lambda p: p.archetype)
def test_magnitudes_per_account_within_the_brief(brand: sample.SampleBrand, profile) -> None:
    s = _with_spend(brand)
    s = s[s["account"] == profile.account]
    roi = s["gmv"].sum() / s["total_spend"].sum()
    low = 0.8 if profile.archetype == "cold_start" else 1.2
    assert low <= roi <= 4.0
    assert 45 <= s["gmv"].sum() / s["buyers"].sum() <= 150  # AOV
    assert 0.005 <= s["buyers"].sum() / s["viewers"].sum() <= 0.03  # viewer → buyer
    assert 1 <= s["total_spend"].sum() / s["new_followers"].sum() <= 10  # cost per follower
    lo, hi = CATEGORY_REFUNDS[profile.category]
    assert lo <= s["refunds"].sum() / s["gmv"].sum() <= hi
    daily_spend = s.groupby("day")["total_spend"].sum()
    assert 5_000 <= daily_spend.median() <= 50_000
    assert 40 <= s["avg_watch_s"].mean() <= 90


def test_cold_start_roi_is_low_early_and_followers_grow_from_zero(brand: sample.SampleBrand) -> None:
    s = _with_spend(brand)
    s = s[s["account"] == COLD_START.account].sort_values("started_at")
    first_60 = s[s["day"] < pd.Timestamp(brand.start) + pd.Timedelta(days=60)]
    assert 0.8 <= first_60["gmv"].sum() / first_60["total_spend"].sum() <= 1.5
    followers = s["new_followers"].cumsum()
    assert followers.iloc[0] < 0.01 * followers.iloc[-1]
    assert 80_000 <= followers.iloc[-1] <= 150_000  # toward 10万
    # Paid follower traffic early, 小店通 later.
    spend = brand.spend.merge(s[["session_id", "day"]], on="session_id")
    early = spend[spend["day"] < pd.Timestamp("2026-06-28")].groupby("channel")["spend"].sum()
    late = spend[spend["day"] >= pd.Timestamp("2026-10-26")].groupby("channel")["spend"].sum()
    assert early["fentiao"] + early["works_promo"] > early["xiaodiantong"]
    assert late["xiaodiantong"] > late["fentiao"] + late["works_promo"]


def test_funnel_is_consistent_in_every_row(brand: sample.SampleBrand) -> None:
    s = brand.sessions
    assert (s["impressions"] > s["viewers"]).all()
    assert (s["viewers"] > s["product_clicks"]).all()
    assert (s["product_clicks"] > s["buyers"]).all()
    assert (s["buyers"] >= 1).all() and (s["orders"] >= s["buyers"]).all()
    assert (s["views"] >= s["viewers"]).all()
    shown = s["product_impressions"].notna()
    assert 0 < (~shown).sum() < 0.06 * len(s)  # a few '-' cells, as the back-ends print them
    assert (s.loc[shown, "product_impressions"] >= s.loc[shown, "product_clicks"]).all()
    assert (s.loc[shown, "product_impressions"] <= s.loc[shown, "viewers"]).all()
    assert (s["peak_online"] <= s["viewers"]).all() and (s["new_followers"] <= s["viewers"]).all()
    assert ((s["refunds"] >= 0) & (s["refunds"] <= s["gmv"])).all()
    big = s["impressions"] >= 10_000
    assert (s.loc[big, "impressions"] % 100 == 0).all()  # what "1.23万" can say exactly


def test_same_seed_same_brand_other_seed_other_brand() -> None:
    a, b = sample.generate_brand(7), sample.generate_brand(7)
    for name in ("sessions", "spend", "ad_report", "truth"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    other = sample.generate_brand(8)
    assert other.sessions["gmv"].sum() != pytest.approx(a.sessions["gmv"].sum(), rel=1e-6)


def test_double11_spend_and_gmv_above_the_median_day(brand: sample.SampleBrand) -> None:
    daily = _daily(brand)
    peak = daily[daily["day"] == pd.Timestamp("2026-11-11")].set_index("account")
    median = daily.groupby("account")[["gmv", "total_spend"]].median()
    assert (peak["total_spend"] > 2 * median["total_spend"]).all()
    assert (peak["gmv"] > 1.5 * median["gmv"]).all()
    # …but a lower ROI than the account's ordinary days, as practitioners report.
    peak_roi = peak["gmv"] / peak["total_spend"]
    overall_roi = daily.groupby("account")["gmv"].sum() / daily.groupby("account")["total_spend"].sum()
    assert (peak_roi < overall_roi.reindex(peak_roi.index)).all()


def test_weekends_sell_more(brand: sample.SampleBrand) -> None:
    daily = _daily(brand)
    ordinary = ~daily["day"].dt.date.isin(set(brand.promo_days["day"]))
    daily = daily[ordinary & (daily["account"] == FLAGSHIP.account)]
    weekend = daily["day"].dt.day_of_week >= 5
    assert daily.loc[weekend, "gmv"].mean() > 1.05 * daily.loc[~weekend, "gmv"].mean()


def test_sessions_follow_the_documented_curve(brand: sample.SampleBrand) -> None:
    wide = brand.spend.pivot_table(index="session_id", columns="channel", values="spend", aggfunc="sum")
    truth = brand.truth.set_index("session_id")
    flagship = truth[truth["account"] == FLAGSHIP.account]
    spend = wide["xiaodiantong"].reindex(flagship.index).fillna(0.0)
    plan = FLAGSHIP.channels["xiaodiantong"]
    k = plan.reference_spend * plan.marginal_roi / (plan.average_roi - plan.marginal_roi)
    top = plan.average_roi * (plan.reference_spend + k)
    expected = top * spend / (spend + k) * flagship["paid_multiplier"] * flagship["noise"]
    np.testing.assert_allclose(flagship["incremental_gmv_xiaodiantong"], expected, rtol=1e-9)


def test_overspent_and_starved_channels(brand: sample.SampleBrand) -> None:
    s = _with_spend(brand)
    wide = brand.spend.pivot_table(index="session_id", columns="channel", values="spend", aggfunc="sum")

    def breakeven(account: str) -> float:
        rows = s[s["account"] == account]
        return 1 / (0.5 * (1 - rows["refunds"].sum() / rows["gmv"].sum()))

    def whole_room_roi(account: str) -> float:
        rows = s[s["account"] == account]
        return rows["gmv"].sum() / rows["total_spend"].sum()

    # Flagship 小店通: marginal ROI at the usual spend below break-even, while the room's ROI is above.
    ids = s.loc[s["account"] == FLAGSHIP.account, "session_id"]
    xdt = wide["xiaodiantong"].reindex(ids).dropna()
    low, median, high = np.percentile(xdt, [10, 50, 90])
    marginal = brand.marginal_roi(FLAGSHIP.account, "xiaodiantong", np.array([low, median, high]))
    assert marginal[2] < marginal[1] < marginal[0]  # diminishing returns
    assert marginal[1] < breakeven(FLAGSHIP.account) < whole_room_roi(FLAGSHIP.account)
    curve = brand.curve(FLAGSHIP.account, "xiaodiantong")
    assert curve["optimal_spend"] < 0.6 * median

    # Category 磁力金牛: every extra yuan at the usual spend pays well above break-even.
    ids = s.loc[s["account"] == CATEGORY.account, "session_id"]
    jinniu = wide["jinniu"].reindex(ids).dropna()
    marginal = brand.marginal_roi(CATEGORY.account, "jinniu", float(jinniu.median()))
    assert marginal > 1.2 * breakeven(CATEGORY.account)
    assert brand.curve(CATEGORY.account, "jinniu")["optimal_spend"] > 1.5 * jinniu.median()


def test_spend_varies_except_the_fixed_package(brand: sample.SampleBrand) -> None:
    spend = brand.spend.merge(brand.sessions[["session_id", "account"]], on="session_id")
    variation = spend.groupby(["account", "channel"])["spend"].agg(lambda x: x.std() / x.mean())
    fixed = variation.pop((FLAGSHIP.account, "fentiao"))
    assert fixed < 0.05
    assert (variation > 0.2).all()


def test_ad_gmv_over_credits_the_ads(brand: sample.SampleBrand) -> None:
    merged = brand.sessions.merge(brand.truth[["session_id", "incremental_gmv"]], on="session_id")
    assert (merged["ad_gmv"] >= merged["incremental_gmv"] - 0.01).all()
    assert (merged["ad_gmv"] <= merged["gmv"]).all()
    totals = merged.groupby("account")[["ad_gmv", "incremental_gmv", "gmv"]].sum()
    assert (totals["ad_gmv"] > 1.1 * totals["incremental_gmv"]).all()
    assert (totals["ad_gmv"] < totals["gmv"]).all()


def test_ad_report_agrees_with_the_spend_and_warmups_overlap_no_session(brand: sample.SampleBrand) -> None:
    report = brand.ad_report
    assert set(report["channel"]) == {*sample.REPORT_CHANNELS, "fentiao"}
    attributed = report[report["session_id"].notna()]
    sums = attributed.groupby(["session_id", "channel"])["spend"].sum().round(2)
    spend = brand.spend[brand.spend["channel"].isin(sample.REPORT_CHANNELS)].set_index(
        ["session_id", "channel"]
    )
    pd.testing.assert_series_equal(sums.sort_index(), spend["spend"].sort_index(), check_names=False)
    # Each hourly row overlaps its own session.
    rows = attributed.merge(brand.sessions[["session_id", "started_at", "ended_at"]], on="session_id")
    assert (
        (rows["period_start"] < rows["ended_at"])
        & (rows["period_start"] + pd.Timedelta(hours=1) > rows["started_at"])
    ).all()
    # Warm-ups overlap no session of their account.
    warm = report[report["session_id"].isna()]
    assert len(warm) > 20 and (warm["period_start"].dt.hour == 7).all()
    pairs = warm.merge(brand.sessions[["account", "started_at", "ended_at"]], on="account")
    overlap = (pairs["period_start"] < pairs["ended_at"]) & (
        pairs["period_start"] + pd.Timedelta(hours=1) > pairs["started_at"]
    )
    assert not overlap.any()
    assert not report.duplicated(["account", "channel", "plan", "period_start"]).any()


def test_write_to_db_is_idempotent_and_matches_the_brand(db_path: Path, brand: sample.SampleBrand) -> None:
    with db.connection(db_path) as con:
        con.execute(
            "INSERT INTO sessions (session_id, account, started_at, gmv) VALUES ('x1', '别的账号', TIMESTAMP '2026-06-01 20:00', 100)"
        )
        sample.write_to_db(con, brand)
        sample.write_to_db(con, brand)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM ad_spend), (SELECT count(*) FROM promo_days)"
        ).fetchone()
        metrics = con.execute(
            "SELECT sum(gmv), sum(total_spend) FROM session_metrics WHERE account <> '别的账号'"
        ).fetchone()
        unattributed = con.execute("SELECT sum(unattributed_spend) FROM daily_metrics").fetchone()[0]
        daily_total = con.execute(
            "SELECT sum(total_spend) FROM daily_metrics WHERE account <> '别的账号'"
        ).fetchone()[0]
    assert counts == (len(brand.sessions) + 1, len(brand.ad_report), len(brand.promo_days))
    assert metrics[0] == pytest.approx(brand.sessions["gmv"].sum(), abs=0.01)
    assert metrics[1] == pytest.approx(brand.spend["spend"].sum(), abs=0.01)
    warm = brand.ad_report.loc[brand.ad_report["session_id"].isna(), "spend"].sum()
    assert unattributed == pytest.approx(warm, abs=0.01) and warm > 0
    assert daily_total == pytest.approx(brand.spend["spend"].sum() + warm, abs=0.01)


def test_sample_cli_loads_into_a_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sample", "--db", str(db_path), "--seed", "3", "--days", "30"]) == 0
    summary = json.loads(capsys.readouterr().out)
    with db.connection(db_path, read_only=True) as con:
        sessions = con.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert summary["sessions"] == sessions == len(sample.generate_brand(3, days=30).sessions)
    assert summary["start"] == "2026-10-26"


def test_shipped_sample_data_is_the_generator_output_byte_for_byte(tmp_path: Path) -> None:
    written = sample.write_exports(sample.generate_brand(), tmp_path)
    shipped = sample.sample_export_paths()
    assert [p.name for p in shipped] == sorted(p.name for p in written)
    for path in written:
        assert path.read_bytes() == (sample.SAMPLE_DATA_DIR / path.name).read_bytes(), (
            f"{path.name} drifted: run python -m liveroi sample --write-exports sample_data/"
        )


def test_session_export_is_messy_the_way_the_back_end_is(tmp_path: Path, brand: sample.SampleBrand) -> None:
    session_file, _ = sample.write_exports(brand, tmp_path)
    raw = session_file.read_bytes()
    text = raw.decode("gbk")  # GBK, not UTF-8
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0].startswith("快手直播场次数据")
    assert lines[1].split(",") == [
        "直播ID", "账号名称", "开播时间", "下播时间", "直播时长", "直播间曝光人数", "观看人数", "观看人次",
        "最高在线人数", "平均观看时长", "涨粉数", "粉丝总数", "商品曝光人数", "商品点击人数", "成交订单数", "成交人数",
        "成交金额(元)", "退款金额(元)", "广告成交金额(元)", "粉丝成交金额(元)", "小店通消耗(元)", "磁力金牛消耗(元)", "粉条消耗(元)",
        "作品推广消耗(元)", "班次",
    ]  # fmt: skip
    table = pd.read_csv(session_file, encoding="gbk", skiprows=1, dtype=str, keep_default_na=False)
    assert table["直播ID"].iloc[-1] == "合计" and len(table) == len(brand.sessions) + 1
    body = table.iloc[:-1]
    assert body["直播ID"].tolist() == brand.sessions["session_id"].tolist()
    assert body["开播时间"].str.fullmatch(r"2026/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}").all()
    assert body["开播时间"].str.contains(r"/\d/|\s\d:").any()  # no zero padding
    assert body["直播时长"].str.fullmatch(r"\d小时\d{1,2}分\d{1,2}秒").all()
    assert body["平均观看时长"].str.fullmatch(r"(\d+分)?\d{1,2}秒").all()
    assert body["直播间曝光人数"].str.endswith("万").any() and body["观看人次"].str.endswith("万").any()
    assert body["成交金额(元)"].str.match(r"￥\d{1,3}(,\d{3})+\.\d\d$").any()
    assert (body["商品曝光人数"] == "-").any() and (body["作品推广消耗(元)"] == "-").any()
    # Every 万 and money cell says exactly what the brand holds.
    wan = body["直播间曝光人数"].str.endswith("万")
    as_number = body.loc[wan, "直播间曝光人数"].str.rstrip("万").astype(float) * 10_000
    np.testing.assert_allclose(as_number.round(), brand.sessions.loc[wan.to_numpy(), "impressions"])
    money = body["成交金额(元)"].str.replace(r"[￥,]", "", regex=True).astype(float)
    np.testing.assert_allclose(money, brand.sessions["gmv"], atol=0.001)


def test_ad_report_file_is_utf8_with_bom(tmp_path: Path, brand: sample.SampleBrand) -> None:
    _, report_file = sample.write_exports(brand, tmp_path)
    raw = report_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(report_file, encoding="utf-8-sig", dtype=str)
    assert list(table.columns) == ["时间", "账号", "推广工具", "计划名称", "消耗(元)", "广告成交金额(元)"]
    assert table["时间"].str.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:00").all()
    assert set(table["推广工具"]) == {"小店通", "磁力金牛", "粉条"}
    assert table["消耗(元)"].astype(float).sum() == pytest.approx(brand.ad_report["spend"].sum(), abs=0.01)


def test_generator_scales_to_many_accounts() -> None:
    big = sample.generate_brand(1, n_accounts=40, days=60, with_ad_report=False)
    assert big.sessions["account"].nunique() == 40 and big.accounts["account"].is_unique
    assert big.sessions["session_id"].is_unique
    assert big.ad_report.empty
    per_day = big.sessions.groupby(["account", big.sessions["started_at"].dt.date]).size()
    assert per_day.between(1, 3).all() and len(per_day) == 40 * 60
    assert (big.sessions["impressions"] > big.sessions["viewers"]).all()
    assert re.fullmatch(r"样例\S+\d{3}", big.accounts["account"].iloc[-1])
