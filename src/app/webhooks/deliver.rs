//! The two webhook jobs. An event's job ([`fan_out`]) writes its message
//! once and one delivery per endpoint that wants it, each with its own job;
//! a delivery's job ([`deliver`]) makes one signed attempt and records it,
//! then either is done or asks the worker to run it again when the
//! schedule says. Deliveries are identified by endpoint and event, so a job
//! that runs again after a crash finds the rows it wrote and the receiver
//! gets the same `webhook-id`.
//!
//! One event may go to two kinds of owner: the merchant's endpoints get
//! the event as it was published (the return as the merchant API shows
//! it); when the event concerns a vendor's part, that vendor's endpoints
//! get a copy of their own whose `data` is the part as the vendor API
//! shows it. Which owner hears of which event is [`Owner::hears`].

use rand::Rng;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::super::AppState;
use super::super::returns::views::ReturnView;
use super::views::EndpointView;
use crate::db::DbConn;
use crate::db::outbox::JobRow;
use crate::db::webhooks::{AttemptRow, DeliveryRow, EndpointRow, MessageRow};
use crate::domain::events::{Envelope, EventType};
use crate::domain::webhooks::{
    DeliveryEvent, DeliveryStatus, Owner, RetrySchedule, should_disable, wants,
};
use crate::error::ApiError;
use crate::jobs::{JobError, Ran};
use crate::webhooks::send::Outcome;
use crate::webhooks::signature;

/// The head of an envelope (an event job's payload).
#[derive(Deserialize)]
struct Head {
    id: String,
    #[serde(rename = "type")]
    event_type: EventType,
    created_at: chrono::DateTime<chrono::Utc>,
}

fn subscribed(endpoint: &EndpointRow, event: EventType) -> bool {
    let types: Vec<EventType> = serde_json::from_str(&endpoint.event_types).unwrap_or_default();
    wants(&types, event)
}

fn new_delivery(endpoint: &EndpointRow, message: &MessageRow) -> DeliveryRow {
    let now = crate::db::now();
    DeliveryRow {
        id: crate::db::webhooks::delivery_id(&endpoint.id, &message.id),
        brand_id: message.brand_id.clone(),
        endpoint_id: endpoint.id.clone(),
        message_id: message.id.clone(),
        event_type: message.event_type.clone(),
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: Some(now),
        last_status_code: None,
        last_error: None,
        created_at: now,
        updated_at: now,
    }
}

/// Runs an event's job: its message and a delivery (with its job) for
/// every enabled endpoint subscribed to its type whose owner hears of it:
/// the merchant's, and, for an event of a vendor's part, that vendor's
/// (while the vendor is active), with the vendor's copy of the message.
pub async fn fan_out(state: &AppState, job: &JobRow) -> Result<(), JobError> {
    let head: Head = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("an event job without an envelope: {e}")))?;
    let message = MessageRow {
        id: head.id.clone(),
        brand_id: job.brand_id.clone(),
        event_type: head.event_type.as_str().to_string(),
        body: job.payload.clone(),
        created_at: head.created_at.naive_utc(),
    };
    let sent = state
        .db
        .write(move |conn| {
            let brand_id = message.brand_id.clone();
            let part = crate::db::events::part_of(conn, &head.id)?;
            let part_vendor = part.as_ref().map(|p| p.vendor_id.as_deref());
            let mut endpoints =
                crate::db::webhooks::enabled_endpoints(conn, &brand_id, &Owner::Merchant)?;
            if let Some(vendor) = part.as_ref().and_then(|p| p.vendor_id.clone()) {
                endpoints.extend(crate::db::webhooks::enabled_vendor_endpoints(
                    conn,
                    &brand_id,
                    &[vendor],
                )?);
            }
            endpoints.retain(|e| subscribed(e, head.event_type) && e.owner().hears(part_vendor));
            let mut sent = false;
            for owner in owners(&endpoints) {
                let message = match (&owner, &part) {
                    (Owner::Merchant, _) => message.clone(),
                    (Owner::Vendor(_), Some(part)) => {
                        match vendor_copy(&message, &head, &owner, part) {
                            Some(copy) => copy,
                            None => continue,
                        }
                    }
                    (Owner::Vendor(_), None) => continue,
                };
                let deliveries: Vec<DeliveryRow> = endpoints
                    .iter()
                    .filter(|e| e.owner() == owner)
                    .map(|e| new_delivery(e, &message))
                    .collect();
                crate::db::webhooks::fan_out(conn, &message, &deliveries)?;
                sent |= !deliveries.is_empty();
            }
            Ok(sent)
        })
        .await?;
    if sent {
        state.jobs.notify();
    }
    Ok(())
}

