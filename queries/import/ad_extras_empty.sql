-- No extra figures in this ad report (see ad_extras.sql). Grain: no rows. No parameters.
CREATE OR REPLACE TEMP TABLE import_ad_extras (_row BIGINT, extras MAP(VARCHAR, DOUBLE));
