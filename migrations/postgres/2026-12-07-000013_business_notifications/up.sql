-- business_notifications (postgres)
-- What a vendor's silence leads to at its deadline, and the locale of its
-- e-mail.
ALTER TABLE vendors ADD COLUMN on_timeout TEXT NOT NULL DEFAULT 'none';
ALTER TABLE vendors ADD COLUMN locale TEXT;
-- Notifications go to the customer, the merchant's staff or a vendor
-- (recipient_type); one row per event, kind and recipient (a vendor's
-- reminder is a second mail about the event that asked it); a mail about
-- something that is not a return (a disabled webhook endpoint) has no
-- return_id.
ALTER TABLE notifications ADD COLUMN recipient_type TEXT NOT NULL DEFAULT 'customer';
ALTER TABLE notifications ALTER COLUMN return_id DROP NOT NULL;
ALTER TABLE notifications DROP CONSTRAINT notifications_event_id_recipient_key;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_id_kind_recipient_key
    UNIQUE (event_id, kind, recipient);
CREATE INDEX notifications_brand ON notifications (brand_id, created_at, id);
