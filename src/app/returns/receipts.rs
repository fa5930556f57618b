//! The warehouse side: receipts by scan, each received unit's disposition,
//! the inventory ledger and catalogue stock.
//!
//! A receipt is one transaction under the return's row lock: the scanned
//! lines are matched to the items (`domain::receipts`), the items and parts
//! move as `…/receive` moves them, each unit gets its disposition from the
//! brand's rules (`domain::dispositions`), the ledger gets one movement per
//! SKU and disposition, restocked units go back to the catalogue's stock,
//! and one `inventory.adjusted` webhook carries the receipt. Two scanners
//! receiving one return queue on its row, so neither can take units the
//! other took; an `Idempotency-Key` replays the first answer.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::super::{AppState, merchant_brand, return_not_found};
use super::parts::{Settle, apply, receive_items};
use super::publish;
use super::views::Renderer;
use crate::auth::Merchant;
use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::idempotency::Seen;
use crate::db::receipts::{MovementRow, ReceiptRow, UnitRow};
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::domain::dispositions::{Disposition, Outcome, Unit, check_outcome, decide};
use crate::domain::events::EventType;
pub use crate::domain::receipts::ReceiptInput;
use crate::domain::receipts::{Allocation, Expected, ScanLine, allocate};
use crate::domain::return_status::{Action, ReturnStatus, step};
use crate::domain::review::{ReceiveInput, ReceiveItemInput};
use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode};

/// A received unit and where it goes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReceiptUnitView {
    /// Id (`rcu_…`), for `PATCH …/units/{unit_id}`.
    pub id: String,
    /// Its return item; null for a unit that was not in the return.
    pub return_item_id: Option<String>,
    /// SKU.
    pub sku: String,
    /// Condition found.
    pub condition_code: Option<String>,
    /// Received damaged.
    pub damaged: bool,
    /// Not in the return: recorded, not counted against its items.
    pub unexpected: bool,
    /// Unit price (minor units, the receipt's currency; 0 when unexpected).
    pub unit_value: i64,
    /// Where it goes.
    pub disposition: Disposition,
    /// Grade.
    pub grade: Option<String>,
    /// The rule that chose the disposition (null: the brand's default).
    pub rule_id: Option<String>,
    /// Who changed the disposition by hand, if anyone.
    pub overridden_by: Option<String>,
    /// When.
    pub overridden_at: Option<DateTime<Utc>>,
}

/// A movement of the inventory ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MovementView {
    /// Id (`imv_…`).
    pub id: String,
    /// Number in the brand's ledger: increasing, without gaps once
    /// committed.
    pub sequence: i64,
    /// SKU.
    pub sku: String,
    /// Location.
    pub location: Option<String>,
    /// Units into (positive) or out of (negative) the disposition.
    pub quantity: i32,
    /// Disposition.
    pub disposition: Disposition,
    /// Grade.
    pub grade: Option<String>,
    /// Return.
    pub return_id: String,
    /// Receipt.
    pub receipt_id: String,
    /// `received` (a scan) or `reclassified` (a disposition changed).
    #[schema(example = "received")]
    pub kind: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A receipt: one scan of a return's parcel.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReceiptView {
    /// Id (`rcp_…`).
    pub id: String,
    /// The return.
    pub return_id: String,
    /// Its RMA number.
    pub rma_number: String,
    /// The return's status after the receipt.
    pub return_status: ReturnStatus,
    /// What was scanned to find the return (RMA or tracking number).
    pub reference: String,
    /// Where the units were received.
    pub location: Option<String>,
    /// Who scanned.
    pub actor: String,
    /// Currency of unit values.
    #[schema(example = "EUR")]
    pub currency: String,
    /// Units, in scan order.
    pub units: Vec<ReceiptUnitView>,
    /// Every ledger movement of this receipt, overrides included.
    pub movements: Vec<MovementView>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A page of receipts.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptList {
    /// Newest first.
    pub data: Vec<ReceiptView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// A page of the inventory ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovementList {
    /// Oldest first.
    pub data: Vec<MovementView>,
    /// Where to resume: pass it as `cursor` to get what was recorded after
    /// this page (also when the page is empty, to poll for more).
    pub next_cursor: String,
    /// More movements follow right away.
    pub has_more: bool,
}

