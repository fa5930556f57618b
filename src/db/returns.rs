//! Returns, their items, shipments, labels and audit events.

use std::collections::HashMap;

use diesel::prelude::*;
use serde_json::value::RawValue;

use super::schema::{labels, return_events, return_items, return_shipments, returns};
use super::{DbConn, DbError, DbResult, OneRow};
use crate::domain::events::{Envelope, EventType};
use crate::domain::labels::{LabelEvent, LabelKind, LabelStatus};
use crate::domain::parts::PartStatus;
use crate::domain::return_status::{INACTIVE, ReturnStatus};

/// A row of `returns`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = returns, treat_none_as_default_value = false)]
pub struct ReturnRow {
    /// Id (`ret_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Order.
    pub order_id: String,
    /// Order number.
    pub order_number: String,
    /// Human-facing number (`RET-7K3Q9X`).
    pub rma_number: String,
    /// Status ([`ReturnStatus`] stored form).
    pub status: String,
    /// Return method (JSON of `MethodRequest`, carrier resolved).
    pub return_method: String,
    /// Requested resolution (JSON of `ResolutionRequest`).
    pub resolution: String,
    /// Resolution given at completion (JSON).
    pub resolution_given: Option<String>,
    /// Rejection reason and note (JSON).
    pub rejection: Option<String>,
    /// Customer's locale.
    pub locale: String,
    /// Order currency.
    pub currency: String,
    /// Fee charged (minor units).
    pub return_fee: Option<i64>,
    /// Estimated refund (minor units).
    pub estimated_refund: i64,
    /// Creation time.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

impl ReturnRow {
    /// Parsed status (unknown values read as `requested`, which the table never holds).
    pub fn status(&self) -> ReturnStatus {
        ReturnStatus::parse(&self.status).unwrap_or(ReturnStatus::Requested)
    }
}

/// A row of `return_items`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_items, treat_none_as_default_value = false)]
pub struct ItemRow {
    /// Id (`rit_…`).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Return shipment carrying it.
    pub shipment_id: String,
    /// Order.
    pub order_id: String,
    /// Order line.
    pub order_line_id: String,
    /// Position in the request.
    pub position: i32,
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Unit price (minor units, order currency).
    pub unit_price: i64,
    /// Requested units.
    pub requested_quantity: i32,
    /// Approved units.
    pub approved_quantity: i32,
    /// Received units.
    pub received_quantity: i32,
    /// Received units that were damaged.
    pub damaged_quantity: i32,
    /// Reason.
    pub reason_code: String,
    /// Comment.
    pub comment: Option<String>,
    /// Condition stated by the customer.
    pub condition_code: Option<String>,
    /// Condition found at receipt.
    pub received_condition_code: Option<String>,
    /// Photo ids (JSON array).
    pub image_ids: String,
    /// Why units were not approved.
    pub rejection_reason: Option<String>,
    /// Commission per unit on the order line (minor units), if ingested.
    pub unit_commission: Option<i64>,
}

/// A row of `return_shipments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_shipments, treat_none_as_default_value = false)]
pub struct ShipmentRow {
    /// Id (`rsh_…`).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Position.
    pub position: i32,
    /// Return address id from the settings.
    pub address_id: String,
    /// Snapshot of the address (JSON).
    pub address: String,
    /// Carrier.
    pub carrier: Option<String>,
    /// Current tracking status (that of the latest scan), once the carrier reported.
    pub tracking_status: Option<String>,
    /// When the latest scan happened.
    pub tracking_updated_at: Option<chrono::NaiveDateTime>,
    /// The vendor whose part this is (its address is the vendor's).
    pub vendor_id: Option<String>,
    /// Status of the part ([`PartStatus`] stored form).
    pub status: String,
    /// Until when the vendor may answer before the merchant may decide.
    pub vendor_due_at: Option<chrono::NaiveDateTime>,
    /// Why the part was rejected (JSON of `Rejection`), when it was on its own.
    pub rejection: Option<String>,
    /// Resolution given for the part (JSON of `ResolutionGiven`).
    pub resolution_given: Option<String>,
    /// Commission given back to the vendor's account at completion (minor units).
    pub commission_reversal: Option<i64>,
}

impl ShipmentRow {
    /// Parsed part status (unknown values read as `requested`, which the
    /// table never holds otherwise).
    pub fn status(&self) -> PartStatus {
        PartStatus::parse(&self.status).unwrap_or(PartStatus::Requested)
    }
}

/// A row of `labels`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = labels, treat_none_as_default_value = false)]
pub struct LabelRow {
    /// Id (`lbl_…`).
    pub id: String,
    /// Shipment (one label per shipment).
    pub shipment_id: String,
    /// Return.
    pub return_id: String,
    /// Brand.
    pub brand_id: String,
    /// `pdf` or `qr`.
    pub kind: String,
    /// `pending`, `ready`, `failed` or `cancelled`.
    pub status: String,
    /// Carrier.
    pub carrier: String,
    /// Tracking number once ready.
    pub tracking_number: Option<String>,
    /// Code shown as QR at a label-less drop-off.
    pub dropoff_code: Option<String>,
    /// File under the data directory.
    pub file_path: Option<String>,
    /// Carrier's reason when failed.
    pub error: Option<String>,
    /// Creation.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

impl LabelRow {
    /// Parsed status (unknown values read as `pending`, which the table never holds otherwise).
    pub fn status(&self) -> LabelStatus {
        LabelStatus::parse(&self.status).unwrap_or(LabelStatus::Pending)
    }

