//! Returns: the customer's (preview, create, read, cancel, for the order of
//! the access token) and the merchant's review and processing.

mod create;
pub mod deadline;
mod due;
pub mod exchanges;
pub mod notifications;
mod parts;
pub mod receipts;
pub mod review;
pub mod tracking;
pub mod vendor;
pub mod views;

use serde::Serialize;
use utoipa::ToSchema;

pub use create::Created;

use self::views::{Renderer, ReturnView};
use super::AppState;
use super::portal::PortalToken;
use crate::db::DbConn;
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::domain::events::EventType;
use crate::domain::money::Money;
use crate::domain::parts::PartAction;
use crate::domain::return_status::{Action, step};
pub use crate::domain::returns::CreateReturn;
use crate::error::{ApiError, ErrorCode, FieldError};

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
    /// Its resolution (its own, else the return's).
    pub resolution: crate::domain::settings::ResolutionType,
    /// The exchange offer it takes (variant, changed options, price
    /// difference per unit, units left), for an exchange for a variant.
    pub exchange: Option<crate::domain::catalogue::Offer>,
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
    /// Estimated refund and store credit: refunded items, store credit
    /// with its bonus, the difference of exchanges for cheaper variants,
    /// less the fee.
    pub estimated_refund: Money,
    /// The store credit in it, bonus included.
    pub store_credit: Money,
    /// What the customer would pay for exchanges for dearer variants
    /// before the return goes on (the brand charges price differences);
    /// 0 otherwise. The return is then created `payment_required`.
    pub payment_due: Money,
    /// Parcels it would need (one per return address), as item indexes.
    pub shipments: Vec<Vec<usize>>,
}

/// Returns of the order.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerReturns {
    /// Newest first.
    pub data: Vec<ReturnView>,
}

/// Checks a request without creating anything: per-item validation, whether
/// it would be approved at once, the fee and the estimated refund.
pub async fn preview(
    state: &AppState,
    token: &PortalToken,
    req: CreateReturn,
) -> Result<Preview, ApiError> {
    let brand = token.brand.clone();
    let (order_id, brand_id) = (token.claims.sub.clone(), brand.brand.id.clone());
    let (checked, currency, req) = state
        .db
        .read(move |conn| {
            let (_, order) = create::token_order(conn, &brand_id, &order_id)?;
            let checked = create::evaluate_request(
                conn,
                &brand_id,
                &order_id,
                &order,
                &brand.settings,
                &req,
                chrono::Utc::now(),
            )?;
            Ok((checked, order.currency, req))
        })
        .await?;
    if let Some(e) = checked.shape_violation() {
        return Err(e);
    }
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
            resolution: c.resolution,
            exchange: c.exchange.clone(),
        })
        .collect();
    Ok(Preview {
        valid: checked.is_valid(),
        items,
        errors: checked.errors.clone(),
        auto_approve: checked.auto_approve,
        return_fee: checked.fee,
        estimated_refund: checked.refund,
        store_credit: checked.store_credit,
        payment_due: checked.due,
        shipments: checked
            .shipments
            .iter()
            .map(|(_, idx)| idx.clone())
            .collect(),
    })
}

/// An `Idempotency-Key` as sent: 1–255 visible ASCII characters (400 otherwise).
pub fn idempotency_key(raw: Option<&[u8]>) -> Result<Option<String>, ApiError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let key = std::str::from_utf8(raw).unwrap_or("");
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::new(
            ErrorCode::InvalidIdempotencyKey,
            "Idempotency-Key must be 1–255 visible ASCII characters.",
        ));
    }
    Ok(Some(key.to_string()))
}

/// Creates a return for the order of the access token. When every item's
/// reason auto-approves, the return is `approved` at once and its labels
/// are on their way; otherwise it is `requested`. A replay of an earlier
/// request with the same key answers that request's response.
pub async fn create(
    state: &AppState,
    token: &PortalToken,
    request: CreateReturn,
    key: Option<String>,
) -> Result<Created, ApiError> {
    let idempotency = match key {
        Some(k) => {
            let raw = serde_json::to_vec(&request).map_err(ApiError::internal)?;
            Some((
                k,
                crate::db::idempotency::request_hash(&token.claims.sub, &raw),
            ))
        }
        None => None,
    };
    let input = create::NewReturn {
        brand_id: token.brand.brand.id.clone(),
        order_id: token.claims.sub.clone(),
        brand: token.brand.clone(),
        request,
        idempotency,
    };
    let created =
        create::decide_and_write(&state.db, input, Renderer::new(state).for_customer()).await?;
    if let Created::New(full, _) = &created
        && !full.labels.is_empty()
    {
        state.jobs.notify();
    }
    Ok(created)
}

/// Creates a return for an order without a token (demo seeding), with the
/// same checks and writes as [`create`].
pub async fn create_for_order(
    state: &AppState,
    brand: std::sync::Arc<super::cache::PortalBrand>,
    order_id: &str,
    request: CreateReturn,
) -> Result<FullReturn, ApiError> {
    let input = create::NewReturn {
        brand_id: brand.brand.id.clone(),
        order_id: order_id.to_string(),
        brand,
        request,
        idempotency: None,
    };
    match create::decide_and_write(&state.db, input, Renderer::new(state)).await? {
        Created::New(full, _) => Ok(*full),
        Created::Replay(..) => Err(ApiError::internal(anyhow::anyhow!(
            "a creation without a key replayed"
        ))),
    }
}

