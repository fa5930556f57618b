//! Per-line return eligibility: how many units of each line may still be
//! returned and, when none, the one reason why.
//!
//! Pure: the clock and the quantities already in active returns are inputs,
//! so tests pin both.
//!
//! Rules, per line:
//! - a line flagged non-returnable is `not_returnable`;
//! - units count only once shipped; a line never shipped is `unfulfilled`;
//! - units of a shipment not yet delivered count only when the brand allows
//!   undelivered items (else `not_delivered`);
//! - the window runs from the order date, or from each shipment's delivery
//!   (split deliveries have a window per shipment); units past it are
//!   `return_window_expired`;
//! - units in active returns are subtracted (`already_returned` when nothing
//!   is left); they are attributed to the units that can no longer be
//!   returned first, which never undercounts what the customer may return.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::orders::{Line, Order, ShipmentStatus};
use crate::domain::settings::{ReturnsSettings, WindowStart};

/// Why a line cannot be returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NonReturnableReason {
    /// The merchant flagged the item (final sale, gift card, …).
    NotReturnable,
    /// No unit was ever shipped.
    Unfulfilled,
    /// Shipped units are not delivered yet and the brand requires delivery.
    NotDelivered,
    /// The return window has ended.
    ReturnWindowExpired,
    /// Every returnable unit is already in a return.
    AlreadyReturned,
}

/// The part of the Returns Settings eligibility depends on.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Window length in days.
    pub window_days: u32,
    /// Window start.
    pub window_start: WindowStart,
    /// Whether undelivered units may be returned.
    pub allow_undelivered: bool,
}

impl From<&ReturnsSettings> for Policy {
    fn from(s: &ReturnsSettings) -> Policy {
        Policy {
            window_days: s.return_window_days,
            window_start: s.window_starts_at,
            allow_undelivered: s.allow_undelivered_items,
        }
    }
}

/// Eligibility of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineEligibility {
    /// Line id.
    pub line_id: String,
    /// Units that may be returned now.
    pub returnable_quantity: u32,
    /// Why none may be returned (`None` when `returnable_quantity > 0`).
    pub reason: Option<NonReturnableReason>,
    /// Last moment at which some unit of the line may still be returned, when known.
    pub return_deadline: Option<DateTime<Utc>>,
}

/// Eligibility of every line of `order`, in line order.
pub fn evaluate(
    order: &Order,
    policy: Policy,
    in_active_returns: &HashMap<String, u32>,
    now: DateTime<Utc>,
) -> Vec<LineEligibility> {
    order
        .lines
        .iter()
        .map(|line| {
            let units = Units::of(order, line, policy, now);
            let returned = in_active_returns.get(&line.id).copied().unwrap_or(0);
            units.eligibility(line, returned)
        })
        .collect()
}

/// A line's shipped units, by what the policy makes of them.
#[derive(Debug, Default)]
struct Units {
    /// Units that left the warehouse.
    shipped: u64,
    /// Units within their return window.
    eligible: u64,
    /// Units not delivered yet (when only delivered units may return).
    undelivered: u64,
    /// Units whose window has ended.
    expired: u64,
    /// The latest deadline of the eligible units.
    deadline: Option<DateTime<Utc>>,
}

impl Units {
    fn of(order: &Order, line: &Line, policy: Policy, now: DateTime<Utc>) -> Units {
        let window = Duration::days(i64::from(policy.window_days));
        let order_deadline = order.placed_at + window;
        let mut u = Units::default();
        for shipment in &order.shipments {
            let units: u64 = shipment
                .lines
                .iter()
                .filter(|sl| sl.line_id == line.id)
                .map(|sl| u64::from(sl.quantity))
                .sum();
            if units == 0 || shipment.status == ShipmentStatus::Pending {
                continue;
            }
            u.shipped += units;
            let delivered_at = match (shipment.status, shipment.delivered_at) {
                (ShipmentStatus::Delivered, Some(at)) => Some(at),
                _ => None,
            };
            if delivered_at.is_none() && !policy.allow_undelivered {
                u.undelivered += units;
                continue;
            }
            let shipment_deadline = match (policy.window_start, delivered_at) {
                (WindowStart::Order, _) => Some(order_deadline),
                (WindowStart::Delivery, Some(at)) => Some(at + window),
                // The window has not started: returnable for now.
                (WindowStart::Delivery, None) => None,
            };
            match shipment_deadline {
                Some(d) if now > d => u.expired += units,
                Some(d) => {
                    u.eligible += units;
                    u.deadline = Some(u.deadline.map_or(d, |cur| cur.max(d)));
                }
                None => u.eligible += units,
            }
        }
        u
    }

