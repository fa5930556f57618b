//! Customer e-mail notifications: the `mail.send` job of an event, written
//! in the event's transaction when the brand mails the customer about that
//! step, and the merchant's list of what was sent.
//!
//! A job mails one event to the order's customer e-mail. It first writes
//! the notification row for the event and recipient (`UNIQUE (event_id,
//! recipient)`) or finds the one an earlier run wrote; a row that is
//! already `sent`, `skipped` or `failed` ends the job, so a retried or
//! reclaimed job (a crash, an expired lease) never mails again what was
//! recorded as sent.
//!
//! Delivery is at least once, not exactly once, in one window: the SMTP
//! server accepted the mail (its answer to the end of `DATA`) and the
//! process died, or the database failed, before the row was marked
//! `sent`. The job then runs again after its lease and the customer gets
//! the mail twice, with the same `Message-ID` (made from the notification
//! id), which lets mail clients and servers fold the two. The window is
//! kept to one short update right after the server's answer (retried a few
//! times before the job gives the attempt up). A crash anywhere else (before
//! the row, before or during the SMTP conversation) sends exactly one mail.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::views::{Renderer, ReturnView};
use crate::app::AppState;
use crate::db::DbConn;
use crate::db::notifications::NotificationRow;
use crate::db::outbox::JobRow;
use crate::db::rows::EventRow;
use crate::domain::events::EventType;
use crate::domain::money::Money;
use crate::domain::notifications::{
    BrandContext, CustomerContext, ItemContext, MailContext, NotificationKind, NotificationStatus,
    PartContext, ResolutionContext, ReturnContext, format_money,
};
use crate::error::ApiError;
use crate::jobs::{JobError, Ran};
use crate::mail::{Outgoing, SendError};

/// An e-mail to the customer about one event of a return.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    /// Id (`ntf_…`, derived from event and recipient; the mail's
    /// `Message-ID` is made from it).
    pub id: String,
    /// The event mailed about (`evt_…`).
    pub event_id: String,
    /// Which step.
    pub kind: NotificationKind,
    /// The customer's address (`null` when the order has none).
    pub recipient: Option<String>,
    /// Locale of the template used.
    pub locale: String,
    /// Status.
    pub status: NotificationStatus,
    /// Attempts to send.
    pub attempts: u32,
    /// Why it was skipped or failed, or the last attempt's error.
    pub error: Option<String>,
    /// When the SMTP server accepted it.
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Created.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<NotificationRow> for NotificationView {
    fn from(r: NotificationRow) -> NotificationView {
        NotificationView {
            status: r.status,
            kind: NotificationKind::parse(&r.kind).unwrap_or(NotificationKind::ReturnApproved),
            id: r.id,
            event_id: r.event_id,
            recipient: Some(r.recipient).filter(|s| !s.is_empty()),
            locale: r.locale,
            attempts: r.attempts.max(0) as u32,
            error: r.last_error,
            sent_at: r.sent_at.map(|t| t.and_utc()),
            created_at: r.created_at.and_utc(),
        }
    }
}

/// The e-mail notifications of a return, in event order.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationList {
    /// Notifications.
    pub data: Vec<NotificationView>,
}

/// The notifications of a return, as a list.
pub(crate) fn list(conn: &mut DbConn, return_id: &str) -> Result<NotificationList, ApiError> {
    Ok(NotificationList {
        data: crate::db::notifications::for_return(conn, return_id)?
            .into_iter()
            .map(NotificationView::from)
            .collect(),
    })
}

/// The events a customer may be mailed about, with their kinds.
fn mailed(events: &[EventRow]) -> Vec<(&EventRow, NotificationKind)> {
    events
        .iter()
        .filter_map(|e| {
            Some((
                e,
                NotificationKind::for_event(EventType::parse(&e.event_type)?)?,
            ))
        })
        .collect()
}

/// The `mail.send` jobs of events with their kinds, for the kinds enabled.
fn jobs(
    settings: &crate::domain::notifications::Notifications,
    mailed: &[(&EventRow, NotificationKind)],
) -> Vec<JobRow> {
    mailed
        .iter()
        .filter(|(_, kind)| settings.enabled(*kind))
        .map(|(event, kind)| crate::db::notifications::mail_job(event, *kind))
        .collect()
}

/// Enqueues, in the events' transaction, a `mail.send` job for every event
/// whose step the brand mails the customer about.
pub(crate) fn enqueue(conn: &mut DbConn, events: &[EventRow]) -> Result<(), ApiError> {
    let mailed = mailed(events);
    let Some((first, _)) = mailed.first() else {
        return Ok(());
    };
    let (settings, _) = crate::db::settings::get(conn, &first.brand_id)?;
    Ok(crate::db::outbox::enqueue_all(
        conn,
        &jobs(&settings.notifications, &mailed),
    )?)
}

