//! Exports as CSV, streamed: [`csv_stream`] turns pages of rows, fetched
//! one at a time by a closure (keyset pagination), into chunks of CSV, so
//! an export of any size holds one page in memory. Every cell is kept from
//! being read as a formula (`domain::exports::neutralise`).
//!
//! An export is a row type ([`CsvRow`]: its columns and serde `Serialize`)
//! and a page fetcher: [`returns`] (one row per return item),
//! [`receipt_units`] (one row per received unit) and
//! [`inventory_movements`] (the ledger).

use std::future::Future;

use actix_web::web::Bytes;
use futures_util::Stream;
use serde::Serialize;

use super::returns::review::ReturnFilter;
use super::{AppState, merchant_brand};
use crate::auth::Merchant;
use crate::db::receipts::{MovementRow, ReceiptRow, UnitRow};
use crate::db::returns::ItemLine;
use crate::domain::exports::neutralise;
use crate::error::ApiError;

/// A row of an export: serialized by serde as one CSV record whose fields
/// are, in order, [`CsvRow::COLUMNS`].
pub trait CsvRow: Serialize {
    /// The header row (the field names, in order).
    const COLUMNS: &'static [&'static str];
}

/// A page of an export and the cursor of the next one (`None`: the last).
pub struct Page<R, C> {
    /// Rows, in export order.
    pub rows: Vec<R>,
    /// Where the next page starts.
    pub next: Option<C>,
}

/// `records` as CSV with every cell neutralised.
fn write(records: impl Iterator<Item = csv::StringRecord>) -> Result<Bytes, ApiError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for record in records {
        out.write_record(record.iter().map(|cell| neutralise(cell).into_owned()))
            .map_err(ApiError::internal)?;
    }
    out.into_inner()
        .map(Bytes::from)
        .map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))
}

/// The header row.
fn header<R: CsvRow>() -> Result<Bytes, ApiError> {
    write(std::iter::once(csv::StringRecord::from(
        R::COLUMNS.to_vec(),
    )))
}

/// Rows as CSV records (serde's view of each row, read back as text cells
/// so that each cell can be neutralised whatever the row type).
fn encode<R: CsvRow>(rows: &[R]) -> Result<Bytes, ApiError> {
    let mut raw = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for row in rows {
        raw.serialize(row).map_err(ApiError::internal)?;
    }
    let raw = raw
        .into_inner()
        .map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?;
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(raw.as_slice())
        .into_records()
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    write(records.into_iter())
}

enum Step<C> {
    Header,
    Fetch(Option<C>),
    Done,
}

/// The CSV of an export: the header row, then each page `fetch` returns
/// (first called with no cursor, then with each page's `next`), one chunk
/// per page, fetched only once the previous chunk was taken. An error ends
/// the stream with it (the client sees the body cut short).
pub fn csv_stream<R, C, F, Fut>(fetch: F) -> impl Stream<Item = Result<Bytes, ApiError>>
where
    R: CsvRow,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<Page<R, C>, ApiError>>,
{
    futures_util::stream::unfold((Step::Header, fetch), |(step, mut fetch)| async move {
        match step {
            Step::Header => Some((header::<R>(), (Step::Fetch(None), fetch))),
            Step::Fetch(cursor) => match fetch(cursor).await {
                Ok(page) => {
                    let next = match page.next {
                        Some(c) => Step::Fetch(Some(c)),
                        None => Step::Done,
                    };
                    Some((encode(&page.rows), (next, fetch)))
                }
                Err(e) => Some((Err(e), (Step::Done, fetch))),
            },
            Step::Done => None,
        }
    })
}

/// Returns per page of the returns export (their items make the rows).
const RETURNS_PER_PAGE: i64 = 1000;