/// Body of a disposition override.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitOverride {
    /// The new disposition.
    pub disposition: Disposition,
    /// Grade (e.g. `b`).
    #[serde(default)]
    #[schema(example = "b", pattern = "^[a-z][a-z0-9_]*$", max_length = 50)]
    pub grade: Option<String>,
}

/// The answer of a scan: new, or the first answer replayed for its key.
pub enum Scanned {
    /// Recorded now: status, JSON body, the receipt's id (none for
    /// `…/receive`, which answers the return).
    New(u16, String, Option<String>),
    /// A retry: the status and body of the first answer.
    Replay(u16, String),
}

fn actor(m: &Merchant) -> String {
    format!("merchant:{}", m.key_id)
}

fn at(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

fn receipt_not_found() -> ApiError {
    ApiError::new(ErrorCode::ReceiptNotFound, "No such receipt.")
}

fn movement_view(m: &MovementRow) -> MovementView {
    MovementView {
        id: m.id.clone(),
        sequence: m.seq,
        sku: m.sku.clone(),
        location: m.location.clone(),
        quantity: m.quantity,
        disposition: Disposition::parse(&m.disposition).unwrap_or(Disposition::Quarantine),
        grade: m.grade.clone(),
        return_id: m.return_id.clone(),
        receipt_id: m.receipt_id.clone(),
        kind: m.kind.clone(),
        created_at: at(m.created_at),
    }
}

fn unit_view(u: &UnitRow) -> ReceiptUnitView {
    ReceiptUnitView {
        id: u.id.clone(),
        return_item_id: u.return_item_id.clone(),
        sku: u.sku.clone(),
        condition_code: u.condition_code.clone(),
        damaged: u.damaged,
        unexpected: u.unexpected,
        unit_value: u.unit_value,
        disposition: Disposition::parse(&u.disposition).unwrap_or(Disposition::Quarantine),
        grade: u.grade.clone(),
        rule_id: u.rule_id.clone(),
        overridden_by: u.overridden_by.clone(),
        overridden_at: u.overridden_at.map(at),
    }
}

/// The view of a receipt as stored now.
fn view_of(
    conn: &mut DbConn,
    receipt: &ReceiptRow,
    units: &[UnitRow],
    ret: &crate::db::rows::ReturnRow,
) -> Result<ReceiptView, ApiError> {
    let movements = crate::db::receipts::movements_of(conn, &receipt.brand_id, &receipt.id)?;
    Ok(ReceiptView {
        id: receipt.id.clone(),
        return_id: receipt.return_id.clone(),
        rma_number: ret.rma_number.clone(),
        return_status: ret.status,
        reference: receipt.reference.clone(),
        location: receipt.location.clone(),
        actor: receipt.actor.clone(),
        currency: ret.currency.clone(),
        units: units.iter().map(unit_view).collect(),
        movements: movements.iter().map(movement_view).collect(),
        created_at: at(receipt.created_at),
    })
}

/// Records the webhooks of receipt events with the receipt as their data.
fn publish_receipt(
    conn: &mut DbConn,
    events: &[EventRow],
    view: &ReceiptView,
) -> Result<(), ApiError> {
    let data = serde_json::value::to_raw_value(view).map_err(ApiError::internal)?;
    crate::db::events::publish(conn, events, &data)?;
    Ok(())
}

/// What the rules know of the units of one return: per item its reason,
/// price, vendor and days since delivery; per SKU its catalogue tags.
struct Facts {
    now: NaiveDateTime,
    delivered: HashMap<String, NaiveDateTime>,
    tags: HashMap<String, Vec<String>>,
}

impl Facts {
    fn load(
        conn: &mut DbConn,
        full: &FullReturn,
        allocations: &[Allocation],
    ) -> Result<Facts, ApiError> {
        let mut delivered = HashMap::new();
        if let Some(order) = crate::db::orders::by_id(conn, &full.ret.brand_id, &full.ret.order_id)?
        {
            for s in order.order()?.shipments {
                if let Some(d) = s.delivered_at {
                    for l in s.lines {
                        let e = delivered.entry(l.line_id).or_insert(d.naive_utc());
                        *e = (*e).max(d.naive_utc());
                    }
                }
            }
        }
        let mut tags = HashMap::new();
        for a in allocations {
            if !tags.contains_key(&a.sku) {
                let t = crate::db::receipts::product_tags(conn, &full.ret.brand_id, &a.sku)?;
                tags.insert(a.sku.clone(), t);
            }
        }
        Ok(Facts {
            now: crate::db::now(),
            delivered,
            tags,
        })
    }
}

/// Records a scan on a loaded, locked return: items, parts and the
/// return move; units, ledger and stock are written; the return's events
/// and the receipt's `inventory.adjusted` are recorded and published.
/// Returns the receipt and the return's own events.
fn record(
    conn: &mut DbConn,
    render: &Renderer,
    full: &mut FullReturn,
    settings: &ReturnsSettings,
    input: &ReceiptInput,
    actor: &str,
) -> Result<(ReceiptView, crate::app::returns::views::ReturnView), ApiError> {
    step(full.ret.status, Action::ReceivePart)?;
    let expected: Vec<Expected<'_>> = full
        .items
        .iter()
        .map(|i| Expected {
            id: &i.id,
            sku: &i.sku,
            outstanding: (i.approved_quantity - i.received_quantity).max(0) as u32,
        })
        .collect();
    let allocations = allocate(&expected, &input.items)?;
    let facts = Facts::load(conn, full, &allocations)?;
    let receive = ReceiveInput {
        items: allocations
            .iter()
            .filter_map(|a| {
                Some(ReceiveItemInput {
                    return_item_id: a.item_id.clone()?,
                    quantity: a.quantity,
                    damaged_quantity: a.damaged,
                    condition_code: a.condition_code.clone(),
                })
            })
            .collect(),
    };
    let receipt = ReceiptRow {
        id: crate::domain::ids::new_id("rcp"),
        brand_id: full.ret.brand_id.clone(),
        return_id: full.ret.id.clone(),
        reference: input.reference.trim().to_string(),
        location: input.location.clone(),
        actor: actor.to_string(),
        created_at: facts.now,
    };
    let mut events = Vec::new();
    if !receive.items.is_empty() {
        let moves = receive_items(conn, full, &receive)?;
        let details = serde_json::json!({
            "receipt_id": receipt.id,
            "partial": !full.items.iter().all(|i| i.received_quantity >= i.approved_quantity),
            "items": receive.items.iter().map(|a| serde_json::json!({
                "return_item_id": a.return_item_id, "quantity": a.quantity,
                "damaged_quantity": a.damaged_quantity, "condition_code": a.condition_code,
            })).collect::<Vec<_>>(),
        });
        events = apply(
            conn,
            full,
            moves,
            Settle {
                actor,
                details,
                whole: true,
                always: Some(EventType::ReturnReceived),
            },
        )?;
    }
    let units = units_of(full, settings, &facts, &allocations, &receipt);
    crate::db::receipts::insert(conn, &receipt, &units)?;
    crate::db::returns::touch(conn, &full.ret.id, receipt.created_at)?;
    let mut groups: Vec<(String, Outcome, i32)> = Vec::new();
    for u in &units {
        let outcome = Outcome {
            disposition: Disposition::parse(&u.disposition).unwrap_or(Disposition::Quarantine),
            grade: u.grade.clone(),
        };
        match groups
            .iter_mut()
            .find(|(sku, o, _)| *sku == u.sku && *o == outcome)
        {
            Some(g) => g.2 += 1,
            None => groups.push((u.sku.clone(), outcome, 1)),
        }
    }
    let movements = groups
        .into_iter()
        .map(|(sku, outcome, n)| movement(&receipt, &sku, &outcome, n, "received"))
        .collect();
    move_stock(conn, &receipt.brand_id, movements, facts.now)?;
    let view = view_of(conn, &receipt, &units, &full.ret)?;
    let return_view = publish(conn, render, full, &events)?;
    let adjusted = record_event(
        conn,
        full,
        actor,
        EventType::InventoryAdjusted,
        &view,
        serde_json::json!({ "receipt_id": receipt.id, "location": receipt.location }),
    )?;
    publish_receipt(conn, &[adjusted], &view)?;
    Ok((view, return_view))
}

/// Each unit of the allocations with its disposition.
fn units_of(
    full: &FullReturn,
    settings: &ReturnsSettings,
    facts: &Facts,
    allocations: &[Allocation],
    receipt: &ReceiptRow,
) -> Vec<UnitRow> {
    let mut units = Vec::new();
    for a in allocations {
        let item = a
            .item_id
            .as_deref()
            .and_then(|id| full.items.iter().find(|i| i.id == id));
        let vendor = item.and_then(|i| {
            full.shipments
                .iter()
                .find(|s| s.id == i.shipment_id)
                .and_then(|s| s.vendor_id.as_deref())
        });
        let days = item
            .and_then(|i| facts.delivered.get(&i.order_line_id))
            .map(|d| (facts.now - *d).num_days());
        let no_tags = Vec::new();
        for n in 0..a.quantity {
            let fact = Unit {
                condition_code: a.condition_code.as_deref(),
                damaged: n < a.damaged,
                reason_code: item.map(|i| i.reason_code.as_str()),
                product_tags: facts.tags.get(&a.sku).unwrap_or(&no_tags),
                vendor,
                days_since_delivery: days,
                unit_value: item.map_or(0, |i| i.unit_price),
                unexpected: item.is_none(),
            };
            let (outcome, rule) = decide(
                &settings.disposition_rules,
                &settings.default_disposition,
                &fact,
            );
            units.push(UnitRow {
                id: crate::domain::ids::new_id("rcu"),
                receipt_id: receipt.id.clone(),
                brand_id: receipt.brand_id.clone(),
                return_id: receipt.return_id.clone(),
                return_item_id: a.item_id.clone(),
                position: units.len() as i32,
                sku: a.sku.clone(),
                condition_code: a.condition_code.clone(),
                damaged: fact.damaged,
                unexpected: fact.unexpected,
                unit_value: fact.unit_value,
                disposition: outcome.disposition.as_str().to_string(),
                grade: outcome.grade.clone(),
                rule_id: rule.map(str::to_string),
                overridden_by: None,
                overridden_at: None,
                created_at: receipt.created_at,
            });
        }
    }
    units
}

fn movement(
    receipt: &ReceiptRow,
    sku: &str,
    outcome: &Outcome,
    quantity: i32,
    kind: &str,
) -> MovementRow {
    MovementRow {
        brand_id: receipt.brand_id.clone(),
        seq: 0,
        id: crate::domain::ids::new_id("imv"),
        sku: sku.to_string(),
        location: receipt.location.clone(),
        quantity,
        disposition: outcome.disposition.as_str().to_string(),
        grade: outcome.grade.clone(),
        return_id: receipt.return_id.clone(),
        receipt_id: receipt.id.clone(),
        kind: kind.to_string(),
        created_at: crate::db::now(),
    }
}

/// Appends movements to the ledger and moves the catalogue's stock by
/// their restocked units (SKUs the catalogue does not hold are left).
fn move_stock(
    conn: &mut DbConn,
    brand_id: &str,
    movements: Vec<MovementRow>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let restock = Disposition::Restock.as_str();
    for m in crate::db::receipts::append(conn, brand_id, movements)? {
        if m.disposition == restock {
            crate::db::receipts::add_stock(conn, brand_id, &m.sku, i64::from(m.quantity), now)?;
        }
    }
    Ok(())
}

fn record_event(
    conn: &mut DbConn,
    full: &FullReturn,
    actor: &str,
    event_type: EventType,
    view: &ReceiptView,
    mut details: serde_json::Value,
) -> Result<EventRow, ApiError> {
    if let Some(d) = details.as_object_mut() {
        d.insert(
            "movements".into(),
            serde_json::to_value(&view.movements).map_err(ApiError::internal)?,
        );
    }
    Ok(crate::db::events::record_event(
        conn,
        &full.ret,
        NewEvent {
            event_type,
            actor,
            from: None,
            to: None,
            details,
            shipment_id: None,
        },
    )?)
}

/// Runs a write once per `Idempotency-Key` (the caller holds the row
/// lock that serializes its retries): a retry with the same body replays
/// the first answer, another body with the key is 422
/// `idempotency_key_reused`; without a key, the write just runs. The write
/// gives its JSON body and the id of what it created.
pub(crate) fn once<B, F>(
    conn: &mut DbConn,
    brand_id: &str,
    key: Option<&str>,
    scope: &str,
    input: &B,
    status: u16,
    write: F,
) -> Result<Scanned, ApiError>
where
    B: Serialize,
    F: FnOnce(&mut DbConn) -> Result<(String, Option<String>), ApiError>,
{
    let Some(key) = key else {
        let (body, id) = write(conn)?;
        return Ok(Scanned::New(status, body, id));
    };
    let raw = serde_json::to_vec(input).map_err(ApiError::internal)?;
    let hash = crate::db::idempotency::request_hash(scope, &raw);
    match crate::db::idempotency::find(conn, brand_id, key, &hash)? {
        Some(Seen::Replay(status, body)) => return Ok(Scanned::Replay(status, body)),
        Some(Seen::Mismatch) => {
            return Err(ApiError::new(
                ErrorCode::IdempotencyKeyReused,
                "This Idempotency-Key was used with a different request; use a new key.",
            ));
        }
        None => {}
    }
    let (body, id) = write(conn)?;
    if !crate::db::idempotency::store(conn, brand_id, key, &hash, status, &body)? {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Another request with this Idempotency-Key is in progress; retry it.",
        ));
    }
    Ok(Scanned::New(status, body, id))
}