/// How many returns an order has (any status).
pub async fn count_for_order(db: &crate::db::Db, order_id: &str) -> Result<usize, ApiError> {
    let order_id = order_id.to_string();
    db.read(move |conn| Ok(crate::db::returns::for_order(conn, &order_id)?.len()))
        .await
}

/// Returns of the token's order, newest first.
pub async fn list_for_order(
    state: &AppState,
    token: &PortalToken,
) -> Result<CustomerReturns, ApiError> {
    let order_id = token.claims.sub.clone();
    let list = state
        .db
        .read(move |conn| Ok(crate::db::returns::for_order(conn, &order_id)?))
        .await?;
    Ok(CustomerReturns {
        data: Renderer::new(state).for_customer().views(list)?,
    })
}

/// A return of the token's order (404 for any other), with the audit trail
/// when `with_events`.
fn load_for_order(
    conn: &mut DbConn,
    token_brand: &str,
    order_id: &str,
    id: &str,
    lock: bool,
) -> Result<FullReturn, ApiError> {
    let found = if lock {
        crate::db::returns::load_locked(conn, token_brand, id)?
    } else {
        crate::db::returns::load(conn, token_brand, id)?
    };
    found
        .filter(|f| f.ret.order_id == order_id)
        .ok_or_else(super::return_not_found)
}

/// One return of the token's order, with its status timeline.
pub async fn get_for_order(
    state: &AppState,
    token: &PortalToken,
    id: &str,
) -> Result<ReturnView, ApiError> {
    let (brand_id, order_id, id) = (
        token.brand.brand.id.clone(),
        token.claims.sub.clone(),
        id.to_string(),
    );
    let (full, events) = state
        .db
        .read(move |conn| {
            let full = load_for_order(conn, &brand_id, &order_id, &id, false)?;
            // The warehouse's own events are not the customer's.
            let events = crate::db::events::for_return(conn, &full.ret.id)?
                .into_iter()
                .filter(|e| EventType::parse(&e.event_type).is_none_or(|t| !t.about_receipt()))
                .collect();
            Ok((full, events))
        })
        .await?;
    Renderer::new(state).for_customer().view(full, Some(events))
}

/// Cancels a return of the token's order that has not travelled yet
/// (409 `not_cancellable` once it has); its labels are voided.
pub async fn cancel_for_order(
    state: &AppState,
    token: &PortalToken,
    id: &str,
) -> Result<ReturnView, ApiError> {
    let (brand_id, order_id, id) = (
        token.brand.brand.id.clone(),
        token.claims.sub.clone(),
        id.to_string(),
    );
    let render = Renderer::new(state).for_customer();
    state
        .db
        .write(move |conn| {
            let mut full = load_for_order(conn, &brand_id, &order_id, &id, true)?;
            let events = cancel(conn, &mut full, "customer")?;
            publish(conn, &render, &full, &events)
        })
        .await
}

/// Cancels a loaded return: every part still standing is withdrawn, its
/// labels (and their pending jobs) are voided, and the step is recorded.
fn cancel(
    conn: &mut DbConn,
    full: &mut FullReturn,
    actor: &str,
) -> Result<Vec<EventRow>, ApiError> {
    cancel_because(conn, full, actor, serde_json::json!({}))
}

/// [`cancel`] with the details of its event (why the system cancelled).
fn cancel_because(
    conn: &mut DbConn,
    full: &mut FullReturn,
    actor: &str,
    details: serde_json::Value,
) -> Result<Vec<EventRow>, ApiError> {
    step(full.ret.status, Action::Cancel)?;
    crate::db::labels::cancel_for_return(conn, &full.ret.id)?;
    let moves = full
        .shipments
        .iter()
        .filter(|s| s.status.is_live())
        .map(|s| parts::Move::of(&s.id, PartAction::Cancel))
        .collect();
    let events = parts::apply(
        conn,
        full,
        moves,
        parts::Settle {
            actor,
            details,
            whole: true,
            always: None,
        },
    )?;
    for label in &mut full.labels {
        if let Some(to) = label.status.step(crate::domain::labels::LabelEvent::Voided) {
            label.status = to;
        }
    }
    Ok(events)
}

/// Creates the pending labels of the approved parts that have none yet,
/// with their jobs.
fn enqueue_new_labels(conn: &mut DbConn, full: &mut FullReturn) -> Result<bool, ApiError> {
    let labels: Vec<_> = create::pending_labels(full)?
        .into_iter()
        .filter(|l| !full.labels.iter().any(|x| x.shipment_id == l.shipment_id))
        .collect();
    for label in &labels {
        crate::db::labels::enqueue(conn, label)?;
    }
    let any = !labels.is_empty();
    full.labels.extend(labels);
    Ok(any)
}

/// Ends a change to a return inside its transaction: the view of the
/// return as it now is, the webhooks of the change's events carrying
/// that view, and the customer e-mail of those the brand mails about.
pub(crate) fn publish(
    conn: &mut DbConn,
    render: &Renderer,
    full: &FullReturn,
    events: &[EventRow],
) -> Result<ReturnView, ApiError> {
    let view = render.view(full.clone(), None)?;
    if !events.is_empty() {
        let merchant = if render.is_customer() {
            &render.clone().for_merchant().view(full.clone(), None)?
        } else {
            &view
        };
        let data = serde_json::value::to_raw_value(merchant).map_err(ApiError::internal)?;
        crate::db::events::publish(conn, events, &data)?;
        notifications::enqueue(conn, events)?;
    }
    Ok(view)
}
