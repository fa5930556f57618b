export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up.
         * @description Liveness: the process is up.
         */
        get: operations["ops_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format). When the server has a
         *     `METRICS_TOKEN`, scrapers send it as `Authorization: Bearer <token>`.
         * @description Prometheus metrics (text exposition format). When the server has a
         *     `METRICS_TOKEN`, scrapers send it as `Authorization: Bearer <token>`.
         */
        get: operations["ops_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database takes a write now and the blob store a small
         *     blob. The probes are a real database write (bounded like every write)
         *     and a put, get and delete in the blob store (within 2 s), made at most
         *     once a second per node; while one fails the answer is 503 with
         *     `Retry-After` whose `code` and `detail` name the dependency, and it
         *     recovers by itself.
         * @description Readiness: the database takes a write now and the blob store a small
         *     blob. The probes are a real database write (bounded like every write)
         *     and a put, get and delete in the blob store (within 2 s), made at most
         *     once a second per node; while one fails the answer is 503 with
         *     `Retry-After` whose `code` and `detail` name the dependency, and it
         *     recovers by itself.
         */
        get: operations["ops_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lists the brands this API key may manage (every brand for admin keys).
         * @description Lists the brands this API key may manage (every brand for admin keys).
         */
        get: operations["merchant_list_brands"];
        put?: never;
        /**
         * Creates a brand with default Returns Settings (admin keys only).
         * @description Creates a brand with default Returns Settings (admin keys only).
         */
        post: operations["admin_create_brand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A brand this key may manage.
         * @description A brand this key may manage.
         */
        get: operations["merchant_get_brand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes a brand's name, theme, custom domain or allowed origins.
         * @description Changes a brand's name, theme, custom domain or allowed origins.
         */
        patch: operations["merchant_update_brand"];
        trace?: never;
    };
    "/v1/brands/{brand}/inventory-movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's inventory ledger, oldest first, for a WMS or ERP to pull:
         *     append-only, numbered in commit order, so resuming from `next_cursor`
         *     never misses a movement. Poll with the last `next_cursor` to get what
         *     was recorded since.
         * @description The brand's inventory ledger, oldest first, for a WMS or ERP to pull:
         *     append-only, numbered in commit order, so resuming from `next_cursor`
         *     never misses a movement. Poll with the last `next_cursor` to get what
         *     was recorded since.
         */
        get: operations["merchant_list_inventory_movements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/inventory-movements/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's inventory ledger as CSV, oldest first, streamed in pages.
         *     Columns: `sequence`, `id`, `created_at`, `kind`, `sku`, `location`,
         *     `quantity`, `disposition`, `grade`, `return_id`, `receipt_id`.
         * @description The brand's inventory ledger as CSV, oldest first, streamed in pages.
         *     Columns: `sequence`, `id`, `created_at`, `kind`, `sku`, `location`,
         *     `quantity`, `disposition`, `grade`, `return_id`, `receipt_id`.
         */
        get: operations["merchant_export_inventory_movements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every e-mail of the brand, newest event first: to customers
         *     (`notifications`), to staff (`staff_notifications`, including those
         *     about disabled webhook endpoints, which name no return) and to vendors
         *     (`vendor_notifications`), each with its status.
         * @description Every e-mail of the brand, newest event first: to customers
         *     (`notifications`), to staff (`staff_notifications`, including those
         *     about disabled webhook endpoints, which name no return) and to vendors
         *     (`vendor_notifications`), each with its status.
         */
        get: operations["merchant_list_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Creates or replaces one order by its number (lines and shipments are
         *     replaced as a whole). 201 when new, 200 when replaced.
         * @description Creates or replaces one order by its number (lines and shipments are
         *     replaced as a whole). 201 when new, 200 when replaced.
         */
        post: operations["merchant_upsert_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/orders/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Creates or replaces up to 1,000 orders in one transaction. When any order
         *     is invalid nothing is written and every error is reported with its path
         *     (`orders[3].lines[0].quantity`).
         * @description Creates or replaces up to 1,000 orders in one transaction. When any order
         *     is invalid nothing is written and every error is reported with its path
         *     (`orders[3].lines[0].quantity`).
         */
        post: operations["merchant_upsert_orders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/orders/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order by number (`#`, spaces and case are ignored).
         * @description One order by number (`#`, spaces and case are ignored).
         */
        get: operations["merchant_get_order"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's products with their variants, by id.
         * @description The brand's products with their variants, by id.
         */
        get: operations["merchant_list_products"];
        put?: never;
        /**
         * Writes a product with all its variants, replacing what the catalogue
         *     held under its id (variants it no longer lists are removed; those it
         *     keeps keep their reservations). 201 when it is new, 200 when it
         *     replaced one.
         * @description Writes a product with all its variants, replacing what the catalogue
         *     held under its id (variants it no longer lists are removed; those it
         *     keeps keep their reservations). 201 when it is new, 200 when it
         *     replaced one.
         */
        post: operations["merchant_upsert_product"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/products/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Writes up to 100 products in one transaction, each as `POST
         *     …/products` would: all of them, or none.
         * @description Writes up to 100 products in one transaction, each as `POST
         *     …/products` would: all of them, or none.
         */
        post: operations["merchant_bulk_upsert_products"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product with its variants.
         * @description One product with its variants.
         */
        get: operations["merchant_get_product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receipts of the brand, newest first.
         * @description Receipts of the brand, newest first.
         */
        get: operations["merchant_list_receipts"];
        put?: never;
        /**
         * Records what a warehouse scanned for one parcel: the return is found by
         *     its RMA number or a label's tracking number; each line names an item or
         *     a SKU with units, damaged units and a condition. Units are matched to
         *     the return's items (a SKU fills its items in order), the return and its
         *     parts move as with `…/receive`, each unit gets a disposition from the
         *     brand's `disposition_rules`, the inventory ledger gets a movement per
         *     SKU and disposition, restocked units go back to the catalogue's stock,
         *     and one `inventory.adjusted` webhook carries the receipt. Units of a SKU
         *     the return does not hold are recorded as `unexpected`. Send an
         *     `Idempotency-Key`: a retry replays the first answer and changes nothing.
         * @description Records what a warehouse scanned for one parcel: the return is found by
         *     its RMA number or a label's tracking number; each line names an item or
         *     a SKU with units, damaged units and a condition. Units are matched to
         *     the return's items (a SKU fills its items in order), the return and its
         *     parts move as with `…/receive`, each unit gets a disposition from the
         *     brand's `disposition_rules`, the inventory ledger gets a movement per
         *     SKU and disposition, restocked units go back to the catalogue's stock,
         *     and one `inventory.adjusted` webhook carries the receipt. Units of a SKU
         *     the return does not hold are recorded as `unexpected`. Send an
         *     `Idempotency-Key`: a retry replays the first answer and changes nothing.
         */
        post: operations["merchant_create_receipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/receipts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's received units as CSV, one row per unit with its receipt
         *     (oldest first), streamed in pages. Columns: `receipt_id`, `return_id`,
         *     `reference`, `location`, `received_at`, `unit_id`, `return_item_id`,
         *     `sku`, `condition_code`, `damaged`, `unexpected`, `unit_value` (minor
         *     units), `disposition`, `grade`, `rule_id`, `overridden_by`,
         *     `overridden_at`. Cells a spreadsheet would read as a formula are
         *     prefixed with `'`.
         * @description The brand's received units as CSV, one row per unit with its receipt
         *     (oldest first), streamed in pages. Columns: `receipt_id`, `return_id`,
         *     `reference`, `location`, `received_at`, `unit_id`, `return_item_id`,
         *     `sku`, `condition_code`, `damaged`, `unexpected`, `unit_value` (minor
         *     units), `disposition`, `grade`, `rule_id`, `overridden_by`,
         *     `overridden_at`. Cells a spreadsheet would read as a formula are
         *     prefixed with `'`.
         */
        get: operations["merchant_export_receipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A receipt with its units (each with its disposition and the rule that
         *     chose it) and its ledger movements.
         * @description A receipt with its units (each with its disposition and the rule that
         *     chose it) and its ledger movements.
         */
        get: operations["merchant_get_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/receipts/{id}/units/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes a received unit's disposition by hand (the same one again
         *     changes nothing). The ledger moves the unit from its old disposition to
         *     the new one, catalogue stock follows a restock given or taken back, and
         *     `receipt.unit_overridden` and `inventory.adjusted` are recorded.
         * @description Changes a received unit's disposition by hand (the same one again
         *     changes nothing). The ledger moves the unit from its old disposition to
         *     the new one, catalogue stock follows a restock given or taken back, and
         *     `receipt.unit_overridden` and `inventory.adjusted` are recorded.
         */
        patch: operations["merchant_override_receipt_unit"];
        trace?: never;
    };
    "/v1/brands/{brand}/reports/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The returns created in a period (UTC days, default the last 30), grouped
         *     by reason, SKU, product, vendor, resolution, disposition, country or day:
         *     per group the returns, units and their value per currency, refund and
         *     exchange rates, and units received (unexpected ones apart). Cancelled
         *     returns are left out. Figures come from daily and monthly summaries kept
         *     up to date in the background; the report brings them up to date first
         *     when few days are due, and `as_of` says how current they are.
         * @description The returns created in a period (UTC days, default the last 30), grouped
         *     by reason, SKU, product, vendor, resolution, disposition, country or day:
         *     per group the returns, units and their value per currency, refund and
         *     exchange rates, and units received (unexpected ones apart). Cancelled
         *     returns are left out. Figures come from daily and monthly summaries kept
         *     up to date in the background; the report brings them up to date first
         *     when few days are due, and `as_of` says how current they are.
         */
        get: operations["merchant_returns_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Returns of the brand, newest first, filtered by status, creation time and
         *     order number.
         * @description Returns of the brand, newest first, filtered by status, creation time and
         *     order number.
         */
        get: operations["merchant_list_returns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's Returns Settings. The `ETag` header identifies this version.
         * @description The brand's Returns Settings. The `ETag` header identifies this version.
         */
        get: operations["merchant_get_returns_settings"];
        /**
         * Replaces the brand's Returns Settings as a whole. The document is
         *     validated as a whole (every error with its field path); unknown fields are
         *     rejected. `If-Match` must carry the ETag of the version being replaced.
         * @description Replaces the brand's Returns Settings as a whole. The document is
         *     validated as a whole (every error with its field path); unknown fields are
         *     rejected. `If-Match` must carry the ETag of the version being replaced.
         */
        put: operations["merchant_replace_returns_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's returns as CSV, one row per return item (newest return
         *     first, its items in order), with the filters of the list. Streamed in
         *     pages, so any number of returns can be exported. Cells that a
         *     spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`)
         *     are prefixed with `'`. Columns: `return_id`, `rma_number`,
         *     `order_number`, `status`, `created_at`, `updated_at`, `country`,
         *     `vendor`, `item_id`, `sku`, `name`, `reason_code`, `resolution`,
         *     `requested_quantity`, `approved_quantity`, `received_quantity`,
         *     `damaged_quantity`, `currency`, `unit_price` and `value` (minor units;
         *     value = requested units × unit price), `condition_code`, `comment`.
         * @description The brand's returns as CSV, one row per return item (newest return
         *     first, its items in order), with the filters of the list. Streamed in
         *     pages, so any number of returns can be exported. Cells that a
         *     spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`)
         *     are prefixed with `'`. Columns: `return_id`, `rma_number`,
         *     `order_number`, `status`, `created_at`, `updated_at`, `country`,
         *     `vendor`, `item_id`, `sku`, `name`, `reason_code`, `resolution`,
         *     `requested_quantity`, `approved_quantity`, `received_quantity`,
         *     `damaged_quantity`, `currency`, `unit_price` and `value` (minor units;
         *     value = requested units × unit price), `condition_code`, `comment`.
         */
        get: operations["merchant_export_returns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A return with items (requested / approved / received / damaged),
         *     shipments, labels and resolution.
         * @description A return with items (requested / approved / received / damaged),
         *     shipments, labels and resolution.
         */
        get: operations["merchant_get_return"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approves a requested return, wholly or per item (the remainder is
         *     recorded as rejected), and starts label production.
         * @description Approves a requested return, wholly or per item (the remainder is
         *     recorded as rejected), and starts label production.
         */
        post: operations["merchant_approve_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancels a return that has not travelled.
         * @description Cancels a return that has not travelled.
         */
        post: operations["merchant_cancel_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records the resolution actually given (refund or store-credit amount, or
         *     the exchange order) and completes the return.
         * @description Records the resolution actually given (refund or store-credit amount, or
         *     the exchange order) and completes the return.
         */
        post: operations["merchant_complete_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail: every change with who, when, from, to and details.
         * @description The audit trail: every change with who, when, from, to and details.
         */
        get: operations["merchant_list_return_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/exchange-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records the new sale raised for the replacements of the return's
         *     exchanges (after `exchange.requested`): their reserved units leave the
         *     stock, each exchanged item carries the sale's reference, and
         *     `exchange.ordered` is recorded.
         * @description Records the new sale raised for the replacements of the return's
         *     exchanges (after `exchange.requested`): their reserved units leave the
         *     stock, each exchanged item carries the sale's reference, and
         *     `exchange.ordered` is recorded.
         */
        post: operations["merchant_record_exchange_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's photos of a return, in item order, each with the item it
         *     was sent with and links to the photo and its thumbnail that work
         *     without credentials for 15 minutes (list again for new ones). Photos
         *     are served without EXIF, GPS position or other metadata.
         * @description The customer's photos of a return, in item order, each with the item it
         *     was sent with and links to the photo and its thumbnail that work
         *     without credentials for 15 minutes (list again for new ones). Photos
         *     are served without EXIF, GPS position or other metadata.
         */
        get: operations["merchant_list_return_photos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/in-transit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records that the approved parcel was handed to the carrier (carrier
         *     integrations or the merchant report it); the customer can no longer cancel.
         * @description Records that the approved parcel was handed to the carrier (carrier
         *     integrations or the merchant report it); the customer can no longer cancel.
         */
        post: operations["merchant_mark_return_in_transit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The e-mails about this return: one per event, kind and recipient, to
         *     the customer (Returns Settings `notifications`), the staff
         *     (`staff_notifications`) and the vendors (`vendor_notifications`), with
         *     status `queued`, `sent`, `skipped` (no `SMTP_URL`, no address, turned
         *     off since, or a reminder the vendor answered before) or `failed`.
         * @description The e-mails about this return: one per event, kind and recipient, to
         *     the customer (Returns Settings `notifications`), the staff
         *     (`staff_notifications`) and the vendors (`vendor_notifications`), with
         *     status `queued`, `sent`, `skipped` (no `SMTP_URL`, no address, turned
         *     off since, or a reminder the vendor answered before) or `failed`.
         */
        get: operations["merchant_list_return_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/parts/{part_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approves a part for its vendor, once the vendor's time to answer ran
         *     out (`vendor_due_at`).
         * @description Approves a part for its vendor, once the vendor's time to answer ran
         *     out (`vendor_due_at`).
         */
        post: operations["merchant_approve_return_part"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/parts/{part_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Completes one received part (a vendor's or the merchant's own) with its
         *     resolution; the return completes when every part standing has.
         * @description Completes one received part (a vendor's or the merchant's own) with its
         *     resolution; the return completes when every part standing has.
         */
        post: operations["merchant_complete_return_part"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/parts/{part_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rejects a part for its vendor, once the vendor's time to answer ran out.
         * @description Rejects a part for its vendor, once the vendor's time to answer ran out.
         */
        post: operations["merchant_reject_return_part"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirms that the customer paid what the return's exchanges for dearer
         *     variants cost (`payment.amount_due`, when the brand charges price
         *     differences): the return leaves `payment_required` for review, or is
         *     approved at once when every reason auto-approves, and
         *     `return.payment_received` is recorded. Repeating the same payment
         *     (same reference) answers the return as it is.
         * @description Confirms that the customer paid what the return's exchanges for dearer
         *     variants cost (`payment.amount_due`, when the brand charges price
         *     differences): the return leaves `payment_required` for review, or is
         *     approved at once when every reason auto-approves, and
         *     `return.payment_received` is recorded. Repeating the same payment
         *     (same reference) answers the return as it is.
         */
        post: operations["merchant_record_payment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records arriving units per item (with damaged units and condition);
         *     the return becomes `partially_received` or `received`. The same receipt
         *     as `POST …/receipts` with lines naming items: units get their
         *     dispositions, the ledger and catalogue stock move, `inventory.adjusted`
         *     is sent. Send an `Idempotency-Key` to retry safely.
         * @description Records arriving units per item (with damaged units and condition);
         *     the return becomes `partially_received` or `received`. The same receipt
         *     as `POST …/receipts` with lines naming items: units get their
         *     dispositions, the ledger and catalogue stock move, `inventory.adjusted`
         *     is sent. Send an `Idempotency-Key` to retry safely.
         */
        post: operations["merchant_receive_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/returns/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rejects a requested return.
         * @description Rejects a requested return.
         */
        post: operations["merchant_reject_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/variants/{sku}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Sets a variant's stock (`available`) or moves it (`delta`). With
         *     `If-Match` (the variant's `ETag`, `"v3"`), only while the stock is still
         *     that version: 412 `precondition_failed` when it moved meanwhile.
         * @description Sets a variant's stock (`available`) or moves it (`delta`). With
         *     `If-Match` (the variant's `ETag`, `"v3"`), only while the stock is still
         *     that version: 412 `precondition_failed` when it moved meanwhile.
         */
        patch: operations["merchant_change_variant_stock"];
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's parts of the brand's returns, newest first, filtered by
         *     part status.
         * @description The vendor's parts of the brand's returns, newest first, filtered by
         *     part status.
         */
        get: operations["vendor_list_returns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's part of a return: its items, address, label and tracking.
         * @description The vendor's part of a return: its items, address, label and tracking.
         */
        get: operations["vendor_get_return"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approves the vendor's part, wholly or per item (the rest of an item is
         *     recorded as rejected with its reason); its label is produced now.
         * @description Approves the vendor's part, wholly or per item (the rest of an item is
         *     recorded as rejected with its reason); its label is produced now.
         */
        post: operations["vendor_approve_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Completes the vendor's received part: the refund released (or store
         *     credit given), or the exchange raised as a new sale (its reference).
         *     The commission on its received units is recorded as given back.
         * @description Completes the vendor's received part: the refund released (or store
         *     credit given), or the exchange raised as a new sale (its reference).
         *     The commission on its received units is recorded as given back.
         */
        post: operations["vendor_complete_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events of the vendor's part, oldest first.
         * @description The events of the vendor's part, oldest first.
         */
        get: operations["vendor_list_return_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/exchange-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records the new sale the vendor raised for the replacements of its
         *     part's exchanges (after `exchange.requested`): the reserved units leave
         *     the stock, each exchanged item carries the sale's reference, which the
         *     customer sees, and `exchange.ordered` is recorded.
         * @description Records the new sale the vendor raised for the replacements of its
         *     part's exchanges (after `exchange.requested`): the reserved units leave
         *     the stock, each exchanged item carries the sale's reference, which the
         *     customer sees, and `exchange.ordered` is recorded.
         */
        post: operations["vendor_record_exchange_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records units of the vendor's part arriving at the vendor; the part is
         *     `received` once every approved unit is in.
         * @description Records units of the vendor's part arriving at the vendor; the part is
         *     `received` once every approved unit is in.
         */
        post: operations["vendor_receive_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/returns/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rejects the vendor's part: only its items; the customer's other parts
         *     go on.
         * @description Rejects the vendor's part: only its items; the customer's other parts
         *     go on.
         */
        post: operations["vendor_reject_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's webhook endpoints, oldest first (without secrets); never
         *     the merchant's nor another vendor's.
         * @description The vendor's webhook endpoints, oldest first (without secrets); never
         *     the merchant's nor another vendor's.
         */
        get: operations["vendor_list_webhook_endpoints"];
        put?: never;
        /**
         * Registers a webhook endpoint of the vendor. The answer carries its
         *     signing secret (`whsec_…`), shown this once (and again only by
         *     rotation). The URL must be https and its host must resolve to public
         *     addresses.
         * @description Registers a webhook endpoint of the vendor. The answer carries its
         *     signing secret (`whsec_…`), shown this once (and again only by
         *     rotation). The URL must be https and its host must resolve to public
         *     addresses.
         */
        post: operations["vendor_create_webhook_endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempts a delivery again now: a pending one is brought forward, a
         *     succeeded or failed one gets one more attempt (same `webhook-id`).
         * @description Attempts a delivery again now: a pending one is brought forward, a
         *     succeeded or failed one gets one more attempt (same `webhook-id`).
         */
        post: operations["vendor_retry_webhook_delivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook endpoint (without its secret).
         * @description A webhook endpoint (without its secret).
         */
        get: operations["vendor_get_webhook_endpoint"];
        put?: never;
        post?: never;
        /**
         * Deletes a webhook endpoint with its delivery log.
         * @description Deletes a webhook endpoint with its delivery log.
         */
        delete: operations["vendor_delete_webhook_endpoint"];
        options?: never;
        head?: never;
        /**
         * Changes a webhook endpoint: URL, description, event types, enabled.
         * @description Changes a webhook endpoint: URL, description, event types, enabled.
         */
        patch: operations["vendor_update_webhook_endpoint"];
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's delivery log: every event sent to it, newest first, with
         *     every attempt (status code, latency, error, the start of the answer)
         *     and the next one.
         * @description The endpoint's delivery log: every event sent to it, newest first, with
         *     every attempt (status code, latency, error, the start of the answer)
         *     and the next one.
         */
        get: operations["vendor_list_webhook_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gives the endpoint a new signing secret (in the answer). For 24 hours
         *     deliveries carry a signature with the old secret too, so the receiver
         *     can switch without missing one.
         * @description Gives the endpoint a new signing secret (in the answer). For 24 hours
         *     deliveries carry a signature with the old secret too, so the receiver
         *     can switch without missing one.
         */
        post: operations["vendor_rotate_webhook_secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendor/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a `ping` event to the endpoint; follow it in the delivery log.
         * @description Sends a `ping` event to the endpoint; follow it in the delivery log.
         */
        post: operations["vendor_test_webhook_endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's vendors, by id, active and retired ones alike unless
         *     `active` picks one kind.
         * @description The brand's vendors, by id, active and retired ones alike unless
         *     `active` picks one kind.
         */
        get: operations["merchant_list_vendors"];
        put?: never;
        /**
         * Registers a vendor of the brand: the seller whose order lines carry
         *     `order_line_vendor` in `vendor`. Its parts of a return go to the Returns
         *     Settings address of kind `vendor` with that `vendor` name (without one,
         *     to the default warehouse, handled in-house).
         * @description Registers a vendor of the brand: the seller whose order lines carry
         *     `order_line_vendor` in `vendor`. Its parts of a return go to the Returns
         *     Settings address of kind `vendor` with that `vendor` name (without one,
         *     to the default warehouse, handled in-house).
         */
        post: operations["merchant_create_vendor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendors/{vendor_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A vendor of the brand, with the return address its parts go to.
         * @description A vendor of the brand, with the return address its parts go to.
         */
        get: operations["merchant_get_vendor"];
        put?: never;
        post?: never;
        /**
         * Retires a vendor: its API keys are revoked at once, order lines naming
         *     it in new returns are handled in-house (to the default warehouse, no
         *     vendor part), and the merchant may answer its open parts at once
         *     instead of waiting for `vendor_due_at`. The vendor stays listed, with
         *     `active: false`; `PATCH` with `{"active": true}` brings it back (its old
         *     keys stay revoked). Retiring a retired vendor answers it as it is.
         * @description Retires a vendor: its API keys are revoked at once, order lines naming
         *     it in new returns are handled in-house (to the default warehouse, no
         *     vendor part), and the merchant may answer its open parts at once
         *     instead of waiting for `vendor_due_at`. The vendor stays listed, with
         *     `active: false`; `PATCH` with `{"active": true}` brings it back (its old
         *     keys stay revoked). Retiring a retired vendor answers it as it is.
         */
        delete: operations["merchant_deactivate_vendor"];
        options?: never;
        head?: never;
        /**
         * Changes a vendor: only the fields given (`contact_email: null` removes
         *     the address; the id never changes).
         * @description Changes a vendor: only the fields given (`contact_email: null` removes
         *     the address; the id never changes).
         */
        patch: operations["merchant_update_vendor"];
        trace?: never;
    };
    "/v1/brands/{brand}/vendors/{vendor_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's API keys, newest first, revoked ones too (never a secret).
         * @description The vendor's API keys, newest first, revoked ones too (never a secret).
         */
        get: operations["merchant_list_vendor_keys"];
        put?: never;
        /**
         * Creates an API key for the vendor. The answer carries the key, shown
         *     this once: the vendor sends it as `Authorization: Bearer <key>` to the
         *     vendor routes and sees only its own parts of this brand's returns. The
         *     body is optional.
         * @description Creates an API key for the vendor. The answer carries the key, shown
         *     this once: the vendor sends it as `Authorization: Bearer <key>` to the
         *     vendor routes and sees only its own parts of this brand's returns. The
         *     body is optional.
         */
        post: operations["merchant_create_vendor_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/vendors/{vendor_id}/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revokes a vendor API key: from now on it answers 401. Revoking it again
         *     answers the key as it is.
         * @description Revokes a vendor API key: from now on it answers 401. Revoking it again
         *     answers the key as it is.
         */
        delete: operations["merchant_revoke_vendor_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The brand's webhook endpoints, oldest first (without secrets).
         * @description The brand's webhook endpoints, oldest first (without secrets).
         */
        get: operations["merchant_list_webhook_endpoints"];
        put?: never;
        /**
         * Registers a webhook endpoint. The answer carries its signing secret
         *     (`whsec_…`), shown this once (and again only by rotation). The URL must
         *     be https and its host must resolve to public addresses.
         * @description Registers a webhook endpoint. The answer carries its signing secret
         *     (`whsec_…`), shown this once (and again only by rotation). The URL must
         *     be https and its host must resolve to public addresses.
         */
        post: operations["merchant_create_webhook_endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempts a delivery again now: a pending one is brought forward, a
         *     succeeded or failed one gets one more attempt (same `webhook-id`).
         * @description Attempts a delivery again now: a pending one is brought forward, a
         *     succeeded or failed one gets one more attempt (same `webhook-id`).
         */
        post: operations["merchant_retry_webhook_delivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook endpoint (without its secret).
         * @description A webhook endpoint (without its secret).
         */
        get: operations["merchant_get_webhook_endpoint"];
        put?: never;
        post?: never;
        /**
         * Deletes a webhook endpoint with its delivery log.
         * @description Deletes a webhook endpoint with its delivery log.
         */
        delete: operations["merchant_delete_webhook_endpoint"];
        options?: never;
        head?: never;
        /**
         * Changes a webhook endpoint: URL, description, event types, enabled.
         * @description Changes a webhook endpoint: URL, description, event types, enabled.
         */
        patch: operations["merchant_update_webhook_endpoint"];
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's delivery log: every event sent to it, newest first, with
         *     every attempt (status code, latency, error, the start of the answer)
         *     and the next one.
         * @description The endpoint's delivery log: every event sent to it, newest first, with
         *     every attempt (status code, latency, error, the start of the answer)
         *     and the next one.
         */
        get: operations["merchant_list_webhook_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gives the endpoint a new signing secret (in the answer). For 24 hours
         *     deliveries carry a signature with the old secret too, so the receiver
         *     can switch without missing one.
         * @description Gives the endpoint a new signing secret (in the answer). For 24 hours
         *     deliveries carry a signature with the old secret too, so the receiver
         *     can switch without missing one.
         */
        post: operations["merchant_rotate_webhook_secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/brands/{brand}/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a `ping` event to the endpoint; follow it in the delivery log.
         * @description Sends a `ping` event to the endpoint; follow it in the delivery log.
         */
        post: operations["merchant_test_webhook_endpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/carriers/{carrier}/tracking-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records a carrier's scan of a return parcel.
         * @description The parcel is found by the carrier in the path and its label's tracking
         *     number. The request is signed the Standard Webhooks way with the
         *     carrier's `tracking_secret` from `CARRIER_CONFIG`:
         *     `webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">`,
         *     the timestamp within five minutes of the server's clock.
         *
         *     A scan is recorded once (the same status at the same time, or the same
         *     `event_id`, answers `duplicate`); the parcel's current status is its
         *     latest scan by `occurred_at`, so a late scan joins the history without
         *     moving it back. The first scan showing the parcel travelling
         *     (`accepted`, `in_transit`, `delivered`) moves an approved return to
         *     `in_transit` (`return.in_transit`, actor `carrier:{carrier}`); the
         *     first `delivered` scan of a parcel announces `return.delivered` while
         *     the return expects parcels; receiving stays the warehouse's action. An
         *     unknown tracking number answers `ignored` and changes nothing.
         */
        post: operations["carrier_post_tracking_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The label's state: 202 while pending (with `Retry-After`), 200 when ready
         *     with the download / QR URLs and the tracking number, 422 `label_failed`
         *     when the carrier refused it for good, 410 when the return was cancelled.
         * @description The label's state: 202 while pending (with `Retry-After`), 200 when ready
         *     with the download / QR URLs and the tracking number, 422 `label_failed`
         *     when the carrier refused it for good, 410 when the return was cancelled.
         */
        get: operations["label_poll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/labels/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The printable label (A6 PDF with a Code 128 tracking barcode).
         * @description The printable label (A6 PDF with a Code 128 tracking barcode).
         */
        get: operations["label_download_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/labels/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The QR code to show at a label-less drop-off point: PNG, or SVG when the
         *     `Accept` header prefers `image/svg+xml` (the PNG as
         *     `application/octet-stream` when it prefers that).
         * @description The QR code to show at a label-less drop-off point: PNG, or SVG when the
         *     `Accept` header prefers `image/svg+xml` (the PNG as
         *     `application/octet-stream` when it prefers that).
         */
        get: operations["label_qr_code"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's photo as stored: without EXIF, GPS position or other
         *     metadata, turned upright.
         * @description The customer's photo as stored: without EXIF, GPS position or other
         *     metadata, turned upright.
         */
        get: operations["photo_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/photos/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The photo's thumbnail: a JPEG at most 320 pixels on its long side.
         * @description The photo's thumbnail: a JPEG at most 320 pixels on its long side.
         */
        get: operations["photo_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public portal settings: brand and theme, locales and texts, reasons,
         *     condition codes, return methods, refund options, return fee, lookup methods
         *     and policy URL. Localized by `?locale=` or `Accept-Language`, falling back
         *     to the brand's default locale. `{brand}` is the slug or the custom domain.
         * @description Public portal settings: brand and theme, locales and texts, reasons,
         *     condition codes, return methods, refund options, return fee, lookup methods
         *     and policy URL. Localized by `?locale=` or `Accept-Language`, falling back
         *     to the brand's default locale. `{brand}` is the slug or the custom domain.
         */
        get: operations["portal_get_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/exchange-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The other variants of an order line's product that are in stock, which
         *     options differ from the one ordered, and the price difference in the
         *     order's currency (positive: dearer). Empty when the catalogue has no
         *     product for the line or it is not exchangeable; the line can still be
         *     refunded.
         * @description The other variants of an order line's product that are in stock, which
         *     options differ from the one ordered, and the price difference in the
         *     order's currency (positive: dearer). Empty when the catalogue has no
         *     product for the line or it is not exchangeable; the line can still be
         *     refunded.
         */
        get: operations["portal_exchange_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finds an order by order number or tracking number plus one verifier.
         * @description Failed attempts are counted per identifier and client address (5 per
         *     15 minutes by default), per identifier from all clients (50) and per
         *     client address (30). When a count is used up, every attempt it covers,
         *     right or wrong, is a 429 until the window ends: a client guessing an
         *     order locks only itself out, until the identifier's ceiling for all
         *     clients is reached. The client address is the connection's peer, or the
         *     `X-Forwarded-For` entry after the configured trusted proxies.
         */
        post: operations["portal_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Returns of the token's order, newest first.
         * @description Returns of the token's order, newest first.
         */
        get: operations["portal_list_returns"];
        put?: never;
        /**
         * Creates a return for the order of the access token. Every item is checked
         *     against eligibility and its reason's requirements. When every item's
         *     reason auto-approves, the return is `approved` at once and each shipment
         *     carries `label.poll_url`; otherwise it is `requested`. Send an
         *     `Idempotency-Key` to retry safely. Concurrent requests never return more
         *     units than were delivered: the loser gets 409 `quantity_conflict`.
         * @description Creates a return for the order of the access token. Every item is checked
         *     against eligibility and its reason's requirements. When every item's
         *     reason auto-approves, the return is `approved` at once and each shipment
         *     carries `label.poll_url`; otherwise it is `requested`. Send an
         *     `Idempotency-Key` to retry safely. Concurrent requests never return more
         *     units than were delivered: the loser gets 409 `quantity_conflict`.
         */
        post: operations["portal_create_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/returns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checks a return request without creating anything: per-item validation,
         *     whether it would be approved at once, the fee and the estimated refund.
         * @description Checks a return request without creating anything: per-item validation,
         *     whether it would be approved at once, the fee and the estimated refund.
         */
        post: operations["portal_preview_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One return of the token's order, with its status timeline.
         * @description One return of the token's order, with its status timeline.
         */
        get: operations["portal_get_return"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancels a return that has not travelled yet; 409 `not_cancellable` once
         *     the parcel is in transit.
         * @description Cancels a return that has not travelled yet; 409 `not_cancellable` once
         *     the parcel is in transit.
         */
        post: operations["portal_cancel_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/service-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Drop-off locations around a position, nearest first, of the carriers the
         *     brand enabled, with opening times in each point's local time.
         * @description Drop-off locations around a position, nearest first, of the carriers the
         *     brand enabled, with opening times in each point's local time.
         */
        get: operations["portal_search_service_points"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/{brand}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stores a photo for the order of the access token.
         * @description Stores a photo for the order of the access token.
         */
        post: operations["portal_upload_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/postal-centroids/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports postal-code centroids (CSV `country,postal_code,latitude,longitude`
         *     or a JSON array). Lookup uses them to place orders that have no
         *     coordinates; a code is matched exactly or by its longest stored prefix.
         * @description Imports postal-code centroids (CSV `country,postal_code,latitude,longitude`
         *     or a JSON array). Lookup uses them to place orders that have no
         *     coordinates; a code is matched exactly or by its longest stored prefix.
         */
        post: operations["admin_import_postal_centroids"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-points/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports (upserts by `carrier` + `code`) a carrier network from CSV or
         *     JSON. All or nothing: a file with any bad row changes nothing and every
         *     error names its row (`rows[LINE].field` for CSV, `service_points[i].field`
         *     for JSON) and field. Every node rebuilds its index within seconds.
         * @description Imports (upserts by `carrier` + `code`) a carrier network from CSV or
         *     JSON. All or nothing: a file with any bad row changes nothing and every
         *     error names its row (`rows[LINE].field` for CSV, `service_points[i].field`
         *     for JSON) and field. Every node rebuilds its index within seconds.
         */
        post: operations["admin_import_service_points"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "endpoint-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was tested (`ping`) or disabled after failing every attempt for days.
         * @description A webhook endpoint was tested (`ping`) or disabled after failing every attempt for days. Verify the signature before trusting the body: HMAC-SHA256, keyed with the base64-decoded part of the endpoint's `whsec_` secret, of `{webhook-id}.{webhook-timestamp}.{raw body}`, compared in constant time with each `v1,` signature of `webhook-signature`; refuse timestamps more than five minutes away (the Standard Webhooks scheme; `examples/webhook_receiver.rs` does it). Deliveries are at least once: skip an `id` already handled.
         */
        post: operations["webhook_endpoint_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "receipt-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Units were received into the warehouse, or a received unit's disposition changed: the inventory moved.
         * @description Units were received into the warehouse, or a received unit's disposition changed: the inventory moved. Verify the signature before trusting the body: HMAC-SHA256, keyed with the base64-decoded part of the endpoint's `whsec_` secret, of `{webhook-id}.{webhook-timestamp}.{raw body}`, compared in constant time with each `v1,` signature of `webhook-signature`; refuse timestamps more than five minutes away (the Standard Webhooks scheme; `examples/webhook_receiver.rs` does it). Deliveries are at least once: skip an `id` already handled.
         */
        post: operations["webhook_receipt_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "return-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A return changed: requested, approved, rejected, cancelled, its label ready or failed, in transit, delivered, received, completed.
         * @description A return changed: requested, approved, rejected, cancelled, its label ready or failed, in transit, delivered, received, completed. Verify the signature before trusting the body: HMAC-SHA256, keyed with the base64-decoded part of the endpoint's `whsec_` secret, of `{webhook-id}.{webhook-timestamp}.{raw body}`, compared in constant time with each `v1,` signature of `webhook-signature`; refuse timestamps more than five minutes away (the Standard Webhooks scheme; `examples/webhook_receiver.rs` does it). Deliveries are at least once: skip an `id` already handled.
         */
        post: operations["webhook_return_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "vendor-part-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A vendor's part changed (to a vendor's own endpoints only): awaiting the vendor, approved or rejected by it, its label ready or failed, in transit, delivered, received, completed.
         * @description A vendor's part changed (to a vendor's own endpoints only): awaiting the vendor, approved or rejected by it, its label ready or failed, in transit, delivered, received, completed. Verify the signature before trusting the body: HMAC-SHA256, keyed with the base64-decoded part of the endpoint's `whsec_` secret, of `{webhook-id}.{webhook-timestamp}.{raw body}`, compared in constant time with each `v1,` signature of `webhook-signature`; refuse timestamps more than five minutes away (the Standard Webhooks scheme; `examples/webhook_receiver.rs` does it). Deliveries are at least once: skip an `id` already handled.
         */
        post: operations["webhook_vendor_part_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Kind of return address.
         * @enum {string}
         */
        AddressKind: "warehouse" | "vendor";
        /** @description Body of approve (optional: without it everything is approved). */
        ApproveInput: {
            /** @description Items approved partly; unlisted items are approved in full. */
            items?: components["schemas"]["ApproveItemInput"][];
            /** @description Note for the audit trail. */
            note?: string | null;
        };
        /** @description Approval of one item. */
        ApproveItemInput: {
            /**
             * Format: int32
             * @description Units approved (0 to the requested quantity).
             */
            quantity: number;
            /** @description Why the remainder is not approved. */
            rejection_reason?: string | null;
            /** @description Return item id. */
            return_item_id: string;
        };
        /** @description One attempt of a delivery. */
        AttemptView: {
            /**
             * Format: int32
             * @description 1, 2, …
             */
            attempt: number;
            /** @description What went wrong. */
            error?: string | null;
            /**
             * Format: int32
             * @description How long it took (milliseconds).
             */
            latency_ms: number;
            /**
             * Format: date-time
             * @description When the next attempt was scheduled, if one was.
             */
            next_attempt_at?: string | null;
            /** @description The start of the answer's body (at most 1 KiB). */
            response_excerpt?: string | null;
            /**
             * Format: date-time
             * @description When it was sent.
             */
            started_at: string;
            /**
             * Format: int32
             * @description The answer's status code (`null`: no answer: timeout, refused
             *     connection, unsafe address).
             */
            status_code?: number | null;
        };
        /**
         * @description Who a notification is for.
         * @enum {string}
         */
        Audience: "customer" | "staff" | "vendor";
        /** @description What a bulk upload did with one product. */
        BatchItem: {
            /** @description `true` when it is new, `false` when it replaced the stored one. */
            created: boolean;
            /** @description The product id. */
            id: string;
        };
        /** @description The answer to a bulk upload, in the order given. */
        BatchResult: {
            /** @description One entry per product. */
            data: components["schemas"]["BatchItem"][];
        };
        /** @description A brand: one portal with its own settings, theme and origins. */
        Brand: {
            /**
             * @description Browser origins allowed to call the portal API and embed it (`*` for any).
             * @example [
             *       "https://shop.acme.example"
             *     ]
             */
            allowed_origins: string[];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /**
             * @description Custom domain that also addresses the portal (`/v1/portal/{domain}`).
             * @example returns.acme.example
             */
            custom_domain?: string | null;
            /**
             * @description Id.
             * @example brd_0193a0d4c6f07c2a8b1e5f3a9d2c4b6e
             */
            id: string;
            /**
             * @description Display name.
             * @example ACME Outdoor
             */
            name: string;
            /**
             * @description Slug used in portal URLs (`/v1/portal/{slug}`).
             * @example acme
             */
            slug: string;
            /** @description Portal theme. */
            theme: components["schemas"]["Theme"];
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /** @description A page of brands. */
        BrandList: {
            /** @description Brands of this page. */
            data: components["schemas"]["Brand"][];
            /** @description Cursor of the next page, `null` on the last. */
            next_cursor?: string | null;
        };
        /** @description Outcome for one order of a bulk upsert. */
        BulkItem: {
            /** @description `true` when the order was new. */
            created: boolean;
            /** @description Order id. */
            id: string;
            /** @description Order number. */
            number: string;
        };
        /** @description Body of the bulk upsert. */
        BulkOrders: {
            /** @description 1–1000 orders, upserted by number in one transaction. */
            orders: components["schemas"]["Order"][];
        };
        /** @description Result of a bulk upsert. */
        BulkResult: {
            /** @description Orders created. */
            created: number;
            /** @description Per order, in request order. */
            orders: components["schemas"]["BulkItem"][];
            /** @description Orders replaced. */
            updated: number;
        };
        /**
         * @description A carrier code, e.g. `postnl` (an item of the `carrier` filter).
         * @example postnl
         */
        CarrierCode: string;
        /** @description One postal-code centroid. */
        CentroidInput: {
            /** @description ISO alpha-2 country. */
            country: components["schemas"]["CountryCode"];
            /**
             * Format: double
             * @description Latitude.
             */
            latitude: number;
            /**
             * Format: double
             * @description Longitude.
             */
            longitude: number;
            /**
             * @description Postal code or its leading part (e.g. `1012` for all of `1012 AB`…`1012 ZZ`):
             *     2–12 letters or digits, spaces and hyphens aside.
             */
            postal_code: string;
        };
        /** @description Result of a centroid import. */
        CentroidSummary: {
            /** @description Centroids written. */
            imported: number;
        };
        /** @description Body of complete. */
        CompleteInput: {
            /** @description The resolution actually given. */
            resolution: components["schemas"]["ResolutionGiven"];
        };
        /** @description An item condition the customer (or the warehouse at receipt) can state. */
        ConditionCode: {
            /**
             * @description Stable code, e.g. `unopened`.
             * @example unopened
             */
            code: string;
            /** @description Label per locale. */
            labels: {
                [key: string]: string;
            };
        };
        /**
         * @description ISO 3166-1 alpha-2 country code, upper case.
         * @example NL
         * @enum {string}
         */
        CountryCode: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
        /** @description Body of `POST /v1/brands`. */
        CreateBrand: {
            /**
             * @description Allowed browser origins (`*` for any).
             * @example [
             *       "https://shop.acme.example"
             *     ]
             */
            allowed_origins?: components["schemas"]["Origin"][] | null;
            /**
             * @description Custom domain.
             * @example returns.acme.example
             */
            custom_domain?: string | null;
            /**
             * @description Display name (1–100 characters).
             * @example ACME Outdoor
             */
            name: string;
            /**
             * @description Slug: 2–63 lowercase letters, digits and inner hyphens.
             * @example acme
             */
            slug: string;
            theme?: components["schemas"]["Theme"] | null;
        };
        /**
         * @description Body of preview and create.
         * @example {
         *       "items": [
         *         {
         *           "order_line_id": "L1",
         *           "quantity": 1,
         *           "reason_code": "too_small"
         *         }
         *       ],
         *       "resolution": {
         *         "type": "refund"
         *       },
         *       "return_method": {
         *         "carrier": "postnl",
         *         "type": "drop_off"
         *       }
         *     }
         */
        CreateReturn: {
            /** @description Items (1–100), one per order line. */
            items: components["schemas"]["ItemRequest"][];
            /** @description Locale for messages to the customer (defaults to the brand's). */
            locale?: string | null;
            /** @description Resolution. */
            resolution: components["schemas"]["ResolutionRequest"];
            /** @description Return method. */
            return_method: components["schemas"]["MethodRequest"];
        };
        /**
         * @description Body of `POST /v1/brands/{brand}/vendors`.
         * @example {
         *       "auto_approve": false,
         *       "contact_email": "returns@nordicknits.example",
         *       "id": "nordic-knits",
         *       "instructions": {
         *         "en": "Please fold the item and include the packing slip."
         *       },
         *       "name": "Nordic Knits",
         *       "order_line_vendor": "Nordic Knits AB",
         *       "response_hours": 48
         *     }
         */
        CreateVendor: {
            /**
             * @description Whether the vendor's parts are approved without the vendor answering
             *     (default false).
             */
            auto_approve?: boolean | null;
            /**
             * Format: email
             * @description Where to reach the vendor (an e-mail address, stored lower-cased).
             * @example returns@nordicknits.example
             */
            contact_email?: string | null;
            /**
             * @description The merchant's id for the vendor (cannot change): lowercase letters,
             *     digits, `-` and `_`, 1–63 characters.
             * @example nordic-knits
             */
            id: string;
            instructions?: components["schemas"]["VendorInstructions"] | null;
            /**
             * @description Locale of the vendor's e-mail: the brand's templates for it are
             *     used, else those of its language, else the brand's default locale's
             *     (default: the brand's default locale).
             * @example sv
             */
            locale?: string | null;
            /**
             * @description Display name (1–100 characters).
             * @example Nordic Knits
             */
            name: string;
            on_timeout?: components["schemas"]["OnTimeout"] | null;
            /**
             * @description Exactly the name the brand's order lines carry in `vendor` (1–100
             *     characters, no control characters, compared as is). One vendor per
             *     name within a brand.
             * @example Nordic Knits AB
             */
            order_line_vendor: string;
            /**
             * Format: int32
             * @description Hours the vendor has to answer a new part before the merchant may
             *     decide for it (1–720, default 72).
             * @example 72
             */
            response_hours?: number | null;
        };
        /**
         * @description Body of `POST /v1/brands/{brand}/vendors/{vendor_id}/keys`.
         * @example {
         *       "name": "vendor portal"
         *     }
         */
        CreateVendorKey: {
            /** @description A label to recognise the key by (1–100 characters, default `api`). */
            name?: string | null;
        };
        /** @description A new vendor API key, with its secret: shown this once, stored hashed. */
        CreatedVendorKey: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /**
             * @description Id (`vky_…`).
             * @example vky_0193c5a0c4c77f3a9b1e2d3f4a5b6c7d
             */
            id: string;
            /**
             * @description The key: `Authorization: Bearer <key>` on the vendor routes. Not
             *     shown again.
             * @example rk_8Fh2kQ1xAbCdEfGhIjKlMnOpQrStUvWxYz012345
             */
            key: string;
            /**
             * @description The label it was given.
             * @example api
             */
            name: string;
            /**
             * @description Its first characters, safe to show (and to revoke it by with
             *     `returns-api keys revoke`).
             * @example rk_8Fh2kQ1x
             */
            prefix: string;
        };
        /**
         * @description ISO 4217 currency code (sent in upper case; lower case is accepted too).
         * @example EUR
         * @enum {string}
         */
        Currency: "AED" | "AFN" | "ALL" | "AMD" | "XCG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BOV" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHE" | "CHF" | "CHW" | "CLF" | "CLP" | "CNY" | "COP" | "COU" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MXV" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "USN" | "UYI" | "UYU" | "UYW" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XAG" | "XAU" | "XBA" | "XBB" | "XBC" | "XBD" | "XCD" | "XDR" | "XOF" | "XPD" | "XPF" | "XPT" | "XSU" | "XTS" | "XUA" | "XXX" | "YER" | "ZAR" | "ZMW" | "ZWL" | "ZWG";
        /** @description The customer who placed the order. */
        Customer: {
            /**
             * Format: email
             * @description Email (stored lower-cased).
             * @example ana@example.com
             */
            email?: string | null;
            /**
             * @description Name.
             * @example Ana de Vries
             */
            name?: string | null;
            /**
             * @description Phone (stored as E.164; numbers without a country code are read in the
             *     brand's `phone_region`).
             * @example +31612345678
             */
            phone?: string | null;
        };
        /** @description Returns of the order. */
        CustomerReturns: {
            /** @description Newest first. */
            data: components["schemas"]["ReturnView"][];
        };
        /** @description A page of deliveries. */
        DeliveryList: {
            /** @description Newest event first. */
            data: components["schemas"]["DeliveryView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /**
         * @description Status of one event's delivery to one endpoint.
         * @enum {string}
         */
        DeliveryStatus: "pending" | "succeeded" | "failed";
        /** @description The delivery of one event to one endpoint. */
        DeliveryView: {
            /**
             * Format: int32
             * @description Attempts made.
             */
            attempt_count: number;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["AttemptView"][];
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Endpoint. */
            endpoint_id: string;
            /** @description The event (`webhook-id` of every attempt). */
            event_id: string;
            /** @description Its type. */
            event_type: components["schemas"]["EventType"];
            /** @description Id (`whd_…`). */
            id: string;
            /** @description Error of the last attempt. */
            last_error?: string | null;
            /**
             * Format: int32
             * @description Status code of the last attempt.
             */
            last_status_code?: number | null;
            /**
             * Format: date-time
             * @description When the next attempt is due (pending only).
             */
            next_attempt_at?: string | null;
            /** @description Status. */
            status: components["schemas"]["DeliveryStatus"];
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /** @description Where a parcel went, as far as the verifier proved the caller knows it. */
        Destination: {
            /** @description Country. */
            country: string;
            /**
             * Format: double
             * @description Latitude, when known and the lookup was verified by postal code (else `null`).
             */
            latitude?: number | null;
            /**
             * Format: double
             * @description Longitude, when known and the lookup was verified by postal code (else `null`).
             */
            longitude?: number | null;
            /**
             * @description Postal code: in full when the lookup was verified by postal code,
             *     else its first two characters followed by `•••` (e.g. `10•••`).
             * @example 1012 AB
             */
            postal_code: string;
        };
        /**
         * @description Where a returned unit goes.
         * @enum {string}
         */
        Disposition: "restock" | "refurbish" | "quarantine" | "dispose" | "return_to_vendor";
        /** @description One rule: when its conditions hold, the unit gets its outcome. */
        DispositionRule: {
            /**
             * @description Stable code, recorded on each unit it decides.
             * @example damaged_to_quarantine
             */
            id: string;
            /** @description The outcome. */
            then: components["schemas"]["Outcome"];
            /** @description Conditions; none: every unit. */
            when?: components["schemas"]["When"];
        };
        /** @description An event of a webhook endpoint (`ping` from the test operation, `webhook_endpoint.disabled`): `data` is the endpoint. */
        EndpointEvent: {
            /**
             * Format: date-time
             * @description When it happened (events can arrive out of order).
             */
            created_at: string;
            data: components["schemas"]["EndpointView"];
            /**
             * @description Event id (`evt_…`), also the `webhook-id` header: the same on every retry, so a receiver can ignore repeats.
             * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
             */
            id: string;
            /**
             * @description Event type.
             * @enum {string}
             */
            type: "webhook_endpoint.disabled" | "ping";
        };
        /**
         * @description A new webhook endpoint.
         * @example {
         *       "description": "ERP",
         *       "event_types": [
         *         "return.approved",
         *         "return.received"
         *       ],
         *       "url": "https://example.com/hooks/returns"
         *     }
         */
        EndpointInput: {
            /** @description A note for the merchant's own use. */
            description?: string | null;
            /** @description Whether deliveries go out (default true). */
            enabled?: boolean | null;
            /** @description Event types to deliver, each once; empty or absent: every type. */
            event_types?: components["schemas"]["SubscribableEventType"][];
            /**
             * Format: uri
             * @description Where deliveries go: an https URL whose host resolves to public
             *     addresses (no user name, password or fragment).
             */
            url: string;
        };
        /** @description A page of endpoints. */
        EndpointList: {
            /** @description Oldest first. */
            data: components["schemas"]["EndpointView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /**
         * @description A change to an endpoint: only the fields given change.
         * @example {
         *       "enabled": true
         *     }
         */
        EndpointPatch: {
            /** @description New description (empty clears it). */
            description?: string | null;
            /**
             * @description Enable or disable. Enabling an endpoint the system disabled clears
             *     the reason.
             */
            enabled?: boolean | null;
            /** @description New event types, each once (empty: every type). */
            event_types?: components["schemas"]["SubscribableEventType"][] | null;
            /**
             * Format: uri
             * @description New URL (checked like at creation).
             */
            url?: string | null;
        };
        /** @description A webhook endpoint. */
        EndpointView: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description The merchant's note. */
            description?: string | null;
            /** @description Why the system disabled it (every attempt failed for days). */
            disabled_reason?: string | null;
            /** @description Whether deliveries go out. */
            enabled: boolean;
            /** @description Event types delivered; empty: every type. */
            event_types: components["schemas"]["SubscribableEventType"][];
            /**
             * Format: date-time
             * @description Since when every attempt has failed (`null` after a success).
             */
            failing_since?: string | null;
            /** @description Id (`whe_…`). */
            id: string;
            /**
             * Format: date-time
             * @description Until when the previous secret (before the last rotation) still signs.
             */
            previous_secret_expires_at?: string | null;
            /**
             * @description The signing secret (`whsec_…`): only in the answers of creation and
             *     rotation.
             */
            secret?: string | null;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /** @description Where deliveries go. */
            url: string;
        };
        /**
         * @description A stable, machine-readable error code (`Problem.code` and `FieldError.code`).
         * @enum {string}
         */
        ErrorCode: "invalid_body" | "malformed_json" | "invalid_query" | "unknown_parameter" | "invalid_multipart" | "invalid_idempotency_key" | "missing_credentials" | "invalid_credentials" | "invalid_token" | "invalid_signature" | "admin_required" | "insufficient_scope" | "wrong_brand" | "origin_not_allowed" | "vendor_key_required" | "not_found" | "route_not_found" | "brand_not_found" | "order_not_found" | "return_not_found" | "no_pdf" | "no_qr_code" | "endpoint_not_found" | "delivery_not_found" | "vendor_not_found" | "part_not_found" | "key_not_found" | "product_not_found" | "variant_not_found" | "line_not_found" | "receipt_not_found" | "unit_not_found" | "photo_not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "brand_exists" | "domain_taken" | "invalid_transition" | "not_cancellable" | "quantity_conflict" | "label_not_ready" | "endpoint_disabled" | "vendor_exists" | "vendor_response_pending" | "sku_taken" | "out_of_stock" | "precondition_failed" | "precondition_required" | "payload_too_large" | "file_too_large" | "unsupported_media_type" | "validation_failed" | "lookup_method_not_allowed" | "idempotency_key_reused" | "nothing_approved" | "too_many_uploads" | "label_failed" | "label_cancelled" | "too_many_endpoints" | "required" | "unknown_field" | "invalid_type" | "invalid_choice" | "invalid_value" | "invalid_length" | "out_of_range" | "invalid_format" | "invalid_number" | "invalid_boolean" | "duplicate" | "not_allowed" | "invalid_code" | "invalid_key" | "invalid_color" | "invalid_country" | "invalid_carrier" | "invalid_postal_code" | "invalid_email" | "invalid_phone" | "invalid_url" | "invalid_option_values" | "unsafe_url" | "unresolvable_host" | "invalid_locale" | "invalid_slug" | "invalid_domain" | "invalid_origin" | "invalid_timezone" | "invalid_interval" | "overlapping_intervals" | "too_many_intervals" | "unknown_weekday" | "invalid_cursor" | "unknown_locale" | "invalid_template" | "default_required" | "currency_mismatch" | "amount_mismatch" | "invalid_csv" | "missing_column" | "unknown_column" | "empty_import" | "exceeds_line_quantity" | "tracking_number_taken" | "exactly_one_verifier" | "unknown_line" | "duplicate_line" | "unknown_reason" | "unknown_condition" | "unknown_image" | "unknown_item" | "not_returnable" | "quantity_exceeds_returnable" | "quantity_exceeds_requested" | "quantity_exceeds_approved" | "receipt_exceeds_approved" | "comment_required" | "images_required" | "condition_required" | "return_method_not_allowed" | "resolution_not_allowed" | "exchange_sku_required" | "exchange_not_offered" | "carrier_not_allowed" | "carrier_required" | "carrier_not_enabled" | "service_point_not_found" | "service_point_inactive" | "service_point_carrier_mismatch" | "service_point_not_labelless" | "pickup_date_required" | "pickup_date_invalid" | "no_return_address" | "rate_limited" | "internal_error" | "service_unavailable" | "database_unavailable" | "storage_unavailable";
        /** @description The audit trail. */
        EventList: {
            /** @description Oldest first. */
            data: components["schemas"]["EventView"][];
        };
        /**
         * @description Type of an event (audit trail, timeline, webhook).
         * @enum {string}
         */
        EventType: "return.requested" | "return.payment_required" | "return.payment_received" | "return.approved" | "return.rejected" | "return.cancelled" | "label.ready" | "label.failed" | "return.in_transit" | "return.delivered" | "return.received" | "return.completed" | "return_part.awaiting_vendor" | "return.vendor_approved" | "return.vendor_rejected" | "return_part.in_transit" | "return_part.received" | "return_part.completed" | "return_part.overdue" | "return_part.cancelled" | "exchange.requested" | "exchange.ordered" | "exchange.overdue" | "store_credit.issued" | "inventory.adjusted" | "receipt.unit_overridden" | "webhook_endpoint.disabled" | "ping";
        /** @description An entry of the audit trail. */
        EventView: {
            /** @description Who: `customer`, `merchant:<key id>` or `system`. */
            actor: string;
            /**
             * Format: date-time
             * @description When.
             */
            created_at: string;
            /** @description Details. */
            details: unknown;
            from_status?: components["schemas"]["ReturnStatus"] | null;
            /** @description Id. */
            id: string;
            /** @description The part it concerns (`rsh_…`), for events of one part. */
            part_id?: string | null;
            to_status?: components["schemas"]["ReturnStatus"] | null;
            /** @description Type, e.g. `return.approved`. */
            type: components["schemas"]["EventType"];
        };
        /** @description What an order line may be exchanged for. */
        ExchangeOptions: {
            /** @description Other variants in stock, fewest changed options first. */
            offers: components["schemas"]["Offer"][];
            /** @description The product's options. */
            options: string[];
            /** @description The order line. */
            order_line_id: string;
            /**
             * @description Its product in the catalogue (`null` when the catalogue has none:
             *     the line can still be refunded).
             */
            product_id?: string | null;
            /** @description Its SKU. */
            sku: string;
        };
        /**
         * @description Body of `POST …/returns/{id}/exchange-orders`: the new sale raised for
         *     the replacements of an exchange.
         * @example {
         *       "reference": "SO-10234"
         *     }
         */
        ExchangeOrderInput: {
            /**
             * @description The sale's reference in the merchant's (or vendor's) platform
             *     (1–100 characters).
             */
            reference: string;
            /**
             * @description The exchanged items it replaces (default: every item whose
             *     replacement was requested and has no sale yet).
             */
            return_item_ids?: string[];
        };
        /** @description One invalid field of a request. */
        FieldError: {
            /** @description Stable machine-readable code, e.g. `out_of_range`, `required`, `unknown_field`. */
            code: components["schemas"]["ErrorCode"];
            /**
             * @description JSON path of the field, e.g. `items[0].quantity`; empty for the body as a whole.
             * @example items[0].quantity
             */
            field: string;
            /** @description Human-readable explanation. */
            message: string;
        };
        /**
         * @description What a report groups by.
         * @enum {string}
         */
        GroupBy: "reason" | "sku" | "product" | "vendor" | "resolution" | "disposition" | "country" | "day";
        /** @description Health status. */
        Health: {
            /**
             * @description `ok` (process up) or `ready` (database and blob store reachable).
             * @example ok
             */
            status: string;
        };
        /** @description What a storefront needs to embed the reference portal. */
        HostedPortal: {
            /**
             * @description Origins whose pages may show it in a frame (its
             *     `Content-Security-Policy: frame-ancestors`, besides its own origin);
             *     `*` means any. These are the brand's allowed origins.
             * @example [
             *       "https://shop.example.com"
             *     ]
             */
            frame_ancestors: string[];
            /**
             * @description Its path on this API's host: the `src` of an embedding iframe.
             * @example /portal/demo
             */
            path: string;
        };
        /** @description What an import changed. */
        ImportSummary: {
            /** @description Points new to the database. */
            created: number;
            /** @description Points of replaced carriers missing from the file, now inactive. */
            deactivated: number;
            /** @description Existing points (same carrier and code) overwritten. */
            updated: number;
            /**
             * Format: int64
             * @description The data set's new version.
             */
            version: number;
        };
        /** @description The terms of instant exchanges. */
        InstantExchange: {
            /**
             * Format: int64
             * @description Orders worth more than this (minor units, the order's currency)
             *     get a regular exchange, released at receipt; no limit when absent.
             * @example 15000
             */
            max_order_value?: number | null;
            /**
             * @description Only for customers without another open return (one not yet
             *     received, of any of their orders with the brand).
             */
            require_no_open_returns?: boolean;
            /**
             * Format: int32
             * @description Days after approval by which a carrier must have scanned the
             *     original in transit (1–60).
             * @default 14
             */
            scan_within_days: number;
        };
        /** @description The replacement of an exchanged item. */
        ItemExchangeView: {
            /** @description The reference of the new sale that sends it, once raised. */
            order_reference?: string | null;
            /**
             * @description Its price minus what was paid, per unit (positive when dearer: the
             *     merchant absorbs it; negative when cheaper: refunded).
             */
            price_difference: components["schemas"]["MoneyDelta"];
            /** @description The variant's SKU. */
            variant_sku: string;
        };
        /** @description One item of a return request. */
        ItemRequest: {
            /** @description Comment (required by some reasons). */
            comment?: string | null;
            /** @description Condition code (required by some reasons). */
            condition_code?: string | null;
            /** @description Ids of photos uploaded for this order (required by some reasons). */
            image_ids?: string[];
            /**
             * @description Line id from lookup (`order.lines[].id`).
             * @example L1
             */
            order_line_id: string;
            /**
             * Format: int32
             * @description Units to return.
             * @example 1
             */
            quantity: number;
            /**
             * @description Reason code from the portal settings.
             * @example too_small
             */
            reason_code: string;
            resolution?: components["schemas"]["ItemResolution"] | null;
        };
        /**
         * @description What the customer wants back for one item.
         * @example {
         *       "type": "exchange",
         *       "variant_sku": "TSHIRT-L-BLACK"
         *     }
         */
        ItemResolution: {
            /** @description Resolution. */
            type: components["schemas"]["ResolutionType"];
            /**
             * @description The variant wanted in exchange (exchanges only): one of the line's
             *     exchange offers.
             */
            variant_sku?: string | null;
        } & unknown;
        /** @description Body of a JSON import: `{"service_points": [...]}` or a bare array. */
        JsonImport: {
            /** @description The points. */
            service_points: components["schemas"]["ServicePointInput"][];
        } | components["schemas"]["PointList"];
        /** @description Poll answer. */
        LabelPoll: {
            /** @description Carrier. */
            carrier: string;
            code?: components["schemas"]["ErrorCode"] | null;
            /** @description Why it failed. */
            detail?: string | null;
            /** @description The PDF (printed labels), when ready. */
            download_url?: string | null;
            /** @description The code the QR encodes, when ready (label-less returns). */
            dropoff_code?: string | null;
            /** @description The QR code (label-less returns), when ready. */
            qr_code_url?: string | null;
            /** @description `pending`, `ready`, `failed` or `cancelled`. */
            status: components["schemas"]["LabelStatus"];
            /** @description Tracking number, when ready. */
            tracking_number?: string | null;
        };
        /**
         * @description Status of a shipment's label.
         * @enum {string}
         */
        LabelStatus: "pending" | "ready" | "failed" | "cancelled";
        /** @description A shipment's label. */
        LabelView: {
            /** @description Carrier. */
            carrier: string;
            /** @description The PDF, once ready (printed labels). */
            download_url?: string | null;
            /** @description Id (`lbl_…`). */
            id: string;
            /** @description Poll this URL until the label is ready (self-authenticating). */
            poll_url: string;
            /** @description The QR code to show at the drop-off, once ready (label-less returns). */
            qr_code_url?: string | null;
            /** @description Status. */
            status: components["schemas"]["LabelStatus"];
            /** @description Tracking number, once ready. */
            tracking_number?: string | null;
        };
        /** @description An order line. */
        Line: {
            commission?: components["schemas"]["Money"] | null;
            /**
             * @description The merchant's line id, unique within the order.
             * @example L1
             */
            id: string;
            /** @description Product image. */
            image_url?: string | null;
            /**
             * @description Product name.
             * @example T-shirt M
             */
            name: string;
            /**
             * @description The line's product in the brand's catalogue (`POST …/products`), if
             *     the SKU alone does not find it; its variant is the line's `sku`.
             */
            product_id?: string | null;
            /**
             * Format: int32
             * @description Units ordered (1–10000).
             * @example 2
             */
            quantity: number;
            /** @description `false` for final-sale items, gift cards, … */
            returnable?: boolean;
            /**
             * @description SKU.
             * @example TSHIRT-M
             */
            sku: string;
            /** @description Price of one unit, in the order's currency. */
            unit_price: components["schemas"]["Money"];
            /** @description Vendor (multi-vendor shops: returns go to the vendor's address). */
            vendor?: string | null;
        };
        /**
         * @description Language tag: a language, then optional subtags.
         * @example en
         */
        Locale: string;
        /**
         * @description Portal texts of one locale, by key (snake_case).
         * @example {
         *       "portal_title": "Return an item"
         *     }
         */
        LocaleStrings: {
            [key: string]: string;
        };
        /** @description An order line with its eligibility. */
        LookupLine: {
            /**
             * Format: int32
             * @description How many other variants in stock the line may be exchanged for
             *     (`GET …/exchange-options?order_line_id=` lists them); 0 when the
             *     catalogue offers none.
             */
            exchange_offers: number;
            /** @description Line id (use as `order_line_id` when creating a return). */
            id: string;
            /** @description Image. */
            image_url?: string | null;
            /** @description Name. */
            name: string;
            non_returnable_reason?: components["schemas"]["NonReturnableReason"] | null;
            /**
             * Format: int32
             * @description Units ordered.
             */
            quantity: number;
            /**
             * Format: date-time
             * @description Last moment a unit may be returned, when known.
             */
            return_deadline?: string | null;
            /** @description Whether any unit may be returned now. */
            returnable: boolean;
            /**
             * Format: int32
             * @description Units that may be returned now.
             */
            returnable_quantity: number;
            /** @description SKU. */
            sku: string;
            /** @description Unit price. */
            unit_price: components["schemas"]["Money"];
            /** @description Vendor. */
            vendor?: string | null;
        };
        /**
         * @description How a customer proves an order is theirs at lookup.
         * @enum {string}
         */
        LookupMethod: "postal_code" | "email" | "phone";
        /** @description The order, as the customer sees it. */
        LookupOrder: {
            /**
             * @description Currency.
             * @example EUR
             */
            currency: string;
            /** @description Lines with eligibility. */
            lines: components["schemas"]["LookupLine"][];
            /** @description Order number. */
            number: string;
            /**
             * Format: date-time
             * @description When it was placed.
             */
            placed_at: string;
        };
        /**
         * @description Lookup input: the identifier and exactly one verifier.
         * @example {
         *       "identifier": "1001",
         *       "postal_code": "1012 AB"
         *     }
         */
        LookupRequest: {
            /**
             * Format: email
             * @description Customer email (case ignored).
             * @example ana@example.com
             */
            email?: string | null;
            /**
             * @description Order number or tracking number (`#`, spaces and case are ignored).
             * @example 1001
             */
            identifier: string;
            /** @description Customer phone (compared as E.164). */
            phone?: string | null;
            /**
             * @description Destination postal code (case and spaces ignored).
             * @example 1012ab
             */
            postal_code?: string | null;
        } & ({
            email?: null;
            identifier?: unknown;
            phone?: null;
            postal_code: string;
        } | {
            email: string;
            identifier?: unknown;
            phone?: null;
            postal_code?: null;
        } | {
            email?: null;
            identifier?: unknown;
            phone: string;
            postal_code?: null;
        });
        /** @description Lookup result. */
        LookupResponse: {
            /** @description Bearer token for creating, reading and cancelling returns of this order. */
            access_token: string;
            /**
             * Format: date-time
             * @description When both tokens expire.
             */
            expires_at: string;
            labelless_service_point?: components["schemas"]["ServicePointView"] | null;
            /** @description The order and per-line eligibility. */
            order: components["schemas"]["LookupOrder"];
            parcel?: components["schemas"]["Parcel"] | null;
            /** @description Every parcel of the order. */
            parcels: components["schemas"]["Parcel"][];
            /** @description Enabled resolutions. */
            refund_options: components["schemas"]["PortalRefundOption"][];
            /** @description Enabled return methods. */
            return_methods: components["schemas"]["PortalReturnMethod"][];
            service_point?: components["schemas"]["ServicePointView"] | null;
            /** @description Bearer token for the service-point search of this brand. */
            service_points_token: string;
            /** @description Token type (`Bearer`). */
            token_type: string;
        };
        /** @description The subject and body of a mail in one locale. */
        MailTemplate: {
            /** @description Body template: HTML, every value HTML-escaped (at most 20,000 bytes). */
            body: string;
            /**
             * @description Subject template (plain text, at most 500 bytes), e.g.
             *     `Your return {{ return.rma }} is approved`.
             */
            subject: string;
        };
        /** @description How the customer sends the parcel back. */
        MethodRequest: {
            /** @description Carrier; optional when the method has one carrier. */
            carrier?: string | null;
            /**
             * Format: date
             * @description Pickup day (pickup).
             */
            pickup_date?: string | null;
            /** @description Chosen service point (drop-off and label-less). */
            service_point_id?: string | null;
            /** @description Method. */
            type: components["schemas"]["ReturnMethodType"];
        } & (unknown & unknown & unknown);
        /** @description An amount of money in minor units (cents for EUR). */
        Money: {
            /**
             * Format: int64
             * @description Amount in minor units (1999 = 19.99 EUR).
             * @example 1999
             */
            amount: number;
            /** @description ISO 4217 code. */
            currency: components["schemas"]["Currency"];
        };
        /**
         * @description A difference of money in minor units: negative when it is owed the
         *     other way (a cheaper exchange).
         */
        MoneyDelta: {
            /**
             * Format: int64
             * @description Amount in minor units (`-500` = 5.00 EUR less).
             * @example 500
             */
            amount: number;
            /** @description ISO 4217 code. */
            currency: components["schemas"]["Currency"];
        };
        /** @description A page of the inventory ledger. */
        MovementList: {
            /** @description Oldest first. */
            data: components["schemas"]["MovementView"][];
            /** @description More movements follow right away. */
            has_more: boolean;
            /**
             * @description Where to resume: pass it as `cursor` to get what was recorded after
             *     this page (also when the page is empty, to poll for more).
             */
            next_cursor: string;
        };
        /** @description A movement of the inventory ledger. */
        MovementView: {
            /**
             * Format: date-time
             * @description When.
             */
            created_at: string;
            /** @description Disposition. */
            disposition: components["schemas"]["Disposition"];
            /** @description Grade. */
            grade?: string | null;
            /** @description Id (`imv_…`). */
            id: string;
            /**
             * @description `received` (a scan) or `reclassified` (a disposition changed).
             * @example received
             */
            kind: string;
            /** @description Location. */
            location?: string | null;
            /**
             * Format: int32
             * @description Units into (positive) or out of (negative) the disposition.
             */
            quantity: number;
            /** @description Receipt. */
            receipt_id: string;
            /** @description Return. */
            return_id: string;
            /**
             * Format: int64
             * @description Number in the brand's ledger: increasing, without gaps once
             *     committed.
             */
            sequence: number;
            /** @description SKU. */
            sku: string;
        };
        /**
         * @description Why a line cannot be returned.
         * @enum {string}
         */
        NonReturnableReason: "not_returnable" | "unfulfilled" | "not_delivered" | "return_window_expired" | "already_returned";
        /**
         * @description A kind of e-mail: a step of a return the customer is mailed about, or
         *     what the merchant's staff or a vendor is told.
         * @enum {string}
         */
        NotificationKind: "return_approved" | "return_rejected" | "return_received" | "return_completed" | "vendor_approved" | "vendor_rejected" | "part_completed" | "payment_due" | "exchange_ordered" | "return_awaits_review" | "part_rejected_by_vendor" | "vendor_overdue" | "label_failed" | "exchange_overdue" | "webhook_endpoint_disabled" | "part_awaiting_vendor" | "part_reminder" | "part_in_transit" | "part_delivered";
        /** @description E-mail notifications, in event order. */
        NotificationList: {
            /** @description Notifications. */
            data: components["schemas"]["NotificationView"][];
        };
        /** @description A page of a brand's notification log. */
        NotificationPage: {
            /** @description Notifications, newest event first. */
            data: components["schemas"]["NotificationView"][];
            /** @description Cursor of the next page (`null` on the last one). */
            next_cursor?: string | null;
        };
        /** @description Whether one kind of mail goes out, and its templates. */
        NotificationSetting: {
            /** @description Whether the customer is mailed at this step (default off). */
            enabled?: boolean;
            /**
             * @description Templates by locale (each one of the brand's `locales`). A customer
             *     whose locale has none gets the default locale's, else the built-in
             *     English one.
             */
            templates?: {
                [key: string]: components["schemas"]["MailTemplate"];
            };
        };
        /**
         * @description Status of a notification.
         * @enum {string}
         */
        NotificationStatus: "queued" | "sent" | "skipped" | "failed";
        /** @description An e-mail about one event: to the customer, a staff address or a vendor. */
        NotificationView: {
            /**
             * Format: int32
             * @description Attempts to send.
             */
            attempts: number;
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Why it was skipped or failed, or the last attempt's error. */
            error?: string | null;
            /** @description The event mailed about (`evt_…`). */
            event_id: string;
            /**
             * @description Id (`ntf_…`, derived from event, kind and recipient; the mail's
             *     `Message-ID` is made from it).
             */
            id: string;
            /** @description Which step. */
            kind: components["schemas"]["NotificationKind"];
            /** @description Locale of the template used. */
            locale: string;
            /**
             * @description The address (`null` when there is none: an order without e-mail, a
             *     vendor without `contact_email`).
             */
            recipient?: string | null;
            /** @description Who it is for. */
            recipient_type: components["schemas"]["Audience"];
            /** @description The return it is about (`null` for a disabled webhook endpoint). */
            return_id?: string | null;
            /**
             * Format: date-time
             * @description When the SMTP server accepted it.
             */
            sent_at?: string | null;
            /** @description Status. */
            status: components["schemas"]["NotificationStatus"];
        };
        /**
         * @description Customer e-mail notifications, per step of a return. Sent over SMTP
         *     (`SMTP_URL`) to the order's customer e-mail, one mail per event, as an
         *     HTML body (`text/html; charset=utf-8`).
         *
         *     Templates use minijinja (Jinja2) syntax and see these variables:
         *     `return.id`, `return.rma`, `return.status`, `return.order_number`,
         *     `return.estimated_refund` (e.g. `12.50 EUR`), `return.items` (each
         *     `name`, `sku`, `quantity` (requested), `approved_quantity`,
         *     `received_quantity`), `brand.name`, `customer.name` (may be empty),
         *     `label_url` (the customer's label page: poll it until the label is
         *     ready, then download; `return_approved`), `label_urls` (one per parcel),
         *     `reason` and `note` (`return_rejected`), `resolution.type` (`refund`,
         *     `store_credit`, `exchange`), `resolution.amount` (e.g. `19.99 EUR`),
         *     `resolution.exchange_order_reference` and `resolution.note`
         *     (`return_completed`, `part_completed`), and for a vendor's part
         *     (`vendor_approved`, `vendor_rejected`, `part_completed`) `part.vendor`
         *     (its name), `part.items`, `part.address` (lines), `part.instructions`
         *     and `part.label_url`; `reason` and `note` are then the part's. Absent
         *     values are empty. The body is
         *     HTML-escaped; the subject is plain text.
         *
         *     Templates are checked on `PUT` by rendering them with sample values: a
         *     syntax error, an unknown filter or a runaway loop is a 422
         *     `invalid_template` at e.g.
         *     `notifications.return_approved.templates.nl.body`.
         */
        Notifications: {
            /**
             * @description Mail when an exchange's replacement was ordered (with the new
             *     sale's reference).
             */
            exchange_ordered?: components["schemas"]["NotificationSetting"];
            /** @description Mail when a vendor released its part's refund (or raised its exchange). */
            part_completed?: components["schemas"]["NotificationSetting"];
            /**
             * @description Mail when the return waits for the payment of what dearer
             *     exchanges cost (with the amount due).
             */
            payment_due?: components["schemas"]["NotificationSetting"];
            /** @description Mail when the return is approved (with the label link). */
            return_approved?: components["schemas"]["NotificationSetting"];
            /** @description Mail when the refund, credit or exchange was given. */
            return_completed?: components["schemas"]["NotificationSetting"];
            /** @description Mail when the parcel arrived. */
            return_received?: components["schemas"]["NotificationSetting"];
            /** @description Mail when the return is rejected (with reason and note). */
            return_rejected?: components["schemas"]["NotificationSetting"];
            /**
             * @description Mail when a vendor accepted its part (where to send it, the vendor's
             *     instructions, the label).
             */
            vendor_approved?: components["schemas"]["NotificationSetting"];
            /** @description Mail when a vendor rejected its part. */
            vendor_rejected?: components["schemas"]["NotificationSetting"];
        };
        /** @description Another variant a line may be exchanged for. */
        Offer: {
            /**
             * Format: int64
             * @description Units that may still be promised.
             */
            available: number;
            /**
             * @description The options whose value differs from the ordered variant's, in the
             *     product's option order.
             * @example [
             *       "size"
             *     ]
             */
            changed: string[];
            /**
             * @description Its option values.
             * @example {
             *       "colour": "black",
             *       "size": "L"
             *     }
             */
            option_values: {
                [key: string]: string;
            };
            /**
             * @description Its price minus what the customer paid for one unit, in the order's
             *     currency: positive when it is dearer, negative when cheaper.
             */
            price_difference: components["schemas"]["MoneyDelta"];
            /** @description Its SKU (`variant_sku` of an exchange). */
            sku: string;
        };
        /**
         * @description What happens to a vendor's part that still waits for its answer when
         *     `vendor_due_at` passes. Each of the last three records
         *     `return_part.overdue` (actor `system`) at the deadline.
         * @enum {string}
         */
        OnTimeout: "none" | "approve" | "reject" | "escalate";
        /** @description An order, as ingested and stored. */
        Order: {
            /** @description ISO 4217 currency of every price. */
            currency: components["schemas"]["Currency"];
            /** @description Customer contact. */
            customer?: components["schemas"]["Customer"];
            /** @description Lines (1–500). */
            lines: components["schemas"]["Line"][];
            /**
             * @description Order number, unique within the brand (compared without `#`, spaces or case).
             * @example 1001
             */
            number: string;
            /**
             * Format: date-time
             * @description When the order was placed.
             */
            placed_at: string;
            /** @description Shipments (0–100). */
            shipments?: components["schemas"]["Shipment"][];
            /** @description Shipping address. */
            shipping_address: components["schemas"]["ShippingAddress"];
        };
        /**
         * @description An order as stored: the order as sent, contact data normalized, with
         *     its id and times.
         */
        OrderView: {
            /**
             * Format: date-time
             * @description First ingestion.
             */
            created_at: string;
            /** @description ISO 4217 currency of every price. */
            currency: components["schemas"]["Currency"];
            /** @description Customer contact (email lower-cased, phone as E.164). */
            customer: components["schemas"]["Customer"];
            /**
             * @description Id.
             * @example ord_0193a0d4c6f07c2a8b1e5f3a9d2c4b6e
             */
            id: string;
            /** @description Lines. */
            lines: components["schemas"]["Line"][];
            /**
             * @description Order number.
             * @example 1001
             */
            number: string;
            /**
             * Format: date-time
             * @description When the order was placed.
             */
            placed_at: string;
            /** @description Shipments. */
            shipments: components["schemas"]["Shipment"][];
            /** @description Shipping address. */
            shipping_address: components["schemas"]["ShippingAddress"];
            /**
             * Format: date-time
             * @description Last upsert.
             */
            updated_at: string;
        };
        /**
         * @description `*` for any origin, or `http(s)://host[:port]` without a path.
         * @example https://shop.acme.example
         */
        Origin: string;
        /** @description A disposition with its grade (e.g. `a`, `like_new`). */
        Outcome: {
            /** @description Where the unit goes. */
            disposition: components["schemas"]["Disposition"];
            /**
             * @description Grade (e.g. `a` for restock, `b` for refurbish).
             * @example a
             */
            grade?: string | null;
        };
        /** @description A parcel of the order. */
        Parcel: {
            /** @description Carrier. */
            carrier: string;
            /**
             * Format: date-time
             * @description When delivered.
             */
            delivered_at?: string | null;
            /** @description Destination. */
            destination: components["schemas"]["Destination"];
            /**
             * Format: date-time
             * @description When shipped.
             */
            shipped_at?: string | null;
            /** @description Status. */
            status: components["schemas"]["ShipmentStatus"];
            /**
             * @description Tracking number: in full when the lookup was verified by postal code
             *     or named this parcel; else `•••` followed by its last four characters
             *     (only `•••` for a number of four characters or fewer).
             */
            tracking_number: string;
        };
        /**
         * @description Status of one part of a return.
         * @enum {string}
         */
        PartStatus: "requested" | "awaiting_vendor" | "approved" | "rejected" | "in_transit" | "delivered" | "partially_received" | "received" | "completed" | "cancelled";
        /** @description The vendor of a part. */
        PartVendorView: {
            /** @description The vendor's id. */
            id: string;
            /** @description Its name. */
            name: string;
        };
        /**
         * @description Body of `POST …/returns/{id}/payments`: the customer paid what the
         *     return's exchanges for dearer variants cost.
         * @example {
         *       "amount": {
         *         "amount": 500,
         *         "currency": "EUR"
         *       },
         *       "reference": "pi_3PZ9xL"
         *     }
         */
        PaymentInput: {
            /** @description The amount paid: exactly the return's `payment.amount_due`. */
            amount: components["schemas"]["Money"];
            /**
             * @description The payment's reference in the merchant's payment system (1–100
             *     characters).
             */
            reference: string;
        };
        /** @description The payment a return waits for, or waited for. */
        PaymentView: {
            /** @description The amount due. */
            amount_due: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When it was paid (`null` while the return is `payment_required`).
             */
            paid_at?: string | null;
            /** @description The payment's reference in the merchant's payment system. */
            reference?: string | null;
        };
        /** @description A return's photos, in item order. */
        PhotoList: {
            /** @description The photos. */
            data: components["schemas"]["PhotoView"][];
        };
        /** @description A photo of a return, as a reviewer sees it. */
        PhotoView: {
            /** @description `image/jpeg`, `image/png` or `image/webp`. */
            content_type: string;
            /**
             * Format: date-time
             * @description When `url` and `thumbnail_url` stop working (list again for new ones).
             */
            expires_at: string;
            /**
             * Format: int32
             * @description Height in pixels (null when the photo could not be read).
             */
            height?: number | null;
            /**
             * @description Upload id (as in the item's `image_ids`).
             * @example upl_01JEXAMPLE
             */
            id: string;
            /** @description The return item it was sent with. */
            return_item_id: string;
            /**
             * Format: int64
             * @description Size of the stored photo in bytes.
             */
            size_bytes: number;
            /**
             * Format: int32
             * @description Thumbnail height in pixels.
             */
            thumbnail_height?: number | null;
            /**
             * @description A JPEG at most 320 pixels on its long side, until `expires_at`
             *     (null when the photo could not be read).
             */
            thumbnail_url?: string | null;
            /**
             * Format: int32
             * @description Thumbnail width in pixels.
             */
            thumbnail_width?: number | null;
            /**
             * @description The photo, without its metadata (EXIF, GPS position, XMP). Works
             *     without credentials until `expires_at`.
             */
            url: string;
            /**
             * Format: int32
             * @description Width in pixels (null when the photo could not be read).
             */
            width?: number | null;
        };
        /** @description `[...]`: the points. */
        PointList: components["schemas"]["ServicePointInput"][];
        /** @description The brand as shown to customers. */
        PortalBrandInfo: {
            /** @description Display name. */
            name: string;
            /** @description Slug. */
            slug: string;
            /** @description Theme. */
            theme: components["schemas"]["Theme"];
        };
        /** @description An item condition, localized. */
        PortalCondition: {
            /** @description Code. */
            code: string;
            /** @description Label in the response's locale. */
            label: string;
        };
        /** @description A return reason, localized. */
        PortalReason: {
            /**
             * @description Code to send when creating a return.
             * @example too_small
             */
            code: string;
            /**
             * @description Label in the response's locale.
             * @example Too small
             */
            label: string;
            /**
             * Format: int32
             * @description Minimum number of photos when required.
             */
            min_images: number;
            /** @description A comment is required. */
            require_comment: boolean;
            /** @description The item's condition is required. */
            require_condition: boolean;
            /** @description Photos are required. */
            require_images: boolean;
            /**
             * @description Offer an exchange first for items with this reason (where the line
             *     has exchange options).
             */
            suggest_exchange: boolean;
        };
        /** @description An enabled resolution. */
        PortalRefundOption: {
            /**
             * Format: int32
             * @description Store-credit bonus in percent.
             */
            store_credit_bonus_percent?: number | null;
            /** @description Resolution. */
            type: components["schemas"]["ResolutionType"];
        };
        /** @description An enabled return method. */
        PortalReturnMethod: {
            /** @description Carriers serving it. */
            carriers: string[];
            /**
             * Format: int32
             * @description For pickup: days ahead a pickup may be booked.
             */
            max_pickup_days?: number | null;
            /** @description Method. */
            type: components["schemas"]["ReturnMethodType"];
        };
        /** @description Public portal settings of a brand. */
        PortalSettings: {
            /** @description The brand. */
            brand: components["schemas"]["PortalBrandInfo"];
            /** @description Item conditions. */
            condition_codes: components["schemas"]["PortalCondition"][];
            /** @description The brand's default locale. */
            default_locale: string;
            /** @description Exchange and store credit come before a refund. */
            exchange_first: boolean;
            hosted_portal?: components["schemas"]["HostedPortal"] | null;
            /**
             * @description Locale of the texts and labels in this response.
             * @example en
             */
            locale: string;
            /** @description Every supported locale. */
            locales: string[];
            /** @description Verifiers accepted at lookup (besides the order or tracking number). */
            lookup_methods: components["schemas"]["LookupMethod"][];
            /** @description Link to the return policy. */
            policy_url?: string | null;
            /** @description Return reasons. */
            reasons: components["schemas"]["PortalReason"][];
            /** @description Enabled resolutions, in the order to offer them. */
            refund_options: components["schemas"]["PortalRefundOption"][];
            return_fee?: components["schemas"]["ReturnFee"] | null;
            /** @description Enabled return methods. */
            return_methods: components["schemas"]["PortalReturnMethod"][];
            /**
             * Format: int32
             * @description Return window in days.
             */
            return_window_days: number;
            /** @description Portal texts in `locale`. */
            strings: {
                [key: string]: string;
            };
            /** @description Whether the window counts from delivery or the order date. */
            window_starts_at: components["schemas"]["WindowStart"];
        };
        /** @description What creating the return would do. */
        Preview: {
            /** @description Whether it would be approved at once (every reason auto-approves). */
            auto_approve: boolean;
            /** @description Problems of the return method, resolution or request as a whole. */
            errors: components["schemas"]["FieldError"][];
            /**
             * @description Estimated refund and store credit: refunded items, store credit
             *     with its bonus, the difference of exchanges for cheaper variants,
             *     less the fee.
             */
            estimated_refund: components["schemas"]["Money"];
            /** @description Per item. */
            items: components["schemas"]["PreviewItem"][];
            /**
             * @description What the customer would pay for exchanges for dearer variants
             *     before the return goes on (the brand charges price differences);
             *     0 otherwise. The return is then created `payment_required`.
             */
            payment_due: components["schemas"]["Money"];
            return_fee?: components["schemas"]["Money"] | null;
            /** @description Parcels it would need (one per return address), as item indexes. */
            shipments: number[][];
            /** @description The store credit in it, bonus included. */
            store_credit: components["schemas"]["Money"];
            /** @description Whether create would succeed now. */
            valid: boolean;
        };
        /** @description Result of one item in a preview. */
        PreviewItem: {
            /** @description Its reason needs no merchant review. */
            auto_approve: boolean;
            /** @description Its problems (paths `items[i].…`). */
            errors: components["schemas"]["FieldError"][];
            exchange?: components["schemas"]["Offer"] | null;
            /** @description Position in the request. */
            index: number;
            /** @description Order line. */
            order_line_id: string;
            /**
             * Format: int32
             * @description Units requested.
             */
            quantity: number;
            /** @description Its resolution (its own, else the return's). */
            resolution: components["schemas"]["ResolutionType"];
            /**
             * Format: int32
             * @description Units the line may still return.
             */
            returnable_quantity: number;
            /** @description Whether this item is acceptable. */
            valid: boolean;
            /** @description Value of the requested units. */
            value: components["schemas"]["Money"];
        };
        /**
         * @description What a dearer replacement costs the customer.
         * @enum {string}
         */
        PriceDifferencePolicy: "absorb" | "charge";
        /** @description The problem document sent for every error (`application/problem+json`). */
        Problem: {
            /** @description Stable machine-readable error code. */
            code: components["schemas"]["ErrorCode"];
            /** @description Explanation of this occurrence. */
            detail: string;
            /** @description Per-field errors (may be empty). */
            errors: components["schemas"]["FieldError"][];
            /**
             * Format: int32
             * @description HTTP status code.
             * @example 422
             */
            status: number;
            /**
             * @description Short summary of the problem type.
             * @example Validation failed
             */
            title: string;
            /**
             * @description URI naming the problem type (`urn:returns-api:problem:<code>`).
             * @example urn:returns-api:problem:validation_failed
             */
            type: string;
        };
        /** @description Body of `POST /v1/brands/{brand}/products/bulk`. */
        ProductBatch: {
            /** @description Products (1–100), each replacing what the catalogue held under its id. */
            products: components["schemas"]["ProductInput"][];
        };
        /**
         * @description Body of `POST /v1/brands/{brand}/products` (and one entry of a bulk
         *     upload): a product and all its variants, replacing what the catalogue
         *     held under its id.
         * @example {
         *       "id": "tshirt-classic",
         *       "options": [
         *         "size",
         *         "colour"
         *       ],
         *       "tags": [
         *         "summer"
         *       ],
         *       "title": "Classic T-shirt",
         *       "variants": [
         *         {
         *           "available": 12,
         *           "option_values": {
         *             "colour": "black",
         *             "size": "M"
         *           },
         *           "prices": [
         *             {
         *               "amount": 1999,
         *               "currency": "EUR"
         *             }
         *           ],
         *           "sku": "TSHIRT-M-BLACK"
         *         },
         *         {
         *           "available": 3,
         *           "option_values": {
         *             "colour": "black",
         *             "size": "L"
         *           },
         *           "prices": [
         *             {
         *               "amount": 1999,
         *               "currency": "EUR"
         *             }
         *           ],
         *           "sku": "TSHIRT-L-BLACK"
         *         }
         *       ]
         *     }
         */
        ProductInput: {
            /** @description Whether its variants may be offered as exchanges (default true). */
            exchangeable?: boolean | null;
            /**
             * @description The merchant's product id (1–100 characters), e.g. its platform's.
             * @example tshirt-classic
             */
            id: string;
            /** @description Image. */
            image_url?: string | null;
            /**
             * @description Option names, in display order (0–3, each 1–50 characters, each
             *     once); every variant has a value for each.
             */
            options?: string[];
            /** @description Tags (0–20, each 1–50 characters). */
            tags?: string[];
            /** @description Title (1–200 characters). */
            title: string;
            /** @description Variants (1–100), each SKU once in the brand's catalogue. */
            variants: components["schemas"]["VariantInput"][];
            /** @description The vendor whose product it is (a marketplace's order-line vendor name). */
            vendor?: string | null;
        };
        /** @description A page of products. */
        ProductList: {
            /** @description Products, by id. */
            data: components["schemas"]["ProductView"][];
            /** @description Cursor of the next page (`null` on the last one). */
            next_cursor?: string | null;
        };
        /** @description A product of the brand's catalogue with its variants. */
        ProductView: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Whether its variants are offered as exchanges. */
            exchangeable: boolean;
            /**
             * @description The merchant's product id.
             * @example tshirt-classic
             */
            id: string;
            /** @description Image. */
            image_url?: string | null;
            /** @description Option names, in display order. */
            options: string[];
            /** @description Tags. */
            tags: string[];
            /** @description Title. */
            title: string;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /** @description Variants, in the order given. */
            variants: components["schemas"]["VariantView"][];
            /** @description Vendor. */
            vendor?: string | null;
        };
        /** @description An event of the warehouse: units received (`inventory.adjusted`, one per receipt) or a unit's disposition changed (`receipt.unit_overridden`, followed by `inventory.adjusted`): `data` is the receipt as the merchant API showed it right after the change, with its units and every ledger movement it made. */
        ReceiptEvent: {
            /**
             * Format: date-time
             * @description When it happened (events can arrive out of order).
             */
            created_at: string;
            data: components["schemas"]["ReceiptView"];
            /**
             * @description Event id (`evt_…`), also the `webhook-id` header: the same on every retry, so a receiver can ignore repeats.
             * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
             */
            id: string;
            /**
             * @description Event type.
             * @enum {string}
             */
            type: "inventory.adjusted" | "receipt.unit_overridden";
        };
        /** @description Body of a receipt: the scanned parcel and its units. */
        ReceiptInput: {
            /** @description Scanned lines. */
            items: components["schemas"]["ScanLine"][];
            /**
             * @description Where the units were received (a warehouse, dock or bin code).
             * @example AMS-1/dock-2
             */
            location?: string | null;
            /**
             * @description The return's RMA number (`RET-…`) or a tracking number of one of
             *     its labels, as scanned.
             * @example RET-7K3M9Q
             */
            reference: string;
        };
        /** @description A page of receipts. */
        ReceiptList: {
            /** @description Newest first. */
            data: components["schemas"]["ReceiptView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /**
         * @description What became of a tracking event.
         * @enum {string}
         */
        ReceiptStatus: "recorded" | "duplicate" | "ignored";
        /** @description A received unit and where it goes. */
        ReceiptUnitView: {
            /** @description Condition found. */
            condition_code?: string | null;
            /** @description Received damaged. */
            damaged: boolean;
            /** @description Where it goes. */
            disposition: components["schemas"]["Disposition"];
            /** @description Grade. */
            grade?: string | null;
            /** @description Id (`rcu_…`), for `PATCH …/units/{unit_id}`. */
            id: string;
            /**
             * Format: date-time
             * @description When.
             */
            overridden_at?: string | null;
            /** @description Who changed the disposition by hand, if anyone. */
            overridden_by?: string | null;
            /** @description Its return item; null for a unit that was not in the return. */
            return_item_id?: string | null;
            /** @description The rule that chose the disposition (null: the brand's default). */
            rule_id?: string | null;
            /** @description SKU. */
            sku: string;
            /** @description Not in the return: recorded, not counted against its items. */
            unexpected: boolean;
            /**
             * Format: int64
             * @description Unit price (minor units, the receipt's currency; 0 when unexpected).
             */
            unit_value: number;
        };
        /** @description A receipt: one scan of a return's parcel. */
        ReceiptView: {
            /** @description Who scanned. */
            actor: string;
            /**
             * Format: date-time
             * @description When.
             */
            created_at: string;
            /**
             * @description Currency of unit values.
             * @example EUR
             */
            currency: string;
            /** @description Id (`rcp_…`). */
            id: string;
            /** @description Where the units were received. */
            location?: string | null;
            /** @description Every ledger movement of this receipt, overrides included. */
            movements: components["schemas"]["MovementView"][];
            /** @description What was scanned to find the return (RMA or tracking number). */
            reference: string;
            /** @description The return. */
            return_id: string;
            /** @description The return's status after the receipt. */
            return_status: components["schemas"]["ReturnStatus"];
            /** @description Its RMA number. */
            rma_number: string;
            /** @description Units, in scan order. */
            units: components["schemas"]["ReceiptUnitView"][];
        };
        /** @description Body of receive. */
        ReceiveInput: {
            /** @description Arrivals. */
            items: components["schemas"]["ReceiveItemInput"][];
        };
        /** @description Arrival of one item. */
        ReceiveItemInput: {
            /** @description Condition found. */
            condition_code?: string | null;
            /**
             * Format: int32
             * @description Of which damaged (not restocked).
             */
            damaged_quantity?: number;
            /**
             * Format: int32
             * @description Units arrived.
             */
            quantity: number;
            /** @description Return item id. */
            return_item_id: string;
        };
        /** @description A resolution the customer may choose. */
        RefundOptionSetting: {
            /** @description Offered to customers. */
            enabled: boolean;
            /**
             * Format: int32
             * @description For `store_credit`: bonus on top of the item value, in percent (0–100).
             */
            store_credit_bonus_percent?: number | null;
            /** @description The resolution. */
            type: components["schemas"]["ResolutionType"];
        };
        /**
         * @description Why a return was rejected.
         * @example {
         *       "note": "Sale items cannot be returned.",
         *       "reason_code": "final_sale"
         *     }
         */
        Rejection: {
            /** @description Note to the customer. */
            note?: string | null;
            /**
             * @description Reason code, e.g. `return_window_ended`, `final_sale`, `other`.
             * @example final_sale
             */
            reason_code: string;
        };
        /** @description Figures of a group, or of the whole report. */
        ReportFigures: {
            /**
             * Format: double
             * @description Share of the units resolved by an exchange (0 to 1).
             */
            exchange_rate: number;
            /**
             * Format: int64
             * @description Units the warehouse received.
             */
            received_units: number;
            /**
             * Format: double
             * @description Share of the units resolved by a refund (0 to 1).
             */
            refund_rate: number;
            /**
             * Format: int64
             * @description Returns with at least one unit in the group (a return whose items
             *     fall in several groups counts in each).
             */
            returns: number;
            /**
             * Format: int64
             * @description Received units that were not in their return.
             */
            unexpected_units: number;
            /**
             * Format: int64
             * @description Units asked for (received units, for `disposition`).
             */
            units: number;
            /** @description Their value at order prices, per currency. */
            value: components["schemas"]["Money"][];
        };
        /** @description One group of a report. */
        ReportGroup: components["schemas"]["ReportFigures"] & {
            /**
             * @description The group: a reason code, SKU, product id, vendor id, resolution,
             *     disposition, country code or day (`YYYY-MM-DD`); `null` for none
             *     (the merchant's own items under `vendor`, SKUs outside the
             *     catalogue under `product`).
             */
            key?: string | null;
        };
        /** @description The resolution actually given. */
        ResolutionGiven: {
            amount?: components["schemas"]["Money"] | null;
            /** @description Reference of the exchange order. */
            exchange_order_reference?: string | null;
            /** @description Note. */
            note?: string | null;
            /** @description What was given. */
            type: components["schemas"]["ResolutionType"];
        };
        /** @description What the customer wants back. */
        ResolutionRequest: {
            /** @description SKU wanted in exchange (exchanges only). */
            exchange_sku?: string | null;
            /** @description Resolution. */
            type: components["schemas"]["ResolutionType"];
        } & unknown;
        /**
         * @description What the customer gets back.
         * @enum {string}
         */
        ResolutionType: "refund" | "store_credit" | "exchange";
        /** @description Where returned items go. */
        ReturnAddress: {
            /** @description City. */
            city: string;
            /** @description Company. */
            company?: string | null;
            /** @description ISO 3166-1 alpha-2 country. */
            country: components["schemas"]["CountryCode"];
            /**
             * Format: email
             * @description Email.
             */
            email?: string | null;
            /** @description Stable id, e.g. `main-warehouse`. */
            id: string;
            /** @description The one warehouse used when a line has no vendor address. */
            is_default?: boolean;
            /** @description Warehouse or vendor address. */
            kind: components["schemas"]["AddressKind"];
            /** @description Street and number. */
            line1: string;
            /** @description Second address line. */
            line2?: string | null;
            /** @description Addressee. */
            name: string;
            /** @description Phone. */
            phone?: string | null;
            /** @description Postal code. */
            postal_code: string;
            /** @description For `vendor`: the vendor name order lines carry. */
            vendor?: string | null;
        };
        /** @description An event of a return: `data` is the return as the merchant API showed it right after the change. */
        ReturnEvent: {
            /**
             * Format: date-time
             * @description When it happened (events can arrive out of order).
             */
            created_at: string;
            data: components["schemas"]["ReturnView"];
            /**
             * @description Event id (`evt_…`), also the `webhook-id` header: the same on every retry, so a receiver can ignore repeats.
             * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
             */
            id: string;
            /**
             * @description Event type.
             * @enum {string}
             */
            type: "return.requested" | "return.payment_required" | "return.payment_received" | "return.approved" | "return.rejected" | "return.cancelled" | "label.ready" | "label.failed" | "return.in_transit" | "return.delivered" | "return.received" | "return.completed" | "return_part.awaiting_vendor" | "return.vendor_approved" | "return.vendor_rejected" | "return_part.in_transit" | "return_part.received" | "return_part.completed" | "return_part.overdue" | "return_part.cancelled" | "exchange.requested" | "exchange.ordered" | "exchange.overdue" | "store_credit.issued";
        };
        /** @description A fee deducted from the refund. */
        ReturnFee: {
            /** @description The fee. */
            amount: components["schemas"]["Money"];
            /** @description Resolutions for which the fee is waived (e.g. exchanges). */
            waived_for?: components["schemas"]["ResolutionType"][];
        };
        /** @description A returned item. */
        ReturnItemView: {
            /**
             * Format: int32
             * @description Units the merchant accepted (all of them when auto-approved).
             */
            approved_quantity: number;
            /** @description Customer's comment. */
            comment?: string | null;
            /** @description Condition stated by the customer. */
            condition_code?: string | null;
            /**
             * Format: int32
             * @description Arrived units that were damaged (not restocked).
             */
            damaged_quantity: number;
            exchange?: components["schemas"]["ItemExchangeView"] | null;
            /** @description Id (`rit_…`), used by approve and receive. */
            id: string;
            /** @description Photo ids. */
            image_ids: string[];
            /** @description Name. */
            name: string;
            /** @description Order line. */
            order_line_id: string;
            /** @description Reason. */
            reason_code: string;
            /** @description Condition found at receipt. */
            received_condition_code?: string | null;
            /**
             * Format: int32
             * @description Units that arrived.
             */
            received_quantity: number;
            /**
             * Format: int32
             * @description Units not accepted (requested − approved once reviewed).
             */
            rejected_quantity: number;
            /** @description Why units were not accepted. */
            rejection_reason?: string | null;
            /**
             * Format: int32
             * @description Units the customer asked to return.
             */
            requested_quantity: number;
            resolution?: components["schemas"]["ResolutionType"] | null;
            /** @description SKU. */
            sku: string;
            /** @description Unit price. */
            unit_price: components["schemas"]["Money"];
        };
        /** @description A page of returns. */
        ReturnList: {
            /** @description Newest first. */
            data: components["schemas"]["ReturnView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /** @description A return method and the carriers that serve it. */
        ReturnMethodSetting: {
            /** @description Carrier codes, e.g. `postnl`, `dhl` (none for `in_store`). */
            carriers?: string[];
            /** @description Offered to customers. */
            enabled: boolean;
            /**
             * Format: int32
             * @description For `pickup`: how many days ahead a pickup may be booked (1–30).
             */
            max_pickup_days?: number | null;
            /** @description The method. */
            type: components["schemas"]["ReturnMethodType"];
        };
        /**
         * @description How the parcel travels back.
         * @enum {string}
         */
        ReturnMethodType: "drop_off" | "labelless" | "pickup" | "in_store";
        /** @description A return reason the customer picks per item. */
        ReturnReason: {
            /** @description Items with this reason need no merchant review. */
            auto_approve?: boolean;
            /**
             * @description Stable code, e.g. `too_small`.
             * @example too_small
             */
            code: string;
            /**
             * @description Label per locale; every locale of the settings needs one.
             * @example {
             *       "en": "Too small"
             *     }
             */
            labels: {
                [key: string]: string;
            };
            /**
             * Format: int32
             * @description Photos required when `require_images` (1–10).
             */
            min_images?: number;
            /** @description The customer must write a comment. */
            require_comment?: boolean;
            /** @description The customer must state the item's condition. */
            require_condition?: boolean;
            /** @description The customer must attach photos. */
            require_images?: boolean;
            /**
             * @description The portal offers an exchange first for items with this reason
             *     (`too_small`, `too_large`: another size fits).
             */
            suggest_exchange?: boolean;
        };
        /**
         * @description Status of a return.
         * @enum {string}
         */
        ReturnStatus: "payment_required" | "requested" | "awaiting_vendor" | "approved" | "rejected" | "in_transit" | "partially_received" | "received" | "completed" | "cancelled";
        /** @description A return. */
        ReturnView: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Estimated refund (or store credit). */
            estimated_refund: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description Instant exchange: the replacement went out at approval, and a
             *     carrier must scan the original in transit by this time.
             */
            exchange_due_at?: string | null;
            /** @description Id (`ret_…`). */
            id: string;
            /** @description Items. */
            items: components["schemas"]["ReturnItemView"][];
            /** @description Customer's locale. */
            locale: string;
            /** @description Order number. */
            order_number: string;
            payment?: components["schemas"]["PaymentView"] | null;
            rejection?: components["schemas"]["Rejection"] | null;
            /** @description Resolution asked for. */
            resolution: components["schemas"]["ResolutionRequest"];
            resolution_given?: components["schemas"]["ResolutionGiven"] | null;
            return_fee?: components["schemas"]["Money"] | null;
            /** @description Return method. */
            return_method: components["schemas"]["MethodRequest"];
            /**
             * @description Human-facing number.
             * @example RET-7K3Q9X
             */
            rma_number: string;
            /** @description Parcels with their labels. */
            shipments: components["schemas"]["ShipmentView"][];
            /** @description Status. */
            status: components["schemas"]["ReturnStatus"];
            store_credit?: components["schemas"]["StoreCreditView"] | null;
            /** @description Status history (customer view). */
            timeline?: components["schemas"]["TimelineEntry"][] | null;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /** @description A returns report. */
        ReturnsReport: {
            /**
             * Format: date-time
             * @description Changes to returns made before this time are in the figures.
             */
            as_of?: string | null;
            /**
             * Format: date
             * @description First day (UTC).
             */
            from: string;
            /** @description What the groups are. */
            group_by: components["schemas"]["GroupBy"];
            /** @description The groups: by day in order for `day`, else most units first. */
            groups: components["schemas"]["ReportGroup"][];
            /**
             * Format: date
             * @description Last day (UTC).
             */
            to: string;
            /** @description Every return of the period, each counted once. */
            totals: components["schemas"]["ReportFigures"];
        };
        /** @description A brand's Returns Settings. */
        ReturnsSettings: {
            /** @description Whether lines of shipments not yet delivered may be returned. */
            allow_undelivered_items: boolean;
            /** @description Item conditions (at most 50). */
            condition_codes: components["schemas"]["ConditionCode"][];
            /** @description The disposition of a unit no rule decides (default `restock`). */
            default_disposition?: components["schemas"]["Outcome"];
            /** @description Locale used when the customer's is not supported. */
            default_locale: components["schemas"]["Locale"];
            /**
             * @description What happens to received units, read in order: the first rule whose
             *     conditions all hold gives a unit its disposition (see
             *     `POST …/receipts`). A brand starts with two: units that were not in
             *     the return and damaged units are quarantined.
             */
            disposition_rules?: components["schemas"]["DispositionRule"][];
            /**
             * @description Offer exchange and store credit before a refund: the portal lists
             *     the enabled resolutions in that order (else in `refund_options`'
             *     order).
             */
            exchange_first?: boolean;
            /**
             * @description Exchanges for a dearer variant: `absorb` (the customer pays
             *     nothing more) or `charge` (the return waits in `payment_required`
             *     until `POST …/returns/{id}/payments` confirms the amount due, which
             *     is what the dearer replacements cost beyond the money the return
             *     gives back).
             */
            exchange_price_difference?: components["schemas"]["PriceDifferencePolicy"];
            /**
             * @description Serve the reference portal at `/portal/{brand}` (off when absent):
             *     a complete customer portal built on the public portal API, which
             *     storefronts on the brand's allowed origins may embed in an iframe.
             */
            hosted_portal?: boolean;
            instant_exchange?: components["schemas"]["InstantExchange"] | null;
            /** @description Supported locales, e.g. `en`, `nl`, `de-AT`. */
            locales: components["schemas"]["Locale"][];
            /** @description Verifiers a customer may use at lookup (at least one). */
            lookup_methods: components["schemas"]["LookupMethod"][];
            /**
             * @description Customer e-mail at each step of a return: on or off per step, with
             *     subject and body templates per locale (every step off by default).
             */
            notifications?: components["schemas"]["Notifications"];
            /**
             * Format: int32
             * @description Hours a return waits for its payment (1–720): unpaid by then, it is
             *     cancelled by the system and its reserved units go back to stock.
             * @default 72
             */
            payment_within_hours: number;
            phone_region?: components["schemas"]["CountryCode"] | null;
            /** @description Link to the brand's return policy. */
            policy_url?: string | null;
            /** @description Return reasons (1–100). */
            reasons: components["schemas"]["ReturnReason"][];
            /** @description Resolutions (at least one enabled). */
            refund_options: components["schemas"]["RefundOptionSetting"][];
            /** @description Warehouse and vendor addresses (one default warehouse). */
            return_addresses: components["schemas"]["ReturnAddress"][];
            return_fee?: components["schemas"]["ReturnFee"] | null;
            /** @description Return methods (at least one enabled). */
            return_methods: components["schemas"]["ReturnMethodSetting"][];
            /**
             * Format: int32
             * @description Days a line stays returnable (1–365).
             * @example 30
             */
            return_window_days: number;
            /**
             * @description E-mail to the merchant's staff: who, in which locale, about what
             *     (a return awaiting review, a vendor's rejection or missed deadline,
             *     a failed label, a disabled webhook endpoint), with templates per
             *     locale (every kind off by default).
             */
            staff_notifications?: components["schemas"]["StaffNotifications"];
            /**
             * @description Issue store credit when the return is approved instead of when it
             *     is completed (`store_credit.issued`, once).
             */
            store_credit_on_approval?: boolean;
            /** @description Portal texts per locale; every locale has the same keys. */
            strings: {
                [key: string]: components["schemas"]["LocaleStrings"];
            };
            /**
             * @description E-mail to vendors at their `contact_email`: a part awaiting them,
             *     a reminder before its deadline, their parcel in transit and
             *     delivered (every kind off by default).
             */
            vendor_notifications?: components["schemas"]["VendorNotifications"];
            /**
             * @description Read only: what is worth fixing without making the settings
             *     invalid, such as brand theme colours whose text fails WCAG 2 AA
             *     contrast. Sent back with a `PUT`, it is ignored.
             */
            warnings?: components["schemas"]["SettingsWarning"][];
            /** @description Whether the window counts from delivery or from the order date. */
            window_starts_at: components["schemas"]["WindowStart"];
        };
        /** @description One scanned line: an item or a SKU, how many units, in what condition. */
        ScanLine: {
            /**
             * @description Condition found (one of the brand's condition codes).
             * @example unopened
             */
            condition_code?: string | null;
            /**
             * Format: int32
             * @description Of which damaged.
             */
            damaged_quantity?: number;
            /**
             * Format: int32
             * @description Units scanned.
             */
            quantity: number;
            /** @description The return item (give this or `sku`). */
            return_item_id?: string | null;
            /**
             * @description The SKU on the unit's barcode (give this or `return_item_id`).
             * @example TSHIRT-M
             */
            sku?: string | null;
        } & ({
            condition_code?: unknown;
            damaged_quantity?: unknown;
            quantity?: unknown;
            return_item_id: string;
            sku?: null;
        } | {
            condition_code?: unknown;
            damaged_quantity?: unknown;
            quantity?: unknown;
            return_item_id?: null;
            sku: string;
        });
        /** @description A service point in an import file. */
        ServicePointInput: {
            /** @description Inactive points are kept but never offered. */
            active?: boolean;
            /**
             * @description Carrier code (`postnl`, `dhl`, …).
             * @example postnl
             */
            carrier: string;
            /** @description City. */
            city: string;
            /**
             * @description The carrier's id of the point, unique per carrier.
             * @example NL-204711
             */
            code: string;
            /** @description ISO 3166-1 alpha-2 country. */
            country: components["schemas"]["CountryCode"];
            /** @description House number. */
            house_number?: string | null;
            /**
             * Format: double
             * @description Latitude (WGS84).
             */
            latitude: number;
            /**
             * Format: double
             * @description Longitude (WGS84).
             */
            longitude: number;
            /**
             * @description Name.
             * @example PostNL Punt Bruna Centraal
             */
            name: string;
            /** @description Weekly hours `{"0": ["09:00-18:00"], …, "6": []}` (0 = Monday; missing = closed). */
            opening_hours?: {
                [key: string]: string[];
            };
            /** @description Phone. */
            phone?: string | null;
            /** @description Postal code. */
            postal_code: string;
            /** @description Kind of shop, e.g. `supermarket`, `locker`. */
            shop_type?: string | null;
            /** @description Street. */
            street: string;
            /** @description Accepts label-less (QR) returns. */
            supports_labelless?: boolean;
            /**
             * @description IANA time zone; defaults to the country's.
             * @example Europe/Amsterdam
             */
            timezone?: string | null;
        };
        /** @description Service points found. */
        ServicePointList: {
            /** @description Points, nearest first. */
            data: components["schemas"]["ServicePointView"][];
        };
        /** @description A drop-off location. */
        ServicePointView: {
            /** @description Carrier. */
            carrier: string;
            /** @description City. */
            city: string;
            /** @description The carrier's code for the point. */
            code: string;
            /** @description ISO 3166-1 alpha-2 country. */
            country: string;
            /**
             * Format: int32
             * @description Distance in metres from the searched position.
             */
            distance: number;
            /**
             * @description Opening times per weekday, `"0"` = Monday … `"6"` = Sunday, local time of the point.
             * @example {
             *       "0": [
             *         "09:00 - 12:00",
             *         "13:00 - 18:00"
             *       ],
             *       "1": [],
             *       "2": [],
             *       "3": [],
             *       "4": [],
             *       "5": [],
             *       "6": []
             *     }
             */
            formatted_opening_times: {
                [key: string]: string[];
            };
            /** @description House number. */
            house_number?: string | null;
            /** @description Id (use as `service_point_id` when creating a return). */
            id: string;
            /**
             * Format: double
             * @description Latitude.
             */
            latitude: number;
            /**
             * Format: double
             * @description Longitude.
             */
            longitude: number;
            /** @description Name. */
            name: string;
            /** @description Open at some time tomorrow (local time). */
            open_tomorrow: boolean;
            /** @description Open on some day of the next seven. */
            open_upcoming_week: boolean;
            /** @description Phone. */
            phone?: string | null;
            /** @description Postal code. */
            postal_code: string;
            /** @description Kind of shop (e.g. `supermarket`, `locker`). */
            shop_type?: string | null;
            /** @description Street. */
            street: string;
            /** @description Accepts label-less (QR code) returns. */
            supports_labelless: boolean;
        };
        /** @description A problem worth fixing that does not make the settings invalid. */
        SettingsWarning: {
            /** @description What. */
            code: components["schemas"]["WarningCode"];
            /**
             * Format: double
             * @description The measured contrast ratio (1–21), for `low_contrast`.
             * @example 2.9
             */
            contrast_ratio?: number | null;
            /**
             * @description Where, e.g. `theme.primary_color` (the brand's theme).
             * @example theme.primary_color
             */
            field: string;
            /** @description For people. */
            message: string;
        };
        /** @description A parcel sent to the customer. */
        Shipment: {
            /**
             * @description Carrier code.
             * @example postnl
             */
            carrier: string;
            /**
             * Format: date-time
             * @description When it was delivered (required for `delivered`).
             */
            delivered_at?: string | null;
            /** @description Units per line. */
            lines: components["schemas"]["ShipmentLine"][];
            /**
             * Format: date-time
             * @description When it was handed to the carrier.
             */
            shipped_at?: string | null;
            /** @description Status. */
            status: components["schemas"]["ShipmentStatus"];
            /**
             * @description Tracking number (unique within the brand).
             * @example 3SABC0001
             */
            tracking_number: string;
        } & unknown;
        /** @description Units of a line in a shipment. */
        ShipmentLine: {
            /**
             * @description Line id.
             * @example L1
             */
            line_id: string;
            /**
             * Format: int32
             * @description Units.
             * @example 2
             */
            quantity: number;
        };
        /**
         * @description Delivery state of a shipment.
         * @enum {string}
         */
        ShipmentStatus: "pending" | "shipped" | "in_transit" | "delivered" | "exception";
        /**
         * @description One part of a return: one parcel per return address (the warehouse, or
         *     a vendor's address for the lines that vendor fulfilled), with a status
         *     of its own.
         */
        ShipmentView: {
            address?: components["schemas"]["ReturnAddress"] | null;
            /** @description Carrier (none for in-store returns). */
            carrier?: string | null;
            commission_reversal?: components["schemas"]["Money"] | null;
            /** @description Id (`rsh_…`), also the part's id. */
            id: string;
            /**
             * @description The vendor's return instructions in the return's locale, once the
             *     part is approved.
             */
            instructions?: string | null;
            /** @description Items in this parcel. */
            item_ids: string[];
            label?: components["schemas"]["LabelView"] | null;
            rejection?: components["schemas"]["Rejection"] | null;
            resolution_given?: components["schemas"]["ResolutionGiven"] | null;
            /** @description Status of this part. */
            status: components["schemas"]["PartStatus"];
            tracking?: components["schemas"]["TrackingView"] | null;
            vendor?: components["schemas"]["PartVendorView"] | null;
            /**
             * Format: date-time
             * @description Until when the vendor may answer; after it the merchant may decide
             *     for it (merchant view, parts waiting for their vendor).
             */
            vendor_due_at?: string | null;
        };
        /** @description Where the order was shipped. */
        ShippingAddress: {
            /**
             * @description City.
             * @example Amsterdam
             */
            city: string;
            /** @description ISO 3166-1 alpha-2 country. */
            country: components["schemas"]["CountryCode"];
            /**
             * Format: double
             * @description Latitude (WGS84), used to find the nearest service point.
             * @example 52.3791
             */
            latitude?: number | null;
            /**
             * @description Street and number.
             * @example Stationsplein 1
             */
            line1: string;
            /** @description Second line. */
            line2?: string | null;
            /**
             * Format: double
             * @description Longitude (WGS84).
             * @example 4.9003
             */
            longitude?: number | null;
            /** @description Addressee, if different from the customer. */
            name?: string | null;
            /**
             * @description Postal code.
             * @example 1012 AB
             */
            postal_code: string;
        } & (unknown & unknown);
        /**
         * @description E-mail to the merchant's staff: to every address in `recipients`, in
         *     `locale` (default: the brand's default locale), for each kind turned
         *     on. Templates see what customer templates see (see
         *     [`Notifications`]) except `customer`, and also `part.due_at`,
         *     `part.on_timeout` (`vendor_overdue`), `note` (the label error,
         *     `label_failed`) and `endpoint.id` and `endpoint.url`
         *     (`webhook_endpoint_disabled`, where `return` is empty).
         */
        StaffNotifications: {
            /** @description An instant exchange's original was not scanned by its deadline. */
            exchange_overdue?: components["schemas"]["NotificationSetting"];
            /** @description A return's label could not be made. */
            label_failed?: components["schemas"]["NotificationSetting"];
            locale?: components["schemas"]["Locale"] | null;
            /** @description A vendor rejected its part. */
            part_rejected_by_vendor?: components["schemas"]["NotificationSetting"];
            /**
             * @description Staff addresses (at most 20), each mailed once per event.
             * @example [
             *       "returns-team@shop.example"
             *     ]
             */
            recipients?: string[];
            /** @description A return waits for the merchant's review. */
            return_awaits_review?: components["schemas"]["NotificationSetting"];
            /** @description A vendor did not answer by its deadline (its `on_timeout` acted). */
            vendor_overdue?: components["schemas"]["NotificationSetting"];
            /** @description A webhook endpoint was disabled after failing for days. */
            webhook_endpoint_disabled?: components["schemas"]["NotificationSetting"];
        };
        /**
         * @description Body of `PATCH /v1/brands/{brand}/variants/{sku}/stock`: exactly one of
         *     `available` (the new level) or `delta` (units added, or taken when
         *     negative).
         * @example {
         *       "delta": -2
         *     }
         */
        StockChange: {
            /**
             * Format: int64
             * @description The new level (0–1,000,000).
             */
            available?: number | null;
            /**
             * Format: int64
             * @description Units added (taken when negative); the level stays 0–1,000,000.
             */
            delta?: number | null;
        };
        /** @description A return's store credit. */
        StoreCreditView: {
            /**
             * @description The credit, fixed at creation (the items' value, the brand's bonus,
             *     less the fee).
             */
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description When it was issued (`store_credit.issued`); `null` before.
             */
            issued_at?: string | null;
        };
        /**
         * @description An event type an endpoint can subscribe to (every type but `ping`, which only the test operation sends).
         * @enum {string}
         */
        SubscribableEventType: "return.requested" | "return.payment_required" | "return.payment_received" | "return.approved" | "return.rejected" | "return.cancelled" | "label.ready" | "label.failed" | "return.in_transit" | "return.delivered" | "return.received" | "return.completed" | "return_part.awaiting_vendor" | "return.vendor_approved" | "return.vendor_rejected" | "return_part.in_transit" | "return_part.received" | "return_part.completed" | "return_part.overdue" | "return_part.cancelled" | "exchange.requested" | "exchange.ordered" | "exchange.overdue" | "store_credit.issued" | "inventory.adjusted" | "receipt.unit_overridden" | "webhook_endpoint.disabled";
        /** @description Colours and logo of a brand's portal. */
        Theme: {
            /**
             * @description Accent colour for buttons, links and choices, `#rrggbb`.
             * @example #2563eb
             */
            accent_color: string;
            /**
             * @description Page background, `#rrggbb`.
             * @example #ffffff
             */
            background_color: string;
            /** @description CSS font-family stack. */
            font_family?: string | null;
            /**
             * @description Absolute URL of the logo (SVG or PNG).
             * @example https://cdn.example.com/logo.svg
             */
            logo_url?: string | null;
            /**
             * @description Main colour, `#rrggbb`: the portal's text (and its brand bar).
             * @example #0f172a
             */
            primary_color: string;
        };
        /** @description A step of the customer-facing timeline. */
        TimelineEntry: {
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            status?: components["schemas"]["ReturnStatus"] | null;
            /** @description Event type, e.g. `return.approved`. */
            type: components["schemas"]["EventType"];
        };
        /**
         * @description A carrier's report of one scan of a return parcel.
         * @example {
         *       "event_id": "scan-000123456-04",
         *       "location": {
         *         "city": "Utrecht",
         *         "country": "NL",
         *         "description": "PostNL sorting centre",
         *         "postal_code": "3542 AB"
         *       },
         *       "occurred_at": "2026-12-02T08:15:00Z",
         *       "status": "in_transit",
         *       "tracking_number": "3SRET000123456"
         *     }
         */
        TrackingEventInput: {
            /**
             * @description The carrier's id of this scan: a scan sent again with the same id is
             *     a duplicate, whatever else it says.
             */
            event_id?: string | null;
            location?: components["schemas"]["TrackingLocation"] | null;
            /**
             * Format: date-time
             * @description When it happened (RFC 3339; at most a day ahead of the server's clock).
             */
            occurred_at: string;
            /** @description What happened. */
            status: components["schemas"]["TrackingStatus"];
            /** @description Tracking number of the parcel (that of the return's label, exactly). */
            tracking_number: string;
        };
        /** @description One scan of a parcel. */
        TrackingEventView: {
            location?: components["schemas"]["TrackingLocation"] | null;
            /**
             * Format: date-time
             * @description When it happened.
             */
            occurred_at: string;
            /** @description What happened. */
            status: components["schemas"]["TrackingStatus"];
        };
        /** @description Where a scan happened, as the carrier describes it. */
        TrackingLocation: {
            /**
             * @description City.
             * @example Utrecht
             */
            city?: string | null;
            country?: components["schemas"]["CountryCode"] | null;
            /**
             * @description The carrier's words, e.g. the depot or service point.
             * @example PostNL sorting centre
             */
            description?: string | null;
            /**
             * @description Postal code, as the carrier writes it.
             * @example 3542 AB
             */
            postal_code?: string | null;
        };
        /**
         * @description The answer to a tracking event.
         * @example {
         *       "status": "recorded",
         *       "tracking_status": "in_transit",
         *       "updated_at": "2026-12-02T08:15:00Z"
         *     }
         */
        TrackingReceipt: {
            /** @description What became of the event. */
            status: components["schemas"]["ReceiptStatus"];
            tracking_status?: components["schemas"]["TrackingStatus"] | null;
            /**
             * Format: date-time
             * @description When the parcel's latest scan happened (`null` when ignored).
             */
            updated_at?: string | null;
        };
        /**
         * @description What a carrier reports about a parcel.
         * @enum {string}
         */
        TrackingStatus: "accepted" | "in_transit" | "delivered" | "exception" | "returned_to_sender";
        /** @description A parcel's journey as its carrier reports it. */
        TrackingView: {
            /** @description Every scan, oldest first. */
            events: components["schemas"]["TrackingEventView"][];
            /**
             * @description Current status: that of the latest scan by when it happened (a scan
             *     reported late never moves it back).
             */
            status: components["schemas"]["TrackingStatus"];
            /**
             * Format: date-time
             * @description When the latest scan happened.
             */
            updated_at: string;
        };
        /** @description Body of a disposition override. */
        UnitOverride: {
            /** @description The new disposition. */
            disposition: components["schemas"]["Disposition"];
            /**
             * @description Grade (e.g. `b`).
             * @example b
             */
            grade?: string | null;
        };
        /** @description Body of `PATCH /v1/brands/{brand}`: only the fields present change. */
        UpdateBrand: {
            /** @description New allowed origins (replaces the list). */
            allowed_origins?: components["schemas"]["Origin"][] | null;
            /** @description New custom domain; `null` removes it. */
            custom_domain?: string | null;
            /** @description New display name. */
            name?: string | null;
            theme?: components["schemas"]["Theme"] | null;
        };
        /**
         * @description Body of `PATCH /v1/brands/{brand}/vendors/{vendor_id}`: only the fields
         *     present change (the id never does).
         * @example {
         *       "contact_email": null,
         *       "response_hours": 24
         *     }
         */
        UpdateVendor: {
            /**
             * @description `true` reactivates a retired vendor (its old keys stay revoked; new
             *     ones can be created); `false` retires it, like `DELETE`.
             */
            active?: boolean | null;
            /** @description Approve the vendor's parts without its answer. */
            auto_approve?: boolean | null;
            /**
             * Format: email
             * @description New contact address; `null` removes it.
             */
            contact_email?: string | null;
            instructions?: components["schemas"]["VendorInstructions"] | null;
            /**
             * @description New locale of the vendor's e-mail; `null` returns to the brand's
             *     default locale.
             */
            locale?: string | null;
            /** @description New display name. */
            name?: string | null;
            on_timeout?: components["schemas"]["OnTimeout"] | null;
            /** @description New order-line vendor name (no other vendor of the brand may have it). */
            order_line_vendor?: string | null;
            /**
             * Format: int32
             * @description New response time in hours (1–720).
             */
            response_hours?: number | null;
        };
        /** @description A stored photo. */
        Upload: {
            /** @description Detected type: `image/jpeg`, `image/png` or `image/webp`. */
            content_type: string;
            /** @description Id, for `image_ids` of a return item. */
            id: string;
            /**
             * Format: int64
             * @description Size in bytes.
             */
            size_bytes: number;
        };
        /** @description Multipart form of an upload. */
        UploadForm: {
            /**
             * Format: binary
             * @description The photo (JPEG, PNG or WebP, at most 5 MB).
             */
            file: Blob;
        };
        /** @description One variant of a product. */
        VariantInput: {
            /**
             * Format: int64
             * @description Units in stock that may be promised (0–1,000,000).
             */
            available: number;
            /** @description Image of the variant. */
            image_url?: string | null;
            /**
             * @description Its value of each of the product's options (1–50 characters each).
             * @example {
             *       "colour": "black",
             *       "size": "L"
             *     }
             */
            option_values?: {
                [key: string]: string;
            };
            /** @description Its price, one per currency (0–20). */
            prices?: components["schemas"]["Money"][];
            /**
             * @description SKU (1–100 characters), as order lines carry it.
             * @example TSHIRT-L-BLACK
             */
            sku: string;
        };
        /** @description A variant of a product. */
        VariantView: {
            /**
             * Format: int64
             * @description Units in stock.
             */
            available: number;
            /** @description Image. */
            image_url?: string | null;
            /**
             * @description Its option values.
             * @example {
             *       "colour": "black",
             *       "size": "L"
             *     }
             */
            option_values: {
                [key: string]: string;
            };
            /** @description Its prices, one per currency. */
            prices: components["schemas"]["Money"][];
            /**
             * Format: int64
             * @description Units promised to exchanges that have not shipped.
             */
            reserved: number;
            /**
             * @description SKU.
             * @example TSHIRT-L-BLACK
             */
            sku: string;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /**
             * Format: int64
             * @description Version of its stock, also its `ETag` (`"v3"`) for `If-Match`.
             */
            version: number;
        };
        /** @description A page of deliveries. */
        VendorDeliveryList: {
            /** @description Newest event first. */
            data: components["schemas"]["DeliveryView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /** @description The delivery of one event to one endpoint. */
        VendorDeliveryView: {
            /**
             * Format: int32
             * @description Attempts made.
             */
            attempt_count: number;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["AttemptView"][];
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description Endpoint. */
            endpoint_id: string;
            /** @description The event (`webhook-id` of every attempt). */
            event_id: string;
            /** @description Its type. */
            event_type: components["schemas"]["EventType"];
            /** @description Id (`whd_…`). */
            id: string;
            /** @description Error of the last attempt. */
            last_error?: string | null;
            /**
             * Format: int32
             * @description Status code of the last attempt.
             */
            last_status_code?: number | null;
            /**
             * Format: date-time
             * @description When the next attempt is due (pending only).
             */
            next_attempt_at?: string | null;
            /** @description Status. */
            status: components["schemas"]["DeliveryStatus"];
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /** @description A page of endpoints. */
        VendorEndpointList: {
            /** @description Oldest first. */
            data: components["schemas"]["EndpointView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /** @description A webhook endpoint. */
        VendorEndpointView: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /** @description The merchant's note. */
            description?: string | null;
            /** @description Why the system disabled it (every attempt failed for days). */
            disabled_reason?: string | null;
            /** @description Whether deliveries go out. */
            enabled: boolean;
            /** @description Event types delivered; empty: every type. */
            event_types: components["schemas"]["SubscribableEventType"][];
            /**
             * Format: date-time
             * @description Since when every attempt has failed (`null` after a success).
             */
            failing_since?: string | null;
            /** @description Id (`whe_…`). */
            id: string;
            /**
             * Format: date-time
             * @description Until when the previous secret (before the last rotation) still signs.
             */
            previous_secret_expires_at?: string | null;
            /**
             * @description The signing secret (`whsec_…`): only in the answers of creation and
             *     rotation.
             */
            secret?: string | null;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /** @description Where deliveries go. */
            url: string;
        };
        /** @description The events of a vendor's part, oldest first. */
        VendorEventList: {
            /** @description Oldest first. */
            data: components["schemas"]["EventView"][];
        };
        /**
         * @description Return instructions per locale tag (`en`, `nl-BE`, …): 1–2000 characters each, at most 20 locales.
         * @example {
         *       "en": "Fold the item and include the packing slip."
         *     }
         */
        VendorInstructions: {
            [key: string]: string;
        };
        /** @description A page of a vendor's keys (revoked ones too). */
        VendorKeyList: {
            /** @description Newest first. */
            data: components["schemas"]["VendorKeyView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /** @description A vendor API key (never its secret). */
        VendorKeyView: {
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /**
             * @description Id (`vky_…`).
             * @example vky_0193c5a0c4c77f3a9b1e2d3f4a5b6c7d
             */
            id: string;
            /**
             * @description The label it was given.
             * @example api
             */
            name: string;
            /**
             * @description Its first characters, as shown at creation.
             * @example rk_8Fh2kQ1x
             */
            prefix: string;
            /**
             * Format: date-time
             * @description When it was revoked (`null` while it works).
             */
            revoked_at?: string | null;
        };
        /** @description A page of vendors. */
        VendorList: {
            /** @description By id. */
            data: components["schemas"]["VendorView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /**
         * @description E-mail to vendors, at each vendor's `contact_email` in its `locale`
         *     (default: the brand's default locale), for each kind turned on. A
         *     vendor's mail speaks of its own part only and never shows the
         *     customer's contact details. Templates see `brand.name`, `return.id`,
         *     `return.rma`, `return.order_number`, `return.status`, and `part.vendor`,
         *     `part.items`, `part.due_at` (RFC 3339), `part.tracking_number`,
         *     `part.address` and `part.instructions`.
         */
        VendorNotifications: {
            /** @description One of its parts waits for its answer (items, deadline, return id). */
            part_awaiting_vendor?: components["schemas"]["NotificationSetting"];
            /** @description Its parcel was delivered. */
            part_delivered?: components["schemas"]["NotificationSetting"];
            /** @description Its parcel was scanned in transit. */
            part_in_transit?: components["schemas"]["NotificationSetting"];
            /** @description A part still waits, `reminder_hours` before its deadline. */
            part_reminder?: components["schemas"]["NotificationSetting"];
            /**
             * Format: int32
             * @description Hours before a part's deadline that `part_reminder` goes out (1–720,
             *     default 24; none when the part started waiting later than that).
             * @default 24
             */
            reminder_hours: number;
        };
        /** @description An event of a vendor's part, as that vendor's endpoints get it: `data` is the part as the vendor API showed it right after the change (its items, address, label, tracking; never the customer's contact details nor another part). `id` is this copy's own (the merchant's copy of the same event has another). A vendor hears only of events that concern its own part. */
        VendorPartEvent: {
            /**
             * Format: date-time
             * @description When it happened (events can arrive out of order).
             */
            created_at: string;
            data: components["schemas"]["VendorPartView"];
            /**
             * @description Event id (`evt_…`), also the `webhook-id` header: the same on every retry, so a receiver can ignore repeats.
             * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
             */
            id: string;
            /**
             * @description Event type.
             * @enum {string}
             */
            type: "return.requested" | "return.payment_required" | "return.payment_received" | "return.approved" | "return.rejected" | "return.cancelled" | "label.ready" | "label.failed" | "return.in_transit" | "return.delivered" | "return.received" | "return.completed" | "return_part.awaiting_vendor" | "return.vendor_approved" | "return.vendor_rejected" | "return_part.in_transit" | "return_part.received" | "return_part.completed" | "return_part.overdue" | "return_part.cancelled" | "exchange.requested" | "exchange.ordered" | "exchange.overdue" | "store_credit.issued";
        };
        /** @description A page of a vendor's parts. */
        VendorPartList: {
            /** @description Newest return first. */
            data: components["schemas"]["VendorPartView"][];
            /** @description Cursor of the next page. */
            next_cursor?: string | null;
        };
        /** @description A vendor's part of a return, as its vendor sees it. */
        VendorPartView: {
            /** @description Where the parcel goes: the vendor's return address. */
            address: components["schemas"]["ReturnAddress"];
            commission_reversal?: components["schemas"]["Money"] | null;
            /**
             * Format: date-time
             * @description When the customer asked.
             */
            created_at: string;
            /** @description The items of this part only. */
            items: components["schemas"]["ReturnItemView"][];
            label?: components["schemas"]["LabelView"] | null;
            /** @description Customer's locale. */
            locale: string;
            /** @description Order number. */
            order_number: string;
            /** @description The part's id (`rsh_…`). */
            part_id: string;
            rejection?: components["schemas"]["Rejection"] | null;
            /** @description Resolution the customer asked for. */
            resolution: components["schemas"]["ResolutionRequest"];
            resolution_given?: components["schemas"]["ResolutionGiven"] | null;
            /** @description The return's id (`ret_…`): the path of every vendor action. */
            return_id: string;
            /** @description Return method. */
            return_method: components["schemas"]["MethodRequest"];
            /**
             * @description Human-facing number of the return.
             * @example RET-7K3Q9X
             */
            rma_number: string;
            /** @description Status of this part. */
            status: components["schemas"]["PartStatus"];
            tracking?: components["schemas"]["TrackingView"] | null;
            /**
             * Format: date-time
             * @description Last change of the return.
             */
            updated_at: string;
            /**
             * Format: date-time
             * @description Until when the vendor may answer (while it waits for the vendor).
             */
            vendor_due_at?: string | null;
        };
        /**
         * @description A vendor of a brand: a seller of a marketplace whose order lines carry
         *     `order_line_vendor` in `vendor`, and who approves, receives and completes
         *     its own part of a return.
         */
        VendorView: {
            /**
             * @description `false` once the merchant retired the vendor: its keys were revoked,
             *     new order lines naming it are handled in-house and the merchant
             *     answers its open parts.
             */
            active: boolean;
            /** @description Whether the vendor's parts are approved without its answer. */
            auto_approve: boolean;
            /**
             * Format: email
             * @description Where to reach the vendor.
             */
            contact_email?: string | null;
            /**
             * Format: date-time
             * @description Created.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When it was retired (`null` while active).
             */
            deactivated_at?: string | null;
            /**
             * @description The merchant's id for the vendor.
             * @example nordic-knits
             */
            id: string;
            /** @description Return instructions per locale. */
            instructions: components["schemas"]["VendorInstructions"];
            /** @description Locale of the vendor's e-mail (`null`: the brand's default locale). */
            locale?: string | null;
            /**
             * @description Display name.
             * @example Nordic Knits
             */
            name: string;
            /**
             * @description What happens when the vendor has not answered a part by its
             *     deadline.
             */
            on_timeout: components["schemas"]["OnTimeout"];
            /**
             * @description The name the brand's order lines carry in `vendor`.
             * @example Nordic Knits AB
             */
            order_line_vendor: string;
            /**
             * Format: int32
             * @description Hours the vendor has to answer a new part before the merchant may
             *     decide for it.
             */
            response_hours: number;
            return_address?: components["schemas"]["ReturnAddress"] | null;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /**
         * @description What a settings warning is about.
         * @enum {string}
         */
        WarningCode: "low_contrast";
        /** @description The conditions of a rule; every one given must hold. */
        When: {
            /** @description Condition found at receipt, one of these (the brand's condition codes). */
            condition_codes?: string[];
            /** @description Whether the unit was received damaged. */
            damaged?: boolean | null;
            /**
             * Format: int32
             * @description At most this many whole days between delivery and receipt.
             */
            max_days_since_delivery?: number | null;
            /**
             * Format: int64
             * @description Unit price at most this (minor units, the order's currency).
             */
            max_unit_value?: number | null;
            /**
             * Format: int32
             * @description At least this many whole days between delivery and receipt.
             */
            min_days_since_delivery?: number | null;
            /**
             * Format: int64
             * @description Unit price at least this (minor units, the order's currency).
             */
            min_unit_value?: number | null;
            /** @description The product (catalogue) carries one of these tags. */
            product_tags?: string[];
            /** @description The item's return reason, one of these (the brand's reasons). */
            reason_codes?: string[];
            /**
             * @description `true`: only units that were not in the return; `false`: only
             *     units that were.
             */
            unexpected?: boolean | null;
            /**
             * @description The unit belongs to a vendor's part: `true` any vendor's, `false`
             *     the merchant's own.
             */
            vendor_part?: boolean | null;
            /** @description The unit belongs to the part of one of these vendors (ids). */
            vendors?: string[];
        };
        /**
         * @description When the return window starts counting.
         * @enum {string}
         */
        WindowStart: "delivery" | "order";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ops_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ops_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4": string;
                };
            };
            /** @description The server requires its metrics token (`missing_credentials`, `invalid_credentials`) */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ops_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database and the blob store take writes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database cannot be written now (`database_unavailable`), or the blob store cannot (`storage_unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_brands: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of brands */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A vendor key, to which no list of brands exists (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    admin_create_brand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBrand"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not an admin key (`admin_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "admin_required";
                    };
                };
            };
            /** @description Slug (`brand_exists`) or domain (`domain_taken`) taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_exists" | "domain_taken";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid fields (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_brand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The brand */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_update_brand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBrand"];
            };
        };
        responses: {
            /** @description The updated brand */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Brand"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Domain taken (`domain_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "domain_taken";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid fields (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_inventory_movements: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 100).
                 * @example 100
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page: the movements recorded after it. */
                cursor?: string;
                /** @description Only movements recorded at or after this time (RFC 3339). */
                since?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the ledger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovementList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_export_inventory_movements: {
        parameters: {
            query?: {
                /** @description Only what was recorded at or after this time (RFC 3339). */
                since?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ledger as CSV (`Content-Disposition: attachment`) */
            200: {
                headers: {
                    /** @description `attachment; filename="inventory-movements-<brand>-<time>.csv"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description An unreadable `since` (`invalid_query`). Codes: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_notifications: {
        parameters: {
            query?: {
                /** @description Only mail to these recipients. */
                recipient_type?: components["schemas"]["Audience"];
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such brand for this key (`brand_not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_upsert_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Order"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid order (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_upsert_orders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkOrders"];
            };
        };
        responses: {
            /** @description Every order was written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such brand, or not the key's (`brand_not_found`); answered before the body is read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Some order is invalid; nothing was written (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Order number */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such order (`order_not_found`) or brand (`brand_not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "order_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_products: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_upsert_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description The product replaced the stored one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductView"];
                };
            };
            /** @description The product is new */
            201: {
                headers: {
                    /** @description The product's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Another product of the brand has one of its SKUs (`sku_taken`, the field named) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "sku_taken";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid fields (`validation_failed`; the field errors carry invalid_length, invalid_option_values, duplicate, invalid_url or out_of_range) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_bulk_upsert_products: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductBatch"];
            };
        };
        responses: {
            /** @description Every product written, in the order given */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description A product has another product's SKU (`sku_taken`); nothing was written */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "sku_taken";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid products (`validation_failed`, every error at `products[i]…`); nothing was written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Product id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such product of this brand (`product_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "product_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_receipts: {
        parameters: {
            query?: {
                /** @description Only the receipts of this return (its id). */
                return_id?: string;
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of receipts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid return id, limit or cursor (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_create_receipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry key, kept 24 h: the same key with the same body replays the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptInput"];
            };
        };
        responses: {
            /** @description Received */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptView"];
                };
            };
            /** @description A malformed `Idempotency-Key` (`invalid_idempotency_key`). Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json" | "invalid_idempotency_key";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No return of this brand has this RMA or tracking number (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description More units of an item than were approved and are still expected, naming it in `errors` (`receipt_exceeds_approved`); the return expects no units (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition" | "receipt_exceeds_approved";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid body, an unknown item or condition, or a reused `Idempotency-Key` (`validation_failed`, `idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "idempotency_key_reused";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_export_receipts: {
        parameters: {
            query?: {
                /** @description Only what was recorded at or after this time (RFC 3339). */
                since?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The received units as CSV (`Content-Disposition: attachment`) */
            200: {
                headers: {
                    /** @description `attachment; filename="receipts-<brand>-<time>.csv"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description An unreadable `since` (`invalid_query`). Codes: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Receipt id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such receipt of this brand (`receipt_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "receipt_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_override_receipt_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Receipt id */
                id: string;
                /** @description Unit id */
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitOverride"];
            };
        };
        responses: {
            /** @description The receipt after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such receipt of this brand or unit of it (`receipt_not_found`, `unit_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "receipt_not_found" | "unit_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description A grade that is not a code (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_returns_report: {
        parameters: {
            query?: {
                /**
                 * @description First day (UTC, inclusive); default: 29 days before `to`.
                 * @example 2026-11-01
                 */
                from?: string;
                /**
                 * @description Last day (UTC, inclusive); default: today. Before `from`: an empty
                 *     report.
                 * @example 2026-11-30
                 */
                to?: string;
                /** @description What the groups are; default `day`. */
                group_by?: "reason" | "sku" | "product" | "vendor" | "resolution" | "disposition" | "country" | "day";
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnsReport"];
                };
            };
            /** @description A date or grouping that does not parse (`invalid_query`). Codes: `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_returns: {
        parameters: {
            query?: {
                /**
                 * @description Statuses, comma-separated (`requested,approved`) or the parameter
                 *     repeated (`status=requested&status=approved`): the same list.
                 */
                status?: components["schemas"]["ReturnStatus"][];
                /** @description Created at or after (RFC 3339). */
                created_after?: string;
                /** @description Created before (RFC 3339). */
                created_before?: string;
                /** @description Order number (`#`, spaces and case are ignored). */
                order_number?: string;
                /** @description Only returns with a part of this vendor (its id). */
                vendor?: string;
                /**
                 * @description Only returns with a part (of that vendor, if named) in one of these
                 *     statuses, comma-separated (`awaiting_vendor,delivered`) or the
                 *     parameter repeated.
                 */
                part_status?: components["schemas"]["PartStatus"][];
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of returns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid filter, `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_returns_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    /** @description Version, for If-Match on PUT */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnsSettings"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_replace_returns_settings: {
        parameters: {
            query?: never;
            header: {
                /** @description ETag from GET, or `*` */
                "If-Match": string;
            };
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "allow_undelivered_items": false,
                 *       "condition_codes": [
                 *         {
                 *           "code": "unopened",
                 *           "labels": {
                 *             "en": "Unopened"
                 *           }
                 *         },
                 *         {
                 *           "code": "like_new",
                 *           "labels": {
                 *             "en": "Like new"
                 *           }
                 *         },
                 *         {
                 *           "code": "used",
                 *           "labels": {
                 *             "en": "Used"
                 *           }
                 *         },
                 *         {
                 *           "code": "damaged",
                 *           "labels": {
                 *             "en": "Damaged"
                 *           }
                 *         }
                 *       ],
                 *       "default_disposition": {
                 *         "disposition": "restock"
                 *       },
                 *       "default_locale": "en",
                 *       "disposition_rules": [
                 *         {
                 *           "id": "unexpected_to_quarantine",
                 *           "then": {
                 *             "disposition": "quarantine"
                 *           },
                 *           "when": {
                 *             "unexpected": true
                 *           }
                 *         },
                 *         {
                 *           "id": "damaged_to_quarantine",
                 *           "then": {
                 *             "disposition": "quarantine"
                 *           },
                 *           "when": {
                 *             "damaged": true
                 *           }
                 *         }
                 *       ],
                 *       "exchange_first": false,
                 *       "exchange_price_difference": "absorb",
                 *       "hosted_portal": false,
                 *       "instant_exchange": null,
                 *       "locales": [
                 *         "en"
                 *       ],
                 *       "lookup_methods": [
                 *         "postal_code",
                 *         "email"
                 *       ],
                 *       "notifications": {
                 *         "exchange_ordered": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "part_completed": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "payment_due": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "return_approved": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "return_completed": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "return_received": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "return_rejected": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "vendor_approved": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "vendor_rejected": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         }
                 *       },
                 *       "payment_within_hours": 72,
                 *       "phone_region": null,
                 *       "policy_url": null,
                 *       "reasons": [
                 *         {
                 *           "auto_approve": true,
                 *           "code": "too_small",
                 *           "labels": {
                 *             "en": "Too small"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": false,
                 *           "require_condition": false,
                 *           "require_images": false,
                 *           "suggest_exchange": true
                 *         },
                 *         {
                 *           "auto_approve": true,
                 *           "code": "too_large",
                 *           "labels": {
                 *             "en": "Too large"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": false,
                 *           "require_condition": false,
                 *           "require_images": false,
                 *           "suggest_exchange": true
                 *         },
                 *         {
                 *           "auto_approve": true,
                 *           "code": "changed_mind",
                 *           "labels": {
                 *             "en": "Changed my mind"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": false,
                 *           "require_condition": false,
                 *           "require_images": false,
                 *           "suggest_exchange": false
                 *         },
                 *         {
                 *           "auto_approve": false,
                 *           "code": "not_as_described",
                 *           "labels": {
                 *             "en": "Not as described"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": true,
                 *           "require_condition": false,
                 *           "require_images": false,
                 *           "suggest_exchange": false
                 *         },
                 *         {
                 *           "auto_approve": false,
                 *           "code": "damaged",
                 *           "labels": {
                 *             "en": "Arrived damaged"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": true,
                 *           "require_condition": true,
                 *           "require_images": true,
                 *           "suggest_exchange": false
                 *         },
                 *         {
                 *           "auto_approve": false,
                 *           "code": "wrong_item",
                 *           "labels": {
                 *             "en": "Wrong item received"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": false,
                 *           "require_condition": false,
                 *           "require_images": true,
                 *           "suggest_exchange": false
                 *         },
                 *         {
                 *           "auto_approve": false,
                 *           "code": "other",
                 *           "labels": {
                 *             "en": "Other"
                 *           },
                 *           "min_images": 1,
                 *           "require_comment": true,
                 *           "require_condition": false,
                 *           "require_images": false,
                 *           "suggest_exchange": false
                 *         }
                 *       ],
                 *       "refund_options": [
                 *         {
                 *           "enabled": true,
                 *           "store_credit_bonus_percent": null,
                 *           "type": "refund"
                 *         },
                 *         {
                 *           "enabled": true,
                 *           "store_credit_bonus_percent": 10,
                 *           "type": "store_credit"
                 *         },
                 *         {
                 *           "enabled": true,
                 *           "store_credit_bonus_percent": null,
                 *           "type": "exchange"
                 *         }
                 *       ],
                 *       "return_addresses": [],
                 *       "return_fee": null,
                 *       "return_methods": [
                 *         {
                 *           "carriers": [
                 *             "postnl",
                 *             "dhl"
                 *           ],
                 *           "enabled": true,
                 *           "max_pickup_days": null,
                 *           "type": "drop_off"
                 *         },
                 *         {
                 *           "carriers": [
                 *             "postnl"
                 *           ],
                 *           "enabled": true,
                 *           "max_pickup_days": null,
                 *           "type": "labelless"
                 *         }
                 *       ],
                 *       "return_window_days": 30,
                 *       "staff_notifications": {
                 *         "exchange_overdue": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "label_failed": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "locale": null,
                 *         "part_rejected_by_vendor": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "recipients": [],
                 *         "return_awaits_review": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "vendor_overdue": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "webhook_endpoint_disabled": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         }
                 *       },
                 *       "store_credit_on_approval": false,
                 *       "strings": {
                 *         "en": {
                 *           "comment_label": "Comment",
                 *           "condition_label": "Condition",
                 *           "confirmation_title": "Your return is registered",
                 *           "email_label": "Email address",
                 *           "identifier_label": "Order number or tracking number",
                 *           "label_pending": "Your label is being prepared…",
                 *           "label_ready": "Your label is ready",
                 *           "lookup_intro": "Find your order to start a return.",
                 *           "lookup_submit": "Find my order",
                 *           "not_returnable": "This item cannot be returned",
                 *           "order_not_found": "We could not find an order with these details.",
                 *           "phone_label": "Phone number",
                 *           "photos_label": "Photos",
                 *           "portal_title": "Return an item",
                 *           "postal_code_label": "Postal code",
                 *           "reason_label": "Reason",
                 *           "resolution_title": "What would you like in return?",
                 *           "return_method_title": "How do you want to send it back?",
                 *           "select_items": "Which items do you want to return?",
                 *           "submit_return": "Confirm return"
                 *         }
                 *       },
                 *       "vendor_notifications": {
                 *         "part_awaiting_vendor": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "part_delivered": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "part_in_transit": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "part_reminder": {
                 *           "enabled": false,
                 *           "templates": {}
                 *         },
                 *         "reminder_hours": 24
                 *       },
                 *       "window_starts_at": "delivery"
                 *     }
                 */
                "application/json": components["schemas"]["ReturnsSettings"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    /** @description The new version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnsSettings"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Changed since read (`precondition_failed`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid settings, one error per field (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description `If-Match` missing (`precondition_required`) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "precondition_required";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_export_returns: {
        parameters: {
            query?: {
                /**
                 * @description Statuses, comma-separated (`requested,approved`) or the parameter
                 *     repeated (`status=requested&status=approved`): the same list.
                 */
                status?: components["schemas"]["ReturnStatus"][];
                /** @description Created at or after (RFC 3339). */
                created_after?: string;
                /** @description Created before (RFC 3339). */
                created_before?: string;
                /** @description Order number (`#`, spaces and case are ignored). */
                order_number?: string;
                /** @description Only returns with a part of this vendor (its id). */
                vendor?: string;
                /**
                 * @description Only returns with a part (of that vendor, if named) in one of these
                 *     statuses, comma-separated (`awaiting_vendor,delivered`) or the
                 *     parameter repeated.
                 */
                part_status?: components["schemas"]["PartStatus"][];
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The returns as CSV (`Content-Disposition: attachment`) */
            200: {
                headers: {
                    /** @description `attachment; filename="returns-<brand>-<date>.csv"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid filter (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_approve_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveInput"] | null;
            };
        };
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Not awaiting review (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An unknown item or too many units (`validation_failed`), or no unit approved (`nothing_approved`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "nothing_approved";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_cancel_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Already travelling (`not_cancellable`) or no longer cancellable (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition" | "not_cancellable";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_complete_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteInput"];
            };
        };
        responses: {
            /** @description Completed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Not received (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Missing amount or exchange reference (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_return_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_record_exchange_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExchangeOrderInput"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description No replacement waits for its sale (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description A blank or long reference, or an item that is not an exchanged item of the return (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_return_photos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photos */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoList"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_mark_return_in_transit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description In transit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Not approved (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_return_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notifications, in event order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_approve_return_part: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
                /** @description Part (shipment) id */
                part_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveInput"] | null;
            };
        };
        responses: {
            /** @description The return after the approval */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return or part of this brand (`return_not_found`, `part_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found" | "part_not_found";
                    };
                };
            };
            /** @description The part does not wait for its vendor (`invalid_transition`), or the vendor may still answer (`vendor_response_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition" | "vendor_response_pending";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An item not of this part or too many units (`validation_failed`), or no unit approved (`nothing_approved`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "nothing_approved";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_complete_return_part: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
                /** @description Part (shipment) id */
                part_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolutionGiven"];
            };
        };
        responses: {
            /** @description The return after the completion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return or part of this brand (`return_not_found`, `part_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found" | "part_not_found";
                    };
                };
            };
            /** @description The part is not received (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid resolution (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_reject_return_part: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
                /** @description Part (shipment) id */
                part_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rejection"];
            };
        };
        responses: {
            /** @description The return after the rejection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return or part of this brand (`return_not_found`, `part_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found" | "part_not_found";
                    };
                };
            };
            /** @description The part does not wait for its vendor (`invalid_transition`), or the vendor may still answer (`vendor_response_pending`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition" | "vendor_response_pending";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid reason or note (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_record_payment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentInput"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description The return does not wait for a payment (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Not the amount due or its currency, or a blank or long reference (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_receive_return: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry key, kept 24 h: the same key with the same body replays the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveInput"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description A malformed `Idempotency-Key` (`invalid_idempotency_key`). Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json" | "invalid_idempotency_key";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Not expecting units (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unknown item or condition, or more units than approved (`validation_failed`); a reused `Idempotency-Key` (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "idempotency_key_reused";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_reject_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rejection"];
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such return of this brand (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Not awaiting review (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid reason or note (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_change_variant_stock: {
        parameters: {
            query?: never;
            header?: {
                /** @description The variant's ETag (`"v3"`), or `*` */
                "If-Match"?: string;
            };
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description The variant's SKU */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockChange"];
            };
        };
        responses: {
            /** @description The variant after the change */
            200: {
                headers: {
                    /** @description Its new version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such variant of this brand (`variant_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "variant_not_found";
                    };
                };
            };
            /** @description The stock moved since that version (`precondition_failed`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Neither or both of `available` and `delta`, or a level outside 0–1,000,000 (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_list_returns: {
        parameters: {
            query?: {
                /**
                 * @description Part statuses, comma-separated (`awaiting_vendor,delivered`) or the
                 *     parameter repeated (`status=awaiting_vendor&status=delivered`).
                 */
                status?: components["schemas"]["PartStatus"][];
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the vendor's parts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid filter, `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_get_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vendor's part */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_approve_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveInput"] | null;
            };
        };
        responses: {
            /** @description The part, approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description The part does not wait for the vendor (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An item not of this part or too many units (`validation_failed`), or no unit approved (`nothing_approved`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "nothing_approved";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_complete_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolutionGiven"];
            };
        };
        responses: {
            /** @description The part, completed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description The part is not received (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid resolution (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_list_return_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events of the part, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEventList"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_record_exchange_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExchangeOrderInput"];
            };
        };
        responses: {
            /** @description The part, with the sale's reference on its exchanged items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description No replacement of the part waits for its sale (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description A blank or long reference, or an item that is not an exchanged item of the part (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_receive_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveInput"];
            };
        };
        responses: {
            /** @description The part after the receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description The part cannot take receipts now, e.g. before it is approved (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An item not of this part, too many units or an unknown condition (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_reject_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rejection"];
            };
        };
        responses: {
            /** @description The part, rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorPartView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No return of this brand with a part of this vendor (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description The part does not wait for the vendor (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid reason or note (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_list_webhook_endpoints: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEndpointList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_create_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointInput"];
            };
        };
        responses: {
            /** @description The endpoint, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEndpointView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`), or the vendor has 20 endpoints (`too_many_endpoints`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "too_many_endpoints" | "invalid_url" | "unsafe_url" | "unresolvable_host";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_retry_webhook_delivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, with its next attempt due now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorDeliveryView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such delivery of this vendor (`delivery_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "delivery_not_found";
                    };
                };
            };
            /** @description Its endpoint is disabled (`endpoint_disabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "endpoint_disabled";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_get_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEndpointView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_delete_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_update_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointPatch"];
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEndpointView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "invalid_url" | "unsafe_url" | "unresolvable_host";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_list_webhook_deliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries with this status. */
                status?: components["schemas"]["DeliveryStatus"];
                /** @description Only deliveries of this event type. */
                event_type?: components["schemas"]["EventType"];
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorDeliveryList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_rotate_webhook_secret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint, with its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorEndpointView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vendor_test_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping's delivery, on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorDeliveryView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description A merchant or admin key (`vendor_key_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_key_required";
                    };
                };
            };
            /** @description No such endpoint of this vendor (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description The endpoint is disabled (`endpoint_disabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "endpoint_disabled";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_vendors: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
                /**
                 * @description Only active vendors (`true`) or only retired ones (`false`); both
                 *     when absent.
                 */
                active?: boolean;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of vendors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_create_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVendor"];
            };
        };
        responses: {
            /** @description The vendor */
            201: {
                headers: {
                    /** @description The vendor's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description The brand has a vendor with this id or order-line vendor name (`vendor_exists`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_exists";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid fields (`validation_failed`; the field errors carry invalid_format, invalid_length, invalid_email, invalid_locale or out_of_range) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vendor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_deactivate_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The retired vendor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_update_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVendor"];
            };
        };
        responses: {
            /** @description The vendor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found";
                    };
                };
            };
            /** @description Another vendor of the brand has this order-line vendor name (`vendor_exists`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "vendor_exists";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid fields (`validation_failed`; the field errors carry invalid_length, invalid_email, invalid_locale or out_of_range) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_vendor_keys: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorKeyList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_create_vendor_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateVendorKey"] | null;
            };
        };
        responses: {
            /** @description The key, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedVendorKey"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description A blank or long `name` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_revoke_vendor_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Vendor id */
                vendor_id: string;
                /** @description Key id (`vky_…`) */
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorKeyView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such vendor of this brand (`vendor_not_found`) or key of this vendor (`key_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "vendor_not_found" | "key_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_webhook_endpoints: {
        parameters: {
            query?: {
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_create_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointInput"];
            };
        };
        responses: {
            /** @description The endpoint, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`), or the brand has 20 endpoints (`too_many_endpoints`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "too_many_endpoints" | "invalid_url" | "unsafe_url" | "unresolvable_host";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_retry_webhook_delivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Delivery id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, with its next attempt due now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such delivery of this brand (`delivery_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "delivery_not_found";
                    };
                };
            };
            /** @description Its endpoint is disabled (`endpoint_disabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "endpoint_disabled";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_get_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_delete_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_update_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointPatch"];
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointView"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description An invalid URL (`invalid_url`, `unsafe_url`, `unresolvable_host`) or event type (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "invalid_url" | "unsafe_url" | "unresolvable_host";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_list_webhook_deliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries with this status. */
                status?: components["schemas"]["DeliveryStatus"];
                /** @description Only deliveries of this event type. */
                event_type?: components["schemas"]["EventType"];
                /**
                 * @description Page size (default 20).
                 * @example 20
                 */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description An invalid `limit` or `cursor` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_rotate_webhook_secret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint, with its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    merchant_test_webhook_endpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug */
                brand: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping's delivery, on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description No such endpoint of this brand (`endpoint_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "endpoint_not_found";
                    };
                };
            };
            /** @description The endpoint is disabled (`endpoint_disabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "endpoint_disabled";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    carrier_post_tracking_event: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Id of the message, the same on every retry
                 * @example msg_2mFJ6tBQlH3xVdZs
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt in seconds; refused more than five minutes away from the server's clock
                 * @example 1796199300
                 */
                "webhook-timestamp": string;
                /**
                 * @description `v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the base64-decoded part of the carrier's `whsec_` secret; several signatures separated by spaces
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
            };
            path: {
                /**
                 * @description Carrier code, as in `CARRIER_CONFIG`
                 * @example postnl
                 */
                carrier: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackingEventInput"];
            };
        };
        responses: {
            /** @description Recorded, a duplicate, or ignored (no return parcel of this carrier has the tracking number) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackingReceipt"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Unsigned, signed with another secret, stale, or a carrier without a tracking secret (`invalid_signature`) */
            401: {
                headers: {
                    /** @description `Signature` (sign the request: `webhook-id`, `webhook-timestamp`, `webhook-signature`) */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_signature";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid texts or country, or a time more than a day ahead (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    label_poll: {
        parameters: {
            query: {
                /** @description Signed token from the URL the API handed out (`poll_url`, `download_url`, `qr_code_url`). */
                token: string;
            };
            header?: never;
            path: {
                /** @description Label id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelPoll"];
                };
            };
            /** @description Pending; poll again after `Retry-After` seconds */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelPoll"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_token";
                    };
                };
            };
            /** @description Cancelled with its return */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelPoll"];
                };
            };
            /** @description Failed for good (`label_failed`, reason in `detail`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelPoll"];
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    label_download_pdf: {
        parameters: {
            query: {
                /** @description Signed token from the URL the API handed out (`poll_url`, `download_url`, `qr_code_url`). */
                token: string;
            };
            header?: never;
            path: {
                /** @description Label id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF (as `application/octet-stream` when `Accept` prefers that) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                    "application/pdf": Blob;
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_token";
                    };
                };
            };
            /** @description A label-less return has no PDF (`no_pdf`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "no_pdf";
                    };
                };
            };
            /** @description Not ready yet (`label_not_ready`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_not_ready";
                    };
                };
            };
            /** @description Cancelled with its return (`label_cancelled`) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_cancelled";
                    };
                };
            };
            /** @description The carrier refused the label (`label_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_failed";
                    };
                };
            };
            /** @description Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    label_qr_code: {
        parameters: {
            query: {
                /** @description Signed token from the URL the API handed out (`poll_url`, `download_url`, `qr_code_url`). */
                token: string;
            };
            header?: never;
            path: {
                /** @description Label id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR code: PNG, or SVG when `Accept` prefers `image/svg+xml` (the PNG as `application/octet-stream` when it prefers that) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                    "image/png": Blob;
                    "image/svg+xml": string;
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_token";
                    };
                };
            };
            /** @description A printed-label return has no QR code (`no_qr_code`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "no_qr_code";
                    };
                };
            };
            /** @description Not ready yet (`label_not_ready`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_not_ready";
                    };
                };
            };
            /** @description Cancelled with its return (`label_cancelled`) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_cancelled";
                    };
                };
            };
            /** @description The carrier refused the label (`label_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "label_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    photo_download: {
        parameters: {
            query: {
                /** @description Signed token from the link the photo list handed out (`url`, `thumbnail_url`). */
                token: string;
            };
            header?: never;
            path: {
                /** @description Photo (upload) id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo; `Cache-Control: private` for no longer than the link works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "image/webp": Blob;
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description No such photo, or the link is wrong, expired or another photo's (`photo_not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "photo_not_found";
                    };
                };
            };
            /** @description Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    photo_thumbnail: {
        parameters: {
            query: {
                /** @description Signed token from the link the photo list handed out (`url`, `thumbnail_url`). */
                token: string;
            };
            header?: never;
            path: {
                /** @description Photo (upload) id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thumbnail; `Cache-Control: private` for no longer than the link works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                    "image/jpeg": Blob;
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description No such photo or thumbnail, or the link is wrong, expired or another photo's (`photo_not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "photo_not_found";
                    };
                };
            };
            /** @description Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_get_settings: {
        parameters: {
            query?: {
                /** @description Preferred locale (overrides `Accept-Language`), e.g. `nl` or `de-AT`. */
                locale?: string;
            };
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Portal settings */
            200: {
                headers: {
                    /** @description Locale of the response */
                    "Content-Language"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettings"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_exchange_options: {
        parameters: {
            query: {
                /** @description The order line to exchange (`order_line_id` of the lookup's lines). */
                order_line_id: string;
            };
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The line's exchange offers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangeOptions"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description The order has no such line (`line_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "line_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupRequest"];
            };
        };
        responses: {
            /** @description The order with eligibility and two tokens */
            200: {
                headers: {
                    /** @description Failed attempts left in the window */
                    "RateLimit-Remaining"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResponse"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Any mismatch, always the same answer (`order_not_found`), or no such brand (`brand_not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "order_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Not exactly one verifier, an identifier of the wrong length or a malformed verifier (`validation_failed`), or a verifier the brand does not accept (`lookup_method_not_allowed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "lookup_method_not_allowed";
                    };
                };
            };
            /** @description Too many failed attempts (`rate_limited`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_list_returns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order's returns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerReturns"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_create_return: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry key, kept 24 h: the same key with the same body replays the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReturn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description A malformed `Idempotency-Key` (`invalid_idempotency_key`). Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json" | "invalid_idempotency_key";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description The token's order no longer exists (`order_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "order_not_found";
                    };
                };
            };
            /** @description Other returns took the units meanwhile (`quantity_conflict`), or the last units of a variant asked for in exchange (`out_of_stock`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "quantity_conflict" | "out_of_stock";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Invalid; `code` is the first problem's, every problem is in `errors`: `comment_required`, `images_required`, `condition_required`, `not_returnable`, `quantity_exceeds_returnable`, `invalid_length`, `duplicate_line`, `unknown_line`, `out_of_range`, `unknown_reason`, `unknown_condition`, `unknown_image`, `duplicate`, `return_method_not_allowed`, `not_allowed`, `carrier_not_allowed`, `carrier_required`, `service_point_not_found`, `service_point_inactive`, `service_point_carrier_mismatch`, `service_point_not_labelless`, `pickup_date_required`, `pickup_date_invalid`, `resolution_not_allowed`, `exchange_sku_required`, `exchange_not_offered`, `unknown_locale`, `no_return_address`, `idempotency_key_reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "idempotency_key_reused" | "invalid_length" | "out_of_range" | "duplicate" | "not_allowed" | "unknown_locale" | "unknown_line" | "duplicate_line" | "unknown_reason" | "unknown_condition" | "unknown_image" | "not_returnable" | "quantity_exceeds_returnable" | "comment_required" | "images_required" | "condition_required" | "return_method_not_allowed" | "resolution_not_allowed" | "exchange_sku_required" | "exchange_not_offered" | "carrier_not_allowed" | "carrier_required" | "service_point_not_found" | "service_point_inactive" | "service_point_carrier_mismatch" | "service_point_not_labelless" | "pickup_date_required" | "pickup_date_invalid" | "no_return_address";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_preview_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReturn"];
            };
        };
        responses: {
            /** @description The verdict (also when the return could not be created) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preview"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description The token's order no longer exists (`order_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "order_not_found";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description The body's media type is not accepted. Codes: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description The body breaks the request's stated shape: lengths, ranges, fields a choice requires or forbids (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_get_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description No such return of this order (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_cancel_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
                /** @description Return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description No such return of this order (`return_not_found`). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found" | "return_not_found";
                    };
                };
            };
            /** @description Already travelling (`not_cancellable`) or no longer cancellable (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_transition" | "not_cancellable";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_search_service_points: {
        parameters: {
            query: {
                /**
                 * @description ISO 3166-1 alpha-2 country of the points.
                 * @example NL
                 */
                country: string;
                /**
                 * @description Latitude of the position to search around.
                 * @example 52.3791
                 */
                latitude: number;
                /**
                 * @description Longitude of the position to search around.
                 * @example 4.9003
                 */
                longitude: number;
                /**
                 * @description Radius in metres (default 5000).
                 * @example 3000
                 */
                radius?: number;
                /**
                 * @description Carriers, comma-separated (`postnl,dhl`) or the parameter repeated
                 *     (default: every carrier the brand offers for this kind of drop-off).
                 */
                carrier?: components["schemas"]["CarrierCode"][];
                /** @description Only points that accept label-less returns (default false). */
                labelless?: boolean;
                /**
                 * @description Most results (default 10).
                 * @example 10
                 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Points within the radius */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePointList"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description An invalid parameter, named in `errors` (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    portal_upload_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Brand slug or custom domain */
                brand: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadForm"];
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description The form cannot be read (`invalid_multipart`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_multipart";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_token` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_token";
                    };
                };
            };
            /** @description The credential does not grant this. Codes: `insufficient_scope`, `wrong_brand` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "insufficient_scope" | "wrong_brand";
                    };
                };
            };
            /** @description Not found (also another tenant's). Codes: `brand_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "brand_not_found";
                    };
                };
            };
            /** @description Over 5 MB (`file_too_large`, `payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large" | "file_too_large";
                    };
                };
            };
            /** @description Not a JPEG, PNG or WebP image, or not multipart/form-data (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description No `file` field, or another field besides it (`validation_failed`), or the order has its number of photos (`too_many_uploads`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "too_many_uploads";
                    };
                };
            };
            /** @description Stored files are temporarily unavailable (`storage_unavailable`); retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "storage_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    admin_import_postal_centroids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CentroidInput"][];
                /**
                 * @example country,postal_code,latitude,longitude
                 *     NL,1012,52.3740,4.8970
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CentroidSummary"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not an admin key (`admin_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "admin_required";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Neither CSV nor JSON (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Bad rows, nothing imported (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    admin_import_service_points: {
        parameters: {
            query?: {
                /** @description Deactivate the points of every carrier in the file that the file does not contain. */
                replace?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JsonImport"];
                /**
                 * @example carrier,code,name,street,postal_code,city,country,latitude,longitude,supports_labelless,house_number,phone,shop_type,timezone,mon,tue,wed,thu,fri,sat,sun
                 *     postnl,NL-1,Bruna,Damrak,1012LG,Amsterdam,NL,52.3765,4.8983,true,1,,bookstore,,09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,09:00-21:00,09:00-17:00,
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description The request cannot be read. Codes: `invalid_body`, `malformed_json`, `invalid_query`, `unknown_parameter` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "invalid_body" | "malformed_json" | "invalid_query" | "unknown_parameter";
                    };
                };
            };
            /** @description Missing, invalid or expired credentials. Codes: `missing_credentials`, `invalid_credentials` */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "missing_credentials" | "invalid_credentials";
                    };
                };
            };
            /** @description Not an admin key (`admin_required`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "admin_required";
                    };
                };
            };
            /** @description The body is too large. Codes: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Neither CSV nor JSON (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Bad rows, nothing imported (`validation_failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Temporarily unavailable; retry after `Retry-After` seconds. Codes: `database_unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "database_unavailable";
                    };
                };
            };
            /** @description Error (`application/problem+json`, see `Problem.code`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    webhook_endpoint_event: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event id (the same on every retry).
                 * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt (seconds).
                 * @example 1796140997
                 */
                "webhook-timestamp": string;
                /**
                 * @description `v1,` and the base64 signature; during a secret rotation a second one with the old secret, space-separated.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within the timeout (10 s by default) accepts the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else (or no answer) is a failure: the event is sent again, with the same id, after 5 s, 5 min, 30 min, 2 h, 5 h and every 10 h, for about three days. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_receipt_event: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event id (the same on every retry).
                 * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt (seconds).
                 * @example 1796140997
                 */
                "webhook-timestamp": string;
                /**
                 * @description `v1,` and the base64 signature; during a secret rotation a second one with the old secret, space-separated.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within the timeout (10 s by default) accepts the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else (or no answer) is a failure: the event is sent again, with the same id, after 5 s, 5 min, 30 min, 2 h, 5 h and every 10 h, for about three days. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_return_event: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event id (the same on every retry).
                 * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt (seconds).
                 * @example 1796140997
                 */
                "webhook-timestamp": string;
                /**
                 * @description `v1,` and the base64 signature; during a secret rotation a second one with the old secret, space-separated.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within the timeout (10 s by default) accepts the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else (or no answer) is a failure: the event is sent again, with the same id, after 5 s, 5 min, 30 min, 2 h, 5 h and every 10 h, for about three days. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_vendor_part_event: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event id (the same on every retry).
                 * @example evt_01a2327a9e3872ee81fad9669d3f7c8c
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt (seconds).
                 * @example 1796140997
                 */
                "webhook-timestamp": string;
                /**
                 * @description `v1,` and the base64 signature; during a secret rotation a second one with the old secret, space-separated.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VendorPartEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within the timeout (10 s by default) accepts the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else (or no answer) is a failure: the event is sent again, with the same id, after 5 s, 5 min, 30 min, 2 h, 5 h and every 10 h, for about three days. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
