//! Creating a return: check the request against the order as it is now,
//! then write the return with its parts, its events and their outbox rows,
//! the label jobs of an auto-approved return and the `Idempotency-Key` with
//! the response, all or nothing.
//!
//! On SQLite this runs inside the writer's transaction (writers are
//! serialized, nobody can interleave). On PostgreSQL the first attempt
//! takes no lock and no transaction: it reads the order with its
//! `returns_revision`, decides, and writes everything in one statement that
//! writes nothing unless the revision is still the one it read (and the key
//! is still free). Round trips, not locks, bound PostgreSQL here, and this
//! needs four instead of a dozen. An attempt that lost the race is made
//! again with the order row locked, so two creations for the same order
//! can never both take the same units.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::super::cache::PortalBrand;
use super::views::Renderer;
use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::idempotency::Seen;
use crate::db::orders::OrderRow;
use crate::db::return_create::{KeyClaim, NewReturnRows};
use crate::db::returns::FullReturn;
use crate::db::rows::{ItemRow, LabelRow, ReturnRow, ShipmentRow};
use crate::db::vendors::VendorRow;
use crate::domain::catalogue::Offer;
use crate::domain::eligibility::{Policy, evaluate};
use crate::domain::events::EventType;
use crate::domain::ids::{new_id, new_rma};
use crate::domain::labels::{LabelKind, LabelStatus};
use crate::domain::orders::Order;
use crate::domain::parts::{PartStatus, derive, on_merchant_approval, part_event, step_part};
use crate::domain::return_status::ReturnStatus;
use crate::domain::returns::{Checked, Context, CreateReturn, MethodRequest, PointFacts, check};
use crate::domain::settings::AddressKind;
use crate::domain::settings::ReturnsSettings;
use crate::error::{ApiError, ErrorCode};

/// What a creation needs.
pub struct NewReturn {
    /// Brand.
    pub brand_id: String,
    /// Order (from the access token).
    pub order_id: String,
    /// The brand and its settings.
    pub brand: Arc<PortalBrand>,
    /// The request.
    pub request: CreateReturn,
    /// `Idempotency-Key` and the request hash.
    pub idempotency: Option<(String, String)>,
}

/// What a creation did.
pub enum Created {
    /// A new return and the response body kept for replays.
    New(Box<FullReturn>, String),
    /// A replay of an earlier request with the same key: status and body.
    Replay(u16, String),
}

/// Attempts of a creation that keeps losing races (each one after the
/// first holds the order's row lock, so in practice the second succeeds).
const ATTEMPTS: usize = 8;