/// The `mail.send` jobs of new events (a return's creation), for the kinds
/// the brand's settings enable.
pub(crate) fn jobs_for_new(
    settings: &crate::domain::settings::ReturnsSettings,
    events: &[EventRow],
) -> Vec<JobRow> {
    jobs(&settings.notifications, &mailed(events))
}

#[derive(Deserialize)]
struct Payload {
    event_id: String,
    kind: NotificationKind,
}

/// A mail ready to go out, its notification counted an attempt.
struct Prepared {
    id: String,
    to: String,
    subject: String,
    html: String,
}

/// Runs a `mail.send` job: records the notification, sends it unless it
/// was settled before, and marks it sent. A transient SMTP failure retries
/// the job; a refusal fails the notification.
pub async fn send(state: &AppState, job: &JobRow) -> Result<Ran, JobError> {
    let payload: Payload = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("a mail job without its event: {e}")))?;
    let render = Renderer::new(state);
    let smtp = state.mailer.is_some();
    let (brand_id, return_id) = (job.brand_id.clone(), job.aggregate_id.clone());
    let prepared = state
        .db
        .write(move |conn| prepare(conn, &render, &brand_id, &return_id, &payload, smtp))
        .await?;
    let (Some(mail), Some(mailer)) = (prepared, state.mailer.as_ref()) else {
        return Ok(Ran::Done);
    };
    let outcome = mailer
        .send(&Outgoing {
            to: &mail.to,
            subject: &mail.subject,
            html: &mail.html,
            id: &mail.id,
        })
        .await;
    match outcome {
        Ok(()) => {
            mark(state, &mail.id, NotificationStatus::Sent, None).await?;
            Ok(Ran::Done)
        }
        Err(SendError::Permanent(e)) => {
            mark(state, &mail.id, NotificationStatus::Failed, Some(e)).await?;
            Ok(Ran::Done)
        }
        Err(SendError::Transient(e)) => {
            let (id, error) = (mail.id.clone(), e.clone());
            state
                .db
                .write(move |conn| Ok(crate::db::notifications::note_error(conn, &id, &error)?))
                .await?;
            Err(JobError::Retry(e))
        }
    }
}

