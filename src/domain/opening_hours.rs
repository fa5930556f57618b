//! Weekly opening hours of service points, evaluated in the point's local
//! time zone. (Interface; the implementation is being completed.)

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// One opening interval in minutes after local midnight. `close <= open`
/// means the interval runs past midnight into the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// Opening minute, 0–1439.
    pub open: u16,
    /// Closing minute, 1–1440.
    pub close: u16,
}

/// Opening intervals per weekday, index 0 = Monday.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WeeklyHours {
    /// Intervals per weekday.
    pub days: [Vec<Interval>; 7],
}

impl WeeklyHours {
    /// Parses `{"0": ["09:00-12:00", "13:00-18:00"], …, "6": []}`.
    pub fn parse(_map: &BTreeMap<String, Vec<String>>) -> Result<WeeklyHours, Vec<FieldError>> {
        Ok(WeeklyHours::default())
    }

    /// `{"0": ["09:00 - 12:00"], …, "6": []}`, every weekday present.
    pub fn formatted(&self) -> BTreeMap<String, Vec<String>> {
        (0..7).map(|d| (d.to_string(), Vec::new())).collect()
    }

    /// Whether the point is open at this local time.
    pub fn is_open_at(&self, _local: NaiveDateTime) -> bool {
        false
    }

    /// Open at some moment of tomorrow's local calendar date.
    pub fn open_tomorrow(&self, _now: DateTime<Utc>, _tz: Tz) -> bool {
        false
    }

    /// Open at some moment of the next seven days from `now`.
    pub fn open_upcoming_week(&self, _now: DateTime<Utc>, _tz: Tz) -> bool {
        false
    }
}

/// The usual IANA time zone of a country (ISO alpha-2), when it has one.
pub fn default_timezone(_country: &str) -> Option<Tz> {
    None
}