/// Decides and writes a new return, attempt after attempt until one did not
/// lose a race for its order (see the module documentation).
pub async fn decide_and_write(
    db: &crate::db::Db,
    input: NewReturn,
    render: Renderer,
) -> Result<Created, ApiError> {
    let input = Arc::new(input);
    // An exchange reserves stock: only inside a transaction, which the
    // first, lock-free attempt on PostgreSQL does not have.
    let first = usize::from(input.request.items.iter().any(exchanges_a_variant));
    for n in first..ATTEMPTS {
        let (input, render) = (input.clone(), render.clone());
        let run = move |conn: &mut DbConn| attempt(conn, &input, &render, n > 0);
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

/// The order of a portal token, within the brand.
pub fn token_order(
    conn: &mut DbConn,
    brand_id: &str,
    order_id: &str,
) -> Result<(OrderRow, Order), ApiError> {
    let row = crate::db::orders::by_id(conn, brand_id, order_id)?.ok_or_else(order_gone)?;
    let order = row.order()?;
    Ok((row, order))
}

fn order_gone() -> ApiError {
    ApiError::new(
        ErrorCode::OrderNotFound,
        "The order of this token no longer exists.",
    )
}

/// Checks a request against the current state of the order (preview and create).
pub fn evaluate_request(
    conn: &mut DbConn,
    brand_id: &str,
    order_id: &str,
    order: &Order,
    settings: &ReturnsSettings,
    req: &CreateReturn,
    now: DateTime<Utc>,
) -> Result<Checked, ApiError> {
    let held = crate::db::returns::active_quantities(conn, order_id)?;
    let eligibility = evaluate(order, Policy::from(settings), &held, now);
    let uploads = if req.items.iter().any(|i| !i.image_ids.is_empty()) {
        crate::db::uploads::unattached(conn, order_id)?
    } else {
        Default::default()
    };
    let point = match &req.return_method.service_point_id {
        Some(id) => crate::db::service_points::by_id(conn, id)?.map(|p| PointFacts {
            carrier: p.carrier,
            active: p.active,
            supports_labelless: p.supports_labelless,
        }),
        None => None,
    };
    // Only orders with vendor lines can be routed to a retired vendor: the
    // others skip the query.
    let in_house;
    let settings = if order.lines.iter().any(|l| l.vendor.is_some()) {
        let retired = crate::db::vendors::retired_line_vendors(conn, brand_id)?;
        in_house = crate::domain::vendors::route_in_house(settings, &retired);
        &in_house
    } else {
        settings
    };
    let offers = exchange_offers(conn, brand_id, order, req)?;
    let ctx = Context {
        order,
        settings,
        eligibility: &eligibility,
        held: &held,
        uploads: &uploads,
        service_point: point.as_ref(),
        today: now.date_naive(),
        offers: &offers,
    };
    Ok(check(req, &ctx))
}

/// One attempt of [`decide_and_write`]; `None` when it lost a race and wrote nothing.
/// With `lock`, the order row is locked first (inside a transaction).
fn attempt(
    conn: &mut DbConn,
    input: &NewReturn,
    render: &Renderer,
    lock: bool,
) -> Result<Option<Created>, ApiError> {
    if let Some((key, hash)) = &input.idempotency {
        match crate::db::idempotency::find(conn, &input.brand_id, key, hash)? {
            Some(Seen::Replay(status, body)) => return Ok(Some(Created::Replay(status, body))),
            Some(Seen::Mismatch) => return Err(key_reused()),
            None => {}
        }
    }
    let (order_row, revision) =
        crate::db::orders::with_revision(conn, &input.brand_id, &input.order_id, lock)?
            .ok_or_else(order_gone)?;
    let order = order_row.order()?;
    let checked = evaluate_request(
        conn,
        &input.brand_id,
        &input.order_id,
        &order,
        &input.brand.settings,
        &input.request,
        Utc::now(),
    )?;
    if !checked.is_valid() {
        return Err(checked.rejection());
    }
    let vendors = vendors_of(conn, &input.brand_id, &checked)?;
    let mut rows = new_rows(input, &order_row, &order, &checked, &vendors)?;
    let claim = input.idempotency.as_ref().map(|(key, hash)| KeyClaim {
        brand_id: &input.brand_id,
        key,
        hash,
    });
    // The response is the customer's view; the webhooks carry the
    // merchant's, which differs only for returns with vendor parts (the
    // customer sees a vendor's address once it approved).
    let render = |full: &FullReturn| -> Result<(String, Option<String>), ApiError> {
        let body = render.json(full)?;
        let data = if full.shipments.iter().any(|s| s.vendor_id.is_some()) {
            Some(render.clone().for_merchant().json(full)?)
        } else {
            None
        };
        Ok((body, data))
    };
    match conn {
        DbConn::Pg(c) => {
            let written = crate::db::return_create::create_guarded(
                c,
                &mut rows,
                &input.order_id,
                revision,
                claim,
                new_rma,
                &render,
            )?;
            if written.is_some() {
                reserve_exchanges(conn, &rows.full)?;
                released(conn, &input.brand.settings, &mut rows.full, &render)?;
            }
            Ok(written.map(|body| Created::New(Box::new(rows.full), body)))
        }
        DbConn::Sqlite(_) => {
            let body = crate::db::return_create::insert(conn, &mut rows, new_rma, &render)?;
            reserve_exchanges(conn, &rows.full)?;
            released(conn, &input.brand.settings, &mut rows.full, &render)?;
            if let Some(c) = claim
                && !crate::db::idempotency::store(conn, c.brand_id, c.key, c.hash, 201, &body)?
            {
                // The key was free when this transaction looked, and writers
                // are serialized: nobody can have taken it since.
                return Err(ApiError::internal(anyhow::anyhow!(
                    "idempotency key taken inside a serialized write"
                )));
            }
            Ok(Some(Created::New(Box::new(rows.full), body)))
        }
    }
}

/// Releases the replacements of an auto-approved return's instant
/// exchanges, in the creation's transaction, with their events' webhooks
/// (nothing when the return has no exchange or waits for review).
fn released<F>(
    conn: &mut DbConn,
    settings: &ReturnsSettings,
    full: &mut FullReturn,
    render: &F,
) -> Result<(), ApiError>
where
    F: Fn(&FullReturn) -> Result<(String, Option<String>), ApiError>,
{
    if !full.items.iter().any(|i| i.variant_sku.is_some()) {
        return Ok(());
    }
    let events = super::exchanges::release_instant(conn, settings, full, "system")?;
    if !events.is_empty() {
        let (body, merchant) = render(full)?;
        let data = merchant.unwrap_or(body);
        let data = serde_json::value::RawValue::from_string(data).map_err(ApiError::internal)?;
        crate::db::events::publish(conn, &events, &data)?;
        super::notifications::enqueue(conn, &events)?;
    }
    Ok(())
}

/// Whether an item asks for another variant of the catalogue.
fn exchanges_a_variant(item: &crate::domain::returns::ItemRequest) -> bool {
    item.resolution
        .as_ref()
        .is_some_and(|r| r.variant_sku.is_some())
}

/// The exchange offers of the lines whose items ask for a variant (none,
/// and no query, when no item does).
fn exchange_offers(
    conn: &mut DbConn,
    brand_id: &str,
    order: &Order,
    req: &CreateReturn,
) -> Result<HashMap<String, Vec<Offer>>, ApiError> {
    let lines: Vec<&crate::domain::orders::Line> = req
        .items
        .iter()
        .filter(|i| exchanges_a_variant(i))
        .filter_map(|i| order.line(&i.order_line_id))
        .collect();
    if lines.is_empty() {
        return Ok(HashMap::new());
    }
    let skus: Vec<String> = lines.iter().map(|l| l.sku.clone()).collect();
    let ids: Vec<String> = lines.iter().filter_map(|l| l.product_id.clone()).collect();
    let families = crate::db::catalogue::families(conn, brand_id, &skus, &ids)?;
    Ok(lines
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                crate::app::catalogue::alternatives_of(&families, l),
            )
        })
        .collect())
}

