//! A vendor's deadline acting by itself: when a part starts waiting for its
//! vendor, a `vendor.deadline` job is written with the event, due at the
//! part's `vendor_due_at`. When it runs, it locks the return and, in that
//! one transaction, carries out the vendor's `on_timeout` if the part still
//! waits for the deadline the job was made for
//! ([`at_deadline`](crate::domain::vendors::at_deadline)).
//!
//! Exactly once across nodes and restarts: the job is claimed with a lease
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL), and the decision and its
//! events commit together with the part's new state; a job that runs again
//! (a node died after the commit, before marking the job done) finds the
//! part answered and does nothing.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::due::{Due, act_on_return};
use crate::app::AppState;
use crate::db::outbox::{DEADLINE, JobRow};
use crate::db::rows::EventRow;
use crate::domain::parts::PartStatus;
use crate::domain::vendors::{AtDeadline, at_deadline};
use crate::jobs::{JobError, Ran};

/// The deadline job of a part that started waiting for its vendor at
/// `event`, due at `due`.
pub(crate) fn job(event: &EventRow, part: &str, due: NaiveDateTime) -> JobRow {
    let due_at = due.and_utc();
    let mut job = crate::db::outbox::new_job(
        DEADLINE,
        &event.brand_id,
        &event.return_id,
        Some(&format!("deadline:{part}:{}", due_at.timestamp_micros())),
        &serde_json::json!({ "part_id": part, "due_at": due_at }),
    );
    job.run_at = due;
    job
}

#[derive(Deserialize)]
struct Task {
    part_id: String,
    due_at: DateTime<Utc>,
}

/// Runs a part's deadline job.
pub async fn run(state: &AppState, job: &JobRow) -> Result<Ran, JobError> {
    let task: Task = serde_json::from_str(&job.payload)
        .map_err(|e| JobError::Permanent(format!("a deadline job without its part: {e}")))?;
    act_on_return(state, job, move |conn, full, now| {
        let Some(part) = full.shipments.iter().find(|s| s.id == task.part_id) else {
            return Ok(Due::Nothing);
        };
        let rule = full
            .vendor_of(part)
            .map(|v| v.on_timeout)
            .unwrap_or_default();
        let waiting = part.status == PartStatus::AwaitingVendor;
        let scheduled = task.due_at.naive_utc();
        Ok(
            match at_deadline(waiting, scheduled, part.vendor_due_at, rule, now) {
                AtDeadline::Nothing => Due::Nothing,
                AtDeadline::WaitUntil(at) => Due::WaitUntil(at),
                AtDeadline::Act(rule) => {
                    Due::Acted(super::vendor::on_deadline(conn, full, &task.part_id, rule)?)
                }
            },
        )
    })
    .await
}
