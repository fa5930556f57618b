//! The parts of a return: one per return address (the brand's warehouse,
//! or a vendor's address for the lines that vendor fulfilled). Each part
//! has its own status, moved only through [`PART_TRANSITIONS`] by
//! [`step_part`]; the return's status is derived from its parts by
//! [`derive`], and [`return_event`] says which return-level event a change
//! of that derived status records.
//!
//! A vendor part waits for its vendor after the merchant approves
//! (`awaiting_vendor`) unless the vendor auto-approves; its label is made
//! only once it is approved. Parts without a vendor go ahead at once.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::events::EventType;
use crate::domain::return_status::ReturnStatus;
use crate::error::{ApiError, ErrorCode};

/// Status of one part of a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartStatus {
    /// Waiting for the merchant's review.
    Requested,
    /// The merchant approved; waiting for the part's vendor.
    AwaitingVendor,
    /// Accepted; its label is produced.
    Approved,
    /// Declined (by the merchant or by the part's vendor).
    Rejected,
    /// Handed to the carrier.
    InTransit,
    /// The carrier delivered it at its return address.
    Delivered,
    /// Some of its approved units were counted in.
    PartiallyReceived,
    /// Every approved unit was counted in.
    Received,
    /// Its refund was released (or its exchange raised).
    Completed,
    /// Withdrawn with its return before it travelled.
    Cancelled,
}

/// What happens to a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartAction {
    /// The merchant approves a part without a vendor, or with a vendor
    /// that auto-approves; or the vendor (or the merchant for it) approves.
    Approve,
    /// The merchant approves a part whose vendor must answer too.
    AwaitVendor,
    /// The merchant, or the part's vendor, declines it.
    Reject,
    /// The parcel is handed to the carrier.
    Ship,
    /// The carrier delivers the parcel.
    Deliver,
    /// Units arrive, some approved units still outstanding.
    ReceivePart,
    /// Units arrive and every approved unit is in.
    ReceiveAll,
    /// The refund is released or the exchange raised.
    Complete,
    /// The return is withdrawn.
    Cancel,
}

use PartAction as A;
use PartStatus as P;

/// Every allowed `(from, action) -> to` of a part.
pub const PART_TRANSITIONS: &[(PartStatus, PartAction, PartStatus)] = &[
    (P::Requested, A::Approve, P::Approved),
    (P::Requested, A::AwaitVendor, P::AwaitingVendor),
    (P::Requested, A::Reject, P::Rejected),
    (P::Requested, A::Cancel, P::Cancelled),
    (P::AwaitingVendor, A::Approve, P::Approved),
    (P::AwaitingVendor, A::Reject, P::Rejected),
    (P::AwaitingVendor, A::Cancel, P::Cancelled),
    (P::Approved, A::Ship, P::InTransit),
    (P::Approved, A::Deliver, P::Delivered),
    (P::Approved, A::ReceivePart, P::PartiallyReceived),
    (P::Approved, A::ReceiveAll, P::Received),
    (P::Approved, A::Cancel, P::Cancelled),
    (P::InTransit, A::Deliver, P::Delivered),
    (P::InTransit, A::ReceivePart, P::PartiallyReceived),
    (P::InTransit, A::ReceiveAll, P::Received),
    (P::Delivered, A::ReceivePart, P::PartiallyReceived),
    (P::Delivered, A::ReceiveAll, P::Received),
    (P::PartiallyReceived, A::ReceivePart, P::PartiallyReceived),
    (P::PartiallyReceived, A::ReceiveAll, P::Received),
    (P::Received, A::Complete, P::Completed),
];

impl PartStatus {
    /// Every status.
    pub const ALL: [PartStatus; 10] = [
        P::Requested,
        P::AwaitingVendor,
        P::Approved,
        P::Rejected,
        P::InTransit,
        P::Delivered,
        P::PartiallyReceived,
        P::Received,
        P::Completed,
        P::Cancelled,
    ];

    /// Stored / wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            P::Requested => "requested",
            P::AwaitingVendor => "awaiting_vendor",
            P::Approved => "approved",
            P::Rejected => "rejected",
            P::InTransit => "in_transit",
            P::Delivered => "delivered",
            P::PartiallyReceived => "partially_received",
            P::Received => "received",
            P::Completed => "completed",
            P::Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<PartStatus> {
        PartStatus::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether the part still counts: neither rejected nor cancelled.
    pub fn is_live(self) -> bool {
        !matches!(self, P::Rejected | P::Cancelled)
    }

    /// Whether its approved units were all counted in (or more came of it).
    fn is_received(self) -> bool {
        matches!(self, P::Received | P::Completed)
    }

    /// Whether the customer (and the part's label) may know where it goes:
    /// once approved, for good.
    pub fn is_approved(self) -> bool {
        !matches!(
            self,
            P::Requested | P::AwaitingVendor | P::Rejected | P::Cancelled
        )
    }
}

impl PartAction {
    fn done(self) -> &'static str {
        match self {
            A::Approve | A::AwaitVendor => "approved",
            A::Reject => "rejected",
            A::Ship => "marked in transit",
            A::Deliver => "delivered",
            A::ReceivePart | A::ReceiveAll => "received",
            A::Complete => "completed",
            A::Cancel => "cancelled",
        }
    }
}

