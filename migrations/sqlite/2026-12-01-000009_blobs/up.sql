-- Blobs kept in the database (BLOB_STORE=database, the default on
-- PostgreSQL): uploaded photos and label PDFs by key, so every node on the
-- database serves every blob.
CREATE TABLE blobs (
    key TEXT PRIMARY KEY NOT NULL,
    content BLOB NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
