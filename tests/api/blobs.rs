//! Blobs every node shares: photos and label PDFs written by one node are
//! read by another with its own empty data directory when blobs are kept in
//! the database; with local directories the other node answers 503. Label
//! files named by absolute path in older rows move into the store.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{created, shop, wait_label};
use crate::uploads::{png, upload};

/// A node on `app`'s database with an empty data directory of its own, its
/// blobs in `blob_store`, making no labels itself.
async fn other_node(app: &TestApp, dir: &tempfile::TempDir, blob_store: &str) -> TestApp {
    let (data, store) = (dir.path().to_path_buf(), blob_store.to_string());
    app.node_with(move |c| {
        c.data_dir = data;
        c.blob_store = Some(store);
        c.disable_jobs = true;
    })
    .await
}

/// A photo uploaded on `a`, in a return created on `b`; the label's poll URL.
async fn photo_return_across(a: &TestApp, b: &TestApp, photo: &[u8]) -> String {
    let s = shop(a, 2).await;
    let res = upload(a, &s.access, photo.to_vec(), "a.png", "image/png").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let uploaded: Value = res.json().await.unwrap();
    let r = created(b, &s.access, &json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "image_ids": [uploaded["id"]] } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } })).await;
    assert_eq!(r["items"][0]["image_ids"], json!([uploaded["id"]]));
    r["shipments"][0]["label"]["poll_url"]
        .as_str()
        .unwrap()
        .to_string()
}

fn files_under(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| {
                if e.path().is_dir() {
                    files_under(&e.path())
                } else {
                    1
                }
            })
            .sum()
    })
}

both!(
    config = |c: &mut returns_api::config::Config| c.blob_store = Some("database".into()),
    async fn a_photo_and_a_label_stored_by_one_node_are_served_by_another_with_its_own_empty_data_dir(app) {
        use sha2::Digest;
        let dir = tempfile::tempdir().unwrap();
        let b = other_node(&app, &dir, "database").await;
        assert_eq!((app.state.storage.kind(), b.state.storage.kind()), ("database", "database"));
        let photo = png(4000);
        let poll = photo_return_across(&app, &b, &photo).await;
        // Node b reads the photo node a stored.
        let key = returns_api::storage::Storage::upload_key(&hex::encode(sha2::Sha256::digest(&photo)));
        assert_eq!(b.state.storage.get(&key).await.expect("the photo on node b"), photo);
        // Node a makes the label (b runs no jobs); b serves its PDF.
        assert!(poll.starts_with(&b.address), "URLs of the node that created the return");
        let res = wait_label(&b, &poll).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        let download = body["download_url"].as_str().unwrap().to_string();
        assert!(download.starts_with(&b.address));
        let res = b.client.get(&download).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "application/pdf");
        let pdf = res.bytes().await.unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        assert_eq!(returns_api::labels::inspect::code128_in_pdf(&pdf).as_deref(), body["tracking_number"].as_str());
        // No node kept a file of its own.
        assert_eq!(files_under(&app.dir.path().join("data")) + files_under(dir.path()), 0);
    }
);

both!(
    config = |c: &mut returns_api::config::Config| c.blob_store = Some("local".into()),
    async fn a_node_that_cannot_read_the_blob_store_answers_503_storage_unavailable_with_retry_after(app) {
        let dir = tempfile::tempdir().unwrap();
        let b = other_node(&app, &dir, "local").await;
        let poll = photo_return_across(&app, &b, &png(2000)).await;
        let body: Value = wait_label(&b, &poll).await.json().await.unwrap();
        let download = body["download_url"].as_str().unwrap().to_string();
        let on_a = download.replace(&b.address, &app.address);
        assert_eq!(app.client.get(&on_a).send().await.unwrap().status(), StatusCode::OK);
        let res = b.client.get(&download).send().await.unwrap();
        assert_eq!(res.headers()["retry-after"], "2");
        assert_problem(res, StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable").await;
    }
);

async fn label_file(app: &TestApp) -> (String, Option<String>) {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::labels::dsl::*;
            Ok(labels.select((id, file_path)).first(conn)?)
        })
        .await
        .unwrap()
}