/// The owners of `endpoints`, each once, in order.
fn owners(endpoints: &[EndpointRow]) -> Vec<Owner> {
    let mut owners: Vec<Owner> = Vec::new();
    for owner in endpoints.iter().map(EndpointRow::owner) {
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    owners
}

/// The data of an event of a return: the merchant's view at the event.
#[derive(Deserialize)]
struct ReturnData {
    data: ReturnView,
}

/// The vendor's copy of an event of its part: the same type and time, an
/// id of its own, and the part as the vendor API shows it, cut from the
/// merchant's data, so as it was at the event (never the customer's
/// contact details nor any other part). `None` (logged) when the data is
/// not a return with that part: that costs the vendor the event, never the
/// merchant.
fn vendor_copy(
    merchant: &MessageRow,
    head: &Head,
    owner: &Owner,
    part: &crate::db::events::EventPart,
) -> Option<MessageRow> {
    let cut = serde_json::from_str::<ReturnData>(&merchant.body)
        .map_err(ApiError::internal)
        .and_then(|ReturnData { data }| super::super::returns::vendor::cut(data, &part.part_id))
        .and_then(|view| serde_json::value::to_raw_value(&view).map_err(ApiError::internal));
    let data = match cut {
        Ok(data) => data,
        Err(e) => {
            tracing::warn!(event = %head.id, part = %part.part_id, error = %e, "no vendor copy of an event");
            return None;
        }
    };
    let id = owner.message_id(&head.id);
    let body = Envelope {
        id: &id,
        event_type: head.event_type,
        created_at: head.created_at,
        data: &data,
    }
    .to_json();
    Some(MessageRow {
        id,
        body,
        ..merchant.clone()
    })
}

/// Publishes an event that is not a return's (`ping`,
/// `webhook_endpoint.disabled`) to `endpoints`, in the caller's
/// transaction; the deliveries it made.
pub(super) fn publish_to(
    conn: &mut DbConn,
    brand_id: &str,
    event_type: EventType,
    data: &RawValue,
    endpoints: &[EndpointRow],
) -> Result<Vec<DeliveryRow>, ApiError> {
    let id = crate::domain::ids::new_id("evt");
    let now = crate::db::now();
    let body = Envelope {
        id: &id,
        event_type,
        created_at: now.and_utc(),
        data,
    }
    .to_json();
    let message = MessageRow {
        id,
        brand_id: brand_id.to_string(),
        event_type: event_type.as_str().to_string(),
        body,
        created_at: now,
    };
    let deliveries: Vec<DeliveryRow> = endpoints
        .iter()
        .map(|e| new_delivery(e, &message))
        .collect();
    crate::db::webhooks::fan_out(conn, &message, &deliveries)?;
    Ok(deliveries)
}

/// The payload of a delivery's job.
#[derive(Deserialize)]
struct Task {
    delivery_id: String,
    #[serde(default)]
    manual: bool,
}

/// Runs a delivery's job: one signed attempt, recorded in the log with
/// the job's own outcome (one write). A failed attempt is tried again when
/// the schedule says (a manual retry gets one attempt); after the last one
/// the delivery has failed.
pub async fn deliver(state: &AppState, job: &JobRow) -> Result<Ran, JobError> {
    let task: Task = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("a delivery job without a delivery: {e}")))?;
    let id = task.delivery_id.clone();
    let Some(ctx) = state
        .db
        .read(move |conn| Ok(crate::db::webhooks::context(conn, &id)?))
        .await?
    else {
        // Its endpoint was deleted.
        return Ok(Ran::Done);
    };
    if ctx.delivery.status != DeliveryStatus::Pending {
        return Ok(Ran::Done);
    }
    let sent = ctx.endpoint.enabled && ctx.owner_active;
    let outcome = if sent {
        attempt(state, &ctx).await
    } else {
        let why = if ctx.owner_active {
            "the endpoint is disabled"
        } else {
            "the endpoint's vendor was retired"
        };
        Outcome {
            status: None,
            latency: std::time::Duration::ZERO,
            error: Some(why.into()),
            excerpt: None,
        }
    };
    let plan = Plan {
        schedule: RetrySchedule(state.config.webhooks.webhook_retry_schedule.0.clone()),
        jitter: rand::rng().random_range(0.9..1.1),
        retry: sent && !task.manual,
        started: chrono::Utc::now()
            - chrono::Duration::from_std(outcome.latency).unwrap_or_default(),
    };
    let disable_after = state.config.webhooks.webhook_disable_after;
    let (job_id, worker) = (job.id.clone(), job.locked_by.clone().unwrap_or_default());
    state
        .db
        .write(move |conn| {
            let next = record(conn, &ctx.delivery, &outcome, &plan, sent)?;
            if sent {
                note_endpoint(conn, &ctx.endpoint, outcome.succeeded(), disable_after)?;
            }
            let error = outcome.error.as_deref().unwrap_or("failed");
            match (outcome.succeeded(), next) {
                (true, _) => crate::db::outbox::finish(conn, &job_id, &worker)?,
                (false, Some(at)) => crate::db::outbox::retry(conn, &job_id, &worker, at, error)?,
                (false, None) => crate::db::outbox::fail(conn, &job_id, &worker, error)?,
            };
            Ok(())
        })
        .await?;
    Ok(Ran::Settled)
}

