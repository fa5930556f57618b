//! Carrier tracking of return parcels: what a carrier's scan says, and what
//! one scan does to its shipment and its return.
//!
//! Carriers and tracking aggregators retry and deliver scans out of order,
//! so the rules here make a scan count once and make order not matter:
//! a scan the shipment already has (the same status at the same time, or
//! the same carrier event id) is a duplicate and changes nothing; the
//! shipment's current status is its latest scan by `occurred_at`, so an
//! older scan joins the history without moving it back. [`decide`] is the
//! one place that says what a new scan does; the app carries it out, moving
//! the shipment's part only through the part state machine
//! ([`step_part`](crate::domain::parts::step_part)); the return follows
//! from its parts.

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::codes::{CountryCode, is_country};
use crate::domain::parts::{PartAction, PartStatus, part_transition};
use crate::error::{ApiError, ErrorCode, FieldError};

/// How far ahead of our clock a scan may claim to have happened (carrier
/// clocks drift and some send local time as UTC). A scan from further in
/// the future would stay the shipment's current status for good.
pub const MAX_CLOCK_AHEAD: TimeDelta = TimeDelta::days(1);

/// Longest tracking number.
pub const MAX_TRACKING_NUMBER: usize = 64;
/// Longest carrier event id.
pub const MAX_EVENT_ID: usize = 128;

/// What a carrier reports about a parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackingStatus {
    /// The carrier took the parcel in (drop-off point, pickup, depot).
    Accepted,
    /// On its way.
    InTransit,
    /// Delivered at the return address.
    Delivered,
    /// Delayed, damaged, refused or otherwise stuck; the carrier will report again.
    Exception,
    /// Sent back to the customer.
    ReturnedToSender,
}

use TrackingStatus::*;

impl TrackingStatus {
    /// Every status.
    pub const ALL: [TrackingStatus; 5] =
        [Accepted, InTransit, Delivered, Exception, ReturnedToSender];

    /// Stored / wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Accepted => "accepted",
            InTransit => "in_transit",
            Delivered => "delivered",
            Exception => "exception",
            ReturnedToSender => "returned_to_sender",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<TrackingStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether the scan shows the parcel travelling towards the return
    /// address: the return is then in transit.
    pub fn travels(self) -> bool {
        matches!(self, Accepted | InTransit | Delivered)
    }
}

/// Part statuses in which its parcel is on its way: a delivery is news
/// (`return.delivered`). Before approval nothing should travel; once
/// everything is received the delivery tells nothing new.
pub const EXPECTING_PARCELS: [PartStatus; 2] =
    [PartStatus::InTransit, PartStatus::PartiallyReceived];

/// Where a scan happened, as the carrier describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackingLocation {
    /// The carrier's words, e.g. the depot or service point.
    #[serde(default)]
    #[schema(
        example = "PostNL sorting centre",
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub description: Option<String>,
    /// City.
    #[serde(default)]
    #[schema(
        example = "Utrecht",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub city: Option<String>,
    /// Postal code, as the carrier writes it.
    #[serde(default)]
    #[schema(
        example = "3542 AB",
        max_length = 20,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(default)]
    #[schema(value_type = Option<CountryCode>)]
    pub country: Option<String>,
}

/// A carrier's report of one scan of a return parcel.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "tracking_number": "3SRET000123456",
    "status": "in_transit",
    "occurred_at": "2026-12-02T08:15:00Z",
    "location": { "description": "PostNL sorting centre", "city": "Utrecht",
                  "postal_code": "3542 AB", "country": "NL" },
    "event_id": "scan-000123456-04"
}))]
pub struct TrackingEventInput {
    /// Tracking number of the parcel (that of the return's label, exactly).
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub tracking_number: String,
    /// What happened.
    pub status: TrackingStatus,
    /// When it happened (RFC 3339; at most a day ahead of the server's clock).
    pub occurred_at: DateTime<Utc>,
    /// Where it happened.
    #[serde(default)]
    pub location: Option<TrackingLocation>,
    /// The carrier's id of this scan: a scan sent again with the same id is
    /// a duplicate, whatever else it says.
    #[serde(default)]
    #[schema(
        min_length = 1,
        max_length = 128,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub event_id: Option<String>,
}