/// Reserves the replacement units of the return's exchanges in the
/// creation's transaction, once its rows are written: 409 `out_of_stock` (and nothing written) when
/// another return took the last units since the check.
fn reserve_exchanges(conn: &mut DbConn, full: &FullReturn) -> Result<(), ApiError> {
    let now = crate::db::now();
    for item in &full.items {
        let Some(sku) = &item.variant_sku else {
            continue;
        };
        let reservation = crate::db::catalogue::ReservationRow {
            id: new_id("rsv"),
            brand_id: full.ret.brand_id.clone(),
            sku: sku.clone(),
            return_id: full.ret.id.clone(),
            item_id: item.id.clone(),
            quantity: i64::from(item.requested_quantity),
            status: crate::db::catalogue::HELD.into(),
            created_at: now,
            updated_at: now,
        };
        if !crate::db::catalogue::reserve(conn, &reservation)? {
            let at = format!("items[{}].resolution.variant_sku", item.position);
            return Err(ApiError::new(
                ErrorCode::OutOfStock,
                format!("{at}: the variant {sku} has no units left for this exchange"),
            )
            .with_errors(vec![crate::error::FieldError::new(
                at,
                ErrorCode::OutOfStock,
                "no units left of this variant",
            )]));
        }
    }
    Ok(())
}

