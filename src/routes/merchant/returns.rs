//! Merchant review and processing of returns.

use actix_web::{get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Merchant;
use crate::db::return_flow::{ApproveItem, ReceiveItem};
use crate::db::returns::{Filter, FullReturn};
use crate::domain::return_status::ReturnStatus;
use crate::error::{ApiError, FieldError};
use crate::routes::extract::{Json, OptionalJson};
use crate::routes::pagination::{PageQuery, paginate};
use crate::routes::return_view::{Rejection, ResolutionGiven, ReturnView, view, views};
use crate::startup::AppState;

/// Filters of the list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReturnFilter {
    /// Comma-separated statuses, e.g. `requested,approved`.
    pub status: Option<String>,
    /// Created at or after (RFC 3339).
    pub created_after: Option<DateTime<Utc>>,
    /// Created before (RFC 3339).
    pub created_before: Option<DateTime<Utc>>,
    /// Order number.
    pub order_number: Option<String>,
}

/// A page of returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReturnList {
    /// Newest first.
    pub data: Vec<ReturnView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// An entry of the audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    /// Id.
    pub id: String,
    /// Type, e.g. `return.approved`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Who: `customer`, `merchant:<key id>` or `system`.
    pub actor: String,
    /// Status before.
    pub from_status: Option<ReturnStatus>,
    /// Status after.
    pub to_status: Option<ReturnStatus>,
    /// Details.
    pub details: serde_json::Value,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// The audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventList {
    /// Oldest first.
    pub data: Vec<EventView>,
}

/// Approval of one item.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveItemInput {
    /// Return item id.
    pub return_item_id: String,
    /// Units approved (0 to the requested quantity).
    pub quantity: u32,
    /// Why the remainder is not approved.
    #[serde(default)]
    pub rejection_reason: Option<String>,
}

/// Body of approve (optional: without it everything is approved).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveInput {
    /// Items approved partly; unlisted items are approved in full.
    #[serde(default)]
    pub items: Vec<ApproveItemInput>,
    /// Note for the audit trail.
    #[serde(default)]
    pub note: Option<String>,
}

/// Arrival of one item.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveItemInput {
    /// Return item id.
    pub return_item_id: String,
    /// Units arrived.
    pub quantity: u32,
    /// Of which damaged (not restocked).
    #[serde(default)]
    pub damaged_quantity: u32,
    /// Condition found.
    #[serde(default)]
    pub condition_code: Option<String>,
}

/// Body of receive.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveInput {
    /// Arrivals.
    pub items: Vec<ReceiveItemInput>,
}

/// Body of complete.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteInput {
    /// The resolution actually given.
    pub resolution: ResolutionGiven,
}

type Path2 = web::Path<(String, String)>;

fn actor(m: &Merchant) -> String {
    format!("merchant:{}", m.key_id)
}

