//! Photo uploads: type by content, size limit while streaming, use in returns.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{created, order, shop, tokens};

/// `picture` encoded as `format`.
pub fn encoded(picture: &image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A 1×1 PNG padded to `len` bytes (at least about 80) with a private
/// chunk, so that every length is another file.
pub fn png(len: usize) -> Vec<u8> {
    use img_parts::png::{Png, PngChunk};
    let pixel = image::DynamicImage::ImageRgb8(image::RgbImage::new(1, 1));
    let mut png = Png::from_bytes(encoded(&pixel, image::ImageFormat::Png).into()).unwrap();
    let pad = len.saturating_sub(png.len() + 12);
    png.chunks_mut()
        .insert(1, PngChunk::new(*b"paDd", vec![0; pad].into()));
    let bytes = png.encoder().bytes().to_vec();
    assert_eq!(bytes.len(), len, "a PNG of {len} bytes");
    bytes
}

pub async fn upload(
    app: &TestApp,
    access: &str,
    bytes: Vec<u8>,
    name: &str,
    mime: &str,
) -> reqwest::Response {
    let part = Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str(mime)
        .unwrap();
    app.request(
        reqwest::Method::POST,
        "/v1/portal/acme/uploads",
        Some(access),
    )
    .multipart(Form::new().part("file", part))
    .send()
    .await
    .unwrap()
}

both!(
    async fn the_type_comes_from_the_bytes_not_the_name(app) {
        let s = shop(&app, 1).await;
        let res = upload(&app, &s.access, png(1000), "holiday.exe", "application/octet-stream").await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let body: Value = res.json().await.unwrap();
        assert!(body["id"].as_str().unwrap().starts_with("upl_"));
        assert_eq!(body["content_type"], "image/png");
        assert_eq!(body["size_bytes"], 1000);
        let res = upload(&app, &s.access, b"just some text, honestly".to_vec(), "photo.jpg", "image/jpeg").await;
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        let picture = image::DynamicImage::ImageRgb8(image::RgbImage::new(8, 8));
        let jpeg = encoded(&picture, image::ImageFormat::Jpeg);
        let res = upload(&app, &s.access, jpeg, "x", "text/plain").await;
        assert_eq!(res.json::<Value>().await.unwrap()["content_type"], "image/jpeg");
        let webp = encoded(&picture, image::ImageFormat::WebP);
        let res = upload(&app, &s.access, webp, "x.webp", "image/webp").await;
        assert_eq!(res.json::<Value>().await.unwrap()["content_type"], "image/webp");
        // The first bytes of a JPEG and nothing readable after them.
        let mut fake = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0];
        fake.resize(500, 0);
        let res = upload(&app, &s.access, fake, "x.jpg", "image/jpeg").await;
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        let mut gif = b"GIF89a".to_vec();
        gif.resize(300, 0);
        let res = upload(&app, &s.access, gif, "x.gif", "image/gif").await;
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
);

both!(
    async fn five_megabytes_pass_and_one_byte_more_is_refused(app) {
        let s = shop(&app, 1).await;
        let limit = 5 * 1024 * 1024;
        let res = upload(&app, &s.access, png(limit), "big.png", "image/png").await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = upload(&app, &s.access, png(limit + 1), "big.png", "image/png").await;
        assert_problem(res, StatusCode::PAYLOAD_TOO_LARGE, "file_too_large").await;
        // Streamed without a length: still refused at the limit.
        let stream = futures_util::stream::iter(
            png(limit + 1).chunks(64 * 1024).map(|c| Ok::<_, std::io::Error>(c.to_vec())).collect::<Vec<_>>(),
        );
        let part = Part::stream(reqwest::Body::wrap_stream(stream)).file_name("big.png");
        let res = app
            .request(reqwest::Method::POST, "/v1/portal/acme/uploads", Some(&s.access))
            .multipart(Form::new().part("file", part))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::PAYLOAD_TOO_LARGE, "file_too_large").await;
    }
);

