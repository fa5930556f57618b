//! The brand's catalogue: uploading products, reading them, changing a
//! variant's stock, and the exchange offers of an order line.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::keys::Merchant;
use super::portal::PortalToken;
use super::{AppState, merchant_brand};
use crate::db::catalogue::{Family, Upserted, VariantRow};
use crate::domain::catalogue::{Candidate, Offer, alternatives};
use crate::domain::money::{Currency, Money};
use crate::error::{ApiError, ErrorCode, FieldError};

pub use crate::domain::catalogue::{ProductInput, StockChange, VariantInput};

/// A variant of a product.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariantView {
    /// SKU.
    #[schema(example = "TSHIRT-L-BLACK")]
    pub sku: String,
    /// Its option values.
    #[schema(example = json!({ "size": "L", "colour": "black" }))]
    pub option_values: BTreeMap<String, String>,
    /// Its prices, one per currency.
    pub prices: Vec<Money>,
    /// Units in stock.
    pub available: i64,
    /// Units promised to exchanges that have not shipped.
    pub reserved: i64,
    /// Image.
    pub image_url: Option<String>,
    /// Version of its stock, also its `ETag` (`"v3"`) for `If-Match`.
    pub version: i64,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<&VariantRow> for VariantView {
    fn from(v: &VariantRow) -> VariantView {
        VariantView {
            sku: v.sku.clone(),
            option_values: v.option_values(),
            prices: v
                .prices()
                .into_iter()
                .filter_map(|(code, amount)| Some(Money::new(amount, Currency::parse(&code)?)))
                .collect(),
            available: v.available,
            reserved: v.reserved,
            image_url: v.image_url.clone(),
            version: v.version,
            updated_at: v.updated_at.and_utc(),
        }
    }
}

/// A product of the brand's catalogue with its variants.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductView {
    /// The merchant's product id.
    #[schema(example = "tshirt-classic")]
    pub id: String,
    /// Title.
    pub title: String,
    /// Option names, in display order.
    pub options: Vec<String>,
    /// Variants, in the order given.
    pub variants: Vec<VariantView>,
    /// Image.
    pub image_url: Option<String>,
    /// Whether its variants are offered as exchanges.
    pub exchangeable: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// Vendor.
    pub vendor: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl ProductView {
    fn new((p, variants): &Family) -> ProductView {
        ProductView {
            id: p.id.clone(),
            title: p.title.clone(),
            options: p.options(),
            variants: variants.iter().map(VariantView::from).collect(),
            image_url: p.image_url.clone(),
            exchangeable: p.exchangeable,
            tags: p.tags(),
            vendor: p.vendor.clone(),
            created_at: p.created_at.and_utc(),
            updated_at: p.updated_at.and_utc(),
        }
    }
}

/// A page of products.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductList {
    /// Products, by id.
    pub data: Vec<ProductView>,
    /// Cursor of the next page (`null` on the last one).
    pub next_cursor: Option<String>,
}

/// Body of `POST /v1/brands/{brand}/products/bulk`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductBatch {
    /// Products (1–100), each replacing what the catalogue held under its id.
    #[schema(min_items = 1, max_items = 100)]
    pub products: Vec<ProductInput>,
}

/// What a bulk upload did with one product.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchItem {
    /// The product id.
    pub id: String,
    /// `true` when it is new, `false` when it replaced the stored one.
    pub created: bool,
}

/// The answer to a bulk upload, in the order given.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResult {
    /// One entry per product.
    pub data: Vec<BatchItem>,
}

fn product_not_found() -> ApiError {
    ApiError::new(
        ErrorCode::ProductNotFound,
        "No product of this brand has this id.",
    )
}

fn variant_not_found() -> ApiError {
    ApiError::new(
        ErrorCode::VariantNotFound,
        "No variant of this brand has this SKU.",
    )
}

fn sku_taken(field: String, sku: &str) -> ApiError {
    ApiError::new(
        ErrorCode::SkuTaken,
        format!("Another product of this brand has the SKU {sku}."),
    )
    .with_errors(vec![FieldError::new(
        field,
        ErrorCode::SkuTaken,
        "another product has this SKU",
    )])
}

/// The field of `sku` among a product's variants, under `at`.
fn sku_field(at: &str, product: &crate::domain::catalogue::Product, sku: &str) -> String {
    let i = product
        .variants
        .iter()
        .position(|v| v.sku == sku)
        .unwrap_or_default();
    format!("{at}variants[{i}].sku")
}

