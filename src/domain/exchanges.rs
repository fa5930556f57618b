//! The rules of instant exchanges: which approved returns release their
//! replacements at once instead of at receipt, by when the original must
//! then be scanned in transit, and what a deadline job decides.

use chrono::NaiveDateTime;

use crate::domain::return_status::ReturnStatus;
use crate::domain::settings::InstantExchange;

/// Statuses of a return that has not been received yet: an open return, as
/// `require_no_open_returns` counts them.
pub const OPEN: [ReturnStatus; 5] = [
    ReturnStatus::PaymentRequired,
    ReturnStatus::Requested,
    ReturnStatus::AwaitingVendor,
    ReturnStatus::Approved,
    ReturnStatus::InTransit,
];

/// Whether an approved return with exchanges releases its replacements at
/// approval: the brand offers instant exchanges, the order is worth no
/// more than their limit, and, when the brand asks, the customer has no
/// other open return.
pub fn is_instant(
    terms: Option<&InstantExchange>,
    order_value: i64,
    other_open_returns: usize,
) -> bool {
    terms.is_some_and(|t| {
        t.max_order_value.is_none_or(|max| order_value <= max)
            && (!t.require_no_open_returns || other_open_returns == 0)
    })
}

/// By when a carrier must scan the original of an instant exchange
/// approved at `approved_at`.
pub fn scan_deadline(terms: &InstantExchange, approved_at: NaiveDateTime) -> NaiveDateTime {
    approved_at + chrono::Duration::days(i64::from(terms.scan_within_days))
}

/// By when a return created `payment_required` at `created_at` must be
/// paid, for a brand that waits `hours`.
pub fn payment_deadline(hours: u32, created_at: NaiveDateTime) -> NaiveDateTime {
    created_at + chrono::Duration::hours(i64::from(hours))
}

/// Whether a payment deadline job for `due` cancels the return now: only
/// one that still waits for its payment, once the deadline came (before
/// it: wait until then).
pub fn at_payment_deadline(
    status: ReturnStatus,
    due: NaiveDateTime,
    now: NaiveDateTime,
) -> AtScanDeadline {
    if status != ReturnStatus::PaymentRequired {
        AtScanDeadline::Nothing
    } else if now < due {
        AtScanDeadline::WaitUntil(due)
    } else {
        AtScanDeadline::Overdue
    }
}

/// What an instant exchange's deadline job finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtScanDeadline {
    /// Nothing to do: the original travelled, the return ended, or the job
    /// is for a deadline the return no longer has.
    Nothing,
    /// The deadline has not come yet: run again then.
    WaitUntil(NaiveDateTime),
    /// The deadline passed without a scan: `exchange.overdue`, once.
    Overdue,
}

/// Decides an instant exchange's deadline job made for `scheduled`, for a
/// return whose deadline is now `due` (cleared once it fired or the parcel
/// travelled), in `status`.
pub fn at_scan_deadline(
    status: ReturnStatus,
    scheduled: NaiveDateTime,
    due: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> AtScanDeadline {
    let waiting = matches!(
        status,
        ReturnStatus::Approved | ReturnStatus::AwaitingVendor
    );
    match due {
        Some(due) if waiting && due == scheduled => {
            if now < due {
                AtScanDeadline::WaitUntil(due)
            } else {
                AtScanDeadline::Overdue
            }
        }
        _ => AtScanDeadline::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(max: Option<i64>, no_open: bool) -> InstantExchange {
        InstantExchange {
            max_order_value: max,
            scan_within_days: 7,
            require_no_open_returns: no_open,
        }
    }

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, day)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("date")
    }

    #[test]
    fn an_exchange_is_instant_only_when_the_brand_offers_it() {
        assert!(!is_instant(None, 1000, 0));
        assert!(is_instant(Some(&terms(None, false)), 1000, 3));
    }

    #[test]
    fn an_order_worth_more_than_the_limit_waits_for_its_parcel() {
        assert!(is_instant(Some(&terms(Some(1000), false)), 1000, 0));
        assert!(!is_instant(Some(&terms(Some(1000), false)), 1001, 0));
    }

    #[test]
    fn a_customer_with_another_open_return_waits_when_the_brand_asks() {
        assert!(!is_instant(Some(&terms(None, true)), 10, 1));
        assert!(is_instant(Some(&terms(None, true)), 10, 0));
    }

    #[test]
    fn the_scan_deadline_is_the_days_after_approval() {
        assert_eq!(scan_deadline(&terms(None, false), at(1)), at(8));
    }

    #[test]
    fn a_deadline_passed_without_a_scan_is_overdue_once() {
        let s = ReturnStatus::Approved;
        assert_eq!(
            at_scan_deadline(s, at(8), Some(at(8)), at(9)),
            AtScanDeadline::Overdue
        );
        // Fired: the deadline is cleared, a second run does nothing.
        assert_eq!(
            at_scan_deadline(s, at(8), None, at(9)),
            AtScanDeadline::Nothing
        );
    }

    #[test]
    fn a_deadline_not_yet_come_waits_and_a_travelling_parcel_ends_it() {
        let s = ReturnStatus::Approved;
        assert_eq!(
            at_scan_deadline(s, at(8), Some(at(8)), at(2)),
            AtScanDeadline::WaitUntil(at(8))
        );
        for travelled in [
            ReturnStatus::InTransit,
            ReturnStatus::Received,
            ReturnStatus::Cancelled,
        ] {
            assert_eq!(
                at_scan_deadline(travelled, at(8), Some(at(8)), at(9)),
                AtScanDeadline::Nothing
            );
        }
    }

    #[test]
    fn an_unpaid_return_is_due_for_cancelling_at_its_payment_deadline_and_a_paid_one_is_not() {
        let due = payment_deadline(72, at(1));
        assert_eq!(due, at(4));
        let waiting = ReturnStatus::PaymentRequired;
        assert_eq!(
            at_payment_deadline(waiting, due, at(2)),
            AtScanDeadline::WaitUntil(due)
        );
        assert_eq!(
            at_payment_deadline(waiting, due, at(4)),
            AtScanDeadline::Overdue
        );
        for moved_on in [
            ReturnStatus::Requested,
            ReturnStatus::Approved,
            ReturnStatus::Cancelled,
        ] {
            assert_eq!(
                at_payment_deadline(moved_on, due, at(5)),
                AtScanDeadline::Nothing
            );
        }
    }

    #[test]
    fn a_job_for_a_deadline_the_return_no_longer_has_does_nothing() {
        let s = ReturnStatus::Approved;
        assert_eq!(
            at_scan_deadline(s, at(8), Some(at(10)), at(9)),
            AtScanDeadline::Nothing
        );
    }
}
