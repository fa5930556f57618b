//! What can go wrong in the database layer, in database terms.
//!
//! Queries return [`DbResult`]; the layers above turn a [`DbError`] into an
//! [`ApiError`] with `?` (a conversion that decides nothing but "not found",
//! "already exists", "unavailable" and "unexpected"). Everything that is a
//! rule of the API (which conflict, which code) is decided above this layer.

use diesel::result::DatabaseErrorKind;

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
    /// The database's own error, when the failure is one.
    fn database(&self) -> Option<(DatabaseErrorKind, &str)> {
        use diesel::result::Error;
        fn of(e: &Error) -> Option<(DatabaseErrorKind, &str)> {
            match e {
                Error::DatabaseError(kind, info) => Some((*kind, info.message())),
                // A commit that failed and whose rollback failed too: the
                // commit's failure says what happened.
                Error::RollbackErrorOnCommit { commit_error, .. } => of(commit_error),
                _ => None,
            }
        }
        match self {
            DbError::Query(e) => of(e),
            _ => None,
        }
    }

    /// Whether a retry of the whole transaction can cure this (lock
    /// contention, serialization failure, deadlock, a random key drawn twice).
    pub fn is_retryable(&self) -> bool {
        match self {
            DbError::Query(diesel::result::Error::DatabaseError(kind, info)) => {
                // SQLSTATE 40001.
                *kind == DatabaseErrorKind::SerializationFailure
                    || RETRYABLE.iter().any(|m| info.message().contains(m))
                    // A fresh draw of the random RMA number cures this.
                    || info.constraint_name() == Some("returns_rma_number_key")
            }
            _ => self
                .database()
                .is_some_and(|(_, message)| RETRYABLE.iter().any(|m| message.contains(m))),
        }
    }

    /// Whether the database could not serve the request in time or at all,
    /// through no fault of the request: a lock held past the busy timeout,
    /// a statement or lock timeout, a read-only or failing file, a server
    /// that is down or closed the connection. Answered with 503 and
    /// `Retry-After`.
    ///
    /// PostgreSQL failures are told apart by their SQLSTATE where diesel
    /// gives it (its error kinds: `40001`, `25006`, `23505`, `08*`), else by
    /// their message, which each session asks for untranslated
    /// (`lc_messages = 'C'`, see `connection::english_messages`).
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Unavailable(_) => true,
            DbError::Query(_) => {
                self.breaks_connection()
                    || self
                        .database()
                        .is_some_and(|(_, message)| UNAVAILABLE.iter().any(|m| message.contains(m)))
            }
            _ => false,
        }
    }

    /// Whether the failure leaves the connection itself unusable, so that it
    /// must be dropped and opened again (see [`Health`](super::health::Health)).
    pub fn breaks_connection(&self) -> bool {
        match self {
            // The connection's transaction bookkeeping is out of step with
            // the database (a transaction left open, or closed under it).
            DbError::Query(
                diesel::result::Error::BrokenTransactionManager
                | diesel::result::Error::AlreadyInTransaction
                | diesel::result::Error::NotInTransaction,
            ) => true,
            _ => self.database().is_some_and(|(kind, message)| {
                matches!(
                    kind,
                    // SQLSTATE 08000, 08001, 08004, 08006, or a connection
                    // libpq reports as bad.
                    DatabaseErrorKind::ClosedConnection
                    // SQLSTATE 25006: the database was switched to read-only.
                    | DatabaseErrorKind::ReadOnlyTransaction
                ) || BREAKS_CONNECTION.iter().any(|m| message.contains(m))
            }),
        }
    }

    /// Whether a unique constraint refused the write (SQLSTATE 23505).
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self.database(),
            Some((DatabaseErrorKind::UniqueViolation, _))
        )
    }
}

/// Messages of failures a retry of the transaction cures: SQLite's
/// `SQLITE_BUSY`; PostgreSQL's deadlock (`40P01`).
const RETRYABLE: &[&str] = &[
    "database is locked",
    "deadlock detected",
    // SQLITE_PROTOCOL: a race for the WAL's locks under heavy contention.
    "locking protocol",
    // SQLITE_SCHEMA: a prepared statement met a schema another connection
    // changed (a migration); preparing it again cures it.
    "database schema has changed",
];

