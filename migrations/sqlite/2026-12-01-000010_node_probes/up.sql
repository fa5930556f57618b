-- One row per node that checked, for its readiness probe, that the database
-- takes a write: a real write, so that a lock held by another process, a
-- read-only file or a read-only server makes the node not ready.
CREATE TABLE node_probes (
    node TEXT PRIMARY KEY NOT NULL,
    probed_at TIMESTAMP NOT NULL
);
