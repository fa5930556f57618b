-- undo business_notifications (sqlite)
CREATE TABLE notifications_old (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    return_id TEXT NOT NULL,
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
    UNIQUE (event_id, recipient)
);
INSERT INTO notifications_old
    (id, brand_id, return_id, event_id, kind, recipient, locale, status, attempts,
     last_error, sent_at, created_at, updated_at)
SELECT id, brand_id, return_id, event_id, kind, recipient, locale, status, attempts,
       last_error, sent_at, created_at, updated_at
FROM notifications
WHERE recipient_type = 'customer' AND return_id IS NOT NULL;
DROP TABLE notifications;
ALTER TABLE notifications_old RENAME TO notifications;
CREATE INDEX notifications_return ON notifications (return_id, event_id);
ALTER TABLE vendors DROP COLUMN locale;
ALTER TABLE vendors DROP COLUMN on_timeout;
