//! Persistence: one connection type over SQLite and PostgreSQL, a pool, and the
//! `read`/`write` helpers every handler goes through.
//!
//! The backend is chosen by the `DATABASE_URL` scheme (`sqlite:` or `postgres:`).
//! Queries are written once against [`DbConn`] (diesel's `MultiConnection`); the
//! few statements whose SQL differs between the two (upserts, row locks) live in
//! the aggregate modules behind the [`per_backend!`](crate::per_backend) macro.
//!
//! Writes on SQLite are serialized inside the process by a mutex and open with
//! `BEGIN IMMEDIATE`: SQLite has a single writer anyway, and queueing in the
//! process is far cheaper than SQLite's sleeping busy handler. Several processes
//! on one SQLite file still work (busy timeout + retry), PostgreSQL is the
//! scale-out backend.

pub mod api_keys;
pub mod blobs;
pub mod brands;
mod error;
mod group;
mod health;
pub mod idempotency;
pub mod labels;
pub mod migrations;
pub mod notifications;
pub mod orders;
pub mod outbox;
pub mod probes;
pub mod rate_limits;
pub mod return_create;
pub mod returns;
pub mod schema;
pub mod service_points;
pub mod settings;
pub mod signing_keys;
pub mod tracking;
pub mod uploads;
pub mod vendors;
pub mod webhooks;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, MultiConnection};

pub use error::{DbError, DbResult, TxError};
use health::Health;

use crate::config::SqliteSynchronous;
use crate::error::ApiError;

/// A connection to either supported database.
#[derive(MultiConnection)]
pub enum DbConn {
    /// PostgreSQL (scale-out backend).
    Pg(PgConnection),
    /// SQLite (embedded default).
    Sqlite(SqliteConnection),
}

/// Runs the same diesel expression against whichever backend `conn` is, for
/// statements `MultiConnection` cannot express (upserts, `FOR UPDATE`).
///
/// ```text
/// per_backend!(conn, c => diesel::insert_into(t).values(&row).on_conflict_do_nothing().execute(c))
/// ```
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}

/// Loads the row of a query that matches at most one row (a primary or
/// unique key) without adding `LIMIT ?`.
///
/// SQLite treats a bound `LIMIT` as plan-relevant and re-prepares the
/// statement every time its parameters are bound again, which defeats the
/// prepared-statement cache on the hottest lookups; a plain `load` keeps the
/// cached statement.
pub trait OneRow: Sized {
    /// The first (only) row, if any.
    fn one<'q, U>(self, conn: &mut DbConn) -> diesel::QueryResult<Option<U>>
    where
        Self: diesel::RunQueryDsl<DbConn> + diesel::query_dsl::LoadQuery<'q, DbConn, U>,
    {
        Ok(diesel::RunQueryDsl::load::<U>(self, conn)?
            .into_iter()
            .next())
    }
}

impl<Q> OneRow for Q {}

/// Hand-written SQL (`diesel::sql_query(…).bind(…)`) whose prepared statement
/// the connection keeps, keyed by its text.
///
/// diesel prepares `sql_query` statements anew on every call (it cannot know
/// the text is fixed); for the fixed statements of hot paths that means a
/// parse and plan per call on PostgreSQL and a `sqlite3_prepare` on SQLite.
/// Only wrap SQL whose text never changes between calls.
#[derive(Debug, Clone)]
pub struct Cached<Q>(pub Q);

impl<Q, DB> diesel::query_builder::QueryFragment<DB> for Cached<Q>
where
    DB: diesel::backend::Backend,
    Q: diesel::query_builder::QueryFragment<DB>,
{
    fn walk_ast<'b>(
        &'b self,
        pass: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> diesel::QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> diesel::QueryResult<bool> {
        Ok(true)
    }
}

impl<Q> diesel::query_builder::QueryId for Cached<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: diesel::query_builder::Query> diesel::query_builder::Query for Cached<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> diesel::RunQueryDsl<Conn> for Cached<Q> {}

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// SQLite.
    Sqlite,
}

