//! Customer photos for reviewers: the list of a return's photos with
//! short-lived links, and the photos and thumbnails behind those links.
//!
//! A link is self-authenticating like a label URL: `?token=…` is a signed
//! token (scope `photo`, subject the upload id, the brand) that expires
//! after [`LINK_TTL`], measured on the node's clock. A wrong, expired or
//! another photo's token answers 404 `photo_not_found`, exactly as a photo
//! that does not exist, so a link reveals nothing about other photos.
//!
//! Thumbnails are made the first time a reviewer lists the photo and kept
//! (one per stored content, see `db::thumbnails`).
//!
//! Photos are stored without EXIF and other metadata since they are
//! stripped at upload (`app::uploads`). Photos stored before that keep
//! their bytes in the blob store, so every original is stripped again on
//! its way out (for photos stored since, that changes nothing), and
//! thumbnails are made from the stripped photo: no photo is served with
//! its metadata.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::{AppState, merchant_brand};
use crate::auth::Merchant;
use crate::auth::tokens::{PHOTO_AUDIENCE, Scope};
use crate::db::thumbnails::ThumbnailRow;
use crate::db::uploads::UploadRow;
use crate::domain::photos::{LINK_TTL, PhotoType};
use crate::error::{ApiError, ErrorCode};
use crate::storage::Storage;

/// A photo of a return, as a reviewer sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PhotoView {
    /// Upload id (as in the item's `image_ids`).
    #[schema(example = "upl_01JEXAMPLE")]
    pub id: String,
    /// The return item it was sent with.
    pub return_item_id: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    /// Size of the stored photo in bytes.
    pub size_bytes: u64,
    /// Width in pixels (null when the photo could not be read).
    pub width: Option<u32>,
    /// Height in pixels (null when the photo could not be read).
    pub height: Option<u32>,
    /// The photo, without its metadata (EXIF, GPS position, XMP). Works
    /// without credentials until `expires_at`.
    pub url: String,
    /// A JPEG at most 320 pixels on its long side, until `expires_at`
    /// (null when the photo could not be read).
    pub thumbnail_url: Option<String>,
    /// Thumbnail width in pixels.
    pub thumbnail_width: Option<u32>,
    /// Thumbnail height in pixels.
    pub thumbnail_height: Option<u32>,
    /// When `url` and `thumbnail_url` stop working (list again for new ones).
    pub expires_at: DateTime<Utc>,
}

/// A return's photos, in item order.
#[derive(Debug, Serialize, ToSchema)]
pub struct PhotoList {
    /// The photos.
    pub data: Vec<PhotoView>,
}

/// A photo or thumbnail to send.
pub struct PhotoFile {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Their media type.
    pub content_type: &'static str,
    /// How long a client may keep them: never past the link.
    pub max_age: u64,
}

fn photo_not_found() -> ApiError {
    ApiError::new(
        ErrorCode::PhotoNotFound,
        "No such photo, or this photo link is invalid or expired.",
    )
}

/// The photos of one of the merchant's returns with fresh links; makes the
/// thumbnails not made yet.
pub async fn list(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<PhotoList, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    let (photos, thumbnails) = state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let full = crate::db::returns::load(conn, &brand.id, &id)?
                .ok_or_else(super::return_not_found)?;
            let uploads = crate::db::uploads::for_return(conn, &full.ret.id)?;
            let mut photos = Vec::new();
            for item in &full.items {
                let ids: Vec<String> = serde_json::from_str(&item.image_ids).unwrap_or_default();
                for upload in ids
                    .iter()
                    .filter_map(|i| uploads.iter().find(|u| &u.id == i))
                {
                    photos.push((item.id.clone(), upload.clone()));
                }
            }
            let hashes: Vec<String> = photos.iter().map(|(_, u)| u.sha256.clone()).collect();
            let thumbnails = crate::db::thumbnails::for_hashes(conn, &hashes)?;
            Ok((photos, thumbnails))
        })
        .await?;
    let now = state.config.clock.now().and_utc();
    let mut data = Vec::with_capacity(photos.len());
    for (item_id, upload) in photos {
        let thumbnail = match thumbnails.iter().find(|t| t.sha256 == upload.sha256) {
            Some(made) => Some(made.clone()),
            None => make_thumbnail(state, &upload).await?,
        };
        data.push(photo_view(state, now, item_id, upload, thumbnail)?);
    }
    Ok(PhotoList { data })
}

