//! Write transactions outside the group-commit writer: opened with
//! `BEGIN IMMEDIATE` on SQLite (serialized inside the process), retried when
//! they lost a race for the database, bounded by a deadline.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, TransactionManager};

use super::connection::{Backend, DbConn};
use super::{DbError, TxError};

/// Opens, retries and (on SQLite) serializes write transactions.
#[derive(Clone)]
pub(crate) struct Write {
    pub(super) backend: Backend,
    /// Serializes writers on SQLite (unused on PostgreSQL).
    pub(super) write_lock: Arc<Mutex<()>>,
}

impl Write {
    pub(super) fn sqlite(write_lock: Arc<Mutex<()>>) -> Write {
        Write {
            backend: Backend::Sqlite,
            write_lock,
        }
    }

    /// Holds the SQLite write lock (nothing on PostgreSQL). Poisoning only
    /// means an earlier writer panicked; the lock itself is still usable.
    pub(super) fn lock(&self) -> Option<std::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.write_lock.lock().unwrap_or_else(|p| p.into_inner())),
            Backend::Postgres => None,
        }
    }

    /// Runs `f` in a transaction of its own on `conn`, retrying when it lost
    /// a race for the database, until `deadline`: a write still not done
    /// then fails as unavailable (503), whatever held it up.
    pub(super) fn run<T, E, F>(
        &self,
        conn: &mut DbConn,
        f: &mut F,
        deadline: Instant,
    ) -> Result<T, E>
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

    pub(super) fn once<T, E, F>(&self, conn: &mut DbConn, f: &mut F) -> Result<T, E>
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
