-- catalogue (sqlite)
-- The brand's products and their variants: option values, a price per
-- currency (JSON, minor units) and stock. `reserved` counts units promised
-- to exchanges not shipped yet; `version` moves with every stock change
-- (the variant's ETag).
CREATE TABLE products (
    brand_id TEXT NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    -- JSON array of option names.
    options TEXT NOT NULL,
    -- JSON array of tags.
    tags TEXT NOT NULL,
    vendor TEXT,
    image_url TEXT,
    exchangeable BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, id)
);
CREATE TABLE product_variants (
    brand_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    product_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    -- JSON object: option name -> value.
    option_values TEXT NOT NULL,
    -- JSON object: currency code -> minor units.
    prices TEXT NOT NULL,
    available BIGINT NOT NULL,
    reserved BIGINT NOT NULL DEFAULT 0,
    image_url TEXT,
    version BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, sku),
    FOREIGN KEY (brand_id, product_id) REFERENCES products (brand_id, id) ON DELETE CASCADE
);
CREATE INDEX product_variants_product ON product_variants (brand_id, product_id, position);
