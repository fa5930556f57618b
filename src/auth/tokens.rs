//! Portal and label tokens: HS256 JWTs signed with keys kept in the database.
//!
//! Every node signs with the newest active key and verifies with every key
//! that is active or was retired less than [`RETIRED_KEY_GRACE`] ago, so a
//! rotation (`returns-api signing-keys rotate`) never invalidates a token
//! that has not expired. Nodes reload the key set every 30 seconds and when
//! they meet an unknown `kid`, so they converge without talking to each other.
//! The keys are stored sealed under the deployment's secrets key
//! (`crate::secrets`); the node keeps them opened in memory only.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::error::{ApiError, ErrorCode};

/// How long a retired key still verifies tokens (longer than any token lives).
pub const RETIRED_KEY_GRACE: chrono::Duration = chrono::Duration::days(31);
const RELOAD_EVERY: Duration = Duration::from_secs(30);
const MIN_FORCED_RELOAD: Duration = Duration::from_secs(1);

/// Audience of portal tokens.
pub const PORTAL_AUDIENCE: &str = "returns-api:portal";
/// Audience of label URL tokens.
pub const LABEL_AUDIENCE: &str = "returns-api:labels";
/// Audience of photo URL tokens.
pub const PHOTO_AUDIENCE: &str = "returns-api:photos";
/// Seconds a token may be past its expiry and still pass (clock skew
/// between nodes).
const LEEWAY_SECONDS: i64 = 5;

/// What a token allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Create, read and cancel returns (and upload photos) for one order.
    Returns,
    /// Search service points of one brand.
    ServicePoints,
    /// Poll and download one label.
    Label,
    /// Fetch one customer photo and its thumbnail.
    Photo,
}

/// Claims of every token this API issues.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Subject: the order id (portal tokens), label id (label tokens) or
    /// upload id (photo tokens).
    pub sub: String,
    /// Brand id.
    pub brand: String,
    /// Scope.
    pub scope: Scope,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
}

struct Key {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

struct KeySet {
    keys: HashMap<String, Key>,
    signing: Option<String>,
    loaded: Option<Instant>,
    forced: Option<Instant>,
}

/// The node's copy of the signing keys.
pub struct Keyring {
    issuer: String,
    /// Opens the stored keys and seals new ones.
    secrets: Arc<crate::secrets::Keyring>,
    set: RwLock<KeySet>,
    /// What a portal, label and photo token must satisfy (built once).
    portal_rules: Validation,
    label_rules: Validation,
    photo_rules: Validation,
}

impl Keyring {
    /// An empty keyring for tokens issued as `issuer`, whose keys are
    /// stored sealed under `secrets`.
    pub fn new(issuer: impl Into<String>, secrets: Arc<crate::secrets::Keyring>) -> Keyring {
        let issuer = issuer.into();
        let rules = |audience: &str| {
            let mut validation = Validation::new(Algorithm::HS256);
            validation.set_audience(&[audience]);
            validation.set_issuer(&[&issuer]);
            validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
            // Expiry is checked against the caller's time in `verify_at`.
            validation.validate_exp = false;
            validation
        };
        Keyring {
            portal_rules: rules(PORTAL_AUDIENCE),
            label_rules: rules(LABEL_AUDIENCE),
            photo_rules: rules(PHOTO_AUDIENCE),
            issuer,
            secrets,
            set: RwLock::new(KeySet {
                keys: HashMap::new(),
                signing: None,
                loaded: None,
                forced: None,
            }),
        }
    }

    /// Makes sure a signing key exists in the database and loads the key set.
    pub async fn init(&self, db: &Db) -> Result<(), ApiError> {
        let secrets = self.secrets.clone();
        db.write(move |conn| Ok(crate::db::signing_keys::ensure_active(conn, &secrets)?))
            .await?;
        self.reload(db).await
    }

    async fn reload(&self, db: &Db) -> Result<(), ApiError> {
        let rows = db
            .read(|conn| {
                Ok(crate::db::signing_keys::usable(
                    conn,
                    crate::db::now() - RETIRED_KEY_GRACE,
                )?)
            })
            .await?;
        let mut keys = HashMap::new();
        let mut signing: Option<(chrono::NaiveDateTime, String)> = None;
        for row in rows {
            // A key this node cannot open (sealed under a secrets key it
            // lacks, which start-up refuses, so only after a misstep) is
            // left out: the other keys keep working. The message names the
            // key, never its secret.
            let opened = match self.secrets.open(
                &crate::db::signing_keys::secret_context(&row.kid),
                &row.secret,
            ) {
                Ok(opened) => opened,
                Err(e) => {
                    tracing::error!(kid = row.kid, error = %e, "signing key unreadable; check SECRETS_KEY");
                    continue;
                }
            };
            let secret =
                base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &opened)
                    .map_err(|_| {
                        ApiError::internal(anyhow::anyhow!(
                            "signing key {} unreadable: not base64",
                            row.kid
                        ))
                    })?;
            if row.retired_at.is_none()
                && signing.as_ref().is_none_or(|(at, _)| row.created_at > *at)
            {
                signing = Some((row.created_at, row.kid.clone()));
            }
            keys.insert(
                row.kid,
                Key {
                    encoding: EncodingKey::from_secret(&secret),
                    decoding: DecodingKey::from_secret(&secret),
                },
            );
        }
        let mut set = self.set.write().unwrap_or_else(|p| p.into_inner());
        set.keys = keys;
        set.signing = signing.map(|(_, kid)| kid);
        set.loaded = Some(Instant::now());
        Ok(())
    }