/// The brand's vendors whose return addresses the request's parcels go to.
fn vendors_of(
    conn: &mut DbConn,
    brand_id: &str,
    checked: &Checked,
) -> Result<Vec<VendorRow>, ApiError> {
    let names: Vec<String> = checked
        .shipments
        .iter()
        .filter(|(a, _)| a.kind == AddressKind::Vendor)
        .filter_map(|(a, _)| a.vendor.clone())
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    Ok(crate::db::vendors::by_line_vendors(conn, brand_id, &names)?)
}

/// The 422 for a key used with another request.
fn key_reused() -> ApiError {
    ApiError::new(
        ErrorCode::IdempotencyKeyReused,
        "This Idempotency-Key was used with a different request; use a new key.",
    )
}

/// The rows of a new return for a checked request (nothing written).
fn new_rows(
    input: &NewReturn,
    order_row: &OrderRow,
    order: &Order,
    checked: &Checked,
    vendors: &[VendorRow],
) -> Result<NewReturnRows, ApiError> {
    let req = &input.request;
    let stamp = crate::db::now();
    let due = checked.due.amount;
    let status = if due > 0 {
        ReturnStatus::PaymentRequired
    } else {
        ReturnStatus::Requested
    };
    let credited = checked
        .items
        .iter()
        .any(|i| i.resolution == crate::domain::settings::ResolutionType::StoreCredit);
    let mut method = req.return_method.clone();
    method.carrier = checked.carrier.clone();
    let ret = ReturnRow {
        id: new_id("ret"),
        brand_id: input.brand_id.clone(),
        order_id: input.order_id.clone(),
        order_number: order_row.number.clone(),
        rma_number: new_rma(),
        status,
        return_method: serde_json::to_string(&method).map_err(ApiError::internal)?,
        resolution: serde_json::to_string(&req.resolution).map_err(ApiError::internal)?,
        resolution_given: None,
        rejection: None,
        locale: req
            .locale
            .clone()
            .unwrap_or_else(|| input.brand.settings.default_locale.clone()),
        currency: order.currency.to_string(),
        return_fee: checked.fee.map(|f| f.amount),
        estimated_refund: checked.refund.amount,
        created_at: stamp,
        updated_at: stamp,
        payment_due: (due > 0).then_some(due),
        payment_reference: None,
        paid_at: None,
        store_credit: credited.then_some(checked.store_credit.amount),
        store_credit_issued_at: None,
        exchange_due_at: None,
    };
    let (shipments, items) = parts(&ret, input, order, checked, vendors)?;
    let mut full = FullReturn {
        ret,
        items,
        shipments,
        labels: Vec::new(),
        tracking: Vec::new(),
        vendors: vendors.to_vec(),
    };
    let mut part_events = Vec::new();
    let approves = checked.auto_approve && status == ReturnStatus::Requested;
    if approves {
        part_events = auto_approve(&mut full, stamp)?;
        full.labels = pending_labels(&full)?;
    }
    let pay_by = crate::domain::exchanges::payment_deadline(
        input.brand.settings.payment_within_hours,
        stamp,
    );
    let mut events = creation_events(req.items.len(), full.ret.status, checked.due, pay_by);
    if approves && input.brand.settings.store_credit_on_approval {
        events.extend(super::exchanges::credit_on_creation(&mut full, stamp));
    }
    events.extend(
        part_events
            .iter()
            .map(|(event_type, part, details)| NewEvent {
                event_type: *event_type,
                actor: "system",
                from: None,
                to: None,
                details: details.clone(),
                shipment_id: Some(part.as_str()),
            }),
    );
    let events = crate::db::events::event_rows(&full.ret, events);
    // The labels' jobs go in with the events' jobs: no statement of their own.
    let label_jobs = full.labels.iter().map(crate::db::labels::job).collect();
    let images = req
        .items
        .iter()
        .flat_map(|i| i.image_ids.iter().cloned())
        .collect();
    let mail_jobs = super::notifications::jobs_for_new(&input.brand.settings, &events);
    Ok(NewReturnRows {
        full,
        events,
        mail_jobs,
        label_jobs,
        images,
    })
}