fn photo_view(
    state: &AppState,
    now: DateTime<Utc>,
    return_item_id: String,
    upload: UploadRow,
    thumbnail: Option<ThumbnailRow>,
) -> Result<PhotoView, ApiError> {
    let (token, expires_at) =
        state
            .keys
            .issue_at(now, Scope::Photo, &upload.brand_id, &upload.id, LINK_TTL)?;
    let url = format!("{}/v1/photos/{}", state.public_url, upload.id);
    let size = |v: i32| u32::try_from(v).ok();
    Ok(PhotoView {
        return_item_id,
        content_type: upload.content_type,
        size_bytes: u64::try_from(upload.size_bytes).unwrap_or(0),
        width: thumbnail.as_ref().and_then(|t| size(t.photo_width)),
        height: thumbnail.as_ref().and_then(|t| size(t.photo_height)),
        thumbnail_url: thumbnail
            .as_ref()
            .map(|_| format!("{url}/thumbnail?token={token}")),
        thumbnail_width: thumbnail.as_ref().and_then(|t| size(t.width)),
        thumbnail_height: thumbnail.as_ref().and_then(|t| size(t.height)),
        url: format!("{url}?token={token}"),
        id: upload.id,
        expires_at,
    })
}

/// Makes, stores and records the thumbnail of a photo's content; the one
/// recorded (another node's, when it was quicker). None when the photo
/// cannot be read as a picture: it is listed without a thumbnail.
async fn make_thumbnail(
    state: &AppState,
    upload: &UploadRow,
) -> Result<Option<ThumbnailRow>, ApiError> {
    let Some(kind) = PhotoType::from_media_type(&upload.content_type) else {
        return Ok(None);
    };
    let stored = state
        .storage
        .get(&Storage::upload_key(&upload.sha256))
        .await?;
    let made = tokio::task::spawn_blocking(move || {
        let photo = crate::domain::photos::strip(kind, stored)?;
        crate::domain::photos::thumbnail(kind, &photo)
    })
    .await
    .map_err(ApiError::internal)?;
    let made = match made {
        Ok(made) => made,
        Err(e) => {
            tracing::warn!(upload = upload.id, error = %e, "no thumbnail for a photo");
            return Ok(None);
        }
    };
    let key = Storage::thumbnail_key(&upload.sha256);
    state.storage.put(&key, made.bytes, "image/jpeg").await?;
    let side = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let row = ThumbnailRow {
        sha256: upload.sha256.clone(),
        blob_key: key,
        width: side(made.width),
        height: side(made.height),
        photo_width: side(made.photo_width),
        photo_height: side(made.photo_height),
        created_at: crate::db::now(),
    };
    let kept = state
        .db
        .write(move |conn| Ok(crate::db::thumbnails::insert_once(conn, &row)?))
        .await?;
    Ok(Some(kept))
}

/// The photo of a link, with the seconds the link has left: its token must
/// be a photo token for this photo, of the photo's brand, and the photo
/// attached to a return; anything else is 404.
async fn authorized(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> Result<(UploadRow, u64), ApiError> {
    let token = token.ok_or_else(photo_not_found)?;
    let now = state.config.clock.now().and_utc();
    let claims = match state
        .keys
        .verify_at(&state.db, token, PHOTO_AUDIENCE, now)
        .await
    {
        Ok(claims) => claims,
        Err(e) if e.code() == ErrorCode::InvalidToken => return Err(photo_not_found()),
        Err(e) => return Err(e),
    };
    if claims.scope != Scope::Photo || claims.sub != id {
        return Err(photo_not_found());
    }
    let upload_id = id.to_string();
    let upload = state
        .db
        .read(move |conn| Ok(crate::db::uploads::by_id(conn, &upload_id)?))
        .await?
        .filter(|u| u.brand_id == claims.brand && u.return_id.is_some())
        .ok_or_else(photo_not_found)?;
    let max_age = crate::domain::photos::cache_seconds(now.timestamp(), claims.exp);
    Ok((upload, max_age))
}

/// The photo of a photo link, without its metadata.
pub async fn original(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> Result<PhotoFile, ApiError> {
    let (upload, max_age) = authorized(state, id, token).await?;
    let kind = PhotoType::from_media_type(&upload.content_type).ok_or_else(photo_not_found)?;
    let stored = state
        .storage
        .get(&Storage::upload_key(&upload.sha256))
        .await?;
    let stripped = tokio::task::spawn_blocking(move || crate::domain::photos::strip(kind, stored))
        .await
        .map_err(ApiError::internal)?;
    let bytes = stripped.map_err(|e| {
        // Only photos stored before uploads were checked can be unreadable;
        // what they carry cannot be known, so they are not served.
        tracing::warn!(upload = upload.id, error = %e, "stored photo unreadable; not served");
        photo_not_found()
    })?;
    Ok(PhotoFile {
        bytes,
        content_type: kind.media_type(),
        max_age,
    })
}

/// The thumbnail of a photo link (a JPEG).
pub async fn thumbnail(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> Result<PhotoFile, ApiError> {
    let (upload, max_age) = authorized(state, id, token).await?;
    let sha = upload.sha256.clone();
    let made = state
        .db
        .read(move |conn| Ok(crate::db::thumbnails::of_hash(conn, &sha)?))
        .await?
        .ok_or_else(photo_not_found)?;
    Ok(PhotoFile {
        bytes: state.storage.get(&made.blob_key).await?,
        content_type: "image/jpeg",
        max_age,
    })
}
