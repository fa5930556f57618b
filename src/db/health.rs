//! What a node knows about the health of its database connections, so that
//! a fault is answered fast and service comes back without a restart.
//!
//! Two facts are kept, both as timestamps so nothing needs resetting:
//! - **suspect**: a query failed in a way that leaves the connection itself
//!   unusable (PostgreSQL restarted or terminated it, an SQLite file that
//!   turned read-only or failed I/O). For a while afterwards every
//!   connection is checked when it leaves or returns to the pool, and bad
//!   ones are dropped and opened again. Outside that window the checks cost
//!   nothing.
//! - **connect failed**: opening a connection failed a moment ago. A request
//!   that would have to open one then fails at once instead of waiting the
//!   whole checkout timeout for a server that is down.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long after a broken connection every connection is checked.
const SUSPECT_FOR: Duration = Duration::from_secs(10);

/// How long after a failed connect new connects are not waited for.
const CONNECT_BACKOFF: Duration = Duration::from_millis(500);

/// Shared by a pool's manager and the [`Db`](super::Db) that uses it.
#[derive(Debug)]
pub(crate) struct Health {
    start: Instant,
    /// Milliseconds since `start` until which connections are suspect (0: never).
    suspect_until: AtomicU64,
    /// Milliseconds since `start` of the last broken connection.
    broke_at: AtomicU64,
    /// Milliseconds since `start` of the last failed connect, plus one (0: never).
    connect_failed_at: AtomicU64,
}

impl Health {
    pub(crate) fn new() -> Health {
        Health {
            start: Instant::now(),
            suspect_until: AtomicU64::new(0),
            broke_at: AtomicU64::new(0),
            connect_failed_at: AtomicU64::new(0),
        }
    }

    /// The time of this node's clock, to stamp a connection's opening with.
    pub(crate) fn now_ms(&self) -> u64 {
        self.start.elapsed().as_millis() as u64
    }

    /// A connection broke: check every connection opened until now, for a while.
    pub(crate) fn suspect(&self) {
        let now = self.now_ms();
        self.broke_at.fetch_max(now, Ordering::Relaxed);
        self.suspect_until
            .fetch_max(now + SUSPECT_FOR.as_millis() as u64, Ordering::Relaxed);
    }

    /// Whether a connection opened at `opened` (see [`Health::now_ms`])
    /// should be checked before it is used or kept: it was open when a
    /// connection broke, a short while ago.
    pub(crate) fn is_suspect(&self, opened: u64) -> bool {
        self.now_ms() < self.suspect_until.load(Ordering::Relaxed)
            && opened <= self.broke_at.load(Ordering::Relaxed)
    }

    /// Opening a connection failed.
    pub(crate) fn connect_failed(&self) {
        self.connect_failed_at
            .store(self.now_ms() + 1, Ordering::Relaxed);
    }

    /// Opening a connection succeeded.
    pub(crate) fn connected(&self) {
        self.connect_failed_at.store(0, Ordering::Relaxed);
    }

    /// Whether a connect failed so recently that waiting for another is pointless.
    pub(crate) fn recently_failed_to_connect(&self) -> bool {
        match self.connect_failed_at.load(Ordering::Relaxed) {
            0 => false,
            at => self.now_ms() < at - 1 + CONNECT_BACKOFF.as_millis() as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_trusted_until_one_breaks() {
        let health = Health::new();
        let opened = health.now_ms();
        assert!(!health.is_suspect(opened));
        health.suspect();
        assert!(health.is_suspect(opened));
    }

    #[test]
    fn connections_opened_after_the_break_are_trusted() {
        let health = Health::new();
        health.suspect();
        std::thread::sleep(Duration::from_millis(2));
        assert!(!health.is_suspect(health.now_ms()));
    }

    #[test]
    fn a_failed_connect_is_remembered_only_until_one_succeeds() {
        let health = Health::new();
        assert!(!health.recently_failed_to_connect());
        health.connect_failed();
        assert!(health.recently_failed_to_connect());
        health.connected();
        assert!(!health.recently_failed_to_connect());
    }
}
