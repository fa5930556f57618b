//! Every change of a return as one transaction: read, decide (domain), write
//! the rows, the audit event and the outbox rows (webhook events, label jobs).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rand::Rng;

use super::idempotency::Seen;
use super::returns::{FullReturn, ItemRow, LabelRow, ReturnRow, ShipmentRow};
use super::{Db, DbConn};
use crate::domain::eligibility::{Policy, evaluate};
use crate::domain::orders::Order;
use crate::domain::return_status::{Action, ReturnStatus, event_type, transition};
use crate::domain::returns::{Checked, Context, CreateReturn, PointFacts, check};
use crate::domain::settings::{ReturnMethodType, ReturnsSettings};
use crate::error::{ApiError, FieldError};

/// Characters of RMA numbers: no 0/O, 1/I/L, so they can be read aloud.
const RMA_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

fn new_rma() -> String {
    let mut rng = rand::rng();
    let code: String = (0..6)
        .map(|_| RMA_ALPHABET[rng.random_range(0..RMA_ALPHABET.len())] as char)
        .collect();
    format!("RET-{code}")
}

/// The order of a portal token, within the brand.
pub fn order(
    conn: &mut DbConn,
    brand_id: &str,
    order_id: &str,
) -> Result<(super::orders::OrderRow, Order), ApiError> {
    token_order(super::orders::by_id(conn, brand_id, order_id)?)
}

fn token_order(
    row: Option<super::orders::OrderRow>,
) -> Result<(super::orders::OrderRow, Order), ApiError> {
    let row = row.ok_or_else(|| {
        ApiError::not_found(
            "order_not_found",
            "The order of this token no longer exists.",
        )
    })?;
    let order = row.order()?;
    Ok((row, order))
}

/// Checks a request against the current state of the order (preview and create).
pub fn evaluate_request(
    conn: &mut DbConn,
    order_id: &str,
    order: &Order,
    settings: &ReturnsSettings,
    req: &CreateReturn,
    now: DateTime<Utc>,
) -> Result<(Checked, HashMap<String, u32>), ApiError> {
    let held = super::returns::active_quantities(conn, order_id)?;
    let eligibility = evaluate(order, Policy::from(settings), &held, now);
    let uploads = if req.items.iter().any(|i| !i.image_ids.is_empty()) {
        super::uploads::unattached(conn, order_id)?
    } else {
        Default::default()
    };
    let point = match &req.return_method.service_point_id {
        Some(id) => super::service_points::by_id(conn, id)?.map(|p| PointFacts {
            carrier: p.carrier,
            active: p.active,
            supports_labelless: p.supports_labelless,
        }),
        None => None,
    };
    let ctx = Context {
        order,
        settings,
        eligibility: &eligibility,
        held: &held,
        uploads: &uploads,
        service_point: point.as_ref(),
        today: now.date_naive(),
    };
    Ok((check(req, &ctx), held))
}

/// The problem for an invalid request: 409 `quantity_conflict` when the only
/// trouble is units other returns took meanwhile, else 422 with the code of
/// the first error; every error is listed.
pub fn rejection(checked: &Checked) -> ApiError {
    let errors = checked.all_errors();
    let only_conflicts = errors.iter().all(|e| e.code == "quantity_conflict");
    let first = errors
        .iter()
        .find(|e| e.code != "quantity_conflict")
        .or(errors.first())
        .cloned()
        .unwrap_or_else(|| FieldError::new("", "validation_failed", "invalid"));
    let detail = if errors.len() == 1 {
        format!(
            "{}: {}",
            if first.field.is_empty() {
                "body"
            } else {
                &first.field
            },
            first.message
        )
    } else {
        format!("{} problems; see errors", errors.len())
    };
    if only_conflicts {
        ApiError::conflict("quantity_conflict", detail).with_errors(errors)
    } else {
        ApiError::new(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            first.code.clone(),
            detail,
        )
        .with_errors(errors)
    }
}