/// Records a scan (see the module). With `key`, a retry with the same body
/// replays the first answer, and another body with it is 422.
pub async fn scan(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    input: ReceiptInput,
    key: Option<String>,
) -> Result<Scanned, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let render = Renderer::new(state);
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (settings, _) = crate::db::settings::get(conn, &brand.id)?;
            input.check(&settings)?;
            let return_id =
                crate::db::receipts::return_of_reference(conn, &brand.id, &input.reference)?
                    .ok_or_else(return_not_found)?;
            let mut full = crate::db::returns::load_locked(conn, &brand.id, &return_id)?
                .ok_or_else(return_not_found)?;
            let scope = format!("receipt:{}", brand.id);
            once(
                conn,
                &brand.id,
                key.as_deref(),
                &scope,
                &input,
                201,
                |conn| {
                    let (view, _) = record(
                        conn,
                        &render,
                        &mut full,
                        &settings,
                        &input,
                        &actor(&merchant),
                    )?;
                    let body = serde_json::to_string(&view).map_err(ApiError::internal)?;
                    Ok((body, Some(view.id)))
                },
            )
        })
        .await
}

/// The merchant's receive (`POST …/returns/{id}/receive`): the same
/// receipt, its lines naming items, found by the return's id; answers the
/// return. Its body rules stay those of receive (422 for more units than
/// approved).
pub(crate) fn receive_loaded(
    conn: &mut DbConn,
    render: &Renderer,
    full: &mut FullReturn,
    input: &ReceiveInput,
    actor: &str,
) -> Result<crate::app::returns::views::ReturnView, ApiError> {
    step(full.ret.status, Action::ReceivePart)?;
    let (settings, _) = crate::db::settings::get(conn, &full.ret.brand_id)?;
    crate::domain::review::receive(&super::parts::quantities(full, None), input, &settings)?;
    let scan = ReceiptInput {
        reference: full.ret.rma_number.clone(),
        location: None,
        items: input
            .items
            .iter()
            .map(|a| ScanLine {
                return_item_id: Some(a.return_item_id.clone()),
                sku: None,
                quantity: a.quantity,
                damaged_quantity: a.damaged_quantity,
                condition_code: a.condition_code.clone(),
            })
            .collect(),
    };
    let (_, view) = record(conn, render, full, &settings, &scan, actor)?;
    Ok(view)
}

