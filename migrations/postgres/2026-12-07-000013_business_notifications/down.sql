-- undo business_notifications (postgres)
DROP INDEX notifications_brand;
DELETE FROM notifications WHERE recipient_type <> 'customer' OR return_id IS NULL;
ALTER TABLE notifications DROP CONSTRAINT notifications_event_id_kind_recipient_key;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_id_recipient_key
    UNIQUE (event_id, recipient);
ALTER TABLE notifications ALTER COLUMN return_id SET NOT NULL;
ALTER TABLE notifications DROP COLUMN recipient_type;
ALTER TABLE vendors DROP COLUMN locale;
ALTER TABLE vendors DROP COLUMN on_timeout;
