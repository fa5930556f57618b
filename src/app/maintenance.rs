//! Housekeeping of a node: migrations, signing-key rotation and reloads, and
//! the sweep that drops expired idempotency keys, stale rate-limit counters,
//! old finished jobs, and photo uploads never attached to a return within
//! 24 hours (with their blobs).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::AppState;
use crate::db::Db;
use crate::error::ApiError;
use crate::storage::Storage;

/// The database handle of administrative commands.
pub type Database = Db;

/// Connects to the database of `url` with a small pool (administrative
/// commands).
pub fn connect(url: &str) -> anyhow::Result<Database> {
    Db::connect(url, 2)
}

/// Whether a scraper may read `/metrics`: always when the node has no
/// `METRICS_TOKEN`, else only with that token (compared in constant time).
pub fn check_metrics_token(state: &AppState, bearer: Option<&str>) -> Result<(), ApiError> {
    let Some(expected) = &state.config.metrics_token else {
        return Ok(());
    };
    match bearer {
        None => Err(ApiError::new(
            crate::error::ErrorCode::MissingCredentials,
            "Send the metrics token as `Authorization: Bearer <token>`.",
        )),
        Some(given) if crate::domain::contact::same(given, &expected.0) => Ok(()),
        Some(_) => Err(ApiError::new(
            crate::error::ErrorCode::InvalidCredentials,
            "The metrics token is wrong.",
        )),
    }
}

/// How long a readiness answer is reused: probes from a load balancer
/// (often several per second per node) cost one write a second at most.
const READINESS_TTL: Duration = Duration::from_secs(1);

/// How long the blob store may take to write, read back and remove a probe.
const BLOB_PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// A dependency without which a node cannot serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dependency {
    /// The database does not take a write.
    Database,
    /// The blob store (photos, labels) does not take a write or read.
    BlobStore,
}

/// The readiness probe of a node: its name in `node_probes` (and in the
/// blob store's `probes/`) and the last outcome.
pub struct Readiness {
    node: String,
    last: tokio::sync::Mutex<Option<(std::time::Instant, Result<(), Dependency>)>>,
}

impl Default for Readiness {
    fn default() -> Readiness {
        Readiness {
            node: format!("node_{}", uuid::Uuid::now_v7().simple()),
            last: tokio::sync::Mutex::new(None),
        }
    }
}

/// Whether the node can serve: the database takes a write now (a real
/// write, bounded like every write, so a lock held elsewhere, a read-only
/// file or server, or a server that is down all make the node not ready),
/// and the blob store takes a small blob, gives it back and removes it.
/// The answer is reused for a second; it recovers by itself. A 503 names
/// the dependency that failed.
pub async fn ready(state: &AppState) -> Result<(), ApiError> {
    let readiness = &state.readiness;
    let mut last = readiness.last.lock().await;
    let outcome = match *last {
        Some((at, outcome)) if at.elapsed() < READINESS_TTL => outcome,
        _ => {
            let outcome = probe(state, &readiness.node).await;
            *last = Some((std::time::Instant::now(), outcome));
            outcome
        }
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(Dependency::Database) => Err(ApiError::database_unavailable(
            "readiness probe failed: the database",
        )),
        Err(Dependency::BlobStore) => Err(ApiError::new(
            crate::error::ErrorCode::StorageUnavailable,
            format!(
                "The blob store ({}) failed its readiness probe; retry shortly.",
                state.storage.kind()
            ),
        )
        .with_header("retry-after", "2")),
    }
}

async fn probe(state: &AppState, node: &str) -> Result<(), Dependency> {
    if let Err(e) = state.db.probe_write(node).await {
        tracing::warn!(error = %e, "readiness probe failed: database");
        return Err(Dependency::Database);
    }
    if let Err(e) = state.storage.probe(node, BLOB_PROBE_TIMEOUT).await {
        tracing::warn!(error = %e, kind = state.storage.kind(), "readiness probe failed: blob store");
        return Err(Dependency::BlobStore);
    }
    Ok(())
}

/// Applies pending migrations; returns the names applied.
pub async fn migrate(db: &Db) -> Result<Vec<String>, ApiError> {
    let db = db.clone();
    crate::db::blocking(move || {
        let mut conn = db.conn()?;
        crate::db::migrations::run_pending(&mut conn).map_err(ApiError::internal)
    })
    .await
}

/// Starts signing tokens with a new key; returns its id. Older keys keep
/// verifying until their tokens expire.
/// The new key is sealed under `secrets`.
pub async fn rotate_signing_key(
    db: &Db,
    secrets: Arc<crate::secrets::Keyring>,
) -> Result<String, ApiError> {
    db.write(move |conn| Ok(crate::db::signing_keys::rotate(conn, &secrets)?))
        .await
}

/// Moves the label PDFs that rows name by absolute file path (written
/// before blobs were stored by key) into the blob store under their keys,
/// and makes the rows name the keys; returns how many moved. A file this
/// node cannot read (it was written on another node) is left for a node
/// that can: its label keeps being served from the path where it is. Safe to
/// run again and on several nodes at once: a row moves only while it still
/// names the old path, and the file itself is left in place.
pub async fn move_label_files(db: &Db, storage: &Storage) -> Result<usize, ApiError> {
    let rows = db
        .read(|conn| Ok(crate::db::labels::with_file_paths(conn)?))
        .await?;
    let mut moved = 0;
    for (label_id, path) in rows {
        let bytes = match storage.get(&path).await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::warn!(label_id, path, error = %e, "label file not readable on this node; left in place");
                continue;
            }
        };
        let key = Storage::label_key(&label_id);
        storage.put(&key, bytes, "application/pdf").await?;
        let (id, old, new) = (label_id.clone(), path.clone(), key.clone());
        if db
            .write(move |conn| Ok(crate::db::labels::set_blob_key(conn, &id, &old, &new)?))
            .await?
        {
            moved += 1;
        }
    }
    Ok(moved)
}

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
pub async fn sweep(db: &Db, storage: &Storage, now: DateTime<Utc>) -> Result<Swept, ApiError> {
    let cutoff = now.naive_utc() - UPLOAD_TTL;
    let (hashes, uploads, thumbnails) = db
        .write(move |conn| {
            let before = crate::db::uploads::count_all(conn)?;
            let hashes = crate::db::uploads::purge_unattached(conn, cutoff)?;
            let after = crate::db::uploads::count_all(conn)?;
            let thumbnails = crate::db::thumbnails::forget(conn, &hashes)?;
            Ok((hashes, (before - after) as usize, thumbnails))
        })
        .await?;
    let mut files = 0;
    for sha in &hashes {
        match storage.remove(&Storage::upload_key(sha)).await {
            Ok(true) => files += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "removing an unattached upload failed"),
        }
    }
    for key in &thumbnails {
        if let Err(e) = storage.remove(key).await {
            tracing::warn!(error = %e, "removing a thumbnail failed");
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
            match crate::app::reports::roll_up_all(&state.db, crate::app::reports::margin(&state))
                .await
            {
                Ok(0) => {}
                Ok(days) => tracing::debug!(days, "report summaries rolled up"),
                Err(e) => tracing::warn!(error = %e, "rolling up report summaries failed"),
            }
            if n % 20 == 0 {
                match sweep(&state.db, &state.storage, Utc::now()).await {
                    Ok(s) if s != Swept::default() => tracing::info!(?s, "housekeeping"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
                }
            }
            n += 1;
        }
    })
}