async fn brand_id(state: &AppState, merchant: &Merchant, slug: &str) -> Result<String, ApiError> {
    let (m, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .read(move |conn| Ok(m.brand(conn, &slug)?.id))
        .await
}

async fn respond(state: &AppState, full: FullReturn) -> Result<web::Json<ReturnView>, ApiError> {
    Ok(web::Json(view(state, full, None)?))
}

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
    let mut statuses = Vec::new();
    for s in filter
        .status
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match ReturnStatus::parse(s) {
            Some(st) => statuses.push(st.as_str().to_string()),
            None => {
                return Err(ApiError::validation(vec![FieldError::new(
                    "status",
                    "invalid_choice",
                    format!("{s} is not a return status"),
                )]));
            }
        }
    }
    let f = Filter {
        statuses,
        created_after: filter.created_after.map(|d| d.naive_utc()),
        created_before: filter.created_before.map(|d| d.naive_utc()),
        order_number: filter.order_number.clone(),
    };
    let brand = brand_id(&state, &merchant, &path).await?;
    let rows = state
        .db
        .read(move |conn| crate::db::returns::list(conn, &brand, &f, cursor.as_deref(), limit + 1))
        .await?;
    let (rows, next_cursor) = paginate(rows, limit, |r| r.ret.id.clone());
    Ok(web::Json(ReturnList {
        data: views(&state, rows)?,
        next_cursor,
    }))
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
pub async fn get_return(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let full = state
        .db
        .read(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            crate::db::returns::load(conn, &brand.id, &id)?
                .ok_or_else(crate::db::returns::not_found)
        })
        .await?;
    respond(&state, full).await
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
    let rows = state
        .db
        .read(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            let full = crate::db::returns::load(conn, &brand.id, &id)?
                .ok_or_else(crate::db::returns::not_found)?;
            crate::db::returns::events(conn, &full.ret.id)
        })
        .await?;
    let data = rows
        .into_iter()
        .map(|e| EventView {
            details: serde_json::from_str(&e.details).unwrap_or(serde_json::Value::Null),
            from_status: e.from_status.as_deref().and_then(ReturnStatus::parse),
            to_status: e.to_status.as_deref().and_then(ReturnStatus::parse),
            id: e.id,
            event_type: e.event_type,
            actor: e.actor,
            created_at: e.created_at.and_utc(),
        })
        .collect();
    Ok(web::Json(EventList { data }))
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
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let input = body.0.unwrap_or_default();
    let overrides: Vec<ApproveItem> = input
        .items
        .iter()
        .map(|i| ApproveItem {
            item_id: i.return_item_id.clone(),
            quantity: i.quantity,
            rejection_reason: i.rejection_reason.clone(),
        })
        .collect();
    let brand = brand_id(&state, &merchant, &slug).await?;
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| {
            crate::db::return_flow::approve(
                conn,
                &brand,
                &id,
                &who,
                &overrides,
                input.note.as_deref(),
            )
        })
        .await?;
    respond(&state, full).await
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
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let rejection = body.0;
    if !crate::domain::settings::is_code(&rejection.reason_code, 50) {
        return Err(ApiError::validation(vec![FieldError::new(
            "reason_code",
            "invalid_code",
            "a snake_case code such as final_sale",
        )]));
    }
    if rejection
        .note
        .as_deref()
        .is_some_and(|n| n.chars().count() > 2000)
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "note",
            "invalid_length",
            "at most 2000 characters",
        )]));
    }
    let brand = brand_id(&state, &merchant, &slug).await?;
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| crate::db::return_flow::reject(conn, &brand, &id, &who, &rejection))
        .await?;
    respond(&state, full).await
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
pub async fn in_transit(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let brand = brand_id(&state, &merchant, &slug).await?;
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| crate::db::return_flow::ship(conn, &brand, &id, &who))
        .await?;
    respond(&state, full).await
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
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let arrivals: Vec<ReceiveItem> = body
        .0
        .items
        .into_iter()
        .map(|i| ReceiveItem {
            item_id: i.return_item_id,
            quantity: i.quantity,
            damaged_quantity: i.damaged_quantity,
            condition_code: i.condition_code,
        })
        .collect();
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| {
            let brand = merchant.brand(conn, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            crate::db::return_flow::receive(conn, &brand.id, &id, &who, &arrivals, &settings)
        })
        .await?;
    respond(&state, full).await
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
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let given = body.0.resolution;
    let brand = brand_id(&state, &merchant, &slug).await?;
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| crate::db::return_flow::complete(conn, &brand, &id, &who, &given))
        .await?;
    respond(&state, full).await
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
pub async fn cancel(
    state: web::Data<AppState>,
    merchant: Merchant,
    path: Path2,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (slug, id) = path.into_inner();
    let brand = brand_id(&state, &merchant, &slug).await?;
    let who = actor(&merchant);
    let full = state
        .db
        .write(move |conn| crate::db::return_flow::cancel(conn, &brand, &id, &who, None))
        .await?;
    respond(&state, full).await
}
