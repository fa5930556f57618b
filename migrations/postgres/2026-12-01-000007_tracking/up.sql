-- Carrier tracking of return parcels: every scan a carrier reported for a
-- return shipment (kept even when it is older than the latest, or arrives
-- for a return that cannot move), and on the shipment its current status:
-- that of its latest scan by occurred_at. A scan is stored once: the same
-- status at the same time, or the same carrier event id, is a duplicate.
CREATE TABLE tracking_events (
    id TEXT PRIMARY KEY NOT NULL,
    shipment_id TEXT NOT NULL REFERENCES return_shipments (id) ON DELETE CASCADE,
    return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    brand_id TEXT NOT NULL,
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    status TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    location TEXT,
    carrier_event_id TEXT,
    received_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX tracking_events_scan ON tracking_events (shipment_id, status, occurred_at);
CREATE UNIQUE INDEX tracking_events_carrier_event ON tracking_events (shipment_id, carrier_event_id);
CREATE INDEX tracking_events_return ON tracking_events (return_id, occurred_at);

ALTER TABLE return_shipments ADD COLUMN tracking_status TEXT;
ALTER TABLE return_shipments ADD COLUMN tracking_updated_at TIMESTAMP;

-- A carrier's scan names its parcel by carrier and tracking number.
CREATE INDEX labels_tracking ON labels (carrier, tracking_number);
