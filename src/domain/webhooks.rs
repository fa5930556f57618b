//! Webhook rules: what an endpoint may be (an https URL on a public
//! address, the event types it wants), the small state machine of one
//! delivery ([`DELIVERY_TRANSITIONS`], applied by [`DeliveryStatus::step`]),
//! when the next attempt is due, and when a failing endpoint is disabled.
//! An endpoint has an [`Owner`]: the merchant, who hears of every event of
//! its brand, or one vendor, who hears only of its own parts' events
//! ([`Owner::hears`]).

use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::addresses::refusal;
use super::events::EventType;
use crate::error::{ErrorCode, FieldError};

/// Longest endpoint URL.
pub const MAX_URL: usize = 2000;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 500;
/// Endpoints a brand may have.
pub const MAX_ENDPOINTS: usize = 20;

/// Status of one event's delivery to one endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Not delivered yet: an attempt is due or scheduled.
    Pending,
    /// The endpoint answered 2xx.
    Succeeded,
    /// Every attempt failed (or the endpoint was disabled).
    Failed,
}

/// What happens to a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryEvent {
    /// An attempt got a 2xx.
    Accepted,
    /// An attempt failed and another is scheduled.
    FailedWillRetry,
    /// An attempt failed and none is left (or the endpoint is disabled).
    FailedForGood,
    /// The merchant asked for another attempt.
    Retried,
}

use DeliveryEvent::*;
use DeliveryStatus::*;

/// Every allowed `(from, event) -> to`. A manual retry of a pending
/// delivery only brings its next attempt forward.
pub const DELIVERY_TRANSITIONS: &[(DeliveryStatus, DeliveryEvent, DeliveryStatus)] = &[
    (Pending, Accepted, Succeeded),
    (Pending, FailedWillRetry, Pending),
    (Pending, FailedForGood, Failed),
    (Pending, Retried, Pending),
    (Succeeded, Retried, Pending),
    (Failed, Retried, Pending),
];

impl DeliveryStatus {
    /// Every status.
    pub const ALL: [DeliveryStatus; 3] = [Pending, Succeeded, Failed];

    /// Stored / wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Pending => "pending",
            Succeeded => "succeeded",
            Failed => "failed",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<DeliveryStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The status after `event`, or `None` when the table does not allow it
    /// (an attempt that runs again after the delivery finished changes
    /// nothing).
    pub fn step(self, event: DeliveryEvent) -> Option<DeliveryStatus> {
        DELIVERY_TRANSITIONS
            .iter()
            .find(|(f, e, _)| *f == self && *e == event)
            .map(|(_, _, to)| *to)
    }
}

/// When failed attempts are tried again: the delay before attempt `n + 1`
/// is the `n`-th entry (so there are `len + 1` attempts in all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(pub Vec<Duration>);

impl RetrySchedule {
    /// The delay after failed attempt number `attempt` (1-based), spread by
    /// `jitter` (a factor in 0.9..1.1, drawn by the caller, so that many
    /// deliveries failing together do not retry together); `None` when
    /// that was the last attempt.
    pub fn delay_after(&self, attempt: u32, jitter: f64) -> Option<Duration> {
        let base = self.0.get(attempt.checked_sub(1)? as usize)?;
        Some(base.mul_f64(jitter.clamp(0.9, 1.1)))
    }

    /// Attempts in all.
    pub fn attempts(&self) -> u32 {
        self.0.len() as u32 + 1
    }
}

/// Whether an endpoint failing since `failing_since` is disabled at `now`:
/// it has failed every attempt for `disable_after`.
pub fn should_disable(
    failing_since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    disable_after: Duration,
) -> bool {
    let Some(since) = failing_since else {
        return false;
    };
    let limit = chrono::Duration::from_std(disable_after).unwrap_or(chrono::Duration::MAX);
    now.signed_duration_since(since) >= limit
}

/// An endpoint URL as registered: its parts checked, nothing resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointUrl {
    /// The URL as stored.
    pub url: String,
    /// Its host (a name, or an IP address in brackets for IPv6).
    pub host: String,
    /// Its host when that is an IP address.
    pub ip: Option<IpAddr>,
}

