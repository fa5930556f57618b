-- Orders (stored as a validated JSON document plus the columns lookups need),
-- tracking numbers, portal-token signing keys and lookup rate limits.
CREATE TABLE orders (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    number_key TEXT NOT NULL,
    placed_at TIMESTAMP NOT NULL,
    currency TEXT NOT NULL,
    email_norm TEXT,
    phone_e164 TEXT,
    postal_norm TEXT,
    country TEXT NOT NULL,
    document TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX orders_brand_number ON orders (brand_id, number_key);

CREATE TABLE order_tracking (
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    tracking_key TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    PRIMARY KEY (brand_id, tracking_key)
);
CREATE INDEX order_tracking_order ON order_tracking (order_id);

CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY NOT NULL,
    secret TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP
);

CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL
);
