//! Webhook rows: endpoints, messages (the body of an event, sent as is to
//! every endpoint on every attempt), deliveries (one per event and
//! endpoint) and their attempts.
//!
//! An endpoint's signing secrets are stored sealed (`crate::secrets`) under
//! the deployment's secrets key, bound to the endpoint's id: this layer
//! stores and returns them as they are, the services seal and open them.
//!
//! An endpoint belongs to the merchant (`vendor_id` null) or to one vendor
//! of the brand; every query of endpoints names the [`Owner`], so neither
//! ever sees the other's.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::outbox::JobRow;
use super::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints, webhook_messages};
use super::{DbConn, DbResult, OneRow};
use crate::domain::webhooks::{DeliveryStatus, Owner};

/// Job kind: deliver one message to one endpoint (one attempt per run).
pub const DELIVER: &str = "webhook.deliver";

/// A row of `webhook_endpoints`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(
    table_name = webhook_endpoints,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct EndpointRow {
    /// Id (`whe_…`).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Where deliveries go.
    pub url: String,
    /// The merchant's note.
    pub description: Option<String>,
    /// Event types (JSON array; empty: all).
    pub event_types: String,
    /// Whether deliveries go out.
    pub enabled: bool,
    /// Why it was disabled by the system.
    pub disabled_reason: Option<String>,
    /// Signing secret (`whsec_…`), sealed with [`secret_context`].
    pub secret: String,
    /// The secret before the last rotation, sealed like `secret`.
    pub previous_secret: Option<String>,
    /// Until when the previous secret signs too.
    pub previous_secret_until: Option<chrono::NaiveDateTime>,
    /// Start of the current run of failed attempts.
    pub failing_since: Option<chrono::NaiveDateTime>,
    /// Created.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
    /// The vendor it belongs to (none: the merchant's).
    pub vendor_id: Option<String>,
}

/// The context an endpoint's secrets are sealed with (its row).
pub fn secret_context(endpoint_id: &str) -> String {
    format!("webhook_endpoints:{endpoint_id}")
}

impl EndpointRow {
    /// Who it belongs to.
    pub fn owner(&self) -> Owner {
        Owner::of(self.vendor_id.as_deref())
    }

    /// The (sealed) secrets that sign at `now`: the current one, and the
    /// previous one while its rotation grace lasts.
    pub fn signing_secrets(&self, now: chrono::NaiveDateTime) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(old), Some(until)) = (&self.previous_secret, self.previous_secret_until)
            && until > now
        {
            secrets.push(old);
        }
        secrets
    }
}

/// A row of `webhook_messages`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_messages)]
pub struct MessageRow {
    /// The event id (`evt_…`), also the `webhook-id` header.
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Event type.
    pub event_type: String,
    /// The envelope, exactly as sent.
    pub body: String,
    /// When the event happened.
    pub created_at: chrono::NaiveDateTime,
}

/// A row of `webhook_deliveries`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries, treat_none_as_default_value = false)]
pub struct DeliveryRow {
    /// Id (`whd_…`, derived from endpoint and message).
    pub id: String,
    /// Brand.
    pub brand_id: String,
    /// Endpoint.
    pub endpoint_id: String,
    /// Message.
    pub message_id: String,
    /// Event type.
    pub event_type: String,
    /// Status.
    pub status: DeliveryStatus,
    /// Attempts made.
    pub attempts: i32,
    /// When the next attempt is due (pending only).
    pub next_attempt_at: Option<chrono::NaiveDateTime>,
    /// Status code of the last attempt.
    pub last_status_code: Option<i32>,
    /// Error of the last attempt.
    pub last_error: Option<String>,
    /// Created.
    pub created_at: chrono::NaiveDateTime,
    /// Last change.
    pub updated_at: chrono::NaiveDateTime,
}

/// A row of `webhook_attempts`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_attempts, treat_none_as_default_value = false)]
pub struct AttemptRow {
    /// Id (`wha_…`).
    pub id: String,
    /// Delivery.
    pub delivery_id: String,
    /// 1, 2, …
    pub attempt: i32,
    /// When it was sent.
    pub started_at: chrono::NaiveDateTime,
    /// The answer's status code (none when no answer came).
    pub status_code: Option<i32>,
    /// How long it took.
    pub latency_ms: i32,
    /// What went wrong.
    pub error: Option<String>,
    /// The start of the answer's body.
    pub response_excerpt: Option<String>,
    /// When the next attempt is due, if any.
    pub next_attempt_at: Option<chrono::NaiveDateTime>,
}

