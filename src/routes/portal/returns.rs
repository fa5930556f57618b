//! Customer endpoints for returns of the order named by the access token.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use crate::app::AppState;
use crate::app::returns::views::ReturnView;
use crate::app::returns::{CreateReturn, Created, CustomerReturns, Preview};
use crate::error::ApiError;
use crate::routes::extract::{AccessToken, Json, NoBody};

/// Checks a return request without creating anything: per-item validation,
/// whether it would be approved at once, the fee and the estimated refund.
#[utoipa::path(
    operation_id = "portal_preview_return",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body = CreateReturn,
    security(("access_token" = [])),
    responses(
        (status = 200, description = "The verdict (also when the return could not be created)", body = Preview),
        (status = 422, description = "The body breaks the request's stated shape: lengths, ranges, fields a choice requires or forbids (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The token's order no longer exists (`order_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/returns/preview")]
pub async fn preview(
    state: web::Data<AppState>,
    token: AccessToken,
    body: Json<CreateReturn>,
) -> Result<web::Json<Preview>, ApiError> {
    Ok(web::Json(
        crate::app::returns::preview(&state, &token.0, body.0).await?,
    ))
}

/// Creates a return for the order of the access token. Every item is checked
/// against eligibility and its reason's requirements. When every item's
/// reason auto-approves, the return is `approved` at once and each shipment
/// carries `label.poll_url`; otherwise it is `requested`. Send an
/// `Idempotency-Key` to retry safely. Concurrent requests never return more
/// units than were delivered: the loser gets 409 `quantity_conflict`.
#[utoipa::path(
    operation_id = "portal_create_return",
    tag = "portal",
    params(
        ("brand" = String, Path, description = "Brand slug or custom domain"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry key, kept 24 h: the same key with the same body replays the first answer", pattern = "^[!-~]{1,255}$"),
    ),
    request_body = CreateReturn,
    security(("access_token" = [])),
    responses(
        (status = 201, description = "Created", body = ReturnView),
        (status = 400, description = "A malformed `Idempotency-Key` (`invalid_idempotency_key`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The token's order no longer exists (`order_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Other returns took the units meanwhile (`quantity_conflict`), or the last units of a variant asked for in exchange (`out_of_stock`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid; `code` is the first problem's, every problem is in `errors`: `comment_required`, `images_required`, `condition_required`, `not_returnable`, `quantity_exceeds_returnable`, `invalid_length`, `duplicate_line`, `unknown_line`, `out_of_range`, `unknown_reason`, `unknown_condition`, `unknown_image`, `duplicate`, `return_method_not_allowed`, `not_allowed`, `carrier_not_allowed`, `carrier_required`, `service_point_not_found`, `service_point_inactive`, `service_point_carrier_mismatch`, `service_point_not_labelless`, `pickup_date_required`, `pickup_date_invalid`, `resolution_not_allowed`, `exchange_sku_required`, `exchange_not_offered`, `unknown_locale`, `no_return_address`, `idempotency_key_reused`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/returns")]
pub async fn create(
    state: web::Data<AppState>,
    token: AccessToken,
    req: HttpRequest,
    body: Json<CreateReturn>,
) -> Result<HttpResponse, ApiError> {
    let raw_key = req
        .headers()
        .get("Idempotency-Key")
        .map(HeaderValue::as_bytes);
    let key = crate::app::returns::idempotency_key(raw_key)?;
    let created = crate::app::returns::create(&state, &token.0, body.0, key).await?;
    let json = |status: StatusCode, body: String| {
        let mut res = HttpResponse::build(status);
        res.content_type("application/json");
        (res, body)
    };
    Ok(match created {
        Created::Replay(status, stored) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED);
            let (mut res, body) = json(status, stored);
            res.insert_header(("idempotent-replayed", "true"))
                .body(body)
        }
        Created::New(full, body) => {
            let location = format!(
                "/v1/portal/{}/returns/{}",
                token.0.brand.brand.slug, full.ret.id
            );
            let (mut res, body) = json(StatusCode::CREATED, body);
            res.insert_header((header::LOCATION, location)).body(body)
        }
    })
}

/// Returns of the token's order, newest first.
#[utoipa::path(
    operation_id = "portal_list_returns",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    security(("access_token" = [])),
    responses((status = 200, description = "The order's returns", body = CustomerReturns))
)]
#[get("/returns")]
pub async fn list(
    state: web::Data<AppState>,
    token: AccessToken,
) -> Result<web::Json<CustomerReturns>, ApiError> {
    Ok(web::Json(
        crate::app::returns::list_for_order(&state, &token.0).await?,
    ))
}

/// One return of the token's order, with its status timeline.
#[utoipa::path(
    operation_id = "portal_get_return",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), ("id" = String, Path, description = "Return id")),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "The return", body = ReturnView),
        (status = 404, description = "No such return of this order (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/returns/{id}")]
pub async fn get_return(
    state: web::Data<AppState>,
    token: AccessToken,
    path: web::Path<(String, String)>,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (_, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::get_for_order(&state, &token.0, &id).await?,
    ))
}

/// Cancels a return that has not travelled yet; 409 `not_cancellable` once
/// the parcel is in transit.
#[utoipa::path(
    operation_id = "portal_cancel_return",
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), ("id" = String, Path, description = "Return id")),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "Cancelled", body = ReturnView),
        (status = 404, description = "No such return of this order (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already travelling (`not_cancellable`) or no longer cancellable (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/returns/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    token: AccessToken,
    path: web::Path<(String, String)>,
    _: NoBody,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (_, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::cancel_for_order(&state, &token.0, &id).await?,
    ))
}
