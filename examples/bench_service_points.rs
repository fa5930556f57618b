//! Service-point search benchmark.
//!
//! Generates N service points (default 1,000,000) with the crate's own
//! generator and imports them into a fresh SQLite database, then measures:
//!
//! * (a) the in-process spatial index (`returns_api::geo::ServicePointIndex`,
//!   loaded from that database exactly as a node loads it) against PostGIS
//!   nearest-neighbour search on the local PostgreSQL, with the same points
//!   and the same queries, at the same concurrency (one thread against one
//!   connection), and checks that both return the same top 10 for every
//!   query. PostGIS is installed with `apt-get` when it is missing; when that
//!   is impossible the comparison is skipped and the reason printed.
//! * (b) the real server's search endpoint against its `/healthz` at 64
//!   connections, in the same run: in alternating rounds (`/healthz`, then
//!   search, three times), so that whatever else the machine does weighs on
//!   both alike; the figures are over all rounds.
//! * (c) the resident memory of the server with all points indexed, after
//!   start-up and after the load.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_service_points [-- --points 1000000 --seconds 5 --rounds 3]
//! ```
//!
//! Further options: `--queries 2000` (size of the query set of part a),
//! `--connections 64`, `--http-limit 10` (results per HTTP search), `--pg-url postgres://postgres@127.0.0.1:5432`
//! (server without database name; a scratch database `bench_sp_<pid>` is
//! created there and dropped at the end).

mod common;

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Api, Req, Stats, arg, brand, pick, rss_kb, scratch, start_server};
use diesel::connection::SimpleConnection;
use diesel::pg::{CopyFormat, PgConnection};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Double, Text};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use returns_api::db::Db;
use returns_api::db::service_points::{ServicePointRow, active_chunk};
use returns_api::geo::{Query, ServicePointIndex};
use serde_json::{Value, json};

/// Search radius of every query (metres).
const RADIUS_M: f64 = 5_000.0;
/// Results per query.
const LIMIT: usize = 10;
/// Distances closer than this (metres) count as a tie when comparing result
/// orders.
const TIE_M: f64 = 1.0;
/// Rows per round trip when copying points from SQLite into PostgreSQL.
const COPY_CHUNK: i64 = 20_000;
/// Carriers searched in part (a): a mix that leaves out some carriers of
/// every country, so the carrier filter matters.
const CARRIERS_A: [&str; 6] = [
    "postnl",
    "dhl",
    "bpost",
    "hermes",
    "colissimo",
    "mondial_relay",
];
/// Minimum measuring time of the in-process index (it runs the query set as
/// often as fits).
const INDEX_MIN_SECONDS: f64 = 2.0;

/// City centres the queries are placed around (country, latitude, longitude).
const PLACES: &[(&str, f64, f64)] = &[
    ("NL", 52.3676, 4.9041),  // Amsterdam
    ("NL", 51.9244, 4.4777),  // Rotterdam
    ("NL", 52.0907, 5.1214),  // Utrecht
    ("NL", 51.4416, 5.4697),  // Eindhoven
    ("NL", 53.2194, 6.5665),  // Groningen
    ("BE", 50.8503, 4.3517),  // Brussels
    ("BE", 51.2194, 4.4025),  // Antwerp
    ("BE", 51.0543, 3.7174),  // Ghent
    ("BE", 50.6326, 5.5797),  // Liège
    ("DE", 52.5200, 13.4050), // Berlin
    ("DE", 53.5511, 9.9937),  // Hamburg
    ("DE", 48.1351, 11.5820), // Munich
    ("DE", 50.9375, 6.9603),  // Cologne
    ("DE", 50.1109, 8.6821),  // Frankfurt
    ("FR", 48.8566, 2.3522),  // Paris
    ("FR", 45.7640, 4.8357),  // Lyon
    ("FR", 43.2965, 5.3698),  // Marseille
    ("FR", 50.6292, 3.0573),  // Lille
    ("FR", 47.2184, -1.5536), // Nantes
];

diesel::table! {
    /// The PostGIS copy of the points (only what the search needs).
    sp (id) {
        id -> Text,
        carrier -> Text,
        country -> Text,
        active -> Bool,
        supports_labelless -> Bool,
        /// `geography(Point, 4326)`, written as EWKT text by COPY.
        geom -> Text,
    }
}

