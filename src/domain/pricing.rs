//! The money of a return, in one place: what each item gives back (a
//! refund, store credit with the brand's bonus, the difference of a cheaper
//! exchange), what a dearer exchange costs, and the return fee. Preview,
//! creation and the views all read [`price_items`].
//!
//! Amounts are integers in the minor unit of the order's currency (its
//! exponent is the currency's: cents for EUR, none for JPY), so nothing
//! here rounds but the store-credit bonus, which is rounded down to the
//! minor unit (never in the merchant's disfavour). Sums saturate instead
//! of wrapping.

use crate::domain::money::{Currency, Money};
use crate::domain::settings::{PriceDifferencePolicy, ResolutionType, ReturnsSettings};

/// One item as the money sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Priced {
    /// Its resolution.
    pub resolution: ResolutionType,
    /// What the customer paid for its units (minor units).
    pub value: i64,
    /// An exchange for a variant: the replacement's price minus what was
    /// paid, for all its units (positive when dearer).
    pub difference: Option<i64>,
}

/// The money of a return (minor units of the order's currency).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amounts {
    /// The fee charged, after waivers.
    pub fee: Option<Money>,
    /// Money paid back: refunded items and the difference of cheaper
    /// exchanges, less the fee and less what dearer exchanges cost when
    /// the customer pays for them.
    pub refund: Money,
    /// Store credit: the items' value plus the bonus, less whatever of
    /// the fee the money paid back did not cover.
    pub store_credit: Money,
    /// What the customer owes before the return goes on: what dearer
    /// exchanges cost beyond the money paid back (0 when the brand
    /// absorbs price differences).
    pub due: Money,
}

impl Amounts {
    /// What the customer gets back in all: refund and store credit (the
    /// return's `estimated_refund`).
    pub fn back(&self) -> Money {
        Money::new(
            self.refund.amount.saturating_add(self.store_credit.amount),
            self.refund.currency,
        )
    }
}

/// The fee charged and the estimated refund for items worth `total` (minor
/// units of `currency`) that all take `resolution`; see [`price_items`].
pub fn price(
    total: i64,
    currency: Currency,
    resolution: ResolutionType,
    settings: &ReturnsSettings,
) -> Amounts {
    price_items(
        &[Priced {
            resolution,
            value: total,
            difference: None,
        }],
        currency,
        settings,
    )
}

/// The money of a return's items: refunds give back what was paid; store
/// credit what was paid plus the brand's bonus (rounded down); an exchange
/// for a cheaper variant gives back the difference; one for a dearer
/// variant costs the customer nothing when the brand absorbs differences,
/// else its difference is taken from the money paid back and the rest is
/// due. The fee is charged once, unless every item's resolution waives it
/// (or it is in another currency); it comes out of the money paid back
/// first, then out of the store credit, and never makes either negative
/// nor adds to what is due.
pub fn price_items(items: &[Priced], currency: Currency, settings: &ReturnsSettings) -> Amounts {
    let fee = settings
        .return_fee
        .as_ref()
        .filter(|f| {
            f.amount.currency == currency
                && !items.iter().all(|i| f.waived_for.contains(&i.resolution))
        })
        .map(|f| f.amount);
    let bonus = settings
        .refund_options
        .iter()
        .find(|o| o.resolution == ResolutionType::StoreCredit)
        .and_then(|o| o.store_credit_bonus_percent)
        .unwrap_or(0);
    let sum = |f: &dyn Fn(&Priced) -> i64| items.iter().map(f).fold(0, i64::saturating_add);
    let credited = sum(&|i| match i.resolution {
        ResolutionType::StoreCredit => i.value,
        _ => 0,
    });
    let back = sum(&|i| match (i.resolution, i.difference) {
        (ResolutionType::Refund, _) => i.value,
        (ResolutionType::Exchange, Some(d)) if d < 0 => d.saturating_neg(),
        _ => 0,
    });
    let charged = match settings.exchange_price_difference {
        PriceDifferencePolicy::Absorb => 0,
        PriceDifferencePolicy::Charge => sum(&|i| match (i.resolution, i.difference) {
            (ResolutionType::Exchange, Some(d)) if d > 0 => d,
            _ => 0,
        }),
    };
    let mut money = back.saturating_sub(charged);
    let mut credit = (i128::from(credited) * i128::from(100 + bonus) / 100)
        .clamp(0, i128::from(i64::MAX)) as i64;
    let mut fee_left = fee.map_or(0, |f| f.amount.max(0));
    let from_money = fee_left.min(money.max(0));
    money -= from_money;
    fee_left -= from_money;
    credit -= fee_left.min(credit);
    Amounts {
        fee,
        refund: Money::new(money.max(0), currency),
        store_credit: Money::new(credit, currency),
        due: Money::new(money.saturating_neg().max(0), currency),
    }
}

