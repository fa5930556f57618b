DROP TABLE returns_settings;
DROP TABLE api_key_brands;
DROP TABLE api_keys;
DROP TABLE brands;
