-- Tenancy, credentials and Returns Settings.
CREATE TABLE brands (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    custom_domain TEXT UNIQUE,
    allowed_origins TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'merchant')),
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

CREATE TABLE api_key_brands (
    api_key_id TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    PRIMARY KEY (api_key_id, brand_id)
);
CREATE INDEX api_key_brands_brand ON api_key_brands (brand_id);

CREATE TABLE returns_settings (
    brand_id TEXT PRIMARY KEY NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
