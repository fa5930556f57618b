//! Weekly opening hours of service points, evaluated in the point's local
//! time zone.
//!
//! # Model
//!
//! A [`WeeklyHours`] holds, per weekday (0 = Monday … 6 = Sunday), a list of
//! [`Interval`]s in minutes after local midnight, sorted by opening time. An
//! interval is half-open, `[open, close)`. When `close <= open` the interval
//! runs past midnight and its tail belongs to the following weekday (Sunday's
//! tail runs into Monday); `00:00-24:00` is the whole day. Times are
//! wall-clock times at the point, so the same schedule means different UTC
//! instants in winter and summer.
//!
//! # DST
//!
//! [`WeeklyHours::is_open_at`] only looks at the wall clock. Questions about
//! real time ([`WeeklyHours::open_tomorrow`], [`WeeklyHours::open_upcoming_week`],
//! [`WeeklyHours::open_between`], [`WeeklyHours::is_open_at_instant`]) first turn
//! every interval of the relevant local dates into a pair of UTC instants:
//!
//! - a wall-clock time that does not exist (clocks jump forward over it) becomes
//!   the first instant after the jump, so an interval lying entirely inside the
//!   gap collapses to nothing and does not exist that day;
//! - a wall-clock time that occurs twice (clocks fall back) becomes the earliest
//!   instant when it opens and the latest instant when it closes, so the point
//!   is never reported closed while it is open by either reading of the clock.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Timelike, Utc,
};
use chrono_tz::{Africa, America, Asia, Atlantic, Australia, Europe, GapInfo, Pacific, Tz};
use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};

/// Minutes in a (wall-clock) day; also the value of "24:00".
const DAY: u16 = 24 * 60;

/// More intervals than this on one day is almost certainly a data error.
const MAX_INTERVALS_PER_DAY: usize = 6;

/// One opening interval in minutes after local midnight. `close <= open`
/// means the interval runs past midnight into the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// Opening minute, 0–1439.
    pub open: u16,
    /// Closing minute, 1–1440.
    pub close: u16,
}

impl Interval {
    /// `(start, end)` in minutes after the midnight that starts the interval's
    /// weekday; `end` exceeds 1440 for an overnight interval. `None` for values
    /// out of range, which `parse` never produces but stored JSON might hold.
    fn span(self) -> Option<(u32, u32)> {
        let (open, close) = (u32::from(self.open), u32::from(self.close));
        let day = u32::from(DAY);
        if open >= day || close > day {
            return None;
        }
        Some((open, if close > open { close } else { close + day }))
    }
}

/// Formats as `"HH:MM - HH:MM"`; a close at midnight prints as `24:00`.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Stored data may say 0 for midnight; it means the end of the day either way.
        let close = if self.close == 0 { DAY } else { self.close };
        let (open_h, open_m) = (self.open / 60, self.open % 60);
        let (close_h, close_m) = (close / 60, close % 60);
        write!(f, "{open_h:02}:{open_m:02} - {close_h:02}:{close_m:02}")
    }
}

/// Opening intervals per weekday, index 0 = Monday.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WeeklyHours {
    /// Intervals per weekday.
    pub days: [Vec<Interval>; 7],
}