/// Whether a return method produces a label, and of which kind.
fn label_kind(method: ReturnMethodType) -> Option<&'static str> {
    match method {
        ReturnMethodType::DropOff | ReturnMethodType::Pickup => Some("pdf"),
        ReturnMethodType::Labelless => Some("qr"),
        ReturnMethodType::InStore => None,
    }
}

fn pending_label(ret: &ReturnRow, shipment: &ShipmentRow, kind: &str) -> LabelRow {
    let now = super::now();
    LabelRow {
        id: crate::domain::ids::new_id("lbl"),
        shipment_id: shipment.id.clone(),
        return_id: ret.id.clone(),
        brand_id: ret.brand_id.clone(),
        kind: kind.to_string(),
        status: "pending".into(),
        carrier: shipment.carrier.clone().unwrap_or_default(),
        tracking_number: None,
        dropoff_code: None,
        file_path: None,
        error: None,
        created_at: now,
        updated_at: now,
    }
}

/// Input of [`create`].
pub struct NewReturn {
    /// Brand.
    pub brand_id: String,
    /// Order (from the access token).
    pub order_id: String,
    /// The brand's settings.
    pub settings: Arc<crate::cache::PortalBrand>,
    /// The request.
    pub request: CreateReturn,
    /// `Idempotency-Key` and the request hash.
    pub idempotency: Option<(String, String)>,
}

/// What [`create`] did.
pub enum Created {
    /// A new return.
    New(Box<FullReturn>),
    /// A replay of an earlier request with the same key: status and body.
    Replay(u16, String),
}

/// Turns a new return into the response body kept for idempotent replays.
pub type Render = dyn Fn(&FullReturn) -> Result<String, ApiError> + Send + Sync;

/// Attempts of a creation that keeps losing races (each one after the
/// first holds the order's row lock, so in practice the second succeeds).
const ATTEMPTS: usize = 8;

/// Creates a return: checks the request against the order as it is now and
/// writes the return with its parts, its events and their outbox rows, the
/// label jobs of an auto-approved return and the `Idempotency-Key` with the
/// response, all or nothing. Returns what happened and the response body.
///
/// On SQLite this runs inside the writer's transaction (writers are
/// serialized, nobody can interleave). On PostgreSQL the first attempt
/// takes no lock and no transaction: it reads the order with its
/// `returns_revision`, decides, and writes everything in one statement that
/// writes nothing unless the revision is still the one it read (and the key
/// is still free). Round trips, not locks, bound PostgreSQL here, and this
/// needs four instead of a dozen. An attempt that lost the race is made
/// again with the order row locked, so two creations for the same order
/// can never both take the same units.
pub async fn create(
    db: &Db,
    input: NewReturn,
    render: Arc<Render>,
) -> Result<(Created, Option<String>), ApiError> {
    let input = Arc::new(input);
    for n in 0..ATTEMPTS {
        let (input, render) = (input.clone(), render.clone());
        let run = move |conn: &mut DbConn| attempt(conn, &input, &*render, n > 0);
        let outcome = if n == 0 {
            db.autocommit(run).await?
        } else {
            db.write(run).await?
        };
        if let Some(done) = outcome {
            return Ok(done);
        }
    }
    Err(ApiError::database_unavailable(
        "return creation lost every race for its order",
    ))
}

/// Everything a new return writes.
struct Rows {
    full: FullReturn,
    events: Vec<super::returns::EventRow>,
    jobs: Vec<super::outbox::JobRow>,
    images: Vec<String>,
}