/// When a failed attempt is tried again.
struct Plan {
    schedule: RetrySchedule,
    jitter: f64,
    /// Whether another attempt may follow (not for a manual retry, nor for
    /// a disabled endpoint).
    retry: bool,
    started: chrono::DateTime<chrono::Utc>,
}

/// One signed POST of the message to the endpoint.
async fn attempt(state: &AppState, ctx: &crate::db::webhooks::DeliveryContext) -> Outcome {
    let now = chrono::Utc::now();
    let timestamp = now.timestamp();
    let context = crate::db::webhooks::secret_context(&ctx.endpoint.id);
    // The error names the key at most, never a secret.
    let opened = ctx
        .endpoint
        .signing_secrets(now.naive_utc())
        .into_iter()
        .map(|sealed| state.secrets.open(&context, sealed))
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| format!("cannot open the signing secret: {e}"));
    let signature = match opened.and_then(|secrets| {
        let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
        signature::sign(&secrets, &ctx.delivery.message_id, timestamp, &ctx.body)
            .map_err(|e| format!("cannot sign: {e}"))
    }) {
        Ok(s) => s,
        Err(e) => {
            return Outcome {
                status: None,
                latency: std::time::Duration::ZERO,
                error: Some(e),
                excerpt: None,
            };
        }
    };
    let headers = [
        (signature::ID, ctx.delivery.message_id.clone()),
        (signature::TIMESTAMP, timestamp.to_string()),
        (signature::SIGNATURE, signature),
    ];
    state
        .webhook_sender
        .send(&ctx.endpoint.url, &headers, ctx.body.clone())
        .await
}

