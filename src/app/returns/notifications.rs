//! E-mail notifications: the `mail.send` jobs of an event, written in the
//! event's transaction for each recipient the brand mails about it (the
//! customer, each staff address, the vendor of the part), the jobs that
//! come later (a vendor's reminder, a part's deadline), and the merchant's
//! list of what was sent.
//!
//! A job mails one event to one recipient. It first writes
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
use utoipa::{IntoParams, ToSchema};

use super::views::{Renderer, ReturnView};
use crate::app::keys::Merchant;
use crate::app::{AppState, merchant_brand};
use crate::db::DbConn;
use crate::db::notifications::NotificationRow;
use crate::db::outbox::JobRow;
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::db::webhooks::EndpointRow;
use crate::domain::events::EventType;
use crate::domain::money::Money;
use crate::domain::notifications::{
    Audience, BrandContext, CustomerContext, EndpointContext, ExchangeContext, ExchangeItemContext,
    ItemContext, MailContext, MailEvent, MailSettings, MailTemplate, NotificationKind,
    NotificationStatus, PartContext, PaymentContext, ResolutionContext, ReturnContext,
    format_money, staff_kind, vendor_kind,
};
use crate::domain::parts::PartStatus;
use crate::domain::settings::ReturnsSettings;
use crate::domain::vendors::{OnTimeout, reminder_at};
use crate::error::ApiError;
use crate::jobs::{JobError, Ran};
use crate::mail::{Outgoing, SendError};

/// An e-mail about one event: to the customer, a staff address or a vendor.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    /// Id (`ntf_…`, derived from event, kind and recipient; the mail's
    /// `Message-ID` is made from it).
    pub id: String,
    /// The event mailed about (`evt_…`).
    pub event_id: String,
    /// The return it is about (`null` for a disabled webhook endpoint).
    pub return_id: Option<String>,
    /// Which step.
    pub kind: NotificationKind,
    /// Who it is for.
    pub recipient_type: Audience,
    /// The address (`null` when there is none: an order without e-mail, a
    /// vendor without `contact_email`).
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
            return_id: r.return_id,
            recipient_type: r.recipient_type,
            recipient: Some(r.recipient).filter(|s| !s.is_empty()),
            locale: r.locale,
            attempts: r.attempts.max(0) as u32,
            error: r.last_error,
            sent_at: r.sent_at.map(|t| t.and_utc()),
            created_at: r.created_at.and_utc(),
        }
    }
}

/// E-mail notifications, in event order.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationList {
    /// Notifications.
    pub data: Vec<NotificationView>,
}

/// Filters of a brand's notification log.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only mail to these recipients.
    pub recipient_type: Option<Audience>,
}

/// A page of a brand's notification log.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    /// Notifications, newest event first.
    pub data: Vec<NotificationView>,
    /// Cursor of the next page (`null` on the last one).
    pub next_cursor: Option<String>,
}

