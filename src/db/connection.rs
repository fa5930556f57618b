//! One connection of either backend: the [`DbConn`] type queries are
//! written against, the URL that picks its backend, how a connection is
//! opened and set up (SQLite pragmas and library settings, PostgreSQL
//! timeouts), and the r2d2 manager that opens them for the pool and tells
//! when one must be dropped.

use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{ManageConnection, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, MultiConnection};

use super::health::Health;
use super::{DbError, DbResult, TxError};
use crate::config::SqliteSynchronous;

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
pub(super) fn sqlite_target(url: &str) -> String {
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
    pub(super) backend: Backend,
    pub(super) target: String,
    pub(super) options: Options,
    pub(super) health: Arc<Health>,
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
    pub(super) broken: bool,
}

impl Tracked {
    /// Passes `result` on, remembering when its failure broke this connection.
    pub(super) fn settle<T, E: TxError>(&mut self, result: Result<T, E>) -> Result<T, E> {
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

/// Initialises OpenSSL, which libpq uses for TLS to PostgreSQL, the way the
/// `openssl` crate does: without the exit handler OpenSSL would otherwise
/// register on first use. That handler frees OpenSSL's global state when the
/// process exits while other threads may still be in a TLS handshake (a
/// pool opening a connection), which crashes the process on its way out.
/// Must run before the first connection; later calls do nothing.
pub fn init_tls() {
    openssl_sys::init();
}

impl Manager {
    pub(super) fn open(&self) -> Result<DbConn, diesel::r2d2::Error> {
        match self.backend {
            Backend::Postgres => {
                init_tls();
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
                english_messages(&mut conn);
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
                let settings = format!(
                    "PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = {};
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = {};
                     PRAGMA temp_store = MEMORY;
                     PRAGMA cache_size = -65536;",
                    self.options.busy_timeout.as_millis(),
                    self.options.synchronous.pragma(),
                );
                // A shared-cache (in-memory) database answers a lock held by
                // another of its connections with SQLITE_LOCKED, which
                // `busy_timeout` does not wait for: wait here, as long.
                let deadline = std::time::Instant::now() + self.options.busy_timeout;
                loop {
                    match conn.batch_execute(&settings) {
                        Ok(()) => break,
                        Err(e)
                            if e.to_string().contains("locked")
                                && std::time::Instant::now() < deadline =>
                        {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(e) => return Err(diesel::r2d2::Error::QueryError(e)),
                    }
                }
                conn.batch_execute(&format!("PRAGMA mmap_size = {SQLITE_MMAP_BYTES};"))
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

/// Asks the server for its messages untranslated (`lc_messages = 'C'`) on
/// this session, so that the failures diesel reports without their SQLSTATE
/// (see `DbError`) read the same whatever the server's locale. Changing
/// `lc_messages` needs a superuser or, from PostgreSQL 15,
/// `GRANT SET ON PARAMETER lc_messages TO <role>`; without it the session
/// keeps the server's setting and the node says so once.
fn english_messages(conn: &mut PgConnection) {
    static WARNED: std::sync::Once = std::sync::Once::new();
    if let Err(e) = conn.batch_execute("SET lc_messages TO 'C'") {
        WARNED.call_once(|| {
            tracing::warn!(
                error = %e,
                "cannot set lc_messages on PostgreSQL sessions: deadlocks, cancelled \
                 statements and server shutdowns are recognised by their English \
                 message; grant it with GRANT SET ON PARAMETER lc_messages TO <role> \
                 or ALTER ROLE <role> SET lc_messages TO 'C'"
            );
        });
    }
}

/// Adds libpq's `connect_timeout` to a PostgreSQL URL that has none, so that
/// opening a connection to an unreachable server gives up in time.
pub(super) fn with_connect_timeout(url: &str, timeout: Duration) -> String {
    if url.contains("connect_timeout=") {
        return url.to_string();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!(
        "{url}{separator}connect_timeout={}",
        timeout.as_secs().max(1)
    )
}

/// A pooled connection.
pub type PooledConn = PooledConnection<Manager>;