/// One item of a return, as the returns export lists it.
#[derive(Debug, Serialize)]
pub struct ReturnItemRow {
    return_id: String,
    rma_number: String,
    order_number: String,
    status: crate::domain::return_status::ReturnStatus,
    created_at: String,
    updated_at: String,
    country: String,
    vendor: Option<String>,
    item_id: String,
    sku: String,
    name: String,
    reason_code: String,
    resolution: String,
    requested_quantity: i32,
    approved_quantity: i32,
    received_quantity: i32,
    damaged_quantity: i32,
    currency: String,
    unit_price: i64,
    value: i64,
    condition_code: Option<String>,
    comment: Option<String>,
}

impl CsvRow for ReturnItemRow {
    const COLUMNS: &'static [&'static str] = &[
        "return_id",
        "rma_number",
        "order_number",
        "status",
        "created_at",
        "updated_at",
        "country",
        "vendor",
        "item_id",
        "sku",
        "name",
        "reason_code",
        "resolution",
        "requested_quantity",
        "approved_quantity",
        "received_quantity",
        "damaged_quantity",
        "currency",
        "unit_price",
        "value",
        "condition_code",
        "comment",
    ];
}

/// The type of a return's requested resolution (JSON of `ResolutionRequest`).
fn requested_resolution(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v["type"].as_str().map(str::to_string))
        .unwrap_or_default()
}

impl From<ItemLine> for ReturnItemRow {
    fn from(line: ItemLine) -> ReturnItemRow {
        let ItemLine {
            ret,
            item,
            vendor_id,
            country,
        } = line;
        let time = |t: chrono::NaiveDateTime| {
            t.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        };
        ReturnItemRow {
            resolution: item
                .resolution
                .clone()
                .unwrap_or_else(|| requested_resolution(&ret.resolution)),
            value: i64::from(item.requested_quantity) * item.unit_price,
            return_id: ret.id,
            rma_number: ret.rma_number,
            order_number: ret.order_number,
            status: ret.status,
            created_at: time(ret.created_at),
            updated_at: time(ret.updated_at),
            country,
            vendor: vendor_id,
            item_id: item.id,
            sku: item.sku,
            name: item.name,
            reason_code: item.reason_code,
            requested_quantity: item.requested_quantity,
            approved_quantity: item.approved_quantity,
            received_quantity: item.received_quantity,
            damaged_quantity: item.damaged_quantity,
            currency: ret.currency,
            unit_price: item.unit_price,
            condition_code: item.condition_code,
            comment: item.comment,
        }
    }
}

/// The brand's returns matching `filter` as CSV, one row per item, newest
/// return first; checks the filter and the brand before the first byte.
pub async fn returns(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    filter: &ReturnFilter,
) -> Result<impl Stream<Item = Result<Bytes, ApiError>> + use<>, ApiError> {
    let f = filter.to_filter()?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let brand = state
        .db
        .read(move |conn| merchant_brand(conn, &merchant, &slug))
        .await?;
    let db = state.db.clone();
    Ok(csv_stream(move |cursor: Option<String>| {
        let (db, f, brand_id) = (db.clone(), f.clone(), brand.id.clone());
        async move {
            let (lines, next) = db
                .read(move |conn| {
                    Ok(crate::db::returns::item_lines(
                        conn,
                        &brand_id,
                        &f,
                        cursor.as_deref(),
                        RETURNS_PER_PAGE,
                    )?)
                })
                .await?;
            Ok(Page {
                rows: lines.into_iter().map(ReturnItemRow::from).collect(),
                next,
            })
        }
    }))
}

/// Units per page of the receipts and ledger exports.
const UNITS_PER_PAGE: i64 = 1000;

fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One received unit, as the receipts export lists it.
#[derive(Debug, Serialize)]
pub struct ReceiptUnitRow {
    receipt_id: String,
    return_id: String,
    reference: String,
    location: Option<String>,
    received_at: String,
    unit_id: String,
    return_item_id: Option<String>,
    sku: String,
    condition_code: Option<String>,
    damaged: bool,
    unexpected: bool,
    unit_value: i64,
    disposition: String,
    grade: Option<String>,
    rule_id: Option<String>,
    overridden_by: Option<String>,
    overridden_at: Option<String>,
}

