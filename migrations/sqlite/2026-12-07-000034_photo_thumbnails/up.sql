-- photo thumbnails (sqlite)
-- One thumbnail per stored photo content (uploads share a blob per content
-- hash, so they share its thumbnail too), made the first time a reviewer
-- lists the photo. The primary key makes it once: nodes that race to make
-- the same thumbnail write the same blob, and only the first row stays.
CREATE TABLE photo_thumbnails (
    sha256 TEXT PRIMARY KEY NOT NULL,
    blob_key TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    photo_width INTEGER NOT NULL,
    photo_height INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