/// Records an attempt (when one was `sent`) and moves the delivery by the
/// state machine; when the next attempt is due, if one is.
fn record(
    conn: &mut DbConn,
    stale: &DeliveryRow,
    outcome: &Outcome,
    plan: &Plan,
    sent: bool,
) -> Result<Option<chrono::NaiveDateTime>, ApiError> {
    // Read again: another node may have recorded an attempt meanwhile.
    let Some(mut d) = crate::db::webhooks::delivery(conn, &stale.brand_id, &stale.id)? else {
        return Ok(None);
    };
    if sent {
        d.attempts += 1;
    }
    let now = crate::db::now();
    let next_at = if outcome.succeeded() || !plan.retry {
        None
    } else {
        plan.schedule
            .delay_after(d.attempts.max(0) as u32, plan.jitter)
            .map(|delay| now + chrono::Duration::from_std(delay).unwrap_or_default())
    };
    let event = match (outcome.succeeded(), next_at) {
        (true, _) => DeliveryEvent::Accepted,
        (false, Some(_)) => DeliveryEvent::FailedWillRetry,
        (false, None) => DeliveryEvent::FailedForGood,
    };
    if let Some(to) = d.status.step(event) {
        d.status = to;
        d.next_attempt_at = next_at;
    }
    d.last_status_code = outcome.status.map(i32::from);
    d.last_error = outcome.error.clone();
    d.updated_at = now;
    if !sent {
        crate::db::webhooks::save_delivery(conn, &d)?;
        return Ok(next_at);
    }
    let attempt = AttemptRow {
        id: crate::domain::ids::new_id("wha"),
        delivery_id: d.id.clone(),
        attempt: d.attempts,
        started_at: plan.started.naive_utc(),
        status_code: d.last_status_code,
        latency_ms: outcome.latency.as_millis().min(i32::MAX as u128) as i32,
        error: outcome.error.clone(),
        response_excerpt: outcome.excerpt.clone(),
        next_attempt_at: next_at,
    };
    crate::db::webhooks::record_attempt(conn, &attempt, &d)?;
    Ok(next_at)
}

/// Notes the outcome on the endpoint; one that has failed every attempt
/// for `disable_after` is disabled, and its owner's other endpoints of the
/// brand hear of it (`webhook_endpoint.disabled`).
fn note_endpoint(
    conn: &mut DbConn,
    endpoint: &EndpointRow,
    succeeded: bool,
    disable_after: std::time::Duration,
) -> Result<(), ApiError> {
    let now = crate::db::now();
    let Some(mut row) = crate::db::webhooks::note_outcome(conn, &endpoint.id, succeeded, now)?
    else {
        return Ok(());
    };
    let failing_since = row.failing_since.map(|t| t.and_utc());
    if succeeded || !row.enabled || !should_disable(failing_since, now.and_utc(), disable_after) {
        return Ok(());
    }
    row.enabled = false;
    row.disabled_reason = Some(format!(
        "every delivery attempt failed since {}",
        failing_since.map(|t| t.to_rfc3339()).unwrap_or_default()
    ));
    row.updated_at = now;
    crate::db::webhooks::save_endpoint(conn, &row)?;
    tracing::warn!(endpoint = %row.id, brand = %row.brand_id, "webhook endpoint disabled after failing every attempt");
    let others: Vec<EndpointRow> =
        crate::db::webhooks::enabled_endpoints(conn, &row.brand_id, &row.owner())?
            .into_iter()
            .filter(|e| subscribed(e, EventType::WebhookEndpointDisabled))
            .collect();
    let data =
        serde_json::value::to_raw_value(&EndpointView::from(&row)).map_err(ApiError::internal)?;
    publish_to(
        conn,
        &row.brand_id,
        EventType::WebhookEndpointDisabled,
        &data,
        &others,
    )?;
    crate::app::returns::notifications::enqueue_endpoint_disabled(conn, &row)?;
    Ok(())
}

/// Schedules another attempt of a delivery now (see [`super::retry`]).
pub(super) fn retry_now(conn: &mut DbConn, d: &mut DeliveryRow) -> Result<(), ApiError> {
    if d.status == DeliveryStatus::Pending && crate::db::webhooks::hurry(conn, d)? {
        return Ok(());
    }
    let now = crate::db::now();
    if let Some(to) = d.status.step(DeliveryEvent::Retried) {
        d.status = to;
    }
    d.next_attempt_at = Some(now);
    d.updated_at = now;
    crate::db::webhooks::save_delivery(conn, d)?;
    let job = crate::db::webhooks::deliver_job(d, d.attempts + 1, true);
    crate::db::outbox::enqueue_all(conn, &[job])?;
    Ok(())
}
