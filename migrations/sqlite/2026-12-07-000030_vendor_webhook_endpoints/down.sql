-- undo vendor_webhook_endpoints (sqlite)
DROP INDEX webhook_endpoints_owner;
ALTER TABLE webhook_endpoints DROP COLUMN vendor_id;