/// One attempt of [`create`]; `None` when it lost a race and wrote nothing.
/// With `lock`, the order row is locked first (inside a transaction).
fn attempt(
    conn: &mut DbConn,
    input: &NewReturn,
    render: &Render,
    lock: bool,
) -> Result<Option<(Created, Option<String>)>, ApiError> {
    if let Some((key, hash)) = &input.idempotency {
        match super::idempotency::find(conn, &input.brand_id, key, hash)? {
            Some(Seen::Replay(status, body)) => {
                return Ok(Some((Created::Replay(status, body), None)));
            }
            Some(Seen::Mismatch) => return Err(super::idempotency::reused()),
            None => {}
        }
    }
    let now = Utc::now();
    let (order_row, revision) =
        super::orders::with_revision(conn, &input.brand_id, &input.order_id, lock)?
            .ok_or_else(order_gone)?;
    let order = order_row.order()?;
    let settings = &input.settings.settings;
    let (checked, _) =
        evaluate_request(conn, &input.order_id, &order, settings, &input.request, now)?;
    if !checked.is_valid() {
        return Err(rejection(&checked));
    }
    let rows = new_rows(input, &order_row, &order, &checked)?;
    match conn {
        DbConn::Pg(c) => write_in_one_statement(c, input, rows, revision, render),
        DbConn::Sqlite(_) => write_rows(conn, input, rows, render).map(Some),
    }
}

fn order_gone() -> ApiError {
    ApiError::not_found(
        "order_not_found",
        "The order of this token no longer exists.",
    )
}

/// The rows of a new return for a checked request (nothing written).
fn new_rows(
    input: &NewReturn,
    order_row: &super::orders::OrderRow,
    order: &Order,
    checked: &Checked,
) -> Result<Rows, ApiError> {
    let req = &input.request;
    let settings = &input.settings.settings;
    let stamp = super::now();
    let status = if checked.auto_approve {
        ReturnStatus::Approved
    } else {
        ReturnStatus::Requested
    };
    let mut method = req.return_method.clone();
    method.carrier = checked.carrier.clone();
    let ret = ReturnRow {
        id: crate::domain::ids::new_id("ret"),
        brand_id: input.brand_id.clone(),
        order_id: input.order_id.clone(),
        order_number: order_row.number.clone(),
        rma_number: new_rma(),
        status: status.as_str().to_string(),
        return_method: serde_json::to_string(&method).map_err(ApiError::internal)?,
        resolution: serde_json::to_string(&req.resolution).map_err(ApiError::internal)?,
        resolution_given: None,
        rejection: None,
        locale: req
            .locale
            .clone()
            .unwrap_or_else(|| settings.default_locale.clone()),
        currency: order.currency.to_string(),
        return_fee: checked.fee.map(|f| f.amount),
        estimated_refund: checked.refund.amount,
        created_at: stamp,
        updated_at: stamp,
    };
    let mut shipments = Vec::new();
    let mut items = Vec::new();
    for (position, (address, indexes)) in checked.shipments.iter().enumerate() {
        let shipment = ShipmentRow {
            id: crate::domain::ids::new_id("rsh"),
            return_id: ret.id.clone(),
            position: position as i32,
            address_id: address.id.clone(),
            address: serde_json::to_string(address).map_err(ApiError::internal)?,
            carrier: checked.carrier.clone(),
        };
        for &i in indexes {
            let item = &req.items[i];
            let line = order
                .line(&item.order_line_id)
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("line vanished")))?;
            let quantity = item.quantity as i32;
            items.push(ItemRow {
                id: crate::domain::ids::new_id("rit"),
                return_id: ret.id.clone(),
                shipment_id: shipment.id.clone(),
                order_id: input.order_id.clone(),
                order_line_id: item.order_line_id.clone(),
                position: i as i32,
                sku: line.sku.clone(),
                name: line.name.clone(),
                unit_price: line.unit_price.amount,
                requested_quantity: quantity,
                approved_quantity: if checked.auto_approve { quantity } else { 0 },
                received_quantity: 0,
                damaged_quantity: 0,
                reason_code: item.reason_code.clone(),
                comment: item.comment.clone().filter(|c| !c.trim().is_empty()),
                condition_code: item.condition_code.clone(),
                received_condition_code: None,
                image_ids: serde_json::to_string(&item.image_ids).map_err(ApiError::internal)?,
                rejection_reason: None,
            });
        }
        shipments.push(shipment);
    }
    items.sort_by_key(|i| i.position);
    let mut full = FullReturn {
        ret,
        items,
        shipments,
        labels: Vec::new(),
    };
    if checked.auto_approve {
        full.labels = pending_labels(&full)?;
    }
    let mut events = vec![super::returns::NewEvent {
        event_type: "return.requested",
        actor: "customer",
        from: None,
        to: Some(ReturnStatus::Requested),
        details: serde_json::json!({ "items": req.items.len() }),
    }];
    if checked.auto_approve {
        events.push(super::returns::NewEvent {
            event_type: "return.approved",
            actor: "system",
            from: Some(ReturnStatus::Requested),
            to: Some(ReturnStatus::Approved),
            details: serde_json::json!({ "auto_approved": true }),
        });
    }
    // The labels' jobs go in with the events' jobs: no statement of their own.
    let label_jobs = full.labels.iter().map(super::returns::label_job).collect();
    let (events, jobs) = super::returns::event_rows(&full.ret, events, label_jobs);
    let images = req
        .items
        .iter()
        .flat_map(|i| i.image_ids.iter().cloned())
        .collect();
    Ok(Rows {
        full,
        events,
        jobs,
        images,
    })
}

