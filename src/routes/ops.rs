//! Operations endpoints: liveness, readiness, Prometheus metrics.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::error::ApiError;

/// Health status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (process up) or `ready` (database and blob store reachable).
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Liveness: the process is up.
#[utoipa::path(operation_id = "ops_healthz", tag = "operations", responses((status = 200, description = "The process is up", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok" })
}

/// Readiness: the database takes a write now and the blob store a small
/// blob. The probes are a real database write (bounded like every write)
/// and a put, get and delete in the blob store (within 2 s), made at most
/// once a second per node; while one fails the answer is 503 with
/// `Retry-After` whose `code` and `detail` name the dependency, and it
/// recovers by itself.
#[utoipa::path(
    operation_id = "ops_readyz",
    tag = "operations",
    responses(
        (status = 200, description = "The database and the blob store take writes", body = Health),
        (status = 503, description = "The database cannot be written now (`database_unavailable`), or the blob store cannot (`storage_unavailable`)", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds to wait before retrying"))),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    crate::app::maintenance::ready(&state).await?;
    Ok(web::Json(Health { status: "ready" }))
}

/// Prometheus metrics (text exposition format). When the server has a
/// `METRICS_TOKEN`, scrapers send it as `Authorization: Bearer <token>`.
#[utoipa::path(
    operation_id = "ops_metrics",
    tag = "operations",
    security((), ("metrics_token" = [])),
    responses(
        (status = 200, description = "Metrics in the Prometheus text format", content_type = "text/plain; version=0.0.4", body = String),
        (status = 401, description = "The server requires its metrics token (`missing_credentials`, `invalid_credentials`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
pub async fn metrics(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, ApiError> {
    crate::app::maintenance::check_metrics_token(&state, crate::routes::extract::bearer(&req))?;
    let handle = crate::telemetry::metrics();
    handle.run_upkeep();
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(handle.render()))
}
