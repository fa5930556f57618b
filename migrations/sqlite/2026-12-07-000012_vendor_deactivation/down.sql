-- undo vendor_deactivation (sqlite)
ALTER TABLE vendors DROP COLUMN deactivated_at;
