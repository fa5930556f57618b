//! Writing a new return with everything that belongs to it: the return,
//! its shipments, items and labels, its events and their outbox rows, the
//! photos it attaches and, with an `Idempotency-Key`, the key with the
//! response. On SQLite table by table inside the writer's transaction; on
//! PostgreSQL in one guarded statement (see [`create_guarded`]).

use diesel::RunQueryDsl;
use serde_json::value::RawValue;

use super::outbox::JobRow;
use super::returns::FullReturn;
use super::rows::EventRow;
use super::{DbConn, DbError, DbResult};

/// Everything a new return writes.
#[derive(Debug, Clone)]
pub struct NewReturnRows {
    /// The return with its parts.
    pub full: FullReturn,
    /// Its events.
    pub events: Vec<EventRow>,
    /// The outbox rows of the labels (the events' follow from the response).
    pub label_jobs: Vec<JobRow>,
    /// The outbox rows of the customer e-mail about its events.
    pub mail_jobs: Vec<JobRow>,
    /// Photo uploads it attaches.
    pub images: Vec<String>,
}

/// The key a creation claims with its response.
#[derive(Debug, Clone, Copy)]
pub struct KeyClaim<'a> {
    /// Brand.
    pub brand_id: &'a str,
    /// `Idempotency-Key`.
    pub key: &'a str,
    /// Hash of the request it protects.
    pub hash: &'a str,
}

/// Writes the rows statement by statement inside the caller's (serialized)
/// transaction; a taken RMA number is drawn again with `new_rma`. `render`
/// gives the response once the number is settled: the events' webhooks
/// carry it, and it is returned to be kept with the key.
pub fn insert<E: From<DbError>>(
    conn: &mut DbConn,
    rows: &mut NewReturnRows,
    new_rma: fn() -> String,
    render: &Render<'_, E>,
) -> Result<String, E> {
    super::returns::insert(conn, &mut rows.full, new_rma)?;
    super::uploads::attach(conn, &rows.images, &rows.full.ret.id)?;
    let (body, data) = render(&rows.full)?;
    let hooks = super::webhooks::any_enabled(conn, &rows.full.ret.brand_id)?;
    let jobs = outbox_rows(rows, hooks, data.as_deref().unwrap_or(&body))?;
    super::events::insert_events(conn, &rows.events, &jobs)?;
    Ok(body)
}

/// Renders a new return: the response kept with the key, and the
/// webhooks' data when it differs from the response (`None`: the same).
pub type Render<'a, E> = dyn Fn(&FullReturn) -> Result<(String, Option<String>), E> + 'a;

/// The outbox rows of a new return: its events' webhooks, carrying `data`
/// (the return's JSON), when the brand has an endpoint to send them to
/// (`hooks`), then its labels' and its e-mails' jobs.
fn outbox_rows(rows: &NewReturnRows, hooks: bool, data: &str) -> DbResult<Vec<JobRow>> {
    let mut jobs = if hooks {
        let data: Box<RawValue> = serde_json::from_str(data)?;
        super::events::event_jobs(&rows.events, &data)
    } else {
        Vec::new()
    };
    jobs.extend(rows.label_jobs.iter().cloned());
    jobs.extend(rows.mail_jobs.iter().cloned());
    Ok(jobs)
}

/// The PostgreSQL creation statement (see [`create_guarded`]). `guard` bumps the
/// order's revision only if it is still the one read; `claim` stores the
/// key with the response only then (taking over an expired key, leaving a
/// live one alone); every other row is written only if both did. Rows go in
/// as JSON arrays, so the text is the same for any number of items and the
/// prepared statement is cached. Parameters: order id, revision read,
/// brand, key (or NULL), request hash, response, now, key expiry cut-off,
/// then the return, shipments, items, labels, events and outbox rows as
/// JSON, the attached image ids (JSON array) and the return id. The
/// webhook jobs (`outbox::WEBHOOK`) go in only when the brand has an
/// enabled endpoint, read in the same statement (see
/// `webhooks::any_enabled`).
const CREATE_SQL: &str = "WITH guard AS ( \
        UPDATE orders SET returns_revision = returns_revision + 1 \
        WHERE id = $1 AND returns_revision = $2 RETURNING 1 AS ok \
    ), claim AS ( \
        INSERT INTO idempotency_keys \
            (brand_id, key, request_hash, status_code, response, created_at) \
        SELECT $3, $4, $5, 201, $6, $7 FROM guard WHERE $4 IS NOT NULL \
        ON CONFLICT (brand_id, key) DO UPDATE SET request_hash = excluded.request_hash, \
            status_code = excluded.status_code, response = excluded.response, \
            created_at = excluded.created_at \
        WHERE idempotency_keys.created_at < $8 \
        RETURNING 1 AS ok \
    ), go AS ( \
        SELECT 1 AS ok FROM guard WHERE $4 IS NULL OR EXISTS (SELECT 1 FROM claim) \
    ), r AS ( \
        INSERT INTO returns SELECT x.* FROM go, json_populate_record(NULL::returns, $9::json) x \
    ), s AS ( \
        INSERT INTO return_shipments \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_shipments, $10::json) x \
    ), i AS ( \
        INSERT INTO return_items \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_items, $11::json) x \
    ), l AS ( \
        INSERT INTO labels SELECT x.* FROM go, json_populate_recordset(NULL::labels, $12::json) x \
    ), e AS ( \
        INSERT INTO return_events \
        SELECT x.* FROM go, json_populate_recordset(NULL::return_events, $13::json) x \
    ), j AS ( \
        INSERT INTO outbox SELECT x.* FROM go, json_populate_recordset(NULL::outbox, $14::json) x \
        WHERE x.kind <> 'webhook.event' OR EXISTS ( \
            SELECT 1 FROM webhook_endpoints w WHERE w.brand_id = $3 AND w.enabled) \
        ON CONFLICT DO NOTHING \
    ), u AS ( \
        UPDATE uploads SET return_id = $16 \
        WHERE id IN (SELECT json_array_elements_text($15::json)) AND EXISTS (SELECT 1 FROM go) \
    ) \
    SELECT (SELECT count(*) FROM go) AS written";