impl WeeklyHours {
    /// Parses `{"0": ["09:00-12:00", "13:00-18:00"], …, "6": []}`.
    ///
    /// Keys are weekdays `"0"` (Monday) to `"6"` (Sunday); a missing key is a
    /// closed day. Intervals are `"HH:MM-HH:MM"` (spaces around the dash
    /// allowed, one-digit hours accepted); `24:00` only closes, and a closing
    /// `00:00` is stored as `24:00`. Returns every problem found, each with a
    /// field path such as `"0[1]"` (Monday's second interval) or `"7"`.
    pub fn parse(map: &BTreeMap<String, Vec<String>>) -> Result<WeeklyHours, Vec<FieldError>> {
        let mut hours = WeeklyHours::default();
        let mut errors = Vec::new();
        for (key, texts) in map {
            let Some(slot) = weekday_index(key).and_then(|day| hours.days.get_mut(day)) else {
                errors.push(FieldError::new(
                    key.as_str(),
                    ErrorCode::UnknownWeekday,
                    "Weekdays are numbered 0 (Monday) to 6 (Sunday).",
                ));
                continue;
            };
            if texts.len() > MAX_INTERVALS_PER_DAY {
                errors.push(FieldError::new(
                    key.as_str(),
                    ErrorCode::TooManyIntervals,
                    format!("A day has at most {MAX_INTERVALS_PER_DAY} intervals."),
                ));
            }
            // Keep the input index so that errors point at what the client sent.
            let mut parsed = Vec::new();
            for (index, text) in texts.iter().enumerate() {
                match parse_interval(text) {
                    Ok(interval) => parsed.push((index, interval)),
                    Err(message) => errors.push(FieldError::new(
                        format!("{key}[{index}]"),
                        ErrorCode::InvalidInterval,
                        message,
                    )),
                }
            }
            parsed.sort_by_key(|(_, interval)| interval.open);
            errors.extend(overlaps(key, &parsed));
            *slot = parsed.into_iter().map(|(_, interval)| interval).collect();
        }
        if errors.is_empty() {
            Ok(hours)
        } else {
            Err(errors)
        }
    }

    /// `{"0": ["09:00 - 12:00"], …, "6": []}`, every weekday present.
    pub fn formatted(&self) -> BTreeMap<String, Vec<String>> {
        self.days
            .iter()
            .enumerate()
            .map(|(day, intervals)| {
                (
                    day.to_string(),
                    intervals.iter().map(Interval::to_string).collect(),
                )
            })
            .collect()
    }

    /// Whether the point is open at this local wall-clock time: inside one of
    /// the weekday's intervals or in the after-midnight tail of an overnight
    /// interval that started the day before.
    pub fn is_open_at(&self, local: NaiveDateTime) -> bool {
        let weekday = local.weekday().num_days_from_monday() as usize;
        let minute = local.hour() * 60 + local.minute();
        let yesterday = (weekday + 6) % 7;
        let tail_minute = minute + u32::from(DAY);
        self.spans(weekday)
            .any(|(start, end)| start <= minute && minute < end)
            || self
                .spans(yesterday)
                .any(|(start, end)| start <= tail_minute && tail_minute < end)
    }

    /// Whether the point is open at this real instant (same DST rules as
    /// [`WeeklyHours::open_between`], which can differ from [`WeeklyHours::is_open_at`]
    /// during a repeated hour).
    pub fn is_open_at_instant(&self, at: DateTime<Utc>, tz: Tz) -> bool {
        let Some(date) = local_date(at, tz) else {
            return false;
        };
        // An interval that started the day before may still be running.
        let first = date.pred_opt().unwrap_or(date);
        self.instants(first, date, tz)
            .any(|(open, close)| open <= at && at < close)
    }

    /// Open at some real instant in `[from, to)`.
    pub fn open_between(&self, from: DateTime<Utc>, to: DateTime<Utc>, tz: Tz) -> bool {
        let (Some(first), Some(last)) = (local_date(from, tz), local_date(to, tz)) else {
            return false;
        };
        // Intervals last less than two days, so one day of look-back catches
        // every overnight interval still running at `from`.
        let first = first.pred_opt().unwrap_or(first);
        self.instants(first, last, tz)
            .any(|(open, close)| open < to && from < close)
    }

    /// Open at some moment of tomorrow's local calendar date, where "tomorrow"
    /// follows the local (not the UTC) date of `now` in `tz`. This includes the
    /// after-midnight tail of an interval that starts today.
    pub fn open_tomorrow(&self, now: DateTime<Utc>, tz: Tz) -> bool {
        let Some(tomorrow) = local_date(now, tz).and_then(|today| today.succ_opt()) else {
            return false;
        };
        let start = start_of_day(tomorrow, tz);
        let end = tomorrow.succ_opt().and_then(|date| start_of_day(date, tz));
        match (start, end) {
            (Some(start), Some(end)) => self.open_between(start, end, tz),
            _ => false,
        }
    }