/// A checked scan, its time at the precision both databases keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    /// Tracking number.
    pub tracking_number: String,
    /// What happened.
    pub status: TrackingStatus,
    /// When (microseconds).
    pub occurred_at: DateTime<Utc>,
    /// Where.
    pub location: Option<TrackingLocation>,
    /// The carrier's id of the scan.
    pub event_id: Option<String>,
}

/// 1–`max` characters, not blank, no control characters (what the spec's
/// `pattern` and `max_length` of these texts state).
fn text(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>, max: usize) {
    if let Some(v) = value
        && (v.trim().is_empty() || v.chars().count() > max || v.chars().any(char::is_control))
    {
        errors.push(FieldError::new(
            field,
            ErrorCode::InvalidLength,
            format!("must have 1–{max} printable characters"),
        ));
    }
}

impl TrackingEventInput {
    /// The scan, or 422 naming every invalid field: texts within their
    /// lengths, a known country, and a time no more than
    /// [`MAX_CLOCK_AHEAD`] after `now`.
    pub fn into_scan(self, now: DateTime<Utc>) -> Result<Scan, ApiError> {
        let mut e = Vec::new();
        text(
            &mut e,
            "tracking_number",
            Some(&self.tracking_number),
            MAX_TRACKING_NUMBER,
        );
        text(&mut e, "event_id", self.event_id.as_deref(), MAX_EVENT_ID);
        if self.occurred_at > now + MAX_CLOCK_AHEAD {
            e.push(FieldError::new(
                "occurred_at",
                ErrorCode::OutOfRange,
                "is more than a day in the future",
            ));
        }
        if let Some(l) = &self.location {
            text(
                &mut e,
                "location.description",
                l.description.as_deref(),
                200,
            );
            text(&mut e, "location.city", l.city.as_deref(), 100);
            text(&mut e, "location.postal_code", l.postal_code.as_deref(), 20);
            if l.country.as_deref().is_some_and(|c| !is_country(c)) {
                e.push(FieldError::new(
                    "location.country",
                    ErrorCode::InvalidCountry,
                    "must be an ISO 3166-1 alpha-2 code such as NL",
                ));
            }
        }
        ApiError::check(e)?;
        Ok(Scan {
            tracking_number: self.tracking_number,
            status: self.status,
            occurred_at: self.occurred_at.trunc_subsecs(6),
            location: self.location,
            event_id: self.event_id,
        })
    }
}

/// What [`decide`] needs to know of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanFacts<'a> {
    /// What happened.
    pub status: TrackingStatus,
    /// When.
    pub occurred_at: DateTime<Utc>,
    /// The carrier's id of the scan.
    pub event_id: Option<&'a str>,
}

impl Scan {
    /// The facts [`decide`] reads.
    pub fn facts(&self) -> ScanFacts<'_> {
        ScanFacts {
            status: self.status,
            occurred_at: self.occurred_at,
            event_id: self.event_id.as_deref(),
        }
    }
}

impl ScanFacts<'_> {
    /// The same scan: the same status at the same time, or the same
    /// carrier event id.
    pub fn same_as(&self, other: &ScanFacts<'_>) -> bool {
        (self.status == other.status && self.occurred_at == other.occurred_at)
            || (self.event_id.is_some() && self.event_id == other.event_id)
    }
}

/// What a new scan changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// It is the shipment's latest scan: its status becomes the shipment's
    /// current tracking status.
    pub current: bool,
    /// The return moves to `in_transit` (the state machine's Ship).
    pub ship: bool,
    /// The shipment's delivery is announced (`return.delivered`, once per
    /// shipment; after `ship` when both).
    pub delivered: bool,
}

/// What one scan does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The shipment already has this scan: nothing changes.
    Duplicate,
    /// A new scan to record, with what it changes.
    New(Effects),
}

