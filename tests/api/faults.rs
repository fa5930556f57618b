//! Database faults: a lock held by another process, a read-only file or
//! database, sessions killed by the server. Writes answer 503 problem+json
//! with `Retry-After` within seconds (never hang, never 500), `/readyz`
//! follows, and service comes back by itself when the fault ends.

use std::time::{Duration, Instant};

use diesel::Connection;
use diesel::connection::SimpleConnection;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Backend, TestApp, assert_problem};

/// How long a write may take to be told the database is unavailable.
const FAST: Duration = Duration::from_secs(5);

/// Creates a brand (a write); returns the response and how long it took.
async fn create_brand(app: &TestApp, slug: &str) -> (reqwest::Response, Duration) {
    let started = Instant::now();
    let res = app
        .post(
            "/v1/brands",
            Some(&app.admin_key),
            &json!({ "slug": slug, "name": "Fault" }),
        )
        .await;
    (res, started.elapsed())
}

/// Asserts a fast 503 `database_unavailable` with `Retry-After`.
async fn assert_unavailable(res: reqwest::Response, took: Duration) {
    assert!(took < FAST, "the write took {took:?}");
    assert!(
        res.headers().contains_key("retry-after"),
        "503 without Retry-After"
    );
    assert_problem(res, StatusCode::SERVICE_UNAVAILABLE, "database_unavailable").await;
}

/// `/readyz` status once its cached answer (one second) has expired.
async fn readiness(app: &TestApp) -> StatusCode {
    tokio::time::sleep(Duration::from_millis(1100)).await;
    app.get("/readyz", None).await.status()
}

