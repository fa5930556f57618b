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

/// The error type of work run inside [`Db::read`](super::Db::read) and
/// [`Db::write`](super::Db::write): anything a database error converts into,
/// that can tell whether a retry of the transaction may cure it.
pub trait TxError: From<DbError> + From<diesel::result::Error> + Send + 'static {
    /// See [`DbError::is_retryable`].
    fn is_retryable(&self) -> bool;
}

impl TxError for DbError {
    fn is_retryable(&self) -> bool {
        DbError::is_retryable(self)
    }
}

impl TxError for ApiError {
    fn is_retryable(&self) -> bool {
        self.source_error()
            .and_then(|s| s.downcast_ref::<DbError>())
            .is_some_and(DbError::is_retryable)
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> ApiError {
        use diesel::result::Error;
        match &err {
            DbError::Query(Error::NotFound) => {
                ApiError::new(ErrorCode::NotFound, "The resource does not exist.")
            }
            DbError::Unavailable(_) => ApiError::database_unavailable(&err).with_source(err),
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
