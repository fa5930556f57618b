DROP TABLE stock_reservations;
ALTER TABLE return_items DROP COLUMN exchange_order;
ALTER TABLE return_items DROP COLUMN price_difference;
ALTER TABLE return_items DROP COLUMN variant_sku;
ALTER TABLE return_items DROP COLUMN resolution;
