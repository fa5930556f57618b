//! Returns reports, read from per-day and per-month summaries
//! (`crate::domain::reports`), and the rollup that keeps those current.
//!
//! The rollup finds the days of a brand's returns changed since its last
//! run (`returns.updated_at`, less a margin for transactions that were
//! still open then) and recomputes each of those days from the returns,
//! one short transaction per day, under the brand's rollup row so that
//! nodes never interleave. A background task ([`spawn`]) runs it for every brand; a report
//! runs it for its brand first when few days are due, so that what was
//! just written shows, and otherwise answers from the summaries as they
//! are (`as_of` says how current they are) and leaves the rest to
//! that task.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::keys::Merchant;
use crate::app::{AppState, merchant_brand};
use crate::db::Db;
use crate::db::reports::Group;
use crate::domain::money::{Currency, Money};
use crate::domain::reports::{Figures, GroupBy, Periods, summarise};
use crate::error::ApiError;

/// A report brings its brand's summaries up to date first when at most
/// this many days are due; more is left to the background task.
pub const DAYS_IN_REQUEST: usize = 62;

/// What a report asks for.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// First day (UTC, inclusive); default: 29 days before `to`.
    #[param(value_type = Option<String>, format = Date, example = "2026-11-01")]
    pub from: Option<NaiveDate>,
    /// Last day (UTC, inclusive); default: today. Before `from`: an empty
    /// report.
    #[param(value_type = Option<String>, format = Date, example = "2026-11-30")]
    pub to: Option<NaiveDate>,
    /// What the groups are; default `day`.
    #[param(inline)]
    pub group_by: Option<GroupBy>,
}

/// Figures of a group, or of the whole report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportFigures {
    /// Returns with at least one unit in the group (a return whose items
    /// fall in several groups counts in each).
    #[schema(minimum = 0)]
    pub returns: i64,
    /// Units asked for (received units, for `disposition`).
    #[schema(minimum = 0)]
    pub units: i64,
    /// Their value at order prices, per currency.
    pub value: Vec<Money>,
    /// Share of the units resolved by a refund (0 to 1).
    #[schema(minimum = 0, maximum = 1)]
    pub refund_rate: f64,
    /// Share of the units resolved by an exchange (0 to 1).
    #[schema(minimum = 0, maximum = 1)]
    pub exchange_rate: f64,
    /// Units the warehouse received.
    #[schema(minimum = 0)]
    pub received_units: i64,
    /// Received units that were not in their return.
    #[schema(minimum = 0)]
    pub unexpected_units: i64,
}

/// One group of a report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportGroup {
    /// The group: a reason code, SKU, product id, vendor id, resolution,
    /// disposition, country code or day (`YYYY-MM-DD`); `null` for none
    /// (the merchant's own items under `vendor`, SKUs outside the
    /// catalogue under `product`).
    pub key: Option<String>,
    /// Its figures.
    #[serde(flatten)]
    pub figures: ReportFigures,
}

/// A returns report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReturnsReport {
    /// First day (UTC).
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    /// Last day (UTC).
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// What the groups are.
    pub group_by: GroupBy,
    /// Changes to returns made before this time are in the figures.
    pub as_of: Option<DateTime<Utc>>,
    /// Every return of the period, each counted once.
    pub totals: ReportFigures,
    /// The groups: by day in order for `day`, else most units first.
    pub groups: Vec<ReportGroup>,
}

/// The brand's returns report.
pub async fn returns_report(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    query: ReportQuery,
) -> Result<ReturnsReport, ApiError> {
    let today = Utc::now().date_naive();
    let (from, to) = crate::domain::reports::period(query.from, query.to, today);
    let group_by = query.group_by.unwrap_or(GroupBy::Day);
    let (merchant, slug_owned) = (merchant.clone(), slug.to_string());
    let brand = state
        .db
        .read(move |conn| merchant_brand(conn, &merchant, &slug_owned))
        .await?;
    // A report is a read: when the rollup cannot write (the database is
    // read-only, or busy past its bounds), it answers from the summaries
    // as they are, and `as_of` says so.
    let rolled = roll_up(&state.db, &brand.id, margin(state), Some(DAYS_IN_REQUEST))
        .await
        .inspect_err(|e| tracing::warn!(error = %e, "report summaries not brought up to date"))
        .ok();
    let brand_id = brand.id.clone();
    let (groups, totals, as_of) = state
        .db
        .read(move |conn| {
            let periods = crate::domain::reports::periods(from, to);
            let (groups, totals) = if periods == Periods::default() {
                (Vec::new(), Vec::new())
            } else {
                let groups = crate::db::reports::read(conn, &brand_id, group_by, &periods)?;
                let totals = if group_by == GroupBy::Day {
                    groups.clone()
                } else {
                    crate::db::reports::read(conn, &brand_id, GroupBy::Day, &periods)?
                };
                (groups, totals)
            };
            let as_of = match rolled {
                Some(RolledUp::Current { as_of, .. }) => Some(as_of),
                _ => crate::db::reports::rolled_up_to(conn, &brand_id)?,
            };
            Ok((groups, totals, as_of))
        })
        .await?;
    let totals = combine(totals).into_values().fold(
        (Figures::default(), BTreeMap::new()),
        |(mut f, mut v), (g, values)| {
            f.add(&g);
            for (currency, amount) in values {
                *v.entry(currency).or_insert(0) += amount;
            }
            (f, v)
        },
    );
    let mut groups: Vec<ReportGroup> = combine(groups)
        .into_iter()
        .map(|(key, (f, values))| ReportGroup {
            key: (!key.is_empty()).then_some(key),
            figures: figures(&f, values),
        })
        .collect();
    if group_by != GroupBy::Day {
        groups.sort_by(|a, b| {
            b.figures
                .units
                .cmp(&a.figures.units)
                .then(b.figures.received_units.cmp(&a.figures.received_units))
                .then_with(|| a.key.cmp(&b.key))
        });
    }
    Ok(ReturnsReport {
        from,
        to,
        group_by,
        as_of: as_of
            .filter(|t| t.and_utc().timestamp() > 0)
            .map(|t| t.and_utc()),
        totals: figures(&totals.0, totals.1),
        groups,
    })
}