/// Settles a notification, trying the write a few times: after the SMTP
/// server accepted a mail, a failure here is the one way to send it twice.
async fn mark(
    state: &AppState,
    id: &str,
    status: NotificationStatus,
    error: Option<String>,
) -> Result<(), JobError> {
    let mut tries = 0;
    loop {
        let (row, error) = (id.to_string(), error.clone());
        let result = state
            .db
            .write(move |conn| {
                Ok(crate::db::notifications::settle(
                    conn,
                    &row,
                    status,
                    error.as_deref(),
                )?)
            })
            .await;
        match result {
            Ok(()) => return Ok(()),
            Err(e) if tries < 5 => {
                tries += 1;
                tracing::warn!(notification = %id, error = %e, "recording a notification failed; trying again");
                tokio::time::sleep(Duration::from_millis(200 * tries)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Records the notification of the job's event (or finds it), settles it
/// when there is nothing to send, and otherwise renders the mail and counts
/// the attempt. `None`: nothing to send.
fn prepare(
    conn: &mut DbConn,
    render: &Renderer,
    brand_id: &str,
    return_id: &str,
    payload: &Payload,
    smtp: bool,
) -> Result<Option<Prepared>, ApiError> {
    let Some(full) = crate::db::returns::load(conn, brand_id, return_id)? else {
        return Ok(None);
    };
    let Some(event) = crate::db::events::for_return(conn, return_id)?
        .into_iter()
        .find(|e| e.id == payload.event_id)
    else {
        return Ok(None);
    };
    let (settings, _) = crate::db::settings::get(conn, brand_id)?;
    let order = crate::db::orders::by_id(conn, brand_id, &full.ret.order_id)?;
    let recipient = order
        .as_ref()
        .and_then(|o| o.email_norm.clone())
        .unwrap_or_default();
    let customer = match &order {
        Some(o) => o.order()?.customer.name,
        None => None,
    };
    let brand_name = crate::db::brands::by_id(conn, brand_id)?
        .map(|b| b.name)
        .unwrap_or_default();
    let kind = payload.kind;
    let (locale, template) =
        settings
            .notifications
            .template(kind, &full.ret.locale, &settings.default_locale);
    let now = crate::db::now();
    let row = crate::db::notifications::insert_or_get(
        conn,
        &NotificationRow {
            id: crate::db::notifications::notification_id(&event.id, &recipient),
            brand_id: brand_id.to_string(),
            return_id: return_id.to_string(),
            event_id: event.id.clone(),
            kind: kind.as_str().to_string(),
            recipient: recipient.clone(),
            locale,
            status: NotificationStatus::Queued,
            attempts: 0,
            last_error: None,
            sent_at: None,
            created_at: now,
            updated_at: now,
        },
    )?;
    if row.status != NotificationStatus::Queued {
        return Ok(None);
    }
    let skip = if recipient.is_empty() {
        Some("no_recipient")
    } else if !settings.notifications.enabled(kind) {
        Some("disabled")
    } else if !smtp {
        Some("smtp_not_configured")
    } else {
        None
    };
    if let Some(reason) = skip {
        crate::db::notifications::settle(conn, &row.id, NotificationStatus::Skipped, Some(reason))?;
        return Ok(None);
    }
    let view = render.view(full, None)?;
    let context = context(&view, &event, brand_name, customer);
    let mail = match crate::domain::notifications::render(&template, &context) {
        Ok(mail) => mail,
        Err(e) => {
            let error = format!("template: {e}");
            crate::db::notifications::settle(
                conn,
                &row.id,
                NotificationStatus::Failed,
                Some(&error),
            )?;
            return Ok(None);
        }
    };
    crate::db::notifications::start_attempt(conn, &row.id)?;
    Ok(Some(Prepared {
        id: row.id,
        to: recipient,
        subject: mail.subject,
        html: mail.html,
    }))
}

fn money(m: &Money) -> String {
    format_money(m.amount, m.currency.exponent(), m.currency.as_str())
}

/// What the templates see of a return at an event.
fn context(
    view: &ReturnView,
    event: &EventRow,
    brand: String,
    customer: Option<String>,
) -> MailContext {
    // An event of one vendor's part speaks of that part: its rejection,
    // its resolution, its items and address.
    let part = event
        .shipment_id
        .as_deref()
        .and_then(|id| view.shipments.iter().find(|s| s.id == id))
        .filter(|s| s.vendor.is_some());
    let rejection = match part {
        Some(p) => p.rejection.as_ref(),
        None => view.rejection.as_ref(),
    };
    let resolution = match part {
        Some(p) => p.resolution_given.as_ref(),
        None => view.resolution_given.as_ref(),
    };
    let label_urls: Vec<String> = view
        .shipments
        .iter()
        .filter_map(|s| s.label.as_ref().map(|l| l.poll_url.clone()))
        .collect();
    MailContext {
        ret: ReturnContext {
            id: view.id.clone(),
            rma: view.rma_number.clone(),
            status: event.to_status.unwrap_or(view.status),
            order_number: view.order_number.clone(),
            estimated_refund: money(&view.estimated_refund),
            items: view.items.iter().map(item_context).collect(),
        },
        brand: BrandContext { name: brand },
        customer: CustomerContext { name: customer },
        label_url: label_urls.first().cloned(),
        label_urls,
        reason: rejection.map(|r| r.reason_code.clone()),
        note: rejection.and_then(|r| r.note.clone()),
        resolution: resolution.map(|r| ResolutionContext {
            resolution: serde_json::to_value(r.resolution)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            amount: r.amount.as_ref().map(money),
            exchange_order_reference: r.exchange_order_reference.clone(),
            note: r.note.clone(),
        }),
        part: part.and_then(|p| {
            Some(PartContext {
                vendor: p.vendor.as_ref()?.name.clone(),
                items: view
                    .items
                    .iter()
                    .filter(|i| p.item_ids.contains(&i.id))
                    .map(item_context)
                    .collect(),
                address: p.address.as_ref().map(address_lines).unwrap_or_default(),
                instructions: p.instructions.clone(),
                label_url: p.label.as_ref().map(|l| l.poll_url.clone()),
            })
        }),
    }
}

fn item_context(i: &super::views::ReturnItemView) -> ItemContext {
    ItemContext {
        name: i.name.clone(),
        sku: i.sku.clone(),
        quantity: i.requested_quantity,
        approved_quantity: i.approved_quantity,
        received_quantity: i.received_quantity,
    }
}

/// An address as the lines of an envelope.
fn address_lines(a: &crate::domain::settings::ReturnAddress) -> Vec<String> {
    [
        Some(a.name.clone()),
        a.company.clone(),
        Some(a.line1.clone()),
        a.line2.clone(),
        Some(format!("{} {}", a.postal_code, a.city)),
        Some(a.country.clone()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Records that a mail job gave up: its queued notification failed.
pub async fn give_up(state: &AppState, job: &JobRow, reason: &str) {
    let Ok(payload) = serde_json::from_str::<Payload>(&job.payload) else {
        return;
    };
    let reason = reason.to_string();
    let result = state
        .db
        .write(move |conn| {
            Ok(crate::db::notifications::fail_for_event(
                conn,
                &payload.event_id,
                &reason,
            )?)
        })
        .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, "recording the notification failure failed");
    }
}
