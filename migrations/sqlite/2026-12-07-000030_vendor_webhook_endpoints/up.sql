-- vendor_webhook_endpoints (sqlite)
-- An endpoint belongs to the brand's merchant (vendor_id NULL) or to one
-- of its vendors, who manages it with its own key and hears of its own
-- parts only.
ALTER TABLE webhook_endpoints ADD COLUMN vendor_id TEXT;
CREATE INDEX webhook_endpoints_owner ON webhook_endpoints (brand_id, vendor_id);