/// Rows of one key added up across currencies (values kept per currency).
fn combine(rows: Vec<Group>) -> BTreeMap<String, (Figures, BTreeMap<String, i64>)> {
    let mut out: BTreeMap<String, (Figures, BTreeMap<String, i64>)> = BTreeMap::new();
    for row in rows {
        let entry = out.entry(row.key).or_default();
        entry.0.add(&row.figures);
        *entry.1.entry(row.currency).or_insert(0) += row.figures.value;
    }
    out
}

/// The API's figures.
fn figures(f: &Figures, values: BTreeMap<String, i64>) -> ReportFigures {
    ReportFigures {
        returns: f.returns,
        units: f.units,
        value: values
            .into_iter()
            .filter_map(|(c, amount)| Currency::parse(&c).map(|c| Money::new(amount, c)))
            .collect(),
        refund_rate: f.refund_rate(),
        exchange_rate: f.exchange_rate(),
        received_units: f.received_units,
        unexpected_units: f.unexpected_units,
    }
}

/// What a rollup did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolledUp {
    /// The summaries are current as of `as_of`; `days` were recomputed
    /// (0: nothing was due, and nothing was written).
    Current {
        /// Days recomputed.
        days: usize,
        /// Changes before this time are in the summaries.
        as_of: chrono::NaiveDateTime,
    },
    /// More days were due than allowed; nothing was done.
    TooMany(usize),
}

/// How long a transaction may stay open and still be seen by the next
/// rollup: changes made that long before a rollup are taken as committed.
pub fn margin(state: &AppState) -> Duration {
    Duration::from_millis(state.config.report_rollup_margin_ms)
}

/// Brings the brand's summaries up to date: every day with a return changed
/// since the last rollup (less `margin`) is recomputed, one transaction per
/// day. With `at_most`, does nothing when more days are due.
pub async fn roll_up(
    db: &Db,
    brand_id: &str,
    margin: Duration,
    at_most: Option<usize>,
) -> Result<RolledUp, ApiError> {
    let started = crate::db::now();
    let brand = brand_id.to_string();
    let margin = chrono::Duration::from_std(margin).unwrap_or_default();
    let days = db
        .read(move |conn| {
            let since = crate::db::reports::rolled_up_to(conn, &brand)?
                .map_or(chrono::DateTime::UNIX_EPOCH.naive_utc(), |t| t - margin);
            Ok(crate::db::reports::changed_days(conn, &brand, since)?)
        })
        .await?;
    if let Some(max) = at_most
        && days.len() > max
    {
        return Ok(RolledUp::TooMany(days.len()));
    }
    if days.is_empty() {
        return Ok(RolledUp::Current {
            days: 0,
            as_of: started,
        });
    }
    for day in days.iter().copied() {
        let brand = brand_id.to_string();
        db.write(move |conn| {
            crate::db::reports::lock(conn, &brand)?;
            let start = day.and_time(chrono::NaiveTime::MIN);
            let end = start + chrono::Duration::days(1);
            let facts = crate::db::reports::facts(conn, &brand, start, end)?;
            crate::db::reports::replace_day(conn, &brand, day, &summarise(day, &facts))?;
            Ok(())
        })
        .await?;
    }
    let brand = brand_id.to_string();
    db.write(move |conn| {
        crate::db::reports::lock(conn, &brand)?;
        crate::db::reports::set_rolled_up_to(conn, &brand, started)?;
        Ok(())
    })
    .await?;
    Ok(RolledUp::Current {
        days: days.len(),
        as_of: started,
    })
}

/// Rolls up every brand (the background task); the days recomputed.
pub async fn roll_up_all(db: &Db, margin: Duration) -> Result<usize, ApiError> {
    let brands = db
        .read(|conn| Ok(crate::db::reports::brand_ids(conn)?))
        .await?;
    let mut total = 0;
    for brand in brands {
        if let RolledUp::Current { days: n, .. } = roll_up(db, &brand, margin, None).await? {
            total += n;
        }
    }
    Ok(total)
}

/// Rolls up every brand's summaries every 30 s until aborted, in a task of
/// its own: the first rollup of a large database takes a while (about a
/// minute per million returns) and must not hold up other housekeeping.
pub fn spawn(state: std::sync::Arc<AppState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match roll_up_all(&state.db, margin(&state)).await {
                Ok(0) => {}
                Ok(days) => tracing::debug!(days, "report summaries rolled up"),
                Err(e) => tracing::warn!(error = %e, "rolling up report summaries failed"),
            }
        }
    })
}