impl Backend {
    /// Picks the backend from a `DATABASE_URL`.
    pub fn from_url(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else {
            anyhow::bail!(
                "DATABASE_URL must start with sqlite: or postgres:// (got scheme {:?})",
                url.split(':').next().unwrap_or_default()
            )
        }
    }
}

/// How much of an SQLite file a connection reads through a memory map
/// instead of `read` calls: random point reads on a large database (lookup
/// over a million orders) skip a system call per page. Mapped pages count in
/// the process's resident memory while they stay in the page cache, so bulk
/// scans turn it off (see [`without_mmap`]).
pub const SQLITE_MMAP_BYTES: u64 = 1 << 30;

/// Runs `f` with SQLite's memory map off on this connection, for scans of a
/// whole table that would otherwise leave all of it mapped (and counted as
/// this process's memory). A no-op on PostgreSQL.
pub fn without_mmap<T>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> DbResult<T>,
) -> DbResult<T> {
    let sqlite = matches!(conn, DbConn::Sqlite(_));
    if sqlite {
        conn.batch_execute("PRAGMA mmap_size = 0;")?;
    }
    let result = f(conn);
    if sqlite {
        // Also give back the page cache the scan filled.
        conn.batch_execute(&format!(
            "PRAGMA mmap_size = {SQLITE_MMAP_BYTES}; PRAGMA shrink_memory;"
        ))?;
    }
    result
}

/// Turns `sqlite://path`, `sqlite:path` or `sqlite::memory:` into what SQLite opens.
fn sqlite_target(url: &str) -> String {
    let rest = url.trim_start_matches("sqlite:");
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    if rest == ":memory:" || rest.is_empty() {
        // A pool needs every connection to see the same in-memory database.
        format!(
            "file:mem_{}?mode=memory&cache=shared",
            uuid::Uuid::now_v7().simple()
        )
    } else {
        rest.to_string()
    }
}

/// r2d2 manager that opens the backend named by the URL and reports the real
/// connection error (diesel's derived `establish` hides it).
#[derive(Debug)]
pub struct Manager {
    backend: Backend,
    target: String,
    options: Options,
    health: Arc<Health>,
}

/// Bounds on every wait for the database, so that a fault is answered with
/// 503 in seconds instead of a hang.
#[derive(Debug, Clone)]
pub struct Options {
    /// Most connections in the pool.
    pub pool_size: u32,
    /// Longest wait for a pooled connection (and for opening one).
    pub checkout_timeout: Duration,
    /// Longest time a write may take from being asked for to being
    /// committed, queueing and retries included.
    pub write_timeout: Duration,
    /// How long SQLite waits for a lock held by another process.
    pub busy_timeout: Duration,
    /// SQLite's `synchronous` on every connection (pooled, the writer's and
    /// the checkpointer's): whether a commit is on disk before it is answered.
    pub synchronous: SqliteSynchronous,
    /// PostgreSQL `statement_timeout`.
    pub statement_timeout: Duration,
    /// PostgreSQL `lock_timeout`.
    pub lock_timeout: Duration,
    /// PostgreSQL `connect_timeout`.
    pub connect_timeout: Duration,
}

impl Options {
    /// The defaults with a pool of `pool_size` connections.
    pub fn with_pool_size(pool_size: u32) -> Options {
        Options {
            pool_size,
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            pool_size: 16,
            checkout_timeout: Duration::from_secs(3),
            write_timeout: Duration::from_secs(4),
            busy_timeout: Duration::from_millis(1500),
            synchronous: SqliteSynchronous::Full,
            statement_timeout: Duration::from_secs(15),
            lock_timeout: Duration::from_secs(3),
            connect_timeout: Duration::from_secs(3),
        }
    }
}