impl CsvRow for ReceiptUnitRow {
    const COLUMNS: &'static [&'static str] = &[
        "receipt_id",
        "return_id",
        "reference",
        "location",
        "received_at",
        "unit_id",
        "return_item_id",
        "sku",
        "condition_code",
        "damaged",
        "unexpected",
        "unit_value",
        "disposition",
        "grade",
        "rule_id",
        "overridden_by",
        "overridden_at",
    ];
}

impl From<(UnitRow, ReceiptRow)> for ReceiptUnitRow {
    fn from((u, r): (UnitRow, ReceiptRow)) -> ReceiptUnitRow {
        ReceiptUnitRow {
            receipt_id: r.id,
            return_id: r.return_id,
            reference: r.reference,
            location: r.location,
            received_at: rfc3339(r.created_at),
            unit_id: u.id,
            return_item_id: u.return_item_id,
            sku: u.sku,
            condition_code: u.condition_code,
            damaged: u.damaged,
            unexpected: u.unexpected,
            unit_value: u.unit_value,
            disposition: u.disposition,
            grade: u.grade,
            rule_id: u.rule_id,
            overridden_by: u.overridden_by,
            overridden_at: u.overridden_at.map(rfc3339),
        }
    }
}

/// One movement, as the ledger export lists it.
#[derive(Debug, Serialize)]
pub struct MovementRowCsv {
    sequence: i64,
    id: String,
    created_at: String,
    kind: String,
    sku: String,
    location: Option<String>,
    quantity: i32,
    disposition: String,
    grade: Option<String>,
    return_id: String,
    receipt_id: String,
}

impl CsvRow for MovementRowCsv {
    const COLUMNS: &'static [&'static str] = &[
        "sequence",
        "id",
        "created_at",
        "kind",
        "sku",
        "location",
        "quantity",
        "disposition",
        "grade",
        "return_id",
        "receipt_id",
    ];
}

impl From<MovementRow> for MovementRowCsv {
    fn from(m: MovementRow) -> MovementRowCsv {
        MovementRowCsv {
            sequence: m.seq,
            id: m.id,
            created_at: rfc3339(m.created_at),
            kind: m.kind,
            sku: m.sku,
            location: m.location,
            quantity: m.quantity,
            disposition: m.disposition,
            grade: m.grade,
            return_id: m.return_id,
            receipt_id: m.receipt_id,
        }
    }
}

/// The brand (404 for another tenant's) before the first byte of an export.
async fn export_brand(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
) -> Result<String, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    Ok(state
        .db
        .read(move |conn| merchant_brand(conn, &merchant, &slug))
        .await?
        .id)
}

/// Pages of at most `UNITS_PER_PAGE` rows of one brand, read by
/// `fetch(conn, brand, cursor)` and written as `O`; a full page goes on
/// from `cursor_of` its last row.
fn brand_pages<C, R, O, F>(
    db: crate::db::Db,
    brand_id: String,
    fetch: F,
    cursor_of: fn(&R) -> C,
) -> impl Stream<Item = Result<Bytes, ApiError>> + use<C, R, O, F>
where
    C: Send + 'static,
    R: Send + 'static,
    O: CsvRow + From<R>,
    F: Fn(&mut crate::db::DbConn, &str, Option<C>) -> crate::db::DbResult<Vec<R>>
        + Clone
        + Send
        + 'static,
{
    csv_stream(move |cursor: Option<C>| {
        let (db, brand_id, fetch) = (db.clone(), brand_id.clone(), fetch.clone());
        async move {
            let rows = db
                .read(move |conn| Ok(fetch(conn, &brand_id, cursor)?))
                .await?;
            let next = (rows.len() as i64 == UNITS_PER_PAGE)
                .then(|| rows.last().map(cursor_of))
                .flatten();
            Ok(Page {
                rows: rows.into_iter().map(O::from).collect(),
                next,
            })
        }
    })
}

