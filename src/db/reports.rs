//! Report summaries: what a day's returns add up to per dimension, kept in
//! `report_summaries` (days and months), and how far each brand's are
//! current (`report_rollups`). The figures themselves are computed in
//! `crate::domain::reports`.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};

use super::schema::{brands, report_rollups, report_summaries};
use super::{DbConn, DbResult};
use crate::domain::reports::{
    Figures, GroupBy, ItemFact, Periods, ReturnFact, SummaryKey, UnitFact, day_period, month_period,
};
use crate::domain::return_status::ReturnStatus;
use crate::domain::returns::ResolutionRequest;

/// The returns of a brand created in `[start, end)` (cancelled ones left
/// out), with their items and received units.
pub fn facts(
    conn: &mut DbConn,
    brand_id: &str,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> DbResult<Vec<ReturnFact>> {
    #[derive(QueryableByName)]
    struct Ret {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        currency: String,
        #[diesel(sql_type = Text)]
        country: String,
    }
    #[derive(QueryableByName)]
    struct Item {
        #[diesel(sql_type = Text)]
        return_id: String,
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        sku: String,
        #[diesel(sql_type = Text)]
        reason_code: String,
        #[diesel(sql_type = Nullable<Text>)]
        vendor_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        resolution: Option<String>,
        #[diesel(sql_type = Text)]
        return_resolution: String,
        #[diesel(sql_type = BigInt)]
        units: i64,
        #[diesel(sql_type = BigInt)]
        unit_price: i64,
    }
    #[derive(QueryableByName)]
    struct Unit {
        #[diesel(sql_type = Text)]
        return_id: String,
        #[diesel(sql_type = Nullable<Text>)]
        return_item_id: Option<String>,
        #[diesel(sql_type = Text)]
        sku: String,
        #[diesel(sql_type = Text)]
        disposition: String,
        #[diesel(sql_type = BigInt)]
        unit_value: i64,
    }
    let of_period =
        "r.brand_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.status <> $4";
    let cancelled = ReturnStatus::Cancelled.as_str();
    let rets: Vec<Ret> = crate::per_backend!(&mut *conn, c => diesel::sql_query(format!(
        "SELECT r.id, r.currency, o.country FROM returns r JOIN orders o ON o.id = r.order_id \
         WHERE {of_period} ORDER BY r.id"
    ))
    .bind::<Text, _>(brand_id)
    .bind::<Timestamp, _>(start)
    .bind::<Timestamp, _>(end)
    .bind::<Text, _>(cancelled)
    .load(c))?;
    let items: Vec<Item> = crate::per_backend!(&mut *conn, c => diesel::sql_query(format!(
        "SELECT i.return_id, i.id, i.sku, i.reason_code, s.vendor_id, \
           i.resolution, r.resolution AS return_resolution, \
           CAST(i.requested_quantity AS BIGINT) AS units, i.unit_price \
         FROM return_items i JOIN returns r ON r.id = i.return_id \
           JOIN return_shipments s ON s.id = i.shipment_id \
         WHERE {of_period} ORDER BY i.return_id, i.position"
    ))
    .bind::<Text, _>(brand_id)
    .bind::<Timestamp, _>(start)
    .bind::<Timestamp, _>(end)
    .bind::<Text, _>(cancelled)
    .load(c))?;
    let units: Vec<Unit> = crate::per_backend!(&mut *conn, c => diesel::sql_query(format!(
        "SELECT u.return_id, u.return_item_id, u.sku, u.disposition, u.unit_value \
         FROM receipt_units u JOIN returns r ON r.id = u.return_id \
         WHERE {of_period} ORDER BY u.return_id, u.created_at, u.position"
    ))
    .bind::<Text, _>(brand_id)
    .bind::<Timestamp, _>(start)
    .bind::<Timestamp, _>(end)
    .bind::<Text, _>(cancelled)
    .load(c))?;

    let mut index: HashMap<String, usize> = HashMap::with_capacity(rets.len());
    let mut out: Vec<ReturnFact> = Vec::with_capacity(rets.len());
    for r in rets {
        index.insert(r.id, out.len());
        out.push(ReturnFact {
            currency: r.currency,
            country: r.country,
            items: Vec::new(),
            received: Vec::new(),
        });
    }
    let mut item_index: HashMap<String, usize> = HashMap::new();
    for i in items {
        let Some(&at) = index.get(&i.return_id) else {
            continue;
        };
        let items = &mut out[at].items;
        item_index.insert(i.id, items.len());
        items.push(ItemFact {
            sku: i.sku,
            reason: i.reason_code,
            vendor: i.vendor_id,
            // An item's own resolution is its code; the return's is the
            // request as stored (`{"type": …}`).
            resolution: i.resolution.unwrap_or_else(|| {
                serde_json::from_str::<ResolutionRequest>(&i.return_resolution)
                    .map(|r| r.resolution.as_str().to_string())
                    .unwrap_or_default()
            }),
            units: i.units,
            unit_price: i.unit_price,
        });
    }
    for u in units {
        let Some(&at) = index.get(&u.return_id) else {
            continue;
        };
        out[at].received.push(UnitFact {
            sku: u.sku,
            item: u
                .return_item_id
                .as_ref()
                .and_then(|id| item_index.get(id).copied()),
            disposition: u.disposition,
            value: u.unit_value,
        });
    }
    Ok(out)
}

/// The UTC days of the brand's returns changed after `since`.
pub fn changed_days(
    conn: &mut DbConn,
    brand_id: &str,
    since: NaiveDateTime,
) -> DbResult<Vec<NaiveDate>> {
    #[derive(QueryableByName)]
    struct Day {
        #[diesel(sql_type = Text)]
        day: String,
    }
    let day = match conn {
        DbConn::Pg(_) => "to_char(created_at, 'YYYY-MM-DD')",
        DbConn::Sqlite(_) => "substr(created_at, 1, 10)",
    };
    let sql = format!(
        "SELECT DISTINCT {day} AS day FROM returns WHERE brand_id = $1 AND updated_at > $2"
    );
    let rows: Vec<Day> = crate::per_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<Text, _>(brand_id)
        .bind::<Timestamp, _>(since)
        .load(c))?;
    let mut days: Vec<NaiveDate> = rows
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(&d.day, "%Y-%m-%d").ok())
        .collect();
    days.sort();
    Ok(days)
}