    /// Reloads the key set when it is older than the reload interval.
    pub async fn fresh(&self, db: &Db) -> Result<(), ApiError> {
        let stale = {
            let set = self.set.read().unwrap_or_else(|p| p.into_inner());
            set.loaded.is_none_or(|at| at.elapsed() > RELOAD_EVERY) || set.signing.is_none()
        };
        if stale {
            self.reload(db).await?;
            let missing = self
                .set
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .signing
                .is_none();
            if missing {
                // Every key was retired by hand: create a new one.
                self.init(db).await?;
            }
        }
        Ok(())
    }

    /// Issues a token; returns it with its expiry.
    pub async fn issue(
        &self,
        db: &Db,
        scope: Scope,
        brand_id: &str,
        subject: &str,
        ttl: chrono::Duration,
    ) -> Result<(String, DateTime<Utc>), ApiError> {
        self.fresh(db).await?;
        self.issue_now(scope, brand_id, subject, ttl)
    }

    /// Issues a token with the keys already loaded (no database round trip;
    /// usable inside a transaction). The maintenance task keeps them fresh.
    pub fn issue_now(
        &self,
        scope: Scope,
        brand_id: &str,
        subject: &str,
        ttl: chrono::Duration,
    ) -> Result<(String, DateTime<Utc>), ApiError> {
        self.issue_at(Utc::now(), scope, brand_id, subject, ttl)
    }

    /// Issues a token as of `now` (a node's scheduling clock) with the keys
    /// already loaded; verify it with [`Keyring::verify_at`] on the same clock.
    pub fn issue_at(
        &self,
        now: DateTime<Utc>,
        scope: Scope,
        brand_id: &str,
        subject: &str,
        ttl: chrono::Duration,
    ) -> Result<(String, DateTime<Utc>), ApiError> {
        let expires = now + ttl;
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: match scope {
                Scope::Label => LABEL_AUDIENCE.into(),
                Scope::Photo => PHOTO_AUDIENCE.into(),
                _ => PORTAL_AUDIENCE.into(),
            },
            sub: subject.into(),
            brand: brand_id.into(),
            scope,
            iat: now.timestamp(),
            exp: expires.timestamp(),
        };
        let set = self.set.read().unwrap_or_else(|p| p.into_inner());
        let kid = set
            .signing
            .clone()
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no signing key loaded")))?;
        let key = set
            .keys
            .get(&kid)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("signing key {kid} missing")))?;
        let header = Header {
            kid: Some(kid.clone()),
            ..Header::new(Algorithm::HS256)
        };
        let token =
            jsonwebtoken::encode(&header, &claims, &key.encoding).map_err(ApiError::internal)?;
        Ok((
            token,
            DateTime::from_timestamp(expires.timestamp(), 0).unwrap_or(expires),
        ))
    }

    /// Verifies signature, algorithm, issuer, audience and expiry.
    pub async fn verify(&self, db: &Db, token: &str, audience: &str) -> Result<Claims, ApiError> {
        self.verify_at(db, token, audience, Utc::now()).await
    }

    /// Verifies signature, algorithm, issuer and audience, and that the
    /// token has not expired at `now`.
    pub async fn verify_at(
        &self,
        db: &Db,
        token: &str,
        audience: &str,
        now: DateTime<Utc>,
    ) -> Result<Claims, ApiError> {
        let claims = self.verify_signed(db, token, audience).await?;
        if claims.exp < now.timestamp() - LEEWAY_SECONDS {
            return Err(invalid_token());
        }
        Ok(claims)
    }

    /// The claims of a token signed by one of the keys, for `audience`
    /// (expiry not checked).
    async fn verify_signed(
        &self,
        db: &Db,
        token: &str,
        audience: &str,
    ) -> Result<Claims, ApiError> {
        let invalid = invalid_token;
        let validation = match audience {
            PORTAL_AUDIENCE => &self.portal_rules,
            LABEL_AUDIENCE => &self.label_rules,
            PHOTO_AUDIENCE => &self.photo_rules,
            _ => return Err(invalid()),
        };
        self.fresh(db).await?;
        // Nearly every token is signed with the current key: try it first,
        // which parses the header once instead of twice. The header must
        // still name that key, and anything else takes the full path.
        {
            let set = self.set.read().unwrap_or_else(|p| p.into_inner());
            if let Some((kid, key)) = set
                .signing
                .as_ref()
                .and_then(|kid| set.keys.get(kid).map(|key| (kid, key)))
                && let Ok(data) = jsonwebtoken::decode::<Claims>(token, &key.decoding, validation)
                && data.header.kid.as_deref() == Some(kid.as_str())
            {
                return Ok(data.claims);
            }
        }
        let header = jsonwebtoken::decode_header(token).map_err(|_| invalid())?;
        if header.alg != Algorithm::HS256 {
            return Err(invalid());
        }
        let kid = header.kid.ok_or_else(invalid)?;
        let known = self
            .set
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .keys
            .contains_key(&kid);
        if !known && self.may_force_reload() {
            // Another node may have rotated; look once more.
            self.reload(db).await?;
        }
        let set = self.set.read().unwrap_or_else(|p| p.into_inner());
        let key = set.keys.get(&kid).ok_or_else(invalid)?;
        jsonwebtoken::decode::<Claims>(token, &key.decoding, validation)
            .map(|data| data.claims)
            .map_err(|_| invalid())
    }

    fn may_force_reload(&self) -> bool {
        let mut set = self.set.write().unwrap_or_else(|p| p.into_inner());
        if set
            .forced
            .is_some_and(|at| at.elapsed() < MIN_FORCED_RELOAD)
        {
            return false;
        }
        set.forced = Some(Instant::now());
        true
    }
}

fn invalid_token() -> ApiError {
    ApiError::new(ErrorCode::InvalidToken, "The token is invalid or expired.")
}
