//! The pool of connections and the helpers every caller goes through:
//! [`Db::read`], [`Db::write`] (the SQLite group-commit writer or a retried
//! transaction), [`Db::autocommit`], each bounded in time and run off the
//! async threads.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use diesel::Connection;
use diesel::r2d2::Pool;

use super::connection::{
    Backend, DbConn, Manager, Options, PooledConn, sqlite_target, with_connect_timeout,
};
use super::health::Health;
use super::transaction::Write;
use super::{DbError, DbResult, TxError, group, probes};
use crate::error::ApiError;

/// Pool of database connections plus the helpers that run work on them.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    backend: Backend,
    /// How transactions are opened and retried (and serialized on SQLite).
    writes: Write,
    /// The SQLite group-commit writer (see [`group`]); `None` on PostgreSQL.
    pub(super) group: Option<std::sync::mpsc::Sender<Box<dyn group::Job>>>,
    /// One permit per pooled connection: callers wait here, on the async
    /// side, instead of parking blocking threads inside the pool.
    permits: Arc<tokio::sync::Semaphore>,
    /// Whether connections broke lately (shared with the pool's manager).
    health: Arc<Health>,
    /// The bounds on waits.
    options: Arc<Options>,
}

impl Db {
    /// Opens a pool for `url` with at most `max_size` connections and the
    /// default bounds on waits. Fails when the database cannot be reached.
    pub fn connect(url: &str, max_size: u32) -> anyhow::Result<Db> {
        Db::open(url, Options::with_pool_size(max_size))
    }

    /// Opens a pool for `url` with `options`. Fails when the database cannot
    /// be reached.
    pub fn open(url: &str, options: Options) -> anyhow::Result<Db> {
        let backend = Backend::from_url(url)?;
        let target = match backend {
            Backend::Postgres => with_connect_timeout(url, options.connect_timeout),
            Backend::Sqlite => sqlite_target(url),
        };
        let max_size = options.pool_size.max(1);
        let health = Arc::new(Health::new());
        let manager = |target: String| Manager {
            backend,
            target,
            options: options.clone(),
            health: health.clone(),
        };
        let pool = Pool::builder()
            .max_size(max_size)
            .min_idle(Some(1))
            .connection_timeout(options.checkout_timeout)
            // Free unless connections are suspect (see `Manager::is_valid`).
            .test_on_check_out(true)
            .error_handler(Box::new(LogPoolErrors))
            .build(manager(target.clone()))
            .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
        let write_lock = Arc::new(Mutex::new(()));
        // The SQLite writer keeps one connection for itself, so it needs a
        // pool with room for readers too.
        let group = match backend {
            Backend::Sqlite if max_size >= 2 => {
                // Checkpoints run on a connection of their own, outside the pool.
                let checkpointer = manager(target)
                    .open()
                    .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
                Some(group::spawn(
                    pool.clone(),
                    checkpointer,
                    write_lock.clone(),
                    health.clone(),
                )?)
            }
            _ => None,
        };
        Ok(Db {
            pool,
            backend,
            writes: Write {
                backend,
                write_lock,
            },
            // The writer's connection is not the readers' to wait for.
            permits: Arc::new(tokio::sync::Semaphore::new(
                (max_size - u32::from(group.is_some())) as usize,
            )),
            group,
            health,
            options: Arc::new(options),
        })
    }

    /// The backend this pool talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection from the pool (blocking, at most the checkout timeout).
    /// When none is idle and opening one failed a moment ago, fails at once:
    /// a server that is down is not waited for request after request.
    pub fn conn(&self) -> DbResult<PooledConn> {
        if self.health.recently_failed_to_connect() {
            return self.pool.try_get().ok_or_else(|| {
                DbError::Unavailable("the database refused a connection a moment ago".into())
            });
        }
        Ok(self.pool.get()?)
    }

    /// Notes a failure that broke its connection, so that the pool checks
    /// and replaces its connections (see [`health`]).
    fn observe<T, E: TxError>(&self, result: Result<T, E>) -> Result<T, E> {
        if let Err(e) = &result
            && e.db_error().is_some_and(DbError::breaks_connection)
        {
            self.health.suspect();
        }
        result
    }