/// Process-wide SQLite settings, applied before SQLite initializes:
/// no global memory statistics (they take a global mutex on every
/// allocation, which serializes all connections) and multi-thread mode (a
/// diesel connection is only ever used by one thread at a time, so the
/// per-connection mutex is pure overhead).
fn configure_sqlite_library() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: `sqlite3_config` is called before any connection is opened
        // in this process (the first SQLite use goes through here); after
        // initialization it returns SQLITE_MISUSE and changes nothing.
        unsafe {
            libsqlite3_sys::sqlite3_config(
                libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
                0 as std::ffi::c_int,
            );
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MULTITHREAD);
        }
    });
}

/// A pooled connection with the time it was opened (on the clock of
/// [`Health`]), so that connections open when one broke can be told from
/// those opened since. Dereferences to the [`DbConn`].
pub struct Tracked {
    conn: DbConn,
    opened: u64,
    /// A failure on it left it unusable: dropped when it returns to the pool.
    broken: bool,
}

impl Tracked {
    /// Passes `result` on, remembering when its failure broke this connection.
    fn settle<T, E: TxError>(&mut self, result: Result<T, E>) -> Result<T, E> {
        if let Err(e) = &result
            && e.db_error().is_some_and(DbError::breaks_connection)
        {
            self.broken = true;
        }
        result
    }
}

impl std::ops::Deref for Tracked {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for Tracked {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

impl ManageConnection for Manager {
    type Connection = Tracked;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<Tracked, Self::Error> {
        match self.open() {
            Ok(conn) => {
                self.health.connected();
                Ok(Tracked {
                    conn,
                    opened: self.health.now_ms(),
                    broken: false,
                })
            }
            Err(e) => {
                tracing::debug!(error = %e, "cannot open a database connection");
                self.health.connect_failed();
                Err(e)
            }
        }
    }

    /// Checked when a connection leaves the pool (and when it returns): free
    /// unless it was open when a connection broke a short while ago.
    fn is_valid(&self, conn: &mut Tracked) -> Result<(), Self::Error> {
        if !self.health.is_suspect(conn.opened) {
            return Ok(());
        }
        match &mut conn.conn {
            // A connection opened while the file could not be written stays
            // read-only, and nothing short of a write tells: open a new one
            // (cheap for SQLite).
            DbConn::Sqlite(_) => Err(diesel::r2d2::Error::QueryError(
                diesel::result::Error::BrokenTransactionManager,
            )),
            DbConn::Pg(c) => c
                .batch_execute("SELECT 1")
                .map_err(diesel::r2d2::Error::QueryError),
        }
    }

