-- Carrier service points (drop-off locations), postal-code centroids, and
-- versions of data sets that nodes hold in memory.
CREATE TABLE service_points (
    id TEXT PRIMARY KEY NOT NULL,
    carrier TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    house_number TEXT,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    phone TEXT,
    shop_type TEXT,
    supports_labelless BOOLEAN NOT NULL,
    timezone TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX service_points_carrier_code ON service_points (carrier, code);

CREATE TABLE postal_centroids (
    country TEXT NOT NULL,
    postal_key TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    PRIMARY KEY (country, postal_key)
);

CREATE TABLE dataset_versions (
    name TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO dataset_versions (name, version) VALUES ('service_points', 0);
