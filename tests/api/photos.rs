//! Reviewer photos: a return's photos with short-lived links, served
//! without their metadata, thumbnails made once.

use image::{DynamicImage, GenericImageView, ImageFormat, RgbImage};
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::{Bytes, ImageEXIF};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, assert_problem};
use crate::returns_fixtures::{created, shop};
use crate::uploads::{encoded, upload};

/// A little-endian EXIF block: upright, with a GPS latitude (52°22'N).
fn exif_with_gps() -> Vec<u8> {
    let mut t = b"II*\0".to_vec();
    let put = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value.to_le_bytes());
    };
    t.extend(8u32.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    put(&mut t, 0x0112, 3, 1, 1); // orientation: upright
    put(&mut t, 0x8825, 4, 1, 38); // GPS IFD at 38
    t.extend(0u32.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    put(&mut t, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0")); // latitude ref
    put(&mut t, 0x0002, 5, 3, 68); // latitude: three rationals at 68
    t.extend(0u32.to_le_bytes());
    for (n, d) in [(52u32, 1u32), (22, 1), (1234, 100)] {
        t.extend(n.to_le_bytes());
        t.extend(d.to_le_bytes());
    }
    t
}

/// A 640×480 JPEG as a phone writes it: EXIF with a GPS position and XMP.
fn phone_jpeg(shade: u8) -> Vec<u8> {
    let picture = DynamicImage::ImageRgb8(RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    }));
    let mut jpeg = Jpeg::from_bytes(encoded(&picture, ImageFormat::Jpeg).into()).unwrap();
    jpeg.set_exif(Some(exif_with_gps().into()));
    let xmp: &[u8] = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,22.2N</exif:GPSLatitude></x:xmpmeta>";
    jpeg.segments_mut().insert(
        1,
        JpegSegment::new_with_contents(markers::APP1, Bytes::from_static(xmp)),
    );
    let bytes = jpeg.encoder().bytes().to_vec();
    assert!(carries_metadata(&bytes));
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether a file carries EXIF or GPS data.
fn carries_metadata(bytes: &[u8]) -> bool {
    contains(bytes, b"Exif") || contains(bytes, b"GPS") || contains(bytes, b"II*\0")
}

/// A damaged-item return of order 1001 with these photos; its id.
async fn return_with_photos(
    app: &TestApp,
    access: &str,
    photos: &[Vec<u8>],
) -> (String, Vec<String>) {
    let mut ids = Vec::new();
    for photo in photos {
        let res = upload(app, access, photo.clone(), "IMG_0001.jpg", "image/jpeg").await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let body: Value = res.json().await.unwrap();
        ids.push(body["id"].as_str().unwrap().to_string());
    }
    let r = created(app, access, &json!({
        "items": [ { "order_line_id": "L1", "quantity": 1, "reason_code": "damaged", "comment": "cracked",
                     "condition_code": "damaged", "image_ids": ids } ],
        "return_method": { "type": "drop_off", "carrier": "postnl" }, "resolution": { "type": "refund" } })).await;
    (r["id"].as_str().unwrap().to_string(), ids)
}

async fn photos(app: &TestApp, key: &str, brand: &str, return_id: &str) -> reqwest::Response {
    app.get(
        &format!("/v1/brands/{brand}/returns/{return_id}/images"),
        Some(key),
    )
    .await
}

async fn listed(app: &TestApp, key: &str, return_id: &str) -> Vec<Value> {
    let res = photos(app, key, "acme", return_id).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["data"].as_array().unwrap().clone()
}

/// Fetches a photo link: the response's media type, max-age and bytes.
async fn fetch(app: &TestApp, url: &str) -> (String, u64, Vec<u8>) {
    let res = app.client.get(url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{url}");
    let header = |name: &str| res.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("x-content-type-options"), "nosniff");
    let cache = header("cache-control");
    let max_age: u64 = cache
        .strip_prefix("private, max-age=")
        .unwrap_or_else(|| panic!("{cache}"))
        .parse()
        .unwrap();
    let content_type = header("content-type");
    (content_type, max_age, res.bytes().await.unwrap().to_vec())
}

/// Rows of `photo_thumbnails`.
async fn thumbnails_recorded(app: &TestApp) -> Vec<(String, String)> {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use returns_api::db::schema::photo_thumbnails::dsl::*;
            Ok(photo_thumbnails.select((sha256, blob_key)).load(conn)?)
        })
        .await
        .unwrap()
}

