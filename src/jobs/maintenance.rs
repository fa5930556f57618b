//! Housekeeping of a node: reload signing keys, drop expired idempotency
//! keys, stale rate-limit counters, old finished jobs, and photo uploads
//! never attached to a return within 24 hours (with their files).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::error::ApiError;
use crate::startup::AppState;

/// Unattached uploads older than this are removed.
pub const UPLOAD_TTL: chrono::Duration = chrono::Duration::hours(24);

/// What a sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// Upload rows.
    pub uploads: usize,
    /// Upload files no longer referenced.
    pub files: usize,
    /// Idempotency keys.
    pub idempotency_keys: usize,
    /// Rate-limit counters.
    pub rate_limits: usize,
    /// Finished jobs.
    pub jobs: usize,
}

/// One sweep as of `now`.
pub async fn sweep(db: &Db, data_dir: &Path, now: DateTime<Utc>) -> Result<Swept, ApiError> {
    let cutoff = now.naive_utc() - UPLOAD_TTL;
    let (hashes, uploads) = db
        .write(move |conn| {
            let before = crate::db::uploads::count_all(conn)?;
            let hashes = crate::db::uploads::purge_unattached(conn, cutoff)?;
            let after = crate::db::uploads::count_all(conn)?;
            Ok((hashes, (before - after) as usize))
        })
        .await?;
    let mut files = 0;
    for sha in &hashes {
        if std::fs::remove_file(crate::routes::portal::uploads::path_for(data_dir, sha)).is_ok() {
            files += 1;
        }
    }
    let ts = now.timestamp();
    let week_ago = now.naive_utc() - chrono::Duration::days(7);
    let (idempotency_keys, rate_limits, jobs) = db
        .write(move |conn| {
            Ok((
                crate::db::idempotency::purge(conn)?,
                crate::db::rate_limits::purge(conn, ts - 86_400)?,
                crate::db::outbox::purge_finished(conn, week_ago)?,
            ))
        })
        .await?;
    Ok(Swept {
        uploads,
        files,
        idempotency_keys,
        rate_limits,
        jobs,
    })
}

/// Runs housekeeping until aborted: keys every 30 s, a sweep every 10 minutes.
pub fn spawn(state: Arc<AppState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut n: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = state.keys.fresh(&state.db).await {
                tracing::warn!(error = %e, "reloading signing keys failed");
            }
            if n % 20 == 0 {
                match sweep(&state.db, &state.config.data_dir, Utc::now()).await {
                    Ok(s) if s != Swept::default() => tracing::info!(?s, "housekeeping"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
                }
            }
            n += 1;
        }
    })
}