#[derive(diesel::QueryableByName)]
struct Written {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    written: i64,
}

/// Writes the rows in one statement ([`CREATE_SQL`]) that writes nothing
/// unless the order's `returns_revision` is still `revision` (it bumps it)
/// and the key, if any, is still free. `render` gives the response kept
/// with the key (called again when a taken RMA number is drawn anew).
/// `None` when the order or the key changed since they were read.
pub fn create_guarded<E: From<DbError>>(
    conn: &mut diesel::PgConnection,
    rows: &mut NewReturnRows,
    order_id: &str,
    revision: i64,
    claim: Option<KeyClaim<'_>>,
    new_rma: fn() -> String,
    render: &Render<'_, E>,
) -> Result<Option<String>, E> {
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
    let shipments = json(&rows.full.shipments).map_err(E::from)?;
    let items = json(&rows.full.items).map_err(E::from)?;
    let labels = json(&rows.full.labels).map_err(E::from)?;
    let events = json(&rows.events).map_err(E::from)?;
    let images = json(&rows.images).map_err(E::from)?;
    let brand_id = rows.full.ret.brand_id.clone();
    let (key, hash) = claim
        .map(|c| (Some(c.key), Some(c.hash)))
        .unwrap_or((None, None));
    let in_transaction = {
        use diesel::connection::{Connection, TransactionManager};
        <diesel::PgConnection as Connection>::TransactionManager::transaction_manager_status_mut(
            conn,
        )
        .transaction_depth()
        .ok()
        .flatten()
        .is_some()
    };
    let mut tries = 0;
    loop {
        let (body, data) = render(&rows.full)?;
        let jobs =
            json(&outbox_rows(rows, true, data.as_deref().unwrap_or(&body))?).map_err(E::from)?;
        let now = super::now();
        let written = super::Cached(
            diesel::sql_query(CREATE_SQL)
                .bind::<Text, _>(order_id)
                .bind::<BigInt, _>(revision)
                .bind::<Text, _>(&brand_id)
                .bind::<Nullable<Text>, _>(key)
                .bind::<Nullable<Text>, _>(hash)
                .bind::<Text, _>(&body)
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(now - super::idempotency::TTL)
                .bind::<Text, _>(json(&rows.full.ret).map_err(E::from)?)
                .bind::<Text, _>(&shipments)
                .bind::<Text, _>(&items)
                .bind::<Text, _>(&labels)
                .bind::<Text, _>(&events)
                .bind::<Text, _>(&jobs)
                .bind::<Text, _>(&images)
                .bind::<Text, _>(&rows.full.ret.id),
        )
        .get_result::<Written>(conn);
        match written {
            Ok(w) if w.written == 1 => return Ok(Some(body)),
            Ok(_) => return Ok(None),
            // Outside a transaction the failed statement wrote nothing: draw
            // another RMA number. Inside one, the transaction is done for;
            // the error is retryable and the whole attempt runs again.
            Err(e) if is_rma_taken(&e) && !in_transaction && tries < 10 => {
                tries += 1;
                rows.full.ret.rma_number = new_rma();
            }
            Err(e) => return Err(E::from(DbError::from(e))),
        }
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> DbResult<String> {
    Ok(serde_json::to_string(value)?)
}

/// Whether a statement failed because its RMA number was taken.
fn is_rma_taken(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            info,
        ) if info.constraint_name() == Some("returns_rma_number_key")
    )
}