both!(
    async fn label_files_named_by_absolute_path_move_into_the_blob_store_once_at_startup(app) {
        let s = shop(&app, 1).await;
        let r = created(&app, &s.access, &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small" } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } })).await;
        let poll = r["shipments"][0]["label"]["poll_url"].as_str().unwrap();
        let body: Value = wait_label(&app, poll).await.json().await.unwrap();
        // An older row: the PDF as a file outside any store, named by its path.
        let (label_id, key) = label_file(&app).await;
        assert_eq!(key.as_deref(), Some(returns_api::storage::Storage::label_key(&label_id).as_str()));
        let old = tempfile::tempdir().unwrap();
        let path = old.path().join("old-label.pdf");
        std::fs::write(&path, b"%PDF-1.7 an older label").unwrap();
        app.state.storage.remove(key.as_deref().unwrap()).await.unwrap();
        let old_path = path.to_str().unwrap().to_string();
        app.db.write(move |conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::labels::dsl::*;
            diesel::update(labels).set(file_path.eq(Some(old_path.clone()))).execute(conn)?;
            Ok(())
        }).await.unwrap();
        // Still served from its path before it moves.
        let download = body["download_url"].as_str().unwrap();
        let res = app.client.get(download).send().await.unwrap();
        assert_eq!(res.bytes().await.unwrap().as_ref(), b"%PDF-1.7 an older label");
        // A node starting on the database (and the same store) moves it.
        let b = app.another_node().await;
        let (_, moved) = label_file(&app).await;
        assert_eq!(moved, key, "the row names the key");
        std::fs::remove_file(&path).unwrap();
        let res = app.client.get(download).send().await.unwrap();
        assert_eq!(res.bytes().await.unwrap().as_ref(), b"%PDF-1.7 an older label");
        // Running it again changes nothing.
        let again = returns_api::app::maintenance::move_label_files(&b.db, &b.state.storage).await.unwrap();
        assert_eq!(again, 0);
    }
);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Kills a child process when dropped.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn wait_until_up(client: &reqwest::Client, url: &str) {
    let started = std::time::Instant::now();
    while client.get(url).send().await.is_err() {
        assert!(started.elapsed().as_secs() < 30, "{url} never answered");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// An S3-compatible server on 127.0.0.1 (moto's `moto_server`, or the
/// program `MOTO_SERVER` names); `None`, saying why, when there is none.
async fn s3_server(client: &reqwest::Client) -> Option<(Killed, String)> {
    s3_server_on(client, free_port()).await
}

/// [`s3_server`] on `port`.
async fn s3_server_on(client: &reqwest::Client, port: u16) -> Option<(Killed, String)> {
    let program = std::env::var("MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
    let child = std::process::Command::new(&program)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let Ok(child) = child else {
        eprintln!(
            "skipped: no S3-compatible server ({program} not found; pip install 'moto[server]')"
        );
        return None;
    };
    let endpoint = format!("http://127.0.0.1:{port}");
    let server = Killed(child);
    wait_until_up(client, &endpoint).await;
    Some((server, endpoint))
}

#[tokio::test]
async fn a_label_made_by_one_process_downloads_from_another_through_s3_compatible_storage() {
    let app = TestApp::spawn_with(crate::helpers::Backend::Sqlite, |c| c.disable_jobs = true).await;
    let Some((_s3, endpoint)) = s3_server(&app.client).await else {
        return;
    };
    bucket(&app.client, &endpoint).await;
    // Two server processes, each with an empty data directory of its own,
    // on the same database and bucket; only the first makes labels.
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let nodes: Vec<_> = dirs
        .iter()
        .enumerate()
        .map(|(i, dir)| {
            let port = free_port().to_string();
            let child = app.start_binary(&[
                ("PORT", &port),
                ("DATA_DIR", dir.path().to_str().unwrap()),
                ("BLOB_STORE", "s3://returns-blobs/node-blobs"),
                ("AWS_ENDPOINT", &endpoint),
                ("AWS_ALLOW_HTTP", "true"),
                ("AWS_ACCESS_KEY_ID", "test"),
                ("AWS_SECRET_ACCESS_KEY", "test"),
                ("AWS_REGION", "us-east-1"),
                ("DISABLE_JOBS", if i == 0 { "false" } else { "true" }),
            ]);
            (Killed(child), format!("http://127.0.0.1:{port}"))
        })
        .collect();
    for (_, url) in &nodes {
        wait_until_up(&app.client, &format!("{url}/healthz")).await;
    }
    let (a, b) = (&nodes[0].1, &nodes[1].1);
    let s = shop(&app, 1).await;
    // A photo through the first process, the return through the second.
    let photo = png(3000);
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(photo.clone())
            .file_name("a.png")
            .mime_str("image/png")
            .unwrap(),
    );
    let res = app
        .client
        .post(format!("{a}/v1/portal/acme/uploads"))
        .bearer_auth(&s.access)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let uploaded: Value = res.json().await.unwrap();
    let res = app.client.post(format!("{b}/v1/portal/acme/returns")).bearer_auth(&s.access).json(&json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "too_small", "image_ids": [uploaded["id"]] } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } })).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: Value = res.json().await.unwrap();
    let poll = r["shipments"][0]["label"]["poll_url"].as_str().unwrap();
    assert!(poll.starts_with(b.as_str()));
    let body: Value = wait_label(&app, poll).await.json().await.unwrap();
    let res = app
        .client
        .get(body["download_url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let pdf = res.bytes().await.unwrap();
    assert_eq!(
        returns_api::labels::inspect::code128_in_pdf(&pdf).as_deref(),
        body["tracking_number"].as_str()
    );
    // Both blobs are objects in the bucket, under the prefix; no data directory holds a file.
    use sha2::Digest;
    let photo_key =
        returns_api::storage::Storage::upload_key(&hex::encode(sha2::Sha256::digest(&photo)));
    let bucket = object_store::aws::AmazonS3Builder::new()
        .with_endpoint(&endpoint)
        .with_allow_http(true)
        .with_bucket_name("returns-blobs")
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_region("us-east-1")
        .build()
        .unwrap();
    let object = async |key: &str| {
        use object_store::ObjectStoreExt;
        let path = object_store::path::Path::from(format!("node-blobs/{key}"));
        bucket.get(&path).await.unwrap().bytes().await.unwrap()
    };
    assert!(
        object(&photo_key).await == photo,
        "the photo is in the bucket"
    );
    let (label_id, key) = label_file(&app).await;
    assert_eq!(
        key,
        Some(returns_api::storage::Storage::label_key(&label_id))
    );
    assert!(
        object(&key.unwrap()).await == pdf,
        "the label is in the bucket"
    );
    assert_eq!(files_under(dirs[0].path()) + files_under(dirs[1].path()), 0);
}

/// Makes the bucket `returns-blobs` on the S3 server at `endpoint`.
async fn bucket(client: &reqwest::Client, endpoint: &str) {
    let res = client
        .put(format!("{endpoint}/returns-blobs"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "bucket: {}", res.status());
}

/// Polls `url` until it answers `status` (within 15 s); the last response.
async fn until_status(
    client: &reqwest::Client,
    url: &str,
    status: StatusCode,
) -> reqwest::Response {
    let started = std::time::Instant::now();
    loop {
        let res = client.get(url).send().await.unwrap();
        if res.status() == status {
            return res;
        }
        assert!(
            started.elapsed().as_secs() < 15,
            "{url} still answers {} instead of {status}",
            res.status()
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn readiness_names_the_blob_store_while_it_is_down_and_recovers_when_it_is_back() {
    let app = TestApp::spawn_with(crate::helpers::Backend::Sqlite, |c| c.disable_jobs = true).await;
    let port = free_port();
    let Some((s3, endpoint)) = s3_server_on(&app.client, port).await else {
        return;
    };
    bucket(&app.client, &endpoint).await;
    let dir = tempfile::tempdir().unwrap();
    let node_port = free_port().to_string();
    let _node = Killed(app.start_binary(&[
        ("PORT", &node_port),
        ("DATA_DIR", dir.path().to_str().unwrap()),
        ("BLOB_STORE", "s3://returns-blobs/ready"),
        ("AWS_ENDPOINT", &endpoint),
        ("AWS_ALLOW_HTTP", "true"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
        ("AWS_REGION", "us-east-1"),
        ("DISABLE_JOBS", "true"),
    ]));
    let node = format!("http://127.0.0.1:{node_port}");
    wait_until_up(&app.client, &format!("{node}/healthz")).await;
    let readyz = format!("{node}/readyz");
    until_status(&app.client, &readyz, StatusCode::OK).await;
    // The store stops: the node says so, naming it.
    drop(s3);
    let res = until_status(&app.client, &readyz, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(res.headers()["retry-after"], "2");
    let problem = assert_problem(res, StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("blob store (s3)"),
        "{problem}"
    );
    // It comes back (empty, as moto starts): ready again without a restart.
    let Some((_s3, endpoint)) = s3_server_on(&app.client, port).await else {
        panic!("the S3 server did not start again");
    };
    bucket(&app.client, &endpoint).await;
    until_status(&app.client, &readyz, StatusCode::OK).await;
}
