//! Blobs: uploaded photos and label PDFs, addressed by key
//! (`uploads/ab/abcd…`, `labels/lbl_….pdf`), never by absolute path, so the
//! rows that name them stay valid wherever the blobs live and every node of a
//! deployment reads the same blob under the same key.
//!
//! This is the one place that knows where blobs live: [`Storage`] is the
//! interface, [`BlobStore`] the backends behind it:
//!
//! * a local directory ([`LocalDir`], `DATA_DIR`): the default on SQLite;
//!   every write is atomic (a temporary file renamed into place), so a
//!   reader never sees half a file. Only nodes sharing that directory see
//!   the blobs.
//! * the database (`blobs` table, implemented next to the other rows in
//!   `db::blobs`): the default on PostgreSQL, so every node on the database
//!   serves every blob without shared disks.
//! * S3-compatible object storage ([`ObjectStorage`], `BLOB_STORE=s3://…`).
//!
//! Blobs are small (photos are at most 5 MB, label PDFs a few KB), so each
//! is handled as one in-memory buffer: received whole, then stored with one
//! write, and read back whole. No backend streams.

use std::fmt;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;

use crate::error::{ApiError, ErrorCode};

/// Why a blob could not be stored or read.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// No blob has this key.
    #[error("no blob {0}")]
    NotFound(String),
    /// The store failed or could not be reached.
    #[error("blob store unavailable: {0}")]
    Unavailable(String),
}

impl StorageError {
    fn from_io(key: &str, err: std::io::Error) -> StorageError {
        match err.kind() {
            std::io::ErrorKind::NotFound => StorageError::NotFound(key.to_string()),
            _ => StorageError::Unavailable(format!("{key}: {err}")),
        }
    }
}

impl From<StorageError> for ApiError {
    /// A blob store fault is 503 `storage_unavailable` with `Retry-After`:
    /// the store (or the node's access to it) is at fault, not the request.
    /// A blob that should exist and does not counts as well: on a node that
    /// does not share the store of the node that wrote it, it cannot be
    /// served, and another node (or a retry after a restore) may serve it.
    fn from(err: StorageError) -> ApiError {
        tracing::warn!(error = %err, "blob store unavailable");
        ApiError::new(
            ErrorCode::StorageUnavailable,
            "Stored files are temporarily unavailable; retry shortly.",
        )
        .with_header("retry-after", "2")
    }
}

/// What a backend operation returns.
pub type BlobFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + Send + 'a>>;

/// A place that keeps blobs by key. Keys are relative paths of `/`-separated
/// segments; a write under an existing key replaces the blob.
pub trait BlobStore: fmt::Debug + Send + Sync {
    /// Backend name (`local`, `database`, `s3`), for logs.
    fn kind(&self) -> &'static str;
    /// Stores `bytes` under `key`, replacing any blob there.
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>, content_type: &'a str)
    -> BlobFuture<'a, ()>;
    /// The blob of `key`.
    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Vec<u8>>;
    /// Removes the blob of `key`; whether it existed (as far as the backend knows).
    fn remove<'a>(&'a self, key: &'a str) -> BlobFuture<'a, bool>;
}

/// The blob store of a node.
#[derive(Debug, Clone)]
pub struct Storage {
    backend: Arc<dyn BlobStore>,
}

impl Storage {
    /// Blobs in `backend`.
    pub fn new(backend: impl BlobStore + 'static) -> Storage {
        Storage {
            backend: Arc::new(backend),
        }
    }

    /// Blobs under the local directory `root` (the data directory).
    pub fn local(root: impl Into<PathBuf>) -> Storage {
        Storage::new(LocalDir { root: root.into() })
    }