/// Messages of failures that leave a connection unusable: SQLite's
/// `SQLITE_IOERR`, `SQLITE_READONLY` (a file opened while it could not be
/// written stays read-only), `SQLITE_CANTOPEN`; PostgreSQL's terminated
/// sessions (`57P01`…`57P03`) and lost connections libpq reports itself.
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
/// the busy timeout and `SQLITE_FULL`; PostgreSQL's `statement_timeout`
/// (`57014`) and `lock_timeout` (`55P03`) cancellations and its lack of
/// resources (`53*`: too many connections, out of memory or disk).
const UNAVAILABLE: &[&str] = &[
    "database is locked",
    "locking protocol",
    "database schema has changed",
    "database schema is locked",
    "database table is locked",
    "database or disk is full",
    "canceling statement due to",
    "could not obtain lock",
    "too many clients",
    "too many connections",
    "remaining connection slots are reserved",
    "out of memory",
    "could not extend file",
    "No space left on device",
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

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::{DatabaseErrorKind as Kind, Error};

    fn failure(kind: Kind, message: &str) -> DbError {
        DbError::Query(Error::DatabaseError(kind, Box::new(message.to_string())))
    }

    #[test]
    fn failures_diesel_names_by_their_sqlstate_are_classified_whatever_the_message_says() {
        // Messages as a German server writes them: the kind carries the code.
        let serialization = failure(
            Kind::SerializationFailure,
            "konnte Zugriff nicht serialisieren",
        );
        assert!(serialization.is_retryable());
        let read_only = failure(
            Kind::ReadOnlyTransaction,
            "kann INSERT nicht in einer Read-only-Transaktion ausführen",
        );
        assert!(read_only.breaks_connection() && read_only.is_unavailable());
        let closed = failure(
            Kind::ClosedConnection,
            "Verbindung zum Server wurde geschlossen",
        );
        assert!(closed.breaks_connection() && closed.is_unavailable());
        let duplicate = failure(
            Kind::UniqueViolation,
            "doppelter Schlüsselwert verletzt Unique-Constraint",
        );
        assert!(duplicate.is_unique_violation());
        assert!(!duplicate.is_unavailable() && !duplicate.is_retryable());
    }

    #[test]
    fn a_failed_commit_whose_rollback_failed_is_read_by_the_commits_failure() {
        let e = DbError::Query(Error::RollbackErrorOnCommit {
            rollback_error: Box::new(Error::NotInTransaction),
            commit_error: Box::new(Error::DatabaseError(
                Kind::Unknown,
                Box::new("database is locked".to_string()),
            )),
        });
        assert!(e.is_unavailable());
        assert!(e.is_retryable());
    }

    #[test]
    fn a_connection_whose_transactions_are_out_of_step_is_dropped_and_answered_503() {
        for e in [Error::AlreadyInTransaction, Error::NotInTransaction] {
            let e = DbError::Query(e);
            assert!(e.breaks_connection());
            assert!(e.is_unavailable());
        }
    }

    #[test]
    fn sqlites_wal_lock_race_and_a_changed_schema_pass_with_a_retry() {
        for message in ["locking protocol", "database schema has changed"] {
            let e = DbError::Query(Error::DatabaseError(
                Kind::Unknown,
                Box::new(message.to_string()),
            ));
            assert!(e.is_unavailable(), "{message}");
            assert!(e.is_retryable(), "{message}");
        }
    }

    #[test]
    fn failures_known_only_by_their_message_are_read_from_the_untranslated_text() {
        assert!(failure(Kind::Unknown, "deadlock detected").is_retryable());
        for message in [
            "canceling statement due to statement timeout",
            "canceling statement due to lock timeout",
            "sorry, too many clients already",
            "database is locked",
        ] {
            assert!(
                failure(Kind::Unknown, message).is_unavailable(),
                "{message}"
            );
        }
        let terminated = failure(
            Kind::Unknown,
            "terminating connection due to administrator command",
        );
        assert!(terminated.breaks_connection());
        let syntax = failure(Kind::Unknown, "syntax error at or near \"SELEC\"");
        assert!(!syntax.is_unavailable() && !syntax.is_retryable() && !syntax.breaks_connection());
    }
}
