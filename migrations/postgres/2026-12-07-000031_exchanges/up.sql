-- exchanges (postgres)
-- An item may ask for its own resolution: an exchange for another variant
-- of the catalogue (variant_sku), with the price difference per unit in the
-- order's currency (positive when dearer), or a refund or store credit.
ALTER TABLE return_items ADD COLUMN resolution TEXT;
ALTER TABLE return_items ADD COLUMN variant_sku TEXT;
ALTER TABLE return_items ADD COLUMN price_difference BIGINT;
-- The reference of the new sale raised for the exchange.
ALTER TABLE return_items ADD COLUMN exchange_order TEXT;
-- Units of a variant promised to an exchange item: held from creation,
-- released when the item's part is rejected or cancelled. The variant's
-- reserved count is the sum of its held rows, changed in the same transaction.
CREATE TABLE stock_reservations (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    -- held (promised), requested (the replacement is to be sent),
    -- consumed (its sale was raised: the units left the stock), released
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX stock_reservations_item ON stock_reservations (item_id);
CREATE INDEX stock_reservations_return ON stock_reservations (return_id, status);
