//! Returns reports: the figures of the returns created in a period, grouped
//! by one dimension.
//!
//! A report counts every return created in the period except cancelled
//! ones (withdrawn before they travelled). Its figures per group:
//! - `returns`: returns with at least one unit in the group;
//! - `units`: units asked for (received units for `disposition`, which
//!   only received units have);
//! - `value`: those units at their order price, per currency;
//! - refund and exchange rates: the share of those units resolved by a
//!   refund or an exchange (an item's own resolution, else its return's);
//! - `received_units` and `unexpected_units`: units the warehouse received,
//!   and of those, units that were not in the return.
//!
//! Figures are kept per UTC day and dimension ([`summarise`]), and per
//! month as the sum of its days, so that a report over a year adds up a
//! few hundred rows per group instead of reading every return. A return
//! belongs to the day it was created, so `returns` adds up across days
//! exactly. `product` groups are the `sku` groups of the product's
//! variants, added up when read: a return holding two variants of one
//! product counts once per variant in its `returns`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Days a report covers when no start is given (ending with `to`).
pub const DEFAULT_DAYS: i64 = 30;

/// What a report groups by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum GroupBy {
    /// The item's return reason code.
    Reason,
    /// The item's SKU.
    Sku,
    /// The catalogue product of the SKU (none when it is not in the catalogue).
    Product,
    /// The vendor of the item's part (none for the merchant's own items).
    Vendor,
    /// The item's resolution: `refund`, `store_credit` or `exchange`.
    Resolution,
    /// What the warehouse decided for each received unit.
    Disposition,
    /// The order's shipping country.
    Country,
    /// The UTC day the return was created.
    Day,
}

impl GroupBy {
    /// Stored code.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The dimension whose summaries answer this grouping (`product` adds
    /// up the `sku` rows of its variants).
    pub fn stored(self) -> GroupBy {
        match self {
            GroupBy::Product => GroupBy::Sku,
            other => other,
        }
    }

    /// The dimensions summaries are kept for.
    pub fn stored_dimensions() -> impl Iterator<Item = GroupBy> {
        <GroupBy as strum::IntoEnumIterator>::iter().filter(|g| *g != GroupBy::Product)
    }
}

/// One item of a return, as the report sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFact {
    /// SKU.
    pub sku: String,
    /// Reason code.
    pub reason: String,
    /// Vendor of its part, if any.
    pub vendor: Option<String>,
    /// Its resolution (its own, else its return's).
    pub resolution: String,
    /// Units asked for.
    pub units: i64,
    /// Price of one unit (minor units of the return's currency).
    pub unit_price: i64,
}

/// One unit the warehouse received.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFact {
    /// SKU scanned.
    pub sku: String,
    /// Index of its item in [`ReturnFact::items`]; none when it was not in
    /// the return.
    pub item: Option<usize>,
    /// Its disposition code.
    pub disposition: String,
    /// Its value (minor units).
    pub value: i64,
}

/// One return, as the report sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnFact {
    /// Currency of its order.
    pub currency: String,
    /// Shipping country of its order.
    pub country: String,
    /// Its items.
    pub items: Vec<ItemFact>,
    /// Units received so far.
    pub received: Vec<UnitFact>,
}

/// The figures of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// Returns with a unit in the group.
    pub returns: i64,
    /// Units.
    pub units: i64,
    /// Their value (minor units).
    pub value: i64,
    /// Units resolved by a refund.
    pub refund_units: i64,
    /// Units resolved by an exchange.
    pub exchange_units: i64,
    /// Units received.
    pub received_units: i64,
    /// Units received that were not in their return.
    pub unexpected_units: i64,
}

impl Figures {
    /// Adds `other` to these figures.
    pub fn add(&mut self, other: &Figures) {
        self.returns += other.returns;
        self.units += other.units;
        self.value += other.value;
        self.refund_units += other.refund_units;
        self.exchange_units += other.exchange_units;
        self.received_units += other.received_units;
        self.unexpected_units += other.unexpected_units;
    }

