DROP INDEX receipt_units_return;
DROP INDEX returns_brand_created;
DROP INDEX returns_brand_updated;
DROP TABLE report_rollups;
DROP TABLE report_summaries;