    /// Open at some moment of the next seven days from `now`, `[now, now + 7 days)`.
    pub fn open_upcoming_week(&self, now: DateTime<Utc>, tz: Tz) -> bool {
        let end = now
            .checked_add_signed(TimeDelta::days(7))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        self.open_between(now, end, tz)
    }

    /// Valid spans of one weekday's intervals (see [`Interval::span`]).
    fn spans(&self, weekday: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.days
            .get(weekday)
            .into_iter()
            .flatten()
            .filter_map(|interval| interval.span())
    }

    /// Real `[open, close)` instants of every interval starting on a local date
    /// in `first..=last`, leaving out intervals that do not exist (DST gap).
    fn instants(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        tz: Tz,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        first
            .iter_days()
            .take_while(move |date| *date <= last)
            .flat_map(move |date| {
                let midnight = date.and_time(NaiveTime::MIN);
                let weekday = date.weekday().num_days_from_monday() as usize;
                self.spans(weekday).filter_map(move |(start, end)| {
                    let at = |minutes: u32| {
                        midnight.checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
                    };
                    let open = real_instant(at(start)?, tz, Edge::Opening)?;
                    let close = real_instant(at(end)?, tz, Edge::Closing)?;
                    (open < close).then_some((open, close))
                })
            })
    }
}

/// Which side of an interval a wall-clock time bounds; decides how a repeated
/// wall-clock time is resolved.
#[derive(Clone, Copy)]
enum Edge {
    Opening,
    Closing,
}

/// The real instant of a wall-clock time in `tz`: the first instant after the
/// gap for a skipped time, and for a repeated time the earliest one when
/// opening and the latest one when closing, so the interval covers both.
fn real_instant(local: NaiveDateTime, tz: Tz, edge: Edge) -> Option<DateTime<Utc>> {
    let instant = match tz.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant,
        LocalResult::Ambiguous(earliest, latest) => match edge {
            Edge::Opening => earliest,
            Edge::Closing => latest,
        },
        LocalResult::None => GapInfo::new(&local, &tz)?.end?,
    };
    Some(instant.with_timezone(&Utc))
}

/// The first instant of a local date (midnight itself can fall in a gap in
/// zones that switch at midnight).
fn start_of_day(date: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    real_instant(date.and_time(NaiveTime::MIN), tz, Edge::Opening)
}

/// The local calendar date of an instant; `None` only at the very edge of
/// chrono's range (where `DateTime::date_naive` would panic).
fn local_date(at: DateTime<Utc>, tz: Tz) -> Option<NaiveDate> {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc()).fix();
    at.naive_utc()
        .checked_add_offset(offset)
        .map(|local| local.date())
}

/// `"0"`..`"6"` to an index into [`WeeklyHours::days`].
fn weekday_index(key: &str) -> Option<usize> {
    match key {
        "0" | "1" | "2" | "3" | "4" | "5" | "6" => key.parse().ok(),
        _ => None,
    }
}

/// Parses `"HH:MM-HH:MM"` (optionally with spaces around the dash).
fn parse_interval(text: &str) -> Result<Interval, &'static str> {
    let (open, close) = text
        .split_once('-')
        .ok_or("Write intervals as HH:MM-HH:MM, for example 09:00-17:30.")?;
    let open =
        parse_time(open.trim()).ok_or("The opening time must be between 00:00 and 23:59.")?;
    let close =
        parse_time(close.trim()).ok_or("The closing time must be between 00:00 and 24:00.")?;
    if open == DAY {
        return Err("24:00 can only be a closing time.");
    }
    if open == close {
        return Err("The interval is empty; write 00:00-24:00 for a whole day.");
    }
    // A close at 00:00 means the coming midnight; store it as 24:00 so that it
    // stays a same-day interval and prints as such.
    Ok(Interval {
        open,
        close: if close == 0 { DAY } else { close },
    })
}

