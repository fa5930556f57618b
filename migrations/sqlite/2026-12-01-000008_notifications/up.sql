-- Customer e-mail notifications: one row per event and recipient, written
-- by the `mail.send` job before it sends, so a retried or reclaimed job
-- finds the row and never mails twice for the same event and recipient.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    return_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    -- `return_approved`, `return_rejected`, `return_received`, `return_completed`.
    kind TEXT NOT NULL,
    -- The customer's address; empty when the order has none (then skipped).
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    -- `queued`, `sent`, `skipped` or `failed`.
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (event_id, recipient)
);
CREATE INDEX notifications_return ON notifications (return_id, event_id);