/// Writes the rows statement by statement, inside the caller's (serialized)
/// transaction.
fn write_rows(
    conn: &mut DbConn,
    input: &NewReturn,
    mut rows: Rows,
    render: &Render,
) -> Result<(Created, Option<String>), ApiError> {
    super::returns::insert(conn, &mut rows.full, new_rma)?;
    super::uploads::attach(conn, &rows.images, &rows.full.ret.id)?;
    super::returns::insert_events(conn, &rows.events, &rows.jobs)?;
    let body = render(&rows.full)?;
    if let Some((key, hash)) = &input.idempotency
        && !super::idempotency::store(conn, &input.brand_id, key, hash, 201, &body)?
    {
        // The key was free when this transaction looked, and writers are
        // serialized: nobody can have taken it since.
        return Err(ApiError::internal(anyhow::anyhow!(
            "idempotency key taken inside a serialized write"
        )));
    }
    Ok((Created::New(Box::new(rows.full)), Some(body)))
}

/// The PostgreSQL creation statement (see [`create`]). `guard` bumps the
/// order's revision only if it is still the one read; `claim` stores the
/// key with the response only then (taking over an expired key, leaving a
/// live one alone); every other row is written only if both did. Rows go in
/// as JSON arrays, so the text is the same for any number of items and the
/// prepared statement is cached. Parameters: order id, revision read,
/// brand, key (or NULL), request hash, response, now, key expiry cut-off,
/// then the return, shipments, items, labels, events and outbox rows as
/// JSON, the attached image ids (JSON array) and the return id.
const CREATE_SQL: &str = "WITH guard AS ( \
        UPDATE orders SET returns_revision = returns_revision + 1 \
        WHERE id = $1 AND returns_revision = $2 RETURNING 1 AS ok \
    ), claim AS ( \
        INSERT INTO idempotency_keys \
            (brand_id, key, request_hash, status_code, response, created_at) \
        SELECT $3, $4, $5, 201, $6, $7 FROM guard WHERE $4 IS NOT NULL \
        ON CONFLICT (brand_id, key) DO UPDATE SET request_hash = excluded.request_hash, \
            status_code = excluded.status_code, response = excluded.response, \
            created_at = excluded.created_at \
        WHERE idempotency_keys.created_at < $8 \
        RETURNING 1 AS ok \
    ), go AS ( \
        SELECT 1 AS ok FROM guard WHERE $4 IS NULL OR EXISTS (SELECT 1 FROM claim) \
    ), r AS ( \
        INSERT INTO returns SELECT x.* FROM go, json_populate_record(NULL::returns, $9::json) x \
    ), s AS ( \
        INSERT INTO return_shipments \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_shipments, $10::json) x \
    ), i AS ( \
        INSERT INTO return_items \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_items, $11::json) x \
    ), l AS ( \
        INSERT INTO labels SELECT x.* FROM go, json_populate_recordset(NULL::labels, $12::json) x \
    ), e AS ( \
        INSERT INTO return_events \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_events, $13::json) x \
    ), j AS ( \
        INSERT INTO outbox SELECT x.* FROM go, json_populate_recordset(NULL::outbox, $14::json) x \
        ON CONFLICT DO NOTHING \
    ), u AS ( \
        UPDATE uploads SET return_id = $16 \
        WHERE id IN (SELECT json_array_elements_text($15::json)) AND EXISTS (SELECT 1 FROM go) \
    ) \
    SELECT (SELECT count(*) FROM go) AS written";