/// One search position of a query set.
#[derive(Debug, Clone, Copy)]
struct Search {
    country: &'static str,
    latitude: f64,
    longitude: f64,
    labelless: bool,
}

/// A result list: point ids and distances in metres, nearest first.
type Top = Vec<(String, f64)>;

/// `n` positions within about 6 km of the centres of the given countries'
/// cities; every fourth one (when `labelless`) asks for label-less points only.
fn query_set(n: usize, seed: u64, countries: &[&str], labelless: bool) -> Vec<Search> {
    let places: Vec<&(&str, f64, f64)> =
        PLACES.iter().filter(|p| countries.contains(&p.0)).collect();
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let (country, lat, lon) = *places[rng.random_range(0..places.len())];
            let dy_km = rng.random_range(-6.0..6.0);
            let dx_km = rng.random_range(-6.0..6.0);
            Search {
                country,
                latitude: lat + dy_km / 111.2,
                longitude: lon + dx_km / (111.2 * lat.to_radians().cos()),
                labelless: labelless && i % 4 == 3,
            }
        })
        .collect()
}

fn seconds_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

/// Generates, validates and imports `count` points into the SQLite database
/// with the crate's importer; returns the data-set version.
fn import_points(db: &Db, count: usize) -> i64 {
    let started = Instant::now();
    let inputs = returns_api::geo::generate::generate(count, 1)
        .enumerate()
        .map(|(i, p)| (format!("service_points[{i}]"), p))
        .collect();
    let points = returns_api::domain::service_points::validate_all(inputs)
        .expect("generated points are valid");
    let generated = seconds_since(started);
    let started = Instant::now();
    let summary = db
        .write_blocking(|conn| {
            Ok(returns_api::db::service_points::import(
                conn, &points, false,
            )?)
        })
        .expect("import into SQLite");
    println!(
        "  generated {count} points in {generated:.1} s, imported into SQLite in {:.1} s ({} created, version {})",
        seconds_since(started),
        summary.created,
        summary.version
    );
    summary.version
}

/// The index query of `s`.
fn index_query<'a>(s: &'a Search, carriers: &'a [String]) -> Query<'a> {
    Query {
        latitude: s.latitude,
        longitude: s.longitude,
        radius_m: RADIUS_M,
        country: s.country,
        carriers,
        labelless_only: s.labelless,
        limit: LIMIT,
    }
}

/// Runs the query set on the index on this thread: returns every query's
/// top list and the throughput (queries/s). Each query resolves its hits to
/// public ids, as PostGIS returns them.
fn bench_index(index: &ServicePointIndex, set: &[Search], carriers: &[String]) -> (Vec<Top>, f64) {
    let tops: Vec<Top> = set
        .iter()
        .map(|s| {
            index
                .search(&index_query(s, carriers))
                .into_iter()
                .map(|h| (index.id(h.idx), h.distance_m))
                .collect()
        })
        .collect();
    let started = Instant::now();
    let mut done = 0u64;
    while done == 0 || seconds_since(started) < INDEX_MIN_SECONDS {
        for s in set {
            let hits = index.search(&index_query(s, carriers));
            for h in hits {
                std::hint::black_box(index.id(h.idx));
            }
            done += 1;
        }
    }
    (tops, done as f64 / seconds_since(started))
}

/// The search endpoint's body.
#[derive(serde::Serialize)]
struct List<'a> {
    data: Vec<returns_api::geo::ServicePointView<'a>>,
}

/// Mean time per query (µs) of each step of building a search response on
/// this thread, as the endpoint does after authentication: index search,
/// views of the hits (opening flags, formatted times), JSON encoding.
fn bench_response(
    index: &ServicePointIndex,
    set: &[Search],
    carriers: &[String],
    limit: usize,
) -> [f64; 3] {
    let mut spent = [Duration::ZERO; 3];
    let mut done = 0u32;
    let started = Instant::now();
    while done == 0 || seconds_since(started) < 1.0 {
        for s in set {
            let t0 = Instant::now();
            let hits = index.search(&Query {
                limit,
                ..index_query(s, carriers)
            });
            let t1 = Instant::now();
            let now = chrono::Utc::now();
            // What the endpoint does: views borrowed from the index.
            let data = index.borrowed_views(&hits, now);
            let t2 = Instant::now();
            let body = serde_json::to_vec(&List { data }).expect("JSON");
            std::hint::black_box(body);
            let t3 = Instant::now();
            spent[0] += t1 - t0;
            spent[1] += t2 - t1;
            spent[2] += t3 - t2;
        }
        done += 1;
    }
    spent.map(|d| d.as_secs_f64() * 1e6 / (f64::from(done) * set.len() as f64))
}

