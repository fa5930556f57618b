-- Bumped by every return created for the order: lock-free return creation
-- on PostgreSQL writes only if the order's revision is still the one it read.
ALTER TABLE orders ADD COLUMN returns_revision BIGINT NOT NULL DEFAULT 0;