    fn has_broken(&self, conn: &mut Tracked) -> bool {
        conn.broken
            || <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(
                &mut conn.conn,
            )
            || self.is_valid(conn).is_err()
    }
}

impl Manager {
    fn open(&self) -> Result<DbConn, diesel::r2d2::Error> {
        match self.backend {
            Backend::Postgres => {
                let mut conn = PgConnection::establish(&self.target)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // Bounded waits: a statement or a row lock that takes longer
                // is cancelled and answered 503 instead of holding the request.
                conn.batch_execute(&format!(
                    "SET statement_timeout = {}; SET lock_timeout = {};",
                    self.options.statement_timeout.as_millis().max(1),
                    self.options.lock_timeout.as_millis().max(1),
                ))
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Pg(conn))
            }
            Backend::Sqlite => {
                configure_sqlite_library();
                let mut conn = SqliteConnection::establish(&self.target)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // Per-connection settings: integrity, waiting instead of failing
                // on a lock held by another process, WAL so readers never
                // block the writer, and durability: `synchronous` is a setting
                // of each connection, and the one that commits decides whether
                // its commit is synced before it is answered (FULL unless the
                // node opted for NORMAL, see `SqliteSynchronous`).
                conn.batch_execute(&format!(
                    "PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = {};
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = {};
                     PRAGMA temp_store = MEMORY;
                     PRAGMA cache_size = -65536;",
                    self.options.busy_timeout.as_millis(),
                    self.options.synchronous.pragma(),
                ))
                .map_err(diesel::r2d2::Error::QueryError)?;
                conn.batch_execute(&format!("PRAGMA mmap_size = {SQLITE_MMAP_BYTES};"))
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
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

/// Adds libpq's `connect_timeout` to a PostgreSQL URL that has none, so that
/// opening a connection to an unreachable server gives up in time.
fn with_connect_timeout(url: &str, timeout: Duration) -> String {
    if url.contains("connect_timeout=") {
        return url.to_string();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!(
        "{url}{separator}connect_timeout={}",
        timeout.as_secs().max(1)
    )
}

/// Pool of database connections plus the helpers that run work on them.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    backend: Backend,
    /// How transactions are opened and retried (and serialized on SQLite).
    writes: Write,
    /// The SQLite group-commit writer (see [`group`]); `None` on PostgreSQL.
    group: Option<std::sync::mpsc::Sender<Box<dyn group::Job>>>,
    /// One permit per pooled connection: callers wait here, on the async
    /// side, instead of parking blocking threads inside the pool.
    permits: Arc<tokio::sync::Semaphore>,
    /// Whether connections broke lately (shared with the pool's manager).
    health: Arc<Health>,
    /// The bounds on waits.
    options: Arc<Options>,
}

/// A pooled connection.
pub type PooledConn = PooledConnection<Manager>;

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

/// Opens, retries and (on SQLite) serializes write transactions.
#[derive(Clone)]
pub(crate) struct Write {
    backend: Backend,
    /// Serializes writers on SQLite (unused on PostgreSQL).
    write_lock: Arc<Mutex<()>>,
}

impl Write {
    fn sqlite(write_lock: Arc<Mutex<()>>) -> Write {
        Write {
            backend: Backend::Sqlite,
            write_lock,
        }
    }

    /// Holds the SQLite write lock (nothing on PostgreSQL). Poisoning only
    /// means an earlier writer panicked; the lock itself is still usable.
    fn lock(&self) -> Option<std::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.write_lock.lock().unwrap_or_else(|p| p.into_inner())),
            Backend::Postgres => None,
        }
    }

    /// Runs `f` in a transaction of its own on `conn`, retrying when it lost
    /// a race for the database, until `deadline`: a write still not done
    /// then fails as unavailable (503), whatever held it up.
    fn run<T, E, F>(&self, conn: &mut DbConn, f: &mut F, deadline: Instant) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E>,
        E: TxError,
    {
        let mut attempt = 0u32;
        loop {
            if Instant::now() >= deadline {
                return Err(E::from(DbError::Unavailable(
                    "the write did not get the database in time".into(),
                )));
            }
            attempt += 1;
            let result = self.once(conn, f);
            match result {
                Err(e) if attempt < 8 && e.is_retryable() => {
                    let pause = Duration::from_millis(2u64 << attempt.min(6));
                    if Instant::now() + pause >= deadline {
                        return Err(e);
                    }
                    tracing::debug!(attempt, "retrying a transaction that lost a race");
                    std::thread::sleep(pause);
                }
                other => return other,
            }
        }
    }

    fn once<T, E, F>(&self, conn: &mut DbConn, f: &mut F) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E>,
        E: TxError,
    {
        let _guard = self.lock();
        match conn {
            DbConn::Sqlite(c) => {
                AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
                    .map_err(E::from)?
            }
            DbConn::Pg(c) => AnsiTransactionManager::begin_transaction(c).map_err(E::from)?,
        }
        match f(conn) {
            Ok(value) => {
                <DbConn as Connection>::TransactionManager::commit_transaction(conn)
                    .map_err(E::from)?;
                Ok(value)
            }
            Err(e) => {
                if let Err(rollback) =
                    <DbConn as Connection>::TransactionManager::rollback_transaction(conn)
                {
                    tracing::warn!(error = %rollback, "rollback failed");
                }
                Err(e)
            }
        }
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

/// Current time truncated to microseconds, the precision both databases keep,
/// so a value written and read back compares equal.
pub fn now() -> chrono::NaiveDateTime {
    use chrono::SubsecRound;
    chrono::Utc::now().naive_utc().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;

    use super::*;

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
