-- Trends: cumulative new followers per account since its first session, on each day with a session
-- from $since to $end (plus the last one before $since, whose count carries forward), for the $top_n
-- accounts of the selection that gained the most followers.
-- Grain: one row per account per broadcast day. accounts_in_selection counts every account selected;
-- reached_on is the first day the account's count reached $milestone (NULL: not yet).
-- Parameters: $accounts (VARCHAR[], empty = every account), $since (DATE), $end (DATE), $top_n,
-- $milestone.
WITH daily AS (
    SELECT
        account,
        CAST(started_at AS DATE)           AS day,
        sum(coalesce(new_followers, 0))    AS new_followers
    FROM sessions
    WHERE CAST(started_at AS DATE) <= CAST($end AS DATE)
      AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), account))
    GROUP BY ALL
),
running AS (
    SELECT
        account,
        day,
        new_followers,
        sum(new_followers) OVER (PARTITION BY account ORDER BY day) AS cumulative,
        lead(day) OVER (PARTITION BY account ORDER BY day)          AS next_day
    FROM daily
),
ranked AS (
    SELECT
        account,
        row_number() OVER (ORDER BY max(cumulative) DESC, account) AS rank,
        count(*) OVER ()                                            AS accounts_in_selection,
        min(day) FILTER (WHERE cumulative >= $milestone)            AS reached_on
    FROM running
    GROUP BY account
)
SELECT r.account, r.day, r.new_followers, r.cumulative, k.rank, k.accounts_in_selection, k.reached_on
FROM running AS r
JOIN ranked AS k USING (account)
WHERE k.rank <= $top_n
  AND (r.day >= CAST($since AS DATE)           -- the period, plus the last day before it (carried forward)
       OR r.next_day IS NULL OR r.next_day >= CAST($since AS DATE))
ORDER BY k.rank, r.day;
