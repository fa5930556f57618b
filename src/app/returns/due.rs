//! A job that acts on one return when a time comes (a vendor's deadline,
//! an instant exchange's scan deadline, a payment deadline): the return is
//! loaded and locked, the job's rule decides by the scheduling clock, and
//! what it does commits with its events' webhooks and mail in one
//! transaction. A rule that finds the time not come yet has the job run
//! again then; one that finds nothing to do ends it. A job run twice (a
//! node died after the commit) finds the return already moved on.

use chrono::NaiveDateTime;

use super::views::Renderer;
use crate::app::AppState;
use crate::db::DbConn;
use crate::db::outbox::JobRow;
use crate::db::returns::FullReturn;
use crate::db::rows::EventRow;
use crate::error::ApiError;
use crate::jobs::{JobError, Ran};

/// What a rule decided.
pub(crate) enum Due {
    /// Nothing (any more) to do.
    Nothing,
    /// Not yet: run again at this time.
    WaitUntil(NaiveDateTime),
    /// It acted: these events (written) are published.
    Acted(Vec<EventRow>),
}

/// Runs `rule` on the job's return at the scheduling clock's now.
pub(crate) async fn act_on_return<F>(
    state: &AppState,
    job: &JobRow,
    mut rule: F,
) -> Result<Ran, JobError>
where
    F: FnMut(&mut DbConn, &mut FullReturn, NaiveDateTime) -> Result<Due, ApiError> + Send + 'static,
{
    let now = state.config.clock.now();
    let render = Renderer::new(state);
    let (brand_id, return_id) = (job.brand_id.clone(), job.aggregate_id.clone());
    let wait = state
        .db
        .write(move |conn| {
            let Some(mut full) = crate::db::returns::load_locked(conn, &brand_id, &return_id)?
            else {
                return Ok(None);
            };
            match rule(conn, &mut full, now)? {
                Due::Nothing => Ok(None),
                Due::WaitUntil(at) => Ok(Some(at)),
                Due::Acted(events) => {
                    super::publish(conn, &render, &full, &events)?;
                    Ok(None)
                }
            }
        })
        .await?;
    match wait {
        Some(at) => Err(JobError::RetryIn(
            (at - now).to_std().unwrap_or_default(),
            "the deadline has not come yet".into(),
        )),
        None => {
            state.jobs.notify();
            Ok(Ran::Done)
        }
    }
}
