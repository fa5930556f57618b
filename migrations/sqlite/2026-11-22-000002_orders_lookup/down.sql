DROP TABLE rate_limits;
DROP TABLE signing_keys;
DROP TABLE order_tracking;
DROP TABLE orders;
