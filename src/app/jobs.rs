//! The application's job runner: what each kind of outbox job does, and
//! the lanes the worker runs them in.

use std::sync::Arc;
use std::time::Duration;

use super::AppState;
use crate::config::Config;
use crate::db::notifications::MAIL;
use crate::db::outbox::{DEADLINE, EXCHANGE_DEADLINE, JobRow, LABEL, PAYMENT_DEADLINE, WEBHOOK};
use crate::db::webhooks::DELIVER;
use crate::jobs::{JobError, Ran, RunFuture, Runner, WorkerConfig};

/// Runs label, event, delivery and mail jobs for the workers.
pub struct AppRunner(pub Arc<AppState>);

fn label_id(job: &JobRow) -> Option<String> {
    let payload: serde_json::Value = serde_json::from_str(&job.payload).ok()?;
    payload["label_id"].as_str().map(str::to_owned)
}

impl Runner for AppRunner {
    fn run<'a>(&'a self, job: &'a JobRow) -> RunFuture<'a, Result<Ran, JobError>> {
        Box::pin(async move {
            match job.kind.as_str() {
                LABEL => match label_id(job) {
                    Some(label) => super::labels::produce(&self.0, &label)
                        .await
                        .map(|_| Ran::Done),
                    None => Err(JobError::Permanent("label job without label_id".into())),
                },
                WEBHOOK => super::webhooks::fan_out(&self.0, job)
                    .await
                    .map(|_| Ran::Done),
                DELIVER => super::webhooks::deliver(&self.0, job).await,
                MAIL => super::returns::notifications::send(&self.0, job).await,
                DEADLINE => super::returns::deadline::run(&self.0, job).await,
                EXCHANGE_DEADLINE => super::returns::exchanges::run_deadline(&self.0, job).await,
                PAYMENT_DEADLINE => {
                    super::returns::exchanges::run_payment_deadline(&self.0, job).await
                }
                other => Err(JobError::Permanent(format!("unknown job kind {other}"))),
            }
        })
    }

    fn give_up<'a>(&'a self, job: &'a JobRow, reason: &'a str) -> RunFuture<'a, ()> {
        Box::pin(async move {
            if job.kind == LABEL
                && let Some(label) = label_id(job)
                && let Err(e) = super::labels::give_up(&self.0, &label, reason).await
            {
                tracing::warn!(error = %e, "recording the label failure failed");
            }
            if job.kind == MAIL {
                super::returns::notifications::give_up(&self.0, job, reason).await;
            }
        })
    }
}

/// The kinds every lane runs: each kind in exactly one lane.
pub const GENERAL_KINDS: &[&str] = &[
    LABEL,
    WEBHOOK,
    MAIL,
    DEADLINE,
    EXCHANGE_DEADLINE,
    PAYMENT_DEADLINE,
];
/// Webhook deliveries: many at once, capped per endpoint.
pub const DELIVERY_KINDS: &[&str] = &[DELIVER];

/// The lanes of a node: labels and events; webhook deliveries.
pub fn lanes(config: &Config) -> Vec<WorkerConfig> {
    let node = uuid::Uuid::now_v7().simple().to_string();
    let lease = Duration::from_secs(config.job_lease_secs.max(1));
    let general = WorkerConfig {
        id: format!("node-{node}"),
        kinds: GENERAL_KINDS.to_vec(),
        per_aggregate: None,
        concurrency: config.job_concurrency.max(1),
        lease,
        poll: Duration::from_millis(config.job_poll_ms.max(10)),
        retry_base: Duration::from_millis(config.job_retry_base_ms.max(1)),
        grace: Duration::from_secs(10),
        clock: config.clock.clone(),
    };
    let hooks = &config.webhooks;
    // A lease shorter than an attempt (the timeout, then recording it)
    // would let another node send it again meanwhile.
    let attempt = Duration::from_millis(hooks.webhook_timeout_ms);
    let delivery_lease = lease.max(attempt + attempt / 2 + Duration::from_secs(1));
    let deliveries = WorkerConfig {
        id: format!("node-{node}-webhooks"),
        kinds: DELIVERY_KINDS.to_vec(),
        per_aggregate: Some(hooks.webhook_endpoint_concurrency.max(1)),
        concurrency: hooks.webhook_concurrency.max(1),
        lease: delivery_lease,
        ..general.clone()
    };
    vec![general, deliveries]
}