/// Whether two top lists agree: the same ids in the same order, except that
/// points whose distances differ by less than [`TIE_M`] may swap places, a
/// point tied with the last one may be replaced by another equally far one,
/// and points within [`TIE_M`] of the radius may be missing from either.
fn same_top(a: &[(String, f64)], b: &[(String, f64)]) -> bool {
    let inside = |t: &[(String, f64)]| -> Vec<(String, f64)> {
        t.iter()
            .filter(|(_, d)| *d <= RADIUS_M - TIE_M)
            .cloned()
            .collect()
    };
    let (a, b) = if a.len() == b.len() {
        (a.to_vec(), b.to_vec())
    } else {
        (inside(a), inside(b))
    };
    if a.len() != b.len() {
        return false;
    }
    let tied_in = |id: &str, d: f64, other: &[(String, f64)]| {
        match other.iter().find(|(o, _)| o == id) {
            Some((_, od)) => (od - d).abs() <= TIE_M,
            // Missing: only acceptable at the cut-off of a full list or at
            // the radius.
            None => {
                d >= RADIUS_M - TIE_M
                    || (other.len() == LIMIT
                        && other.last().is_some_and(|(_, last)| d >= last - TIE_M))
            }
        }
    };
    a.iter().zip(&b).all(|((ia, da), (ib, db))| {
        ia == ib || ((da - db).abs() <= TIE_M && tied_in(ia, *da, &b) && tied_in(ib, *db, &a))
    })
}

fn short(top: &[(String, f64)]) -> String {
    top.iter()
        .map(|(id, d)| format!("{}@{d:.2}", &id[id.len().saturating_sub(6)..]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares PostGIS results with the index's; prints up to three
/// mismatches and returns how many queries agreed.
fn agreement(name: &str, set: &[Search], index: &[Top], pg: &[Top]) -> usize {
    let mut agreed = 0;
    let mut shown = 0;
    let mut max_diff = 0.0f64;
    for (i, (a, b)) in index.iter().zip(pg).enumerate() {
        for (id, d) in a {
            if let Some((_, pd)) = b.iter().find(|(p, _)| p == id) {
                max_diff = max_diff.max((d - pd).abs());
            }
        }
        if same_top(a, b) {
            agreed += 1;
        } else if shown < 3 {
            shown += 1;
            let s = &set[i];
            println!(
                "  mismatch ({name}) at {} {:.5},{:.5} labelless={}:\n    index   {}\n    postgis {}",
                s.country,
                s.latitude,
                s.longitude,
                s.labelless,
                short(a),
                short(b)
            );
        }
    }
    println!("  {name}: largest distance difference of a shared point {max_diff:.6} m");
    agreed
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Near {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Double)]
    distance_m: f64,
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    t: String,
}

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = Text)]
    #[diesel(column_name = "QUERY PLAN")]
    line: String,
}

/// Runs `apt-get` with `args`; the error is the reason it failed.
fn apt_get(args: &[&str]) -> Result<(), String> {
    let out = std::process::Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no output");
    Err(format!(
        "apt-get {} failed ({}): {last}",
        args.join(" "),
        out.status
    ))
}

fn postgis_available(admin: &mut PgConnection) -> Result<bool, String> {
    diesel::sql_query("SELECT count(*) AS n FROM pg_available_extensions WHERE name = 'postgis'")
        .get_result::<Count>(admin)
        .map(|c| c.n > 0)
        .map_err(|e| format!("cannot list extensions: {e}"))
}