    /// Parsed kind (unknown values read as a PDF).
    pub fn kind(&self) -> LabelKind {
        LabelKind::parse(&self.kind).unwrap_or(LabelKind::Pdf)
    }
}

/// A row of `return_events`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = return_events, treat_none_as_default_value = false)]
pub struct EventRow {
    /// Id (`evt_…`, time-ordered).
    pub id: String,
    /// Return.
    pub return_id: String,
    /// Brand.
    pub brand_id: String,
    /// Type, e.g. `return.approved`.
    pub event_type: String,
    /// Who: `customer`, `merchant:<key id>` or `system`.
    pub actor: String,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: Option<String>,
    /// Details (JSON object).
    pub details: String,
    /// When.
    pub created_at: chrono::NaiveDateTime,
    /// The part it concerns, for events of one part.
    pub shipment_id: Option<String>,
}

/// A return with everything that belongs to it.
#[derive(Debug, Clone)]
pub struct FullReturn {
    /// The return.
    pub ret: ReturnRow,
    /// Items in request order.
    pub items: Vec<ItemRow>,
    /// Shipments in order.
    pub shipments: Vec<ShipmentRow>,
    /// Labels.
    pub labels: Vec<LabelRow>,
    /// Carrier scans of its shipments, oldest first.
    pub tracking: Vec<super::tracking::TrackingEventRow>,
    /// The vendors of its vendor parts.
    pub vendors: Vec<super::vendors::VendorRow>,
}

impl FullReturn {
    /// The statuses of its parts, in order.
    pub fn part_statuses(&self) -> Vec<PartStatus> {
        self.shipments.iter().map(ShipmentRow::status).collect()
    }

    /// The vendor of a part, if it has one.
    pub fn vendor_of(&self, shipment: &ShipmentRow) -> Option<&super::vendors::VendorRow> {
        let id = shipment.vendor_id.as_deref()?;
        self.vendors.iter().find(|v| v.id == id)
    }
}

/// Units per order line held by the order's active returns: requested units
/// while a return awaits review, approved units after.
pub fn active_quantities(conn: &mut DbConn, order_id: &str) -> DbResult<HashMap<String, u32>> {
    // Hot path (lookup, every return write): run on the backend connection
    // so the statement is cached by type; excluding the two inactive
    // statuses instead of listing the active ones keeps it cacheable.
    let rows: Vec<(String, String, i32, i32)> = crate::per_backend!(conn, c => return_items::table
        .inner_join(returns::table)
        .filter(return_items::order_id.eq(order_id))
        .filter(returns::status.ne(INACTIVE[0].as_str()))
        .filter(returns::status.ne(INACTIVE[1].as_str()))
        .select((
            return_items::order_line_id,
            returns::status,
            return_items::requested_quantity,
            return_items::approved_quantity,
        ))
        .load(c))?;
    let mut held: HashMap<String, u32> = HashMap::new();
    for (line, status, requested, approved) in rows {
        let units = if status == ReturnStatus::Requested.as_str() {
            requested
        } else {
            approved
        };
        *held.entry(line).or_default() += units.max(0) as u32;
    }
    Ok(held)
}

/// Inserts a new return and its parts.
///
/// The RMA number is unique: when the random one drawn is taken, a new one is
/// drawn (the insert itself detects it, no extra query).
pub fn insert(
    conn: &mut DbConn,
    full: &mut FullReturn,
    new_rma: impl Fn() -> String,
) -> DbResult<()> {
    let mut tries = 0;
    while crate::per_backend!(&mut *conn, c => diesel::insert_into(returns::table)
        .values(&full.ret)
        .on_conflict(returns::rma_number)
        .do_nothing()
        .execute(c))?
        == 0
    {
        tries += 1;
        if tries == 10 {
            return Err(DbError::Invariant(
                "no free RMA number after 10 tries".into(),
            ));
        }
        full.ret.rma_number = new_rma();
    }
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_shipments::table).values(&full.shipments).execute(c))?;
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_items::table).values(&full.items).execute(c))?;
    if !full.labels.is_empty() {
        crate::per_backend!(&mut *conn, c => diesel::insert_into(labels::table).values(&full.labels).execute(c))?;
    }
    Ok(())
}

