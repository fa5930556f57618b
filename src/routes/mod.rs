//! HTTP routes. [`api`] registers every documented route (the OpenAPI spec is
//! collected from the same calls, so an undocumented route cannot exist);
//! [`app`] adds state, error handlers, middleware and the Swagger UI.

pub mod admin;
pub mod carriers;
pub mod cors;
pub mod csv;
pub mod deadline;
pub mod extract;
pub mod hosted_portal;
pub mod labels;
pub mod merchant;
pub mod ops;
mod panics;
pub mod photos;
pub mod portal;
pub mod query;
pub mod vendor;
pub mod vendor_webhooks;

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Next, from_fn};
use actix_web::{App, HttpRequest, web};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::app::AppState;
use crate::error::{ApiError, ErrorCode, FieldError};

/// Every documented route.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(ops::healthz)
        .service(ops::readyz)
        .service(ops::metrics)
        .service(labels::poll)
        .service(labels::download)
        .service(labels::qr)
        .service(photos::original)
        .service(photos::thumbnail)
        .service(admin::import_service_points)
        .service(admin::import_centroids)
        .service(carriers::tracking_event)
        .service(
            scope::scope("/v1/portal/{brand}")
                .wrap(from_fn(cors::portal))
                .configure(portal::configure),
        )
        .service(scope::scope("/v1/brands").configure(merchant::configure));
}

/// The served spec: its JSON, the methods of every path (for 405s) and the
/// query parameters of every operation (for unknown ones).
pub struct SpecDoc {
    json: String,
    routes: Vec<SpecPath>,
}

struct SpecPath {
    segments: Vec<String>,
    methods: Vec<String>,
    /// Per method, the names of its query parameters.
    queries: Vec<(String, Vec<String>)>,
}

impl SpecDoc {
    /// From the generated document.
    pub fn new(spec: &serde_json::Value) -> SpecDoc {
        let routes = spec["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .iter()
                    .map(|(path, item)| {
                        let ops = item.as_object().cloned().unwrap_or_default();
                        let queries = ops
                            .iter()
                            .map(|(method, op)| {
                                let names = op["parameters"]
                                    .as_array()
                                    .map(|ps| {
                                        ps.iter()
                                            .filter(|p| p["in"] == "query")
                                            .filter_map(|p| p["name"].as_str().map(str::to_owned))
                                            .collect()
                                    })
                                    .unwrap_or_default();
                                (method.to_ascii_uppercase(), names)
                            })
                            .collect();
                        SpecPath {
                            segments: path.split('/').map(str::to_owned).collect(),
                            methods: ops.keys().map(|m| m.to_ascii_uppercase()).collect(),
                            queries,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        SpecDoc {
            json: serde_json::to_string(spec).unwrap_or_default(),
            routes,
        }
    }

    /// The documented paths that `path` may be.
    fn matching(&self, path: &str) -> Vec<&SpecPath> {
        let asked: Vec<&str> = path.split('/').collect();
        self.routes
            .iter()
            .filter(|r| {
                r.segments.len() == asked.len()
                    && r.segments
                        .iter()
                        .zip(&asked)
                        .all(|(s, a)| (s.starts_with('{') && !a.is_empty()) || s == a)
            })
            .collect()
    }

    /// The methods of the documented path that `path` is, if any.
    fn methods(&self, path: &str) -> Option<&[String]> {
        self.matching(path).first().map(|r| r.methods.as_slice())
    }

    /// The first parameter of `query` that no operation `method path` may
    /// be declares, when such an operation takes query parameters at all
    /// (an operation without any ignores the query string, as before).
    fn unknown_parameter(&self, method: &str, path: &str, query: &str) -> Option<String> {
        let known: Vec<&String> = self
            .matching(path)
            .into_iter()
            .flat_map(|r| &r.queries)
            .filter(|(m, _)| m == method)
            .flat_map(|(_, names)| names)
            .collect();
        if known.is_empty() {
            return None;
        }
        url::form_urlencoded::parse(query.as_bytes())
            .map(|(name, _)| name.into_owned())
            .find(|name| !known.contains(&name))
    }
}

/// A query parameter the operation does not take is a 400
/// `unknown_parameter` naming it, as an unknown field of a body is: a
/// misspelt filter would otherwise be ignored and answer everything.
async fn unknown_query_parameter(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    if !req.query_string().is_empty()
        && let Some(spec) = req.app_data::<web::Data<SpecDoc>>()
        && let Some(name) =
            spec.unknown_parameter(req.method().as_str(), req.path(), req.query_string())
    {
        return Err(ApiError::new(
            ErrorCode::UnknownParameter,
            format!("The query string names `{name}`, which this operation does not take."),
        )
        .with_errors(vec![FieldError::new(
            name,
            ErrorCode::UnknownParameter,
            "not a parameter of this operation",
        )])
        .into());
    }
    next.call(req).await
}

/// The complete application for one worker.
pub fn app(
    state: web::Data<AppState>,
    spec: Arc<SpecDoc>,
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
        .app_data(web::Data::from(spec))
        .app_data(web::QueryConfig::default().error_handler(extract::query_error))
        .app_data(web::PathConfig::default().error_handler(extract::path_error))
        .route("/openapi.json", web::get().to(openapi_json))
        .service(
            SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from("/openapi.json")),
        )
        .service(web::redirect("/docs", "/docs/"))
        .configure(hosted_portal::configure)
        .default_service(web::to(no_route))
        .wrap(from_fn(unknown_query_parameter))
        .wrap(from_fn(deadline::body_deadline))
        .wrap(from_fn(panics::catch))
        .wrap(DefaultHeaders::new().add(("X-Content-Type-Options", "nosniff")))
        .wrap(from_fn(crate::telemetry::observe))
}

async fn openapi_json(spec: web::Data<SpecDoc>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.json.clone())
}

/// 405 with `Allow` for a documented path asked with another method, else 404.
async fn no_route(
    req: HttpRequest,
    spec: web::Data<SpecDoc>,
) -> Result<actix_web::HttpResponse, ApiError> {
    if let Some(methods) = spec.methods(req.path()) {
        return Err(ApiError::new(
            ErrorCode::MethodNotAllowed,
            format!(
                "{} {} is not supported; use {}.",
                req.method(),
                req.path(),
                methods.join(", ")
            ),
        )
        .with_header("allow", methods.join(", ")));
    }
    Err(ApiError::new(
        ErrorCode::RouteNotFound,
        format!("No route for {} {}.", req.method(), req.path()),
    ))
}
