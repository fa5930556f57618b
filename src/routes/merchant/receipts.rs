//! The warehouse: receipts by scan, disposition overrides, the inventory
//! ledger.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::app::keys::Merchant;
use crate::app::pagination::PageQuery;
use crate::app::returns::receipts::{
    MovementList, ReceiptInput, ReceiptList, ReceiptView, Scanned, UnitOverride,
};
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::routes::query::Query;

/// The `Idempotency-Key` of a request, checked (400 when malformed).
pub fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    crate::app::returns::idempotency_key(
        req.headers()
            .get("Idempotency-Key")
            .map(HeaderValue::as_bytes),
    )
}

/// The response of a scan or receive: the first answer again for a retry
/// (`Idempotent-Replayed: true`).
pub fn scanned(answer: Scanned, slug: &str) -> HttpResponse {
    let (status, body, replayed, id) = match answer {
        Scanned::New(status, body, id) => (status, body, false, id),
        Scanned::Replay(status, body) => (status, body, true, None),
    };
    let mut res = HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK));
    res.content_type("application/json");
    if replayed {
        res.insert_header(("idempotent-replayed", "true"));
    }
    if let Some(id) = id {
        res.insert_header((header::LOCATION, format!("/v1/brands/{slug}/receipts/{id}")));
    }
    res.body(body)
}

/// Records what a warehouse scanned for one parcel: the return is found by
/// its RMA number or a label's tracking number; each line names an item or
/// a SKU with units, damaged units and a condition. Units are matched to
/// the return's items (a SKU fills its items in order), the return and its
/// parts move as with `…/receive`, each unit gets a disposition from the
/// brand's `disposition_rules`, the inventory ledger gets a movement per
/// SKU and disposition, restocked units go back to the catalogue's stock,
/// and one `inventory.adjusted` webhook carries the receipt. Units of a SKU
/// the return does not hold are recorded as `unexpected`. Send an
/// `Idempotency-Key`: a retry replays the first answer and changes nothing.
#[utoipa::path(
    operation_id = "merchant_create_receipt",
    tag = "warehouse",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry key, kept 24 h: the same key with the same body replays the first answer", pattern = "^[!-~]{1,255}$"),
    ),
    request_body = ReceiptInput,
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Received", body = ReceiptView),
        (status = 400, description = "A malformed `Idempotency-Key` (`invalid_idempotency_key`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No return of this brand has this RMA or tracking number (`return_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "More units of an item than were approved and are still expected, naming it in `errors` (`receipt_exceeds_approved`); the return expects no units (`invalid_transition`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid body, an unknown item or condition, or a reused `Idempotency-Key` (`validation_failed`, `idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/{brand}/receipts")]
pub async fn create(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    req: HttpRequest,
    body: Json<ReceiptInput>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency_key(&req)?;
    let answer = crate::app::returns::receipts::scan(&state, &merchant, &path, body.0, key).await?;
    Ok(scanned(answer, &path))
}

/// Filters of the receipts list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceiptFilter {
    /// Only the receipts of this return (its id).
    #[param(min_length = 1, max_length = 64)]
    pub return_id: Option<String>,
}

/// Receipts of the brand, newest first.
#[utoipa::path(
    operation_id = "merchant_list_receipts",
    tag = "warehouse",
    params(("brand" = String, Path, description = "Brand slug"), ReceiptFilter, PageQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of receipts", body = ReceiptList),
        (status = 422, description = "An invalid return id, limit or cursor (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/receipts")]
pub async fn list(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    filter: Query<ReceiptFilter>,
    page: Query<PageQuery>,
) -> Result<web::Json<ReceiptList>, ApiError> {
    let (limit, cursor) = page.parse()?;
    let return_id = filter.into_inner().return_id;
    if return_id
        .as_deref()
        .is_some_and(|r| r.is_empty() || r.chars().count() > 64)
    {
        return Err(ApiError::field(
            "return_id",
            crate::error::ErrorCode::InvalidLength,
            "1–64 characters",
        ));
    }
    Ok(web::Json(
        crate::app::returns::receipts::list(&state, &merchant, &path, return_id, limit, cursor)
            .await?,
    ))
}

/// A receipt with its units (each with its disposition and the rule that
/// chose it) and its ledger movements.
#[utoipa::path(
    operation_id = "merchant_get_receipt",
    tag = "warehouse",
    params(("brand" = String, Path, description = "Brand slug"), ("id" = String, Path, description = "Receipt id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The receipt", body = ReceiptView),
        (status = 404, description = "No such receipt of this brand (`receipt_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/receipts/{id}")]
pub async fn get_receipt(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String)>,
) -> Result<web::Json<ReceiptView>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::receipts::get(&state, &merchant, &slug, &id).await?,
    ))
}