    /// Backend name (`local`, `database`, `s3`).
    pub fn kind(&self) -> &'static str {
        self.backend.kind()
    }

    /// Key of an uploaded photo with this SHA-256 (hex): one blob per content.
    pub fn upload_key(sha256: &str) -> String {
        format!("uploads/{}/{sha256}", &sha256[..2.min(sha256.len())])
    }

    /// Key of the thumbnail of the uploaded photo with this SHA-256.
    pub fn thumbnail_key(sha256: &str) -> String {
        format!("thumbnails/{}/{sha256}.jpg", &sha256[..2.min(sha256.len())])
    }

    /// Key of a label's PDF.
    pub fn label_key(label_id: &str) -> String {
        format!("labels/{label_id}.pdf")
    }

    /// Whether `key` is a path written before keys were stored (an absolute
    /// file path of the node that wrote it) rather than a key.
    pub fn is_legacy_path(key: &str) -> bool {
        Path::new(key).is_absolute()
    }

    /// Stores `bytes` (held in memory; blobs are small) under `key`,
    /// replacing any blob there.
    pub async fn put(
        &self,
        key: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> Result<(), StorageError> {
        self.backend.put(key, bytes, content_type).await
    }

    /// The blob of `key`, read whole. A legacy absolute path (see
    /// [`Storage::is_legacy_path`]) is read from this node's file system,
    /// whatever the backend.
    pub async fn get(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        if Storage::is_legacy_path(key) {
            return read_file(PathBuf::from(key), key.to_string()).await;
        }
        self.backend.get(key).await
    }

    /// Removes the blob of `key`; whether it existed.
    pub async fn remove(&self, key: &str) -> Result<bool, StorageError> {
        self.backend.remove(key).await
    }

    /// Whether the store works now: a small blob under `probes/<name>` is
    /// written, read back and removed, within `timeout`.
    pub async fn probe(
        &self,
        name: &str,
        timeout: std::time::Duration,
    ) -> Result<(), StorageError> {
        let key = format!("probes/{name}");
        let bytes = format!("probe {name}").into_bytes();
        let round_trip = async {
            self.put(&key, bytes.clone(), "text/plain").await?;
            let back = self.get(&key).await?;
            self.remove(&key).await?;
            if back == bytes {
                Ok(())
            } else {
                Err(StorageError::Unavailable(format!(
                    "{key}: read back other bytes"
                )))
            }
        };
        tokio::time::timeout(timeout, round_trip)
            .await
            .unwrap_or_else(|_| {
                Err(StorageError::Unavailable(format!(
                    "{key}: no answer within {timeout:?}"
                )))
            })
    }
}

async fn read_file(path: PathBuf, key: String) -> Result<Vec<u8>, StorageError> {
    blocking(move || std::fs::read(&path).map_err(|e| StorageError::from_io(&key, e))).await
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StorageError> + Send + 'static,
) -> Result<T, StorageError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StorageError::Unavailable(format!("blob task failed: {e}")))?
}

/// Blobs as files under a directory, one file per key.
#[derive(Debug, Clone)]
pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    /// Where the blob of `key` lives. Keys are made by this module
    /// ([`Storage::upload_key`], [`Storage::label_key`]), never by clients.
    fn path(&self, key: &str) -> PathBuf {
        self.root.join(key)
    }
}

impl BlobStore for LocalDir {
    fn kind(&self) -> &'static str {
        "local"
    }

    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>, _: &'a str) -> BlobFuture<'a, ()> {
        let (path, key) = (self.path(key), key.to_string());
        Box::pin(blocking(move || {
            let io = |e| StorageError::from_io(&key, e);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io)?;
            }
            let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::now_v7().simple()));
            let written = std::fs::write(&tmp, &bytes).and_then(|()| std::fs::rename(&tmp, &path));
            if written.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            written.map_err(io)
        }))
    }

    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Vec<u8>> {
        Box::pin(read_file(self.path(key), key.to_string()))
    }

    fn remove<'a>(&'a self, key: &'a str) -> BlobFuture<'a, bool> {
        let path = self.path(key);
        Box::pin(blocking(move || Ok(std::fs::remove_file(path).is_ok())))
    }
}

/// Blobs in an S3-compatible bucket, under a prefix.
#[derive(Debug)]
pub struct ObjectStorage {
    store: Arc<dyn object_store::ObjectStore>,
}

impl ObjectStorage {
    /// The bucket of `url` (`s3://bucket` or `s3://bucket/prefix`), with
    /// credentials, region and endpoint from the standard AWS environment
    /// variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_REGION`, `AWS_ENDPOINT` and `AWS_ALLOW_HTTP=true` for MinIO
    /// and the like).
    pub fn from_url(url: &str) -> anyhow::Result<ObjectStorage> {
        let parsed = url::Url::parse(url).map_err(|e| anyhow::anyhow!("BLOB_STORE {url}: {e}"))?;
        let bucket = parsed.host_str().unwrap_or_default();
        if parsed.scheme() != "s3" || bucket.is_empty() {
            anyhow::bail!("BLOB_STORE must be local, database or s3://BUCKET[/PREFIX] (got {url})");
        }
        // A store that is down answers within seconds (a 503 to the
        // request), not after minutes of retries.
        let retry = object_store::RetryConfig {
            max_retries: 3,
            retry_timeout: std::time::Duration::from_secs(10),
            ..Default::default()
        };
        let s3 = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .with_retry(retry)
            .build()
            .map_err(|e| anyhow::anyhow!("BLOB_STORE {url}: {e}"))?;
        let prefix = parsed.path().trim_matches('/');
        let store: Arc<dyn object_store::ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(s3, prefix))
        };
        Ok(ObjectStorage { store })
    }
}

