//! The durable outbox: side effects (label creation, webhook events) are
//! written as rows in the same transaction as the change that causes them,
//! and workers run them afterwards. A crash between the two loses nothing.

use diesel::prelude::*;

use super::schema::outbox;
use super::{DbConn, DbResult};

/// Job kind: create the label of a return shipment.
pub const LABEL: &str = "label.create";
/// Job kind: deliver an event to the brand's webhook endpoints.
pub const WEBHOOK: &str = "webhook.event";
/// Job kind: carry out a vendor's `on_timeout` at its part's deadline.
pub const DEADLINE: &str = "vendor.deadline";
/// Job kind: find an instant exchange whose original was not scanned in
/// transit by its deadline.
pub const EXCHANGE_DEADLINE: &str = "exchange.deadline";
/// Job kind: cancel a return still waiting for its payment at its deadline.
pub const PAYMENT_DEADLINE: &str = "payment.deadline";

/// Default attempts before a job fails for good.
pub const MAX_ATTEMPTS: i32 = 8;

/// Where a job stands; stored as text (see `statuses.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Waiting for a worker (or for its next attempt).
    Pending,
    /// Claimed by a worker, under a lease.
    Running,
    /// Ran to the end.
    Done,
    /// Gave up after its last attempt.
    Failed,
    /// Cancelled before it ran (its aggregate went away).
    Cancelled,
}

impl JobStatus {
    /// Every status.
    pub const ALL: [JobStatus; 5] = [
        JobStatus::Pending,
        JobStatus::Running,
        JobStatus::Done,
        JobStatus::Failed,
        JobStatus::Cancelled,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<JobStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// A row of `outbox`.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
pub struct JobRow {
    /// Id (`job_…`).
    pub id: String,
    /// Kind ([`LABEL`], [`WEBHOOK`]).
    pub kind: String,
    /// Brand.
    pub brand_id: String,
    /// The shipment or return concerned.
    pub aggregate_id: String,
    /// At most one job per key (e.g. one label job per shipment).
    pub dedupe_key: Option<String>,
    /// Input (JSON).
    pub payload: String,
    /// Where it stands.
    pub status: JobStatus,
    /// Attempts started.
    pub attempts: i32,
    /// Attempts allowed.
    pub max_attempts: i32,
    /// Not before.
    pub run_at: chrono::NaiveDateTime,
    /// A running job's lease; expired leases are reclaimed.
    pub lease_until: Option<chrono::NaiveDateTime>,
    /// Worker holding the lease.
    pub locked_by: Option<String>,
    /// Last failure.
    pub last_error: Option<String>,
    /// Enqueued.
    pub created_at: chrono::NaiveDateTime,
    /// Finished (done, failed or cancelled).
    pub finished_at: Option<chrono::NaiveDateTime>,
}

/// A pending job, to be written with [`enqueue_all`].
pub fn new_job(
    kind: &str,
    brand_id: &str,
    aggregate_id: &str,
    dedupe_key: Option<&str>,
    payload: &serde_json::Value,
) -> JobRow {
    new_raw_job(
        kind,
        brand_id,
        aggregate_id,
        dedupe_key,
        payload.to_string(),
    )
}

/// A pending job whose payload is already JSON text.
pub fn new_raw_job(
    kind: &str,
    brand_id: &str,
    aggregate_id: &str,
    dedupe_key: Option<&str>,
    payload: String,
) -> JobRow {
    let now = super::now();
    JobRow {
        id: crate::domain::ids::new_id("job"),
        kind: kind.to_string(),
        brand_id: brand_id.to_string(),
        aggregate_id: aggregate_id.to_string(),
        dedupe_key: dedupe_key.map(str::to_owned),
        payload,
        status: JobStatus::Pending,
        attempts: 0,
        max_attempts: MAX_ATTEMPTS,
        run_at: now,
        lease_until: None,
        locked_by: None,
        last_error: None,
        created_at: now,
        finished_at: None,
    }
}

/// Enqueues jobs in one statement, skipping those whose `dedupe_key` exists.
pub fn enqueue_all(conn: &mut DbConn, rows: &[JobRow]) -> DbResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    crate::per_backend!(conn, c => diesel::insert_into(outbox::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(c))?;
    Ok(())
}

/// Cancels the pending jobs of these aggregates.
pub fn cancel_for(conn: &mut DbConn, aggregate_ids: &[String]) -> DbResult<usize> {
    if aggregate_ids.is_empty() {
        return Ok(0);
    }
    Ok(diesel::update(
        outbox::table
            .filter(outbox::aggregate_id.eq_any(aggregate_ids))
            .filter(outbox::status.eq(JobStatus::Pending)),
    )
    .set((
        outbox::status.eq(JobStatus::Cancelled),
        outbox::finished_at.eq(Some(super::now())),
    ))
    .execute(conn)?)
}

/// Jobs of an aggregate (tests and operators).
pub fn for_aggregate(conn: &mut DbConn, aggregate_id: &str) -> DbResult<Vec<JobRow>> {
    Ok(outbox::table
        .filter(outbox::aggregate_id.eq(aggregate_id))
        .order(outbox::id.asc())
        .select(JobRow::as_select())
        .load(conn)?)
}

/// What a worker claims: due jobs of its kinds (pending and due, or
/// running with an expired lease), for `worker` until `lease_until`.
pub struct Claim<'a> {
    /// Worker name (`locked_by`).
    pub worker: &'a str,
    /// Job kinds of the worker's lane (fixed names, never user input).
    pub kinds: &'a [&'static str],
    /// Now (leases are measured against it).
    pub now: chrono::NaiveDateTime,
    /// Jobs whose `run_at` is at or before this are due: now by the
    /// node's scheduling clock ([`crate::clock::Clock`]).
    pub due: chrono::NaiveDateTime,
    /// End of the lease.
    pub lease_until: chrono::NaiveDateTime,
    /// At most this many jobs.
    pub limit: i64,
}

