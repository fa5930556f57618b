//! HTTP routes. [`api`] registers every documented route (the OpenAPI spec is
//! collected from the same calls, so an undocumented route cannot exist);
//! [`app`] adds state, error handlers, middleware and the Swagger UI.

pub mod admin;
pub mod cors;
pub mod extract;
pub mod labels;
pub mod merchant;
pub mod ops;
pub mod portal;

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, web};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::app::AppState;
use crate::error::{ApiError, ErrorCode};

/// Every documented route.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(ops::healthz)
        .service(ops::readyz)
        .service(ops::metrics)
        .service(labels::poll)
        .service(labels::download)
        .service(labels::qr)
        .service(admin::import_service_points)
        .service(admin::import_centroids)
        .service(
            scope::scope("/v1/portal/{brand}")
                .wrap(from_fn(cors::portal))
                .configure(portal::configure),
        )
        .service(scope::scope("/v1/brands").configure(merchant::configure));
}

/// The complete application for one worker.
pub fn app(
    state: web::Data<AppState>,
    spec: Arc<utoipa::openapi::OpenApi>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, _) = App::new()
        .into_utoipa_app()
        .configure(api)
        .split_for_parts();
    app.app_data(state)
        .app_data(web::QueryConfig::default().error_handler(extract::query_error))
        .app_data(web::PathConfig::default().error_handler(extract::path_error))
        .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", (*spec).clone()))
        .service(web::redirect("/docs", "/docs/"))
        .default_service(web::to(not_found))
        .wrap(DefaultHeaders::new().add(("X-Content-Type-Options", "nosniff")))
        .wrap(from_fn(crate::telemetry::observe))
}

async fn not_found(req: HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::new(
        ErrorCode::RouteNotFound,
        format!("No route for {} {}.", req.method(), req.path()),
    ))
}
