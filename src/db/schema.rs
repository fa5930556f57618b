//! Table definitions shared by both backends (only types both support:
//! Text, BigInt, Integer, Bool, Timestamp, Double).

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
