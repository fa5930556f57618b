//! Webhooks: the endpoints a merchant or a vendor registers (with their
//! signing secrets), the delivery log, and the jobs that fan an event out
//! to the endpoints that want it and deliver it ([`deliver`]).
//!
//! Every operation here serves both owners alike: the caller
//! ([`Manager`]) names the brand and the [`Owner`] whose endpoints it may
//! see, and nothing of another owner is found (404).
//!
//! An endpoint's URL is checked when it is registered or changed (https, a
//! host that resolves to public addresses only) and again at every attempt
//! (see `crate::webhooks::send`), since DNS answers change.
//!
//! Secrets are sealed under the node's secrets key before they are
//! written and opened only to sign a delivery; the clear secret leaves the
//! node once, in the answer that creates or rotates it.

mod deliver;
mod views;

pub use deliver::{deliver, fan_out};
pub use views::{
    AttemptView, DeliveryList, DeliveryQuery, DeliveryView, EndpointInput, EndpointList,
    EndpointPatch, EndpointView, VendorDeliveryList, VendorDeliveryView, VendorEndpointList,
    VendorEndpointView,
};

use super::{AppState, merchant_brand};
use crate::auth::{Merchant, VendorCaller};
use crate::db::DbConn;
use crate::db::webhooks::EndpointRow;
use crate::domain::addresses::refusal;
use crate::domain::events::EventType;
use crate::domain::webhooks::{
    EndpointUrl, MAX_ENDPOINTS, Owner, check_description, check_event_types, check_url,
};
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::webhooks::signature::new_secret;

/// How long a rotated-out secret keeps signing.
const ROTATION_GRACE: chrono::Duration = chrono::Duration::hours(24);

/// `secret` sealed for the endpoint `endpoint_id`.
fn seal(
    secrets: &crate::secrets::Keyring,
    endpoint_id: &str,
    secret: &str,
) -> Result<String, ApiError> {
    secrets
        .seal(&crate::db::webhooks::secret_context(endpoint_id), secret)
        .map_err(ApiError::internal)
}

fn endpoint_not_found() -> ApiError {
    ApiError::new(ErrorCode::EndpointNotFound, "No such webhook endpoint.")
}

/// Who manages endpoints: a merchant key (the brand's own endpoints) or a
/// vendor key (that vendor's endpoints).
#[derive(Debug, Clone)]
pub enum Manager {
    /// A merchant API key.
    Merchant(Merchant),
    /// A vendor API key.
    Vendor(VendorCaller),
}

impl From<Merchant> for Manager {
    fn from(merchant: Merchant) -> Self {
        Manager::Merchant(merchant)
    }
}

impl From<VendorCaller> for Manager {
    fn from(vendor: VendorCaller) -> Self {
        Manager::Vendor(vendor)
    }
}

impl Manager {
    /// The brand of the path and the owner whose endpoints the caller
    /// manages there (404 when the brand is not the caller's).
    fn scope(&self, conn: &mut DbConn, slug: &str) -> Result<(String, Owner), ApiError> {
        match self {
            Manager::Merchant(merchant) => {
                Ok((merchant_brand(conn, merchant, slug)?.id, Owner::Merchant))
            }
            Manager::Vendor(vendor) => Ok((
                super::returns::vendor::vendor_brand(conn, vendor, slug)?,
                Owner::Vendor(vendor.vendor_id.clone()),
            )),
        }
    }
}

/// An endpoint the caller manages (404 otherwise).
fn load(conn: &mut DbConn, who: &Manager, slug: &str, id: &str) -> Result<EndpointRow, ApiError> {
    let (brand, owner) = who.scope(conn, slug)?;
    crate::db::webhooks::endpoint(conn, &brand, &owner, id)?.ok_or_else(endpoint_not_found)
}

/// Checks an endpoint URL and, unless the development switch is on, that
/// its host resolves to public addresses only (422 otherwise).
async fn check_destination(url: &str, allow_private: bool) -> Result<String, ApiError> {
    let checked = check_url(url, allow_private).map_err(|e| ApiError::validation(vec![e]))?;
    if !allow_private && checked.ip.is_none() {
        resolve_public(&checked).await?;
    }
    Ok(checked.url)
}

async fn resolve_public(url: &EndpointUrl) -> Result<(), ApiError> {
    let refuse =
        |code, message: String| ApiError::validation(vec![FieldError::new("url", code, message)]);
    let lookup = tokio::net::lookup_host((url.host.as_str(), 443));
    let addresses: Vec<std::net::IpAddr> =
        match tokio::time::timeout(std::time::Duration::from_secs(3), lookup).await {
            Ok(Ok(found)) => found.map(|a| a.ip()).collect(),
            _ => Vec::new(),
        };
    if addresses.is_empty() {
        return Err(refuse(
            ErrorCode::UnresolvableHost,
            format!("{} does not resolve (within 3 s)", url.host),
        ));
    }
    if let Some((ip, why)) = addresses.iter().find_map(|ip| Some((ip, refusal(*ip)?))) {
        return Err(refuse(
            ErrorCode::UnsafeUrl,
            format!(
                "{} resolves to {ip}, a special-purpose address: {why}",
                url.host
            ),
        ));
    }
    Ok(())
}

