-- vendor_deactivation (sqlite)
-- A retired vendor keeps its row (its parts name it); while
-- deactivated_at is set its lines are handled in-house.
ALTER TABLE vendors ADD COLUMN deactivated_at TIMESTAMP;
