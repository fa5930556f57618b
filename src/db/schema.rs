//! Table definitions shared by both backends (only types both support:
//! Text, BigInt, Integer, Bool, Timestamp, Double, Binary).

diesel::table! {
    blobs (key) {
        key -> Text,
        content -> Binary,
        content_type -> Text,
        size -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    brands (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        theme -> Text,
        custom_domain -> Nullable<Text>,
        allowed_origins -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        role -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_key_brands (api_key_id, brand_id) {
        api_key_id -> Text,
        brand_id -> Text,
    }
}

diesel::table! {
    returns_settings (brand_id) {
        brand_id -> Text,
        document -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(api_key_brands -> api_keys (api_key_id));
diesel::joinable!(api_key_brands -> brands (brand_id));
diesel::joinable!(returns_settings -> brands (brand_id));

diesel::allow_tables_to_appear_in_same_query!(brands, api_keys, api_key_brands, returns_settings);

diesel::table! {
    orders (id) {
        id -> Text,
        brand_id -> Text,
        number -> Text,
        number_key -> Text,
        placed_at -> Timestamp,
        currency -> Text,
        email_norm -> Nullable<Text>,
        phone_e164 -> Nullable<Text>,
        postal_norm -> Nullable<Text>,
        country -> Text,
        document -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        returns_revision -> BigInt,
    }
}

diesel::table! {
    order_tracking (brand_id, tracking_key) {
        brand_id -> Text,
        tracking_key -> Text,
        order_id -> Text,
    }
}

diesel::table! {
    signing_keys (kid) {
        kid -> Text,
        secret -> Text,
        created_at -> Timestamp,
        retired_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        window_start -> BigInt,
        count -> Integer,
    }
}

diesel::joinable!(orders -> brands (brand_id));
diesel::joinable!(order_tracking -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(orders, order_tracking, brands);

diesel::table! {
    service_points (id) {
        id -> Text,
        carrier -> Text,
        code -> Text,
        name -> Text,
        street -> Text,
        house_number -> Nullable<Text>,
        postal_code -> Text,
        city -> Text,
        country -> Text,
        latitude -> Double,
        longitude -> Double,
        phone -> Nullable<Text>,
        shop_type -> Nullable<Text>,
        supports_labelless -> Bool,
        timezone -> Text,
        opening_hours -> Text,
        active -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    postal_centroids (country, postal_key) {
        country -> Text,
        postal_key -> Text,
        latitude -> Double,
        longitude -> Double,
    }
}

diesel::table! {
    dataset_versions (name) {
        name -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    returns (id) {
        id -> Text,
        brand_id -> Text,
        order_id -> Text,
        order_number -> Text,
        rma_number -> Text,
        status -> Text,
        return_method -> Text,
        resolution -> Text,
        resolution_given -> Nullable<Text>,
        rejection -> Nullable<Text>,
        locale -> Text,
        currency -> Text,
        return_fee -> Nullable<BigInt>,
        estimated_refund -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        payment_due -> Nullable<BigInt>,
        payment_reference -> Nullable<Text>,
        paid_at -> Nullable<Timestamp>,
        store_credit -> Nullable<BigInt>,
        store_credit_issued_at -> Nullable<Timestamp>,
        exchange_due_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    return_shipments (id) {
        id -> Text,
        return_id -> Text,
        position -> Integer,
        address_id -> Text,
        address -> Text,
        carrier -> Nullable<Text>,
        tracking_status -> Nullable<Text>,
        tracking_updated_at -> Nullable<Timestamp>,
        vendor_id -> Nullable<Text>,
        status -> Text,
        vendor_due_at -> Nullable<Timestamp>,
        rejection -> Nullable<Text>,
        resolution_given -> Nullable<Text>,
        commission_reversal -> Nullable<BigInt>,
    }
}

diesel::table! {
    return_items (id) {
        id -> Text,
        return_id -> Text,
        shipment_id -> Text,
        order_id -> Text,
        order_line_id -> Text,
        position -> Integer,
        sku -> Text,
        name -> Text,
        unit_price -> BigInt,
        requested_quantity -> Integer,
        approved_quantity -> Integer,
        received_quantity -> Integer,
        damaged_quantity -> Integer,
        reason_code -> Text,
        comment -> Nullable<Text>,
        condition_code -> Nullable<Text>,
        received_condition_code -> Nullable<Text>,
        image_ids -> Text,
        rejection_reason -> Nullable<Text>,
        unit_commission -> Nullable<BigInt>,
        resolution -> Nullable<Text>,
        variant_sku -> Nullable<Text>,
        price_difference -> Nullable<BigInt>,
        exchange_order -> Nullable<Text>,
    }
}

diesel::table! {
    stock_reservations (id) {
        id -> Text,
        brand_id -> Text,
        sku -> Text,
        return_id -> Text,
        item_id -> Text,
        quantity -> BigInt,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    labels (id) {
        id -> Text,
        shipment_id -> Text,
        return_id -> Text,
        brand_id -> Text,
        kind -> Text,
        status -> Text,
        carrier -> Text,
        tracking_number -> Nullable<Text>,
        dropoff_code -> Nullable<Text>,
        file_path -> Nullable<Text>,
        error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    return_events (id) {
        id -> Text,
        return_id -> Text,
        brand_id -> Text,
        event_type -> Text,
        actor -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        details -> Text,
        created_at -> Timestamp,
        shipment_id -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        brand_id -> Text,
        aggregate_id -> Text,
        dedupe_key -> Nullable<Text>,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        max_attempts -> Integer,
        run_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        locked_by -> Nullable<Text>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    idempotency_keys (brand_id, key) {
        brand_id -> Text,
        key -> Text,
        request_hash -> Text,
        status_code -> Integer,
        response -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    uploads (id) {
        id -> Text,
        brand_id -> Text,
        order_id -> Text,
        return_id -> Nullable<Text>,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// One thumbnail per stored photo content (`uploads.sha256`).
    photo_thumbnails (sha256) {
        sha256 -> Text,
        blob_key -> Text,
        width -> Integer,
        height -> Integer,
        photo_width -> Integer,
        photo_height -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        brand_id -> Text,
        url -> Text,
        description -> Nullable<Text>,
        event_types -> Text,
        enabled -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        failing_since -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        vendor_id -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_messages (id) {
        id -> Text,
        brand_id -> Text,
        event_type -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        brand_id -> Text,
        endpoint_id -> Text,
        message_id -> Text,
        event_type -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        attempt -> Integer,
        started_at -> Timestamp,
        status_code -> Nullable<Integer>,
        latency_ms -> Integer,
        error -> Nullable<Text>,
        response_excerpt -> Nullable<Text>,
        next_attempt_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(return_items -> returns (return_id));
diesel::joinable!(return_shipments -> returns (return_id));
diesel::joinable!(labels -> return_shipments (shipment_id));
diesel::joinable!(return_events -> returns (return_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_deliveries -> webhook_messages (message_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::allow_tables_to_appear_in_same_query!(
    returns,
    return_items,
    return_shipments,
    labels,
    return_events,
    orders
);
diesel::allow_tables_to_appear_in_same_query!(
    webhook_endpoints,
    webhook_messages,
    webhook_deliveries,
    webhook_attempts
);

diesel::table! {
    tracking_events (id) {
        id -> Text,
        shipment_id -> Text,
        return_id -> Text,
        brand_id -> Text,
        carrier -> Text,
        tracking_number -> Text,
        status -> Text,
        occurred_at -> Timestamp,
        location -> Nullable<Text>,
        carrier_event_id -> Nullable<Text>,
        received_at -> Timestamp,
    }
}

diesel::joinable!(tracking_events -> return_shipments (shipment_id));
diesel::allow_tables_to_appear_in_same_query!(tracking_events, return_shipments);

diesel::table! {
    node_probes (node) {
        node -> Text,
        probed_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        brand_id -> Text,
        return_id -> Nullable<Text>,
        event_id -> Text,
        kind -> Text,
        recipient -> Text,
        locale -> Text,
        status -> Text,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        recipient_type -> Text,
    }
}

diesel::table! {
    vendors (brand_id, id) {
        brand_id -> Text,
        id -> Text,
        name -> Text,
        order_line_vendor -> Text,
        contact_email -> Nullable<Text>,
        instructions -> Text,
        auto_approve -> Bool,
        response_hours -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deactivated_at -> Nullable<Timestamp>,
        on_timeout -> Text,
        locale -> Nullable<Text>,
    }
}

diesel::table! {
    vendor_api_keys (id) {
        id -> Text,
        brand_id -> Text,
        vendor_id -> Text,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(vendors, vendor_api_keys, brands);
diesel::allow_tables_to_appear_in_same_query!(vendors, return_shipments);
diesel::allow_tables_to_appear_in_same_query!(vendors, returns);

diesel::table! {
    products (brand_id, id) {
        brand_id -> Text,
        id -> Text,
        title -> Text,
        options -> Text,
        tags -> Text,
        vendor -> Nullable<Text>,
        image_url -> Nullable<Text>,
        exchangeable -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    product_variants (brand_id, sku) {
        brand_id -> Text,
        sku -> Text,
        product_id -> Text,
        position -> Integer,
        option_values -> Text,
        prices -> Text,
        available -> BigInt,
        reserved -> BigInt,
        image_url -> Nullable<Text>,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    receipts (id) {
        id -> Text,
        brand_id -> Text,
        return_id -> Text,
        reference -> Text,
        location -> Nullable<Text>,
        actor -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    receipt_units (id) {
        id -> Text,
        receipt_id -> Text,
        brand_id -> Text,
        return_id -> Text,
        return_item_id -> Nullable<Text>,
        position -> Integer,
        sku -> Text,
        condition_code -> Nullable<Text>,
        damaged -> Bool,
        unexpected -> Bool,
        unit_value -> BigInt,
        disposition -> Text,
        grade -> Nullable<Text>,
        rule_id -> Nullable<Text>,
        overridden_by -> Nullable<Text>,
        overridden_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inventory_sequences (brand_id) {
        brand_id -> Text,
        last_seq -> BigInt,
    }
}

diesel::table! {
    inventory_movements (brand_id, seq) {
        brand_id -> Text,
        seq -> BigInt,
        id -> Text,
        sku -> Text,
        location -> Nullable<Text>,
        quantity -> Integer,
        disposition -> Text,
        grade -> Nullable<Text>,
        return_id -> Text,
        receipt_id -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(products, product_variants);
diesel::allow_tables_to_appear_in_same_query!(receipts, receipt_units);
diesel::allow_tables_to_appear_in_same_query!(vendors, webhook_endpoints);

diesel::table! {
    report_summaries (brand_id, dimension, grain, period, key, currency) {
        brand_id -> Text,
        dimension -> Text,
        grain -> Text,
        period -> Text,
        key -> Text,
        currency -> Text,
        returns -> BigInt,
        units -> BigInt,
        value -> BigInt,
        refund_units -> BigInt,
        exchange_units -> BigInt,
        received_units -> BigInt,
        unexpected_units -> BigInt,
    }
}

diesel::table! {
    report_rollups (brand_id) {
        brand_id -> Text,
        rolled_up_to -> Timestamp,
    }
}
