//! The deployment's secrets key: where a node gets it, the start-up pass
//! over the secrets the database holds, and `secrets rotate-key`.
//!
//! A node takes its key from `SECRETS_KEY` or `SECRETS_KEY_FILE`, else from
//! `DATA_DIR/secrets.key`, which it creates when the database holds no
//! encrypted secret yet, on SQLite (one node, or nodes on one machine) and
//! when asked to (`serve --demo`, tests). On PostgreSQL it refuses instead:
//! nodes that each made up a key of their own could not read each other's
//! secrets. Before serving, it checks that every stored secret opens with
//! its keys (else it refuses to start, naming `SECRETS_KEY`), then, in one
//! transaction, seals the secrets an earlier version stored in clear and
//! re-seals those under a decrypt-only key (`SECRETS_KEY_OLD`) with its own.
//!
//! That last step is what makes a rotation roll without downtime: once every
//! node can open values under both keys, it does not matter which key a
//! value is sealed with at any moment (see the README).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::config::SecretsConfig;
use crate::db::secrets::StoredSecret;
use crate::db::{Backend, Db};
use crate::error::ApiError;
use crate::secrets::{Keyring, SecretsKey, is_sealed, key_id};

/// Name of the key file a node without a configured key uses, in `DATA_DIR`.
pub const KEY_FILE: &str = "secrets.key";

/// What a pass over the stored secrets changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Resealed {
    /// Secrets found in clear and sealed.
    pub sealed_clear: usize,
    /// Secrets re-sealed from another key to the current one.
    pub resealed: usize,
}

/// The node's keyring, once every stored secret is known to open with it
/// and is sealed under its current key. Errors say what to set.
pub async fn prepare(db: &Db, config: &SecretsConfig, data_dir: &Path) -> anyhow::Result<Keyring> {
    let (configured, others) = configured_keys(config)?;
    let stored = db.read(|conn| Ok(crate::db::secrets::all(conn)?)).await?;
    let sealed_under: BTreeSet<&str> = stored
        .iter()
        .filter_map(|s| key_id(&s.value).ok())
        .collect();
    let current = match configured {
        Some(key) => key,
        None => {
            let path = data_dir.join(KEY_FILE);
            if path.exists() {
                let key = read_key_file(&path, "the key file")?;
                tracing::info!(key_id = key.id(), path = %path.display(), "secrets key read from the data directory (no SECRETS_KEY)");
                key
            } else if !sealed_under.is_empty() {
                anyhow::bail!(
                    "the database holds secrets encrypted with key {}, but this node has no secrets key: set SECRETS_KEY (or SECRETS_KEY_FILE) to the key they were encrypted with",
                    list(&sealed_under)
                );
            } else if db.backend() == Backend::Postgres && !config.generate_anywhere {
                anyhow::bail!(NO_KEY_ON_POSTGRES);
            } else {
                let key = create_key_file(&path)?;
                tracing::warn!(
                    key_id = key.id(),
                    path = %path.display(),
                    "no SECRETS_KEY: generated a secrets key into the data directory (mode 0600); back it up with the database, without it the webhook secrets and token signing keys cannot be read"
                );
                key
            }
        }
    };
    let keyring = Keyring::new(current, others);
    check(&keyring, &stored)?;
    let done = reseal(db, keyring.clone()).await?;
    if done.sealed_clear > 0 {
        tracing::info!(
            count = done.sealed_clear,
            key_id = keyring.current_id(),
            "encrypted the secrets stored in clear"
        );
    }
    if done.resealed > 0 {
        tracing::info!(
            count = done.resealed,
            key_id = keyring.current_id(),
            "re-encrypted secrets under the current secrets key"
        );
    }
    Ok(keyring)
}

/// Refuses, before the node touches the database, a configuration that
/// [`prepare`] would refuse whatever the database holds: a key that is
/// not one, or no key at all on PostgreSQL.
pub fn precheck(config: &SecretsConfig, data_dir: &Path, backend: Backend) -> anyhow::Result<()> {
    let (configured, _) = configured_keys(config)?;
    if configured.is_none()
        && backend == Backend::Postgres
        && !config.generate_anywhere
        && !data_dir.join(KEY_FILE).exists()
    {
        anyhow::bail!(NO_KEY_ON_POSTGRES);
    }
    Ok(())
}

const NO_KEY_ON_POSTGRES: &str = "a node on PostgreSQL needs the secrets key every node shares: set SECRETS_KEY (or SECRETS_KEY_FILE) to base64 of 32 random bytes, e.g. from `openssl rand -base64 32`";

/// Re-encrypts every stored secret under `next`, in one transaction;
/// returns how many were re-encrypted. `keyring` must open them all (it is
/// the one [`prepare`] returned).
pub async fn rotate_key(db: &Db, keyring: &Keyring, next: SecretsKey) -> anyhow::Result<usize> {
    let rotated = keyring.rotated_to(next);
    let stored = db.read(|conn| Ok(crate::db::secrets::all(conn)?)).await?;
    check(&rotated, &stored)?;
    let done = reseal(db, rotated).await?;
    Ok(done.resealed + done.sealed_clear)
}