/// `"HH:MM"` (or `"H:MM"`) to minutes after midnight, up to `24:00`.
fn parse_time(text: &str) -> Option<u16> {
    let (hours, minutes) = text.split_once(':')?;
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hours, 1..=2) || !digits(minutes, 2..=2) {
        return None;
    }
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    let time = hours * 60 + minutes;
    (minutes <= 59 && time <= DAY).then_some(time)
}

/// One error per interval that starts before an earlier one (by opening
/// time) has closed. `sorted` holds `(input index, interval)` sorted by open.
fn overlaps(key: &str, sorted: &[(usize, Interval)]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    // The interval reaching furthest so far: it may cover several later ones.
    let mut furthest: Option<(usize, u32)> = None;
    for &(index, interval) in sorted {
        let Some((start, end)) = interval.span() else {
            continue;
        };
        if let Some((other, reach)) = furthest
            && start < reach
        {
            errors.push(FieldError::new(
                format!("{key}[{index}]"),
                ErrorCode::OverlappingIntervals,
                format!("This interval overlaps {key}[{other}] on the same day."),
            ));
        }
        if furthest.is_none_or(|(_, reach)| end > reach) {
            furthest = Some((index, end));
        }
    }
    errors
}

/// The usual IANA time zone of a country (ISO 3166-1 alpha-2, upper case):
/// every EU/EEA country, their microstate neighbours, GB, CH and a few large
/// markets. Countries spanning several zones get their most populous one
/// (US → America/New_York, CA → America/Toronto, AU → Australia/Sydney,
/// BR → America/Sao_Paulo, MX → America/Mexico_City, ES → Europe/Madrid,
/// PT → Europe/Lisbon); name the zone explicitly for points elsewhere.
pub fn default_timezone(country: &str) -> Option<Tz> {
    let tz = match country {
        "AD" => Europe::Andorra,
        "AT" => Europe::Vienna,
        "BE" => Europe::Brussels,
        "BG" => Europe::Sofia,
        "CH" => Europe::Zurich,
        "CY" => Asia::Nicosia,
        "CZ" => Europe::Prague,
        "DE" => Europe::Berlin,
        "DK" => Europe::Copenhagen,
        "EE" => Europe::Tallinn,
        "ES" => Europe::Madrid,
        "FI" => Europe::Helsinki,
        "FR" => Europe::Paris,
        "GB" => Europe::London,
        "GR" => Europe::Athens,
        "HR" => Europe::Zagreb,
        "HU" => Europe::Budapest,
        "IE" => Europe::Dublin,
        "IS" => Atlantic::Reykjavik,
        "IT" => Europe::Rome,
        "LI" => Europe::Vaduz,
        "LT" => Europe::Vilnius,
        "LU" => Europe::Luxembourg,
        "LV" => Europe::Riga,
        "MC" => Europe::Monaco,
        "MT" => Europe::Malta,
        "NL" => Europe::Amsterdam,
        "NO" => Europe::Oslo,
        "PL" => Europe::Warsaw,
        "PT" => Europe::Lisbon,
        "RO" => Europe::Bucharest,
        "SE" => Europe::Stockholm,
        "SI" => Europe::Ljubljana,
        "SK" => Europe::Bratislava,
        "SM" => Europe::San_Marino,
        "TR" => Europe::Istanbul,
        "UA" => Europe::Kyiv,
        "VA" => Europe::Vatican,
        "AU" => Australia::Sydney,
        "BR" => America::Sao_Paulo,
        "CA" => America::Toronto,
        "CN" => Asia::Shanghai,
        "IN" => Asia::Kolkata,
        "JP" => Asia::Tokyo,
        "MX" => America::Mexico_City,
        "NZ" => Pacific::Auckland,
        "US" => America::New_York,
        "ZA" => Africa::Johannesburg,
        _ => return None,
    };
    Some(tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AMSTERDAM: Tz = Europe::Amsterdam;

    fn hours(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        entries
            .iter()
            .map(|(key, texts)| {
                (
                    key.to_string(),
                    texts.iter().map(|t| t.to_string()).collect(),
                )
            })
            .collect()
    }

    fn parsed(entries: &[(&str, &[&str])]) -> WeeklyHours {
        WeeklyHours::parse(&hours(entries)).expect("valid hours")
    }

    fn errors(entries: &[(&str, &[&str])]) -> Vec<(String, ErrorCode)> {
        let errors = WeeklyHours::parse(&hours(entries)).expect_err("invalid hours");
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn pair(field: &str, code: ErrorCode) -> (String, ErrorCode) {
        (field.to_string(), code)
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    /// An unambiguous Amsterdam wall-clock time as a UTC instant.
    fn amsterdam(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        AMSTERDAM
            .from_local_datetime(&local(y, m, d, h, min))
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn valid_input_is_parsed_and_sorted_by_opening_time() {
        let week = parsed(&[
            ("0", &["13:00-18:00", "09:00 - 12:00"]),
            ("5", &["22:00-02:00"]),
            ("6", &[]),
        ]);
        assert_eq!(
            week.days[0],
            vec![
                Interval {
                    open: 540,
                    close: 720
                },
                Interval {
                    open: 780,
                    close: 1080
                }
            ]
        );
        assert_eq!(
            week.days[5],
            vec![Interval {
                open: 1320,
                close: 120
            }]
        );
        assert!(week.days[1].is_empty() && week.days[6].is_empty());
    }

    #[test]
    fn midnight_as_a_closing_time_is_the_end_of_the_day() {
        let week = parsed(&[
            ("0", &["00:00-24:00"]),
            ("1", &["22:00-00:00"]),
            ("2", &["9:30-24:00"]),
        ]);
        assert_eq!(
            week.days[0],
            vec![Interval {
                open: 0,
                close: 1440
            }]
        );
        assert_eq!(
            week.days[1],
            vec![Interval {
                open: 1320,
                close: 1440
            }]
        );
        assert_eq!(
            week.days[2],
            vec![Interval {
                open: 570,
                close: 1440
            }]
        );
    }

    #[test]
    fn malformed_times_are_invalid_intervals_with_their_path() {
        let monday = [
            "09:00",
            "9-17",
            "09:00-17:00-18:00",
            "25:00-26:00",
            "09:60-10:00",
            "24:00-01:00",
        ];
        let tuesday = [
            "10:00-24:30",
            "0900-1700",
            "ab:cd-ef:gh",
            "-09:00-10:00",
            "09:00 to 10:00",
            "",
        ];
        let found = errors(&[("0", &monday), ("1", &tuesday)]);
        let expected: Vec<_> = ["0", "1"]
            .iter()
            .flat_map(|day| {
                (0..6).map(move |i| pair(&format!("{day}[{i}]"), ErrorCode::InvalidInterval))
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn an_interval_of_zero_length_is_rejected() {
        assert_eq!(
            errors(&[("1", &["08:00-09:00", "10:00-10:00"])]),
            vec![pair("1[1]", ErrorCode::InvalidInterval)]
        );
        assert_eq!(
            errors(&[("1", &["00:00-00:00"])]),
            vec![pair("1[0]", ErrorCode::InvalidInterval)]
        );
    }

    #[test]
    fn overlapping_intervals_are_reported_after_sorting() {
        assert_eq!(
            errors(&[("2", &["12:00-14:00", "09:00-13:00"])]),
            vec![pair("2[0]", ErrorCode::OverlappingIntervals)]
        );
        // One long interval can cover several later ones.
        let found = errors(&[("2", &["08:00-20:00", "09:00-10:00", "11:00-12:00"])]);
        assert_eq!(
            found,
            vec![
                pair("2[1]", ErrorCode::OverlappingIntervals),
                pair("2[2]", ErrorCode::OverlappingIntervals)
            ]
        );
    }

    #[test]
    fn an_overnight_interval_overlaps_a_later_one_the_same_evening() {
        assert_eq!(
            errors(&[("4", &["20:00-02:00", "23:00-23:30"])]),
            vec![pair("4[1]", ErrorCode::OverlappingIntervals)]
        );
    }

    #[test]
    fn touching_intervals_do_not_overlap() {
        let week = parsed(&[("0", &["12:00-13:00", "09:00-12:00", "13:00-01:00"])]);
        assert_eq!(week.days[0].len(), 3);
    }

    #[test]
    fn more_than_six_intervals_on_a_day_are_rejected() {
        let seven = [
            "01:00-02:00",
            "03:00-04:00",
            "05:00-06:00",
            "07:00-08:00",
            "09:00-10:00",
            "11:00-12:00",
            "13:00-14:00",
        ];
        assert_eq!(
            errors(&[("4", &seven)]),
            vec![pair("4", ErrorCode::TooManyIntervals)]
        );
        assert!(WeeklyHours::parse(&hours(&[("4", &seven[..6])])).is_ok());
    }

    #[test]
    fn unknown_weekday_keys_are_rejected() {
        let found = errors(&[
            ("7", &[]),
            ("mon", &["09:00-10:00"]),
            ("00", &[]),
            ("-1", &[]),
        ]);
        let expected = vec![
            pair("-1", ErrorCode::UnknownWeekday),
            pair("00", ErrorCode::UnknownWeekday),
            pair("7", ErrorCode::UnknownWeekday),
            pair("mon", ErrorCode::UnknownWeekday),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn all_errors_are_collected_not_just_the_first() {
        let found = errors(&[
            ("0", &["09:00-12:00", "11:00-13:00", "bad"]),
            ("6", &["24:00-01:00"]),
            ("9", &[]),
        ]);
        let expected = vec![
            pair("0[2]", ErrorCode::InvalidInterval),
            pair("0[1]", ErrorCode::OverlappingIntervals),
            pair("6[0]", ErrorCode::InvalidInterval),
            pair("9", ErrorCode::UnknownWeekday),
        ];
        assert_eq!(found, expected);
        let messages = WeeklyHours::parse(&hours(&[("9", &[])])).unwrap_err();
        assert!(messages.iter().all(|e| e.message.ends_with('.')));
    }

    #[test]
    fn formatting_lists_every_weekday_and_round_trips() {
        let week = parsed(&[
            ("0", &["13:00-18:00", "9:00-12:00"]),
            ("2", &["00:00-24:00"]),
            ("6", &["22:00 - 02:00"]),
        ]);
        let formatted = week.formatted();
        let expected = hours(&[
            ("0", &["09:00 - 12:00", "13:00 - 18:00"]),
            ("1", &[]),
            ("2", &["00:00 - 24:00"]),
            ("3", &[]),
            ("4", &[]),
            ("5", &[]),
            ("6", &["22:00 - 02:00"]),
        ]);
        assert_eq!(formatted, expected);
        assert_eq!(WeeklyHours::parse(&formatted), Ok(week));
    }

    #[test]
    fn the_default_schedule_is_closed_every_day() {
        let formatted = WeeklyHours::default().formatted();
        assert_eq!(formatted.len(), 7);
        assert!(formatted.values().all(Vec::is_empty));
    }

    #[test]
    fn open_at_the_opening_minute_and_closed_at_the_closing_minute() {
        // 2026-06-01 is a Monday.
        let week = parsed(&[("0", &["09:00-12:00"])]);
        assert!(!week.is_open_at(local(2026, 6, 1, 8, 59)));
        assert!(week.is_open_at(local(2026, 6, 1, 9, 0)));
        assert!(week.is_open_at(local(2026, 6, 1, 11, 59)));
        assert!(!week.is_open_at(local(2026, 6, 1, 12, 0)));
        assert!(!week.is_open_at(local(2026, 6, 2, 10, 0)));
    }

    #[test]
    fn an_overnight_interval_counts_for_the_next_morning() {
        // Sunday 2026-06-07 into Monday 2026-06-08.
        let week = parsed(&[("6", &["22:00-02:00"])]);
        assert!(
            !week.is_open_at(local(2026, 6, 7, 1, 0)),
            "Saturday had no interval"
        );
        assert!(week.is_open_at(local(2026, 6, 7, 23, 0)));
        assert!(week.is_open_at(local(2026, 6, 8, 1, 59)));
        assert!(!week.is_open_at(local(2026, 6, 8, 2, 0)));
        assert!(!week.is_open_at(local(2026, 6, 8, 23, 0)));
    }

    #[test]
    fn a_whole_day_interval_is_open_around_the_clock() {
        let week = parsed(&[("2", &["00:00-24:00"])]);
        assert!(week.is_open_at(local(2026, 6, 3, 0, 0)));
        assert!(week.is_open_at(local(2026, 6, 3, 23, 59)));
        assert!(!week.is_open_at(local(2026, 6, 4, 0, 0)));
    }

    #[test]
    fn an_interval_inside_the_spring_forward_gap_does_not_exist_that_sunday() {
        let week = parsed(&[("6", &["02:10-02:50"])]);
        assert!(!week.open_tomorrow(amsterdam(2026, 3, 28, 12, 0), AMSTERDAM));
    }

    #[test]
    fn the_same_interval_exists_on_an_ordinary_sunday() {
        let week = parsed(&[("6", &["02:10-02:50"])]);
        assert!(week.open_tomorrow(amsterdam(2026, 3, 21, 12, 0), AMSTERDAM));
    }

    #[test]
    fn an_interval_reaching_past_the_spring_forward_gap_still_exists() {
        let week = parsed(&[("6", &["01:30-02:30"])]);
        assert!(week.open_tomorrow(amsterdam(2026, 3, 28, 12, 0), AMSTERDAM));
        // Open until the jump at 01:00 UTC, closed right after it.
        assert!(week.is_open_at_instant(utc("2026-03-29T00:59:00Z"), AMSTERDAM));
        assert!(!week.is_open_at_instant(utc("2026-03-29T01:00:00Z"), AMSTERDAM));
    }

    #[test]
    fn an_interval_in_the_repeated_autumn_hour_is_open() {
        let week = parsed(&[("6", &["02:30-02:45"])]);
        assert!(week.open_tomorrow(amsterdam(2026, 10, 24, 12, 0), AMSTERDAM));
        // From the first 02:30 (CEST) until the second 02:45 (CET).
        assert!(week.is_open_at_instant(utc("2026-10-25T00:30:00Z"), AMSTERDAM));
        assert!(week.is_open_at_instant(utc("2026-10-25T01:44:00Z"), AMSTERDAM));
        assert!(!week.is_open_at_instant(utc("2026-10-25T01:45:00Z"), AMSTERDAM));
    }

    #[test]
    fn a_point_open_only_on_mondays_is_open_tomorrow_late_on_sunday() {
        let week = parsed(&[("0", &["09:00-17:00"])]);
        assert!(week.open_tomorrow(amsterdam(2026, 3, 29, 23, 30), AMSTERDAM));
        assert!(week.open_tomorrow(amsterdam(2026, 10, 25, 23, 30), AMSTERDAM));
        assert!(!week.open_tomorrow(amsterdam(2026, 10, 24, 12, 0), AMSTERDAM));
    }

    #[test]
    fn tomorrow_follows_the_local_date_not_the_utc_date() {
        // 2026-10-24T22:30Z is Sunday 00:30 in Amsterdam, so tomorrow is Monday.
        let now = utc("2026-10-24T22:30:00Z");
        assert!(parsed(&[("0", &["09:00-17:00"])]).open_tomorrow(now, AMSTERDAM));
        assert!(!parsed(&[("6", &["09:00-17:00"])]).open_tomorrow(now, AMSTERDAM));
        // The same instant is still Saturday evening in New York.
        assert!(parsed(&[("6", &["09:00-17:00"])]).open_tomorrow(now, America::New_York));
    }

    #[test]
    fn a_sunday_overnight_interval_makes_monday_open_tomorrow() {
        let week = parsed(&[("6", &["22:00-02:00"])]);
        assert!(week.open_tomorrow(amsterdam(2026, 10, 25, 12, 0), AMSTERDAM));
        assert!(week.open_tomorrow(amsterdam(2026, 3, 29, 12, 0), AMSTERDAM));
    }

    #[test]
    fn an_interval_closing_at_midnight_does_not_reach_tomorrow() {
        let week = parsed(&[("6", &["22:00-24:00"])]);
        assert!(!week.open_tomorrow(amsterdam(2026, 6, 7, 12, 0), AMSTERDAM));
    }

    #[test]
    fn a_point_closed_every_day_is_not_open_in_the_upcoming_week() {
        assert!(
            !WeeklyHours::default().open_upcoming_week(amsterdam(2026, 6, 3, 12, 0), AMSTERDAM)
        );
        assert!(!WeeklyHours::default().open_tomorrow(amsterdam(2026, 6, 3, 12, 0), AMSTERDAM));
    }

    #[test]
    fn a_point_open_only_on_wednesdays_is_open_in_the_upcoming_week() {
        let week = parsed(&[("2", &["09:00-12:00"])]);
        // From just after Wednesday's interval, the next one is six days away.
        assert!(week.open_upcoming_week(amsterdam(2026, 6, 3, 12, 0), AMSTERDAM));
        assert!(week.open_upcoming_week(amsterdam(2026, 10, 22, 12, 0), AMSTERDAM));
        assert!(!week.open_tomorrow(amsterdam(2026, 6, 3, 12, 0), AMSTERDAM));
    }

    #[test]
    fn the_upcoming_week_skips_an_interval_lost_to_the_spring_forward_gap() {
        let week = parsed(&[("6", &["02:10-02:50"])]);
        assert!(!week.open_upcoming_week(amsterdam(2026, 3, 23, 12, 0), AMSTERDAM));
        assert!(week.open_upcoming_week(amsterdam(2026, 3, 30, 12, 0), AMSTERDAM));
    }

    #[test]
    fn the_upcoming_week_starts_now_and_ends_before_the_same_time_next_week() {
        let week = parsed(&[("2", &["09:00-12:00"])]);
        assert!(week.open_upcoming_week(amsterdam(2026, 6, 3, 11, 59), AMSTERDAM));
        // Both ends of a range are half-open like the intervals themselves:
        // closing at `from` or opening at `to` does not count.
        let early = parsed(&[("1", &["08:00-09:00"])]);
        let (from, to) = (amsterdam(2026, 6, 2, 9, 0), amsterdam(2026, 6, 9, 8, 0));
        assert!(!early.open_between(from, to, AMSTERDAM));
        assert!(early.open_between(from, to + TimeDelta::minutes(1), AMSTERDAM));
    }

    #[test]
    fn garbage_from_storage_and_extreme_clocks_do_not_panic() {
        let mut week = WeeklyHours::default();
        week.days[3] = vec![
            Interval {
                open: 5000,
                close: 9999,
            },
            Interval {
                open: 600,
                close: 600,
            },
        ];
        week.days[6] = vec![Interval { open: 0, close: 0 }];
        let _ = week.formatted();
        let _ = week.is_open_at(local(2026, 6, 4, 10, 0));
        for now in [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            utc("2026-06-04T10:00:00Z"),
        ] {
            let _ = week.open_tomorrow(now, AMSTERDAM);
            let _ = week.open_upcoming_week(now, Pacific::Kiritimati);
            let _ = week.is_open_at_instant(now, Pacific::Apia);
        }
    }

    #[test]
    fn default_timezone_knows_common_countries_and_nothing_else() {
        assert_eq!(default_timezone("NL"), Some(Europe::Amsterdam));
        assert_eq!(default_timezone("US"), Some(America::New_York));
        assert_eq!(default_timezone("AU"), Some(Australia::Sydney));
        assert_eq!(default_timezone("XX"), None);
        assert_eq!(default_timezone(""), None);
    }
}
