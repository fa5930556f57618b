//! What can go wrong in the database layer, in database terms.
//!
//! Queries return [`DbResult`]; the layers above turn a [`DbError`] into an
//! [`ApiError`] with `?` (a conversion that decides nothing but "not found",
//! "already exists", "unavailable" and "unexpected"). Everything that is a
//! rule of the API (which conflict, which code) is decided above this layer.

use crate::error::{ApiError, ErrorCode};

/// A database failure.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A query failed (diesel's error, with the database's message).
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// No connection could be had in time, or the writer stopped.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// A stored document could not be read or written as JSON.
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// Stored data breaks an invariant the code relies on.
    #[error("{0}")]
    Invariant(String),
    /// A write panicked; its transaction was rolled back.
    #[error("a database write panicked")]
    Panicked,
}

/// Result of a query.
pub type DbResult<T> = Result<T, DbError>;

impl From<serde_json::Error> for DbError {
    fn from(e: serde_json::Error) -> DbError {
        DbError::Corrupt(e.to_string())
    }
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(e: diesel::r2d2::PoolError) -> DbError {
        DbError::Unavailable(e.to_string())
    }
}

impl DbError {
    /// Whether a retry of the whole transaction can cure this (lock
    /// contention, serialization failure, deadlock, a random key drawn twice).
    pub fn is_retryable(&self) -> bool {
        match self {
            DbError::Query(diesel::result::Error::DatabaseError(kind, info)) => {
                matches!(
                    kind,
                    diesel::result::DatabaseErrorKind::SerializationFailure
                ) || info.message().contains("database is locked")
                    || info.message().contains("deadlock detected")
                    // A fresh draw of the random RMA number cures this.
                    || info.constraint_name() == Some("returns_rma_number_key")
            }
            _ => false,
        }
    }

    /// Whether the database could not serve the request in time or at all,
    /// through no fault of the request: a lock held past the busy timeout,
    /// a statement or lock timeout, a read-only or failing file, a server
    /// that is down or closed the connection. Answered with 503 and
    /// `Retry-After`.
    ///
    /// PostgreSQL errors are told apart by their message (diesel does not
    /// expose the SQLSTATE), which assumes the server's `lc_messages` is English.
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Unavailable(_) => true,
            DbError::Query(e) => {
                self.breaks_connection()
                    || matches!(e, diesel::result::Error::DatabaseError(_, info)
                        if UNAVAILABLE.iter().any(|m| info.message().contains(m)))
            }
            _ => false,
        }
    }

    /// Whether the failure leaves the connection itself unusable, so that it
    /// must be dropped and opened again (see [`Health`](super::health::Health)).
    pub fn breaks_connection(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        match self {
            DbError::Query(Error::BrokenTransactionManager) => true,
            DbError::Query(Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)) => true,
            DbError::Query(Error::DatabaseError(_, info)) => {
                BREAKS_CONNECTION.iter().any(|m| info.message().contains(m))
            }
            _ => false,
        }
    }

    /// Whether a unique constraint refused the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}

/// Messages of failures that leave a connection unusable: SQLite's
/// `SQLITE_IOERR`, `SQLITE_READONLY` (a file opened while it could not be
/// written stays read-only), `SQLITE_CANTOPEN`; PostgreSQL's read-only
/// transactions (a database switched to read-only) and terminated sessions.
const BREAKS_CONNECTION: &[&str] = &[
    "disk I/O error",
    "readonly database",
    "unable to open database file",
    "read-only transaction",
    "terminating connection",
    "server closed the connection",
    "no connection to the server",
];

/// Messages of failures that pass with time: SQLite's `SQLITE_BUSY` after
/// the busy timeout and `SQLITE_FULL`; PostgreSQL's `statement_timeout` and
/// `lock_timeout` cancellations.
const UNAVAILABLE: &[&str] = &[
    "database is locked",
    "database table is locked",
    "database or disk is full",
    "canceling statement due to",
];

/// The error type of work run inside [`Db::read`](super::Db::read) and
/// [`Db::write`](super::Db::write): anything a database error converts into,
/// that can tell whether a retry of the transaction may cure it.
pub trait TxError: From<DbError> + From<diesel::result::Error> + Send + 'static {
    /// The database failure behind this error, if it is one.
    fn db_error(&self) -> Option<&DbError>;

    /// See [`DbError::is_retryable`].
    fn is_retryable(&self) -> bool {
        self.db_error().is_some_and(DbError::is_retryable)
    }
}

impl TxError for DbError {
    fn db_error(&self) -> Option<&DbError> {
        Some(self)
    }
}

impl TxError for ApiError {
    fn db_error(&self) -> Option<&DbError> {
        self.source_error()
            .and_then(|s| s.downcast_ref::<DbError>())
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> ApiError {
        use diesel::result::Error;
        match &err {
            DbError::Query(Error::NotFound) => {
                ApiError::new(ErrorCode::NotFound, "The resource does not exist.")
            }
            _ if err.is_unavailable() => ApiError::database_unavailable(&err).with_source(err),
            _ if err.is_unique_violation() => {
                ApiError::new(ErrorCode::Conflict, "The resource already exists.").with_source(err)
            }
            _ => ApiError::internal(err),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> ApiError {
        DbError::from(err).into()
    }
}