/// Every e-mail of the brand (to customers, staff and vendors, about
/// returns and about webhook endpoints), newest event first.
pub async fn list_for_brand(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    query: NotificationQuery,
    limit: i64,
    cursor: Option<String>,
) -> Result<NotificationPage, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let after = cursor.as_deref().and_then(|c| c.split_once(' '));
            Ok(crate::db::notifications::for_brand(
                conn,
                &brand.id,
                query.recipient_type,
                after,
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) =
        crate::app::pagination::paginate(rows, limit, |r| format!("{} {}", r.event_id, r.id));
    Ok(NotificationPage {
        data: rows.into_iter().map(NotificationView::from).collect(),
        next_cursor,
    })
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

/// The jobs an event's change leads to, for the brand's settings: a
/// `mail.send` job per recipient the brand mails about each event (the
/// customer, each staff address, the part's vendor), a vendor's reminder
/// due before its deadline, and the deadline's own job.
fn follow_ups(settings: &ReturnsSettings, events: &[EventRow]) -> Vec<JobRow> {
    let change: Vec<EventType> = events
        .iter()
        .filter_map(|e| EventType::parse(&e.event_type))
        .collect();
    let mut jobs = Vec::new();
    for event in events {
        let Some(event_type) = EventType::parse(&event.event_type) else {
            continue;
        };
        let details: serde_json::Value = serde_json::from_str(&event.details).unwrap_or_default();
        let mail = MailEvent {
            event_type,
            actor: &event.actor,
            vendor_part: details["vendor_id"].is_string(),
        };
        if let Some(kind) =
            NotificationKind::for_event(event_type).filter(|k| settings.notifications.enabled(*k))
        {
            jobs.push(crate::db::notifications::mail_job(event, kind, None));
        }
        if let Some(kind) = staff_kind(mail, &change) {
            for to in settings.staff_notifications.recipients_of(kind) {
                jobs.push(crate::db::notifications::mail_job(event, kind, Some(to)));
            }
        }
        if let Some(kind) = vendor_kind(mail).filter(|k| settings.vendor_notifications.enabled(*k))
        {
            jobs.push(crate::db::notifications::mail_job(event, kind, None));
        }
        let due = details["due_at"]
            .as_str()
            .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
            .map(|d| d.naive_utc());
        if let (EventType::ReturnPaymentRequired, Some(due)) = (event_type, due) {
            jobs.push(super::exchanges::payment_job(event, due));
        }
        if let (EventType::ExchangeRequested, Some(due), true) =
            (event_type, due, details["instant"] == true)
        {
            jobs.push(super::exchanges::deadline_job(event, due));
        }
        if let (EventType::ReturnPartAwaitingVendor, Some(due), Some(part)) =
            (event_type, due, event.shipment_id.as_deref())
        {
            jobs.push(super::deadline::job(event, part, due));
            let vendors = &settings.vendor_notifications;
            if vendors.enabled(NotificationKind::PartReminder)
                && let Some(at) = reminder_at(event.created_at, due, vendors.reminder_hours)
            {
                let mut job =
                    crate::db::notifications::mail_job(event, NotificationKind::PartReminder, None);
                job.run_at = at;
                jobs.push(job);
            }
        }
    }
    jobs
}

/// Enqueues, in the events' transaction, the jobs they lead to
/// ([`follow_ups`]).
pub(crate) fn enqueue(conn: &mut DbConn, events: &[EventRow]) -> Result<(), ApiError> {
    let Some(first) = events.first() else {
        return Ok(());
    };
    let (settings, _) = crate::db::settings::get(conn, &first.brand_id)?;
    Ok(crate::db::outbox::enqueue_all(
        conn,
        &follow_ups(&settings, events),
    )?)
}

/// The jobs new events (a return's creation) lead to, for the brand's
/// settings.
pub(crate) fn jobs_for_new(settings: &ReturnsSettings, events: &[EventRow]) -> Vec<JobRow> {
    follow_ups(settings, events)
}

#[derive(Deserialize)]
struct Payload {
    event_id: String,
    kind: NotificationKind,
    /// The staff address (staff mail only).
    #[serde(default)]
    to: Option<String>,
    /// The webhook endpoint a staff mail is about (instead of a return).
    #[serde(default)]
    endpoint_id: Option<String>,
}

/// Enqueues, in the transaction that disabled a webhook endpoint of the
/// merchant, the staff mail about it (a vendor's endpoint is the vendor's
/// to mind).
pub(crate) fn enqueue_endpoint_disabled(
    conn: &mut DbConn,
    endpoint: &EndpointRow,
) -> Result<(), ApiError> {
    if endpoint.vendor_id.is_some() {
        return Ok(());
    }
    let (settings, _) = crate::db::settings::get(conn, &endpoint.brand_id)?;
    let event_id = crate::domain::ids::new_id("evt");
    let jobs: Vec<JobRow> = settings
        .staff_notifications
        .recipients_of(NotificationKind::WebhookEndpointDisabled)
        .iter()
        .map(|to| {
            crate::db::notifications::endpoint_mail_job(
                &endpoint.brand_id,
                &endpoint.id,
                &event_id,
                to,
            )
        })
        .collect();
    Ok(crate::db::outbox::enqueue_all(conn, &jobs)?)
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
        .write(move |conn| match &payload.endpoint_id {
            Some(endpoint) => prepare_endpoint(conn, &brand_id, endpoint, &payload, smtp),
            None => prepare(conn, &render, &brand_id, &return_id, &payload, smtp),
        })
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

/// Who a mail goes to, in which locale, and whether it still should.
struct Addressee {
    /// The address (empty when there is none).
    address: String,
    /// The recipient's locale.
    locale: String,
    /// Why it is not sent although there is an address (turned off since
    /// the event, a reminder the vendor answered before).
    skip: Option<&'static str>,
}

/// The addressee of a mail of `payload.kind` about `event`.
fn addressee(
    conn: &mut DbConn,
    full: &FullReturn,
    event: &EventRow,
    payload: &Payload,
    settings: &ReturnsSettings,
) -> Result<Addressee, ApiError> {
    let kind = payload.kind;
    let default = settings.default_locale.clone();
    Ok(match kind.audience() {
        Audience::Customer => Addressee {
            address: crate::db::orders::by_id(conn, &full.ret.brand_id, &full.ret.order_id)?
                .and_then(|o| o.email_norm)
                .unwrap_or_default(),
            locale: full.ret.locale.clone(),
            skip: (!settings.notifications.enabled(kind)).then_some("disabled"),
        },
        Audience::Staff => {
            let staff = &settings.staff_notifications;
            let address = payload.to.clone().unwrap_or_default();
            let listed = staff.recipients_of(kind).contains(&address);
            Addressee {
                address,
                locale: staff.locale.clone().unwrap_or(default),
                skip: (!listed).then_some("disabled"),
            }
        }
        Audience::Vendor => {
            let part = full
                .shipments
                .iter()
                .find(|s| Some(s.id.as_str()) == event.shipment_id.as_deref());
            let vendor = part.and_then(|p| full.vendor_of(p));
            let answered = kind == NotificationKind::PartReminder
                && part.is_none_or(|p| p.status != PartStatus::AwaitingVendor);
            Addressee {
                address: vendor
                    .and_then(|v| v.contact_email.clone())
                    .unwrap_or_default(),
                locale: vendor.and_then(|v| v.locale.clone()).unwrap_or(default),
                skip: if !settings.vendor_notifications.enabled(kind) {
                    Some("disabled")
                } else if answered {
                    Some("answered")
                } else {
                    None
                },
            }
        }
    })
}

/// The template of a kind for a locale, from the settings of its audience.
fn template_of(
    settings: &ReturnsSettings,
    kind: NotificationKind,
    locale: &str,
) -> (String, MailTemplate) {
    let default = &settings.default_locale;
    match kind.audience() {
        Audience::Customer => settings.notifications.template(kind, locale, default),
        Audience::Staff => settings.staff_notifications.template(kind, locale, default),
        Audience::Vendor => settings
            .vendor_notifications
            .template(kind, locale, default),
    }
}

/// Records a notification (or finds the one an earlier run wrote) and
/// settles it at once when there is nothing to send. `None`: nothing to
/// send (settled before, or now).
fn record(
    conn: &mut DbConn,
    row: NotificationRow,
    skip: Option<&str>,
    smtp: bool,
) -> Result<Option<NotificationRow>, ApiError> {
    let row = crate::db::notifications::insert_or_get(conn, &row)?;
    if row.status != NotificationStatus::Queued {
        return Ok(None);
    }
    let skip = if row.recipient.is_empty() {
        Some("no_recipient")
    } else if skip.is_some() {
        skip
    } else if !smtp {
        Some("smtp_not_configured")
    } else {
        None
    };
    if let Some(reason) = skip {
        crate::db::notifications::settle(conn, &row.id, NotificationStatus::Skipped, Some(reason))?;
        return Ok(None);
    }
    Ok(Some(row))
}

/// Renders a recorded notification's mail and counts the attempt; a
/// template that fails fails the notification (`None`).
fn rendered(
    conn: &mut DbConn,
    row: NotificationRow,
    template: &MailTemplate,
    context: &MailContext,
) -> Result<Option<Prepared>, ApiError> {
    match crate::domain::notifications::render(template, context) {
        Ok(mail) => {
            crate::db::notifications::start_attempt(conn, &row.id)?;
            Ok(Some(Prepared {
                id: row.id,
                to: row.recipient,
                subject: mail.subject,
                html: mail.html,
            }))
        }
        Err(e) => {
            let error = format!("template: {e}");
            crate::db::notifications::settle(
                conn,
                &row.id,
                NotificationStatus::Failed,
                Some(&error),
            )?;
            Ok(None)
        }
    }
}

/// Records the notification of the job's event and recipient (or finds
/// it), settles it when there is nothing to send, and otherwise renders
/// the mail and counts the attempt. `None`: nothing to send.
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
    let kind = payload.kind;
    let to = addressee(conn, &full, &event, payload, &settings)?;
    let (locale, template) = template_of(&settings, kind, &to.locale);
    let now = crate::db::now();
    let row = NotificationRow {
        id: crate::db::notifications::notification_id(&event.id, kind, &to.address),
        brand_id: brand_id.to_string(),
        return_id: Some(return_id.to_string()),
        event_id: event.id.clone(),
        kind: kind.as_str().to_string(),
        recipient: to.address,
        locale,
        status: NotificationStatus::Queued,
        attempts: 0,
        last_error: None,
        sent_at: None,
        created_at: now,
        updated_at: now,
        recipient_type: kind.audience(),
    };
    let Some(row) = record(conn, row, to.skip, smtp)? else {
        return Ok(None);
    };
    let customer = match kind.audience() {
        Audience::Customer => crate::db::orders::by_id(conn, brand_id, &full.ret.order_id)?
            .map(|o| o.order())
            .transpose()?
            .and_then(|o| o.customer.name),
        Audience::Staff | Audience::Vendor => None,
    };
    let brand_name = crate::db::brands::by_id(conn, brand_id)?
        .map(|b| b.name)
        .unwrap_or_default();
    let rules: Vec<(String, OnTimeout)> = full
        .vendors
        .iter()
        .map(|v| (v.id.clone(), v.on_timeout))
        .collect();
    let view = render.view(full, None)?;
    let mut context = context(&view, &event, brand_name, customer);
    if let Some(part) = &mut context.part {
        part.on_timeout = view
            .shipments
            .iter()
            .find(|s| Some(s.id.as_str()) == event.shipment_id.as_deref())
            .and_then(|s| s.vendor.as_ref())
            .and_then(|v| rules.iter().find(|(id, _)| *id == v.id))
            .map(|(_, rule)| rule.as_str().to_string());
    }
    match kind.audience() {
        Audience::Customer => {}
        Audience::Staff => {
            if kind == NotificationKind::LabelFailed {
                let details: serde_json::Value =
                    serde_json::from_str(&event.details).unwrap_or_default();
                context.note = details["reason"].as_str().map(str::to_owned);
            }
        }
        Audience::Vendor => for_vendor(&mut context),
    }
    rendered(conn, row, &template, &context)
}

/// Like [`prepare`], for the staff mail about a disabled webhook endpoint.
fn prepare_endpoint(
    conn: &mut DbConn,
    brand_id: &str,
    endpoint_id: &str,
    payload: &Payload,
    smtp: bool,
) -> Result<Option<Prepared>, ApiError> {
    let merchant = crate::domain::webhooks::Owner::Merchant;
    let Some(endpoint) = crate::db::webhooks::endpoint(conn, brand_id, &merchant, endpoint_id)?
    else {
        return Ok(None);
    };
    let (settings, _) = crate::db::settings::get(conn, brand_id)?;
    let kind = payload.kind;
    let staff = &settings.staff_notifications;
    let address = payload.to.clone().unwrap_or_default();
    let listed = staff.recipients_of(kind).contains(&address);
    let locale = staff
        .locale
        .clone()
        .unwrap_or_else(|| settings.default_locale.clone());
    let (locale, template) = template_of(&settings, kind, &locale);
    let now = crate::db::now();
    let row = NotificationRow {
        id: crate::db::notifications::notification_id(&payload.event_id, kind, &address),
        brand_id: brand_id.to_string(),
        return_id: None,
        event_id: payload.event_id.clone(),
        kind: kind.as_str().to_string(),
        recipient: address,
        locale,
        status: NotificationStatus::Queued,
        attempts: 0,
        last_error: None,
        sent_at: None,
        created_at: now,
        updated_at: now,
        recipient_type: Audience::Staff,
    };
    let Some(row) = record(conn, row, (!listed).then_some("disabled"), smtp)? else {
        return Ok(None);
    };
    let context = MailContext {
        brand: BrandContext {
            name: crate::db::brands::by_id(conn, brand_id)?
                .map(|b| b.name)
                .unwrap_or_default(),
        },
        endpoint: Some(EndpointContext {
            id: endpoint.id,
            url: endpoint.url,
        }),
        note: endpoint.disabled_reason,
        ..MailContext::default()
    };
    rendered(conn, row, &template, &context)
}

/// What a vendor's mail may show: its own part, never the customer's
/// details nor the customer's label links.
fn for_vendor(context: &mut MailContext) {
    if let Some(part) = &context.part {
        context.ret.items = part.items.clone();
    }
    context.customer = CustomerContext::default();
    context.label_url = None;
    context.label_urls.clear();
    context.resolution = None;
    if let Some(part) = &mut context.part {
        part.label_url = None;
    }
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
    let details: serde_json::Value = serde_json::from_str(&event.details).unwrap_or_default();
    let tracking_number = details["tracking_number"].as_str().map(str::to_owned);
    let label_urls: Vec<String> = view
        .shipments
        .iter()
        .filter_map(|s| s.label.as_ref().map(|l| l.poll_url.clone()))
        .collect();
    MailContext {
        ret: ReturnContext {
            id: view.id.clone(),
            rma: view.rma_number.clone(),
            status: Some(event.to_status.unwrap_or(view.status)),
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
                due_at: p.vendor_due_at.map(|d| d.to_rfc3339()),
                on_timeout: None,
                tracking_number: tracking_number.clone(),
            })
        }),
        endpoint: None,
        payment: view.payment.as_ref().map(|p| PaymentContext {
            amount_due: money(&p.amount_due),
        }),
        exchange: exchange_context(view, &details),
    }
}

/// The exchange an event speaks of: the items with a replacement (those
/// the event names, when it names some), the new sale's reference and an
/// instant exchange's deadline. `None` for a return without exchanges.
fn exchange_context(view: &ReturnView, details: &serde_json::Value) -> Option<ExchangeContext> {
    let named: Vec<&str> = details["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["return_item_id"].as_str())
                .collect()
        })
        .unwrap_or_default();
    let items: Vec<ExchangeItemContext> = view
        .items
        .iter()
        .filter(|i| named.is_empty() || named.contains(&i.id.as_str()))
        .filter_map(|i| {
            let exchange = i.exchange.as_ref()?;
            Some(ExchangeItemContext {
                sku: i.sku.clone(),
                variant_sku: exchange.variant_sku.clone(),
                quantity: i.requested_quantity,
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    Some(ExchangeContext {
        reference: details["reference"].as_str().map(str::to_owned),
        due_at: details["due_at"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| view.exchange_due_at.map(|d| d.to_rfc3339())),
        items,
    })
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
                (&payload.event_id, payload.kind),
                payload.to.as_deref(),
                &reason,
            )?)
        })
        .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, "recording the notification failure failed");
    }
}