/// The key a `NEW_SECRETS_KEY` value or a `--new-key-file` holds.
pub fn read_next_key(
    value: Option<&crate::config::Secret>,
    file: Option<&Path>,
) -> anyhow::Result<SecretsKey> {
    match (value, file) {
        (Some(value), None) => SecretsKey::from_base64(&value.0)
            .map_err(|e| anyhow::anyhow!("NEW_SECRETS_KEY is not a usable key: {e}")),
        (None, Some(path)) => read_key_file(path, "--new-key-file"),
        _ => anyhow::bail!("give the new key either in NEW_SECRETS_KEY or with --new-key-file"),
    }
}

/// The configured key (if any) and the decrypt-only keys.
fn configured_keys(
    config: &SecretsConfig,
) -> anyhow::Result<(Option<SecretsKey>, Vec<SecretsKey>)> {
    let current = match (&config.secrets_key, &config.secrets_key_file) {
        (Some(_), Some(_)) => anyhow::bail!("set SECRETS_KEY or SECRETS_KEY_FILE, not both"),
        (Some(value), None) => Some(
            SecretsKey::from_base64(&value.0)
                .map_err(|e| anyhow::anyhow!("SECRETS_KEY is not a usable key: {e}"))?,
        ),
        (None, Some(path)) => Some(read_key_file(path, "SECRETS_KEY_FILE")?),
        (None, None) => None,
    };
    let mut others = Vec::new();
    for (n, value) in config.secrets_key_old.iter().enumerate() {
        if value.0.trim().is_empty() {
            continue;
        }
        others.push(SecretsKey::from_base64(&value.0).map_err(|e| {
            anyhow::anyhow!("key {} of SECRETS_KEY_OLD is not a usable key: {e}", n + 1)
        })?);
    }
    if let Some(path) = &config.secrets_key_old_file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!("cannot read SECRETS_KEY_OLD_FILE {}: {e}", path.display())
        })?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            others.push(SecretsKey::from_base64(line).map_err(|e| {
                anyhow::anyhow!(
                    "line {} of SECRETS_KEY_OLD_FILE {} is not a usable key: {e}",
                    n + 1,
                    path.display()
                )
            })?);
        }
    }
    Ok((current, others))
}

/// A key file's key; `what` names the file in errors (which never show
/// its content).
fn read_key_file(path: &Path, what: &str) -> anyhow::Result<SecretsKey> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {what} {}: {e}", path.display()))?;
    warn_if_readable_by_others(path);
    SecretsKey::from_base64(&text)
        .map_err(|e| anyhow::anyhow!("{what} {} does not hold a usable key: {e}", path.display()))
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(path = %path.display(), "the secrets key file is readable by other users: chmod 600 it");
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}

/// Writes a new key to `path` (mode 0600). Nodes starting together on one
/// data directory end up with the same key: the file appears whole or not
/// at all (a hard link of a finished file), and the first one wins.
fn create_key_file(path: &Path) -> anyhow::Result<SecretsKey> {
    use std::io::Write;
    let (key, text) = SecretsKey::generate();
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp: PathBuf = dir.join(format!(".{KEY_FILE}.{}", uuid::Uuid::now_v7().simple()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&temp).and_then(|mut file| {
        file.write_all(format!("{text}\n").as_bytes())?;
        file.sync_all()
    });
    let linked = written.and_then(|()| std::fs::hard_link(&temp, path));
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            read_key_file(path, "the key file")
        }
        Err(e) => Err(anyhow::anyhow!(
            "cannot write a secrets key to {}: {e} (or set SECRETS_KEY)",
            path.display()
        )),
    }
}

/// Refuses, naming `SECRETS_KEY`, when a stored secret does not open with
/// `keyring`.
fn check(keyring: &Keyring, stored: &[StoredSecret]) -> anyhow::Result<()> {
    let missing: BTreeSet<&str> = stored
        .iter()
        .filter_map(|s| key_id(&s.value).ok())
        .filter(|id| !keyring.knows(id))
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the database holds secrets encrypted with key {}, which this node does not have (its keys: {}): set SECRETS_KEY (or SECRETS_KEY_FILE) to that key, or list it in SECRETS_KEY_OLD",
            list(&missing),
            keyring.ids().join(", ")
        );
    }
    for s in stored.iter().filter(|s| is_sealed(&s.value)) {
        keyring.open(&s.context(), &s.value).map_err(|e| {
            anyhow::anyhow!(
                "{} of {} {e}; is SECRETS_KEY the key it was encrypted with?",
                s.column.name(),
                s.id
            )
        })?;
    }
    Ok(())
}

fn list(ids: &BTreeSet<&str>) -> String {
    ids.iter().copied().collect::<Vec<_>>().join(", ")
}

/// Seals every stored secret that is in clear or under another key than
/// the current one, in one transaction.
async fn reseal(db: &Db, keyring: Keyring) -> Result<Resealed, ApiError> {
    db.write(move |conn| {
        let mut done = Resealed::default();
        for stored in crate::db::secrets::all(conn)? {
            let context = stored.context();
            let clear = if !is_sealed(&stored.value) {
                done.sealed_clear += 1;
                stored.value.clone()
            } else if key_id(&stored.value).is_ok_and(|id| id == keyring.current_id()) {
                continue;
            } else {
                done.resealed += 1;
                keyring
                    .open(&context, &stored.value)
                    .map_err(ApiError::internal)?
            };
            let sealed = keyring.seal(&context, &clear).map_err(ApiError::internal)?;
            crate::db::secrets::replace(conn, &stored, &sealed)?;
        }
        Ok(done)
    })
    .await
}