#[derive(diesel::QueryableByName)]
struct Written {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    written: i64,
}

/// Writes the rows with [`CREATE_SQL`]; `None` when the order's revision
/// or the key changed since they were read (nothing written).
fn write_in_one_statement(
    conn: &mut diesel::PgConnection,
    input: &NewReturn,
    mut rows: Rows,
    revision: i64,
    render: &Render,
) -> Result<Option<(Created, Option<String>)>, ApiError> {
    use diesel::RunQueryDsl;
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
    let shipments = json(&rows.full.shipments)?;
    let items = json(&rows.full.items)?;
    let labels = json(&rows.full.labels)?;
    let events = json(&rows.events)?;
    let jobs = json(&rows.jobs)?;
    let images = json(&rows.images)?;
    let (key, hash) = input
        .idempotency
        .as_ref()
        .map(|(k, h)| (Some(k.as_str()), Some(h.as_str())))
        .unwrap_or((None, None));
    let in_transaction = {
        use diesel::connection::{Connection, TransactionManager};
        <diesel::PgConnection as Connection>::TransactionManager::transaction_manager_status_mut(
            conn,
        )
        .transaction_depth()
        .ok()
        .flatten()
        .is_some()
    };
    let mut tries = 0;
    loop {
        let body = render(&rows.full)?;
        let now = super::now();
        let written = super::Cached(
            diesel::sql_query(CREATE_SQL)
                .bind::<Text, _>(&input.order_id)
                .bind::<BigInt, _>(revision)
                .bind::<Text, _>(&input.brand_id)
                .bind::<Nullable<Text>, _>(key)
                .bind::<Nullable<Text>, _>(hash)
                .bind::<Text, _>(&body)
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(now - super::idempotency::TTL)
                .bind::<Text, _>(json(&rows.full.ret)?)
                .bind::<Text, _>(&shipments)
                .bind::<Text, _>(&items)
                .bind::<Text, _>(&labels)
                .bind::<Text, _>(&events)
                .bind::<Text, _>(&jobs)
                .bind::<Text, _>(&images)
                .bind::<Text, _>(&rows.full.ret.id),
        )
        .get_result::<Written>(conn);
        match written {
            Ok(w) if w.written == 1 => {
                return Ok(Some((Created::New(Box::new(rows.full)), Some(body))));
            }
            Ok(_) => return Ok(None),
            // Outside a transaction the failed statement wrote nothing: draw
            // another RMA number. Inside one, the transaction is done for;
            // the error is retryable and the whole attempt runs again.
            Err(e) if is_rma_taken(&e) && !in_transaction && tries < 10 => {
                tries += 1;
                rows.full.ret.rma_number = new_rma();
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(ApiError::internal)
}

/// Whether a statement failed because its RMA number was taken.
fn is_rma_taken(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            info,
        ) if info.constraint_name() == Some("returns_rma_number_key")
    )
}

/// Creates the pending label (and its job) of every shipment with approved units.
fn enqueue_labels(conn: &mut DbConn, full: &FullReturn) -> Result<Vec<LabelRow>, ApiError> {
    let labels = pending_labels(full)?;
    for label in &labels {
        super::returns::enqueue_label(conn, label)?;
    }
    Ok(labels)
}

/// The pending label of every shipment with approved units (nothing written).
fn pending_labels(full: &FullReturn) -> Result<Vec<LabelRow>, ApiError> {
    let method: crate::domain::returns::MethodRequest =
        serde_json::from_str(&full.ret.return_method).map_err(ApiError::internal)?;
    let Some(kind) = label_kind(method.method) else {
        return Ok(Vec::new());
    };
    Ok(full
        .shipments
        .iter()
        .filter(|shipment| {
            full.items
                .iter()
                .filter(|i| i.shipment_id == shipment.id)
                .map(|i| i.approved_quantity)
                .sum::<i32>()
                > 0
        })
        .map(|shipment| pending_label(&full.ret, shipment, kind))
        .collect())
}

fn load(conn: &mut DbConn, brand_id: &str, id: &str) -> Result<FullReturn, ApiError> {
    super::returns::load(conn, brand_id, id)?.ok_or_else(super::returns::not_found)
}

fn invalid(from: ReturnStatus, what: &str) -> ApiError {
    ApiError::conflict(
        "invalid_transition",
        format!(
            "A return that is {} cannot be {what}.",
            from.as_str().replace('_', " ")
        ),
    )
}

fn step(
    conn: &mut DbConn,
    full: &mut FullReturn,
    action: Action,
    what: &str,
    actor: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    let from = full.ret.status();
    let to = transition(from, action).ok_or_else(|| invalid(from, what))?;
    super::returns::set_status(conn, &mut full.ret, to)?;
    super::returns::record_event(
        conn,
        &full.ret,
        event_type(to),
        actor,
        Some(from),
        Some(to),
        details,
    )?;
    Ok(())
}

/// Per-item approval override.
#[derive(Debug, Clone)]
pub struct ApproveItem {
    /// Item id.
    pub item_id: String,
    /// Units approved (0–requested).
    pub quantity: u32,
    /// Why the rest is not.
    pub rejection_reason: Option<String>,
}

/// Approves a return, wholly or per item; items not listed are approved in
/// full. Enqueues the labels.
pub fn approve(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
    overrides: &[ApproveItem],
    note: Option<&str>,
) -> Result<FullReturn, ApiError> {
    let mut full = load(conn, brand_id, id)?;
    let from = full.ret.status();
    if transition(from, Action::Approve).is_none() {
        return Err(invalid(from, "approved"));
    }
    let mut errors = Vec::new();
    for (i, o) in overrides.iter().enumerate() {
        match full.items.iter().find(|it| it.id == o.item_id) {
            None => errors.push(FieldError::new(
                format!("items[{i}].return_item_id"),
                "unknown_item",
                "not an item of this return",
            )),
            Some(it) if o.quantity as i32 > it.requested_quantity => errors.push(FieldError::new(
                format!("items[{i}].quantity"),
                "quantity_exceeds_requested",
                format!("at most {} unit(s) were requested", it.requested_quantity),
            )),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut summary = Vec::new();
    for item in &mut full.items {
        let o = overrides.iter().find(|o| o.item_id == item.id);
        item.approved_quantity = o.map_or(item.requested_quantity, |o| o.quantity as i32);
        item.rejection_reason = o
            .and_then(|o| o.rejection_reason.clone())
            .filter(|_| item.approved_quantity < item.requested_quantity);
        super::returns::save_item(conn, item)?;
        summary.push(serde_json::json!({
            "return_item_id": item.id,
            "approved_quantity": item.approved_quantity,
            "rejected_quantity": item.requested_quantity - item.approved_quantity,
            "rejection_reason": item.rejection_reason,
        }));
    }
    if full.items.iter().all(|i| i.approved_quantity == 0) {
        return Err(ApiError::unprocessable(
            "nothing_approved",
            "Approve at least one unit, or reject the return.",
        ));
    }
    step(
        conn,
        &mut full,
        Action::Approve,
        "approved",
        actor,
        serde_json::json!({ "note": note, "items": summary }),
    )?;
    full.labels = enqueue_labels(conn, &full)?;
    Ok(full)
}

/// Rejects a return under review.
pub fn reject(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
    rejection: &crate::routes::return_view::Rejection,
) -> Result<FullReturn, ApiError> {
    let mut full = load(conn, brand_id, id)?;
    let from = full.ret.status();
    if transition(from, Action::Reject).is_none() {
        return Err(invalid(from, "rejected"));
    }
    full.ret.rejection = Some(serde_json::to_string(rejection).map_err(ApiError::internal)?);
    super::returns::save_outcome(conn, &full.ret)?;
    step(
        conn,
        &mut full,
        Action::Reject,
        "rejected",
        actor,
        serde_json::to_value(rejection).map_err(ApiError::internal)?,
    )?;
    Ok(full)
}

/// Marks an approved return as handed to the carrier.
pub fn ship(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
) -> Result<FullReturn, ApiError> {
    let mut full = load(conn, brand_id, id)?;
    step(
        conn,
        &mut full,
        Action::Ship,
        "marked in transit",
        actor,
        serde_json::json!({}),
    )?;
    Ok(full)
}

/// Units arriving for one item.
#[derive(Debug, Clone)]
pub struct ReceiveItem {
    /// Item id.
    pub item_id: String,
    /// Units arrived now.
    pub quantity: u32,
    /// Of which damaged.
    pub damaged_quantity: u32,
    /// Condition found.
    pub condition_code: Option<String>,
}

/// Records arriving units; the return becomes `received` when every approved
/// unit is in, else `partially_received`.
pub fn receive(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
    arrivals: &[ReceiveItem],
    settings: &ReturnsSettings,
) -> Result<FullReturn, ApiError> {
    let mut full = load(conn, brand_id, id)?;
    let from = full.ret.status();
    if transition(from, Action::ReceivePart).is_none() {
        return Err(invalid(from, "received"));
    }
    let mut errors = Vec::new();
    if arrivals.is_empty() {
        errors.push(FieldError::new(
            "items",
            "invalid_length",
            "list at least one item",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in arrivals.iter().enumerate() {
        let at = |f: &str| format!("items[{i}].{f}");
        if !seen.insert(a.item_id.as_str()) {
            errors.push(FieldError::new(
                at("return_item_id"),
                "duplicate",
                "appears twice",
            ));
            continue;
        }
        match full.items.iter().find(|it| it.id == a.item_id) {
            None => errors.push(FieldError::new(
                at("return_item_id"),
                "unknown_item",
                "not an item of this return",
            )),
            Some(it) => {
                if a.quantity == 0 {
                    errors.push(FieldError::new(
                        at("quantity"),
                        "out_of_range",
                        "must be at least 1",
                    ));
                } else if it.received_quantity + a.quantity as i32 > it.approved_quantity {
                    errors.push(FieldError::new(
                        at("quantity"),
                        "quantity_exceeds_approved",
                        format!(
                            "{} of {} approved unit(s) are still expected",
                            it.approved_quantity - it.received_quantity,
                            it.approved_quantity
                        ),
                    ));
                }
                if a.damaged_quantity > a.quantity {
                    errors.push(FieldError::new(
                        at("damaged_quantity"),
                        "out_of_range",
                        "cannot exceed the units received",
                    ));
                }
            }
        }
        if let Some(code) = &a.condition_code
            && !settings.condition_codes.iter().any(|c| &c.code == code)
        {
            errors.push(FieldError::new(
                at("condition_code"),
                "unknown_condition",
                "not one of the brand's condition codes",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    for a in arrivals {
        if let Some(item) = full.items.iter_mut().find(|it| it.id == a.item_id) {
            item.received_quantity += a.quantity as i32;
            item.damaged_quantity += a.damaged_quantity as i32;
            if a.condition_code.is_some() {
                item.received_condition_code = a.condition_code.clone();
            }
            super::returns::save_item(conn, item)?;
        }
    }
    let complete = full
        .items
        .iter()
        .all(|i| i.received_quantity >= i.approved_quantity);
    let details = serde_json::json!({
        "partial": !complete,
        "items": arrivals.iter().map(|a| serde_json::json!({
            "return_item_id": a.item_id, "quantity": a.quantity,
            "damaged_quantity": a.damaged_quantity, "condition_code": a.condition_code,
        })).collect::<Vec<_>>(),
    });
    let action = if complete {
        Action::ReceiveAll
    } else {
        Action::ReceivePart
    };
    step(conn, &mut full, action, "received", actor, details)?;
    Ok(full)
}

/// Records the resolution given and completes the return.
pub fn complete(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
    given: &crate::routes::return_view::ResolutionGiven,
) -> Result<FullReturn, ApiError> {
    use crate::domain::settings::ResolutionType;
    let mut full = load(conn, brand_id, id)?;
    let from = full.ret.status();
    if transition(from, Action::Complete).is_none() {
        return Err(invalid(from, "completed"));
    }
    let mut errors = Vec::new();
    match (
        given.resolution,
        &given.amount,
        &given.exchange_order_reference,
    ) {
        (ResolutionType::Refund | ResolutionType::StoreCredit, None, _) => {
            errors.push(FieldError::new(
                "resolution.amount",
                "required",
                "state the amount refunded or credited",
            ))
        }
        (ResolutionType::Refund | ResolutionType::StoreCredit, Some(m), _) => {
            if m.amount < 0 {
                errors.push(FieldError::new(
                    "resolution.amount.amount",
                    "out_of_range",
                    "must not be negative",
                ));
            }
            if m.currency.as_str() != full.ret.currency {
                errors.push(FieldError::new(
                    "resolution.amount.currency",
                    "currency_mismatch",
                    format!("must be {}", full.ret.currency),
                ));
            }
        }
        (ResolutionType::Exchange, _, None) => errors.push(FieldError::new(
            "resolution.exchange_order_reference",
            "required",
            "name the exchange order",
        )),
        (ResolutionType::Exchange, _, Some(r)) if r.trim().is_empty() || r.len() > 100 => errors
            .push(FieldError::new(
                "resolution.exchange_order_reference",
                "invalid_length",
                "1–100 characters",
            )),
        _ => {}
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    full.ret.resolution_given = Some(serde_json::to_string(given).map_err(ApiError::internal)?);
    super::returns::save_outcome(conn, &full.ret)?;
    step(
        conn,
        &mut full,
        Action::Complete,
        "completed",
        actor,
        serde_json::to_value(given).map_err(ApiError::internal)?,
    )?;
    Ok(full)
}

/// Cancels a return that has not travelled; its labels are voided.
pub fn cancel(
    conn: &mut DbConn,
    brand_id: &str,
    id: &str,
    actor: &str,
    order_id: Option<&str>,
) -> Result<FullReturn, ApiError> {
    let mut full = load(conn, brand_id, id)?;
    if order_id.is_some_and(|o| o != full.ret.order_id) {
        return Err(super::returns::not_found());
    }
    let from = full.ret.status();
    if transition(from, Action::Cancel).is_none() {
        return Err(match from {
            ReturnStatus::InTransit | ReturnStatus::PartiallyReceived | ReturnStatus::Received => {
                ApiError::conflict(
                    "not_cancellable",
                    "The parcel is already on its way; the return can no longer be cancelled.",
                )
            }
            _ => invalid(from, "cancelled"),
        });
    }
    super::returns::cancel_labels(conn, &full.ret.id)?;
    step(
        conn,
        &mut full,
        Action::Cancel,
        "cancelled",
        actor,
        serde_json::json!({}),
    )?;
    for label in &mut full.labels {
        if label.status == "pending" || label.status == "ready" {
            label.status = "cancelled".into();
        }
    }
    Ok(full)
}
