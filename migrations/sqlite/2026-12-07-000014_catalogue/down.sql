-- undo catalogue (sqlite)
DROP TABLE product_variants;
DROP TABLE products;
