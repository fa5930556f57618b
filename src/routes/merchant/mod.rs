//! Merchant endpoints (API key): brands, Returns Settings, orders, returns
//! and their parts, webhooks, vendors.

pub mod brands;
pub mod notifications;
pub mod orders;
pub mod parts;
pub mod photos;
pub mod products;
pub mod receipts;
pub mod reports;
pub mod returns;
pub mod settings;
pub mod vendors;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/v1/brands`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(brands::list_brands)
        .service(brands::create)
        .service(brands::get_brand)
        .service(brands::update)
        .service(settings::get_settings)
        .service(settings::put_settings)
        .service(orders::upsert)
        .service(orders::bulk)
        .service(products::upsert_product)
        .service(products::bulk_products)
        .service(products::list_products)
        .service(products::get_product)
        .service(products::change_stock)
        .service(orders::get_order)
        .service(returns::list)
        .service(returns::export)
        .service(returns::get_return)
        .service(returns::events)
        .service(returns::notifications)
        .service(photos::list)
        .service(notifications::list_notifications)
        .service(returns::approve)
        .service(returns::reject)
        .service(returns::in_transit)
        .service(returns::receive)
        .service(returns::complete)
        .service(returns::exchange_orders)
        .service(returns::payments)
        .service(returns::cancel)
        .service(receipts::create)
        .service(receipts::list)
        .service(receipts::export_units)
        .service(receipts::export_movements)
        .service(receipts::get_receipt)
        .service(receipts::override_unit)
        .service(receipts::movements)
        .service(reports::returns_report)
        .service(webhooks::create)
        .service(webhooks::list)
        .service(webhooks::get_endpoint)
        .service(webhooks::update)
        .service(webhooks::remove)
        .service(webhooks::rotate_secret)
        .service(webhooks::test)
        .service(webhooks::deliveries)
        .service(webhooks::retry)
        .service(vendors::create)
        .service(vendors::list)
        .service(vendors::get_vendor)
        .service(vendors::update)
        .service(vendors::deactivate)
        .service(vendors::create_key)
        .service(vendors::list_keys)
        .service(vendors::revoke_key)
        .service(crate::routes::vendor::list)
        .service(crate::routes::vendor::get_return)
        .service(crate::routes::vendor::events)
        .service(crate::routes::vendor::approve)
        .service(crate::routes::vendor::reject)
        .service(crate::routes::vendor::receive)
        .service(crate::routes::vendor::complete)
        .service(crate::routes::vendor::exchange_orders)
        .service(crate::routes::vendor_webhooks::create)
        .service(crate::routes::vendor_webhooks::list)
        .service(crate::routes::vendor_webhooks::get_endpoint)
        .service(crate::routes::vendor_webhooks::update)
        .service(crate::routes::vendor_webhooks::remove)
        .service(crate::routes::vendor_webhooks::rotate_secret)
        .service(crate::routes::vendor_webhooks::test)
        .service(crate::routes::vendor_webhooks::deliveries)
        .service(crate::routes::vendor_webhooks::retry)
        .service(parts::approve)
        .service(parts::reject)
        .service(parts::complete);
}
