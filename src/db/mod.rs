//! Persistence: one connection type over SQLite and PostgreSQL, a pool, and the
//! `read`/`write` helpers every handler goes through.
//!
//! The backend is chosen by the `DATABASE_URL` scheme (`sqlite:` or `postgres:`).
//! Queries are written once against [`DbConn`] (diesel's `MultiConnection`); the
//! few statements whose SQL differs between the two (upserts, row locks) live in
//! the aggregate modules behind the [`per_backend!`](crate::per_backend) macro.
//!
//! Writes on SQLite are serialized inside the process by a mutex and open with
//! `BEGIN IMMEDIATE`: SQLite has a single writer anyway, and queueing in the
//! process is far cheaper than SQLite's sleeping busy handler. Several processes
//! on one SQLite file still work (busy timeout + retry), PostgreSQL is the
//! scale-out backend.

pub mod api_keys;
pub mod blobs;
pub mod brands;
pub mod catalogue;
mod connection;
mod error;
pub mod events;
mod group;
mod health;
pub mod idempotency;
pub mod labels;
pub mod migrations;
pub mod notifications;
pub mod orders;
pub mod outbox;
mod pool;
pub mod probes;
pub mod rate_limits;
pub mod receipts;
pub mod reports;
pub mod return_create;
pub mod returns;
pub mod rows;
pub mod schema;
pub mod secrets;
pub mod service_points;
pub mod settings;
pub mod signing_keys;
mod statuses;
pub mod thumbnails;
pub mod tracking;
mod transaction;
pub mod uploads;
pub mod vendors;
pub mod webhooks;

pub use connection::{
    Backend, Cached, DbConn, Manager, OneRow, Options, PooledConn, SQLITE_MMAP_BYTES, Tracked,
    init_tls, without_mmap,
};
pub use error::{DbError, DbResult, TxError};
pub use pool::{Db, blocking};

/// Current time truncated to microseconds, the precision both databases keep,
/// so a value written and read back compares equal.
pub fn now() -> chrono::NaiveDateTime {
    use chrono::SubsecRound;
    chrono::Utc::now().naive_utc().trunc_subsecs(6)
}