/// Makes the PostGIS extension available, installing the package of the
/// server's major version when needed. `Ok` says how; `Err` why not.
fn ensure_postgis(admin: &mut PgConnection) -> Result<String, String> {
    if postgis_available(admin)? {
        return Ok("already installed".into());
    }
    let major = diesel::sql_query(
        "SELECT (current_setting('server_version_num')::int / 10000)::bigint AS n",
    )
    .get_result::<Count>(admin)
    .map_err(|e| format!("cannot read the server version: {e}"))?
    .n;
    let package = format!("postgresql-{major}-postgis-3");
    println!("  PostGIS is not installed; installing {package} with apt-get");
    let started = Instant::now();
    if let Err(first) = apt_get(&["install", "-y", "-q", &package]) {
        println!("  {first}; running apt-get update and trying again");
        apt_get(&["update", "-q"])?;
        apt_get(&["install", "-y", "-q", &package])?;
    }
    if postgis_available(admin)? {
        Ok(format!(
            "installed {package} now ({:.0} s)",
            seconds_since(started)
        ))
    } else {
        Err(format!(
            "{package} installed but the server does not list the postgis extension"
        ))
    }
}

/// The scratch PostgreSQL database; dropped (with its connections) on drop.
struct ScratchDb {
    admin_url: String,
    name: String,
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        match PgConnection::establish(&self.admin_url).and_then(|mut c| {
            c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
        }) {
            Ok(()) => println!("  dropped database {}", self.name),
            Err(e) => eprintln!("  could not drop database {}: {e}", self.name),
        }
    }
}

/// Nearest-neighbour query: within the radius on the sphere, same filters as
/// the index (country, active, carriers, label-less), nearest first.
const KNN_SQL: &str = "SELECT id, ST_Distance(geom, ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography, false) AS distance_m \
     FROM sp \
     WHERE country = $3 AND active AND carrier = ANY($4) AND (NOT $5 OR supports_labelless) \
       AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography, $6, false) \
     ORDER BY geom <-> ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography \
     LIMIT $7";

/// Binds the parameters of [`KNN_SQL`] for `s`.
fn bind_knn<'a>(
    query: diesel::query_builder::SqlQuery,
    s: &'a Search,
    carriers: &'a [String],
) -> diesel::query_builder::BoxedSqlQuery<'a, diesel::pg::Pg, diesel::query_builder::SqlQuery> {
    query
        .into_boxed()
        .bind::<Double, _>(s.latitude)
        .bind::<Double, _>(s.longitude)
        .bind::<Text, _>(s.country)
        .bind::<Array<Text>, _>(carriers)
        .bind::<Bool, _>(s.labelless)
        .bind::<Double, _>(RADIUS_M)
        .bind::<BigInt, _>(LIMIT as i64)
}

fn knn_adhoc(pg: &mut PgConnection, s: &Search, carriers: &[String]) -> QueryResult<Vec<Near>> {
    bind_knn(diesel::sql_query(KNN_SQL), s, carriers).load(pg)
}

/// The node chain of an `EXPLAIN` output, e.g. `Limit > Index Scan using sp_geom on sp`.
fn plan_shape(lines: &[PlanLine]) -> String {
    lines
        .iter()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.line.trim_start().starts_with("->"))
        .map(|(_, l)| {
            let node = l.line.trim().trim_start_matches("->").trim();
            node.split("  (cost=").next().unwrap_or(node).to_string()
        })
        .collect::<Vec<_>>()
        .join(" > ")
}

/// Literal `EXECUTE` of the prepared statement (our own values only).
fn knn_execute_sql(s: &Search, carriers_literal: &str) -> String {
    format!(
        "EXECUTE knn({}, {}, '{}', {carriers_literal}, {}, {RADIUS_M}, {LIMIT})",
        s.latitude, s.longitude, s.country, s.labelless
    )
}

fn to_top(rows: Vec<Near>) -> Top {
    rows.into_iter().map(|r| (r.id, r.distance_m)).collect()
}

