//! The job worker that runs outbox rows: claim with a lease, run, record the
//! outcome; retry with exponential backoff and jitter; give up after the
//! job's attempts; reclaim jobs whose lease expired (a node crashed); on
//! shutdown finish running jobs for a grace period and hand the rest back.
//!
//! Several nodes may run workers against one PostgreSQL: claiming uses
//! `FOR UPDATE SKIP LOCKED`, so a job is never taken twice while its lease
//! holds. A node wakes its own worker when it enqueues work; the others
//! find it on their next poll.
//!
//! What a job does is not decided here: the worker hands each claimed job
//! to a [`Runner`] (the application's, which knows labels and webhooks).
//!
//! A node runs one worker per lane: a lane claims only its kinds of job,
//! with its own concurrency, so thousands of webhook deliveries never wait
//! behind a label and the other way round. A lane may also cap the jobs
//! running at once per aggregate (per webhook endpoint), so one slow
//! endpoint cannot take every slot from the others.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::db::Db;
use crate::db::outbox::JobRow;
use crate::error::ApiError;

/// Why a job did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// Try again later (until the attempts run out).
    Retry(String),
    /// Never succeeds; fail now.
    Permanent(String),
    /// Try again after this delay (the job keeps its own schedule).
    RetryIn(Duration, String),
}

impl From<ApiError> for JobError {
    fn from(e: ApiError) -> JobError {
        JobError::Retry(e.to_string())
    }
}

/// What a run did with its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ran {
    /// It succeeded; the worker marks the job done.
    Done,
    /// It recorded the job's outcome itself (done, retry or failed, with
    /// `crate::db::outbox` and the job's `locked_by`), in the same
    /// transaction as its own results: one write instead of two.
    Settled,
}

/// Settings of a worker.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Name of this worker in `locked_by`.
    pub id: String,
    /// The job kinds it claims.
    pub kinds: Vec<&'static str>,
    /// At most this many running jobs per aggregate (across nodes), if set.
    pub per_aggregate: Option<usize>,
    /// Jobs run at once.
    pub concurrency: usize,
    /// How long a claim holds before others may take the job.
    pub lease: Duration,
    /// Poll interval when idle.
    pub poll: Duration,
    /// First retry delay (doubles per attempt, ±50 % jitter, at most an hour).
    pub retry_base: Duration,
    /// How long shutdown waits for running jobs.
    pub grace: Duration,
    /// When a job is due: its `run_at` has passed on this clock.
    pub clock: crate::clock::Clock,
}

/// Boxed future of a runner call.
pub type RunFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What runs the jobs the worker claims.
pub trait Runner: Send + Sync + 'static {
    /// Runs `job` once. Must be idempotent: a job may run again after a crash.
    fn run<'a>(&'a self, job: &'a JobRow) -> RunFuture<'a, Result<Ran, JobError>>;
    /// Records that `job` failed for good (its last attempt, or a permanent error).
    fn give_up<'a>(&'a self, job: &'a JobRow, reason: &'a str) -> RunFuture<'a, ()>;
}

struct Context {
    db: Db,
    runner: Arc<dyn Runner>,
}

/// The workers of a node (one per lane): idle until [`Jobs::start`], woken
/// by [`Jobs::notify`].
pub struct Jobs {
    notify: Mutex<Vec<Arc<Notify>>>,
    stop: watch::Sender<bool>,
    tasks: Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Default for Jobs {
    fn default() -> Jobs {
        Jobs::new()
    }
}

impl Jobs {
    /// Workers that run nothing until started (or never, on a node that
    /// runs no jobs).
    pub fn new() -> Jobs {
        let (stop, _) = watch::channel(false);
        Jobs {
            notify: Mutex::new(Vec::new()),
            stop,
            tasks: Mutex::new(Vec::new()),
        }
    }

    /// Starts one worker per lane on the current runtime.
    pub fn start(&self, db: Db, runner: Arc<dyn Runner>, lanes: Vec<WorkerConfig>) {
        for config in lanes {
            let notify = Arc::new(Notify::new());
            let ctx = Context {
                db: db.clone(),
                runner: runner.clone(),
            };
            let task = tokio::spawn(run(ctx, config, notify.clone(), self.stop.subscribe()));
            lock(&self.notify).push(notify);
            lock(&self.tasks).push(task);
        }
    }

    /// Wakes the workers: new work was enqueued on this node.
    pub fn notify(&self) {
        for notify in lock(&self.notify).iter() {
            notify.notify_one();
        }
    }