/// `kind IN ('a', 'b')` for fixed kind names.
fn kinds_sql(kinds: &[&'static str]) -> String {
    let quoted: Vec<String> = kinds.iter().map(|k| format!("'{k}'")).collect();
    format!("kind IN ({})", quoted.join(", "))
}

/// Claims up to `claim.limit` due jobs, counting an attempt for each, in
/// one statement (its parameters first appear in their numbers' order:
/// SQLite numbers `$N` by first appearance, PostgreSQL by `N`). PostgreSQL skips rows other nodes are claiming
/// (`FOR UPDATE SKIP LOCKED`); SQLite has a single writer, so the update
/// is atomic as it is.
pub fn claim(conn: &mut DbConn, claim: &Claim<'_>) -> DbResult<Vec<JobRow>> {
    use diesel::sql_types::{BigInt, Text, Timestamp};
    let lock = match conn {
        DbConn::Pg(_) => "FOR UPDATE SKIP LOCKED",
        DbConn::Sqlite(_) => "",
    };
    let sql = format!(
        "UPDATE outbox SET status = '{running}', lease_until = $1, locked_by = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox \
            WHERE {kinds} AND ((status = '{pending}' AND run_at <= $3) OR (status = '{running}' AND lease_until < $4)) \
            ORDER BY run_at LIMIT $5 {lock}) \
         RETURNING *",
        kinds = kinds_sql(claim.kinds),
        running = JobStatus::Running.as_str(),
        pending = JobStatus::Pending.as_str(),
    );
    let rows: Vec<JobRow> = crate::per_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<Timestamp, _>(claim.lease_until)
        .bind::<Text, _>(claim.worker)
        .bind::<Timestamp, _>(claim.due)
        .bind::<Timestamp, _>(claim.now)
        .bind::<BigInt, _>(claim.limit)
        .load(c))?;
    Ok(rows)
}

