//! The command line: brands, keys, migrations, spec.

use std::process::Command;

fn cli(db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_returns-api"))
        .args(args)
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .output()
        .expect("binary runs")
}

#[tokio::test]
async fn brands_and_keys_are_created_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());

    let out = cli(&db, &["migrate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = cli(
        &db,
        &["brands", "create", "--slug", "acme", "--name", "ACME"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(
        &db,
        &["brands", "create", "--slug", "acme", "--name", "ACME"],
    );
    assert!(
        !out.status.success(),
        "a second brand with the same slug is refused"
    );

    let out = cli(&db, &["keys", "create", "--brand", "acme"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(key.starts_with("rk_") && key.len() == 43, "{key}");

    let out = cli(&db, &["keys", "create", "--brand", "missing"]);
    assert!(!out.status.success());

    // The key works against a server on the same database.
    let config = returns_api::config::Config::for_database(db.clone(), dir.path().join("data"));
    let app = returns_api::startup::Application::build(config)
        .await
        .unwrap();
    let port = app.port();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let res = client
        .get(format!("http://127.0.0.1:{port}/v1/brands/acme"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let out = cli(&db, &["keys", "revoke", &key[..11]]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let res = client
        .get(format!("http://127.0.0.1:{port}/v1/brands/acme"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[test]
fn the_openapi_command_prints_the_spec() {
    let out = cli("sqlite::memory:", &["openapi"]);
    assert!(out.status.success());
    let spec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(spec["info"]["title"], "returns-api");
}
