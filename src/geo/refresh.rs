//! Keeping a node's index in step with the database.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use super::{Builder, ServicePointIndex};
use crate::db::Db;
use crate::error::ApiError;

/// Rows fetched per round trip when loading the index.
const CHUNK: i64 = 20_000;

/// The node's current index, swapped atomically after a rebuild.
pub struct IndexHandle {
    current: RwLock<Arc<ServicePointIndex>>,
}

impl Default for IndexHandle {
    fn default() -> Self {
        IndexHandle {
            current: RwLock::new(Arc::new(ServicePointIndex::empty())),
        }
    }
}

impl IndexHandle {
    /// The current snapshot.
    pub fn get(&self) -> Arc<ServicePointIndex> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set(&self, index: ServicePointIndex) {
        let old = std::mem::replace(
            &mut *self.current.write().unwrap_or_else(|p| p.into_inner()),
            Arc::new(index),
        );
        drop(old);
        release_free_memory();
    }

    /// Rebuilds the index when the database holds a newer data set. Returns
    /// whether it rebuilt.
    pub async fn refresh(&self, db: &Db) -> Result<bool, ApiError> {
        let version = db
            .read(|conn| Ok(crate::db::service_points::version(conn)?))
            .await?;
        if version == self.get().version {
            return Ok(false);
        }
        let db = db.clone();
        let index = crate::db::blocking(move || load(&db, version)).await?;
        tracing::info!(version, points = index.len(), "service-point index rebuilt");
        self.set(index);
        Ok(true)
    }
}

/// Hands the memory freed by building an index (growth of its vectors, the
/// previous snapshot) back to the operating system: the allocator would
/// otherwise keep it, and the node's resident size would stay at its peak.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the kernel; it has
    // no preconditions and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Reads every active point (in id order, chunk by chunk, so memory stays
/// bounded) into a new index.
pub fn load(db: &Db, version: i64) -> Result<ServicePointIndex, ApiError> {
    let mut builder = Builder::new(version);
    let mut conn = db.conn()?;
    crate::db::without_mmap(&mut conn, |conn| {
        let mut after = String::new();
        loop {
            let rows = crate::db::service_points::active_chunk(conn, &after, CHUNK)?;
            for row in &rows {
                builder.add(row);
            }
            match rows.last() {
                Some(last) if rows.len() as i64 == CHUNK => after = last.id.clone(),
                _ => break,
            }
        }
        Ok(())
    })?;
    Ok(builder.finish())
}

/// Polls the data-set version every `every` and rebuilds on change, until
/// the returned task is dropped or aborted.
pub fn spawn_refresher(
    handle: Arc<IndexHandle>,
    db: Db,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = handle.refresh(&db).await {
                tracing::warn!(error = %e, "service-point index refresh failed");
            }
        }
    })
}
