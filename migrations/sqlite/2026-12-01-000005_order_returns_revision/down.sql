ALTER TABLE orders DROP COLUMN returns_revision;
