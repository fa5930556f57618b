-- report summaries (postgres)
-- Returns reports read per-period summaries instead of the returns: one row
-- per brand, dimension (reason, sku, vendor, resolution, disposition,
-- country, day), grain, period, key and currency. A period is a UTC day
-- (grain 'd', 'YYYY-MM-DD') or a UTC month (grain 'm', 'YYYY-MM', the sum
-- of its days), so a report over a year reads twelve months and the days
-- at its edges, each a range of the primary key. An empty key stands for
-- "none" (no vendor: the merchant's own items).
CREATE TABLE report_summaries (
    brand_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    grain TEXT NOT NULL,
    period TEXT NOT NULL,
    key TEXT NOT NULL,
    currency TEXT NOT NULL,
    returns BIGINT NOT NULL,
    units BIGINT NOT NULL,
    value BIGINT NOT NULL,
    refund_units BIGINT NOT NULL,
    exchange_units BIGINT NOT NULL,
    received_units BIGINT NOT NULL,
    unexpected_units BIGINT NOT NULL,
    PRIMARY KEY (brand_id, dimension, grain, period, key, currency)
);

-- How far each brand's summaries are current: returns changed after
-- rolled_up_to (less a margin for transactions still open then) make their
-- day due again. Its row is also the lock that serialises the rollups of a
-- brand across nodes.
CREATE TABLE report_rollups (
    brand_id TEXT PRIMARY KEY NOT NULL,
    rolled_up_to TIMESTAMP NOT NULL
);

-- The rollup finds changed returns by brand and time, and the returns of a
-- day by brand and creation time.
CREATE INDEX returns_brand_updated ON returns (brand_id, updated_at);
CREATE INDEX returns_brand_created ON returns (brand_id, created_at);
CREATE INDEX receipt_units_return ON receipt_units (return_id);