    /// Share of the units resolved by a refund (0 without units).
    pub fn refund_rate(&self) -> f64 {
        rate(self.refund_units, self.units)
    }

    /// Share of the units resolved by an exchange (0 without units).
    pub fn exchange_rate(&self) -> f64 {
        rate(self.exchange_units, self.units)
    }
}

/// `part / whole`, rounded to four decimals; 0 when `whole` is 0.
fn rate(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        return 0.0;
    }
    (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
}

/// A summary row's identity within one day: dimension, key ("" for none)
/// and currency.
pub type SummaryKey = (GroupBy, String, String);

/// The figures of one day's returns per dimension, key and currency.
pub fn summarise(day: NaiveDate, returns: &[ReturnFact]) -> BTreeMap<SummaryKey, Figures> {
    let day = day_period(day);
    let mut out: BTreeMap<SummaryKey, Figures> = BTreeMap::new();
    for ret in returns {
        for dimension in GroupBy::stored_dimensions() {
            let mut touched = BTreeSet::new();
            let mut add = |key: String, f: Figures| {
                let entry = out
                    .entry((dimension, key.clone(), ret.currency.clone()))
                    .or_default();
                entry.add(&f);
                if touched.insert(key) {
                    entry.returns += 1;
                }
            };
            let counts_asked = dimension != GroupBy::Disposition;
            if counts_asked {
                for item in &ret.items {
                    let key = item_key(dimension, item, ret, &day);
                    add(key, asked(item));
                }
            }
            for unit in &ret.received {
                let item = unit.item.and_then(|i| ret.items.get(i));
                let Some(key) = unit_key(dimension, unit, item, ret, &day) else {
                    continue;
                };
                let mut f = Figures {
                    received_units: 1,
                    unexpected_units: i64::from(item.is_none()),
                    ..Figures::default()
                };
                if !counts_asked {
                    f.units = 1;
                    f.value = unit.value;
                    let resolution = item.map(|i| i.resolution.as_str());
                    f.refund_units = i64::from(resolution == Some("refund"));
                    f.exchange_units = i64::from(resolution == Some("exchange"));
                }
                add(key, f);
            }
        }
    }
    out
}

/// The figures of an item's asked-for units.
fn asked(item: &ItemFact) -> Figures {
    Figures {
        units: item.units,
        value: item.units.saturating_mul(item.unit_price),
        refund_units: if item.resolution == "refund" {
            item.units
        } else {
            0
        },
        exchange_units: if item.resolution == "exchange" {
            item.units
        } else {
            0
        },
        ..Figures::default()
    }
}

/// The group of an item under `dimension`.
fn item_key(dimension: GroupBy, item: &ItemFact, ret: &ReturnFact, day: &str) -> String {
    match dimension {
        GroupBy::Reason => item.reason.clone(),
        GroupBy::Sku | GroupBy::Product => item.sku.clone(),
        GroupBy::Vendor => item.vendor.clone().unwrap_or_default(),
        GroupBy::Resolution => item.resolution.clone(),
        GroupBy::Country => ret.country.clone(),
        GroupBy::Day => day.to_string(),
        GroupBy::Disposition => String::new(),
    }
}

/// The group of a received unit under `dimension`: its item's, else what
/// the unit itself tells (its SKU, the return's country and day; an
/// unexpected unit belongs to the merchant, to no reason and no resolution).
fn unit_key(
    dimension: GroupBy,
    unit: &UnitFact,
    item: Option<&ItemFact>,
    ret: &ReturnFact,
    day: &str,
) -> Option<String> {
    match (dimension, item) {
        (GroupBy::Disposition, _) => Some(unit.disposition.clone()),
        (GroupBy::Sku | GroupBy::Product, _) => Some(unit.sku.clone()),
        (_, Some(item)) => Some(item_key(dimension, item, ret, day)),
        (GroupBy::Vendor, None) => Some(String::new()),
        (GroupBy::Country, None) => Some(ret.country.clone()),
        (GroupBy::Day, None) => Some(day.to_string()),
        (GroupBy::Reason | GroupBy::Resolution, None) => None,
    }
}

