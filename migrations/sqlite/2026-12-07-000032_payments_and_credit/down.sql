ALTER TABLE returns DROP COLUMN exchange_due_at;
ALTER TABLE returns DROP COLUMN store_credit_issued_at;
ALTER TABLE returns DROP COLUMN store_credit;
ALTER TABLE returns DROP COLUMN paid_at;
ALTER TABLE returns DROP COLUMN payment_reference;
ALTER TABLE returns DROP COLUMN payment_due;
