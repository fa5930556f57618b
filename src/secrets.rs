//! Encryption of the secrets the database keeps (webhook signing secrets,
//! the keys that sign portal and label tokens), so a dump or a backup of
//! the database alone cannot forge a webhook or a token.
//!
//! A value is sealed with AES-256-GCM under the operator's key, with a
//! fresh random 96-bit nonce, and stored as text:
//!
//! ```text
//! v1:<key id>:<base64 of nonce ‖ ciphertext ‖ tag>
//! ```
//!
//! The key id is derived from the key itself (a truncated SHA-256 under a
//! label of its own), so nobody has to name keys, each row says which key
//! opens it, and a node can hold the current key and older ones while a
//! rotation rolls out. The caller passes a context (the row's table and
//! id) that is authenticated with the value: a sealed value copied to
//! another row does not open there.
//!
//! This module knows nothing of configuration or the database; `app::secrets`
//! decides where the key comes from and which rows hold secrets.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Length of a key in bytes (AES-256).
pub const KEY_LEN: usize = 32;
/// Prefix of a value sealed in the current format.
const VERSION: &str = "v1";
const NONCE_LEN: usize = 12;
/// Hex digits of a key id (48 bits: two keys of one deployment never share one).
const KEY_ID_LEN: usize = 12;

/// Why a key or a sealed value was not accepted. No variant carries key
/// material or plaintext, so the errors may be logged and shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretsError {
    /// The key does not decode to 32 bytes.
    #[error("a secrets key is 32 bytes in base64 (this one has {0} bytes)")]
    KeyLength(usize),
    /// The key is not base64.
    #[error("a secrets key is base64 (of 32 random bytes)")]
    KeyEncoding,
    /// The value is not in the `v1:<key id>:<data>` format.
    #[error("not an encrypted value")]
    NotSealed,
    /// The value was sealed under a key this keyring lacks.
    #[error("encrypted with key {0}, which is not among this node's keys")]
    UnknownKey(String),
    /// The key id matches but the value does not open: altered, moved to
    /// another row, or sealed under another key.
    #[error("cannot be decrypted with key {0}: the value was altered or belongs to another row")]
    Undecryptable(String),
    /// Encryption failed (only for absurdly long values).
    #[error("cannot encrypt the value")]
    Seal,
}

/// One AES-256 key and its id.
#[derive(Clone)]
pub struct SecretsKey {
    id: String,
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for SecretsKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretsKey({})", self.id)
    }
}

impl SecretsKey {
    /// A key from its 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<SecretsKey, SecretsError> {
        let bytes: &[u8; KEY_LEN] = bytes
            .try_into()
            .map_err(|_| SecretsError::KeyLength(bytes.len()))?;
        Ok(SecretsKey::from_array(bytes))
    }

    fn from_array(bytes: &[u8; KEY_LEN]) -> SecretsKey {
        let mut hasher = Sha256::new();
        hasher.update(b"returns-api secrets key id\0");
        hasher.update(bytes);
        SecretsKey {
            id: hex::encode(hasher.finalize())[..KEY_ID_LEN].to_string(),
            cipher: Aes256Gcm::new(&(*bytes).into()),
        }
    }

    /// A key from base64 text (standard or URL-safe alphabet, padded or
    /// not, surrounding whitespace ignored), as `openssl rand -base64 32`
    /// writes it.
    pub fn from_base64(text: &str) -> Result<SecretsKey, SecretsError> {
        use base64::engine::general_purpose::{
            STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD,
        };
        let text = text.trim();
        let bytes = [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
            .iter()
            .find_map(|engine| engine.decode(text).ok())
            .ok_or(SecretsError::KeyEncoding)?;
        SecretsKey::from_bytes(&bytes)
    }

    /// A new random key and its base64 text (to write to a key file).
    pub fn generate() -> (SecretsKey, String) {
        let mut bytes = [0u8; KEY_LEN];
        rand::rng().fill_bytes(&mut bytes);
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        (SecretsKey::from_array(&bytes), text)
    }

    /// The key's id, as written into every value it seals.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The id of the key a sealed value names.
pub fn key_id(sealed: &str) -> Result<&str, SecretsError> {
    parts(sealed).map(|(id, _)| id)
}

/// Whether `value` is sealed (as opposed to a secret written in clear by a
/// version before encryption). Clear secrets never contain `:`.
pub fn is_sealed(value: &str) -> bool {
    value.starts_with("v1:")
}

fn parts(sealed: &str) -> Result<(&str, &str), SecretsError> {
    let mut parts = sealed.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(VERSION), Some(id), Some(data))
            if id.len() == KEY_ID_LEN && id.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Ok((id, data))
        }
        _ => Err(SecretsError::NotSealed),
    }
}