/// The part's status after `action`, or `None` when the table does not
/// allow it.
pub fn part_transition(from: PartStatus, action: PartAction) -> Option<PartStatus> {
    PART_TRANSITIONS
        .iter()
        .find(|(f, a, _)| *f == from && *a == action)
        .map(|(_, _, to)| *to)
}

/// The part's status after `action`, or the 409 `invalid_transition` that
/// refuses it, naming both ends.
pub fn step_part(from: PartStatus, action: PartAction) -> Result<PartStatus, ApiError> {
    part_transition(from, action).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidTransition,
            format!(
                "A part that is {} cannot be {}.",
                from.as_str().replace('_', " "),
                action.done()
            ),
        )
    })
}

/// How the merchant's approval moves a part: parts with no approved unit
/// are rejected; a part whose vendor must answer waits for it; any other
/// goes ahead.
pub fn on_merchant_approval(approved_units: u32, vendor_must_answer: bool) -> PartAction {
    match (approved_units, vendor_must_answer) {
        (0, _) => A::Reject,
        (_, true) => A::AwaitVendor,
        (_, false) => A::Approve,
    }
}

/// The return's status, derived from its parts' (the one rule):
/// cancelled when its parts were withdrawn, rejected when none is left
/// live, `requested` while the merchant has not decided, then the least
/// advanced state of its live parts: `completed` once every live part is,
/// `received` once every one is in, `partially_received` while some are,
/// `in_transit` while some travel, `approved` while some are approved and
/// `awaiting_vendor` while every live part waits for its vendor.
pub fn derive(parts: &[PartStatus]) -> ReturnStatus {
    let live: Vec<PartStatus> = parts.iter().copied().filter(|p| p.is_live()).collect();
    if live.is_empty() {
        return if parts.contains(&P::Cancelled) {
            ReturnStatus::Cancelled
        } else {
            ReturnStatus::Rejected
        };
    }
    let any = |f: &dyn Fn(PartStatus) -> bool| live.iter().any(|p| f(*p));
    let all = |f: &dyn Fn(PartStatus) -> bool| live.iter().all(|p| f(*p));
    if any(&|p| p == P::Requested) {
        ReturnStatus::Requested
    } else if all(&|p| p == P::Completed) {
        ReturnStatus::Completed
    } else if all(&|p| p.is_received()) {
        ReturnStatus::Received
    } else if any(&|p| p.is_received() || p == P::PartiallyReceived) {
        ReturnStatus::PartiallyReceived
    } else if any(&|p| matches!(p, P::InTransit | P::Delivered)) {
        ReturnStatus::InTransit
    } else if any(&|p| p == P::Approved) {
        ReturnStatus::Approved
    } else {
        ReturnStatus::AwaitingVendor
    }
}

/// The return-level event recorded when its derived status moves from
/// `from` to `to`: the event of entering `to` (the merchant's approval is
/// `return.approved` even while vendors still have to answer), none when
/// it stays, and none when a vendor's approval ends the wait (that is
/// `return.vendor_approved`, of the part).
pub fn return_event(from: ReturnStatus, to: ReturnStatus) -> Option<EventType> {
    if from == to || (from, to) == (ReturnStatus::AwaitingVendor, ReturnStatus::Approved) {
        return None;
    }
    Some(crate::domain::return_status::event_type(to))
}

/// The event of a vendor part's change (parts without a vendor have the
/// return's events only): the merchant's approval makes it wait for its
/// vendor, the vendor's answer (or an auto-approving vendor's, or the
/// merchant's in its place), its travel, each receipt and its completion.
/// A rejection of the whole return is the return's event, and so is its
/// cancellation, except for a part its vendor was already asked about or
/// had approved: that vendor hears the part was cancelled.
pub fn part_event(from: PartStatus, action: PartAction, to: PartStatus) -> Option<EventType> {
    match (from, action, to) {
        (P::AwaitingVendor | P::Approved, A::Cancel, P::Cancelled) => {
            Some(EventType::ReturnPartCancelled)
        }
        (_, A::AwaitVendor, P::AwaitingVendor) => Some(EventType::ReturnPartAwaitingVendor),
        (_, A::Approve, P::Approved) => Some(EventType::ReturnVendorApproved),
        (P::AwaitingVendor, A::Reject, P::Rejected) => Some(EventType::ReturnVendorRejected),
        (_, A::Ship, _) => Some(EventType::ReturnPartInTransit),
        (_, A::ReceivePart | A::ReceiveAll, _) => Some(EventType::ReturnPartReceived),
        (_, A::Complete, _) => Some(EventType::ReturnPartCompleted),
        _ => None,
    }
}

