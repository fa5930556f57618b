//! Carrier tracking events in: a carrier (or a tracking aggregator) reports
//! a scan of a return parcel, signed the Standard Webhooks way with its
//! `tracking_secret` from `CARRIER_CONFIG`.
//!
//! The signature is checked over the raw body before anything reads it, so
//! an unsigned request learns nothing about what we accept. Then one write
//! transaction finds the parcel by carrier and tracking number, locks its
//! return, lets [`decide`] say what the scan does and carries that out: the
//! scan stored once, the shipment's current status moved forward only, the
//! return shipped through the state machine and the delivery announced,
//! every event published with the return as it is after the change.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::super::AppState;
use super::parts::{Move, Settle, apply as apply_moves};
use super::publish;
use super::views::Renderer;
use crate::db::DbConn;
use crate::db::events::NewEvent;
use crate::db::returns::FullReturn;
use crate::db::rows::{EventRow, TrackingEventRow};
use crate::domain::events::EventType;
use crate::domain::parts::{PartAction, part_transition};
pub use crate::domain::tracking::TrackingEventInput;
use crate::domain::tracking::{Effects, Outcome, Scan, ScanFacts, TrackingStatus, decide};
use crate::error::{ApiError, ErrorCode, parse_json};
use crate::webhooks::signature::{self, SignatureError};

/// A signed request as it arrived: the three Standard Webhooks headers and
/// the body they sign.
#[derive(Debug)]
pub struct SignedRequest {
    /// `webhook-id`.
    pub id: Option<String>,
    /// `webhook-timestamp`.
    pub timestamp: Option<String>,
    /// `webhook-signature`.
    pub signature: Option<String>,
    /// Whether the body was sent as JSON (`Content-Type`).
    pub json: bool,
    /// The body, exactly as signed.
    pub body: Vec<u8>,
}

/// What became of a tracking event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptStatus {
    /// A new scan of a return parcel, recorded.
    Recorded,
    /// The parcel already had this scan (same status and time, or same
    /// `event_id`): nothing changed.
    Duplicate,
    /// No return parcel of this carrier has the tracking number: nothing
    /// changed.
    Ignored,
}

/// The answer to a tracking event.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "status": "recorded", "tracking_status": "in_transit", "updated_at": "2026-12-02T08:15:00Z"
}))]
pub struct TrackingReceipt {
    /// What became of the event.
    pub status: ReceiptStatus,
    /// The parcel's current tracking status after it (`null` when ignored).
    pub tracking_status: Option<TrackingStatus>,
    /// When the parcel's latest scan happened (`null` when ignored).
    pub updated_at: Option<DateTime<Utc>>,
}

/// Records a carrier's signed scan of a return parcel (see the module
/// documentation): 401 `invalid_signature` unless `carrier` has a tracking
/// secret and the request is signed with it, then 415 / 400 / 422 for a
/// body that is not a valid tracking event.
pub async fn receive(
    state: &AppState,
    carrier: &str,
    request: SignedRequest,
) -> Result<TrackingReceipt, ApiError> {
    authenticate(state, carrier, &request)?;
    if !request.json {
        return Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "The body must be JSON (Content-Type: application/json).",
        ));
    }
    let input: TrackingEventInput = parse_json(&request.body)?;
    let scan = input.into_scan(Utc::now())?;
    let (render, carrier) = (Renderer::new(state), carrier.to_string());
    state
        .db
        .write(move |conn| record(conn, &render, &carrier, &scan))
        .await
}

/// Checks the request's signature against the carrier's tracking secret.
/// Every refusal is the same 401 code; the detail says what to fix.
fn authenticate(state: &AppState, carrier: &str, request: &SignedRequest) -> Result<(), ApiError> {
    let secret = state
        .config
        .carriers
        .iter()
        .find(|c| c.carrier == carrier)
        .and_then(|c| c.tracking_secret.as_deref());
    let Some(secret) = secret else {
        return Err(refused(carrier, "no tracking secret is configured", None));
    };
    signature::verify(
        secret,
        request.id.as_deref(),
        request.timestamp.as_deref(),
        request.signature.as_deref(),
        &request.body,
    )
    .map_err(|e| refused(carrier, &e.to_string(), Some(e)))
}

/// The 401 of a refused signature (logged with its reason, never a secret).
fn refused(carrier: &str, reason: &str, error: Option<SignatureError>) -> ApiError {
    let carrier: String = carrier.chars().take(40).collect();
    tracing::info!(%carrier, %reason, "tracking event refused");
    let detail = match error {
        Some(SignatureError::Header(name)) => {
            format!("The {name} header is missing or invalid.")
        }
        Some(SignatureError::Stale) => {
            "The webhook-timestamp is more than five minutes away from now.".to_string()
        }
        _ => "The signature does not match this carrier's tracking secret.".to_string(),
    };
    ApiError::new(ErrorCode::InvalidSignature, detail).with_header(
        "www-authenticate",
        "Signature realm=\"carrier-tracking\", headers=\"webhook-id webhook-timestamp webhook-signature\"",
    )
}

