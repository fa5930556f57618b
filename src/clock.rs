//! The time scheduled work is measured against: the system clock, moved
//! by an offset that only code embedding a node can set (tests move it to
//! reach a vendor's deadline without waiting for it). A node started from
//! the command line has no way to move it.
//!
//! Clones share their offset, so the nodes of one test that were given
//! one clock see the same time.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{NaiveDateTime, SubsecRound, TimeDelta};

/// The clock of scheduled work.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Microseconds added to the system clock.
    offset_us: Arc<AtomicI64>,
}

impl Clock {
    /// Now, truncated to microseconds as the database stores times.
    pub fn now(&self) -> NaiveDateTime {
        chrono::Utc::now().naive_utc().trunc_subsecs(6)
            + TimeDelta::microseconds(self.offset_us.load(Ordering::Relaxed))
    }

    /// Moves the clock forward (or back) by `by`.
    pub fn advance(&self, by: TimeDelta) {
        let us = by.num_microseconds().unwrap_or(i64::MAX);
        self.offset_us.fetch_add(us, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_advanced_clock_runs_ahead_and_its_clones_with_it() {
        let clock = Clock::default();
        let other = clock.clone();
        clock.advance(TimeDelta::hours(2));
        let ahead = other.now() - chrono::Utc::now().naive_utc();
        assert!(ahead >= TimeDelta::minutes(119) && ahead <= TimeDelta::hours(2));
    }
}
