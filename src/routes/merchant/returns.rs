//! Merchant review and processing of returns.

use actix_web::{get, post, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::returns::review::{
    ApproveInput, CompleteInput, ReceiveInput, Rejection, ReturnFilter, ReturnList,
};
use crate::app::views::{EventList, ReturnView};
use crate::error::ApiError;
use crate::routes::extract::{Json, OptionalJson};

type Path2 = web::Path<(String, String)>;
type Answer = Result<web::Json<ReturnView>, ApiError>;

/// Returns of the brand, newest first, filtered by status, creation time and
/// order number.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ReturnFilter, PageQuery),
    security(("api_key" = [])),
    responses((status = 200, description = "A page of returns", body = ReturnList))
)]
#[get("/{brand}/returns")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    filter: web::Query<ReturnFilter>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ReturnList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    let list =
        crate::app::returns::review::list(&state, &merchant, &path, &filter, limit, cursor).await?;
    Ok(web::Json(list))
}

/// A return with items (requested / approved / received / damaged),
/// shipments, labels and resolution.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The return", body = ReturnView),
        (status = 404, description = "No such return of this brand", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/returns/{id}")]
pub async fn get_return(state: web::Data<AppState>, merchant: Merchant, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::get(&state, &merchant, &slug, &id).await?,
    ))
}

/// The audit trail: every change with who, when, from, to and details.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses((status = 200, description = "Events, oldest first", body = EventList))
)]
#[get("/{brand}/returns/{id}/events")]
pub async fn events(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<EventList>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::events(&state, &merchant, &slug, &id).await?,
    ))
}

/// Approves a requested return, wholly or per item (the remainder is
/// recorded as rejected), and starts label production.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ApproveInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Approved", body = ReturnView),
        (status = 409, description = "`invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad item or quantity; `nothing_approved`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/approve")]
pub async fn approve(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: OptionalJson<ApproveInput>,
) -> Answer {
    let (slug, id) = path.into_inner();
    let input = body.0.unwrap_or_default();
    Ok(web::Json(
        crate::app::returns::review::approve(&state, &merchant, &slug, &id, input).await?,
    ))
}

/// Rejects a requested return.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = Rejection,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Rejected", body = ReturnView),
        (status = 409, description = "`invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<Rejection>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::reject(&state, &merchant, &slug, &id, body.0).await?,
    ))
}

/// Records that the approved parcel was handed to the carrier (carrier
/// integrations or the merchant report it); the customer can no longer cancel.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "In transit", body = ReturnView),
        (status = 409, description = "`invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/in-transit")]
pub async fn in_transit(state: web::Data<AppState>, merchant: Merchant, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::ship(&state, &merchant, &slug, &id).await?,
    ))
}

/// Records arriving units per item (with damaged units and condition);
/// the return becomes `partially_received` or `received`.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ReceiveInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Recorded", body = ReturnView),
        (status = 409, description = "`invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`quantity_exceeds_approved`, unknown item or condition", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/receive")]
pub async fn receive(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<ReceiveInput>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::receive(&state, &merchant, &slug, &id, body.0).await?,
    ))
}

/// Records the resolution actually given (refund or store-credit amount, or
/// the exchange order) and completes the return.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = CompleteInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Completed", body = ReturnView),
        (status = 409, description = "`invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing amount or exchange reference", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/complete")]
pub async fn complete(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<CompleteInput>,
) -> Answer {
    let (slug, id) = path.into_inner();
    let given = body.0.resolution;
    Ok(web::Json(
        crate::app::returns::review::complete(&state, &merchant, &slug, &id, given).await?,
    ))
}

/// Cancels a return that has not travelled.
#[utoipa::path(
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Cancelled", body = ReturnView),
        (status = 409, description = "`not_cancellable` or `invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/cancel")]
pub async fn cancel(state: web::Data<AppState>, merchant: Merchant, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::cancel_as_merchant(&state, &merchant, &slug, &id).await?,
    ))
}