fn check_input(description: Option<&str>, types: Option<&[EventType]>) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(d) = description
        && let Err(e) = check_description(d)
    {
        errors.push(e);
    }
    if let Some(t) = types
        && let Err(e) = check_event_types(t)
    {
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn types_json(types: &[EventType]) -> Result<String, ApiError> {
    serde_json::to_string(types).map_err(ApiError::internal)
}

/// Registers an endpoint; the answer carries its signing secret, the only
/// time it is shown (besides rotation).
pub async fn create(
    state: &AppState,
    who: &Manager,
    slug: &str,
    input: EndpointInput,
) -> Result<EndpointView, ApiError> {
    check_input(input.description.as_deref(), Some(&input.event_types))?;
    let url = check_destination(&input.url, state.config.webhooks.webhook_allow_private).await?;
    let (who, slug) = (who.clone(), slug.to_string());
    let secret = new_secret();
    let (secrets, clear) = (state.secrets.clone(), secret.clone());
    let row = state
        .db
        .write(move |conn| {
            let (brand_id, owner) = who.scope(conn, &slug)?;
            if crate::db::webhooks::count_endpoints(conn, &brand_id, &owner)?
                >= MAX_ENDPOINTS as i64
            {
                return Err(ApiError::new(
                    ErrorCode::TooManyEndpoints,
                    format!("A brand (or a vendor) has at most {MAX_ENDPOINTS} webhook endpoints."),
                ));
            }
            let now = crate::db::now();
            let id = crate::domain::ids::new_id("whe");
            let row = EndpointRow {
                secret: seal(&secrets, &id, &clear)?,
                id,
                brand_id,
                vendor_id: owner.vendor_id().map(str::to_string),
                url: url.clone(),
                description: input.description.clone().filter(|d| !d.is_empty()),
                event_types: types_json(&input.event_types)?,
                enabled: input.enabled.unwrap_or(true),
                disabled_reason: None,
                previous_secret: None,
                previous_secret_until: None,
                failing_since: None,
                created_at: now,
                updated_at: now,
            };
            crate::db::webhooks::insert_endpoint(conn, &row)?;
            Ok(row)
        })
        .await?;
    Ok(EndpointView::with_secret(&row, secret))
}

/// The caller's endpoints of the brand, oldest first.
pub async fn list(
    state: &AppState,
    who: &Manager,
    slug: &str,
    limit: i64,
    cursor: Option<String>,
) -> Result<EndpointList, ApiError> {
    let (who, slug) = (who.clone(), slug.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let (brand_id, owner) = who.scope(conn, &slug)?;
            Ok(crate::db::webhooks::endpoints(
                conn,
                &brand_id,
                &owner,
                cursor.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) = super::pagination::paginate(rows, limit, |r| r.id.clone());
    Ok(EndpointList {
        data: rows.iter().map(EndpointView::from).collect(),
        next_cursor,
    })
}

/// One endpoint (without its secret).
pub async fn get(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
) -> Result<EndpointView, ApiError> {
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    let row = state
        .db
        .read(move |conn| load(conn, &who, &slug, &id))
        .await?;
    Ok(EndpointView::from(&row))
}

/// Changes an endpoint: URL (checked again), description, event types,
/// enabled. Enabling an endpoint the system disabled clears the reason and
/// its run of failures.
pub async fn update(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
    patch: EndpointPatch,
) -> Result<EndpointView, ApiError> {
    check_input(patch.description.as_deref(), patch.event_types.as_deref())?;
    let url = match &patch.url {
        Some(url) => {
            Some(check_destination(url, state.config.webhooks.webhook_allow_private).await?)
        }
        None => None,
    };
    let row = change(state, who, slug, id, move |row| {
        if let Some(url) = &url {
            row.url = url.clone();
        }
        if let Some(d) = &patch.description {
            row.description = Some(d.clone()).filter(|d| !d.is_empty());
        }
        if let Some(types) = &patch.event_types {
            row.event_types = types_json(types)?;
        }
        if let Some(enabled) = patch.enabled {
            if enabled && !row.enabled {
                row.disabled_reason = None;
                row.failing_since = None;
            }
            row.enabled = enabled;
        }
        Ok(())
    })
    .await?;
    Ok(EndpointView::from(&row))
}

/// Loads an endpoint, applies `apply` and saves it, in one transaction.
async fn change<F>(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
    mut apply: F,
) -> Result<EndpointRow, ApiError>
where
    F: FnMut(&mut EndpointRow) -> Result<(), ApiError> + Send + 'static,
{
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    state
        .db
        .write(move |conn| {
            let mut row = load(conn, &who, &slug, &id)?;
            apply(&mut row)?;
            row.updated_at = crate::db::now();
            crate::db::webhooks::save_endpoint(conn, &row)?;
            Ok(row)
        })
        .await
}

/// Deletes an endpoint and its delivery log; pending deliveries to it are
/// dropped.
pub async fn delete(state: &AppState, who: &Manager, slug: &str, id: &str) -> Result<(), ApiError> {
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    state
        .db
        .write(move |conn| {
            let (brand_id, owner) = who.scope(conn, &slug)?;
            if crate::db::webhooks::delete_endpoint(conn, &brand_id, &owner, &id)? {
                Ok(())
            } else {
                Err(endpoint_not_found())
            }
        })
        .await
}

/// Gives an endpoint a new secret; the old one keeps signing (a second
/// signature in `webhook-signature`) for 24 hours, so receivers can switch
/// without losing a delivery.
pub async fn rotate_secret(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
) -> Result<EndpointView, ApiError> {
    let secret = new_secret();
    let (secrets, clear) = (state.secrets.clone(), secret.clone());
    let row = change(state, who, slug, id, move |row| {
        // The old secret stays sealed as it is: same key, same row.
        let sealed = seal(&secrets, &row.id, &clear)?;
        row.previous_secret = Some(std::mem::replace(&mut row.secret, sealed));
        row.previous_secret_until = Some(crate::db::now() + ROTATION_GRACE);
        Ok(())
    })
    .await?;
    Ok(EndpointView::with_secret(&row, secret))
}

/// Sends a `ping` to the endpoint (409 when it is disabled); the answer is
/// the delivery, to follow in the log.
pub async fn test(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
) -> Result<DeliveryView, ApiError> {
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    let view = state
        .db
        .write(move |conn| {
            let row = load(conn, &who, &slug, &id)?;
            if !row.enabled {
                return Err(endpoint_disabled());
            }
            let data = serde_json::value::to_raw_value(&EndpointView::from(&row))
                .map_err(ApiError::internal)?;
            let delivery = deliver::publish_to(
                conn,
                &row.brand_id,
                EventType::Ping,
                &data,
                std::slice::from_ref(&row),
            )?
            .pop()
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("a ping without a delivery")))?;
            Ok(DeliveryView::new(&delivery, &[]))
        })
        .await?;
    state.jobs.notify();
    Ok(view)
}

fn endpoint_disabled() -> ApiError {
    ApiError::new(
        ErrorCode::EndpointDisabled,
        "The endpoint is disabled; enable it first.",
    )
}

/// An endpoint's deliveries, newest event first, each with its attempts.
pub async fn deliveries(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
    query: DeliveryQuery,
    limit: i64,
    cursor: Option<String>,
) -> Result<DeliveryList, ApiError> {
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    let filter = query.filter();
    let rows = state
        .db
        .read(move |conn| {
            let endpoint = load(conn, &who, &slug, &id)?;
            Ok(crate::db::webhooks::deliveries(
                conn,
                &endpoint.id,
                &filter,
                cursor.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) =
        super::pagination::paginate(rows, limit, |(d, _)| d.message_id.clone());
    Ok(DeliveryList {
        data: rows
            .iter()
            .map(|(d, attempts)| DeliveryView::new(d, attempts))
            .collect(),
        next_cursor,
    })
}

/// Makes another attempt at a delivery now: a pending one is brought
/// forward, a finished one (succeeded or failed) gets one more attempt.
/// 409 when its endpoint is disabled.
pub async fn retry(
    state: &AppState,
    who: &Manager,
    slug: &str,
    id: &str,
) -> Result<DeliveryView, ApiError> {
    let (who, slug, id) = (who.clone(), slug.to_string(), id.to_string());
    let view = state
        .db
        .write(move |conn| {
            let (brand_id, owner) = who.scope(conn, &slug)?;
            let not_found = || ApiError::new(ErrorCode::DeliveryNotFound, "No such delivery.");
            let mut delivery =
                crate::db::webhooks::delivery(conn, &brand_id, &id)?.ok_or_else(not_found)?;
            // Another owner's delivery is not found, like another brand's.
            let endpoint =
                crate::db::webhooks::endpoint(conn, &brand_id, &owner, &delivery.endpoint_id)?
                    .ok_or_else(not_found)?;
            if !endpoint.enabled {
                return Err(endpoint_disabled());
            }
            deliver::retry_now(conn, &mut delivery)?;
            let attempts =
                crate::db::webhooks::attempts_of(conn, std::slice::from_ref(&delivery.id))?
                    .remove(&delivery.id)
                    .unwrap_or_default();
            Ok(DeliveryView::new(&delivery, &attempts))
        })
        .await?;
    state.jobs.notify();
    Ok(view)
}
