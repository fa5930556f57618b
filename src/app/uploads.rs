//! Photos for return reasons that need them.
//!
//! The type is decided from the bytes (JPEG, PNG or WebP magic numbers),
//! never from the file name or the declared type. The 5 MB limit is enforced
//! while streaming: the upload is refused as soon as the limit is crossed,
//! nothing beyond it is kept. Metadata (EXIF with the GPS position, XMP,
//! comments) is stripped before the photo is hashed and stored
//! (`domain::photos::strip`), so what is stored never carries it; a file
//! that cannot be read as its type is refused. Blobs are stored once per
//! content hash of the stripped photo;
//! uploads not attached to a return within 24 hours are removed by
//! housekeeping.

use futures_util::{Stream, StreamExt};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::AppState;
use super::portal::PortalToken;
use crate::db::uploads::UploadRow;
use crate::domain::photos::{PhotoError, PhotoType};
use crate::error::{ApiError, ErrorCode};
use crate::storage::Storage;

/// Largest photo: 5 MiB.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Most uploads per order.
pub const MAX_UPLOADS_PER_ORDER: i64 = 50;

/// A stored photo.
#[derive(Debug, Serialize, ToSchema)]
pub struct Upload {
    /// Id, for `image_ids` of a return item.
    pub id: String,
    /// Detected type: `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: u64,
}

/// A photo received and staged, not yet stored or recorded.
pub struct StoredFile {
    content_type: &'static str,
    size: usize,
    sha256: String,
    bytes: Vec<u8>,
}

/// 413 for a photo over the limit.
pub fn too_large() -> ApiError {
    ApiError::new(ErrorCode::FileTooLarge, "Photos may be at most 5 MB.")
}

fn detect(head: &[u8]) -> Option<&'static str> {
    match infer::get(head).map(|k| k.mime_type()) {
        Some("image/jpeg") => Some("image/jpeg"),
        Some("image/png") => Some("image/png"),
        Some("image/webp") => Some("image/webp"),
        _ => None,
    }
}

/// 422 `too_many_uploads` unless an order with `existing` photos may have one more.
fn room_for_one(existing: i64) -> Result<(), ApiError> {
    if existing >= MAX_UPLOADS_PER_ORDER {
        return Err(ApiError::new(
            ErrorCode::TooManyUploads,
            "This order has reached its number of photos.",
        ));
    }
    Ok(())
}

/// 422 `too_many_uploads` when the token's order has its number of photos
/// (checked early, before the photo is read; [`record`] checks again).
pub async fn check_room(state: &AppState, token: &PortalToken) -> Result<(), ApiError> {
    let order_id = token.claims.sub.clone();
    let existing = state
        .db
        .read(move |conn| Ok(crate::db::uploads::count_for_order(conn, &order_id)?))
        .await?;
    room_for_one(existing)
}

/// Receives a photo into memory (at most 5 MB, so every blob store takes it
/// in one write): refused as soon as it passes 5 MB (413) and unless its
/// bytes are a JPEG, PNG or WebP image (415). Nothing is stored on failure,
/// nor until [`record`] stores it.
pub async fn receive<S, B>(mut chunks: S) -> Result<StoredFile, ApiError>
where
    S: Stream<Item = Result<B, ApiError>> + Unpin,
    B: AsRef<[u8]>,
{
    let mut bytes = Vec::new();
    let mut size = 0usize;
    let mut head = Vec::with_capacity(64);
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk?;
        let chunk = chunk.as_ref();
        size += chunk.len();
        if size > MAX_UPLOAD_BYTES {
            return Err(too_large());
        }
        if head.len() < 64 {
            head.extend_from_slice(&chunk[..chunk.len().min(64 - head.len())]);
        }
        bytes.extend_from_slice(chunk);
    }
    let Some(content_type) = detect(&head) else {
        return Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "Only JPEG, PNG and WebP photos are accepted.",
        ));
    };
    let bytes = without_metadata(content_type, bytes).await?;
    Ok(StoredFile {
        content_type,
        size: bytes.len(),
        sha256: hex::encode(Sha256::digest(&bytes)),
        bytes,
    })
}

/// The photo without its metadata, upright; 415 when it cannot be read as
/// the type its first bytes claim.
async fn without_metadata(content_type: &'static str, bytes: Vec<u8>) -> Result<Vec<u8>, ApiError> {
    let kind = PhotoType::from_media_type(content_type)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("{content_type} is no photo type")))?;
    let stripped = tokio::task::spawn_blocking(move || crate::domain::photos::strip(kind, bytes))
        .await
        .map_err(ApiError::internal)?;
    match stripped {
        Ok(bytes) => Ok(bytes),
        Err(PhotoError::Unreadable(..)) => Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "The file could not be read as a JPEG, PNG or WebP photo.",
        )),
        Err(e) => Err(ApiError::internal(e)),
    }
}

/// Records a received photo for the token's order and stores it. The
/// order's number of photos is counted and the row inserted in one
/// transaction holding the order row, so concurrent uploads cannot pass the
/// limit together; the file is kept only once the row is in.
pub async fn record(
    state: &AppState,
    token: &PortalToken,
    file: StoredFile,
) -> Result<Upload, ApiError> {
    let row = UploadRow {
        id: crate::domain::ids::new_id("upl"),
        brand_id: token.brand.brand.id.clone(),
        order_id: token.claims.sub.clone(),
        return_id: None,
        content_type: file.content_type.to_string(),
        size_bytes: file.size as i64,
        sha256: file.sha256.clone(),
        created_at: crate::db::now(),
    };
    let saved = row.clone();
    state
        .db
        .write(move |conn| {
            crate::db::orders::with_revision(conn, &saved.brand_id, &saved.order_id, true)?;
            room_for_one(crate::db::uploads::count_for_order(conn, &saved.order_id)?)?;
            Ok(crate::db::uploads::insert(conn, &saved)?)
        })
        .await?;
    let stored = state
        .storage
        .put(
            &Storage::upload_key(&file.sha256),
            file.bytes,
            file.content_type,
        )
        .await;
    if let Err(e) = stored {
        let id = row.id.clone();
        state
            .db
            .write(move |conn| Ok(crate::db::uploads::delete(conn, &id)?))
            .await?;
        return Err(e.into());
    }
    Ok(Upload {
        id: row.id,
        content_type: row.content_type,
        size_bytes: file.size as u64,
    })
}
