-- Multi-vendor returns: the brand's vendors, their API keys, and a status
-- of its own for every part of a return (one part per return address).
CREATE TABLE vendors (
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    order_line_vendor TEXT NOT NULL,
    contact_email TEXT,
    instructions TEXT NOT NULL,
    auto_approve BOOLEAN NOT NULL,
    response_hours INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, id),
    UNIQUE (brand_id, order_line_vendor)
);

-- A vendor's keys see only that vendor's parts of the brand's returns.
CREATE TABLE vendor_api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL,
    vendor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    FOREIGN KEY (brand_id, vendor_id) REFERENCES vendors (brand_id, id) ON DELETE CASCADE
);
CREATE INDEX vendor_api_keys_vendor ON vendor_api_keys (brand_id, vendor_id);

ALTER TABLE return_shipments ADD COLUMN vendor_id TEXT;
ALTER TABLE return_shipments ADD COLUMN status TEXT NOT NULL DEFAULT 'requested';
ALTER TABLE return_shipments ADD COLUMN vendor_due_at TIMESTAMP;
ALTER TABLE return_shipments ADD COLUMN rejection TEXT;
ALTER TABLE return_shipments ADD COLUMN resolution_given TEXT;
ALTER TABLE return_shipments ADD COLUMN commission_reversal BIGINT;
CREATE INDEX return_shipments_vendor ON return_shipments (vendor_id, return_id);

ALTER TABLE return_items ADD COLUMN unit_commission BIGINT;
ALTER TABLE return_events ADD COLUMN shipment_id TEXT;

-- Parts of existing returns take their return's status; a part with no
-- approved unit was rejected, and receipts and deliveries are per part.
UPDATE return_shipments SET status = (
    SELECT r.status FROM returns r WHERE r.id = return_shipments.return_id
);
UPDATE return_shipments SET status = 'rejected'
WHERE status IN ('approved', 'in_transit', 'partially_received', 'received', 'completed')
  AND NOT EXISTS (
    SELECT 1 FROM return_items i
    WHERE i.shipment_id = return_shipments.id AND i.approved_quantity > 0
  );
UPDATE return_shipments SET status = 'received'
WHERE status = 'partially_received'
  AND NOT EXISTS (
    SELECT 1 FROM return_items i
    WHERE i.shipment_id = return_shipments.id AND i.received_quantity < i.approved_quantity
  );
UPDATE return_shipments SET status = 'delivered'
WHERE status = 'in_transit' AND tracking_status = 'delivered';