/// Claims like [`claim`], but never so that more than `cap` jobs of one
/// aggregate run at once (counting every node's live leases): aggregates
/// at their cap are skipped, the others get at most their remaining room,
/// earliest first.
pub fn claim_capped(conn: &mut DbConn, claim: &Claim<'_>, cap: i64) -> DbResult<Vec<JobRow>> {
    let busy: Vec<(String, i64)> = outbox::table
        .filter(outbox::kind.eq_any(claim.kinds))
        .filter(outbox::status.eq(JobStatus::Running))
        .filter(outbox::lease_until.ge(claim.now))
        .group_by(outbox::aggregate_id)
        .select((outbox::aggregate_id, diesel::dsl::count_star()))
        .load(conn)?;
    let mut room: std::collections::HashMap<String, i64> = busy
        .iter()
        .map(|(aggregate, n)| (aggregate.clone(), cap - n))
        .collect();
    let full: Vec<&String> = busy
        .iter()
        .filter(|(_, n)| *n >= cap)
        .map(|(a, _)| a)
        .collect();
    let due = outbox::status
        .eq(JobStatus::Pending)
        .and(outbox::run_at.le(claim.due))
        .or(outbox::status
            .eq(JobStatus::Running)
            .and(outbox::lease_until.lt(claim.now)));
    let candidates = outbox::table
        .filter(outbox::kind.eq_any(claim.kinds))
        .filter(due)
        .filter(outbox::aggregate_id.ne_all(full))
        .order((outbox::run_at, outbox::id))
        .limit(claim.limit * 4)
        .select((outbox::id, outbox::aggregate_id));
    let candidates: Vec<(String, String)> = match conn {
        DbConn::Pg(c) => candidates.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => candidates.load(c)?,
    };
    let mut chosen = Vec::new();
    for (id, aggregate) in candidates {
        let left = room.entry(aggregate).or_insert(cap);
        if *left > 0 && (chosen.len() as i64) < claim.limit {
            *left -= 1;
            chosen.push(id);
        }
    }
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(outbox::table.filter(outbox::id.eq_any(&chosen)))
        .set((
            outbox::status.eq(JobStatus::Running),
            outbox::lease_until.eq(Some(claim.lease_until)),
            outbox::locked_by.eq(Some(claim.worker)),
            outbox::attempts.eq(outbox::attempts + 1),
        ))
        .execute(conn)?;
    Ok(outbox::table
        .filter(outbox::id.eq_any(&chosen))
        .order((outbox::run_at, outbox::id))
        .select(JobRow::as_select())
        .load(conn)?)
}

/// Marks a job this worker still holds as done. Returns whether it held it.
pub fn finish(conn: &mut DbConn, id: &str, worker: &str) -> DbResult<bool> {
    Ok(diesel::update(held(id, worker))
        .set((
            outbox::status.eq(JobStatus::Done),
            outbox::finished_at.eq(Some(super::now())),
            outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
        ))
        .execute(conn)?
        == 1)
}

/// Schedules another attempt at `run_at`, recording the error.
pub fn retry(
    conn: &mut DbConn,
    id: &str,
    worker: &str,
    run_at: chrono::NaiveDateTime,
    error: &str,
) -> DbResult<bool> {
    Ok(diesel::update(held(id, worker))
        .set((
            outbox::status.eq(JobStatus::Pending),
            outbox::run_at.eq(run_at),
            outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
            outbox::locked_by.eq(None::<String>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?
        == 1)
}

/// Records a permanent failure.
pub fn fail(conn: &mut DbConn, id: &str, worker: &str, error: &str) -> DbResult<bool> {
    Ok(diesel::update(held(id, worker))
        .set((
            outbox::status.eq(JobStatus::Failed),
            outbox::finished_at.eq(Some(super::now())),
            outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?
        == 1)
}

/// Hands jobs this worker holds back to the queue (graceful shutdown),
/// giving back the attempt they were charged.
pub fn release(conn: &mut DbConn, ids: &[String], worker: &str) -> DbResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::locked_by.eq(worker))
            .filter(outbox::status.eq(JobStatus::Running)),
    )
    .set((
        outbox::status.eq(JobStatus::Pending),
        outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
        outbox::locked_by.eq(None::<String>),
        outbox::attempts.eq(outbox::attempts - 1),
    ))
    .execute(conn)?)
}

type Held<'a> = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::Filter<outbox::table, diesel::dsl::Eq<outbox::id, &'a str>>,
        diesel::dsl::Eq<outbox::locked_by, &'a str>,
    >,
    diesel::dsl::Eq<outbox::status, JobStatus>,
>;

fn held<'a>(id: &'a str, worker: &'a str) -> Held<'a> {
    outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::locked_by.eq(worker))
        .filter(outbox::status.eq(JobStatus::Running))
}

/// Deletes finished jobs older than `before` (housekeeping).
pub fn purge_finished(conn: &mut DbConn, before: chrono::NaiveDateTime) -> DbResult<usize> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::status.eq_any([JobStatus::Done, JobStatus::Cancelled]))
            .filter(outbox::finished_at.lt(before)),
    )
    .execute(conn)?)
}
