//! Merchant endpoints (API key): brands, Returns Settings, orders.

pub mod brands;
pub mod orders;
pub mod settings;

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
        .service(orders::get_order);
}
