//! What vendors and their keys look like on the wire.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::vendors::{VendorKeyRow, VendorRow};
use crate::domain::settings::{AddressKind, ReturnAddress, ReturnsSettings};
use crate::domain::vendors::{OnTimeout, VendorInstructions};

/// A vendor of a brand: a seller of a marketplace whose order lines carry
/// `order_line_vendor` in `vendor`, and who approves, receives and completes
/// its own part of a return.
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorView {
    /// The merchant's id for the vendor.
    #[schema(example = "nordic-knits")]
    pub id: String,
    /// Display name.
    #[schema(example = "Nordic Knits")]
    pub name: String,
    /// The name the brand's order lines carry in `vendor`.
    #[schema(example = "Nordic Knits AB")]
    pub order_line_vendor: String,
    /// Where to reach the vendor.
    #[schema(format = Email)]
    pub contact_email: Option<String>,
    /// Return instructions per locale.
    #[schema(value_type = VendorInstructions)]
    pub instructions: BTreeMap<String, String>,
    /// Whether the vendor's parts are approved without its answer.
    pub auto_approve: bool,
    /// Hours the vendor has to answer a new part before the merchant may
    /// decide for it.
    pub response_hours: i32,
    /// What happens when the vendor has not answered a part by its
    /// deadline.
    pub on_timeout: OnTimeout,
    /// Locale of the vendor's e-mail (`null`: the brand's default locale).
    pub locale: Option<String>,
    /// The brand's Returns Settings address of kind `vendor` whose `vendor`
    /// is this vendor's `order_line_vendor`: the vendor's parts are shipped
    /// there. `null` when the settings have none: the vendor's lines then
    /// travel to the default warehouse and are handled in-house, like lines
    /// without a vendor.
    pub return_address: Option<ReturnAddress>,
    /// `false` once the merchant retired the vendor: its keys were revoked,
    /// new order lines naming it are handled in-house and the merchant
    /// answers its open parts.
    pub active: bool,
    /// When it was retired (`null` while active).
    pub deactivated_at: Option<DateTime<Utc>>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl VendorView {
    /// The view of `row`, with its return address from `settings`.
    pub fn new(row: &VendorRow, settings: &ReturnsSettings) -> VendorView {
        let return_address = settings
            .return_addresses
            .iter()
            .find(|a| {
                a.kind == AddressKind::Vendor
                    && a.vendor.as_deref() == Some(row.order_line_vendor.as_str())
            })
            .cloned();
        VendorView {
            id: row.id.clone(),
            name: row.name.clone(),
            order_line_vendor: row.order_line_vendor.clone(),
            contact_email: row.contact_email.clone(),
            instructions: row.instructions(),
            auto_approve: row.auto_approve,
            response_hours: row.response_hours,
            on_timeout: row.on_timeout,
            locale: row.locale.clone(),
            return_address,
            active: row.is_active(),
            deactivated_at: row.deactivated_at.map(|t| t.and_utc()),
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

/// A page of vendors.
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorList {
    /// By id.
    pub data: Vec<VendorView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// A vendor API key (never its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorKeyView {
    /// Id (`vky_…`).
    #[schema(example = "vky_0193c5a0c4c77f3a9b1e2d3f4a5b6c7d")]
    pub id: String,
    /// The label it was given.
    #[schema(example = "api")]
    pub name: String,
    /// Its first characters, as shown at creation.
    #[schema(example = "rk_8Fh2kQ1x")]
    pub prefix: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// When it was revoked (`null` while it works).
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<&VendorKeyRow> for VendorKeyView {
    fn from(row: &VendorKeyRow) -> VendorKeyView {
        VendorKeyView {
            id: row.id.clone(),
            name: row.name.clone(),
            prefix: row.prefix.clone(),
            created_at: row.created_at.and_utc(),
            revoked_at: row.revoked_at.map(|t| t.and_utc()),
        }
    }
}

/// A new vendor API key, with its secret: shown this once, stored hashed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedVendorKey {
    /// Id (`vky_…`).
    #[schema(example = "vky_0193c5a0c4c77f3a9b1e2d3f4a5b6c7d")]
    pub id: String,
    /// The key: `Authorization: Bearer <key>` on the vendor routes. Not
    /// shown again.
    #[schema(example = "rk_8Fh2kQ1xAbCdEfGhIjKlMnOpQrStUvWxYz012345")]
    pub key: String,
    /// Its first characters, safe to show (and to revoke it by with
    /// `returns-api keys revoke`).
    #[schema(example = "rk_8Fh2kQ1x")]
    pub prefix: String,
    /// The label it was given.
    #[schema(example = "api")]
    pub name: String,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// A page of a vendor's keys (revoked ones too).
#[derive(Debug, Serialize, ToSchema)]
pub struct VendorKeyList {
    /// Newest first.
    pub data: Vec<VendorKeyView>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}