/// Approves every part of a return whose reasons all auto-approve (parts
/// of vendors that must answer wait for them), and derives its status;
/// the vendor parts' events, nothing written.
fn auto_approve(
    full: &mut FullReturn,
    now: chrono::NaiveDateTime,
) -> Result<Vec<(EventType, String, serde_json::Value)>, ApiError> {
    let mut events = Vec::new();
    for index in 0..full.shipments.len() {
        let vendor = full
            .vendor_of(&full.shipments[index])
            .map(|v| (v.auto_approve, v.response_hours));
        let part = &mut full.shipments[index];
        let action = on_merchant_approval(1, vendor.is_some_and(|(auto, _)| !auto));
        let from = part.status;
        let to = step_part(from, action)?;
        part.status = to;
        if to == PartStatus::AwaitingVendor {
            part.vendor_due_at =
                vendor.map(|(_, hours)| now + chrono::Duration::hours(i64::from(hours)));
        }
        if let (Some(vendor_id), Some(event_type)) =
            (part.vendor_id.clone(), part_event(from, action, to))
        {
            let mut details = serde_json::json!({
                "part_id": part.id, "vendor_id": vendor_id, "from": from, "to": to,
                "auto_approved": to == PartStatus::Approved,
            });
            if let (Some(d), Some(due)) = (details.as_object_mut(), part.vendor_due_at) {
                d.insert("due_at".into(), super::parts::due_at(due));
            }
            events.push((event_type, part.id.clone(), details));
        }
    }
    let status = derive(&full.part_statuses());
    full.ret.status = status;
    Ok(events)
}

/// The events of a creation: requested, then payment required when
/// exchanges for dearer variants cost `due`, or approved when every reason
/// auto-approves (the return is then `status`).
fn creation_events(
    items: usize,
    status: ReturnStatus,
    due: crate::domain::money::Money,
    pay_by: chrono::NaiveDateTime,
) -> Vec<NewEvent<'static>> {
    let mut events = vec![NewEvent {
        event_type: EventType::ReturnRequested,
        actor: "customer",
        from: None,
        to: Some(ReturnStatus::Requested),
        details: serde_json::json!({ "items": items }),
        shipment_id: None,
    }];
    if status == ReturnStatus::PaymentRequired {
        events.push(NewEvent {
            event_type: EventType::ReturnPaymentRequired,
            actor: "system",
            from: Some(ReturnStatus::Requested),
            to: Some(status),
            details: serde_json::json!({
                "amount_due": due, "due_at": super::parts::due_at(pay_by),
            }),
            shipment_id: None,
        });
    } else if status != ReturnStatus::Requested {
        events.push(NewEvent {
            event_type: EventType::ReturnApproved,
            actor: "system",
            from: Some(ReturnStatus::Requested),
            to: Some(status),
            details: serde_json::json!({ "auto_approved": true }),
            shipment_id: None,
        });
    }
    events
}