    /// Stops claiming, lets running jobs finish for the grace period and
    /// hands the unfinished ones back to the queue.
    pub async fn stop(&self) {
        let _ = self.stop.send(true);
        let tasks = std::mem::take(&mut *lock(&self.tasks));
        for task in tasks {
            let _ = task.await;
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn backoff(base: Duration, attempt: i32) -> Duration {
    let exp = base.as_millis() as f64 * 2f64.powi((attempt - 1).clamp(0, 20));
    let jitter = rand::rng().random_range(0.5..1.5);
    Duration::from_millis((exp * jitter).min(3_600_000.0) as u64)
}

async fn run(
    ctx: Context,
    config: WorkerConfig,
    notify: Arc<Notify>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut running: JoinSet<String> = JoinSet::new();
    let mut in_flight: HashSet<String> = HashSet::new();
    // Claims are writes: with many jobs in flight, claim for several freed
    // slots at once rather than one claim per finished job.
    let batch = (config.concurrency / 8).max(1);
    let mut woken = true;
    loop {
        if *stopped.borrow() {
            break;
        }
        while let Some(done) = running.try_join_next() {
            if let Ok(id) = done {
                in_flight.remove(&id);
            }
        }
        let free = config.concurrency.saturating_sub(running.len());
        let mut claimed = 0;
        if free > 0 && (free >= batch || woken || running.is_empty()) {
            match claim(&ctx.db, &config, free).await {
                Ok(jobs) => {
                    claimed = jobs.len();
                    for job in jobs {
                        in_flight.insert(job.id.clone());
                        let (db, runner, config) =
                            (ctx.db.clone(), ctx.runner.clone(), config.clone());
                        running.spawn(async move {
                            let id = job.id.clone();
                            execute(&db, &*runner, &config, job).await;
                            id
                        });
                    }
                }
                Err(e) => tracing::warn!(error = %e, "claiming jobs failed"),
            }
        }
        woken = false;
        if claimed > 0 && claimed == free {
            // Every slot asked for was filled: there may be more due work.
            continue;
        }
        tokio::select! {
            _ = notify.notified() => woken = true,
            _ = tokio::time::sleep(config.poll) => woken = true,
            Some(done) = running.join_next(), if !running.is_empty() => {
                if let Ok(id) = done {
                    in_flight.remove(&id);
                }
            }
            _ = stopped.changed() => {}
        }
    }
    shut_down(&ctx.db, &config, running, in_flight).await;
}

/// Claims up to `free` due jobs of the lane with a lease.
async fn claim(db: &Db, config: &WorkerConfig, free: usize) -> Result<Vec<JobRow>, ApiError> {
    let (worker, lease) = (config.id.clone(), config.lease);
    let (kinds, per_aggregate) = (config.kinds.clone(), config.per_aggregate);
    let due = config.clock.now();
    db.write(move |conn| {
        let now = crate::db::now();
        let lease_until =
            now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(60));
        let claim = crate::db::outbox::Claim {
            worker: &worker,
            kinds: &kinds,
            now,
            due,
            lease_until,
            limit: free as i64,
        };
        Ok(match per_aggregate {
            Some(cap) => crate::db::outbox::claim_capped(conn, &claim, cap as i64)?,
            None => crate::db::outbox::claim(conn, &claim)?,
        })
    })
    .await
}

/// Graceful shutdown: gives running jobs the grace period, then hands the
/// unfinished ones back to the queue.
async fn shut_down(
    db: &Db,
    config: &WorkerConfig,
    mut running: JoinSet<String>,
    mut in_flight: HashSet<String>,
) {
    let deadline = tokio::time::sleep(config.grace);
    tokio::pin!(deadline);
    while !running.is_empty() {
        tokio::select! {
            Some(done) = running.join_next() => {
                if let Ok(id) = done {
                    in_flight.remove(&id);
                }
            }
            _ = &mut deadline => break,
        }
    }
    running.abort_all();
    if in_flight.is_empty() {
        return;
    }
    let (ids, worker) = (in_flight.into_iter().collect::<Vec<_>>(), config.id.clone());
    match db
        .write(move |conn| Ok(crate::db::outbox::release(conn, &ids, &worker)?))
        .await
    {
        Ok(n) => tracing::info!(released = n, "handed unfinished jobs back"),
        Err(e) => tracing::warn!(error = %e, "could not hand jobs back; their leases will expire"),
    }
}

async fn execute(db: &Db, runner: &dyn Runner, config: &WorkerConfig, job: JobRow) {
    let result = runner.run(&job).await;
    let (id, worker) = (job.id.clone(), config.id.clone());
    let outcome = match result.clone() {
        Ok(Ran::Settled) => Ok(()),
        Ok(Ran::Done) => db
            .write(move |conn| Ok(crate::db::outbox::finish(conn, &id, &worker)?))
            .await
            .map(|_| ()),
        Err(JobError::Retry(message) | JobError::RetryIn(_, message))
            if job.attempts < job.max_attempts =>
        {
            // The job's own delay when it has one, else exponential backoff.
            let delay = match &result {
                Err(JobError::RetryIn(delay, _)) => *delay,
                _ => backoff(config.retry_base, job.attempts),
            };
            tracing::info!(job = %job.id, attempt = job.attempts, retry_in_ms = delay.as_millis() as u64, error = %message, "job will be retried");
            let run_at = crate::db::now()
                + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::seconds(1));
            db.write(move |conn| {
                Ok(crate::db::outbox::retry(
                    conn, &id, &worker, run_at, &message,
                )?)
            })
            .await
            .map(|_| ())
        }
        Err(
            JobError::Retry(message) | JobError::Permanent(message) | JobError::RetryIn(_, message),
        ) => {
            tracing::warn!(job = %job.id, kind = %job.kind, error = %message, "job failed for good");
            runner.give_up(&job, &message).await;
            db.write(move |conn| Ok(crate::db::outbox::fail(conn, &id, &worker, &message)?))
                .await
                .map(|_| ())
        }
    };
    if let Err(e) = outcome {
        tracing::warn!(job = %job.id, error = %e, "recording a job outcome failed; its lease will expire");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let base = Duration::from_millis(1000);
        for attempt in 1..6 {
            let d = backoff(base, attempt).as_millis() as f64;
            let expected = 1000.0 * 2f64.powi(attempt - 1);
            assert!(d >= expected * 0.5 && d <= expected * 1.5, "{attempt}: {d}");
        }
        assert!(backoff(base, 40) <= Duration::from_secs(3600));
    }
}