both!(
    async fn a_reviewer_sees_the_photos_without_their_location_and_a_thumbnail(app) {
        let s = shop(&app, 1).await;
        let (return_id, ids) = return_with_photos(&app, &s.access, &[phone_jpeg(10)]).await;
        // What is stored carries no metadata.
        let sha: String = app
            .db
            .read({
                let upload_id = ids[0].clone();
                move |conn| {
                    use diesel::prelude::*;
                    use returns_api::db::schema::uploads::dsl::*;
                    Ok(uploads.find(upload_id).select(sha256).first(conn)?)
                }
            })
            .await
            .unwrap();
        let stored = app.state.storage.get(&returns_api::storage::Storage::upload_key(&sha)).await.unwrap();
        assert!(!carries_metadata(&stored), "the stored photo has no EXIF or GPS");

        let list = listed(&app, &s.key, &return_id).await;
        assert_eq!(list.len(), 1);
        let photo = &list[0];
        let r: Value = app.get(&format!("/v1/brands/acme/returns/{return_id}"), Some(&s.key)).await.json().await.unwrap();
        assert_eq!(photo["id"], ids[0].as_str());
        assert_eq!(photo["return_item_id"], r["items"][0]["id"]);
        assert_eq!(photo["content_type"], "image/jpeg");
        assert_eq!(photo["size_bytes"], stored.len());
        assert_eq!((photo["width"].as_u64(), photo["height"].as_u64()), (Some(640), Some(480)));
        assert_eq!((photo["thumbnail_width"].as_u64(), photo["thumbnail_height"].as_u64()), (Some(320), Some(240)));
        let expires = chrono::DateTime::parse_from_rfc3339(photo["expires_at"].as_str().unwrap()).unwrap();
        let left = expires.signed_duration_since(chrono::Utc::now()).num_seconds();
        assert!((800..=901).contains(&left), "{left}");

        let (content_type, max_age, original) = fetch(&app, photo["url"].as_str().unwrap()).await;
        assert_eq!(content_type, "image/jpeg");
        assert!(max_age > 0 && max_age as i64 <= left + 1, "{max_age}");
        assert_eq!(original, stored);
        let decoded = image::load_from_memory(&original).unwrap();
        assert_eq!(decoded.dimensions(), (640, 480));

        let (content_type, max_age, thumb) = fetch(&app, photo["thumbnail_url"].as_str().unwrap()).await;
        assert_eq!(content_type, "image/jpeg");
        assert!(max_age > 0 && max_age as i64 <= left + 1);
        assert!(!carries_metadata(&thumb), "the thumbnail has no EXIF or GPS");
        assert_eq!(image::load_from_memory(&thumb).unwrap().dimensions(), (320, 240));
        assert!(thumb.len() < original.len());
    }
);

both!(
    async fn a_thumbnail_is_made_once_even_when_two_nodes_list_at_once(app) {
        let s = shop(&app, 1).await;
        let (return_id, _) = return_with_photos(&app, &s.access, &[phone_jpeg(20), phone_jpeg(30)]).await;
        let other = app.another_node().await;
        let (a, b) = tokio::join!(listed(&app, &s.key, &return_id), listed(&other, &s.key, &return_id));
        assert_eq!(a.len(), 2);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x["id"], y["id"]);
            assert_eq!(x["thumbnail_width"], y["thumbnail_width"]);
        }
        let first = thumbnails_recorded(&app).await;
        assert_eq!(first.len(), 2, "one thumbnail per photo");
        let again = listed(&app, &s.key, &return_id).await;
        assert_eq!(thumbnails_recorded(&app).await, first, "listing again makes none");
        // Both nodes serve the one thumbnail.
        let (_, _, one) = fetch(&app, again[0]["thumbnail_url"].as_str().unwrap()).await;
        let (_, _, two) = fetch(&other, a[0]["thumbnail_url"].as_str().unwrap()).await;
        assert_eq!(one, two);
    }
);

