-- receipts (postgres)
-- What a warehouse scanned in: one receipt per scan of a return, found by
-- its RMA or a label's tracking number.
CREATE TABLE receipts (
    id TEXT PRIMARY KEY,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    -- The RMA or tracking number as scanned.
    reference TEXT NOT NULL,
    location TEXT,
    actor TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX receipts_brand_created ON receipts (brand_id, created_at, id);
CREATE INDEX receipts_return ON receipts (return_id, created_at);
-- One row per physical unit: its item (none for a unit that was not in the
-- return), condition, and the disposition the rules (or the merchant) gave it.
CREATE TABLE receipt_units (
    id TEXT PRIMARY KEY,
    receipt_id TEXT NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
    brand_id TEXT NOT NULL,
    return_id TEXT NOT NULL,
    return_item_id TEXT,
    position INTEGER NOT NULL,
    sku TEXT NOT NULL,
    condition_code TEXT,
    damaged BOOLEAN NOT NULL,
    unexpected BOOLEAN NOT NULL,
    unit_value BIGINT NOT NULL,
    disposition TEXT NOT NULL,
    grade TEXT,
    -- The rule that chose the disposition; none for the brand's default.
    rule_id TEXT,
    overridden_by TEXT,
    overridden_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX receipt_units_receipt ON receipt_units (receipt_id, position);
CREATE INDEX receipt_units_brand_created ON receipt_units (brand_id, created_at);
-- The inventory ledger: append-only, numbered per brand in commit order
-- (the number is taken under the brand's row in inventory_sequences, held
-- until commit), so a reader resuming after a number never misses a row.
CREATE TABLE inventory_sequences (
    brand_id TEXT PRIMARY KEY REFERENCES brands (id) ON DELETE CASCADE,
    last_seq BIGINT NOT NULL
);
CREATE TABLE inventory_movements (
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    sku TEXT NOT NULL,
    location TEXT,
    quantity INTEGER NOT NULL,
    disposition TEXT NOT NULL,
    grade TEXT,
    return_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL,
    -- received | reclassified
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, seq)
);
CREATE INDEX inventory_movements_created ON inventory_movements (brand_id, created_at, seq);
CREATE INDEX inventory_movements_receipt ON inventory_movements (receipt_id, seq);
-- A scanned tracking number finds its label without the carrier.
CREATE INDEX labels_tracking_number ON labels (tracking_number);
