-- The other known figures of an ad report's rows (headers.AD_EXTRAS: GMV windows 直接 / T+1 … T+30,
-- orders, 千川 net GMV, 1-hour refunds, coupons, followers, 磁力金牛's 涨粉 GMV windows and retention) as a map name → value (元 after the header's
-- unit, or a count), NULL when a row has none. A cell that does not parse is left out: an extra never
-- rejects a row. Run only for a report that has such columns (else ad_extras_empty).
-- Grain: one row per distinct, non-blank, non-summary data row. Parameters: $scales (as ad_parse).
CREATE OR REPLACE TEMP TABLE import_ad_extras AS
WITH listed AS (
    SELECT
        _row,
        list_filter(
            [
            {'k': 'gmv_direct', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_direct) * $scales.ad_x_gmv_direct, 2)},
            {'k': 'gmv_t1', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_t1) * $scales.ad_x_gmv_t1, 2)},
            {'k': 'gmv_t3', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_t3) * $scales.ad_x_gmv_t3, 2)},
            {'k': 'gmv_t7', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_t7) * $scales.ad_x_gmv_t7, 2)},
            {'k': 'gmv_t15', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_t15) * $scales.ad_x_gmv_t15, 2)},
            {'k': 'gmv_t30', 'v': round(liveroi_number_of_raw_fast(ad_x_gmv_t30) * $scales.ad_x_gmv_t30, 2)},
            {'k': 'orders', 'v': round(liveroi_number_of_raw_fast(ad_x_orders) * $scales.ad_x_orders, 2)},
            {'k': 'net_gmv', 'v': round(liveroi_number_of_raw_fast(ad_x_net_gmv) * $scales.ad_x_net_gmv, 2)},
            {'k': 'refunds_1h', 'v': round(liveroi_number_of_raw_fast(ad_x_refunds_1h) * $scales.ad_x_refunds_1h, 2)},
            {'k': 'coupon', 'v': round(liveroi_number_of_raw_fast(ad_x_coupon) * $scales.ad_x_coupon, 2)},
            {'k': 'new_followers', 'v': round(liveroi_number_of_raw_fast(ad_x_new_followers) * $scales.ad_x_new_followers, 2)},
            {'k': 'fans_gmv_t0', 'v': round(liveroi_number_of_raw_fast(ad_x_fans_gmv_t0) * $scales.ad_x_fans_gmv_t0, 2)},
            {'k': 'fans_gmv_t1', 'v': round(liveroi_number_of_raw_fast(ad_x_fans_gmv_t1) * $scales.ad_x_fans_gmv_t1, 2)},
            {'k': 'fans_gmv_t7', 'v': round(liveroi_number_of_raw_fast(ad_x_fans_gmv_t7) * $scales.ad_x_fans_gmv_t7, 2)},
            {'k': 'fans_gmv_t15', 'v': round(liveroi_number_of_raw_fast(ad_x_fans_gmv_t15) * $scales.ad_x_fans_gmv_t15, 2)},
            {'k': 'fans_gmv_t30', 'v': round(liveroi_number_of_raw_fast(ad_x_fans_gmv_t30) * $scales.ad_x_fans_gmv_t30, 2)},
            {'k': 'followers_kept_1d', 'v': round(liveroi_number_of_raw_fast(ad_x_followers_kept_1d) * $scales.ad_x_followers_kept_1d, 2)},
            {'k': 'followers_kept_7d', 'v': round(liveroi_number_of_raw_fast(ad_x_followers_kept_7d) * $scales.ad_x_followers_kept_7d, 2)},
            {'k': 'followers_kept_15d', 'v': round(liveroi_number_of_raw_fast(ad_x_followers_kept_15d) * $scales.ad_x_followers_kept_15d, 2)},
            {'k': 'followers_kept_30d', 'v': round(liveroi_number_of_raw_fast(ad_x_followers_kept_30d) * $scales.ad_x_followers_kept_30d, 2)}
            ],
            e -> e.v IS NOT NULL
        ) AS extras_list
    FROM import_rows
    WHERE NOT _blank AND NOT _summary
)
SELECT _row, CASE WHEN len(extras_list) > 0 THEN map_from_entries(extras_list) END AS extras
FROM listed;
