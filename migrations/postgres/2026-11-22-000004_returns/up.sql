-- Returns with items and shipments, their labels, the audit trail, the
-- durable outbox / job queue, idempotency keys and photo uploads.
CREATE TABLE returns (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    order_number TEXT NOT NULL,
    rma_number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    return_method TEXT NOT NULL,
    resolution TEXT NOT NULL,
    resolution_given TEXT,
    rejection TEXT,
    locale TEXT NOT NULL,
    currency TEXT NOT NULL,
    return_fee BIGINT,
    estimated_refund BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX returns_brand_id ON returns (brand_id, id);
CREATE INDEX returns_order ON returns (order_id);

CREATE TABLE return_shipments (
    id TEXT PRIMARY KEY NOT NULL,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    address_id TEXT NOT NULL,
    address TEXT NOT NULL,
    carrier TEXT
);
CREATE INDEX return_shipments_return ON return_shipments (return_id);

CREATE TABLE return_items (
    id TEXT PRIMARY KEY NOT NULL,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    shipment_id TEXT NOT NULL REFERENCES return_shipments (id) ON DELETE CASCADE,
    order_id TEXT NOT NULL,
    order_line_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_price BIGINT NOT NULL,
    requested_quantity INTEGER NOT NULL,
    approved_quantity INTEGER NOT NULL,
    received_quantity INTEGER NOT NULL,
    damaged_quantity INTEGER NOT NULL,
    reason_code TEXT NOT NULL,
    comment TEXT,
    condition_code TEXT,
    received_condition_code TEXT,
    image_ids TEXT NOT NULL,
    rejection_reason TEXT
);
CREATE INDEX return_items_return ON return_items (return_id);
CREATE INDEX return_items_order_line ON return_items (order_id, order_line_id);

CREATE TABLE labels (
    id TEXT PRIMARY KEY NOT NULL,
    shipment_id TEXT NOT NULL UNIQUE REFERENCES return_shipments (id) ON DELETE CASCADE,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    brand_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    carrier TEXT NOT NULL,
    tracking_number TEXT,
    dropoff_code TEXT,
    file_path TEXT,
    error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX labels_return ON labels (return_id);

CREATE TABLE return_events (
    id TEXT PRIMARY KEY NOT NULL,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    brand_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    details TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX return_events_return ON return_events (return_id, id);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    brand_id TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    dedupe_key TEXT UNIQUE,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP,
    locked_by TEXT,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, run_at);
CREATE INDEX outbox_aggregate ON outbox (aggregate_id);

CREATE TABLE idempotency_keys (
    brand_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE uploads (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    return_id TEXT REFERENCES returns (id) ON DELETE SET NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX uploads_order ON uploads (order_id);
CREATE INDEX uploads_sha ON uploads (sha256);
CREATE INDEX uploads_created ON uploads (created_at);