/// The id of the delivery of `message_id` to `endpoint_id`: derived from
/// both, so fanning an event out again (after a crash) finds the same rows.
pub fn delivery_id(endpoint_id: &str, message_id: &str) -> String {
    let digest = Sha256::digest(format!("{endpoint_id}:{message_id}").as_bytes());
    format!("whd_{}", &hex::encode(digest)[..32])
}

/// The job that makes the next attempt of a delivery. `round` tells apart
/// the jobs of one delivery (0 for the first, the attempts made for a
/// manual retry), so a repeated request enqueues one job.
pub fn deliver_job(delivery: &DeliveryRow, round: i32, manual: bool) -> JobRow {
    let mut job = super::outbox::new_job(
        DELIVER,
        &delivery.brand_id,
        &delivery.endpoint_id,
        Some(&format!("deliver:{}:{round}", delivery.id)),
        &serde_json::json!({ "delivery_id": delivery.id, "manual": manual }),
    );
    // The delivery's own schedule decides when to give up.
    job.max_attempts = 1000;
    job
}

/// An id without its `xxx_` prefix.
fn suffix(id: &str) -> &str {
    id.split_once('_').map_or(id, |(_, rest)| rest)
}

/// Inserts an endpoint.
pub fn insert_endpoint(conn: &mut DbConn, row: &EndpointRow) -> DbResult<()> {
    diesel::insert_into(webhook_endpoints::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Saves every column of an endpoint.
pub fn save_endpoint(conn: &mut DbConn, row: &EndpointRow) -> DbResult<()> {
    diesel::update(webhook_endpoints::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

type Owned<'a> = webhook_endpoints::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

/// The endpoints of the brand that `owner` owns.
fn owned<'a>(brand_id: &'a str, owner: &'a Owner) -> Owned<'a> {
    let q = webhook_endpoints::table
        .filter(webhook_endpoints::brand_id.eq(brand_id))
        .into_boxed();
    match owner.vendor_id() {
        None => q.filter(webhook_endpoints::vendor_id.is_null()),
        Some(vendor) => q.filter(webhook_endpoints::vendor_id.eq(vendor)),
    }
}

/// Deletes an endpoint of the owner with its deliveries; whether it
/// existed.
pub fn delete_endpoint(
    conn: &mut DbConn,
    brand_id: &str,
    owner: &Owner,
    id: &str,
) -> DbResult<bool> {
    if endpoint(conn, brand_id, owner, id)?.is_none() {
        return Ok(false);
    }
    let n = diesel::delete(webhook_endpoints::table.find(id)).execute(conn)?;
    Ok(n == 1)
}

/// An endpoint of the brand that `owner` owns.
pub fn endpoint(
    conn: &mut DbConn,
    brand_id: &str,
    owner: &Owner,
    id: &str,
) -> DbResult<Option<EndpointRow>> {
    Ok(owned(brand_id, owner)
        .filter(webhook_endpoints::id.eq(id))
        .select(EndpointRow::as_select())
        .one(conn)?)
}

/// The owner's endpoints of the brand after `after`, oldest first
/// (`limit` rows).
pub fn endpoints(
    conn: &mut DbConn,
    brand_id: &str,
    owner: &Owner,
    after: Option<&str>,
    limit: i64,
) -> DbResult<Vec<EndpointRow>> {
    let mut q = owned(brand_id, owner);
    if let Some(after) = after {
        q = q.filter(webhook_endpoints::id.gt(after));
    }
    Ok(q.order(webhook_endpoints::id.asc())
        .limit(limit)
        .select(EndpointRow::as_select())
        .load(conn)?)
}

/// Whether any endpoint of the brand (the merchant's or a vendor's) is
/// enabled: without one, an event has no one to go to, and its webhook job
/// is not written at all. An endpoint hears the changes made after it was
/// created (or enabled), as before: fan-out only ever chose among the
/// endpoints enabled when the job ran.
pub fn any_enabled(conn: &mut DbConn, brand_id: &str) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        webhook_endpoints::table
            .filter(webhook_endpoints::brand_id.eq(brand_id))
            .filter(webhook_endpoints::enabled.eq(true)),
    ))
    .get_result(conn)?)
}

/// How many endpoints the owner has in the brand.
pub fn count_endpoints(conn: &mut DbConn, brand_id: &str, owner: &Owner) -> DbResult<i64> {
    Ok(owned(brand_id, owner).count().get_result(conn)?)
}