both!(
    async fn uploads_need_the_access_token_and_a_file_field(app) {
        let s = shop(&app, 1).await;
        let res = upload(&app, &s.sp, png(100), "a.png", "image/png").await;
        assert_problem(res, StatusCode::FORBIDDEN, "insufficient_scope").await;
        let res = app
            .request(reqwest::Method::POST, "/v1/portal/acme/uploads", Some(&s.access))
            .multipart(Form::new().text("photo", "nope"))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        // One photo and nothing else: any second field is refused.
        let photo = || Part::bytes(png(100)).file_name("a.png").mime_str("image/png").unwrap();
        for form in [
            Form::new().part("file", photo()).text("note", "extra"),
            Form::new().part("file", photo()).part("file", photo()),
        ] {
            let res = app
                .request(reqwest::Method::POST, "/v1/portal/acme/uploads", Some(&s.access))
                .multipart(form)
                .send()
                .await
                .unwrap();
            let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(body["errors"][0]["code"], "not_allowed", "{body}");
        }
        let res = app.post("/v1/portal/acme/uploads", Some(&s.access), &json!({})).await;
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
);

both!(
    async fn photos_attach_to_the_item_of_their_own_order_only(app) {
        let s = shop(&app, 1).await;
        let photo: Value = upload(&app, &s.access, png(800), "a.png", "image/png").await.json().await.unwrap();
        let id = photo["id"].as_str().unwrap();
        // Another order cannot use it.
        assert_eq!(app.post("/v1/brands/acme/orders", Some(&s.key), &order("1002", 1)).await.status(), StatusCode::CREATED);
        let (access2, _) = tokens(&app, "1002").await;
        let damaged = json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "damaged", "comment": "cracked",
                         "condition_code": "damaged", "image_ids": [id] } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } });
        let res = app.post("/v1/portal/acme/returns", Some(&access2), &damaged).await;
        let problem = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "unknown_image").await;
        assert_eq!(problem["errors"][0]["field"], "items[0].image_ids[0]");
        let r = created(&app, &s.access, &damaged).await;
        assert_eq!(r["items"][0]["image_ids"], json!([id]));
        assert_eq!(r["status"], "requested");
        // Attached photos cannot be used twice.
        let stored: Option<String> = app
            .db
            .read({
                let upload_id = id.to_string();
                move |conn| {
                    use diesel::prelude::*;
                    use returns_api::db::schema::uploads::dsl::*;
                    Ok(uploads.find(upload_id).select(return_id).first(conn)?)
                }
            })
            .await
            .unwrap();
        assert_eq!(stored.as_deref(), r["id"].as_str());
    }
);

both!(
    async fn uploads_never_attached_are_swept_after_a_day_with_their_files(app) {
        use sha2::Digest;
        let s = shop(&app, 1).await;
        let kept_bytes = png(700);
        let lost_bytes = png(900);
        let kept: Value = upload(&app, &s.access, kept_bytes.clone(), "a.png", "image/png").await.json().await.unwrap();
        let lost: Value = upload(&app, &s.access, lost_bytes.clone(), "b.png", "image/png").await.json().await.unwrap();
        assert_ne!(kept["id"], lost["id"]);
        created(&app, &s.access, &json!({
            "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "damaged", "comment": "cracked",
                         "condition_code": "damaged", "image_ids": [kept["id"]] } ],
            "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } })).await;
        let store = &app.state.storage;
        let key = |bytes: &[u8]| returns_api::storage::Storage::upload_key(&hex::encode(sha2::Sha256::digest(bytes)));
        let exists = async |bytes: &[u8]| store.get(&key(bytes)).await.is_ok();
        assert!(exists(&kept_bytes).await && exists(&lost_bytes).await);
        // Within the day nothing goes.
        let swept = returns_api::app::maintenance::sweep(&app.db, store, chrono::Utc::now()).await.unwrap();
        assert_eq!(swept.uploads, 0);
        let swept = returns_api::app::maintenance::sweep(&app.db, store, chrono::Utc::now() + chrono::Duration::hours(25)).await.unwrap();
        assert_eq!((swept.uploads, swept.files), (1, 1));
        assert!(exists(&kept_bytes).await, "attached photos stay");
        assert!(!exists(&lost_bytes).await, "the unattached photo's file is gone");
    }
);

both!(
    async fn concurrent_uploads_cannot_pass_the_per_order_limit(app) {
        let s = shop(&app, 1).await;
        for i in 0..45 {
            let res = upload(&app, &s.access, png(100 + i), "p.png", "image/png").await;
            assert_eq!(res.status(), StatusCode::CREATED, "upload {i}");
        }
        let attempts = (0..30).map(|i| {
            let (app, access) = (&app, s.access.clone());
            async move { upload(app, &access, png(1000 + i), "p.png", "image/png").await.status() }
        });
        let statuses = futures_util::future::join_all(attempts).await;
        let created = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
        assert_eq!(created, 5, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::UNPROCESSABLE_ENTITY), "{statuses:?}");
        let stored = app.db.read(|conn| Ok(returns_api::db::uploads::count_all(conn)?)).await.unwrap();
        assert_eq!(stored, 50);
    }
);
