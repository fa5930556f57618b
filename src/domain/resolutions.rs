//! The resolution of a return whose parts were completed one by one (a
//! vendor's part, the merchant's part): each part records what it gave, and
//! the return's `resolution_given` sums them, so a merchant reading the
//! return sees the whole refund without adding up its parts. The rule lives
//! here once; a return completed as a whole keeps the resolution it was
//! given.

use crate::domain::money::Money;
use crate::domain::review::ResolutionGiven;
use crate::domain::settings::ResolutionType;

/// The parts' resolutions per type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResolutionSummary {
    /// Refunds, summed per currency (first-seen order of currencies).
    pub refunds: Vec<Money>,
    /// Store credit, summed per currency.
    pub store_credit: Vec<Money>,
    /// The exchange orders raised, in part order.
    pub exchange_order_references: Vec<String>,
}

/// Sums the resolutions given by the parts: refunds and store credit per
/// currency, exchange references listed.
pub fn summarise<'a>(given: impl IntoIterator<Item = &'a ResolutionGiven>) -> ResolutionSummary {
    let mut summary = ResolutionSummary::default();
    for g in given {
        match g.resolution {
            ResolutionType::Refund => add(&mut summary.refunds, g.amount),
            ResolutionType::StoreCredit => add(&mut summary.store_credit, g.amount),
            ResolutionType::Exchange => {
                if let Some(r) = &g.exchange_order_reference
                    && !summary.exchange_order_references.contains(r)
                {
                    summary.exchange_order_references.push(r.clone());
                }
            }
        }
    }
    summary
}

fn add(sums: &mut Vec<Money>, amount: Option<Money>) {
    let Some(m) = amount else { return };
    match sums.iter_mut().find(|s| s.currency == m.currency) {
        Some(s) => s.amount = s.amount.saturating_add(m.amount),
        None => sums.push(m),
    }
}

impl ResolutionSummary {
    /// The summary as the return's `resolution_given`: one type, with the
    /// summed amount in one currency, or the one exchange order. `None`
    /// when the parts gave different types, currencies or several exchange
    /// orders, which one resolution cannot state.
    pub fn as_given(&self) -> Option<ResolutionGiven> {
        let one = |resolution, amount: Option<Money>, reference: Option<String>| {
            Some(ResolutionGiven {
                resolution,
                amount,
                exchange_order_reference: reference,
                note: None,
            })
        };
        match (
            self.refunds.as_slice(),
            self.store_credit.as_slice(),
            self.exchange_order_references.as_slice(),
        ) {
            ([m], [], []) => one(ResolutionType::Refund, Some(*m), None),
            ([], [m], []) => one(ResolutionType::StoreCredit, Some(*m), None),
            ([], [], [r]) => one(ResolutionType::Exchange, None, Some(r.clone())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn usd() -> Currency {
        Currency::parse("USD").expect("usd")
    }

    fn refund(amount: i64, currency: Currency) -> ResolutionGiven {
        ResolutionGiven {
            resolution: ResolutionType::Refund,
            amount: Some(Money::new(amount, currency)),
            exchange_order_reference: None,
            note: Some("part".into()),
        }
    }

    fn credit(amount: i64) -> ResolutionGiven {
        ResolutionGiven {
            resolution: ResolutionType::StoreCredit,
            ..refund(amount, Currency::EUR)
        }
    }

    fn exchange(reference: &str) -> ResolutionGiven {
        ResolutionGiven {
            resolution: ResolutionType::Exchange,
            amount: None,
            exchange_order_reference: Some(reference.into()),
            note: None,
        }
    }

    #[test]
    fn refunds_of_two_parts_in_one_currency_are_summed() {
        let s = summarise(&[refund(1999, Currency::EUR), refund(500, Currency::EUR)]);
        assert_eq!(s.refunds, vec![Money::new(2499, Currency::EUR)]);
        assert_eq!(
            s.as_given(),
            Some(ResolutionGiven {
                resolution: ResolutionType::Refund,
                amount: Some(Money::new(2499, Currency::EUR)),
                exchange_order_reference: None,
                note: None,
            })
        );
    }

    #[test]
    fn refunds_in_two_currencies_are_summed_per_currency() {
        let s = summarise(&[
            refund(100, Currency::EUR),
            refund(200, usd()),
            refund(300, Currency::EUR),
        ]);
        assert_eq!(
            s.refunds,
            vec![Money::new(400, Currency::EUR), Money::new(200, usd())]
        );
        assert_eq!(s.as_given(), None);
    }

    #[test]
    fn store_credit_is_summed_apart_from_refunds() {
        let s = summarise(&[credit(300), refund(100, Currency::EUR), credit(200)]);
        assert_eq!(s.store_credit, vec![Money::new(500, Currency::EUR)]);
        assert_eq!(s.refunds, vec![Money::new(100, Currency::EUR)]);
        assert_eq!(s.as_given(), None, "two types are not one resolution");
    }

    #[test]
    fn exchange_references_are_listed_once_each() {
        let s = summarise(&[exchange("EX-1"), exchange("EX-2"), exchange("EX-1")]);
        assert_eq!(s.exchange_order_references, ["EX-1", "EX-2"]);
        assert_eq!(s.as_given(), None);
    }

    #[test]
    fn one_exchange_is_the_returns_resolution() {
        let given = summarise(&[exchange("EX-1")]).as_given();
        assert_eq!(
            given.and_then(|g| g.exchange_order_reference),
            Some("EX-1".to_string())
        );
    }

    #[test]
    fn no_parts_completed_give_no_resolution() {
        let s = summarise(&[]);
        assert_eq!(s, ResolutionSummary::default());
        assert_eq!(s.as_given(), None);
    }
}
