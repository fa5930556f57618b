//! Public portal endpoints under `/v1/portal/{brand}` (customer-facing,
//! callable from the brand's storefront origins).

pub mod exchange;
pub mod lookup;
pub mod returns;
pub mod service_points;
pub mod settings;
pub mod uploads;

use utoipa_actix_web::service_config::ServiceConfig;

/// Routes under `/v1/portal/{brand}`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(settings::portal_settings)
        .service(lookup::lookup)
        .service(service_points::search)
        .service(exchange::exchange_options)
        .service(uploads::upload)
        .service(returns::preview)
        .service(returns::create)
        .service(returns::list)
        .service(returns::get_return)
        .service(returns::cancel);
}