/// Takes the brand's rollup row (creating it), held until the transaction
/// ends so that rollups of one brand run one at a time; returns how far its
/// summaries are current.
pub fn lock(conn: &mut DbConn, brand_id: &str) -> DbResult<NaiveDateTime> {
    let never = chrono::DateTime::UNIX_EPOCH.naive_utc();
    crate::per_backend!(&mut *conn, c => diesel::insert_into(report_rollups::table)
        .values((
            report_rollups::brand_id.eq(brand_id),
            report_rollups::rolled_up_to.eq(never),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    let query = report_rollups::table
        .find(brand_id)
        .select(report_rollups::rolled_up_to);
    Ok(match conn {
        DbConn::Pg(c) => query.for_update().first(c)?,
        DbConn::Sqlite(c) => query.first(c)?,
    })
}

/// How far the brand's summaries are current (never rolled up: `None`).
pub fn rolled_up_to(conn: &mut DbConn, brand_id: &str) -> DbResult<Option<NaiveDateTime>> {
    Ok(report_rollups::table
        .find(brand_id)
        .select(report_rollups::rolled_up_to)
        .first(conn)
        .optional()?)
}

/// Records that the brand's summaries are current as of `at` (never moving
/// back).
pub fn set_rolled_up_to(conn: &mut DbConn, brand_id: &str, at: NaiveDateTime) -> DbResult<()> {
    diesel::update(
        report_rollups::table
            .find(brand_id)
            .filter(report_rollups::rolled_up_to.lt(at)),
    )
    .set(report_rollups::rolled_up_to.eq(at))
    .execute(conn)?;
    Ok(())
}

/// Grain of the summaries of one day.
const DAY: &str = "d";
/// Grain of the summaries of one month (the sum of its days).
const MONTH: &str = "m";

/// Replaces the summaries of one day with `rows`, and its month's with the
/// sum of the month's days. Every statement reads or writes one range of
/// the primary key (brand, dimension, grain, period).
pub fn replace_day(
    conn: &mut DbConn,
    brand_id: &str,
    day: NaiveDate,
    rows: &BTreeMap<SummaryKey, Figures>,
) -> DbResult<()> {
    let period = day_period(day);
    let month = month_period(day);
    let dimensions: Vec<&str> = GroupBy::stored_dimensions().map(GroupBy::as_str).collect();
    diesel::delete(
        report_summaries::table
            .filter(report_summaries::brand_id.eq(brand_id))
            .filter(report_summaries::dimension.eq_any(&dimensions))
            .filter(report_summaries::grain.eq_any([DAY, MONTH]))
            .filter(report_summaries::period.eq_any([&period, &month])),
    )
    .execute(conn)?;
    let values: Vec<_> = rows
        .iter()
        .map(|((dimension, key, currency), f)| {
            (
                report_summaries::brand_id.eq(brand_id),
                report_summaries::dimension.eq(dimension.as_str()),
                report_summaries::grain.eq(DAY),
                report_summaries::period.eq(&period),
                report_summaries::key.eq(key),
                report_summaries::currency.eq(currency),
                report_summaries::returns.eq(f.returns),
                report_summaries::units.eq(f.units),
                report_summaries::value.eq(f.value),
                report_summaries::refund_units.eq(f.refund_units),
                report_summaries::exchange_units.eq(f.exchange_units),
                report_summaries::received_units.eq(f.received_units),
                report_summaries::unexpected_units.eq(f.unexpected_units),
            )
        })
        .collect();
    for chunk in values.chunks(500) {
        crate::per_backend!(&mut *conn, c => diesel::insert_into(report_summaries::table)
            .values(chunk)
            .execute(c))?;
    }
    for dimension in dimensions {
        crate::per_backend!(&mut *conn, c => diesel::sql_query(
            "INSERT INTO report_summaries (brand_id, dimension, grain, period, key, currency, \
               returns, units, value, refund_units, exchange_units, received_units, unexpected_units) \
             SELECT brand_id, dimension, $1, $2, key, currency, SUM(returns), SUM(units), SUM(value), \
               SUM(refund_units), SUM(exchange_units), SUM(received_units), SUM(unexpected_units) \
             FROM report_summaries \
             WHERE brand_id = $3 AND dimension = $4 AND grain = $5 AND period >= $6 AND period <= $7 \
             GROUP BY brand_id, dimension, key, currency",
        )
        // SQLite numbers parameters in the order they first appear.
        .bind::<Text, _>(MONTH)
        .bind::<Text, _>(&month)
        .bind::<Text, _>(brand_id)
        .bind::<Text, _>(dimension)
        .bind::<Text, _>(DAY)
        .bind::<Text, _>(format!("{month}-01"))
        .bind::<Text, _>(format!("{month}-31"))
        .execute(c))?;
    }
    Ok(())
}

/// One group as read: key ("" for none), currency and figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Key.
    pub key: String,
    /// Currency.
    pub currency: String,
    /// Figures.
    pub figures: Figures,
}

/// The summaries of `group_by` over `periods` (whole months and at most
/// two ranges of days), added up per key and currency.
pub fn read(
    conn: &mut DbConn,
    brand_id: &str,
    group_by: GroupBy,
    periods: &Periods,
) -> DbResult<Vec<Group>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        key: String,
        #[diesel(sql_type = Text)]
        currency: String,
        #[diesel(sql_type = BigInt)]
        returns: i64,
        #[diesel(sql_type = BigInt)]
        units: i64,
        #[diesel(sql_type = BigInt)]
        value: i64,
        #[diesel(sql_type = BigInt)]
        refund_units: i64,
        #[diesel(sql_type = BigInt)]
        exchange_units: i64,
        #[diesel(sql_type = BigInt)]
        received_units: i64,
        #[diesel(sql_type = BigInt)]
        unexpected_units: i64,
    }
    let (key, join) = if group_by == GroupBy::Product {
        (
            "COALESCE(v.product_id, '')",
            "LEFT JOIN product_variants v ON v.brand_id = s.brand_id AND v.sku = s.key",
        )
    } else {
        ("s.key", "")
    };
    let sum = |c: &str| format!("CAST(SUM(s.{c}) AS BIGINT) AS {c}");
    // Three ranges of the primary key: the months, then each range of days.
    let range = |grain: &str, a: &str, b: &str| {
        format!(
            "SELECT key, currency, returns, units, value, refund_units, exchange_units, \
               received_units, unexpected_units, brand_id FROM report_summaries \
             WHERE brand_id = $1 AND dimension = $2 AND grain = '{grain}' \
               AND period >= {a} AND period <= {b}"
        )
    };
    let sql = format!(
        "SELECT {key} AS key, s.currency, {}, {}, {}, {}, {}, {}, {} \
         FROM ({} UNION ALL {} UNION ALL {}) s {join} \
         GROUP BY {key}, s.currency",
        sum("returns"),
        sum("units"),
        sum("value"),
        sum("refund_units"),
        sum("exchange_units"),
        sum("received_units"),
        sum("unexpected_units"),
        range(MONTH, "$3", "$4"),
        range(DAY, "$5", "$6"),
        range(DAY, "$7", "$8"),
    );
    // An empty range is bound as one no period falls in.
    let none = ("1".to_string(), "0".to_string());
    let (m1, m2) = periods.months.clone().unwrap_or_else(|| none.clone());
    let range = |i: usize| {
        periods
            .days
            .get(i)
            .map(|(a, b)| (day_period(*a), day_period(*b)))
            .unwrap_or_else(|| none.clone())
    };
    let ((d1, d2), (e1, e2)) = (range(0), range(1));
    let rows: Vec<Row> = crate::per_backend!(conn, c => diesel::sql_query(&sql)
        .bind::<Text, _>(brand_id)
        .bind::<Text, _>(group_by.stored().as_str())
        .bind::<Text, _>(&m1)
        .bind::<Text, _>(&m2)
        .bind::<Text, _>(&d1)
        .bind::<Text, _>(&d2)
        .bind::<Text, _>(&e1)
        .bind::<Text, _>(&e2)
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|r| Group {
            key: r.key,
            currency: r.currency,
            figures: Figures {
                returns: r.returns,
                units: r.units,
                value: r.value,
                refund_units: r.refund_units,
                exchange_units: r.exchange_units,
                received_units: r.received_units,
                unexpected_units: r.unexpected_units,
            },
        })
        .collect())
}

/// Every brand's id, for the periodic rollup.
pub fn brand_ids(conn: &mut DbConn) -> DbResult<Vec<String>> {
    Ok(brands::table
        .select(brands::id)
        .order(brands::id)
        .load(conn)?)
}
