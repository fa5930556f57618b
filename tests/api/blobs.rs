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
