DROP INDEX labels_tracking;
ALTER TABLE return_shipments DROP COLUMN tracking_updated_at;
ALTER TABLE return_shipments DROP COLUMN tracking_status;
DROP TABLE tracking_events;