/// The items, shipments, labels and carrier scans of a return.
pub(super) fn parts(conn: &mut DbConn, ret: ReturnRow) -> DbResult<FullReturn> {
    let items = return_items::table
        .filter(return_items::return_id.eq(&ret.id))
        .order(return_items::position.asc())
        .select(ItemRow::as_select())
        .load(conn)?;
    let shipments = return_shipments::table
        .filter(return_shipments::return_id.eq(&ret.id))
        .order(return_shipments::position.asc())
        .select(ShipmentRow::as_select())
        .load(conn)?;
    let labels = labels::table
        .filter(labels::return_id.eq(&ret.id))
        .select(LabelRow::as_select())
        .load(conn)?;
    // Only parcels a carrier reported on have scans to read.
    let tracking = if shipments.iter().any(|s| s.tracking_status.is_some()) {
        super::tracking::for_return(conn, &ret.id)?
    } else {
        Vec::new()
    };
    let vendor_ids: Vec<String> = shipments
        .iter()
        .filter_map(|s| s.vendor_id.clone())
        .collect();
    let vendors = if vendor_ids.is_empty() {
        Vec::new()
    } else {
        super::vendors::by_ids(conn, &ret.brand_id, &vendor_ids)?
    };
    Ok(FullReturn {
        ret,
        items,
        shipments,
        labels,
        tracking,
        vendors,
    })
}

/// A return of the brand, with its parts.
pub fn load(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<FullReturn>> {
    let ret = returns::table
        .find(id)
        .filter(returns::brand_id.eq(brand_id))
        .select(ReturnRow::as_select())
        .one(conn)?;
    ret.map(|r| parts(conn, r)).transpose()
}

/// Filters of the merchant list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Any of these statuses.
    pub statuses: Vec<String>,
    /// Created at or after.
    pub created_after: Option<chrono::NaiveDateTime>,
    /// Created before.
    pub created_before: Option<chrono::NaiveDateTime>,
    /// Order number key.
    pub order_number: Option<String>,
    /// Only returns with a part of this vendor.
    pub vendor_id: Option<String>,
    /// Only returns with a part (of that vendor, if named) in one of these statuses.
    pub part_statuses: Vec<String>,
}

/// A page of the brand's returns, newest first, before `cursor` (an id).
pub fn list(
    conn: &mut DbConn,
    brand_id: &str,
    filter: &Filter,
    cursor: Option<&str>,
    limit: i64,
) -> DbResult<Vec<FullReturn>> {
    let mut q = returns::table
        .filter(returns::brand_id.eq(brand_id))
        .select(ReturnRow::as_select())
        .order(returns::id.desc())
        .limit(limit)
        .into_boxed();
    if !filter.statuses.is_empty() {
        q = q.filter(returns::status.eq_any(filter.statuses.clone()));
    }
    if let Some(after) = filter.created_after {
        q = q.filter(returns::created_at.ge(after));
    }
    if let Some(before) = filter.created_before {
        q = q.filter(returns::created_at.lt(before));
    }
    if let Some(number) = &filter.order_number {
        use super::schema::orders;
        let ids = orders::table
            .filter(orders::brand_id.eq(brand_id))
            .filter(orders::number_key.eq(crate::domain::contact::identifier_key(number)))
            .select(orders::id);
        q = q.filter(returns::order_id.eq_any(ids));
    }
    let statuses = filter.part_statuses.clone();
    match (&filter.vendor_id, statuses.is_empty()) {
        (None, true) => {}
        (Some(vendor), true) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::vendor_id.eq(vendor.clone()))
                        .select(return_shipments::return_id),
                ),
            )
        }
        (Some(vendor), false) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::vendor_id.eq(vendor.clone()))
                        .filter(return_shipments::status.eq_any(statuses))
                        .select(return_shipments::return_id),
                ),
            )
        }
        (None, false) => {
            q = q.filter(
                returns::id.eq_any(
                    return_shipments::table
                        .filter(return_shipments::status.eq_any(statuses))
                        .select(return_shipments::return_id),
                ),
            )
        }
    }
    if let Some(cursor) = cursor {
        q = q.filter(returns::id.lt(cursor.to_string()));
    }
    let rows = q.load(conn)?;
    rows.into_iter().map(|r| parts(conn, r)).collect()
}