/// Checks an endpoint URL: absolute, `https` (or `http` when
/// `allow_private`), a host, no user name or password (they would show up
/// in logs), no fragment, at most [`MAX_URL`] characters, and, when the
/// host is an IP address, a public one (unless `allow_private`). Whether a
/// host name resolves to public addresses is checked when it is resolved.
pub fn check_url(url: &str, allow_private: bool) -> Result<EndpointUrl, FieldError> {
    let bad = |code, message: &str| Err(FieldError::new("url", code, message));
    if url.is_empty() || url.len() > MAX_URL {
        return bad(ErrorCode::InvalidLength, "1–2000 characters");
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return bad(ErrorCode::InvalidUrl, "must be an absolute URL");
    };
    match parsed.scheme() {
        "https" => {}
        "http" if allow_private => {}
        _ => return bad(ErrorCode::InvalidUrl, "must be an https URL"),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return bad(
            ErrorCode::InvalidUrl,
            "must not contain a user name or password",
        );
    }
    if parsed.fragment().is_some() {
        return bad(ErrorCode::InvalidUrl, "must not contain a fragment");
    }
    let ip = match parsed.host() {
        Some(url::Host::Domain(_)) => None,
        Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
        Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
        None => return bad(ErrorCode::InvalidUrl, "must name a host"),
    };
    if let Some(ip) = ip
        && !allow_private
        && let Some(why) = refusal(ip)
    {
        return bad(
            ErrorCode::UnsafeUrl,
            &format!("must not point at a special-purpose address: {why}"),
        );
    }
    Ok(EndpointUrl {
        url: parsed.to_string(),
        host: parsed.host_str().unwrap_or_default().to_string(),
        ip,
    })
}

/// Checks the event types an endpoint subscribes to: each one that can be
/// subscribed to (not `ping`), each once. An empty list means every type.
pub fn check_event_types(types: &[EventType]) -> Result<(), FieldError> {
    for (i, t) in types.iter().enumerate() {
        if !t.subscribable() {
            return Err(FieldError::new(
                format!("event_types[{i}]"),
                ErrorCode::NotAllowed,
                "ping is sent by the test operation only",
            ));
        }
        if types[..i].contains(t) {
            return Err(FieldError::new(
                format!("event_types[{i}]"),
                ErrorCode::Duplicate,
                "appears more than once",
            ));
        }
    }
    Ok(())
}

/// Checks a description: at most [`MAX_DESCRIPTION`] characters.
pub fn check_description(description: &str) -> Result<(), FieldError> {
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(FieldError::new(
            "description",
            ErrorCode::InvalidLength,
            "at most 500 characters",
        ));
    }
    Ok(())
}

/// Who an endpoint belongs to, manages it and hears through it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The brand's merchant (merchant API keys).
    Merchant,
    /// One vendor of the brand (that vendor's keys), by its id.
    Vendor(String),
}

impl Owner {
    /// The owner stored as an endpoint's `vendor_id` (none: the merchant).
    pub fn of(vendor_id: Option<&str>) -> Owner {
        vendor_id.map_or(Owner::Merchant, |v| Owner::Vendor(v.to_string()))
    }

    /// The vendor's id, for a vendor's endpoint.
    pub fn vendor_id(&self) -> Option<&str> {
        match self {
            Owner::Merchant => None,
            Owner::Vendor(v) => Some(v),
        }
    }

    /// Whether the owner hears of an event that concerns the part of
    /// `part_vendor` (`Some(None)`: the in-house part; `None`: no part, an
    /// event of the whole return). The merchant hears of everything; a
    /// vendor only of its own part's events, whatever their type, so a new
    /// event of a part reaches its vendor with nothing to add here.
    pub fn hears(&self, part_vendor: Option<Option<&str>>) -> bool {
        match self {
            Owner::Merchant => true,
            Owner::Vendor(v) => part_vendor.flatten() == Some(v.as_str()),
        }
    }

    /// The id of this owner's copy of the event `event_id`: the event's own
    /// id for the merchant; for a vendor, one derived from both (its body
    /// differs, so it is a message of its own), the same every time the
    /// event is fanned out and sorting with the event.
    pub fn message_id(&self, event_id: &str) -> String {
        match self {
            Owner::Merchant => event_id.to_string(),
            Owner::Vendor(v) => format!("{event_id}.{v}"),
        }
    }
}