/// Writes one product; the product as stored, and whether it is new.
pub async fn upsert(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    input: ProductInput,
) -> Result<(ProductView, bool), ApiError> {
    let product = input.check()?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let now = crate::db::now();
            let created = match crate::db::catalogue::upsert(conn, &brand.id, &product, now)? {
                Upserted::SkuTaken(sku) => {
                    return Err(sku_taken(sku_field("", &product, &sku), &sku));
                }
                Upserted::Created => true,
                Upserted::Replaced => false,
            };
            let family = crate::db::catalogue::get(conn, &brand.id, &product.id)?
                .ok_or_else(product_not_found)?;
            Ok((ProductView::new(&family), created))
        })
        .await
}

/// Writes up to 100 products in one transaction: all of them, or none
/// when one is invalid (422 naming every field) or has another product's
/// SKU (409).
pub async fn bulk(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    batch: ProductBatch,
) -> Result<BatchResult, ApiError> {
    let n = batch.products.len();
    if !(1..=crate::domain::catalogue::MAX_BULK).contains(&n) {
        return Err(ApiError::validation(vec![FieldError::new(
            "products",
            ErrorCode::InvalidLength,
            "must have 1–100 products",
        )]));
    }
    let mut errors = Vec::new();
    let mut products = Vec::with_capacity(n);
    for (i, p) in batch.products.into_iter().enumerate() {
        match p.check_at(&format!("products[{i}].")) {
            Ok(p) => products.push(p),
            Err(e) => errors.extend(e),
        }
    }
    let mut ids = std::collections::HashSet::new();
    for (i, p) in products.iter().enumerate() {
        if !ids.insert(p.id.clone()) {
            errors.push(FieldError::new(
                format!("products[{i}].id"),
                ErrorCode::Duplicate,
                "appears more than once",
            ));
        }
    }
    ApiError::check(errors)?;
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let now = crate::db::now();
            let mut data = Vec::with_capacity(products.len());
            for (i, product) in products.iter().enumerate() {
                let created = match crate::db::catalogue::upsert(conn, &brand.id, product, now)? {
                    Upserted::SkuTaken(sku) => {
                        let at = format!("products[{i}].");
                        return Err(sku_taken(sku_field(&at, product, &sku), &sku));
                    }
                    Upserted::Created => true,
                    Upserted::Replaced => false,
                };
                data.push(BatchItem {
                    id: product.id.clone(),
                    created,
                });
            }
            Ok(BatchResult { data })
        })
        .await
}

/// A product of the brand.
pub async fn get(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    id: &str,
) -> Result<ProductView, ApiError> {
    let (merchant, slug, id) = (merchant.clone(), slug.to_string(), id.to_string());
    state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let family =
                crate::db::catalogue::get(conn, &brand.id, &id)?.ok_or_else(product_not_found)?;
            Ok(ProductView::new(&family))
        })
        .await
}

/// The brand's products, by id.
pub async fn list(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    limit: i64,
    cursor: Option<String>,
) -> Result<ProductList, ApiError> {
    let (merchant, slug) = (merchant.clone(), slug.to_string());
    let rows = state
        .db
        .read(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            Ok(crate::db::catalogue::list(
                conn,
                &brand.id,
                cursor.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next_cursor) = super::pagination::paginate(rows, limit, |(p, _)| p.id.clone());
    Ok(ProductList {
        data: rows.iter().map(ProductView::new).collect(),
        next_cursor,
    })
}

/// Sets or moves a variant's stock; with `if_match`, only while its
/// version is that one (412 otherwise).
pub async fn change_stock(
    state: &AppState,
    merchant: &Merchant,
    slug: &str,
    sku: &str,
    change: StockChange,
    if_match: Option<i64>,
) -> Result<VariantView, ApiError> {
    change.check()?;
    let (merchant, slug, sku) = (merchant.clone(), slug.to_string(), sku.to_string());
    state
        .db
        .write(move |conn| {
            let brand = merchant_brand(conn, &merchant, &slug)?;
            let variant = crate::db::catalogue::variant(conn, &brand.id, &sku)?
                .ok_or_else(variant_not_found)?;
            if if_match.is_some_and(|v| v != variant.version) {
                return Err(ApiError::new(
                    ErrorCode::PreconditionFailed,
                    format!(
                        "The stock changed since version {}; it is now version {}.",
                        if_match.unwrap_or_default(),
                        variant.version
                    ),
                ));
            }
            let level = change.apply(variant.available)?;
            let after = crate::db::catalogue::set_stock(conn, &variant, level, crate::db::now())?;
            Ok(VariantView::from(&after))
        })
        .await
}

/// Query of `GET /v1/portal/{brand}/exchange-options`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExchangeQuery {
    /// The order line to exchange (`order_line_id` of the lookup's lines).
    #[param(min_length = 1, max_length = 64)]
    pub order_line_id: String,
}

/// What an order line may be exchanged for.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExchangeOptions {
    /// The order line.
    pub order_line_id: String,
    /// Its SKU.
    pub sku: String,
    /// Its product in the catalogue (`null` when the catalogue has none:
    /// the line can still be refunded).
    pub product_id: Option<String>,
    /// The product's options.
    pub options: Vec<String>,
    /// Other variants in stock, fewest changed options first.
    pub offers: Vec<Offer>,
}

