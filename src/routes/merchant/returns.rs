//! Merchant review and processing of returns.

use actix_web::{HttpRequest, HttpResponse, get, post, web};

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::returns::notifications::NotificationList;
use crate::app::returns::review::{
    ApproveInput, CompleteInput, ExchangeOrderInput, PaymentInput, ReceiveInput, Rejection,
    ReturnFilter, ReturnList,
};
use crate::app::returns::views::{EventList, ReturnView};
use crate::error::ApiError;
use crate::routes::extract::{Json, NoBody, OptionalJson};
use crate::routes::query::Query;

type Path2 = web::Path<(String, String)>;
type Answer = Result<web::Json<ReturnView>, ApiError>;

/// Returns of the brand, newest first, filtered by status, creation time and
/// order number.
#[utoipa::path(
    operation_id = "merchant_list_returns",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ReturnFilter, PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of returns", body = ReturnList),
        (status = 422, description = "An invalid filter, `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/returns")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    filter: Query<ReturnFilter>,
    page: Query<PageQuery>,
) -> Result<web::Json<ReturnList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    let list =
        crate::app::returns::review::list(&state, &merchant, &path, &filter, limit, cursor).await?;
    Ok(web::Json(list))
}

/// The brand's returns as CSV, one row per return item (newest return
/// first, its items in order), with the filters of the list. Streamed in
/// pages, so any number of returns can be exported. Cells that a
/// spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`)
/// are prefixed with `'`. Columns: `return_id`, `rma_number`,
/// `order_number`, `status`, `created_at`, `updated_at`, `country`,
/// `vendor`, `item_id`, `sku`, `name`, `reason_code`, `resolution`,
/// `requested_quantity`, `approved_quantity`, `received_quantity`,
/// `damaged_quantity`, `currency`, `unit_price` and `value` (minor units;
/// value = requested units × unit price), `condition_code`, `comment`.
#[utoipa::path(
    operation_id = "merchant_export_returns",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ReturnFilter),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The returns as CSV (`Content-Disposition: attachment`)", body = String, content_type = "text/csv",
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"returns-<brand>-<date>.csv\"`"))),
        (status = 422, description = "An invalid filter (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/returns/export")]
pub async fn export(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    filter: Query<ReturnFilter>,
) -> Result<HttpResponse, ApiError> {
    let stream = crate::app::exports::returns(&state, &merchant, &path, &filter).await?;
    let name = format!(
        "returns-{}-{}.csv",
        path.as_str(),
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    );
    Ok(crate::routes::csv::attachment(&name, stream))
}

/// A return with items (requested / approved / received / damaged),
/// shipments, labels and resolution.
#[utoipa::path(
    operation_id = "merchant_get_return",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The return", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
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
    operation_id = "merchant_list_return_events",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Events, oldest first", body = EventList),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
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

/// The e-mails about this return: one per event, kind and recipient, to
/// the customer (Returns Settings `notifications`), the staff
/// (`staff_notifications`) and the vendors (`vendor_notifications`), with
/// status `queued`, `sent`, `skipped` (no `SMTP_URL`, no address, turned
/// off since, or a reminder the vendor answered before) or `failed`.
#[utoipa::path(
    operation_id = "merchant_list_return_notifications",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Notifications, in event order", body = NotificationList),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/returns/{id}/notifications")]
pub async fn notifications(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<NotificationList>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::notifications(&state, &merchant, &slug, &id).await?,
    ))
}

/// Approves a requested return, wholly or per item (the remainder is
/// recorded as rejected), and starts label production.
#[utoipa::path(
    operation_id = "merchant_approve_return",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = Option<ApproveInput>,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Approved", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not awaiting review (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown item or too many units (`validation_failed`), or no unit approved (`nothing_approved`)", body = crate::error::Problem, content_type = "application/problem+json"),
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
    operation_id = "merchant_reject_return",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = Rejection,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Rejected", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not awaiting review (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid reason or note (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
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
    operation_id = "merchant_mark_return_in_transit",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "In transit", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not approved (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/in-transit")]
pub async fn in_transit(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::ship(&state, &merchant, &slug, &id).await?,
    ))
}

/// Records arriving units per item (with damaged units and condition);
/// the return becomes `partially_received` or `received`. The same receipt
/// as `POST …/receipts` with lines naming items: units get their
/// dispositions, the ledger and catalogue stock move, `inventory.adjusted`
/// is sent. Send an `Idempotency-Key` to retry safely.
#[utoipa::path(
    operation_id = "merchant_receive_return",
    tag = "returns",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("id" = String, Path, description = "Return id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry key, kept 24 h: the same key with the same body replays the first answer", pattern = "^[!-~]{1,255}$"),
    ),
    request_body = ReceiveInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Recorded", body = ReturnView),
        (status = 400, description = "A malformed `Idempotency-Key` (`invalid_idempotency_key`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not expecting units (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown item or condition, or more units than approved (`validation_failed`); a reused `Idempotency-Key` (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/receive")]
pub async fn receive(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    req: HttpRequest,
    body: Json<ReceiveInput>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let key = super::receipts::idempotency_key(&req)?;
    let answer =
        crate::app::returns::review::receive(&state, &merchant, &slug, &id, body.0, key).await?;
    Ok(super::receipts::scanned(answer, &slug))
}

/// Records the resolution actually given (refund or store-credit amount, or
/// the exchange order) and completes the return.
#[utoipa::path(
    operation_id = "merchant_complete_return",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = CompleteInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Completed", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not received (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing amount or exchange reference (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
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

/// Records the new sale raised for the replacements of the return's
/// exchanges (after `exchange.requested`): their reserved units leave the
/// stock, each exchanged item carries the sale's reference, and
/// `exchange.ordered` is recorded.
#[utoipa::path(
    operation_id = "merchant_record_exchange_order",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = ExchangeOrderInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Recorded", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "No replacement waits for its sale (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A blank or long reference, or an item that is not an exchanged item of the return (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/exchange-orders")]
pub async fn exchange_orders(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<ExchangeOrderInput>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::record_exchange_order(&state, &merchant, &slug, &id, body.0)
            .await?,
    ))
}

/// Confirms that the customer paid what the return's exchanges for dearer
/// variants cost (`payment.amount_due`, when the brand charges price
/// differences): the return leaves `payment_required` for review, or is
/// approved at once when every reason auto-approves, and
/// `return.payment_received` is recorded. Repeating the same payment
/// (same reference) answers the return as it is.
#[utoipa::path(
    operation_id = "merchant_record_payment",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    request_body = PaymentInput,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Recorded", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The return does not wait for a payment (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not the amount due or its currency, or a blank or long reference (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/payments")]
pub async fn payments(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    body: Json<PaymentInput>,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::record_payment(&state, &merchant, &slug, &id, body.0).await?,
    ))
}

/// Cancels a return that has not travelled.
#[utoipa::path(
    operation_id = "merchant_cancel_return",
    tag = "returns",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Return id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Cancelled", body = ReturnView),
        (status = 404, description = "No such return of this brand (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already travelling (`not_cancellable`) or no longer cancellable (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/returns/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
    _: NoBody,
) -> Answer {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::review::cancel_as_merchant(&state, &merchant, &slug, &id).await?,
    ))
}
