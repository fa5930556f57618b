-- undo receipts (sqlite)
DROP INDEX labels_tracking_number;
DROP TABLE inventory_movements;
DROP TABLE inventory_sequences;
DROP TABLE receipt_units;
DROP TABLE receipts;
