"""The sample brand 暖山: three Kuaishou self-broadcast accounts over 180 days ending 2026-11-24.

``generate_brand()`` builds it (vectorised, seeded, deterministic); ``write_to_db`` loads it straight
into a database; ``write_exports`` prints it as the files a user downloads from the back-ends (the
ones shipped in ``sample_data/``); ``load_sample_exports`` imports those through the real importer.

The accounts (break-even ROI at the default 50 % gross margin and the account's refund rate):

* **暖山官方旗舰店** — flagship, beauty (refunds ≈ 10 %, break-even ≈ 2.2), steady state, 2–3 shifts a
  day, 小店通 + 磁力金牛 + 粉条, ≈ ¥28k spend a day, whole-room ROI ≈ 3.0–3.1, ~30 % of GMV organic.
  **Over-spends 小店通**: at its usual ¥7,000 per evening session the channel's average ROI is 2.0
  but its marginal ROI is 0.85 — far below break-even while the room's ROI is well above it. Its
  profit-maximising spend on an ordinary day is ≈ ¥2,400 (``SampleBrand.curves.optimal_spend``).
  磁力金牛 is close to its optimum (marginal 2.1 at ¥3,500; optimum ≈ ¥3,000). 粉条 is a fixed
  package (≈ ¥1,500 a session, ±2 %, not scaled by shift or promo), so its curve cannot be learnt from
  history: the advisor should hold it and say so.
* **暖山好物直播间** — new account, food (refunds ≈ 5 %, break-even ≈ 2.1), cold start from 0
  followers: ≈ 13万 new followers in 180 days (cost per follower ≈ ¥9) on heavy 粉条/作品推广 early,
  shifting to 小店通. Followers are an asset here (the carry-over model of :mod:`liveroi.sample.generate`):
  0.4 % unfollow per session, so the stock at the end is ≈ 8.4万, and each follower in stock pays
  ≈ ¥0.14 per session once the shop has matured — the export carries 粉丝总数 and 粉丝成交金额, and a
  new follower measures at ≈ ¥6.8 of margin over ≈ 130 sessions. ROI ≈ 1.5 in the first two months,
  ≈ 2.5 overall. Its 小店通 (marginal 1.3 at ¥3,600) is over-spent on GMV alone; whether it pays
  depends on the value of a follower.
* **暖山女装** — category account, apparel (refunds ≈ 28 %, break-even ≈ 2.8), ROI ≈ 3.6.
  **Starves 磁力金牛**: at ≈ ¥1,200 per evening session its marginal ROI is 3.8 (≫ 2.8); the optimum
  is ≈ ¥2,500. 小店通 sits near its optimum (marginal 2.7 at ¥4,500; optimum ≈ ¥3,900).

Promo days: 618 (warm-up from 06-10), 品牌日 09-09, 双11 (warm-up from 10-25, peak ×4 spend, 返场);
on peak days every account runs all three shifts. Promo days' ROI is lower than ordinary days'.
The ad-spend report also carries warm-up plans (粉条, 07:00) that overlap no session: unattributed.
The true curves are in ``SampleBrand.curves``; per-session truth (multipliers, organic and
incremental GMV) in ``SampleBrand.truth`` — for the advisor's tests, not for the dashboard.
"""

from liveroi.contract import SESSION_FIELDS as SESSION_COLUMNS
from liveroi.sample.exports import export_file_names, write_exports
from liveroi.sample.generate import (
    DEFAULT_DAYS,
    DEFAULT_END,
    DEFAULT_SEED,
    SHIFTS,
    SampleBrand,
    generate_brand,
    marginal_response,
    response,
)
from liveroi.sample.profiles import REPORT_CHANNELS, SAMPLE_CHANNELS
from liveroi.sample.promos import promo_calendar
from liveroi.sample.store import (
    SAMPLE_DATA_DIR,
    load_sample,
    load_sample_exports,
    sample_export_paths,
    write_promo_days,
    write_to_db,
)

__all__ = [
    "DEFAULT_DAYS",
    "DEFAULT_END",
    "DEFAULT_SEED",
    "REPORT_CHANNELS",
    "SAMPLE_CHANNELS",
    "SAMPLE_DATA_DIR",
    "SESSION_COLUMNS",
    "SHIFTS",
    "SampleBrand",
    "export_file_names",
    "generate_brand",
    "load_sample",
    "load_sample_exports",
    "marginal_response",
    "promo_calendar",
    "response",
    "sample_export_paths",
    "write_exports",
    "write_promo_days",
    "write_to_db",
]