/// A receipt of the brand.
pub async fn get(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<ReceiptView, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (receipt, units) =
                crate::db::receipts::get(conn, &brand.id, &id)?.ok_or_else(receipt_not_found)?;
            let ret = crate::db::returns::row(conn, &brand.id, &receipt.return_id)?
                .ok_or_else(receipt_not_found)?;
            view_of(conn, &receipt, &units, &ret)
        })
        .await
}

/// Receipts of the brand (of one return), newest first.
pub async fn list(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    return_id: Option<String>,
    limit: i64,
    cursor: Option<String>,
) -> Result<ReceiptList, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let rows = crate::db::receipts::list(
                conn,
                &brand.id,
                return_id.as_deref(),
                cursor.as_deref(),
                limit + 1,
            )?;
            let more = rows.len() as i64 > limit;
            let rows: Vec<ReceiptRow> = rows.into_iter().take(limit as usize).collect();
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut units: HashMap<String, Vec<UnitRow>> = HashMap::new();
            for u in crate::db::receipts::units_of(conn, &ids)? {
                units.entry(u.receipt_id.clone()).or_default().push(u);
            }
            let mut data = Vec::with_capacity(rows.len());
            for r in &rows {
                let Some(ret) = crate::db::returns::row(conn, &brand.id, &r.return_id)? else {
                    continue;
                };
                let mine = units.remove(&r.id).unwrap_or_default();
                data.push(view_of(conn, r, &mine, &ret)?);
            }
            let next_cursor = more
                .then(|| rows.last().map(|r| crate::app::pagination::encode(&r.id)))
                .flatten();
            Ok(ReceiptList { data, next_cursor })
        })
        .await
}

