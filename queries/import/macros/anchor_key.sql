-- Macro liveroi_anchor_key(id): the form of an anchor id (抖音号) that a masked and an unmasked copy of it
-- share. The 罗盘 直播间列表 masks the id (`793****514`: the first and last three characters kept) while the
-- 整场数据下载 workbook writes it whole (`7931234514`); both become `793*514`, so the two files of one
-- session derive the same session id. Ids shorter than 7 characters are kept as written.
-- Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_anchor_key(id) AS (
    CASE WHEN length(id) >= 7 THEN left(id, 3) || '*' || right(id, 3) ELSE id END
);