    /// Runs read-only work on a pooled connection, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        // SQLite reads are short, local and never wait for a writer (WAL),
        // so when a connection is free they run right here: handing them to
        // the blocking pool costs more (two thread switches) than the read
        // (measured: +35 % lookup throughput). PostgreSQL reads, which wait
        // on the network, always go to the blocking pool.
        if self.backend == Backend::Sqlite
            && let Some(mut conn) = self.pool.try_get()
        {
            let result = conn.transaction(|c| f(c));
            return self.observe(conn.settle(result));
        }
        let _permit = self.permit().await?;
        let db = self.clone();
        let result = blocking(move || {
            let mut conn = db.conn()?;
            let result = match &mut **conn {
                // One read transaction for all statements: one snapshot, one
                // round of file locking instead of one per statement.
                DbConn::Sqlite(_) => conn.transaction(|c| f(c)),
                DbConn::Pg(_) => f(&mut conn),
            };
            conn.settle(result)
        })
        .await;
        self.observe(result)
    }

    /// A turn at a pooled connection, waited for at most the checkout timeout.
    async fn permit(&self) -> DbResult<tokio::sync::SemaphorePermit<'_>> {
        match tokio::time::timeout(self.options.checkout_timeout, self.permits.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(DbError::Unavailable("the pool is closed".into())),
            Err(_) => Err(DbError::Unavailable(
                "no database connection became free in time".into(),
            )),
        }
    }

    /// Runs `f` inside one transaction, off the async threads. The transaction
    /// commits when `f` returns `Ok` and rolls back otherwise. A transaction
    /// that lost a race for the database (SQLite busy, PostgreSQL
    /// serialization failure or deadlock) is retried a few times, so `f` must
    /// not have side effects outside the transaction.
    ///
    /// On SQLite the write goes to the group-commit writer: it runs in its own
    /// savepoint inside a transaction shared with the writes queued at the
    /// same moment, and this returns once that transaction has committed.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnMut(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        if let Some(group) = &self.group {
            let (reply, answer) = tokio::sync::oneshot::channel();
            let job = group::Pending {
                f,
                result: None,
                reply,
                span: tracing::Span::current(),
                deadline: Instant::now() + self.options.write_timeout,
            };
            let stopped =
                || ApiError::from(DbError::Unavailable("the database writer stopped".into()));
            group.send(Box::new(job)).map_err(|_| stopped())?;
            return answer.await.map_err(|_| stopped())?;
        }
        let _permit = self.permit().await?;
        let db = self.clone();
        blocking(move || db.write_blocking(f)).await
    }

    /// Whether the database takes a write now: a real write of this node's
    /// row in `node_probes`, bounded like every other write. For readiness.
    pub async fn probe_write(&self, node: &str) -> Result<(), ApiError> {
        let node = node.to_string();
        self.write(move |conn| Ok(probes::touch(conn, &node)?))
            .await
    }

    /// Runs `f` on a pooled PostgreSQL connection outside any transaction,
    /// off the async threads: every statement commits on its own. For writes
    /// that are one atomic statement guarded by what they read (lock-free
    /// return creation), where `BEGIN`/`COMMIT` would only add round trips.
    /// On SQLite it is [`Db::write`]: writes there go through the writer.
    pub async fn autocommit<T, F>(&self, mut f: F) -> Result<T, ApiError>
    where
        F: FnMut(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        if self.backend == Backend::Sqlite {
            return self.write(f).await;
        }
        let _permit = self.permit().await?;
        let db = self.clone();
        let result = blocking(move || {
            let mut conn = db.conn()?;
            let result = f(&mut conn);
            conn.settle(result)
        })
        .await;
        self.observe(result)
    }

    /// Blocking form of [`Db::write`] in a transaction of its own, for the
    /// CLI, workers and start-up.
    pub fn write_blocking<T, F>(&self, mut f: F) -> Result<T, ApiError>
    where
        F: FnMut(&mut DbConn) -> Result<T, ApiError>,
    {
        let deadline = Instant::now() + self.options.write_timeout;
        let mut conn = self.conn()?;
        let result = self.writes.run(&mut conn, &mut f, deadline);
        self.observe(conn.settle(result))
    }
}

/// Logs connections the pool could not open or dropped as unusable (the
/// requests they fail are logged on their own).
#[derive(Debug)]
struct LogPoolErrors;

impl diesel::r2d2::HandleError<diesel::r2d2::Error> for LogPoolErrors {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        tracing::debug!(%error, "database connection not usable");
    }
}

/// Runs blocking work on the blocking thread pool, keeping the current tracing span.
pub async fn blocking<T, E, F>(f: F) -> Result<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let span = tracing::Span::current();
    match tokio::task::spawn_blocking(move || span.in_scope(f)).await {
        Ok(result) => result,
        Err(_) => Err(DbError::Panicked.into()),
    }
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;

    use super::*;
    use crate::config::SqliteSynchronous;
    use crate::db::{DbConn, Options};

    #[derive(diesel::QueryableByName)]
    struct Synchronous {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        synchronous: i32,
    }

    /// `PRAGMA synchronous` of the connection: 0 OFF, 1 NORMAL, 2 FULL.
    fn synchronous(conn: &mut DbConn) -> Result<i32, ApiError> {
        let rows: Vec<Synchronous> = diesel::sql_query("PRAGMA synchronous").load(conn)?;
        Ok(rows.first().map_or(-1, |row| row.synchronous))
    }

    /// Reads go to pooled connections and writes to the group-commit
    /// writer's: both must commit with the setting asked for.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_connections_sync_every_commit_unless_normal_is_asked_for() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cases = [
            ("default", Options::with_pool_size(4), 2),
            (
                "normal",
                Options {
                    synchronous: SqliteSynchronous::Normal,
                    ..Options::with_pool_size(4)
                },
                1,
            ),
            (
                "full",
                Options {
                    synchronous: SqliteSynchronous::Full,
                    ..Options::with_pool_size(4)
                },
                2,
            ),
        ];
        for (name, options, expected) in cases {
            let url = format!(
                "sqlite://{}",
                dir.path().join(format!("{name}.db")).display()
            );
            let db = Db::open(&url, options).expect("database");
            assert!(db.group.is_some(), "writes go to the writer thread");
            let pooled = db.read(synchronous).await.expect("pooled connection");
            let writer = db.write(synchronous).await.expect("writer connection");
            assert_eq!((pooled, writer), (expected, expected), "{name}");
        }
    }
}