/// Polls until a write succeeds; returns how long that took.
async fn until_writable(app: &TestApp, within: Duration) -> Duration {
    let started = Instant::now();
    let mut n = 0;
    loop {
        n += 1;
        let (res, _) = create_brand(app, &format!("back-{n}")).await;
        let status = res.status();
        if status == StatusCode::CREATED {
            return started.elapsed();
        }
        let body = res.text().await.unwrap_or_default();
        assert_eq!(
            status,
            StatusCode::SERVICE_UNAVAILABLE,
            "while recovering: {body}"
        );
        assert!(
            started.elapsed() < within,
            "still unavailable after {within:?}: {body}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Another process's connection holds SQLite's write lock for 30 seconds:
/// every write meanwhile (many at once) is answered 503 within 5 seconds and
/// leaves nothing behind, `/readyz` says not ready, and both recover within
/// 2 seconds of the lock's release.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_lock_held_elsewhere_gives_fast_503s_and_service_returns_on_release() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (res, _) = create_brand(&app, "before").await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let path = app.dir.path().join("test.db");
    let (locked_tx, locked_rx) = std::sync::mpsc::channel::<()>();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let mut conn =
            diesel::SqliteConnection::establish(path.to_str().expect("path")).expect("open");
        conn.batch_execute("PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;")
            .expect("take the write lock");
        locked_tx.send(()).expect("tell");
        let _ = release_rx.recv_timeout(Duration::from_secs(60));
        conn.batch_execute("ROLLBACK;").expect("release");
    });
    locked_rx
        .recv_timeout(Duration::from_secs(10))
        .expect("lock taken");

    let held = Instant::now();
    let mut round = 0;
    while held.elapsed() < Duration::from_secs(30) {
        round += 1;
        let writes = (0..8).map(|i| {
            let app = &app;
            async move { create_brand(app, &format!("locked-{round}-{i}")).await }
        });
        for (res, took) in futures_util::future::join_all(writes).await {
            assert_unavailable(res, took).await;
        }
        assert_eq!(readiness(&app).await, StatusCode::SERVICE_UNAVAILABLE);
    }
    assert!(round >= 3, "only {round} rounds in 30 s");

    release_tx.send(()).expect("release");
    holder.join().expect("holder");
    let released = Instant::now();
    until_writable(&app, Duration::from_secs(2)).await;
    loop {
        if app.get("/readyz", None).await.status() == StatusCode::OK {
            break;
        }
        assert!(
            released.elapsed() < Duration::from_secs(2),
            "/readyz did not recover"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Nothing of the refused writes was kept.
    let res = app.get("/v1/brands/locked-1-0", Some(&app.admin_key)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Makes files immutable (even root cannot write them) until dropped.
struct Immutable(Vec<std::path::PathBuf>);

impl Immutable {
    fn set(paths: Vec<std::path::PathBuf>) -> Immutable {
        let status = std::process::Command::new("chattr")
            .arg("+i")
            .args(&paths)
            .status()
            .expect("chattr runs");
        assert!(
            status.success(),
            "chattr +i failed: this test needs a file system and privileges \
             (CAP_LINUX_IMMUTABLE) that allow making a file read-only even for root"
        );
        Immutable(paths)
    }

    fn clear(&mut self) {
        if self.0.is_empty() {
            return;
        }
        let status = std::process::Command::new("chattr")
            .arg("-i")
            .args(&self.0)
            .status()
            .expect("chattr runs");
        assert!(status.success(), "chattr -i failed");
        self.0.clear();
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .args(&self.0)
                .status();
        }
    }
}

/// The SQLite file (and its WAL) cannot be written: writes answer 503 fast,
/// `/readyz` says not ready, and once the files are writable again service
/// returns without a restart (connections opened read-only meanwhile are
/// replaced).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_sqlite_file_gives_503s_and_service_returns_when_writable() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (res, _) = create_brand(&app, "before").await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let dir = app.dir.path();
    let mut readonly = Immutable::set(vec![dir.join("test.db"), dir.join("test.db-wal")]);
    for i in 0..5 {
        let (res, took) = create_brand(&app, &format!("readonly-{i}")).await;
        assert_unavailable(res, took).await;
    }
    assert_eq!(readiness(&app).await, StatusCode::SERVICE_UNAVAILABLE);
    // Reads still answer (or say unavailable), never 500.
    let status = app
        .get("/v1/brands/before", Some(&app.admin_key))
        .await
        .status();
    assert!(
        status == StatusCode::OK || status == StatusCode::SERVICE_UNAVAILABLE,
        "{status}"
    );

    readonly.clear();
    until_writable(&app, Duration::from_secs(5)).await;
    assert_eq!(readiness(&app).await, StatusCode::OK);
    // And it stays writable: no connection left read-only in the pool.
    for i in 0..20 {
        let (res, _) = create_brand(&app, &format!("after-{i}")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
}

/// Every session of the app's database is terminated by the server (as a
/// restart does): requests meanwhile get 503 or succeed, never 500, and
/// service returns without a restart of the node.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sessions_killed_by_the_server_are_replaced_without_a_restart() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    for i in 0..10 {
        let (res, _) = create_brand(&app, &format!("warm-{i}")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    app.on_pg_server(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{db}' AND pid <> pg_backend_pid()",
    )
    .await;
    until_writable(&app, Duration::from_secs(10)).await;
    for i in 0..20 {
        let (res, _) = create_brand(&app, &format!("after-{i}")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = app
            .get(&format!("/v1/brands/warm-{}", i % 10), Some(&app.admin_key))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(readiness(&app).await, StatusCode::OK);
}

/// The database is switched to read-only (and its sessions restarted):
/// writes answer 503 fast and `/readyz` says not ready; switched back,
/// service returns without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_postgres_database_gives_503s_and_service_returns_when_writable() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    let (res, _) = create_brand(&app, "before").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let terminate = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = '{db}' AND pid <> pg_backend_pid()";
    app.on_pg_server("ALTER DATABASE \"{db}\" SET default_transaction_read_only = on")
        .await;
    app.on_pg_server(terminate).await;

    let mut refused = 0;
    for i in 0..10 {
        let (res, took) = create_brand(&app, &format!("readonly-{i}")).await;
        assert!(took < FAST, "the write took {took:?}");
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_unavailable(res, took).await;
        refused += 1;
    }
    assert_eq!(refused, 10);
    assert_eq!(readiness(&app).await, StatusCode::SERVICE_UNAVAILABLE);

    app.on_pg_server("ALTER DATABASE \"{db}\" SET default_transaction_read_only = off")
        .await;
    until_writable(&app, Duration::from_secs(10)).await;
    for i in 0..20 {
        let (res, _) = create_brand(&app, &format!("after-{i}")).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    assert_eq!(readiness(&app).await, StatusCode::OK);
}

/// Whatever the database's default `lc_messages` (a translated locale where
/// the server has one), the node's sessions read the server's messages
/// untranslated, so the failures known only by their text are recognised.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sessions_read_the_servers_messages_untranslated() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    let pg = app.database_url.clone();
    let locale = tokio::task::spawn_blocking(move || {
        let mut conn = diesel::PgConnection::establish(&pg).expect("connect");
        ["de_DE.UTF-8", "de_DE.utf8", "C.UTF-8"]
            .into_iter()
            .find(|l| {
                conn.batch_execute(&format!("SET lc_messages TO '{l}'"))
                    .is_ok()
            })
            .map(str::to_string)
    })
    .await
    .unwrap();
    if let Some(l) = &locale {
        app.on_pg_server(&format!(
            "ALTER DATABASE \"{{db}}\" SET lc_messages TO '{l}'"
        ))
        .await;
    }
    // A node started now opens its sessions under that default.
    let node = app.another_node().await;
    let shown: String = node
        .db
        .read(|conn| {
            use diesel::prelude::*;
            #[derive(QueryableByName)]
            struct Setting {
                #[diesel(sql_type = diesel::sql_types::Text)]
                lc_messages: String,
            }
            let row: Setting = diesel::sql_query("SHOW lc_messages").get_result(conn)?;
            Ok(row.lc_messages)
        })
        .await
        .unwrap();
    assert_eq!(shown, "C", "database default: {locale:?}");
}