/// The period code of a day: `YYYY-MM-DD`.
pub fn day_period(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The period code of a day's month: `YYYY-MM`.
pub fn month_period(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The summary rows that add up to the days `from..=to`: whole months as
/// one row each (the first and last of a contiguous range), the days of
/// the partial months at the edges one by one (at most two inclusive
/// ranges). Nothing when `from` is after `to`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Periods {
    /// First and last whole month (`YYYY-MM`).
    pub months: Option<(String, String)>,
    /// Inclusive ranges of single days.
    pub days: Vec<(NaiveDate, NaiveDate)>,
}

/// See [`Periods`].
pub fn periods(from: NaiveDate, to: NaiveDate) -> Periods {
    let mut out = Periods::default();
    if from > to {
        return out;
    }
    let whole_from = if from.day() == 1 {
        from
    } else {
        let end = last_of_month(from).min(to);
        out.days.push((from, end));
        match end.succ_opt() {
            Some(next) => next,
            None => return out,
        }
    };
    if whole_from > to {
        return out;
    }
    let whole_to = if to == last_of_month(to) {
        to
    } else {
        let start = to.with_day(1).unwrap_or(to).max(whole_from);
        out.days.push((start, to));
        match start.pred_opt() {
            Some(prev) => prev,
            None => return out,
        }
    };
    if whole_from <= whole_to {
        out.months = Some((month_period(whole_from), month_period(whole_to)));
    }
    out
}

/// The last day of `day`'s month.
pub fn last_of_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(day)
}

