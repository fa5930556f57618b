//! Customer endpoints for returns of the order named by the access token.

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::tokens::AccessToken;
use crate::db::return_flow::{Created, NewReturn};
use crate::domain::money::Money;
use crate::domain::returns::CreateReturn;
use crate::error::{ApiError, FieldError};
use crate::routes::extract::Json;
use crate::routes::return_view::{ReturnView, view, views};
use crate::startup::AppState;

/// Result of one item in a preview.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewItem {
    /// Position in the request.
    pub index: usize,
    /// Order line.
    pub order_line_id: String,
    /// Units requested.
    pub quantity: u32,
    /// Units the line may still return.
    pub returnable_quantity: u32,
    /// Whether this item is acceptable.
    pub valid: bool,
    /// Its problems (paths `items[i].…`).
    pub errors: Vec<FieldError>,
    /// Its reason needs no merchant review.
    pub auto_approve: bool,
    /// Value of the requested units.
    pub value: Money,
}

/// What creating the return would do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Preview {
    /// Whether create would succeed now.
    pub valid: bool,
    /// Per item.
    pub items: Vec<PreviewItem>,
    /// Problems of the return method, resolution or request as a whole.
    pub errors: Vec<FieldError>,
    /// Whether it would be approved at once (every reason auto-approves).
    pub auto_approve: bool,
    /// Fee that would be deducted.
    pub return_fee: Option<Money>,
    /// Estimated refund or store credit (0 for exchanges).
    pub estimated_refund: Money,
    /// Parcels it would need (one per return address), as item indexes.
    pub shipments: Vec<Vec<usize>>,
}

/// Returns of the order.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerReturns {
    /// Newest first.
    pub data: Vec<ReturnView>,
}

/// Checks a return request without creating anything: per-item validation,
/// whether it would be approved at once, the fee and the estimated refund.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain")),
    request_body = CreateReturn,
    security(("access_token" = [])),
    responses((status = 200, description = "The verdict (also when invalid)", body = Preview))
)]
#[post("/returns/preview")]
pub async fn preview(
    state: web::Data<AppState>,
    token: AccessToken,
    body: Json<CreateReturn>,
) -> Result<web::Json<Preview>, ApiError> {
    let t = token.0;
    let brand = t.brand.clone();
    let req = body.0;
    let order_id = t.claims.sub.clone();
    let brand_id = brand.brand.id.clone();
    let (checked, currency, req) = state
        .db
        .read(move |conn| {
            let (_, order) = crate::db::return_flow::order(conn, &brand_id, &order_id)?;
            let (checked, _) = crate::db::return_flow::evaluate_request(
                conn,
                &order_id,
                &order,
                &brand.settings,
                &req,
                chrono::Utc::now(),
            )?;
            Ok((checked, order.currency, req))
        })
        .await?;
    let items = req
        .items
        .iter()
        .zip(checked.items.iter())
        .enumerate()
        .map(|(index, (r, c))| PreviewItem {
            index,
            order_line_id: r.order_line_id.clone(),
            quantity: r.quantity,
            returnable_quantity: c.returnable_quantity,
            valid: c.errors.is_empty(),
            errors: c.errors.clone(),
            auto_approve: c.auto_approve,
            value: Money::new(c.value, currency),
        })
        .collect();
    Ok(web::Json(Preview {
        valid: checked.is_valid(),
        items,
        errors: checked.errors.clone(),
        auto_approve: checked.auto_approve,
        return_fee: checked.fee,
        estimated_refund: checked.refund,
        shipments: checked
            .shipments
            .iter()
            .map(|(_, idx)| idx.clone())
            .collect(),
    }))
}

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    match req.headers().get("Idempotency-Key") {
        None => Ok(None),
        Some(v) => {
            let key = v.to_str().unwrap_or("").trim();
            if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(ApiError::bad_request(
                    "invalid_idempotency_key",
                    "Idempotency-Key must be 1–255 visible ASCII characters.",
                ));
            }
            Ok(Some(key.to_string()))
        }
    }
}