/// The brand's received units as CSV, one row per unit with its receipt,
/// oldest first; only those received at or after `since`.
pub async fn receipt_units(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<impl Stream<Item = Result<Bytes, ApiError>> + use<>, ApiError> {
    let brand_id = export_brand(state, merchant, slug).await?;
    let since = since.map(|t| t.naive_utc());
    Ok(brand_pages::<_, _, ReceiptUnitRow, _>(
        state.db.clone(),
        brand_id,
        move |conn, brand, cursor: Option<String>| {
            crate::db::receipts::unit_page(conn, brand, cursor.as_deref(), since, UNITS_PER_PAGE)
        },
        |(unit, _)| unit.id.clone(),
    ))
}

/// The brand's inventory ledger as CSV, oldest first; only movements
/// recorded at or after `since`.
pub async fn inventory_movements(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<impl Stream<Item = Result<Bytes, ApiError>> + use<>, ApiError> {
    let brand_id = export_brand(state, merchant, slug).await?;
    let since = since.map(|t| t.naive_utc());
    Ok(brand_pages::<_, _, MovementRowCsv, _>(
        state.db.clone(),
        brand_id,
        move |conn, brand, cursor: Option<i64>| {
            crate::db::receipts::movements(conn, brand, cursor.unwrap_or(0), since, UNITS_PER_PAGE)
        },
        |m| m.seq,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Line {
        name: String,
        units: i32,
    }

    impl CsvRow for Line {
        const COLUMNS: &'static [&'static str] = &["name", "units"];
    }

    #[test]
    fn rows_become_records_with_formulas_neutralised() {
        let rows = [
            Line {
                name: "=cmd|'/C calc'!A0".into(),
                units: 1,
            },
            Line {
                name: "plain, with comma".into(),
                units: 2,
            },
        ];
        let csv = encode(&rows).unwrap();
        assert_eq!(
            std::str::from_utf8(&csv).unwrap(),
            "'=cmd|'/C calc'!A0,1\n\"plain, with comma\",2\n"
        );
    }

    #[test]
    fn the_returns_export_header_names_its_fields_in_order() {
        let mut raw = csv::Writer::from_writer(Vec::new());
        let row = ReturnItemRow {
            return_id: String::new(),
            rma_number: String::new(),
            order_number: String::new(),
            status: crate::domain::return_status::ReturnStatus::Requested,
            created_at: String::new(),
            updated_at: String::new(),
            country: String::new(),
            vendor: None,
            item_id: String::new(),
            sku: String::new(),
            name: String::new(),
            reason_code: String::new(),
            resolution: String::new(),
            requested_quantity: 0,
            approved_quantity: 0,
            received_quantity: 0,
            damaged_quantity: 0,
            currency: String::new(),
            unit_price: 0,
            value: 0,
            condition_code: None,
            comment: None,
        };
        raw.serialize(&row).unwrap();
        let text = String::from_utf8(raw.into_inner().unwrap()).unwrap();
        let header = text.lines().next().unwrap();
        assert_eq!(header, ReturnItemRow::COLUMNS.join(","));
    }

    #[tokio::test]
    async fn a_stream_is_the_header_then_one_chunk_per_page() {
        use futures_util::StreamExt;
        let chunks: Vec<Bytes> = csv_stream(|cursor: Option<u32>| async move {
            let n = cursor.unwrap_or(0);
            Ok(Page {
                rows: vec![Line {
                    name: format!("page {n}"),
                    units: n as i32,
                }],
                next: (n < 2).then_some(n + 1),
            })
        })
        .map(|c| c.unwrap())
        .collect()
        .await;
        let text: Vec<&str> = chunks
            .iter()
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        assert_eq!(
            text,
            vec!["name,units\n", "page 0,0\n", "page 1,1\n", "page 2,2\n"]
        );
    }
}