/// The commission a merchant gives back when a part's refund is released:
/// per item, its unit commission times the units received (items without
/// an ingested commission count nothing); `None` when no item has one.
pub fn commission_reversal(items: &[(Option<i64>, u32)]) -> Option<i64> {
    let mut total: Option<i64> = None;
    for (unit, received) in items {
        if let Some(unit) = unit {
            let add = unit.saturating_mul(i64::from(*received));
            total = Some(total.unwrap_or(0).saturating_add(add));
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: [PartAction; 9] = [
        A::Approve,
        A::AwaitVendor,
        A::Reject,
        A::Ship,
        A::Deliver,
        A::ReceivePart,
        A::ReceiveAll,
        A::Complete,
        A::Cancel,
    ];

    #[test]
    fn a_vendor_part_waits_for_its_vendor_after_the_merchant_approves() {
        let action = on_merchant_approval(2, true);
        assert_eq!(action, A::AwaitVendor);
        assert_eq!(
            part_transition(P::Requested, action),
            Some(P::AwaitingVendor)
        );
        assert_eq!(
            part_transition(P::AwaitingVendor, A::Approve),
            Some(P::Approved)
        );
    }

    #[test]
    fn an_in_house_part_or_an_auto_approving_vendor_goes_ahead_at_once() {
        assert_eq!(on_merchant_approval(1, false), A::Approve);
        assert_eq!(part_transition(P::Requested, A::Approve), Some(P::Approved));
    }

    #[test]
    fn a_part_with_no_approved_unit_is_rejected_by_the_merchants_approval() {
        assert_eq!(on_merchant_approval(0, true), A::Reject);
        assert_eq!(on_merchant_approval(0, false), A::Reject);
    }

    #[test]
    fn a_vendor_can_reject_only_a_part_that_waits_for_it() {
        assert_eq!(
            part_transition(P::AwaitingVendor, A::Reject),
            Some(P::Rejected)
        );
        for from in [P::Approved, P::InTransit, P::Received, P::Completed] {
            assert_eq!(part_transition(from, A::Reject), None, "{from:?}");
        }
    }

    #[test]
    fn a_part_waiting_for_its_vendor_cannot_travel_or_be_received() {
        for action in [
            A::Ship,
            A::Deliver,
            A::ReceivePart,
            A::ReceiveAll,
            A::Complete,
        ] {
            assert_eq!(part_transition(P::AwaitingVendor, action), None);
        }
    }

    #[test]
    fn a_part_is_cancellable_until_it_travels() {
        for from in [P::Requested, P::AwaitingVendor, P::Approved] {
            assert_eq!(part_transition(from, A::Cancel), Some(P::Cancelled));
        }
        for from in [
            P::InTransit,
            P::Delivered,
            P::PartiallyReceived,
            P::Received,
        ] {
            assert_eq!(part_transition(from, A::Cancel), None);
        }
    }

    #[test]
    fn only_a_received_part_is_completed() {
        for from in PartStatus::ALL {
            let expected = (from == P::Received).then_some(P::Completed);
            assert_eq!(part_transition(from, A::Complete), expected, "{from:?}");
        }
    }

    #[test]
    fn nothing_leaves_a_final_part_status() {
        for action in ACTIONS {
            for from in [P::Rejected, P::Cancelled, P::Completed] {
                assert_eq!(part_transition(from, action), None);
            }
        }
    }

    #[test]
    fn the_part_table_has_one_target_per_status_and_action() {
        for from in PartStatus::ALL {
            for action in ACTIONS {
                let n = PART_TRANSITIONS
                    .iter()
                    .filter(|(f, a, _)| *f == from && *a == action)
                    .count();
                assert!(n <= 1, "{from:?} {action:?}");
            }
        }
    }

    #[test]
    fn a_refused_part_step_names_both_ends() {
        let e = step_part(P::AwaitingVendor, A::ReceiveAll).expect_err("refused");
        assert_eq!(e.code(), ErrorCode::InvalidTransition);
        assert_eq!(
            e.detail(),
            "A part that is awaiting vendor cannot be received."
        );
    }

    #[test]
    fn part_statuses_round_trip_their_stored_form() {
        for s in PartStatus::ALL {
            assert_eq!(PartStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }

    #[test]
    fn a_return_is_requested_until_the_merchant_decides() {
        assert_eq!(
            derive(&[P::Requested, P::Requested]),
            ReturnStatus::Requested
        );
    }

    #[test]
    fn a_return_awaits_vendors_while_every_live_part_waits_for_one() {
        assert_eq!(
            derive(&[P::AwaitingVendor, P::Rejected, P::AwaitingVendor]),
            ReturnStatus::AwaitingVendor
        );
    }

    #[test]
    fn a_return_is_approved_once_any_live_part_is() {
        assert_eq!(
            derive(&[P::Approved, P::AwaitingVendor, P::Rejected]),
            ReturnStatus::Approved
        );
    }

    #[test]
    fn a_return_is_rejected_when_every_part_is() {
        assert_eq!(derive(&[P::Rejected, P::Rejected]), ReturnStatus::Rejected);
    }

    #[test]
    fn a_cancelled_return_stays_cancelled_beside_parts_rejected_before() {
        assert_eq!(
            derive(&[P::Rejected, P::Cancelled]),
            ReturnStatus::Cancelled
        );
        assert_eq!(derive(&[P::Cancelled]), ReturnStatus::Cancelled);
    }

    #[test]
    fn a_return_travels_while_any_live_part_does() {
        assert_eq!(
            derive(&[P::InTransit, P::AwaitingVendor]),
            ReturnStatus::InTransit
        );
        assert_eq!(
            derive(&[P::Delivered, P::Approved]),
            ReturnStatus::InTransit
        );
    }

    #[test]
    fn a_return_is_partially_received_while_some_parts_are_received() {
        assert_eq!(
            derive(&[P::Received, P::InTransit]),
            ReturnStatus::PartiallyReceived
        );
        assert_eq!(
            derive(&[P::PartiallyReceived, P::Rejected]),
            ReturnStatus::PartiallyReceived
        );
        assert_eq!(
            derive(&[P::Completed, P::Approved]),
            ReturnStatus::PartiallyReceived
        );
    }

    #[test]
    fn a_return_is_received_when_every_live_part_is_and_completed_when_every_one_is() {
        assert_eq!(
            derive(&[P::Received, P::Completed, P::Rejected]),
            ReturnStatus::Received
        );
        assert_eq!(
            derive(&[P::Completed, P::Rejected, P::Completed]),
            ReturnStatus::Completed
        );
    }

    #[test]
    fn a_vendor_ending_the_wait_records_no_second_approval() {
        assert_eq!(
            return_event(ReturnStatus::Requested, ReturnStatus::AwaitingVendor),
            Some(EventType::ReturnApproved)
        );
        assert_eq!(
            return_event(ReturnStatus::AwaitingVendor, ReturnStatus::Approved),
            None
        );
        assert_eq!(
            return_event(ReturnStatus::AwaitingVendor, ReturnStatus::Rejected),
            Some(EventType::ReturnRejected)
        );
        assert_eq!(
            return_event(ReturnStatus::Approved, ReturnStatus::Approved),
            None
        );
    }

    #[test]
    fn a_vendors_answer_is_an_event_of_its_part() {
        assert_eq!(
            part_event(P::AwaitingVendor, A::Approve, P::Approved),
            Some(EventType::ReturnVendorApproved)
        );
        assert_eq!(
            part_event(P::AwaitingVendor, A::Reject, P::Rejected),
            Some(EventType::ReturnVendorRejected)
        );
        assert_eq!(
            part_event(P::InTransit, A::ReceiveAll, P::Received),
            Some(EventType::ReturnPartReceived)
        );
        assert_eq!(
            part_event(P::Received, A::Complete, P::Completed),
            Some(EventType::ReturnPartCompleted)
        );
    }

    #[test]
    fn rejecting_or_cancelling_the_whole_return_is_no_vendor_event_before_the_vendor_was_asked() {
        assert_eq!(part_event(P::Requested, A::Reject, P::Rejected), None);
        assert_eq!(part_event(P::Requested, A::Cancel, P::Cancelled), None);
    }

    #[test]
    fn a_vendor_asked_about_or_approving_its_part_hears_the_return_was_cancelled() {
        for from in [P::AwaitingVendor, P::Approved] {
            assert_eq!(
                part_event(from, A::Cancel, P::Cancelled),
                Some(EventType::ReturnPartCancelled)
            );
        }
    }

    #[test]
    fn commission_is_reversed_for_the_received_units_of_lines_that_carry_one() {
        assert_eq!(commission_reversal(&[(Some(300), 2), (None, 5)]), Some(600));
        assert_eq!(commission_reversal(&[(None, 1)]), None);
        assert_eq!(commission_reversal(&[(Some(300), 0)]), Some(0));
    }
}
