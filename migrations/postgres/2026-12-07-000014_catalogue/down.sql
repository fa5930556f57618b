-- undo catalogue (postgres)
DROP TABLE product_variants;
DROP TABLE products;