/// Changes a received unit's disposition by hand (the same one again
/// changes nothing). The ledger moves the unit from its old disposition to
/// the new one, catalogue stock follows a restock given or taken back, and
/// `receipt.unit_overridden` and `inventory.adjusted` are recorded.
#[utoipa::path(
    operation_id = "merchant_override_receipt_unit",
    tag = "warehouse",
    params(
        ("brand" = String, Path, description = "Brand slug"),
        ("id" = String, Path, description = "Receipt id"),
        ("unit_id" = String, Path, description = "Unit id"),
    ),
    request_body = UnitOverride,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The receipt after the change", body = ReceiptView),
        (status = 404, description = "No such receipt of this brand or unit of it (`receipt_not_found`, `unit_not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A grade that is not a code (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/{brand}/receipts/{id}/units/{unit_id}")]
pub async fn override_unit(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<(String, String, String)>,
    body: Json<UnitOverride>,
) -> Result<web::Json<ReceiptView>, ApiError> {
    let (slug, id, unit) = path.into_inner();
    Ok(web::Json(
        crate::app::returns::receipts::override_unit(&state, &merchant, &slug, &id, &unit, body.0)
            .await?,
    ))
}

/// Query of the inventory ledger.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Page size (default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page: the movements recorded after it.
    #[param(
        min_length = 2,
        pattern = "^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$"
    )]
    pub cursor: Option<String>,
    /// Only movements recorded at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
}

/// The brand's inventory ledger, oldest first, for a WMS or ERP to pull:
/// append-only, numbered in commit order, so resuming from `next_cursor`
/// never misses a movement. Poll with the last `next_cursor` to get what
/// was recorded since.
#[utoipa::path(
    operation_id = "merchant_list_inventory_movements",
    tag = "warehouse",
    params(("brand" = String, Path, description = "Brand slug"), LedgerQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "A page of the ledger", body = MovementList),
        (status = 422, description = "An invalid `limit` or `cursor` (`validation_failed`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/inventory-movements")]
pub async fn movements(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    query: Query<LedgerQuery>,
) -> Result<web::Json<MovementList>, ApiError> {
    let q = query.into_inner();
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::field(
            "limit",
            crate::error::ErrorCode::OutOfRange,
            "must be between 1 and 1000",
        ));
    }
    let page = PageQuery {
        limit: Some(1),
        cursor: q.cursor,
    };
    let (_, cursor) = page.parse()?;
    Ok(web::Json(
        crate::app::returns::receipts::movements(&state, &merchant, &path, cursor, q.since, limit)
            .await?,
    ))
}

/// Query of the warehouse exports.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only what was recorded at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
}

fn export_name(what: &str, slug: &str) -> String {
    format!("{what}-{slug}-{}.csv", Utc::now().format("%Y%m%d-%H%M%S"))
}

/// The brand's received units as CSV, one row per unit with its receipt
/// (oldest first), streamed in pages. Columns: `receipt_id`, `return_id`,
/// `reference`, `location`, `received_at`, `unit_id`, `return_item_id`,
/// `sku`, `condition_code`, `damaged`, `unexpected`, `unit_value` (minor
/// units), `disposition`, `grade`, `rule_id`, `overridden_by`,
/// `overridden_at`. Cells a spreadsheet would read as a formula are
/// prefixed with `'`.
#[utoipa::path(
    operation_id = "merchant_export_receipts",
    tag = "warehouse",
    params(("brand" = String, Path, description = "Brand slug"), ExportQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The received units as CSV (`Content-Disposition: attachment`)", body = String, content_type = "text/csv",
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"receipts-<brand>-<time>.csv\"`"))),
        (status = 400, description = "An unreadable `since` (`invalid_query`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/receipts/export")]
pub async fn export_units(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    query: Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let stream = crate::app::exports::receipt_units(&state, &merchant, &path, query.since).await?;
    Ok(crate::routes::csv::attachment(
        &export_name("receipts", &path),
        stream,
    ))
}

/// The brand's inventory ledger as CSV, oldest first, streamed in pages.
/// Columns: `sequence`, `id`, `created_at`, `kind`, `sku`, `location`,
/// `quantity`, `disposition`, `grade`, `return_id`, `receipt_id`.
#[utoipa::path(
    operation_id = "merchant_export_inventory_movements",
    tag = "warehouse",
    params(("brand" = String, Path, description = "Brand slug"), ExportQuery),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The ledger as CSV (`Content-Disposition: attachment`)", body = String, content_type = "text/csv",
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"inventory-movements-<brand>-<time>.csv\"`"))),
        (status = 400, description = "An unreadable `since` (`invalid_query`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/{brand}/inventory-movements/export")]
pub async fn export_movements(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: web::Path<String>,
    query: Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let stream =
        crate::app::exports::inventory_movements(&state, &merchant, &path, query.since).await?;
    Ok(crate::routes::csv::attachment(
        &export_name("inventory-movements", &path),
        stream,
    ))
}