/// The transaction of one scan: find, lock, decide, carry out.
fn record(
    conn: &mut DbConn,
    render: &Renderer,
    carrier: &str,
    scan: &Scan,
) -> Result<TrackingReceipt, ApiError> {
    let Some(label) = crate::db::tracking::label_by_tracking(conn, carrier, &scan.tracking_number)?
    else {
        return Ok(TrackingReceipt {
            status: ReceiptStatus::Ignored,
            tracking_status: None,
            updated_at: None,
        });
    };
    let mut full = crate::db::returns::load_locked(conn, &label.brand_id, &label.return_id)?
        .ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!(
                "the return of label {} is missing",
                label.id
            ))
        })?;
    let shipment = label.shipment_id.as_str();
    let history: Vec<ScanFacts<'_>> = full
        .tracking
        .iter()
        .filter(|t| t.shipment_id == shipment)
        .map(TrackingEventRow::facts)
        .collect();
    let part_status = full
        .shipments
        .iter()
        .find(|s| s.id == shipment)
        .map(|s| s.status)
        .ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("shipment {shipment} is not its return's"))
        })?;
    let effects = match decide(part_status, &history, &scan.facts()) {
        Outcome::Duplicate => return receipt(&full, shipment, ReceiptStatus::Duplicate),
        Outcome::New(effects) => effects,
    };
    let row = TrackingEventRow::new(&label, scan)?;
    if !crate::db::tracking::insert(conn, &row)? {
        return receipt(&full, shipment, ReceiptStatus::Duplicate);
    }
    if effects.current {
        let s = shipment_mut(&mut full, shipment)?;
        crate::db::tracking::set_current(conn, s, scan.status, row.occurred_at)?;
    }
    full.tracking.push(row);
    full.tracking
        .sort_by(|a, b| (a.occurred_at, &a.id).cmp(&(b.occurred_at, &b.id)));
    let events = apply(conn, &mut full, effects, carrier, shipment, scan)?;
    if !events.is_empty() {
        publish(conn, render, &full, &events)?;
    }
    receipt(&full, shipment, ReceiptStatus::Recorded)
}

/// What the scan does to the return: shipped (the state machine's Ship),
/// then the delivery announced; the events recorded, in that order.
fn apply(
    conn: &mut DbConn,
    full: &mut FullReturn,
    effects: Effects,
    carrier: &str,
    shipment: &str,
    scan: &Scan,
) -> Result<Vec<EventRow>, ApiError> {
    let actor = format!("carrier:{carrier}");
    let mut events = Vec::new();
    if effects.ship {
        let details = serde_json::json!({
            "shipment_id": shipment,
            "tracking_number": scan.tracking_number,
            "tracking_status": scan.status,
            "occurred_at": scan.occurred_at,
        });
        let moves = vec![Move {
            part: shipment.to_string(),
            action: PartAction::Ship,
            details: serde_json::json!({ "tracking_number": scan.tracking_number }),
        }];
        let settle = Settle {
            actor: &actor,
            details,
            whole: true,
            always: None,
        };
        events.extend(apply_moves(conn, full, moves, settle)?);
    }
    if effects.delivered {
        let event = NewEvent {
            event_type: EventType::ReturnDelivered,
            actor: &actor,
            from: None,
            to: None,
            details: serde_json::json!({
                "shipment_id": shipment,
                "vendor_id": shipment_mut(full, shipment)?.vendor_id.clone(),
                "tracking_number": scan.tracking_number,
                "occurred_at": scan.occurred_at,
            }),
            shipment_id: Some(shipment),
        };
        events.push(crate::db::events::record_event(conn, &full.ret, event)?);
        let part = shipment_mut(full, shipment)?.status;
        if part_transition(part, PartAction::Deliver).is_some() {
            let moves = vec![Move::of(shipment, PartAction::Deliver)];
            let settle = Settle {
                actor: &actor,
                details: serde_json::json!({}),
                whole: false,
                always: None,
            };
            events.extend(apply_moves(conn, full, moves, settle)?);
        }
    }
    Ok(events)
}

fn shipment_mut<'a>(
    full: &'a mut FullReturn,
    id: &str,
) -> Result<&'a mut crate::db::rows::ShipmentRow, ApiError> {
    full.shipments
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("shipment {id} is not its return's")))
}

/// The receipt, with the shipment's current tracking status.
fn receipt(
    full: &FullReturn,
    shipment: &str,
    status: ReceiptStatus,
) -> Result<TrackingReceipt, ApiError> {
    let s = full
        .shipments
        .iter()
        .find(|s| s.id == shipment)
        .ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("shipment {shipment} is not its return's"))
        })?;
    Ok(TrackingReceipt {
        status,
        tracking_status: s.tracking_status,
        updated_at: s.tracking_updated_at.map(|t| t.and_utc()),
    })
}