/// Whether an endpoint subscribed to `types` (empty: all) wants `event`.
pub fn wants(types: &[EventType], event: EventType) -> bool {
    event.subscribable() && (types.is_empty() || types.contains(&event))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_endpoint_must_be_https_without_credentials_on_a_public_address() {
        assert!(check_url("https://hooks.example.com/returns", false).is_ok());
        let code = |u: &str, dev: bool| check_url(u, dev).err().map(|e| e.code);
        assert_eq!(
            code("http://hooks.example.com/", false),
            Some(ErrorCode::InvalidUrl)
        );
        assert_eq!(
            code("https://user:pw@hooks.example.com/", false),
            Some(ErrorCode::InvalidUrl)
        );
        assert_eq!(
            code("https://hooks.example.com/#x", false),
            Some(ErrorCode::InvalidUrl)
        );
        assert_eq!(
            code("hooks.example.com", false),
            Some(ErrorCode::InvalidUrl)
        );
        assert_eq!(
            code("https://127.0.0.1/", false),
            Some(ErrorCode::UnsafeUrl)
        );
        assert_eq!(
            code("https://[::1]:8443/", false),
            Some(ErrorCode::UnsafeUrl)
        );
        assert_eq!(
            code("https://169.254.169.254/latest", false),
            Some(ErrorCode::UnsafeUrl)
        );
        assert_eq!(
            code("ftp://hooks.example.com/", true),
            Some(ErrorCode::InvalidUrl)
        );
    }

    #[test]
    fn the_development_switch_allows_http_and_local_addresses() {
        let url = check_url("http://127.0.0.1:9000/hook", true).unwrap();
        assert_eq!(url.ip, Some(ip("127.0.0.1")));
        assert_eq!(url.host, "127.0.0.1");
    }

    fn schedule() -> RetrySchedule {
        RetrySchedule(
            [5, 300, 1800]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
        )
    }

    #[test]
    fn each_failed_attempt_but_the_last_has_its_delay() {
        let schedule = schedule();
        assert_eq!(schedule.attempts(), 4);
        assert_eq!(schedule.delay_after(1, 1.0), Some(Duration::from_secs(5)));
        assert_eq!(
            schedule.delay_after(3, 1.0),
            Some(Duration::from_secs(1800))
        );
        assert_eq!(schedule.delay_after(4, 1.0), None);
        assert_eq!(schedule.delay_after(0, 1.0), None);
    }

    #[test]
    fn jitter_moves_a_delay_by_at_most_a_tenth() {
        let schedule = schedule();
        assert_eq!(
            schedule.delay_after(1, 5.0),
            Some(Duration::from_millis(5500))
        );
        assert_eq!(
            schedule.delay_after(1, 0.0),
            Some(Duration::from_millis(4500))
        );
    }

    #[test]
    fn an_endpoint_is_disabled_after_failing_for_the_whole_period() {
        let now = Utc::now();
        let five_days = Duration::from_secs(5 * 86400);
        assert!(!should_disable(None, now, five_days));
        assert!(!should_disable(
            Some(now - chrono::Duration::days(4)),
            now,
            five_days
        ));
        assert!(should_disable(
            Some(now - chrono::Duration::days(5)),
            now,
            five_days
        ));
    }

    #[test]
    fn a_finished_delivery_moves_only_by_a_manual_retry() {
        assert_eq!(Pending.step(Accepted), Some(Succeeded));
        assert_eq!(Pending.step(FailedWillRetry), Some(Pending));
        assert_eq!(Pending.step(FailedForGood), Some(Failed));
        for done in [Succeeded, Failed] {
            assert_eq!(done.step(Accepted), None);
            assert_eq!(done.step(FailedForGood), None);
            assert_eq!(done.step(Retried), Some(Pending));
        }
    }

    #[test]
    fn an_empty_subscription_wants_every_event_but_a_ping() {
        assert!(wants(&[], EventType::ReturnApproved));
        assert!(!wants(&[], EventType::Ping));
        assert!(wants(&[EventType::LabelReady], EventType::LabelReady));
        assert!(!wants(&[EventType::LabelReady], EventType::ReturnApproved));
    }

    #[test]
    fn a_vendor_hears_only_of_its_own_parts_and_the_merchant_of_everything() {
        let acme = Owner::Vendor("acme".into());
        assert!(acme.hears(Some(Some("acme"))));
        assert!(!acme.hears(Some(Some("globex"))));
        assert!(!acme.hears(Some(None)));
        assert!(!acme.hears(None));
        for part in [Some(Some("acme")), Some(None), None] {
            assert!(Owner::Merchant.hears(part));
        }
    }

    #[test]
    fn a_vendor_copy_of_an_event_has_an_id_of_its_own_that_sorts_with_the_event() {
        let acme = Owner::Vendor("acme".into());
        assert_eq!(Owner::Merchant.message_id("evt_01"), "evt_01");
        assert_eq!(acme.message_id("evt_01"), "evt_01.acme");
        assert!(acme.message_id("evt_01").as_str() < "evt_02");
        assert_eq!(Owner::of(Some("acme")), acme);
        assert_eq!(Owner::of(None), Owner::Merchant);
    }

    #[test]
    fn subscriptions_name_each_subscribable_type_once() {
        assert!(check_event_types(&[EventType::ReturnApproved, EventType::LabelReady]).is_ok());
        assert!(check_event_types(&[EventType::Ping]).is_err());
        assert!(check_event_types(&[EventType::LabelReady, EventType::LabelReady]).is_err());
    }
}
