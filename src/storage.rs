//! Blobs: uploaded photos and label PDFs, addressed by key
//! (`uploads/ab/abcd…`, `labels/lbl_….pdf`), never by absolute path, so the
//! rows that name them stay valid wherever the data directory is mounted.
//!
//! This is the one place that knows where blobs live. Today that is a local
//! directory (`DATA_DIR`); every write is atomic (a temporary file renamed
//! into place), so a reader never sees half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The blob store of a node.
#[derive(Debug, Clone)]
pub struct Storage {
    root: PathBuf,
}

/// A file being written before it has a key (an upload whose hash is not
/// known until its last byte). Removed when dropped unless committed.
pub struct Staged {
    path: PathBuf,
    file: Option<std::fs::File>,
}

impl Staged {
    /// Appends bytes.
    pub fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => Err(std::io::Error::other("staged file already closed")),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        self.file.take();
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Storage {
    /// Blobs under `root` (the data directory).
    pub fn new(root: impl Into<PathBuf>) -> Storage {
        Storage { root: root.into() }
    }

    /// Key of an uploaded photo with this SHA-256 (hex): one blob per content.
    pub fn upload_key(sha256: &str) -> String {
        format!("uploads/{}/{sha256}", &sha256[..2.min(sha256.len())])
    }

    /// Key of a label's PDF.
    pub fn label_key(label_id: &str) -> String {
        format!("labels/{label_id}.pdf")
    }

    /// Where the blob of `key` lives on this node. Rows written before keys
    /// were stored hold an absolute path, which is taken as it is.
    pub fn path(&self, key: &str) -> PathBuf {
        let given = Path::new(key);
        if given.is_absolute() {
            given.to_path_buf()
        } else {
            self.root.join(given)
        }
    }

    /// Starts a blob whose key is decided when it is complete.
    pub fn stage(&self) -> std::io::Result<Staged> {
        let dir = self.root.join("uploads").join("tmp");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("tmp_{}", uuid::Uuid::now_v7().simple()));
        let file = std::fs::File::create(&path)?;
        Ok(Staged {
            path,
            file: Some(file),
        })
    }

    /// Stores a staged file under `key`; when a blob with that key exists
    /// (same content), the first copy stays.
    pub fn commit(&self, mut staged: Staged, key: &str) -> std::io::Result<()> {
        let target = self.path(key);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if let Some(file) = staged.file.take() {
            file.sync_all()?;
        }
        if !target.exists() {
            std::fs::rename(&staged.path, &target)?;
        }
        Ok(())
    }

    /// Writes `bytes` under `key`, atomically.
    pub fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.path(key);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::now_v7().simple()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path)
    }

    /// The blob of `key`.
    pub fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path(key))
    }

    /// Removes the blob of `key`; whether it existed.
    pub fn remove(&self, key: &str) -> bool {
        std::fs::remove_file(self.path(key)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_relative_and_shard_uploads_by_hash_prefix() {
        assert_eq!(Storage::upload_key("abcdef"), "uploads/ab/abcdef");
        assert_eq!(Storage::label_key("lbl_1"), "labels/lbl_1.pdf");
    }

    #[test]
    fn a_staged_blob_is_kept_only_when_committed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Storage::new(dir.path());
        let mut staged = store.stage().expect("stage");
        staged.write(b"hello").expect("write");
        store.commit(staged, "uploads/aa/aa1").expect("commit");
        assert_eq!(store.get("uploads/aa/aa1").expect("read"), b"hello");

        let mut dropped = store.stage().expect("stage");
        dropped.write(b"bye").expect("write");
        drop(dropped);
        let left = std::fs::read_dir(dir.path().join("uploads/tmp"))
            .expect("dir")
            .count();
        assert_eq!(left, 0);
    }

    #[test]
    fn an_absolute_path_from_older_rows_is_read_as_it_is() {
        let store = Storage::new("/data");
        assert_eq!(
            store.path("/elsewhere/x.pdf"),
            PathBuf::from("/elsewhere/x.pdf")
        );
        assert_eq!(
            store.path("labels/x.pdf"),
            PathBuf::from("/data/labels/x.pdf")
        );
    }
}
