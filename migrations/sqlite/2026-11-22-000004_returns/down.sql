DROP TABLE uploads;
DROP TABLE idempotency_keys;
DROP TABLE outbox;
DROP TABLE return_events;
DROP TABLE labels;
DROP TABLE return_items;
DROP TABLE return_shipments;
DROP TABLE returns;
