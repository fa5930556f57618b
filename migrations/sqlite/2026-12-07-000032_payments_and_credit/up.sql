-- payments and credit (sqlite)
-- What the customer owes for exchanges for dearer variants (the brand
-- charges price differences), and the payment that settled it.
ALTER TABLE returns ADD COLUMN payment_due BIGINT;
ALTER TABLE returns ADD COLUMN payment_reference TEXT;
ALTER TABLE returns ADD COLUMN paid_at TIMESTAMP;
-- Store credit fixed at creation (items, bonus, less the fee), and when it
-- was issued: once, guarded by this column.
ALTER TABLE returns ADD COLUMN store_credit BIGINT;
ALTER TABLE returns ADD COLUMN store_credit_issued_at TIMESTAMP;
-- Instant exchanges: the replacement went out at approval, and a carrier
-- must scan the original in transit by this time.
ALTER TABLE returns ADD COLUMN exchange_due_at TIMESTAMP;
