//! E-mail notification rows: one per event, kind and recipient (`UNIQUE
//! (event_id, kind, recipient)`), written by the `mail.send` job before it
//! sends and marked once the SMTP server accepted the mail.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::outbox::JobRow;
use super::rows::EventRow;
use super::schema::notifications;
use super::{DbConn, DbResult, OneRow};
use crate::domain::notifications::{Audience, NotificationKind, NotificationStatus};

/// Job kind: mail one recipient about one event.
pub const MAIL: &str = "mail.send";

/// A row of `notifications`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications, treat_none_as_default_value = false)]
pub struct NotificationRow {
    /// Id (`ntf_…`, derived from event and recipient).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Return (`None` for a mail about something else: a disabled webhook
    /// endpoint).
    pub return_id: Option<String>,
    /// The event mailed about.
    pub event_id: String,
    /// [`NotificationKind`] (stored form).
    pub kind: String,
    /// The customer's address (empty when the order has none).
    pub recipient: String,
    /// Locale of the template used.
    pub locale: String,
    /// Status.
    pub status: NotificationStatus,
    /// Attempts to send.
    pub attempts: i32,
    /// Why it was skipped or failed, or the last attempt's error.
    pub last_error: Option<String>,
    /// When the SMTP server accepted it.
    pub sent_at: Option<chrono::NaiveDateTime>,
    /// Created.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
    /// Who it is for.
    pub recipient_type: Audience,
}

/// The id of the notification of `event_id` of `kind` to `recipient`:
/// derived from them, so a job that runs again finds the row it wrote (a
/// customer's from the event and recipient alone, as it always was).
pub fn notification_id(event_id: &str, kind: NotificationKind, recipient: &str) -> String {
    let source = match kind.audience() {
        Audience::Customer => format!("{event_id}:{recipient}"),
        Audience::Staff | Audience::Vendor => {
            format!("{event_id}:{}:{recipient}", kind.as_str())
        }
    };
    let digest = Sha256::digest(source.as_bytes());
    format!("ntf_{}", &hex::encode(digest)[..32])
}

/// Attempts of a mail job: with the worker's doubling backoff (capped at
/// an hour) an unreachable SMTP server is retried for about four hours.
pub const MAIL_ATTEMPTS: i32 = 16;

/// The job that mails one recipient about an event: the customer (one
/// per event), the part's vendor, or the staff address `to`.
pub fn mail_job(event: &EventRow, kind: NotificationKind, to: Option<&str>) -> JobRow {
    let dedupe = match (kind.audience(), to) {
        (Audience::Customer, _) => format!("mail:{}", event.id),
        (_, None) => format!("mail:{}:{}", event.id, kind.as_str()),
        (_, Some(to)) => format!("mail:{}:{}:{to}", event.id, kind.as_str()),
    };
    let mut job = super::outbox::new_job(
        MAIL,
        &event.brand_id,
        &event.return_id,
        Some(&dedupe),
        &serde_json::json!({ "event_id": event.id, "kind": kind.as_str(), "to": to }),
    );
    job.max_attempts = MAIL_ATTEMPTS;
    job
}

/// The job that mails the staff address `to` that the webhook endpoint
/// `endpoint_id` was disabled (`event_id` names that happening).
pub fn endpoint_mail_job(brand_id: &str, endpoint_id: &str, event_id: &str, to: &str) -> JobRow {
    let kind = NotificationKind::WebhookEndpointDisabled;
    let mut job = super::outbox::new_job(
        MAIL,
        brand_id,
        endpoint_id,
        Some(&format!("mail:{event_id}:{}:{to}", kind.as_str())),
        &serde_json::json!({
            "event_id": event_id, "kind": kind.as_str(), "to": to, "endpoint_id": endpoint_id,
        }),
    );
    job.max_attempts = MAIL_ATTEMPTS;
    job
}