/// Creates a return for the order of the access token. Every item is checked
/// against eligibility and its reason's requirements. When every item's
/// reason auto-approves, the return is `approved` at once and each shipment
/// carries `label.poll_url`; otherwise it is `requested`. Send an
/// `Idempotency-Key` to retry safely. Concurrent requests never return more
/// units than were delivered: the loser gets 409 `quantity_conflict`.
#[utoipa::path(
    tag = "portal",
    params(
        ("brand" = String, Path, description = "Brand slug or custom domain"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry key (24 h)"),
    ),
    request_body = CreateReturn,
    security(("access_token" = [])),
    responses(
        (status = 201, description = "Created", body = ReturnView),
        (status = 409, description = "`quantity_conflict`: other returns took the units meanwhile", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid (`comment_required`, `images_required`, `condition_required`, `not_returnable`, `quantity_exceeds_returnable`, `idempotency_key_reused`, …; every problem in `errors`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/returns")]
pub async fn create(
    state: web::Data<AppState>,
    token: AccessToken,
    req: HttpRequest,
    body: Json<CreateReturn>,
) -> Result<HttpResponse, ApiError> {
    let t = token.0;
    let key = idempotency_key(&req)?;
    let idempotency = match key {
        Some(k) => {
            let raw = serde_json::to_vec(&body.0).map_err(ApiError::internal)?;
            let hash = crate::db::idempotency::request_hash(&t.claims.sub, &raw);
            Some((k, hash))
        }
        None => None,
    };
    let input = NewReturn {
        brand_id: t.brand.brand.id.clone(),
        order_id: t.claims.sub.clone(),
        settings: t.brand.clone(),
        request: body.0,
        idempotency,
    };
    let render_state = state.clone();
    let render = Arc::new(move |full: &crate::db::returns::FullReturn| {
        let v = view(&render_state, full.clone(), None)?;
        serde_json::to_string(&v).map_err(ApiError::internal)
    });
    let (created, body) = crate::db::return_flow::create(&state.db, input, render).await?;
    let response = |status: u16, body: String| {
        HttpResponse::build(
            actix_web::http::StatusCode::from_u16(status)
                .unwrap_or(actix_web::http::StatusCode::CREATED),
        )
        .content_type("application/json")
        .body(body)
    };
    match created {
        Created::Replay(status, stored) => {
            let mut res = response(status, stored);
            res.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("idempotent-replayed"),
                actix_web::http::header::HeaderValue::from_static("true"),
            );
            Ok(res)
        }
        Created::New(full) => {
            if !full.labels.is_empty() {
                state.jobs.notify();
            }
            let location = format!("/v1/portal/{}/returns/{}", t.brand.brand.slug, full.ret.id);
            let mut res = response(201, body.unwrap_or_default());
            if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&location) {
                res.headers_mut()
                    .insert(actix_web::http::header::LOCATION, v);
            }
            Ok(res)
        }
    }
}

/// Returns of the token's order, newest first.
#[utoipa::path(
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
    let order_id = token.0.claims.sub.clone();
    let list = state
        .db
        .read(move |conn| crate::db::returns::for_order(conn, &order_id))
        .await?;
    Ok(web::Json(CustomerReturns {
        data: views(&state, list)?,
    }))
}

/// One return of the token's order, with its status timeline.
#[utoipa::path(
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
    let t = token.0;
    let (brand_id, order_id) = (t.brand.brand.id.clone(), t.claims.sub.clone());
    let (full, events) = state
        .db
        .read(move |conn| {
            let full = crate::db::returns::load(conn, &brand_id, &id)?
                .filter(|f| f.ret.order_id == order_id)
                .ok_or_else(crate::db::returns::not_found)?;
            let events = crate::db::returns::events(conn, &full.ret.id)?;
            Ok((full, events))
        })
        .await?;
    Ok(web::Json(view(&state, full, Some(events))?))
}

/// Cancels a return that has not travelled yet; 409 `not_cancellable` once
/// the parcel is in transit.
#[utoipa::path(
    tag = "portal",
    params(("brand" = String, Path, description = "Brand slug or custom domain"), ("id" = String, Path, description = "Return id")),
    security(("access_token" = [])),
    responses(
        (status = 200, description = "Cancelled", body = ReturnView),
        (status = 404, description = "No such return of this order", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`not_cancellable` (already travelling) or `invalid_transition`", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/returns/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    token: AccessToken,
    path: web::Path<(String, String)>,
) -> Result<web::Json<ReturnView>, ApiError> {
    let (_, id) = path.into_inner();
    let t = token.0;
    let (brand_id, order_id) = (t.brand.brand.id.clone(), t.claims.sub.clone());
    let full = state
        .db
        .write(move |conn| {
            crate::db::return_flow::cancel(conn, &brand_id, &id, "customer", Some(&order_id))
        })
        .await?;
    Ok(web::Json(view(&state, full, None)?))
}
