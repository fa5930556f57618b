//! `GET /v1/portal/{brand}/service-points`: drop-off locations.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, get, web};

use crate::app::AppState;
use crate::app::service_points::{SearchQuery, ServicePointList};
use crate::error::ApiError;
use crate::routes::extract::ServicePointsToken;
use crate::routes::query::Query;

/// Drop-off locations around a position, nearest first, of the carriers the
/// brand enabled, with opening times in each point's local time.
#[utoipa::path(
    operation_id = "portal_search_service_points",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), SearchQuery),
    security(("service_points_token" = [])),
    responses(
        (status = 200, description = "Points within the radius", body = ServicePointList),
        (status = 422, description = "An invalid parameter, named in `errors` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/service-points")]
pub async fn search(
    state: web::Data<AppState>,
    token: ServicePointsToken,
    query: Query<SearchQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = crate::app::service_points::search(&state, &token.0, &query)?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(body))
}
