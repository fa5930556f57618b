//! The application's job runner: what each kind of outbox job does.

use std::sync::Arc;

use super::AppState;
use crate::db::outbox::{JobRow, LABEL, WEBHOOK};
use crate::jobs::{JobError, RunFuture, Runner};

/// Runs label and event jobs for the worker.
pub struct AppRunner(pub Arc<AppState>);

fn label_id(job: &JobRow) -> Option<String> {
    let payload: serde_json::Value = serde_json::from_str(&job.payload).ok()?;
    payload["label_id"].as_str().map(str::to_owned)
}

impl Runner for AppRunner {
    fn run<'a>(&'a self, job: &'a JobRow) -> RunFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            match job.kind.as_str() {
                LABEL => match label_id(job) {
                    Some(label) => super::labels::produce(&self.0, &label).await,
                    None => Err(JobError::Permanent("label job without label_id".into())),
                },
                // Events stay in the audit trail; no endpoint is subscribed
                // to deliveries, so there is nothing to send.
                WEBHOOK => Ok(()),
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
        })
    }
}