/// The share of an amount fixed for items worth `requested` (minor units)
/// that units worth `approved` earn, rounded down: store credit fixed at
/// creation and issued for what the merchant approved.
pub fn approved_share(fixed: i64, requested: i64, approved: i64) -> i64 {
    if requested <= 0 || approved <= 0 {
        return 0;
    }
    let share = i128::from(fixed) * i128::from(approved.min(requested)) / i128::from(requested);
    share.clamp(0, i128::from(i64::MAX)) as i64
}

/// Units of an item that earn its credit: the approved ones, less, once
/// the parcel was counted, the damaged ones.
pub fn earning_units(approved: i32, damaged: i32, counted: bool) -> i64 {
    let units = if counted {
        approved.saturating_sub(damaged)
    } else {
        approved
    };
    i64::from(units.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::ReturnFee;

    fn settings() -> ReturnsSettings {
        ReturnsSettings::default()
    }

    fn item(resolution: ResolutionType, value: i64, difference: Option<i64>) -> Priced {
        Priced {
            resolution,
            value,
            difference,
        }
    }

    fn fee(amount: i64, waived_for: Vec<ResolutionType>) -> Option<ReturnFee> {
        Some(ReturnFee {
            amount: Money::new(amount, Currency::EUR),
            waived_for,
        })
    }

    #[test]
    fn mixed_resolutions_add_up_refund_credit_with_its_bonus_and_a_cheaper_exchange() {
        let items = [
            item(ResolutionType::Refund, 1000, None),
            item(ResolutionType::StoreCredit, 1000, None),
            item(ResolutionType::Exchange, 1999, Some(-500)),
            item(ResolutionType::Exchange, 1999, Some(700)),
        ];
        // 10.00 refunded, 10.00 of credit with the default 10 % bonus,
        // 5.00 back from the cheaper exchange, nothing for the dearer one.
        let a = price_items(&items, Currency::EUR, &settings());
        assert_eq!(a.fee, None);
        assert_eq!(a.refund.amount, 1000 + 500);
        assert_eq!(a.store_credit.amount, 1100);
        assert_eq!(a.due.amount, 0);
        assert_eq!(a.back().amount, 1000 + 1100 + 500);
    }

    #[test]
    fn the_fee_is_charged_once_unless_every_items_resolution_waives_it() {
        let mut s = settings();
        s.return_fee = fee(300, vec![ResolutionType::Exchange]);
        let exchange = item(ResolutionType::Exchange, 1999, Some(-500));
        let refund = item(ResolutionType::Refund, 1000, None);
        assert_eq!(
            price_items(&[exchange, exchange], Currency::EUR, &s).fee,
            None
        );
        let a = price_items(&[exchange, refund], Currency::EUR, &s);
        assert_eq!(a.fee.map(|f| f.amount), Some(300));
        assert_eq!(a.refund.amount, 500 + 1000 - 300);
    }

    #[test]
    fn a_refund_deducts_the_fee_unless_waived_and_never_goes_negative() {
        let mut s = settings();
        s.return_fee = fee(295, vec![ResolutionType::Exchange]);
        let a = price(1999, Currency::EUR, ResolutionType::Refund, &s);
        assert_eq!(
            (a.fee.map(|f| f.amount), a.refund.amount),
            (Some(295), 1704)
        );
        let a = price(100, Currency::EUR, ResolutionType::Refund, &s);
        assert_eq!((a.fee.map(|f| f.amount), a.refund.amount), (Some(295), 0));
        assert_eq!(a.due.amount, 0);
        let a = price(1999, Currency::EUR, ResolutionType::Exchange, &s);
        assert_eq!((a.fee, a.refund.amount), (None, 0));
    }

    #[test]
    fn store_credit_earns_its_bonus_before_the_fee() {
        let mut s = settings();
        let a = price(2000, Currency::EUR, ResolutionType::StoreCredit, &s);
        assert_eq!((a.store_credit.amount, a.refund.amount), (2200, 0));
        s.return_fee = fee(300, vec![]);
        let a = price(2000, Currency::EUR, ResolutionType::StoreCredit, &s);
        assert_eq!(a.store_credit.amount, 1900);
    }

    #[test]
    fn the_bonus_is_rounded_down_to_the_minor_unit() {
        // 9.99 with 10 %: 10.989, credited as 10.98.
        let a = price(999, Currency::EUR, ResolutionType::StoreCredit, &settings());
        assert_eq!(a.store_credit.amount, 1098);
    }

    #[test]
    fn the_fee_comes_out_of_the_money_paid_back_before_the_store_credit() {
        let mut s = settings();
        s.return_fee = fee(300, vec![]);
        let items = [
            item(ResolutionType::Refund, 200, None),
            item(ResolutionType::StoreCredit, 1000, None),
        ];
        let a = price_items(&items, Currency::EUR, &s);
        assert_eq!((a.refund.amount, a.store_credit.amount), (0, 1000));
    }

    #[test]
    fn a_fee_in_another_currency_than_the_order_is_not_charged() {
        let mut s = settings();
        s.return_fee = Some(ReturnFee {
            amount: Money::new(295, Currency::parse("USD").expect("USD")),
            waived_for: vec![],
        });
        assert_eq!(
            price(1999, Currency::EUR, ResolutionType::Refund, &s).fee,
            None
        );
    }

    #[test]
    fn a_dearer_exchange_costs_nothing_when_the_brand_absorbs_the_difference() {
        let items = [item(ResolutionType::Exchange, 1999, Some(500))];
        let a = price_items(&items, Currency::EUR, &settings());
        assert_eq!((a.refund.amount, a.due.amount), (0, 0));
    }

    #[test]
    fn a_charged_dearer_exchange_is_due_beyond_the_money_the_return_gives_back() {
        let mut s = settings();
        s.exchange_price_difference = PriceDifferencePolicy::Charge;
        let dearer = item(ResolutionType::Exchange, 1999, Some(500));
        let a = price_items(&[dearer], Currency::EUR, &s);
        assert_eq!((a.refund.amount, a.due.amount), (0, 500));
        // A refunded item pays for it first.
        let refund = item(ResolutionType::Refund, 1200, None);
        let a = price_items(&[dearer, refund], Currency::EUR, &s);
        assert_eq!((a.refund.amount, a.due.amount), (700, 0));
        let small = item(ResolutionType::Refund, 200, None);
        let a = price_items(&[dearer, small], Currency::EUR, &s);
        assert_eq!((a.refund.amount, a.due.amount), (0, 300));
    }

    #[test]
    fn store_credit_never_pays_what_is_due_and_the_fee_never_adds_to_it() {
        let mut s = settings();
        s.exchange_price_difference = PriceDifferencePolicy::Charge;
        s.return_fee = fee(300, vec![]);
        let items = [
            item(ResolutionType::Exchange, 1999, Some(500)),
            item(ResolutionType::StoreCredit, 1000, None),
        ];
        let a = price_items(&items, Currency::EUR, &s);
        assert_eq!(a.due.amount, 500);
        assert_eq!(a.store_credit.amount, 1100 - 300);
    }

    #[test]
    fn partial_approval_issues_the_approved_share_of_the_credit_rounded_down() {
        // 22.00 of credit fixed for three units of 10.00 (with bonus and
        // fee), two approved: 14.66.
        assert_eq!(approved_share(2200, 3000, 2000), 1466);
        assert_eq!(approved_share(2200, 3000, 3000), 2200);
        assert_eq!(approved_share(2200, 3000, 0), 0);
        assert_eq!(approved_share(2200, 0, 0), 0);
    }

    #[test]
    fn damaged_units_earn_no_credit_once_the_parcel_was_counted() {
        assert_eq!(earning_units(3, 1, false), 3);
        assert_eq!(earning_units(3, 1, true), 2);
        assert_eq!(earning_units(1, 2, true), 0);
    }

    #[test]
    fn huge_values_saturate_instead_of_wrapping() {
        let a = price(
            i64::MAX,
            Currency::EUR,
            ResolutionType::StoreCredit,
            &settings(),
        );
        assert!(a.store_credit.amount > 0);
        assert!(a.back().amount > 0);
    }
}
