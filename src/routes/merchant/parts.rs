//! The merchant acting on one part of a return (API key): approving or
//! rejecting it for its vendor once the vendor's time to answer ran out,
//! completing it with its resolution.

use actix_web::{post, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::returns::review::{ApproveInput, Rejection, ResolutionGiven};
use crate::app::returns::vendor::PartStep;
use crate::app::returns::views::ReturnView;
use crate::error::ApiError;
use crate::routes::extract::{Json, OptionalJson};

type Path3 = web::Path<(String, String, String)>;

/// Runs a step on one part of a return of the merchant's brand.
async fn act(
    state: &AppState,
    merchant: &Merchant,
    path: Path3,
    step: PartStep,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id, part) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::vendor::act_as_merchant(state, merchant, &slug, &id, &part, step)
            .await?,
    ))
}

/// Approves a part for its vendor, once the vendor's time to answer ran
/// out (`vendor_due_at`).
#[utoipa::path(
    operation_id = "merchant_approve_return_part",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id"), ("part_id" = String, Path, description = "Part (shipment) id")),
    request_body = Option<ApproveInput>,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The return after the approval", body = ReturnView),
        (status = 404, description = "No such return or part of this brand (`return_not_found`, `part_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part does not wait for its vendor (`invalid_transition`), or the vendor may still answer (`vendor_response_pending`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An item not of this part or too many units (`validation_failed`), or no unit approved (`nothing_approved`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/parts/{part_id}/approve")]
pub async fn approve(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path3,
    body: OptionalJson<ApproveInput>,
) -> Result<web::Json<ReturnView>, ApiError> {
    let input = body.0.unwrap_or_default();
    act(&state, &merchant, path, PartStep::Approve(input)).await
}

/// Rejects a part for its vendor, once the vendor's time to answer ran out.
#[utoipa::path(
    operation_id = "merchant_reject_return_part",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id"), ("part_id" = String, Path, description = "Part (shipment) id")),
    request_body = Rejection,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The return after the rejection", body = ReturnView),
        (status = 404, description = "No such return or part of this brand (`return_not_found`, `part_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part does not wait for its vendor (`invalid_transition`), or the vendor may still answer (`vendor_response_pending`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid reason or note (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/parts/{part_id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path3,
    body: Json<Rejection>,
) -> Result<web::Json<ReturnView>, ApiError> {
    act(&state, &merchant, path, PartStep::Reject(body.0)).await
}

/// Completes one received part (a vendor's or the merchant's own) with its
/// resolution; the return completes when every part standing has.
#[utoipa::path(
    operation_id = "merchant_complete_return_part",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id"), ("part_id" = String, Path, description = "Part (shipment) id")),
    request_body = ResolutionGiven,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The return after the completion", body = ReturnView),
        (status = 404, description = "No such return or part of this brand (`return_not_found`, `part_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part is not received (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid resolution (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/parts/{part_id}/complete")]
pub async fn complete(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path3,
    body: Json<ResolutionGiven>,
) -> Result<web::Json<ReturnView>, ApiError> {
    act(&state, &merchant, path, PartStep::Complete(body.0)).await
}