/// What `scan` does to a shipment whose scans so far are `history`, a part
/// that is `status`:
///
/// - a scan the shipment already has is a [`Outcome::Duplicate`];
/// - it becomes the current status unless a recorded scan happened later;
/// - a scan that shows the parcel travelling ships a part the state
///   machine lets ship (an approved one);
/// - the shipment's first `delivered` scan announces the delivery when the
///   part (after shipping) expects its parcel ([`EXPECTING_PARCELS`]), and
///   the part is then delivered.
///
/// Nothing else moves a part: receiving stays the warehouse's action, and
/// parts that cannot ship keep their status (the scan is still kept).
pub fn decide(status: PartStatus, history: &[ScanFacts<'_>], scan: &ScanFacts<'_>) -> Outcome {
    if history.iter().any(|h| h.same_as(scan)) {
        return Outcome::Duplicate;
    }
    let current = history.iter().all(|h| h.occurred_at <= scan.occurred_at);
    let shipped = scan
        .status
        .travels()
        .then(|| part_transition(status, PartAction::Ship))
        .flatten();
    let after = shipped.unwrap_or(status);
    let first_delivery = scan.status == Delivered && !history.iter().any(|h| h.status == Delivered);
    Outcome::New(Effects {
        current,
        ship: shipped.is_some(),
        delivered: first_delivery && EXPECTING_PARCELS.contains(&after),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-12-02T08:{minute:02}:00Z"))
            .unwrap()
            .with_timezone(&Utc)
    }

    fn facts(status: TrackingStatus, minute: u32) -> ScanFacts<'static> {
        ScanFacts {
            status,
            occurred_at: at(minute),
            event_id: None,
        }
    }

    fn effects(outcome: Outcome) -> Effects {
        match outcome {
            Outcome::New(e) => e,
            Outcome::Duplicate => panic!("a new scan was taken for a duplicate"),
        }
    }

    fn input(status: TrackingStatus) -> TrackingEventInput {
        TrackingEventInput {
            tracking_number: "3SRET0001".into(),
            status,
            occurred_at: at(15),
            location: None,
            event_id: None,
        }
    }

    fn fields(err: ApiError) -> Vec<String> {
        err.errors().iter().map(|e| e.field.clone()).collect()
    }

    #[test]
    fn the_first_scan_of_a_travelling_parcel_ships_an_approved_return() {
        for status in [Accepted, InTransit, Delivered] {
            let e = effects(decide(PartStatus::Approved, &[], &facts(status, 10)));
            assert!(e.ship && e.current, "{status:?}");
        }
    }

    #[test]
    fn an_exception_or_a_parcel_sent_back_ships_nothing() {
        for status in [Exception, ReturnedToSender] {
            let e = effects(decide(PartStatus::Approved, &[], &facts(status, 10)));
            assert_eq!(
                e,
                Effects {
                    current: true,
                    ship: false,
                    delivered: false
                }
            );
        }
    }

    #[test]
    fn a_delivery_to_an_approved_return_ships_it_then_announces_the_delivery() {
        let e = effects(decide(PartStatus::Approved, &[], &facts(Delivered, 10)));
        assert_eq!(
            e,
            Effects {
                current: true,
                ship: true,
                delivered: true
            }
        );
    }

    #[test]
    fn a_delivery_is_announced_once_per_shipment() {
        let history = [facts(InTransit, 1), facts(Delivered, 5)];
        let again = effects(decide(
            PartStatus::InTransit,
            &history,
            &facts(Delivered, 9),
        ));
        assert!(!again.delivered);
        let first = effects(decide(
            PartStatus::InTransit,
            &history[..1],
            &facts(Delivered, 5),
        ));
        assert!(first.delivered && !first.ship);
    }

    #[test]
    fn a_partly_received_return_still_hears_of_its_other_parcels() {
        let e = effects(decide(
            PartStatus::PartiallyReceived,
            &[],
            &facts(Delivered, 1),
        ));
        assert!(e.delivered && !e.ship);
    }

    #[test]
    fn returns_that_cannot_ship_keep_their_status_and_announce_nothing() {
        use PartStatus as R;
        for status in [
            R::Requested,
            R::Rejected,
            R::Cancelled,
            R::Received,
            R::Completed,
        ] {
            let e = effects(decide(status, &[], &facts(Delivered, 1)));
            assert_eq!(
                e,
                Effects {
                    current: true,
                    ship: false,
                    delivered: false
                },
                "{status:?}"
            );
        }
    }

    #[test]
    fn a_return_already_in_transit_is_not_shipped_again() {
        let e = effects(decide(PartStatus::InTransit, &[], &facts(Accepted, 1)));
        assert!(!e.ship);
    }

    #[test]
    fn an_older_scan_joins_the_history_without_becoming_current() {
        let history = [facts(Delivered, 30)];
        let e = effects(decide(
            PartStatus::InTransit,
            &history,
            &facts(Accepted, 10),
        ));
        assert!(!e.current && !e.ship && !e.delivered);
        let later = effects(decide(
            PartStatus::InTransit,
            &history,
            &facts(Exception, 40),
        ));
        assert!(later.current);
    }

    #[test]
    fn a_scan_at_the_same_time_as_the_latest_becomes_current() {
        let e = effects(decide(
            PartStatus::InTransit,
            &[facts(Accepted, 10)],
            &facts(InTransit, 10),
        ));
        assert!(e.current);
    }

    #[test]
    fn the_same_status_at_the_same_time_is_a_duplicate() {
        let history = [facts(InTransit, 10)];
        assert_eq!(
            decide(PartStatus::InTransit, &history, &facts(InTransit, 10)),
            Outcome::Duplicate
        );
    }

    #[test]
    fn the_same_carrier_event_id_is_a_duplicate_whatever_it_says() {
        let history = [ScanFacts {
            event_id: Some("e-1"),
            ..facts(InTransit, 10)
        }];
        let resent = ScanFacts {
            event_id: Some("e-1"),
            ..facts(Delivered, 20)
        };
        assert_eq!(
            decide(PartStatus::InTransit, &history, &resent),
            Outcome::Duplicate
        );
        let other = ScanFacts {
            event_id: Some("e-2"),
            ..facts(Delivered, 20)
        };
        assert!(matches!(
            decide(PartStatus::InTransit, &history, &other),
            Outcome::New(_)
        ));
    }

    #[test]
    fn scans_without_event_ids_are_not_duplicates_of_each_other_by_that_alone() {
        let history = [facts(InTransit, 10)];
        assert!(matches!(
            decide(PartStatus::InTransit, &history, &facts(InTransit, 11)),
            Outcome::New(_)
        ));
    }

    #[test]
    fn a_valid_report_becomes_a_scan_at_microsecond_precision() {
        let mut report = input(InTransit);
        report.occurred_at = DateTime::parse_from_rfc3339("2026-12-02T08:15:00.123456789+01:00")
            .unwrap()
            .with_timezone(&Utc);
        report.location = Some(TrackingLocation {
            city: Some("Utrecht".into()),
            country: Some("NL".into()),
            ..TrackingLocation::default()
        });
        let scan = report.into_scan(at(0)).unwrap();
        assert_eq!(
            scan.occurred_at.to_rfc3339(),
            "2026-12-02T07:15:00.123456+00:00"
        );
        assert_eq!(scan.status, InTransit);
    }

    #[test]
    fn blank_or_long_texts_and_unknown_countries_are_named() {
        let mut report = input(Accepted);
        report.tracking_number = " ".into();
        report.event_id = Some("x".repeat(MAX_EVENT_ID + 1));
        report.location = Some(TrackingLocation {
            description: Some("bad\u{7}".into()),
            city: Some(String::new()),
            postal_code: Some("1".repeat(21)),
            country: Some("nl".into()),
        });
        let err = report.into_scan(at(0)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::ValidationFailed);
        assert_eq!(
            fields(err),
            vec![
                "tracking_number",
                "event_id",
                "location.description",
                "location.city",
                "location.postal_code",
                "location.country"
            ]
        );
    }

    #[test]
    fn a_scan_more_than_a_day_ahead_is_refused() {
        let now = at(0);
        let mut report = input(Accepted);
        report.occurred_at = now + MAX_CLOCK_AHEAD;
        assert!(report.clone().into_scan(now).is_ok());
        report.occurred_at = now + MAX_CLOCK_AHEAD + TimeDelta::seconds(1);
        assert_eq!(
            fields(report.into_scan(now).unwrap_err()),
            vec!["occurred_at"]
        );
    }

    /// The `pattern` of every text field of [`TrackingEventInput`].
    const TEXT_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$";

    #[test]
    fn the_text_pattern_of_the_spec_is_the_one_checked() {
        let re = regex::Regex::new(TEXT_PATTERN).unwrap();
        for ok in ["3SRET0001", "a b", "é"] {
            assert!(re.is_match(ok), "{ok}");
        }
        for bad in ["", " ", "a\u{7}b", "\t"] {
            assert!(!re.is_match(bad), "{bad:?}");
        }
    }

    #[test]
    fn statuses_round_trip_their_stored_form() {
        for s in TrackingStatus::ALL {
            assert_eq!(TrackingStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}
