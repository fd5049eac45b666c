-- An empty table with every canonical column as text: import_rows unions it BY NAME so that a column the
-- file does not have is simply NULL (static SQL over any file). _beyond_header is the first cell past the
-- header's width (readers.BEYOND_HEADER). Grain: no rows. No parameters.
CREATE OR REPLACE TEMP TABLE import_template (
    session_id           VARCHAR,
    account              VARCHAR,
    started_at           VARCHAR,
    ended_at             VARCHAR,
    duration_min         VARCHAR,
    shift                VARCHAR,
    impressions          VARCHAR,
    viewers              VARCHAR,
    views                VARCHAR,
    peak_online          VARCHAR,
    avg_watch_s          VARCHAR,
    new_followers        VARCHAR,
    product_impressions  VARCHAR,
    product_clicks       VARCHAR,
    orders               VARCHAR,
    buyers               VARCHAR,
    gmv                  VARCHAR,
    refunds              VARCHAR,
    ad_gmv               VARCHAR,
    time                 VARCHAR,
    hour                 VARCHAR,
    channel              VARCHAR,
    plan                 VARCHAR,
    spend                VARCHAR,
    _beyond_header       VARCHAR
);
