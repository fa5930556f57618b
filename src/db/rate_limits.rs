//! Fixed-window failure counters in the database, so a limit holds across
//! every node sharing it.

use diesel::prelude::*;

use super::schema::rate_limits;
use super::{DbConn, DbResult};
pub use crate::domain::lookup::Counter;

/// Current counters of the three keys a lookup is limited by (missing keys
/// have none). Equalities instead of an `IN` list keep the statement
/// cacheable and avoid SQLite's temporary b-tree for the list.
pub fn get(conn: &mut DbConn, keys: &[String; 3]) -> DbResult<Vec<(String, Counter)>> {
    let rows: Vec<(String, i64, i32)> = crate::per_backend!(conn, c => rate_limits::table
        .filter(
            rate_limits::key
                .eq(&keys[0])
                .or(rate_limits::key.eq(&keys[1]))
                .or(rate_limits::key.eq(&keys[2])),
        )
        .select((rate_limits::key, rate_limits::window_start, rate_limits::count))
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|(k, window_start, count)| {
            (
                k,
                Counter {
                    window_start,
                    count,
                },
            )
        })
        .collect())
}

#[derive(QueryableByName)]
struct CounterRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    window_start: i64,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    count: i32,
}

/// Counts one failure for `key` at `now` (seconds), starting a new window
/// when the current one (of `window` seconds) has ended. One atomic upsert,
/// so concurrent failures on several nodes are all counted.
pub fn hit(conn: &mut DbConn, key: &str, now: i64, window: i64) -> DbResult<Counter> {
    use diesel::sql_types::{BigInt, Text};
    const SQL: &str = "INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1) \
        ON CONFLICT (key) DO UPDATE SET \
          count = CASE WHEN rate_limits.window_start > $3 THEN rate_limits.count + 1 ELSE 1 END, \
          window_start = CASE WHEN rate_limits.window_start > $3 THEN rate_limits.window_start ELSE $2 END \
        RETURNING window_start, count";
    let cutoff = now - window;
    let row: CounterRow = crate::per_backend!(conn, c => diesel::sql_query(SQL)
        .bind::<Text, _>(key)
        .bind::<BigInt, _>(now)
        .bind::<BigInt, _>(cutoff)
        .get_result(c))?;
    Ok(Counter {
        window_start: row.window_start,
        count: row.count,
    })
}

/// Drops counters whose window ended before `before` (housekeeping).
pub fn purge(conn: &mut DbConn, before: i64) -> DbResult<usize> {
    Ok(
        diesel::delete(rate_limits::table.filter(rate_limits::window_start.lt(before)))
            .execute(conn)?,
    )
}