/// The keys of a node: the current one seals and opens; the others (older
/// keys, or the next one during a rotation) only open.
#[derive(Debug, Clone)]
pub struct Keyring {
    current: SecretsKey,
    others: Vec<SecretsKey>,
}

impl Keyring {
    /// A keyring sealing under `current` and opening with it and `others`.
    pub fn new(current: SecretsKey, others: Vec<SecretsKey>) -> Keyring {
        let mut kept: Vec<SecretsKey> = Vec::new();
        for key in others {
            if key.id != current.id && kept.iter().all(|k| k.id != key.id) {
                kept.push(key);
            }
        }
        Keyring {
            current,
            others: kept,
        }
    }

    /// This keyring with `next` as the key that seals, every key of this
    /// one still opening (a rotation).
    pub fn rotated_to(&self, next: SecretsKey) -> Keyring {
        let keys = std::iter::once(self.current.clone()).chain(self.others.iter().cloned());
        Keyring::new(next, keys.collect())
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    /// The ids of every key this keyring opens with, the current one first.
    pub fn ids(&self) -> Vec<&str> {
        std::iter::once(&self.current)
            .chain(&self.others)
            .map(SecretsKey::id)
            .collect()
    }

    /// Whether a value sealed under key `id` opens here.
    pub fn knows(&self, id: &str) -> bool {
        self.key(id).is_some()
    }

    fn key(&self, id: &str) -> Option<&SecretsKey> {
        std::iter::once(&self.current)
            .chain(&self.others)
            .find(|k| k.id == id)
    }

    /// Seals `plaintext` under the current key, bound to `context`.
    pub fn seal(&self, context: &str, plaintext: &str) -> Result<String, SecretsError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = self
            .current
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SecretsError::Seal)?;
        let mut data = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        data.extend_from_slice(&nonce);
        data.extend_from_slice(&ciphertext);
        Ok(format!(
            "{VERSION}:{}:{}",
            self.current.id,
            base64::engine::general_purpose::STANDARD.encode(data)
        ))
    }

    /// Opens a value sealed under any key of the keyring with `context`.
    pub fn open(&self, context: &str, sealed: &str) -> Result<String, SecretsError> {
        let (id, data) = parts(sealed)?;
        let key = self
            .key(id)
            .ok_or_else(|| SecretsError::UnknownKey(id.to_string()))?;
        let undecryptable = || SecretsError::Undecryptable(id.to_string());
        let data = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|_| undecryptable())?;
        if data.len() < NONCE_LEN {
            return Err(undecryptable());
        }
        let (nonce, ciphertext) = data.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| undecryptable())?;
        let plaintext = key
            .cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| undecryptable())?;
        String::from_utf8(plaintext).map_err(|_| undecryptable())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SecretsKey {
        SecretsKey::from_bytes(&[byte; KEY_LEN]).unwrap()
    }

    #[test]
    fn a_sealed_value_opens_to_what_was_sealed_and_does_not_show_it() {
        let ring = Keyring::new(key(1), vec![]);
        let sealed = ring.seal("webhook_endpoints:whe_1", "whsec_abc").unwrap();
        assert!(!sealed.contains("whsec_abc"), "{sealed}");
        assert!(is_sealed(&sealed));
        assert_eq!(
            ring.open("webhook_endpoints:whe_1", &sealed).unwrap(),
            "whsec_abc"
        );
    }

    #[test]
    fn the_same_value_sealed_twice_looks_different() {
        let ring = Keyring::new(key(1), vec![]);
        assert_ne!(ring.seal("c", "s").unwrap(), ring.seal("c", "s").unwrap());
    }

    #[test]
    fn the_key_id_is_read_from_the_value_and_is_the_sealing_keys() {
        let ring = Keyring::new(key(1), vec![]);
        let sealed = ring.seal("c", "s").unwrap();
        assert_eq!(key_id(&sealed).unwrap(), key(1).id());
        assert_eq!(key(1).id().len(), 12);
        assert_ne!(key(1).id(), key(2).id());
        assert!(sealed.starts_with(&format!("v1:{}:", key(1).id())));
        assert_eq!(key_id("whsec_abc"), Err(SecretsError::NotSealed));
        assert_eq!(key_id("v1:xyz:abc"), Err(SecretsError::NotSealed));
        assert_eq!(key_id("v2:0123456789ab:abc"), Err(SecretsError::NotSealed));
    }

    #[test]
    fn another_key_refuses_to_open_a_value() {
        let sealed = Keyring::new(key(1), vec![]).seal("c", "s").unwrap();
        let other = Keyring::new(key(2), vec![]);
        assert_eq!(
            other.open("c", &sealed),
            Err(SecretsError::UnknownKey(key(1).id().to_string()))
        );
    }

    #[test]
    fn an_altered_value_is_refused() {
        let ring = Keyring::new(key(1), vec![]);
        let sealed = ring.seal("c", "a secret").unwrap();
        let (head, data) = sealed.rsplit_once(':').unwrap();
        let mut bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        for at in [0, NONCE_LEN, bytes.len() - 1] {
            bytes[at] ^= 1;
            let altered = format!(
                "{head}:{}",
                base64::engine::general_purpose::STANDARD.encode(&bytes)
            );
            assert_eq!(
                ring.open("c", &altered),
                Err(SecretsError::Undecryptable(key(1).id().to_string()))
            );
            bytes[at] ^= 1;
        }
        assert!(ring.open("c", &format!("{head}:AAAA")).is_err());
        assert!(ring.open("c", &format!("{head}:not base64!")).is_err());
    }

    #[test]
    fn a_value_moved_to_another_row_is_refused() {
        let ring = Keyring::new(key(1), vec![]);
        let sealed = ring.seal("signing_keys:kid_1", "s").unwrap();
        assert!(matches!(
            ring.open("signing_keys:kid_2", &sealed),
            Err(SecretsError::Undecryptable(_))
        ));
    }

    #[test]
    fn an_older_key_still_opens_but_only_the_current_one_seals() {
        let old = Keyring::new(key(1), vec![]).seal("c", "s").unwrap();
        let ring = Keyring::new(key(2), vec![key(1), key(2)]);
        assert_eq!(ring.open("c", &old).unwrap(), "s");
        assert_eq!(key_id(&ring.seal("c", "s").unwrap()).unwrap(), key(2).id());
        assert_eq!(ring.ids(), vec![key(2).id(), key(1).id()]);
        assert!(ring.knows(key(1).id()) && !ring.knows(key(3).id()));
    }

    #[test]
    fn a_rotated_keyring_seals_under_the_next_key_and_opens_with_every_key() {
        let ring = Keyring::new(key(1), vec![key(2)]);
        let before = ring.seal("c", "s").unwrap();
        let rotated = ring.rotated_to(key(3));
        assert_eq!(rotated.ids(), vec![key(3).id(), key(1).id(), key(2).id()]);
        assert_eq!(rotated.open("c", &before).unwrap(), "s");
        assert_eq!(
            key_id(&rotated.seal("c", "s").unwrap()).unwrap(),
            key(3).id()
        );
    }

    #[test]
    fn keys_are_read_from_base64_of_exactly_32_bytes() {
        let (generated, text) = SecretsKey::generate();
        assert_eq!(
            SecretsKey::from_base64(&format!(" {text}\n")).unwrap().id(),
            generated.id()
        );
        let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([7u8; 32]);
        assert_eq!(
            SecretsKey::from_base64(&url_safe).unwrap().id(),
            key(7).id()
        );
        let short = base64::engine::general_purpose::STANDARD.encode([7u8; 16]);
        assert_eq!(
            SecretsKey::from_base64(&short).unwrap_err(),
            SecretsError::KeyLength(16)
        );
        assert_eq!(
            SecretsKey::from_base64("not a key!").unwrap_err(),
            SecretsError::KeyEncoding
        );
    }

    #[test]
    fn a_key_never_shows_in_debug_output() {
        let (key, text) = SecretsKey::generate();
        let shown = format!("{:?}", Keyring::new(key.clone(), vec![key]));
        assert!(!shown.contains(&text), "{shown}");
    }
}