/// A return of the brand with its parts, its row locked until the
/// transaction ends on PostgreSQL, so that two changes of one return
/// (a merchant's cancel and a vendor's approval, say) decide one after
/// the other (SQLite writers are serialized: nothing to lock).
pub fn load_locked(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<FullReturn>> {
    macro_rules! query {
        () => {
            returns::table
                .find(id)
                .filter(returns::brand_id.eq(brand_id))
                .select(ReturnRow::as_select())
        };
    }
    let rows = match conn {
        DbConn::Pg(c) => query!().for_update().load(c)?,
        DbConn::Sqlite(c) => query!().load(c)?,
    };
    rows.into_iter().next().map(|r| parts(conn, r)).transpose()
}

/// Saves the status and outcome of a part.
pub fn save_part(conn: &mut DbConn, part: &ShipmentRow) -> DbResult<()> {
    diesel::update(return_shipments::table.find(&part.id))
        .set((
            return_shipments::status.eq(&part.status),
            return_shipments::vendor_due_at.eq(part.vendor_due_at),
            return_shipments::rejection.eq(&part.rejection),
            return_shipments::resolution_given.eq(&part.resolution_given),
            return_shipments::commission_reversal.eq(part.commission_reversal),
        ))
        .execute(conn)?;
    Ok(())
}

/// Returns of one order, newest first.
pub fn for_order(conn: &mut DbConn, order_id: &str) -> DbResult<Vec<FullReturn>> {
    let rows = returns::table
        .filter(returns::order_id.eq(order_id))
        .order(returns::id.desc())
        .limit(100)
        .select(ReturnRow::as_select())
        .load(conn)?;
    rows.into_iter().map(|r| parts(conn, r)).collect()
}

/// The audit trail of a return, oldest first.
pub fn events(conn: &mut DbConn, return_id: &str) -> DbResult<Vec<EventRow>> {
    Ok(return_events::table
        .filter(return_events::return_id.eq(return_id))
        .order(return_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?)
}

/// An event to record with [`record_event`] or [`event_rows`].
pub struct NewEvent<'a> {
    /// What happened.
    pub event_type: EventType,
    /// `customer`, `system`, `merchant:…`, `carrier:…`.
    pub actor: &'a str,
    /// Status before.
    pub from: Option<ReturnStatus>,
    /// Status after.
    pub to: Option<ReturnStatus>,
    /// Free-form details.
    pub details: serde_json::Value,
    /// The part it concerns, for events of one part.
    pub shipment_id: Option<&'a str>,
}

/// Records an event in the audit trail. Its webhook goes out with
/// [`publish`], once the change it belongs to is complete.
pub fn record_event(conn: &mut DbConn, ret: &ReturnRow, event: NewEvent<'_>) -> DbResult<EventRow> {
    let mut rows = event_rows(ret, vec![event]);
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_events::table)
        .values(&rows)
        .execute(c))?;
    rows.pop()
        .ok_or_else(|| DbError::Invariant("no event recorded".into()))
}

/// Enqueues the webhook jobs of events recorded in this transaction, each
/// carrying `data`: the return as the merchant API shows it after the
/// change (its JSON).
pub fn publish(conn: &mut DbConn, events: &[EventRow], data: &RawValue) -> DbResult<()> {
    super::outbox::enqueue_all(conn, &event_jobs(events, data))
}

/// Inserts events and their outbox rows: one statement each.
pub fn insert_events(
    conn: &mut DbConn,
    rows: &[EventRow],
    jobs: &[super::outbox::JobRow],
) -> DbResult<()> {
    crate::per_backend!(&mut *conn, c => diesel::insert_into(return_events::table)
        .values(rows)
        .execute(c))?;
    super::outbox::enqueue_all(conn, jobs)
}