/// Changes a received unit's disposition (the same one again changes
/// nothing): the ledger moves the unit from the old disposition to the new,
/// catalogue stock follows a restock taken back or given, and the change is
/// recorded as `receipt.unit_overridden` with `inventory.adjusted`.
pub async fn override_unit(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    receipt_id: &str,
    unit_id: &str,
    input: UnitOverride,
) -> Result<ReceiptView, ApiError> {
    let outcome = Outcome {
        disposition: input.disposition,
        grade: input.grade,
    };
    if let Some(e) = check_outcome(&outcome, "") {
        let field = e.field.trim_start_matches('.').to_string();
        return Err(ApiError::field(field, e.code, e.message));
    }
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let (receipt_id, unit_id) = (receipt_id.to_string(), unit_id.to_string());
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let (receipt, _) = crate::db::receipts::get(conn, &brand.id, &receipt_id)?
                .ok_or_else(receipt_not_found)?;
            let full = crate::db::returns::load_locked(conn, &brand.id, &receipt.return_id)?
                .ok_or_else(receipt_not_found)?;
            let (_, mut units) = crate::db::receipts::get(conn, &brand.id, &receipt_id)?
                .ok_or_else(receipt_not_found)?;
            let unit = units
                .iter_mut()
                .find(|u| u.id == unit_id)
                .ok_or_else(|| ApiError::new(ErrorCode::UnitNotFound, "No such unit."))?;
            let before = Outcome {
                disposition: Disposition::parse(&unit.disposition)
                    .unwrap_or(Disposition::Quarantine),
                grade: unit.grade.clone(),
            };
            if before == outcome {
                return view_of(conn, &receipt, &units, &full.ret);
            }
            let now = crate::db::now();
            let who = actor(&merchant);
            unit.disposition = outcome.disposition.as_str().to_string();
            unit.grade = outcome.grade.clone();
            unit.overridden_by = Some(who.clone());
            unit.overridden_at = Some(now);
            crate::db::receipts::set_disposition(conn, unit)?;
            crate::db::returns::touch(conn, &unit.return_id, now)?;
            let sku = unit.sku.clone();
            let changed = unit.id.clone();
            move_stock(
                conn,
                &brand.id,
                vec![
                    movement(&receipt, &sku, &before, -1, "reclassified"),
                    movement(&receipt, &sku, &outcome, 1, "reclassified"),
                ],
                now,
            )?;
            let view = view_of(conn, &receipt, &units, &full.ret)?;
            let overridden = record_event(
                conn,
                &full,
                &who,
                EventType::ReceiptUnitOverridden,
                &view,
                serde_json::json!({
                    "receipt_id": receipt.id, "unit_id": changed, "sku": sku,
                    "from": before, "to": outcome,
                }),
            )?;
            let adjusted = record_event(
                conn,
                &full,
                &who,
                EventType::InventoryAdjusted,
                &view,
                serde_json::json!({ "receipt_id": receipt.id, "location": receipt.location }),
            )?;
            publish_receipt(conn, &[overridden, adjusted], &view)?;
            Ok(view)
        })
        .await
}

/// The brand's ledger after `cursor` (a sequence number; the start when
/// absent), oldest first, optionally only movements at or after `since`.
pub async fn movements(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    cursor: Option<String>,
    since: Option<DateTime<Utc>>,
    limit: i64,
) -> Result<MovementList, ApiError> {
    let after: i64 = cursor
        .as_deref()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
        .max(0);
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let rows = crate::db::receipts::movements(
                conn,
                &brand.id,
                after,
                since.map(|t| t.naive_utc()),
                limit + 1,
            )?;
            let has_more = rows.len() as i64 > limit;
            let data: Vec<MovementView> = rows
                .iter()
                .take(limit as usize)
                .map(movement_view)
                .collect();
            let last = data.last().map_or(after, |m| m.sequence);
            Ok(MovementList {
                data,
                next_cursor: crate::app::pagination::encode(&last.to_string()),
                has_more,
            })
        })
        .await
}
