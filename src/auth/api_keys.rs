//! API keys for merchant back ends and operators.
//!
//! A key is `rk_` followed by 40 random base62 characters. Only its SHA-256
//! is stored; the first 11 characters (the prefix) identify it in lists and
//! in `keys revoke`. A merchant key manages the brands it was created for; an
//! admin key manages every brand, creates brands and imports networks.

use rand::Rng;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ErrorCode};

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Operator: every brand, brand creation, service-point imports.
    Admin,
    /// Merchant back end: its own brands only.
    Merchant,
    /// A vendor of one brand: only the vendor routes, only its parts of
    /// that brand's returns. Any merchant or operator resource is not
    /// found for it, like another tenant's.
    Vendor,
}

impl Role {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Merchant => "merchant",
            Role::Vendor => "vendor",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "merchant" => Some(Role::Merchant),
            "vendor" => Some(Role::Vendor),
            _ => None,
        }
    }
}

/// Length of the displayed, stored prefix.
pub const PREFIX_LEN: usize = 11;

/// A freshly generated key: the secret (shown once), its prefix and hash.
pub struct GeneratedKey {
    /// The full key.
    pub key: String,
    /// Its first characters, safe to show.
    pub prefix: String,
    /// Hex SHA-256 of the key.
    pub hash: String,
}

/// Generates a new random key.
pub fn generate() -> GeneratedKey {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    let secret: String = (0..40)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    let key = format!("rk_{secret}");
    GeneratedKey {
        prefix: key[..PREFIX_LEN].to_string(),
        hash: hash(&key),
        key,
    }
}

/// Hex SHA-256 of a key.
pub fn hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// The authenticated caller of a merchant endpoint.
#[derive(Debug, Clone)]
pub struct Merchant {
    /// Key id.
    pub key_id: String,
    /// Role of the key.
    pub role: Role,
    /// Brands a merchant key may manage (empty for admin keys, which manage all).
    pub brand_ids: Vec<String>,
}

impl Merchant {
    /// Fails with 403 unless the key is an admin key (404 for a vendor
    /// key, to which operator resources do not exist).
    pub fn require_admin(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Merchant => Err(ApiError::new(
                ErrorCode::AdminRequired,
                "This operation needs an API key with the admin role.",
            )),
            Role::Vendor => Err(ApiError::new(
                ErrorCode::NotFound,
                "Nothing exists at this path for this key.",
            )),
        }
    }

    /// The brands this key may see: `None` for every brand (admin keys).
    /// A 404 for a vendor key: to it the list of brands does not exist,
    /// like every other route but its own.
    pub fn visible_brands(&self) -> Result<Option<&[String]>, ApiError> {
        match self.role {
            Role::Admin => Ok(None),
            Role::Merchant => Ok(Some(&self.brand_ids)),
            Role::Vendor => Err(ApiError::new(
                ErrorCode::NotFound,
                "Nothing exists at this path for this key.",
            )),
        }
    }

    /// Whether this key may manage the brand (never a vendor key).
    pub fn can_access(&self, brand_id: &str) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Merchant => self.brand_ids.iter().any(|b| b == brand_id),
            Role::Vendor => false,
        }
    }
}

/// The authenticated caller of a vendor endpoint: one vendor of one brand.
#[derive(Debug, Clone)]
pub struct VendorCaller {
    /// Key id (`vky_…`).
    pub key_id: String,
    /// The brand the vendor sells through.
    pub brand_id: String,
    /// The vendor's id within the brand.
    pub vendor_id: String,
}

impl VendorCaller {
    /// How the vendor appears as the actor of events.
    pub fn actor(&self) -> String {
        format!("vendor:{}", self.vendor_id)
    }
}