/// The owner's enabled endpoints of the brand (the caller picks the
/// subscribed ones).
pub fn enabled_endpoints(
    conn: &mut DbConn,
    brand_id: &str,
    owner: &Owner,
) -> DbResult<Vec<EndpointRow>> {
    Ok(owned(brand_id, owner)
        .filter(webhook_endpoints::enabled.eq(true))
        .select(EndpointRow::as_select())
        .load(conn)?)
}

/// The enabled endpoints of the brand's active vendors among `vendors`
/// (a retired vendor's endpoints hear nothing more).
pub fn enabled_vendor_endpoints(
    conn: &mut DbConn,
    brand_id: &str,
    vendors: &[String],
) -> DbResult<Vec<EndpointRow>> {
    use super::schema::vendors as v;
    if vendors.is_empty() {
        return Ok(Vec::new());
    }
    let active = v::table
        .filter(v::brand_id.eq(brand_id))
        .filter(v::id.eq_any(vendors))
        .filter(v::deactivated_at.is_null())
        .select(v::id);
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::brand_id.eq(brand_id))
        .filter(webhook_endpoints::enabled.eq(true))
        .filter(
            webhook_endpoints::vendor_id
                .assume_not_null()
                .eq_any(active),
        )
        .select(EndpointRow::as_select())
        .load(conn)?)
}

/// Writes a message and its deliveries with their jobs. Nothing is written
/// twice: a message, a delivery and a job that exist are left alone.
pub fn fan_out(
    conn: &mut DbConn,
    message: &MessageRow,
    deliveries: &[DeliveryRow],
) -> DbResult<()> {
    if deliveries.is_empty() {
        return Ok(());
    }
    crate::per_backend!(&mut *conn, c => diesel::insert_into(webhook_messages::table)
        .values(message)
        .on_conflict_do_nothing()
        .execute(c))?;
    crate::per_backend!(&mut *conn, c => diesel::insert_into(webhook_deliveries::table)
        .values(deliveries)
        .on_conflict_do_nothing()
        .execute(c))?;
    // Due at the event's time, with ids that sort like the events: claimed
    // earliest first, an endpoint gets its deliveries in event order.
    let jobs: Vec<JobRow> = deliveries
        .iter()
        .map(|d| {
            let mut job = deliver_job(d, 0, false);
            job.id = format!("job_{}{}", suffix(&message.id), &suffix(&d.id)[..8]);
            job.run_at = message.created_at;
            job
        })
        .collect();
    super::outbox::enqueue_all(conn, &jobs)
}

/// A delivery with its endpoint and message body.
pub struct DeliveryContext {
    /// The delivery.
    pub delivery: DeliveryRow,
    /// Its endpoint.
    pub endpoint: EndpointRow,
    /// The body to send.
    pub body: String,
    /// Whether the endpoint's owner still hears through it (false once its
    /// vendor was retired).
    pub owner_active: bool,
}

/// A delivery, its endpoint and the body to send (`None` once the endpoint
/// was deleted).
pub fn context(conn: &mut DbConn, delivery_id: &str) -> DbResult<Option<DeliveryContext>> {
    let row: Option<(DeliveryRow, EndpointRow, String)> = webhook_deliveries::table
        .inner_join(webhook_endpoints::table)
        .inner_join(webhook_messages::table)
        .filter(webhook_deliveries::id.eq(delivery_id))
        .select((
            DeliveryRow::as_select(),
            EndpointRow::as_select(),
            webhook_messages::body,
        ))
        .one(conn)?;
    let Some((delivery, endpoint, body)) = row else {
        return Ok(None);
    };
    let owner_active = match &endpoint.vendor_id {
        None => true,
        Some(vendor) => {
            super::vendors::get(conn, &endpoint.brand_id, vendor)?.is_some_and(|v| v.is_active())
        }
    };
    Ok(Some(DeliveryContext {
        delivery,
        endpoint,
        body,
        owner_active,
    }))
}

/// A delivery of the brand.
pub fn delivery(conn: &mut DbConn, brand_id: &str, id: &str) -> DbResult<Option<DeliveryRow>> {
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(id))
        .filter(webhook_deliveries::brand_id.eq(brand_id))
        .select(DeliveryRow::as_select())
        .one(conn)?)
}

/// Records an attempt and the delivery's new state.
pub fn record_attempt(
    conn: &mut DbConn,
    attempt: &AttemptRow,
    delivery: &DeliveryRow,
) -> DbResult<()> {
    diesel::insert_into(webhook_attempts::table)
        .values(attempt)
        .execute(conn)?;
    save_delivery(conn, delivery)
}