/// Copies every active point of the SQLite database into `sp` with COPY.
fn copy_points(db: &Db, pg: &mut PgConnection) -> usize {
    let mut conn = db.conn().expect("SQLite connection");
    let mut after = String::new();
    let mut copied = 0;
    loop {
        let rows: Vec<ServicePointRow> =
            active_chunk(&mut conn, &after, COPY_CHUNK).expect("read points from SQLite");
        if rows.is_empty() {
            break;
        }
        copied += diesel::copy_from(sp::table)
            .from_raw_data(sp::table, |w: &mut dyn Write| {
                for r in &rows {
                    writeln!(
                        w,
                        "{},{},{},{},{},SRID=4326;POINT({} {})",
                        r.id,
                        r.carrier,
                        r.country,
                        r.active,
                        r.supports_labelless,
                        r.longitude,
                        r.latitude
                    )
                    .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
                }
                Ok::<(), diesel::result::Error>(())
            })
            .with_format(CopyFormat::Csv)
            .execute(pg)
            .expect("COPY into PostgreSQL");
        match rows.last() {
            Some(last) if rows.len() as i64 == COPY_CHUNK => after = last.id.clone(),
            _ => break,
        }
    }
    copied
}

/// What part (a) measured on PostGIS.
struct PostgisFigures {
    adhoc_qps: f64,
    prepared_qps: f64,
    agreed_adhoc: usize,
    agreed_prepared: usize,
}

