//! The return state machine. [`TRANSITIONS`] is the single source of truth:
//! every status change in the API goes through [`transition`], and anything
//! not in the table is a 409 `invalid_transition`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::events::EventType;
use crate::error::{ApiError, ErrorCode};

/// Status of a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    /// Exchanges for dearer variants wait for the customer's payment of
    /// the difference (`payment_due`) before the merchant's review.
    PaymentRequired,
    /// Waiting for the merchant's review.
    Requested,
    /// The merchant approved; every part still standing waits for its
    /// vendor's answer (multi-vendor returns).
    AwaitingVendor,
    /// Accepted (wholly or partly); labels are produced.
    Approved,
    /// Declined by the merchant.
    Rejected,
    /// Handed to the carrier.
    InTransit,
    /// Some approved units arrived.
    PartiallyReceived,
    /// Every approved unit arrived.
    Received,
    /// The resolution was given.
    Completed,
    /// Withdrawn before it travelled.
    Cancelled,
}

/// What happens to a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The amount due was paid.
    Pay,
    /// The merchant (or an auto-approving reason) accepts it.
    Approve,
    /// The merchant declines it.
    Reject,
    /// The parcel is handed to the carrier.
    Ship,
    /// Units arrive, some approved units still outstanding.
    ReceivePart,
    /// Units arrive and every approved unit is in.
    ReceiveAll,
    /// The resolution is given.
    Complete,
    /// The customer or merchant withdraws it.
    Cancel,
}

use Action::*;
use ReturnStatus::*;

/// Every allowed `(from, action) -> to`.
pub const TRANSITIONS: &[(ReturnStatus, Action, ReturnStatus)] = &[
    (PaymentRequired, Pay, Requested),
    (PaymentRequired, Cancel, Cancelled),
    (Requested, Approve, Approved),
    (Requested, Reject, Rejected),
    (Requested, Cancel, Cancelled),
    (AwaitingVendor, Cancel, Cancelled),
    (Approved, Ship, InTransit),
    (Approved, ReceivePart, PartiallyReceived),
    (Approved, ReceiveAll, Received),
    (Approved, Cancel, Cancelled),
    (InTransit, ReceivePart, PartiallyReceived),
    (InTransit, ReceiveAll, Received),
    (PartiallyReceived, ReceivePart, PartiallyReceived),
    (PartiallyReceived, ReceiveAll, Received),
    (Received, Complete, Completed),
];

/// Statuses whose units count against an order line's returnable quantity.
pub const ACTIVE: &[ReturnStatus] = &[
    PaymentRequired,
    Requested,
    AwaitingVendor,
    Approved,
    InTransit,
    PartiallyReceived,
    Received,
    Completed,
];

/// Statuses whose units are free again: every status not in [`ACTIVE`].
pub const INACTIVE: [ReturnStatus; 2] = [Rejected, Cancelled];

impl ReturnStatus {
    /// Every status.
    pub const ALL: [ReturnStatus; 10] = [
        PaymentRequired,
        Requested,
        AwaitingVendor,
        Approved,
        Rejected,
        InTransit,
        PartiallyReceived,
        Received,
        Completed,
        Cancelled,
    ];

    /// Stored / wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentRequired => "payment_required",
            Requested => "requested",
            AwaitingVendor => "awaiting_vendor",
            Approved => "approved",
            Rejected => "rejected",
            InTransit => "in_transit",
            PartiallyReceived => "partially_received",
            Received => "received",
            Completed => "completed",
            Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<ReturnStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether its units count against the order's returnable quantities.
    pub fn is_active(self) -> bool {
        ACTIVE.contains(&self)
    }
}

/// The status a return takes after its parts moved: what they derive,
/// except that a return awaiting payment stays so while its parts only
/// wait for review (its parts know nothing of the payment).
pub fn settle(from: ReturnStatus, derived: ReturnStatus) -> ReturnStatus {
    if from == PaymentRequired && derived == Requested {
        PaymentRequired
    } else {
        derived
    }
}

/// The status after `action`, or `None` when the table does not allow it.
pub fn transition(from: ReturnStatus, action: Action) -> Option<ReturnStatus> {
    TRANSITIONS
        .iter()
        .find(|(f, a, _)| *f == from && *a == action)
        .map(|(_, _, to)| *to)
}

impl Action {
    /// How the action reads in "cannot be …".
    pub fn done(self) -> &'static str {
        match self {
            Pay => "paid",
            Approve => "approved",
            Reject => "rejected",
            Ship => "marked in transit",
            ReceivePart | ReceiveAll => "received",
            Complete => "completed",
            Cancel => "cancelled",
        }
    }
}