/// Saves a delivery's status, attempts and last result.
pub fn save_delivery(conn: &mut DbConn, d: &DeliveryRow) -> DbResult<()> {
    diesel::update(webhook_deliveries::table.find(&d.id))
        .set((
            webhook_deliveries::status.eq(d.status),
            webhook_deliveries::attempts.eq(d.attempts),
            webhook_deliveries::next_attempt_at.eq(d.next_attempt_at),
            webhook_deliveries::last_status_code.eq(d.last_status_code),
            webhook_deliveries::last_error.eq(&d.last_error),
            webhook_deliveries::updated_at.eq(d.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Notes an attempt's outcome on its endpoint: a success ends a run of
/// failures, a failure starts one (or continues it). After a failure,
/// returns the endpoint as it now is.
pub fn note_outcome(
    conn: &mut DbConn,
    endpoint_id: &str,
    succeeded: bool,
    at: chrono::NaiveDateTime,
) -> DbResult<Option<EndpointRow>> {
    let target = webhook_endpoints::table.find(endpoint_id);
    if succeeded {
        diesel::update(target.filter(webhook_endpoints::failing_since.is_not_null()))
            .set(webhook_endpoints::failing_since.eq(None::<chrono::NaiveDateTime>))
            .execute(conn)?;
        // Nothing to decide after a success.
        return Ok(None);
    } else {
        diesel::update(target.filter(webhook_endpoints::failing_since.is_null()))
            .set(webhook_endpoints::failing_since.eq(Some(at)))
            .execute(conn)?;
    }
    Ok(target.select(EndpointRow::as_select()).one(conn)?)
}

/// Which deliveries to list.
#[derive(Debug, Default, Clone)]
pub struct DeliveryFilter {
    /// Only these statuses (all when empty).
    pub statuses: Vec<DeliveryStatus>,
    /// Only this event type.
    pub event_type: Option<String>,
}

/// An endpoint's deliveries, newest event first, after the `before`
/// message id (`limit` rows), with their attempts (oldest first).
pub fn deliveries(
    conn: &mut DbConn,
    endpoint_id: &str,
    filter: &DeliveryFilter,
    before: Option<&str>,
    limit: i64,
) -> DbResult<Vec<(DeliveryRow, Vec<AttemptRow>)>> {
    let mut q = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .into_boxed();
    if !filter.statuses.is_empty() {
        q = q.filter(webhook_deliveries::status.eq_any(&filter.statuses));
    }
    if let Some(t) = &filter.event_type {
        q = q.filter(webhook_deliveries::event_type.eq(t));
    }
    if let Some(before) = before {
        q = q.filter(webhook_deliveries::message_id.lt(before));
    }
    let rows: Vec<DeliveryRow> = q
        .order(webhook_deliveries::message_id.desc())
        .limit(limit)
        .select(DeliveryRow::as_select())
        .load(conn)?;
    let mut attempts = attempts_of(conn, &rows.iter().map(|d| d.id.clone()).collect::<Vec<_>>())?;
    Ok(rows
        .into_iter()
        .map(|d| {
            let mine = attempts.remove(&d.id).unwrap_or_default();
            (d, mine)
        })
        .collect())
}

/// The attempts of deliveries, by delivery, oldest first.
pub fn attempts_of(
    conn: &mut DbConn,
    delivery_ids: &[String],
) -> DbResult<std::collections::HashMap<String, Vec<AttemptRow>>> {
    let mut out: std::collections::HashMap<String, Vec<AttemptRow>> = Default::default();
    if delivery_ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<AttemptRow> = webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(delivery_ids))
        .order((webhook_attempts::delivery_id, webhook_attempts::attempt))
        .select(AttemptRow::as_select())
        .load(conn)?;
    for row in rows {
        out.entry(row.delivery_id.clone()).or_default().push(row);
    }
    Ok(out)
}

/// Brings the pending job of a delivery forward to now; whether there was
/// one waiting.
pub fn hurry(conn: &mut DbConn, delivery: &DeliveryRow) -> DbResult<bool> {
    use super::schema::outbox;
    let n = diesel::update(
        outbox::table
            .filter(outbox::kind.eq(DELIVER))
            .filter(outbox::aggregate_id.eq(&delivery.endpoint_id))
            .filter(outbox::status.eq(super::outbox::JobStatus::Pending))
            .filter(outbox::dedupe_key.like(format!("deliver:{}:%", delivery.id))),
    )
    .set(outbox::run_at.eq(super::now()))
    .execute(conn)?;
    Ok(n > 0)
}