    /// The line's eligibility with `returned` units held by active returns.
    fn eligibility(&self, line: &Line, returned: u32) -> LineEligibility {
        let quantity = u64::from(line.quantity);
        let eligible = self.eligible.min(quantity);
        let returnable = eligible.min(quantity.saturating_sub(u64::from(returned)));
        let reason = if !line.returnable {
            Some(NonReturnableReason::NotReturnable)
        } else if returnable > 0 {
            None
        } else if eligible > 0 {
            Some(NonReturnableReason::AlreadyReturned)
        } else if self.shipped == 0 {
            Some(NonReturnableReason::Unfulfilled)
        } else if self.undelivered > 0 {
            Some(NonReturnableReason::NotDelivered)
        } else if self.expired > 0 {
            Some(NonReturnableReason::ReturnWindowExpired)
        } else {
            Some(NonReturnableReason::Unfulfilled)
        };
        LineEligibility {
            line_id: line.id.clone(),
            returnable_quantity: if line.returnable {
                returnable as u32
            } else {
                0
            },
            reason,
            return_deadline: if line.returnable && returnable > 0 {
                self.deadline
            } else {
                None
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::orders::{Order, Shipment, ShipmentLine};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn order() -> Order {
        serde_json::from_value(serde_json::json!({
            "number": "1", "placed_at": "2026-03-01T10:00:00Z", "currency": "EUR",
            "shipping_address": { "line1": "a", "city": "b", "postal_code": "1012AB", "country": "NL" },
            "lines": [ { "id": "L1", "sku": "S", "name": "N", "quantity": 3,
                         "unit_price": { "amount": 100, "currency": "EUR" } } ]
        }))
        .unwrap()
    }

    fn shipment(status: ShipmentStatus, delivered: Option<&str>, qty: u32) -> Shipment {
        Shipment {
            tracking_number: format!("T{qty}{delivered:?}"),
            carrier: "postnl".into(),
            status,
            shipped_at: None,
            delivered_at: delivered.map(at),
            lines: vec![ShipmentLine {
                line_id: "L1".into(),
                quantity: qty,
            }],
        }
    }

    const POLICY: Policy = Policy {
        window_days: 30,
        window_start: WindowStart::Delivery,
        allow_undelivered: false,
    };

    fn one(o: &Order, policy: Policy, returned: u32, now: &str) -> LineEligibility {
        let map = HashMap::from([("L1".to_string(), returned)]);
        evaluate(o, policy, &map, at(now)).remove(0)
    }

    #[test]
    fn delivered_units_within_the_window_are_returnable_until_the_deadline() {
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-03T12:00:00Z"),
            3,
        ));
        let e = one(&o, POLICY, 0, "2026-04-02T11:59:59Z");
        assert_eq!((e.returnable_quantity, e.reason), (3, None));
        assert_eq!(e.return_deadline, Some(at("2026-04-02T12:00:00Z")));
        let e = one(&o, POLICY, 0, "2026-04-02T12:00:01Z");
        assert_eq!(
            (e.returnable_quantity, e.reason),
            (0, Some(NonReturnableReason::ReturnWindowExpired))
        );
    }

    #[test]
    fn flagged_lines_are_not_returnable() {
        let mut o = order();
        o.lines[0].returnable = false;
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-03T12:00:00Z"),
            3,
        ));
        let e = one(&o, POLICY, 0, "2026-03-04T00:00:00Z");
        assert_eq!(
            (e.returnable_quantity, e.reason),
            (0, Some(NonReturnableReason::NotReturnable))
        );
    }

    #[test]
    fn unshipped_lines_are_unfulfilled_and_pending_shipments_do_not_count() {
        let mut o = order();
        let e = one(&o, POLICY, 0, "2026-03-04T00:00:00Z");
        assert_eq!(e.reason, Some(NonReturnableReason::Unfulfilled));
        o.shipments.push(shipment(ShipmentStatus::Pending, None, 3));
        let e = one(
            &o,
            Policy {
                allow_undelivered: true,
                ..POLICY
            },
            0,
            "2026-03-04T00:00:00Z",
        );
        assert_eq!(e.reason, Some(NonReturnableReason::Unfulfilled));
    }

    #[test]
    fn undelivered_units_need_the_brands_permission() {
        let mut o = order();
        o.shipments
            .push(shipment(ShipmentStatus::InTransit, None, 2));
        let e = one(&o, POLICY, 0, "2026-03-04T00:00:00Z");
        assert_eq!(
            (e.returnable_quantity, e.reason),
            (0, Some(NonReturnableReason::NotDelivered))
        );
        let e = one(
            &o,
            Policy {
                allow_undelivered: true,
                ..POLICY
            },
            0,
            "2026-03-04T00:00:00Z",
        );
        assert_eq!(
            (e.returnable_quantity, e.reason, e.return_deadline),
            (2, None, None)
        );
    }

    #[test]
    fn the_order_date_window_applies_to_every_shipment() {
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-25T12:00:00Z"),
            3,
        ));
        let policy = Policy {
            window_start: WindowStart::Order,
            ..POLICY
        };
        assert_eq!(
            one(&o, policy, 0, "2026-03-31T09:00:00Z").returnable_quantity,
            3
        );
        let e = one(&o, policy, 0, "2026-03-31T10:00:01Z");
        assert_eq!(e.reason, Some(NonReturnableReason::ReturnWindowExpired));
    }

    #[test]
    fn split_deliveries_have_a_window_each() {
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-02T12:00:00Z"),
            1,
        ));
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-20T12:00:00Z"),
            2,
        ));
        let e = one(&o, POLICY, 0, "2026-04-05T00:00:00Z");
        assert_eq!(
            (e.returnable_quantity, e.return_deadline),
            (2, Some(at("2026-04-19T12:00:00Z")))
        );
        let e = one(&o, POLICY, 0, "2026-03-10T00:00:00Z");
        assert_eq!(e.returnable_quantity, 3);
    }

    #[test]
    fn units_in_active_returns_are_subtracted() {
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-03T12:00:00Z"),
            3,
        ));
        assert_eq!(
            one(&o, POLICY, 1, "2026-03-04T00:00:00Z").returnable_quantity,
            2
        );
        let e = one(&o, POLICY, 3, "2026-03-04T00:00:00Z");
        assert_eq!(
            (e.returnable_quantity, e.reason),
            (0, Some(NonReturnableReason::AlreadyReturned))
        );
    }

    #[test]
    fn returned_units_are_attributed_to_expired_shipments_first() {
        // One unit (expired shipment) was returned earlier; the recent
        // shipment's two units remain returnable.
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-02T12:00:00Z"),
            1,
        ));
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-20T12:00:00Z"),
            2,
        ));
        assert_eq!(
            one(&o, POLICY, 1, "2026-04-05T00:00:00Z").returnable_quantity,
            2
        );
        assert_eq!(
            one(&o, POLICY, 2, "2026-04-05T00:00:00Z").returnable_quantity,
            1
        );
    }

    #[test]
    fn partly_shipped_lines_return_only_shipped_units() {
        let mut o = order();
        o.shipments.push(shipment(
            ShipmentStatus::Delivered,
            Some("2026-03-03T12:00:00Z"),
            1,
        ));
        let e = one(&o, POLICY, 0, "2026-03-04T00:00:00Z");
        assert_eq!((e.returnable_quantity, e.reason), (1, None));
    }
}