/// The status after `action`, or the 409 that refuses it: `not_cancellable`
/// for a cancellation once the parcel travels, else `invalid_transition`.
pub fn step(from: ReturnStatus, action: Action) -> Result<ReturnStatus, ApiError> {
    transition(from, action).ok_or_else(|| match (action, from) {
        (Cancel, InTransit | PartiallyReceived | Received) => ApiError::new(
            ErrorCode::NotCancellable,
            "The parcel is already on its way; the return can no longer be cancelled.",
        ),
        _ => ApiError::new(
            ErrorCode::InvalidTransition,
            format!(
                "A return that is {} cannot be {}.",
                from.as_str().replace('_', " "),
                action.done()
            ),
        ),
    })
}

/// The webhook / audit event type of entering `status`.
pub fn event_type(status: ReturnStatus) -> EventType {
    match status {
        PaymentRequired => EventType::ReturnPaymentRequired,
        Requested => EventType::ReturnRequested,
        AwaitingVendor | Approved => EventType::ReturnApproved,
        Rejected => EventType::ReturnRejected,
        InTransit => EventType::ReturnInTransit,
        PartiallyReceived | Received => EventType::ReturnReceived,
        Completed => EventType::ReturnCompleted,
        Cancelled => EventType::ReturnCancelled,
    }
}

#[cfg(test)]
mod step_tests {
    use super::*;

    #[test]
    fn a_travelling_return_is_not_cancellable() {
        for from in [InTransit, PartiallyReceived, Received] {
            assert_eq!(
                step(from, Cancel).map_err(|e| e.code()),
                Err(ErrorCode::NotCancellable)
            );
        }
    }

    #[test]
    fn any_other_refused_step_is_an_invalid_transition_naming_both_ends() {
        let e = step(Completed, Approve).expect_err("completed cannot be approved");
        assert_eq!(e.code(), ErrorCode::InvalidTransition);
        assert_eq!(e.detail(), "A return that is completed cannot be approved.");
        assert_eq!(
            step(Cancelled, Cancel).map_err(|e| e.code()),
            Err(ErrorCode::InvalidTransition)
        );
    }

    #[test]
    fn a_return_awaiting_payment_stays_so_while_its_parts_wait_for_review() {
        assert_eq!(settle(PaymentRequired, Requested), PaymentRequired);
        assert_eq!(settle(PaymentRequired, Cancelled), Cancelled);
        assert_eq!(settle(Requested, Approved), Approved);
    }

    #[test]
    fn an_allowed_step_gives_the_next_status() {
        assert_eq!(step(Requested, Approve).ok(), Some(Approved));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [ReturnStatus; 10] = [
        PaymentRequired,
        Requested,
        AwaitingVendor,
        Approved,
        Rejected,
        InTransit,
        PartiallyReceived,
        Received,
        Completed,
        Cancelled,
    ];

    #[test]
    fn every_status_is_either_active_or_inactive() {
        for status in ALL {
            assert_ne!(
                ACTIVE.contains(&status),
                INACTIVE.contains(&status),
                "{status:?}"
            );
        }
    }
    const ACTIONS: [Action; 8] = [
        Pay,
        Approve,
        Reject,
        Ship,
        ReceivePart,
        ReceiveAll,
        Complete,
        Cancel,
    ];

    #[test]
    fn the_documented_lifecycle_is_allowed() {
        assert_eq!(transition(Requested, Approve), Some(Approved));
        assert_eq!(transition(Approved, Ship), Some(InTransit));
        assert_eq!(transition(InTransit, ReceivePart), Some(PartiallyReceived));
        assert_eq!(transition(PartiallyReceived, ReceiveAll), Some(Received));
        assert_eq!(transition(Received, Complete), Some(Completed));
        assert_eq!(transition(Approved, Cancel), Some(Cancelled));
    }

    #[test]
    fn nothing_leaves_a_final_state_and_nothing_travels_backwards() {
        for action in ACTIONS {
            assert_eq!(transition(Rejected, action), None);
            assert_eq!(transition(Cancelled, action), None);
            assert_eq!(transition(Completed, action), None);
        }
        assert_eq!(transition(InTransit, Cancel), None);
        assert_eq!(transition(Received, Cancel), None);
        assert_eq!(transition(Approved, Approve), None);
        assert_eq!(transition(Requested, Ship), None);
        assert_eq!(transition(Requested, ReceiveAll), None);
    }

    #[test]
    fn a_return_awaiting_payment_can_only_be_paid_or_cancelled() {
        for action in ACTIONS {
            let allowed = matches!(action, Pay | Cancel);
            assert_eq!(
                transition(PaymentRequired, action).is_some(),
                allowed,
                "{action:?}"
            );
        }
        assert_eq!(transition(PaymentRequired, Pay), Some(Requested));
        assert_eq!(transition(Requested, Pay), None);
    }

    #[test]
    fn the_table_has_one_target_per_status_and_action() {
        for from in ALL {
            for action in ACTIONS {
                let n = TRANSITIONS
                    .iter()
                    .filter(|(f, a, _)| *f == from && *a == action)
                    .count();
                assert!(n <= 1, "{from:?} {action:?}");
            }
        }
    }

    #[test]
    fn statuses_round_trip_their_stored_form() {
        for s in ALL {
            assert_eq!(ReturnStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}