/// The family of a line: the product it names, else the one with its SKU.
fn family_of<'a>(
    families: &'a [Family],
    sku: &str,
    product_id: Option<&str>,
) -> Option<&'a Family> {
    families
        .iter()
        .find(|(p, _)| Some(p.id.as_str()) == product_id)
        .or_else(|| {
            families
                .iter()
                .find(|(_, vs)| vs.iter().any(|v| v.sku == sku))
        })
}

/// The exchange offers of one line of the token's order.
pub async fn exchange_options(
    state: &AppState,
    token: &PortalToken,
    line_id: &str,
) -> Result<ExchangeOptions, ApiError> {
    let (brand_id, order_id, line_id) = (
        token.claims.brand.clone(),
        token.claims.sub.clone(),
        line_id.to_string(),
    );
    state
        .db
        .read(move |conn| {
            let order = crate::db::orders::by_id(conn, &brand_id, &order_id)?
                .ok_or_else(|| {
                    ApiError::new(ErrorCode::OrderNotFound, "The token's order is gone.")
                })?
                .order()?;
            let line = order
                .lines
                .iter()
                .find(|l| l.id == line_id)
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::LineNotFound,
                        "The order has no line with this id.",
                    )
                })?;
            let families = crate::db::catalogue::families(
                conn,
                &brand_id,
                std::slice::from_ref(&line.sku),
                &line.product_id.iter().cloned().collect::<Vec<_>>(),
            )?;
            let family = family_of(&families, &line.sku, line.product_id.as_deref());
            Ok(ExchangeOptions {
                order_line_id: line.id.clone(),
                sku: line.sku.clone(),
                product_id: family.map(|(p, _)| p.id.clone()),
                options: family.map(|(p, _)| p.options()).unwrap_or_default(),
                offers: offers_of(&families, line),
            })
        })
        .await
}

/// The exchange offers of an order line among the families read for its
/// order.
pub(crate) fn offers_of(families: &[Family], line: &crate::domain::orders::Line) -> Vec<Offer> {
    let mut all = alternatives_of(families, line);
    all.retain(|o| o.available > 0);
    all
}

/// The [`offers_of`] a line, sold-out variants included (what a request
/// for an exchange is checked against).
pub(crate) fn alternatives_of(
    families: &[Family],
    line: &crate::domain::orders::Line,
) -> Vec<Offer> {
    family_of(families, &line.sku, line.product_id.as_deref())
        .map(|f| line_offers(f, &line.sku, line.unit_price))
        .unwrap_or_default()
}

/// The offers of a line of `sku` bought at `paid` per unit, in its family.
fn line_offers((product, variants): &Family, sku: &str, paid: Money) -> Vec<Offer> {
    if !product.exchangeable {
        return Vec::new();
    }
    let facts: Vec<(BTreeMap<String, String>, Option<i64>, &VariantRow)> = variants
        .iter()
        .map(|v| {
            (
                v.option_values(),
                v.prices().get(paid.currency.as_str()).copied(),
                v,
            )
        })
        .collect();
    let ordered = facts
        .iter()
        .find(|(_, _, v)| v.sku == sku)
        .map(|(values, _, _)| values.clone())
        .unwrap_or_default();
    let candidates: Vec<Candidate<'_>> = facts
        .iter()
        .map(|(values, price, v)| Candidate {
            sku: &v.sku,
            option_values: values,
            price: *price,
            free: v.free(),
        })
        .collect();
    alternatives(&product.options(), &ordered, sku, paid, &candidates)
}