/// One shipment per return address with its items, in request order.
fn parts(
    ret: &ReturnRow,
    input: &NewReturn,
    order: &Order,
    checked: &Checked,
    vendors: &[VendorRow],
) -> Result<(Vec<ShipmentRow>, Vec<ItemRow>), ApiError> {
    let req = &input.request;
    let mut shipments = Vec::new();
    let mut items = Vec::new();
    for (position, (address, indexes)) in checked.shipments.iter().enumerate() {
        let shipment = ShipmentRow {
            id: new_id("rsh"),
            return_id: ret.id.clone(),
            position: position as i32,
            address_id: address.id.clone(),
            address: serde_json::to_string(address).map_err(ApiError::internal)?,
            carrier: checked.carrier.clone(),
            tracking_status: None,
            tracking_updated_at: None,
            vendor_id: vendors
                .iter()
                .find(|v| {
                    address.kind == AddressKind::Vendor
                        && address.vendor.as_deref() == Some(v.order_line_vendor.as_str())
                })
                .map(|v| v.id.clone()),
            status: PartStatus::Requested,
            vendor_due_at: None,
            rejection: None,
            resolution_given: None,
            commission_reversal: None,
        };
        for &i in indexes {
            let item = &req.items[i];
            let line = order
                .line(&item.order_line_id)
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("line vanished")))?;
            let quantity = item.quantity as i32;
            items.push(ItemRow {
                id: new_id("rit"),
                return_id: ret.id.clone(),
                shipment_id: shipment.id.clone(),
                order_id: input.order_id.clone(),
                order_line_id: item.order_line_id.clone(),
                position: i as i32,
                sku: line.sku.clone(),
                name: line.name.clone(),
                unit_price: line.unit_price.amount,
                requested_quantity: quantity,
                approved_quantity: if checked.auto_approve && checked.due.amount == 0 {
                    quantity
                } else {
                    0
                },
                received_quantity: 0,
                damaged_quantity: 0,
                reason_code: item.reason_code.clone(),
                comment: item.comment.clone().filter(|c| !c.trim().is_empty()),
                condition_code: item.condition_code.clone(),
                received_condition_code: None,
                image_ids: serde_json::to_string(&item.image_ids).map_err(ApiError::internal)?,
                rejection_reason: None,
                unit_commission: line.commission.as_ref().map(|c| c.amount),
                resolution: item
                    .resolution
                    .as_ref()
                    .map(|r| r.resolution.as_str().to_string()),
                variant_sku: checked.items[i].exchange.as_ref().map(|o| o.sku.clone()),
                price_difference: checked.items[i]
                    .exchange
                    .as_ref()
                    .map(|o| o.price_difference.amount),
                exchange_order: None,
            });
        }
        shipments.push(shipment);
    }
    items.sort_by_key(|i| i.position);
    Ok((shipments, items))
}

/// The pending label of every approved part with approved units (nothing
/// written; a vendor's part has one only once its vendor approved); none
/// for a method without labels.
pub fn pending_labels(full: &FullReturn) -> Result<Vec<LabelRow>, ApiError> {
    let method: MethodRequest =
        serde_json::from_str(&full.ret.return_method).map_err(ApiError::internal)?;
    let Some(kind) = LabelKind::for_method(method.method) else {
        return Ok(Vec::new());
    };
    let now = crate::db::now();
    Ok(full
        .shipments
        .iter()
        .filter(|shipment| shipment.status == PartStatus::Approved)
        .filter(|shipment| {
            full.items
                .iter()
                .filter(|i| i.shipment_id == shipment.id)
                .map(|i| i.approved_quantity)
                .sum::<i32>()
                > 0
        })
        .map(|shipment| LabelRow {
            id: new_id("lbl"),
            shipment_id: shipment.id.clone(),
            return_id: full.ret.id.clone(),
            brand_id: full.ret.brand_id.clone(),
            kind: kind.as_str().to_string(),
            status: LabelStatus::Pending,
            carrier: shipment.carrier.clone().unwrap_or_default(),
            tracking_number: None,
            dropoff_code: None,
            file_path: None,
            error: None,
            created_at: now,
            updated_at: now,
        })
        .collect())
}