/// Writes the row unless one exists for its event and recipient; returns
/// the stored row (the existing one, if any).
pub fn insert_or_get(conn: &mut DbConn, row: &NotificationRow) -> DbResult<NotificationRow> {
    crate::per_backend!(&mut *conn, c => diesel::insert_into(notifications::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(notifications::table
        .filter(notifications::event_id.eq(&row.event_id))
        .filter(notifications::kind.eq(&row.kind))
        .filter(notifications::recipient.eq(&row.recipient))
        .select(NotificationRow::as_select())
        .one(conn)?
        .ok_or(diesel::result::Error::NotFound)?)
}

/// Counts an attempt on a queued notification; whether it was still queued
/// (a sent, skipped or failed one is left alone).
pub fn start_attempt(conn: &mut DbConn, id: &str) -> DbResult<bool> {
    Ok(diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::status.eq(NotificationStatus::Queued)),
    )
    .set((
        notifications::attempts.eq(notifications::attempts + 1),
        notifications::updated_at.eq(super::now()),
    ))
    .execute(conn)?
        == 1)
}

/// Finishes a queued notification: `sent` (with `sent_at`), `skipped` or
/// `failed` with `error`, or still `queued` with the attempt's error.
pub fn settle(
    conn: &mut DbConn,
    id: &str,
    status: NotificationStatus,
    error: Option<&str>,
) -> DbResult<()> {
    let now = super::now();
    let sent_at = (status == NotificationStatus::Sent).then_some(now);
    diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::status.eq(NotificationStatus::Queued)),
    )
    .set((
        notifications::status.eq(status),
        notifications::last_error.eq(error),
        notifications::sent_at.eq(sent_at),
        notifications::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(())
}

/// Marks the queued notification of an event and kind failed (its job
/// gave up): the one to `recipient` when given (a staff address), else
/// the kind's one recipient.
pub fn fail_for_event(
    conn: &mut DbConn,
    (event_id, kind): (&str, NotificationKind),
    recipient: Option<&str>,
    error: &str,
) -> DbResult<()> {
    let mut rows = notifications::table
        .filter(notifications::event_id.eq(event_id))
        .filter(notifications::kind.eq(kind.as_str()))
        .filter(notifications::status.eq(NotificationStatus::Queued))
        .into_boxed();
    if let Some(to) = recipient {
        rows = rows.filter(notifications::recipient.eq(to));
    }
    let ids: Vec<String> = rows.select(notifications::id).load(conn)?;
    diesel::update(notifications::table.filter(notifications::id.eq_any(&ids)))
        .set((
            notifications::status.eq(NotificationStatus::Failed),
            notifications::last_error.eq(Some(error)),
            notifications::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A brand's notifications, newest event first, after the position
/// `(event_id, id)` of the previous page, only those to `audience` if
/// given (`limit` rows).
pub fn for_brand(
    conn: &mut DbConn,
    brand_id: &str,
    audience: Option<Audience>,
    after: Option<(&str, &str)>,
    limit: i64,
) -> DbResult<Vec<NotificationRow>> {
    let mut q = notifications::table
        .filter(notifications::brand_id.eq(brand_id))
        .into_boxed();
    if let Some(audience) = audience {
        q = q.filter(notifications::recipient_type.eq(audience));
    }
    if let Some((event, id)) = after {
        q = q.filter(
            notifications::event_id
                .lt(event.to_string())
                .or(notifications::event_id
                    .eq(event.to_string())
                    .and(notifications::id.lt(id.to_string()))),
        );
    }
    Ok(
        q.order((notifications::event_id.desc(), notifications::id.desc()))
            .limit(limit)
            .select(NotificationRow::as_select())
            .load(conn)?,
    )
}

/// The notifications of a return, in event order.
pub fn for_return(conn: &mut DbConn, return_id: &str) -> DbResult<Vec<NotificationRow>> {
    Ok(notifications::table
        .filter(notifications::return_id.eq(return_id))
        .order((notifications::event_id.asc(), notifications::id.asc()))
        .select(NotificationRow::as_select())
        .load(conn)?)
}

/// Notes a failed attempt's error on a queued notification.
pub fn note_error(conn: &mut DbConn, id: &str, error: &str) -> DbResult<()> {
    diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::status.eq(NotificationStatus::Queued)),
    )
    .set((
        notifications::last_error.eq(Some(error)),
        notifications::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    Ok(())
}