/// Part (a) on PostGIS: load the points, run the query set (warm-up, ad hoc
/// with binds, then through a prepared statement) on one connection, and
/// compare with the index. `Err` says why PostGIS could not be used.
fn bench_postgis(
    pg_url: &str,
    db: &Db,
    set: &[Search],
    carriers: &[String],
    index_tops: &[Top],
) -> Result<PostgisFigures, String> {
    let admin_url = format!("{pg_url}/postgres");
    let mut admin = PgConnection::establish(&admin_url)
        .map_err(|e| format!("cannot connect to PostgreSQL at {admin_url}: {e}"))?;
    let how = ensure_postgis(&mut admin)?;
    println!("  postgis: {how}");
    let scratch_db = ScratchDb {
        admin_url: admin_url.clone(),
        name: format!("bench_sp_{}", std::process::id()),
    };
    admin
        .batch_execute(&format!("CREATE DATABASE {}", scratch_db.name))
        .map_err(|e| format!("cannot create database {}: {e}", scratch_db.name))?;
    drop(admin);
    let mut pg = PgConnection::establish(&format!("{pg_url}/{}", scratch_db.name))
        .map_err(|e| format!("cannot connect to {}: {e}", scratch_db.name))?;
    // One backend process per query, like the index's one thread.
    pg.batch_execute(
        "SET max_parallel_workers_per_gather = 0; \
         CREATE EXTENSION postgis; \
         CREATE TABLE sp (id text NOT NULL, carrier text NOT NULL, country text NOT NULL, \
                          active boolean NOT NULL, supports_labelless boolean NOT NULL, \
                          geom geography(Point, 4326) NOT NULL)",
    )
    .map_err(|e| format!("cannot create the PostGIS table: {e}"))?;
    let version = diesel::sql_query("SELECT postgis_lib_version() AS t")
        .get_result::<TextRow>(&mut pg)
        .map(|r| r.t)
        .unwrap_or_default();

    let started = Instant::now();
    let copied = copy_points(db, &mut pg);
    let copy_s = seconds_since(started);
    let started = Instant::now();
    // One statement per call: VACUUM cannot run in the implicit transaction
    // of a multi-statement batch.
    for sql in [
        "CREATE INDEX sp_geom ON sp USING gist (geom)",
        "VACUUM ANALYZE sp",
    ] {
        pg.batch_execute(sql)
            .map_err(|e| format!("cannot index the PostGIS table ({sql}): {e}"))?;
    }
    println!(
        "  postgis {version}: {copied} rows by COPY in {copy_s:.1} s, GiST index + VACUUM ANALYZE in {:.1} s",
        seconds_since(started)
    );

    // Warm-up: bring table and index into the buffer cache.
    for s in set {
        knn_adhoc(&mut pg, s, carriers).map_err(|e| format!("query failed: {e}"))?;
    }
    let started = Instant::now();
    let mut adhoc = Vec::with_capacity(set.len());
    for s in set {
        let rows = knn_adhoc(&mut pg, s, carriers).map_err(|e| format!("query failed: {e}"))?;
        adhoc.push(to_top(rows));
    }
    let adhoc_qps = set.len() as f64 / seconds_since(started);

    let types = "float8, float8, text, text[], boolean, float8, bigint";
    pg.batch_execute(&format!("PREPARE knn({types}) AS {KNN_SQL}"))
        .map_err(|e| format!("PREPARE failed: {e}"))?;
    let carriers_literal = format!(
        "ARRAY[{}]::text[]",
        carriers
            .iter()
            .map(|c| format!("'{c}'"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let statements: Vec<String> = set
        .iter()
        .map(|s| knn_execute_sql(s, &carriers_literal))
        .collect();
    let started = Instant::now();
    let mut prepared = Vec::with_capacity(set.len());
    for sql in &statements {
        let rows: Vec<Near> = diesel::sql_query(sql)
            .load(&mut pg)
            .map_err(|e| format!("EXECUTE failed: {e}"))?;
        prepared.push(to_top(rows));
    }
    let prepared_qps = set.len() as f64 / seconds_since(started);

    // Which plans PostgreSQL chose for the query set (planning only).
    let mut adhoc_plans = std::collections::BTreeMap::new();
    let mut prepared_plans = std::collections::BTreeMap::new();
    for (s, sql) in set.iter().zip(&statements) {
        let lines: Vec<PlanLine> =
            bind_knn(diesel::sql_query(format!("EXPLAIN {KNN_SQL}")), s, carriers)
                .load(&mut pg)
                .map_err(|e| format!("EXPLAIN failed: {e}"))?;
        *adhoc_plans.entry(plan_shape(&lines)).or_insert(0usize) += 1;
        let lines: Vec<PlanLine> = diesel::sql_query(format!("EXPLAIN {sql}"))
            .load(&mut pg)
            .map_err(|e| format!("EXPLAIN EXECUTE failed: {e}"))?;
        *prepared_plans.entry(plan_shape(&lines)).or_insert(0usize) += 1;
    }
    for (name, plans) in [("ad hoc", adhoc_plans), ("prepared", prepared_plans)] {
        for (shape, n) in plans {
            println!("  postgis {name} plan ({n}/{} queries): {shape}", set.len());
        }
    }
    drop(pg);
    drop(scratch_db);

    Ok(PostgisFigures {
        adhoc_qps,
        prepared_qps,
        agreed_adhoc: agreement("ad hoc", set, index_tops, &adhoc),
        agreed_prepared: agreement("prepared", set, index_tops, &prepared),
    })
}

/// A delivered order to look up (for the service-points token).
fn order() -> Value {
    let at = |d: i64| (chrono::Utc::now() - chrono::Duration::days(d)).to_rfc3339();
    json!({
        "number": "SP0000001",
        "placed_at": at(6),
        "currency": "EUR",
        "customer": { "email": "customer@example.com", "phone": "+31612345678" },
        "shipping_address": { "line1": "Kerkstraat 1", "city": "Amsterdam", "postal_code": "1017 GA",
                              "country": "NL", "latitude": 52.3640, "longitude": 4.8930 },
        "lines": [
            { "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 1,
              "unit_price": { "amount": 1999, "currency": "EUR" } }
        ],
        "shipments": [ { "tracking_number": "3SSPBENCH0001", "carrier": "postnl", "status": "delivered",
                         "shipped_at": at(5), "delivered_at": at(3),
                         "lines": [ { "line_id": "L1", "quantity": 1 } ] } ]
    })
}

/// Creates an order and looks it up; returns the service-points token.
fn service_points_token(api: &Api, key: &str) -> String {
    let (status, body) = api.call(
        "POST",
        "/v1/brands/bench/orders/bulk",
        Some(key),
        Some(&json!({ "orders": [order()] })),
    );
    assert_eq!(status, 200, "order ingestion failed: {body}");
    let (status, body) = api.call(
        "POST",
        "/v1/portal/bench/lookup",
        None,
        Some(&json!({ "identifier": "SP0000001", "postal_code": "1017 GA" })),
    );
    assert_eq!(status, 200, "lookup failed: {body}");
    body["service_points_token"]
        .as_str()
        .expect("lookup returns service_points_token")
        .to_string()
}

fn search_path(s: &Search, limit: usize) -> String {
    format!(
        "/v1/portal/bench/service-points?country={}&latitude={:.5}&longitude={:.5}&radius={RADIUS_M}&limit={limit}",
        s.country, s.latitude, s.longitude
    )
}

/// Waits until the server's index answers, then checks a sample of searches:
/// all 200 with results. Returns how many of the sample had results and
/// their mean JSON size in bytes.
fn check_searches(api: &Api, token: &str, paths: &[String], sample: usize) -> (usize, usize) {
    let started = Instant::now();
    loop {
        let (status, body) = api.call("GET", &paths[0], Some(token), None);
        assert_eq!(status, 200, "search failed: {body}");
        if body["data"].as_array().is_some_and(|d| !d.is_empty()) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the server's index stayed empty"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let requests = paths
        .iter()
        .take(sample)
        .map(|p| ("GET", p.clone(), Some(token.to_string()), None))
        .collect();
    let (mut with_results, mut bytes) = (0, 0);
    for (status, body) in api.call_all(8, requests) {
        assert_eq!(status, 200, "search failed: {body}");
        let data = body["data"].as_array().expect("search returns data");
        if !data.is_empty() {
            with_results += 1;
        }
        bytes += body.to_string().len();
    }
    (with_results, bytes / sample.max(1))
}

/// Resident memory of a process split by kind (kB): anonymous (heap) and
/// file-backed (here mostly the memory-mapped SQLite file).
fn rss_split_kb(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    Some((field("RssAnon:")?, field("RssFile:")?))
}

/// Total, anonymous and file-backed resident memory of `pid`.
fn rss_line(pid: u32) -> String {
    let total = mb(rss_kb(pid));
    match rss_split_kb(pid) {
        Some((anon, file)) => format!(
            "{total} (anon {}, file-backed {})",
            mb(Some(anon)),
            mb(Some(file))
        ),
        None => total,
    }
}

fn mb(kb: Option<u64>) -> String {
    kb.map(|k| format!("{:.0} MB", k as f64 / 1024.0))
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let points: usize = arg("--points", 1_000_000);
    let seconds: u64 = arg("--seconds", 5);
    let queries: usize = arg::<usize>("--queries", 2_000).max(1);
    let connections: usize = arg("--connections", 64);
    let http_limit: usize = arg("--http-limit", LIMIT);
    let pg_url: String = arg("--pg-url", "postgres://postgres@127.0.0.1:5432".to_string());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("service-point benchmark: {points} points, {cores} cores");

    let dir = scratch("service-points");
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let key = brand(&url, "bench");
    let db = Db::connect(&url, 2).expect("SQLite database");
    let version = import_points(&db, points);

    // (a) In-process index against PostGIS.
    println!();
    println!("(a) nearest 10 within {RADIUS_M} m: in-process index vs PostGIS");
    let started = Instant::now();
    let index = returns_api::geo::refresh::load(&db, version).expect("index loads");
    println!(
        "  index: {} points loaded from SQLite and bulk-loaded in {:.1} s",
        index.len(),
        seconds_since(started)
    );
    let set = query_set(queries, 2024, &["NL", "BE", "DE", "FR"], true);
    let carriers: Vec<String> = CARRIERS_A.iter().map(|c| c.to_string()).collect();
    println!(
        "  query set: {} positions around cities in NL/BE/DE/FR, country filter, carriers {}, every 4th label-less only",
        set.len(),
        CARRIERS_A.join(",")
    );
    let (index_tops, index_qps) = bench_index(&index, &set, &carriers);
    // The HTTP part's searches, done in-process: what a response costs
    // before HTTP, authentication and the network.
    let http_set = query_set(queries, 4048, &["NL", "BE", "DE"], false);
    let brand_carriers = ["dhl".to_string(), "postnl".to_string()];
    let [search_us, view_us, json_us] =
        bench_response(&index, &http_set, &brand_carriers, http_limit);
    println!(
        "  response building for the HTTP query set (limit {http_limit}), 1 thread: search {search_us:.1} µs + views {view_us:.1} µs + JSON {json_us:.1} µs = {:.0} responses/s",
        1e6 / (search_us + view_us + json_us)
    );
    drop(index);
    let found: usize = index_tops.iter().map(Vec::len).sum();
    println!(
        "  index: {:.1} results per query on average, {} queries with none",
        found as f64 / set.len() as f64,
        index_tops.iter().filter(|t| t.is_empty()).count()
    );
    let postgis = bench_postgis(&pg_url, &db, &set, &carriers, &index_tops);
    if let Err(why) = &postgis {
        println!("  PostGIS unavailable, comparison skipped: {why}");
    }
    drop(db);

    // (b) and (c): the real server.
    println!();
    println!("(b) HTTP search vs /healthz, {connections} connections; (c) server memory");
    let started = Instant::now();
    let server = start_server(&url, &dir.join("data"), &[("DISABLE_JOBS", "true")]);
    let api = Api::new(&server.url);
    // The port accepts connections before the index is built; requests are
    // answered once it is.
    loop {
        let (status, _) = api.call("GET", "/readyz", None, None);
        if status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "server not ready"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let rss_ready = rss_line(server.child.id());
    println!(
        "  server ready after {:.1} s (start-up includes building its index); rss {rss_ready}",
        seconds_since(started)
    );
    let token = service_points_token(&api, &key);
    let paths: Arc<Vec<String>> = Arc::new(
        http_set
            .iter()
            .map(|s| search_path(s, http_limit))
            .collect(),
    );
    let sample = 20.min(paths.len());
    let (with_results, bytes) = check_searches(&api, &token, &paths, sample);
    println!(
        "  sample: {sample}/{sample} searches 200, {with_results} with results, ~{bytes} bytes of JSON each \
         (limit {http_limit}, brand carriers dhl,postnl, positions in NL/BE/DE)"
    );
    let rounds: usize = arg("--rounds", 3);
    println!(
        "  search vs /healthz in {rounds} alternating rounds of {seconds} s each (search req/s vs healthz req/s):"
    );
    let (health, search) = {
        let paths = paths.clone();
        let token = token.clone();
        common::alternate(
            server.port,
            connections,
            rounds,
            Duration::from_secs(seconds),
            |_, _| Req::get("/healthz"),
            {
                let requests: Vec<Req> = paths.iter().map(|p| Req::get(p).bearer(&token)).collect();
                move |c, n| {
                    requests[pick((c as u64) << 32 | n, requests.len() as u64) as usize].clone()
                }
            },
        )
    };
    let (health, search) = (Stats::merged(&health), Stats::merged(&search));
    let rss_after = rss_line(server.child.id());
    println!("{}", search.line("  http search:"));
    println!("{}", health.line("  healthz:"));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);

    println!();
    println!("== {points} points ==");
    println!("index: {index_qps:.0} q/s (1 thread)");
    match &postgis {
        Ok(p) => {
            println!(
                "postgis: {:.0} q/s (1 connection, prepared statement); {:.0} q/s ad hoc (bound parameters, planned per query)",
                p.prepared_qps, p.adhoc_qps
            );
            println!(
                "ratio: {:.1}x (target >= 20x) vs prepared; {:.1}x vs ad hoc; same concurrency: 1 thread vs 1 connection",
                index_qps / p.prepared_qps,
                index_qps / p.adhoc_qps
            );
            let n = set.len();
            println!(
                "top-10 agreement: {}/{n} queries ({} mismatches; ad hoc: {}/{n}, {} mismatches)",
                p.agreed_prepared,
                n - p.agreed_prepared,
                p.agreed_adhoc,
                n - p.agreed_adhoc,
            );
        }
        Err(why) => println!("postgis: unavailable ({why}); no ratio"),
    }
    println!(
        "http search: {:.0} req/s p50 {:.2} ms p99 {:.2} ms ({connections} connections, limit {http_limit}, {} errors)",
        search.rps(),
        search.pct_ms(0.5),
        search.pct_ms(0.99),
        search.errors
    );
    println!(
        "healthz: {:.0} req/s p50 {:.2} ms p99 {:.2} ms ({connections} connections, {} errors)",
        health.rps(),
        health.pct_ms(0.5),
        health.pct_ms(0.99),
        health.errors
    );
    println!(
        "search/healthz: {:.0}% (target >= 40%)",
        search.rps() / health.rps() * 100.0
    );
    println!("rss: {rss_ready} after start-up, {rss_after} after the load (target <= 300 MB)");
}
