-- Trends: each account's follower count on each day with a session from $since to $end (plus the last
-- one before $since, whose count carries forward), for the $top_n accounts of the selection with the
-- most followers. The count is the real stock where the exports carry it — the day's last 粉丝总数
-- (followers_total), carried forward over days without one — and otherwise the account's "followers
-- before the first imported session" setting (0 when not set) plus its cumulative new followers.
-- stock_source says which: 'followers_total' | 'cumulative' | 'cumulative_from_zero'.
-- Grain: one row per account per broadcast day. accounts_in_selection counts every account selected;
-- reached_on is the first day the account's count reached $milestone (NULL: not yet).
-- Parameters: $accounts (VARCHAR[], empty = every account), $since (DATE), $end (DATE), $top_n,
-- $milestone.
-- Speed: the accounts are ranked from per-account sums over their days (peak: the largest 粉丝总数, or
-- followers_before + new followers up to the first day with one / in all), and only the $top_n accounts'
-- days go through the running windows (500 accounts' 500k days at 1M sessions: 0.8 → 0.2 s).
WITH daily AS MATERIALIZED (
    SELECT
        account,
        CAST(started_at AS DATE)                              AS day,
        sum(coalesce(new_followers, 0))                       AS new_followers,
        arg_max(followers_total, started_at) FILTER (WHERE followers_total IS NOT NULL) AS day_total
    FROM sessions
    WHERE CAST(started_at AS DATE) <= CAST($end AS DATE)
      AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), account))
    GROUP BY ALL
),
first_total AS (
    SELECT account, min(day) FILTER (WHERE day_total IS NOT NULL) AS first_day, max(day_total) AS max_total
    FROM daily
    GROUP BY account
),
peaks AS (
    -- the largest count the running windows below give each account: carried 粉丝总数 from its first day
    -- with one, before that (or throughout, without one) followers_before + new followers so far
    SELECT
        d.account,
        CASE
            WHEN f.first_day IS NULL
                THEN coalesce(any_value(st.followers_before), 0) + sum(d.new_followers)
            ELSE greatest(
                any_value(f.max_total),
                coalesce(any_value(st.followers_before), 0)
                    + sum(d.new_followers) FILTER (WHERE d.day < f.first_day)
            )
        END AS peak
    FROM daily AS d
    JOIN first_total AS f USING (account)
    LEFT JOIN settings AS st ON st.account = d.account
    GROUP BY d.account, f.first_day
),
ranked AS (
    SELECT
        account,
        row_number() OVER (ORDER BY peak DESC, account) AS rank,
        count(*) OVER ()                                AS accounts_in_selection
    FROM peaks
),
top AS (
    SELECT * FROM ranked WHERE rank <= $top_n
),
running AS (
    SELECT
        d.account,
        d.day,
        d.new_followers,
        coalesce(st.followers_before, 0)
            + sum(d.new_followers) OVER (PARTITION BY d.account ORDER BY d.day) AS from_new,
        last_value(d.day_total IGNORE NULLS) OVER (
            PARTITION BY d.account ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        )                                                                        AS from_total,
        count(d.day_total) OVER (PARTITION BY d.account) > 0                     AS has_total,
        st.followers_before,
        lead(d.day) OVER (PARTITION BY d.account ORDER BY d.day)                 AS next_day
    FROM daily AS d
    SEMI JOIN top AS k ON k.account = d.account
    LEFT JOIN settings AS st ON st.account = d.account
),
counted AS (
    SELECT
        account,
        day,
        new_followers,
        CASE WHEN has_total THEN coalesce(from_total, from_new) ELSE from_new END AS cumulative,
        CASE WHEN has_total THEN 'followers_total'
             WHEN followers_before IS NOT NULL THEN 'cumulative'
             ELSE 'cumulative_from_zero' END                                      AS stock_source,
        next_day
    FROM running
),
reached AS (
    SELECT account, min(day) FILTER (WHERE cumulative >= $milestone) AS reached_on
    FROM counted
    GROUP BY account
)
SELECT
    r.account, r.day, r.new_followers, r.cumulative, r.stock_source, k.rank, k.accounts_in_selection,
    m.reached_on
FROM counted AS r
JOIN top AS k USING (account)
JOIN reached AS m USING (account)
WHERE r.day >= CAST($since AS DATE)           -- the period, plus the last day before it (carried forward)
   OR r.next_day IS NULL OR r.next_day >= CAST($since AS DATE)
ORDER BY k.rank, r.day;
