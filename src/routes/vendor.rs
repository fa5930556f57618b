//! The vendor's own endpoints (vendor API key): its parts of its brand's
//! returns. The merchant acting on one part is in `merchant/parts.rs`.

use actix_web::{get, post, web};

use crate::app::AppState;
use crate::app::keys::VendorCaller;
use crate::app::pagination::PageQuery;
use crate::app::returns::review::{
    ApproveInput, ExchangeOrderInput, ReceiveInput, Rejection, ResolutionGiven,
};
use crate::app::returns::vendor::{
    PartStep, VendorEventList, VendorPartFilter, VendorPartList, VendorPartView,
};
use crate::error::ApiError;
use crate::routes::extract::{Json, OptionalJson};
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;
type Answer = Result<web::Json<VendorPartView>, ApiError>;

/// The vendor's parts of the brand's returns, newest first, filtered by
/// part status.
#[utoipa::path(
    operation_id = "vendor_list_returns",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), VendorPartFilter, PageQuery),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "A page of the vendor's parts", body = VendorPartList),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid filter, `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/returns")]
pub async fn list(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: web::Path<String>,
    filter: Query<VendorPartFilter>,
    page: Query<PageQuery>,
) -> Result<web::Json<VendorPartList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    let list =
        crate::app::returns::vendor::list(&state, &vendor, &path, &filter, limit, cursor).await?;
    Ok(web::Json(list))
}

/// The vendor's part of a return: its items, address, label and tracking.
#[utoipa::path(
    operation_id = "vendor_get_return",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The vendor's part", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/returns/{id}")]
pub async fn get_return(state: web::Data<AppState>, vendor: VendorCaller, path: Path2) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::vendor::get(&state, &vendor, &slug, &id).await?,
    ))
}

/// The events of the vendor's part, oldest first.
#[utoipa::path(
    operation_id = "vendor_list_return_events",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "Events of the part, oldest first", body = VendorEventList),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/vendor/returns/{id}/events")]
pub async fn events(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
) -> Result<web::Json<VendorEventList>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::vendor::events(&state, &vendor, &slug, &id).await?,
    ))
}

async fn act(state: &AppState, vendor: &VendorCaller, path: Path2, step: PartStep) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::vendor::act(state, vendor, &slug, &id, step).await?,
    ))
}

/// Approves the vendor's part, wholly or per item (the rest of an item is
/// recorded as rejected with its reason); its label is produced now.
#[utoipa::path(
    operation_id = "vendor_approve_return",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = Option<ApproveInput>,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The part, approved", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part does not wait for the vendor (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An item not of this part or too many units (`validation_failed`), or no unit approved (`nothing_approved`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/returns/{id}/approve")]
pub async fn approve(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: OptionalJson<ApproveInput>,
) -> Answer {
    let input = body.0.unwrap_or_default();
    act(&state, &vendor, path, PartStep::Approve(input)).await
}

/// Rejects the vendor's part: only its items; the customer's other parts
/// go on.
#[utoipa::path(
    operation_id = "vendor_reject_return",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = Rejection,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The part, rejected", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part does not wait for the vendor (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid reason or note (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/returns/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: Json<Rejection>,
) -> Answer {
    act(&state, &vendor, path, PartStep::Reject(body.0)).await
}

/// Records units of the vendor's part arriving at the vendor; the part is
/// `received` once every approved unit is in.
#[utoipa::path(
    operation_id = "vendor_receive_return",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ReceiveInput,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The part after the receipt", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part cannot take receipts now, e.g. before it is approved (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An item not of this part, too many units or an unknown condition (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/returns/{id}/receive")]
pub async fn receive(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: Json<ReceiveInput>,
) -> Answer {
    act(&state, &vendor, path, PartStep::Receive(body.0)).await
}

/// Completes the vendor's received part: the refund released (or store
/// credit given), or the exchange raised as a new sale (its reference).
/// The commission on its received units is recorded as given back.
#[utoipa::path(
    operation_id = "vendor_complete_return",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ResolutionGiven,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The part, completed", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The part is not received (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid resolution (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/returns/{id}/complete")]
pub async fn complete(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: Json<ResolutionGiven>,
) -> Answer {
    act(&state, &vendor, path, PartStep::Complete(body.0)).await
}

/// Records the new sale the vendor raised for the replacements of its
/// part's exchanges (after `exchange.requested`): the reserved units leave
/// the stock, each exchanged item carries the sale's reference, which the
/// customer sees, and `exchange.ordered` is recorded.
#[utoipa::path(
    operation_id = "vendor_record_exchange_order",
    tag = "vendor",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ExchangeOrderInput,
    security(("vendor_key" = [])),
    responses(
        (status = 200, description = "The part, with the sale's reference on its exchanged items", body = VendorPartView),
        (status = 403, description = "A merchant or admin key (`vendor_key_required`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand with a part of this vendor (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "No replacement of the part waits for its sale (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A blank or long reference, or an item that is not an exchanged item of the part (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/vendor/returns/{id}/exchange-orders")]
pub async fn exchange_orders(
    state: web::Data<AppState>,
    vendor: VendorCaller,
    path: Path2,
    body: Json<ExchangeOrderInput>,
) -> Answer {
    act(&state, &vendor, path, PartStep::ExchangeOrder(body.0)).await
}