/// The report's days: `to` defaults to `today`, `from` to
/// [`DEFAULT_DAYS`] days ending with `to`. A `from` after `to` is an empty
/// period (as a list filtered by such a range is an empty list).
pub fn period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| {
        to.checked_sub_days(chrono::Days::new(DEFAULT_DAYS as u64 - 1))
            .unwrap_or(NaiveDate::MIN)
    });
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn item(sku: &str, reason: &str, units: i64, price: i64, resolution: &str) -> ItemFact {
        ItemFact {
            sku: sku.into(),
            reason: reason.into(),
            vendor: None,
            resolution: resolution.into(),
            units,
            unit_price: price,
        }
    }

    fn ret(items: Vec<ItemFact>, received: Vec<UnitFact>) -> ReturnFact {
        ReturnFact {
            currency: "EUR".into(),
            country: "DE".into(),
            items,
            received,
        }
    }

    fn get(rows: &BTreeMap<SummaryKey, Figures>, dimension: GroupBy, key: &str) -> Option<Figures> {
        rows.get(&(dimension, key.to_string(), "EUR".to_string()))
            .copied()
    }

    #[test]
    fn a_return_counts_once_per_group_however_many_of_its_items_fall_in_it() {
        let rows = summarise(
            day("2026-11-03"),
            &[ret(
                vec![
                    item("A", "too_small", 2, 1000, "refund"),
                    item("B", "too_small", 1, 500, "exchange"),
                    item("C", "damaged", 1, 700, "refund"),
                ],
                vec![],
            )],
        );
        let small = get(&rows, GroupBy::Reason, "too_small").unwrap();
        assert_eq!((small.returns, small.units, small.value), (1, 3, 2500));
        assert_eq!((small.refund_units, small.exchange_units), (2, 1));
        let whole_day = get(&rows, GroupBy::Day, "2026-11-03").unwrap();
        assert_eq!((whole_day.returns, whole_day.units), (1, 4));
        assert_eq!(get(&rows, GroupBy::Vendor, "").unwrap().units, 4);
    }

    #[test]
    fn dispositions_count_received_units_and_an_unexpected_unit_is_reported_everywhere_it_can_be() {
        let unit = |sku: &str, item: Option<usize>, disposition: &str, value: i64| UnitFact {
            sku: sku.into(),
            item,
            disposition: disposition.into(),
            value,
        };
        let rows = summarise(
            day("2026-11-03"),
            &[ret(
                vec![item("A", "too_small", 2, 1000, "refund")],
                vec![
                    unit("A", Some(0), "restock", 1000),
                    unit("A", Some(0), "quarantine", 1000),
                    unit("Z", None, "quarantine", 0),
                ],
            )],
        );
        let quarantine = get(&rows, GroupBy::Disposition, "quarantine").unwrap();
        assert_eq!((quarantine.returns, quarantine.units), (1, 2));
        assert_eq!((quarantine.value, quarantine.refund_units), (1000, 1));
        assert_eq!(quarantine.unexpected_units, 1);
        let z = get(&rows, GroupBy::Sku, "Z").unwrap();
        assert_eq!((z.units, z.received_units, z.unexpected_units), (0, 1, 1));
        let whole_day = get(&rows, GroupBy::Day, "2026-11-03").unwrap();
        assert_eq!((whole_day.units, whole_day.received_units), (2, 3));
        assert_eq!(whole_day.unexpected_units, 1);
        assert_eq!(
            get(&rows, GroupBy::Reason, "too_small")
                .unwrap()
                .received_units,
            2
        );
        assert!(get(&rows, GroupBy::Disposition, "").is_none());
    }

    #[test]
    fn figures_are_kept_per_currency() {
        let mut usd = ret(vec![item("A", "r", 1, 100, "refund")], vec![]);
        usd.currency = "USD".into();
        let rows = summarise(
            day("2026-11-03"),
            &[ret(vec![item("A", "r", 1, 100, "refund")], vec![]), usd],
        );
        assert_eq!(get(&rows, GroupBy::Sku, "A").unwrap().returns, 1);
        let usd_row = rows
            .get(&(GroupBy::Sku, "A".to_string(), "USD".to_string()))
            .unwrap();
        assert_eq!(usd_row.value, 100);
    }

    #[test]
    fn rates_are_shares_of_units_rounded_to_four_decimals_and_zero_without_units() {
        let f = Figures {
            units: 3,
            refund_units: 1,
            exchange_units: 2,
            ..Figures::default()
        };
        assert_eq!(f.refund_rate(), 0.3333);
        assert_eq!(f.exchange_rate(), 0.6667);
        assert_eq!(Figures::default().refund_rate(), 0.0);
    }

    #[test]
    fn a_period_is_whole_months_plus_the_days_at_its_edges() {
        let p = periods(day("2026-01-15"), day("2026-04-03"));
        assert_eq!(p.months, Some(("2026-02".into(), "2026-03".into())));
        assert_eq!(
            p.days,
            vec![
                (day("2026-01-15"), day("2026-01-31")),
                (day("2026-04-01"), day("2026-04-03"))
            ]
        );
        let p = periods(day("2026-02-01"), day("2026-02-28"));
        assert_eq!(p.months, Some(("2026-02".into(), "2026-02".into())));
        assert!(p.days.is_empty());
        let p = periods(day("2026-12-31"), day("2026-12-31"));
        assert_eq!(p.months, None);
        assert_eq!(p.days, vec![(day("2026-12-31"), day("2026-12-31"))]);
        let p = periods(day("2026-01-10"), day("2026-02-05"));
        assert_eq!(p.months, None);
        assert_eq!(p.days.len(), 2);
        let p = periods(day("2026-03-05"), day("2026-03-20"));
        assert_eq!(p.days, vec![(day("2026-03-05"), day("2026-03-20"))]);
        assert_eq!(
            periods(day("2026-03-05"), day("2026-03-04")),
            Periods::default()
        );
    }

    #[test]
    fn a_period_defaults_to_thirty_days_ending_today() {
        let today = day("2026-12-07");
        assert_eq!(period(None, None, today), (day("2026-11-08"), today));
        assert_eq!(
            period(Some(day("0001-01-01")), None, today),
            (day("0001-01-01"), today)
        );
        assert_eq!(period(None, Some(NaiveDate::MIN), today).0, NaiveDate::MIN);
    }
}