both!(
    async fn a_photo_link_works_for_its_own_photo_until_it_expires_and_is_otherwise_not_found(app) {
        let s = shop(&app, 1).await;
        let (return_id, _) = return_with_photos(&app, &s.access, &[phone_jpeg(40), phone_jpeg(50)]).await;
        let list = listed(&app, &s.key, &return_id).await;
        let url = list[0]["url"].as_str().unwrap().to_string();
        let (base, token) = url.split_once("?token=").unwrap();
        let (_, other_token) = list[1]["url"].as_str().unwrap().split_once("?token=").unwrap();
        let not_found = async |url: String| {
            let res = app.client.get(&url).send().await.unwrap();
            assert_problem(res, StatusCode::NOT_FOUND, "photo_not_found").await;
        };
        // Another photo's token, a tampered one, the customer's access token, none at all.
        not_found(format!("{base}?token={other_token}")).await;
        not_found(format!("{base}/thumbnail?token={other_token}")).await;
        let mut tampered = token.to_string();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        not_found(format!("{base}?token={tampered}")).await;
        not_found(format!("{base}?token={}", s.access)).await;
        not_found(base.to_string()).await;
        not_found(app.url("/v1/photos/upl_nope?token=x")).await;
        // The link works, then expires with the clock.
        fetch(&app, &url).await;
        app.state.config.clock.advance(chrono::TimeDelta::minutes(16));
        not_found(url.clone()).await;
        not_found(format!("{base}/thumbnail?token={token}")).await;
        // A new list hands out new links.
        let fresh = listed(&app, &s.key, &return_id).await;
        fetch(&app, fresh[0]["url"].as_str().unwrap()).await;
    }
);

both!(
    async fn another_brands_key_cannot_list_the_photos(app) {
        let s = shop(&app, 1).await;
        let (return_id, _) = return_with_photos(&app, &s.access, &[phone_jpeg(60)]).await;
        let other = app.brand_with_key("globex").await;
        assert_problem(photos(&app, &other, "acme", &return_id).await, StatusCode::NOT_FOUND, "brand_not_found").await;
        assert_problem(photos(&app, &other, "globex", &return_id).await, StatusCode::NOT_FOUND, "return_not_found").await;
        assert_problem(photos(&app, &s.key, "acme", "ret_nope").await, StatusCode::NOT_FOUND, "return_not_found").await;
        let res = photos(&app, &s.access, "acme", &return_id).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
);

both!(
    async fn a_photo_stored_before_stripping_is_served_without_its_metadata(app) {
        let s = shop(&app, 1).await;
        let (return_id, ids) = return_with_photos(&app, &s.access, &[phone_jpeg(70)]).await;
        // As a node before this change stored it: the bytes as uploaded.
        let sha: String = app
            .db
            .read({
                let upload_id = ids[0].clone();
                move |conn| {
                    use diesel::prelude::*;
                    use returns_api::db::schema::uploads::dsl::*;
                    Ok(uploads.find(upload_id).select(sha256).first(conn)?)
                }
            })
            .await
            .unwrap();
        let key = returns_api::storage::Storage::upload_key(&sha);
        app.state.storage.put(&key, phone_jpeg(70), "image/jpeg").await.unwrap();
        let list = listed(&app, &s.key, &return_id).await;
        let (_, _, original) = fetch(&app, list[0]["url"].as_str().unwrap()).await;
        assert!(!carries_metadata(&original));
        let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&original)).unwrap();
        assert!(image::ImageDecoder::exif_metadata(&mut decoder).unwrap().is_none());
        let (_, _, thumb) = fetch(&app, list[0]["thumbnail_url"].as_str().unwrap()).await;
        assert!(!carries_metadata(&thumb));
        // The stored bytes still had it.
        let stored = app.state.storage.get(&key).await.unwrap();
        assert!(Jpeg::from_bytes(stored.into()).unwrap().exif().is_some());
    }
);
