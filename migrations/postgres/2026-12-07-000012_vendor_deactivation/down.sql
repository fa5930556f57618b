-- undo vendor_deactivation (postgres)
ALTER TABLE vendors DROP COLUMN deactivated_at;
