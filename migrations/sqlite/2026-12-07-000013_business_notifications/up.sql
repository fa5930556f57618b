-- business_notifications (sqlite)
-- What a vendor's silence leads to at its deadline, and the locale of its
-- e-mail.
ALTER TABLE vendors ADD COLUMN on_timeout TEXT NOT NULL DEFAULT 'none';
ALTER TABLE vendors ADD COLUMN locale TEXT;
-- Notifications go to the customer, the merchant's staff or a vendor
-- (recipient_type); one row per event, kind and recipient (a vendor's
-- reminder is a second mail about the event that asked it); a mail about
-- something that is not a return (a disabled webhook endpoint) has no
-- return_id. SQLite changes a constraint by rebuilding the table.
CREATE TABLE notifications_new (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    return_id TEXT,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    -- `customer`, `staff` or `vendor`.
    recipient_type TEXT NOT NULL DEFAULT 'customer',
    UNIQUE (event_id, kind, recipient)
);
INSERT INTO notifications_new
    (id, brand_id, return_id, event_id, kind, recipient, locale, status, attempts,
     last_error, sent_at, created_at, updated_at, recipient_type)
SELECT id, brand_id, return_id, event_id, kind, recipient, locale, status, attempts,
       last_error, sent_at, created_at, updated_at, 'customer'
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_return ON notifications (return_id, event_id);
CREATE INDEX notifications_brand ON notifications (brand_id, created_at, id);