/// The rows of new events of a return (nothing written).
pub fn event_rows(ret: &ReturnRow, events: Vec<NewEvent<'_>>) -> Vec<EventRow> {
    let created_at = super::now();
    events
        .into_iter()
        .map(|e| EventRow {
            id: crate::domain::ids::new_id("evt"),
            return_id: ret.id.clone(),
            brand_id: ret.brand_id.clone(),
            event_type: e.event_type.as_str().to_string(),
            actor: e.actor.to_string(),
            from_status: e.from.map(|s| s.as_str().to_string()),
            to_status: e.to.map(|s| s.as_str().to_string()),
            details: e.details.to_string(),
            created_at,
            shipment_id: e.shipment_id.map(str::to_string),
        })
        .collect()
}

/// The webhook jobs of events: one per event, its payload the envelope to
/// deliver (the same bytes on every attempt and to every endpoint).
pub fn event_jobs(events: &[EventRow], data: &RawValue) -> Vec<super::outbox::JobRow> {
    events
        .iter()
        .filter_map(|event| {
            let event_type = EventType::parse(&event.event_type)?;
            let envelope = Envelope {
                id: &event.id,
                event_type,
                created_at: event.created_at.and_utc(),
                data,
            };
            Some(super::outbox::new_raw_job(
                super::outbox::WEBHOOK,
                &event.brand_id,
                &event.return_id,
                Some(&format!("webhook:{}", event.id)),
                envelope.to_json(),
            ))
        })
        .collect()
}

/// Saves a new status.
pub fn set_status(conn: &mut DbConn, ret: &mut ReturnRow, status: ReturnStatus) -> DbResult<()> {
    ret.status = status.as_str().to_string();
    ret.updated_at = super::now();
    diesel::update(returns::table.find(&ret.id))
        .set((
            returns::status.eq(&ret.status),
            returns::updated_at.eq(ret.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Saves the quantities and conditions of an item.
pub fn save_item(conn: &mut DbConn, item: &ItemRow) -> DbResult<()> {
    diesel::update(return_items::table.find(&item.id))
        .set((
            return_items::approved_quantity.eq(item.approved_quantity),
            return_items::received_quantity.eq(item.received_quantity),
            return_items::damaged_quantity.eq(item.damaged_quantity),
            return_items::received_condition_code.eq(&item.received_condition_code),
            return_items::rejection_reason.eq(&item.rejection_reason),
        ))
        .execute(conn)?;
    Ok(())
}

/// Saves the resolution given or the rejection.
pub fn save_outcome(conn: &mut DbConn, ret: &ReturnRow) -> DbResult<()> {
    diesel::update(returns::table.find(&ret.id))
        .set((
            returns::resolution_given.eq(&ret.resolution_given),
            returns::rejection.eq(&ret.rejection),
        ))
        .execute(conn)?;
    Ok(())
}

/// Creates the pending label of a shipment and its job, once: a second call
/// for the same shipment changes nothing.
pub fn enqueue_label(conn: &mut DbConn, label: &LabelRow) -> DbResult<()> {
    let inserted = crate::per_backend!(&mut *conn, c => diesel::insert_into(labels::table)
        .values(label)
        .on_conflict(labels::shipment_id)
        .do_nothing()
        .execute(c))?;
    if inserted == 1 {
        super::outbox::enqueue_all(conn, &[label_job(label)])?;
    }
    Ok(())
}

/// The job that produces `label` (one per shipment, deduplicated by it).
pub fn label_job(label: &LabelRow) -> super::outbox::JobRow {
    let payload = serde_json::json!({ "label_id": label.id, "shipment_id": label.shipment_id });
    super::outbox::new_job(
        super::outbox::LABEL,
        &label.brand_id,
        &label.shipment_id,
        Some(&format!("label:{}", label.shipment_id)),
        &payload,
    )
}

/// Voids the labels of a cancelled return (pending or ready: a printed label
/// must not be used any more) and cancels their pending jobs.
pub fn cancel_labels(conn: &mut DbConn, return_id: &str) -> DbResult<usize> {
    let voidable = super::labels::statuses(LabelStatus::sources(LabelEvent::Voided));
    let shipments: Vec<String> = labels::table
        .filter(labels::return_id.eq(return_id))
        .filter(labels::status.eq_any(&voidable))
        .select(labels::shipment_id)
        .load(conn)?;
    diesel::update(
        labels::table
            .filter(labels::return_id.eq(return_id))
            .filter(labels::status.eq_any(&voidable)),
    )
    .set((
        labels::status.eq(LabelStatus::Cancelled.as_str()),
        labels::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    super::outbox::cancel_for(conn, &shipments)?;
    Ok(shipments.len())
}