fn object_error(key: &str, err: object_store::Error) -> StorageError {
    match err {
        object_store::Error::NotFound { .. } => StorageError::NotFound(key.to_string()),
        other => StorageError::Unavailable(format!("{key}: {other}")),
    }
}

impl BlobStore for ObjectStorage {
    fn kind(&self) -> &'static str {
        "s3"
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: Vec<u8>,
        content_type: &'a str,
    ) -> BlobFuture<'a, ()> {
        Box::pin(async move {
            let attributes = [(
                object_store::Attribute::ContentType,
                object_store::AttributeValue::from(content_type.to_string()),
            )]
            .into_iter()
            .collect();
            let options = object_store::PutOptions {
                attributes,
                ..Default::default()
            };
            self.store
                .put_opts(&object_store::path::Path::from(key), bytes.into(), options)
                .await
                .map_err(|e| object_error(key, e))?;
            Ok(())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Vec<u8>> {
        Box::pin(async move {
            let found = self
                .store
                .get_opts(&object_store::path::Path::from(key), Default::default())
                .await
                .map_err(|e| object_error(key, e))?;
            let bytes = found.bytes().await.map_err(|e| object_error(key, e))?;
            Ok(bytes.to_vec())
        })
    }

    fn remove<'a>(&'a self, key: &'a str) -> BlobFuture<'a, bool> {
        Box::pin(async move {
            use object_store::ObjectStoreExt;
            let path = object_store::path::Path::from(key);
            match self.store.head(&path).await {
                Err(object_store::Error::NotFound { .. }) => return Ok(false),
                Err(e) => return Err(object_error(key, e)),
                Ok(_) => {}
            }
            self.store
                .delete(&path)
                .await
                .map_err(|e| object_error(key, e))?;
            Ok(true)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_relative_and_shard_uploads_by_hash_prefix() {
        assert_eq!(Storage::upload_key("abcdef"), "uploads/ab/abcdef");
        assert_eq!(Storage::label_key("lbl_1"), "labels/lbl_1.pdf");
        assert_eq!(Storage::thumbnail_key("abcdef"), "thumbnails/ab/abcdef.jpg");
        assert!(!Storage::is_legacy_path("labels/lbl_1.pdf"));
        assert!(Storage::is_legacy_path("/data/labels/lbl_1.pdf"));
    }

    #[tokio::test]
    async fn a_local_blob_is_written_whole_read_back_and_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Storage::local(dir.path());
        store
            .put("uploads/aa/aa1", b"hello".to_vec(), "image/png")
            .await
            .expect("put");
        assert_eq!(store.get("uploads/aa/aa1").await.expect("read"), b"hello");
        let files: Vec<_> = std::fs::read_dir(dir.path().join("uploads/aa"))
            .expect("dir")
            .collect();
        assert_eq!(files.len(), 1, "no temporary file is left behind");
        assert!(store.remove("uploads/aa/aa1").await.expect("remove"));
        assert!(!store.remove("uploads/aa/aa1").await.expect("remove"));
        assert!(matches!(
            store.get("uploads/aa/aa1").await,
            Err(StorageError::NotFound(_))
        ));
    }

    #[tokio::test]
    async fn an_absolute_path_from_older_rows_is_read_from_the_file_system() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = dir.path().join("old.pdf");
        std::fs::write(&old, b"%PDF").expect("write");
        let store = Storage::local(dir.path().join("elsewhere"));
        let key = old.to_str().expect("utf-8");
        assert_eq!(store.get(key).await.expect("read"), b"%PDF");
    }

    #[test]
    fn only_s3_urls_name_an_object_store() {
        assert!(ObjectStorage::from_url("gs://bucket").is_err());
        assert!(ObjectStorage::from_url("s3://").is_err());
    }
}
