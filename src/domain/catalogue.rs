//! The brand's catalogue: products with options (`size`, `colour`, …) and
//! variants with their SKU, option values, price per currency and stock;
//! what a merchant may upload, how stock changes, and which variants a
//! customer may exchange an order line for.
//!
//! Prices are integer minor units per currency, like every amount of the
//! API; a price difference is the variant's price in the order's currency
//! minus what the customer paid for one unit, so no rounding happens.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::money::{MAX_AMOUNT, Money, MoneyDelta};
use crate::error::{ApiError, ErrorCode, FieldError};

/// Most options of a product (`size`, `colour`, `material`).
pub const MAX_OPTIONS: usize = 3;
/// Most variants of a product.
pub const MAX_VARIANTS: usize = 100;
/// Most products in one bulk upload.
pub const MAX_BULK: usize = 100;
/// Most units of stock one variant may hold.
pub const MAX_STOCK: i64 = 1_000_000;
/// Most tags of a product.
pub const MAX_TAGS: usize = 20;

/// Body of `POST /v1/brands/{brand}/products` (and one entry of a bulk
/// upload): a product and all its variants, replacing what the catalogue
/// held under its id.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "id": "tshirt-classic",
    "title": "Classic T-shirt",
    "options": ["size", "colour"],
    "variants": [
        { "sku": "TSHIRT-M-BLACK", "option_values": { "size": "M", "colour": "black" },
          "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 12 },
        { "sku": "TSHIRT-L-BLACK", "option_values": { "size": "L", "colour": "black" },
          "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 3 }
    ],
    "tags": ["summer"]
}))]
pub struct ProductInput {
    /// The merchant's product id (1–100 characters), e.g. its platform's.
    #[schema(
        example = "tshirt-classic",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub id: String,
    /// Title (1–200 characters).
    #[schema(
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub title: String,
    /// Option names, in display order (0–3, each 1–50 characters, each
    /// once); every variant has a value for each.
    #[serde(default)]
    #[schema(max_items = 3)]
    pub options: Vec<String>,
    /// Variants (1–100), each SKU once in the brand's catalogue.
    #[schema(min_items = 1, max_items = 100)]
    pub variants: Vec<VariantInput>,
    /// Image.
    #[serde(default)]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$"
    )]
    pub image_url: Option<String>,
    /// Whether its variants may be offered as exchanges (default true).
    #[serde(default)]
    pub exchangeable: Option<bool>,
    /// Tags (0–20, each 1–50 characters).
    #[serde(default)]
    #[schema(max_items = 20)]
    pub tags: Vec<String>,
    /// The vendor whose product it is (a marketplace's order-line vendor name).
    #[serde(default)]
    #[schema(
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub vendor: Option<String>,
}

/// One variant of a product.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantInput {
    /// SKU (1–100 characters), as order lines carry it.
    #[schema(
        example = "TSHIRT-L-BLACK",
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub sku: String,
    /// Its value of each of the product's options (1–50 characters each).
    #[serde(default)]
    #[schema(example = json!({ "size": "L", "colour": "black" }))]
    pub option_values: BTreeMap<String, String>,
    /// Its price, one per currency (0–20).
    #[serde(default)]
    #[schema(max_items = 20)]
    pub prices: Vec<Money>,
    /// Units in stock that may be promised (0–1,000,000).
    #[schema(minimum = 0, maximum = 1000000)]
    pub available: i64,
    /// Image of the variant.
    #[serde(default)]
    #[schema(
        max_length = 2000,
        pattern = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$"
    )]
    pub image_url: Option<String>,
}

/// A checked product.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// Id.
    pub id: String,
    /// Title, trimmed.
    pub title: String,
    /// Option names.
    pub options: Vec<String>,
    /// Variants, in the given order.
    pub variants: Vec<Variant>,
    /// Image.
    pub image_url: Option<String>,
    /// Offered as exchanges.
    pub exchangeable: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// Vendor.
    pub vendor: Option<String>,
}

/// A checked variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// SKU.
    pub sku: String,
    /// Option values.
    pub option_values: BTreeMap<String, String>,
    /// Price per currency code (minor units).
    pub prices: BTreeMap<String, i64>,
    /// Stock.
    pub available: i64,
    /// Image.
    pub image_url: Option<String>,
}

fn text(errors: &mut Vec<FieldError>, field: String, value: &str, max: usize) {
    if value.trim().is_empty() || value.chars().count() > max || value.chars().any(char::is_control)
    {
        errors.push(FieldError::new(
            field,
            ErrorCode::InvalidLength,
            format!("must have 1–{max} printable characters"),
        ));
    }
}

fn url(errors: &mut Vec<FieldError>, field: String, value: &Option<String>) {
    if let Some(u) = value
        && !crate::domain::urls::is_web_url(u, false)
    {
        errors.push(FieldError::new(
            field,
            ErrorCode::InvalidUrl,
            "an http(s) URL of at most 2000 characters",
        ));
    }
}

fn count(errors: &mut Vec<FieldError>, field: &str, n: usize, range: (usize, usize)) {
    if n < range.0 || n > range.1 {
        errors.push(FieldError::new(
            field,
            ErrorCode::InvalidLength,
            format!("must have {}–{} entries", range.0, range.1),
        ));
    }
}

impl VariantInput {
    fn check(self, at: &str, options: &[String], errors: &mut Vec<FieldError>) -> Variant {
        text(errors, format!("{at}.sku"), &self.sku, 100);
        let names: BTreeSet<&str> = self.option_values.keys().map(String::as_str).collect();
        let wanted: BTreeSet<&str> = options.iter().map(String::as_str).collect();
        if names != wanted {
            errors.push(FieldError::new(
                format!("{at}.option_values"),
                ErrorCode::InvalidOptionValues,
                format!("needs a value for each option and no other: {options:?}"),
            ));
        }
        for (name, value) in &self.option_values {
            text(errors, format!("{at}.option_values.{name}"), value, 50);
        }
        count(errors, &format!("{at}.prices"), self.prices.len(), (0, 20));
        let mut prices = BTreeMap::new();
        for (i, p) in self.prices.iter().enumerate() {
            if !(0..=MAX_AMOUNT).contains(&p.amount) {
                errors.push(FieldError::new(
                    format!("{at}.prices[{i}].amount"),
                    ErrorCode::OutOfRange,
                    format!("must be between 0 and {MAX_AMOUNT}"),
                ));
            }
            if prices
                .insert(p.currency.as_str().to_string(), p.amount)
                .is_some()
            {
                errors.push(FieldError::new(
                    format!("{at}.prices[{i}].currency"),
                    ErrorCode::Duplicate,
                    "one price per currency",
                ));
            }
        }
        if !(0..=MAX_STOCK).contains(&self.available) {
            errors.push(FieldError::new(
                format!("{at}.available"),
                ErrorCode::OutOfRange,
                format!("must be between 0 and {MAX_STOCK}"),
            ));
        }
        url(errors, format!("{at}.image_url"), &self.image_url);
        Variant {
            sku: self.sku,
            option_values: self
                .option_values
                .into_iter()
                .map(|(k, v)| (k, v.trim().to_string()))
                .collect(),
            prices,
            available: self.available,
            image_url: self.image_url,
        }
    }
}

impl ProductInput {
    /// Checks every field; the errors carry paths under `at` (`""` for a
    /// single product, `products[3].` in a bulk upload).
    pub fn check_at(self, at: &str) -> Result<Product, Vec<FieldError>> {
        let mut errors = Vec::new();
        text(&mut errors, format!("{at}id"), &self.id, 100);
        text(&mut errors, format!("{at}title"), &self.title, 200);
        count(
            &mut errors,
            &format!("{at}options"),
            self.options.len(),
            (0, MAX_OPTIONS),
        );
        let mut seen = BTreeSet::new();
        for (i, o) in self.options.iter().enumerate() {
            text(&mut errors, format!("{at}options[{i}]"), o, 50);
            if !seen.insert(o.as_str()) {
                errors.push(FieldError::new(
                    format!("{at}options[{i}]"),
                    ErrorCode::Duplicate,
                    "appears more than once",
                ));
            }
        }
        count(
            &mut errors,
            &format!("{at}variants"),
            self.variants.len(),
            (1, MAX_VARIANTS),
        );
        count(
            &mut errors,
            &format!("{at}tags"),
            self.tags.len(),
            (0, MAX_TAGS),
        );
        for (i, t) in self.tags.iter().enumerate() {
            text(&mut errors, format!("{at}tags[{i}]"), t, 50);
        }
        if let Some(v) = &self.vendor {
            text(&mut errors, format!("{at}vendor"), v, 100);
        }
        url(&mut errors, format!("{at}image_url"), &self.image_url);
        let options = self.options.clone();
        let mut skus = BTreeSet::new();
        let mut combinations = BTreeSet::new();
        let variants: Vec<Variant> = self
            .variants
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let field = format!("{at}variants[{i}]");
                let v = v.check(&field, &options, &mut errors);
                if !skus.insert(v.sku.clone()) {
                    errors.push(FieldError::new(
                        format!("{field}.sku"),
                        ErrorCode::Duplicate,
                        "appears more than once",
                    ));
                }
                if !options.is_empty() && !combinations.insert(v.option_values.clone()) {
                    errors.push(FieldError::new(
                        format!("{field}.option_values"),
                        ErrorCode::Duplicate,
                        "another variant has the same option values",
                    ));
                }
                v
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Product {
            id: self.id,
            title: self.title.trim().to_string(),
            options: self.options,
            variants,
            image_url: self.image_url,
            exchangeable: self.exchangeable.unwrap_or(true),
            tags: self.tags,
            vendor: self.vendor,
        })
    }

    /// [`ProductInput::check_at`] for a single product: 422 with every error.
    pub fn check(self) -> Result<Product, ApiError> {
        self.check_at("").map_err(ApiError::validation)
    }
}

/// Body of `PATCH /v1/brands/{brand}/variants/{sku}/stock`: exactly one of
/// `available` (the new level) or `delta` (units added, or taken when
/// negative).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "delta": -2 }))]
pub struct StockChange {
    /// The new level (0–1,000,000).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000)]
    pub available: Option<i64>,
    /// Units added (taken when negative); the level stays 0–1,000,000.
    #[serde(default)]
    #[schema(minimum = -1000000, maximum = 1000000)]
    pub delta: Option<i64>,
}

impl StockChange {
    /// 422 unless the body names exactly one of `available` (0–1,000,000)
    /// and `delta` (±1,000,000): what can be told without the stock.
    pub fn check(&self) -> Result<(), ApiError> {
        let error = match (self.available, self.delta) {
            (Some(level), None) if !(0..=MAX_STOCK).contains(&level) => FieldError::new(
                "available",
                ErrorCode::OutOfRange,
                "must be between 0 and 1000000",
            ),
            (None, Some(delta)) if !(-MAX_STOCK..=MAX_STOCK).contains(&delta) => FieldError::new(
                "delta",
                ErrorCode::OutOfRange,
                "must be between -1000000 and 1000000",
            ),
            (Some(_), None) | (None, Some(_)) => return Ok(()),
            _ => FieldError::new(
                "available",
                ErrorCode::Required,
                "send exactly one of `available` and `delta`",
            ),
        };
        Err(ApiError::validation(vec![error]))
    }

    /// The level after the change from `current`; 422 when the body is
    /// invalid ([`StockChange::check`]) or the level would leave
    /// 0–1,000,000.
    pub fn apply(&self, current: i64) -> Result<i64, ApiError> {
        self.check()?;
        let (field, level) = match (self.available, self.delta) {
            (Some(level), _) => ("available", level),
            (None, delta) => ("delta", current.saturating_add(delta.unwrap_or_default())),
        };
        if !(0..=MAX_STOCK).contains(&level) {
            return Err(ApiError::validation(vec![FieldError::new(
                field,
                ErrorCode::OutOfRange,
                format!("the level would be {level}; it stays between 0 and {MAX_STOCK}"),
            )]));
        }
        Ok(level)
    }
}

/// A variant as exchange options read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    /// SKU.
    pub sku: &'a str,
    /// Option values.
    pub option_values: &'a BTreeMap<String, String>,
    /// Its price in the order's currency, if it has one.
    pub price: Option<i64>,
    /// Units that may still be promised (stock minus reservations).
    pub free: i64,
}

/// Another variant a line may be exchanged for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Offer {
    /// Its SKU (`variant_sku` of an exchange).
    pub sku: String,
    /// Its option values.
    #[schema(example = json!({ "size": "L", "colour": "black" }))]
    pub option_values: BTreeMap<String, String>,
    /// The options whose value differs from the ordered variant's, in the
    /// product's option order.
    #[schema(example = json!(["size"]))]
    pub changed: Vec<String>,
    /// Its price minus what the customer paid for one unit, in the order's
    /// currency: positive when it is dearer, negative when cheaper.
    pub price_difference: MoneyDelta,
    /// Units that may still be promised.
    pub available: i64,
}

/// The variants a line of the variant `ordered` (bought at `paid` per unit)
/// may be exchanged for: the product's other variants with stock to
/// promise and a price in the order's currency, fewest changed options
/// first, then in the product's order. None when the product is not
/// exchangeable.
pub fn offers(
    options: &[String],
    ordered: &BTreeMap<String, String>,
    ordered_sku: &str,
    paid: Money,
    candidates: &[Candidate<'_>],
) -> Vec<Offer> {
    let mut all = alternatives(options, ordered, ordered_sku, paid, candidates);
    all.retain(|o| o.available > 0);
    all
}

/// The [`offers`] of a line, sold-out variants included (a request for
/// one is out of stock, not a variant the line is never offered).
pub fn alternatives(
    options: &[String],
    ordered: &BTreeMap<String, String>,
    ordered_sku: &str,
    paid: Money,
    candidates: &[Candidate<'_>],
) -> Vec<Offer> {
    let mut found: Vec<(usize, usize, Offer)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.sku != ordered_sku)
        .filter_map(|(position, c)| {
            let price = c.price?;
            let changed: Vec<String> = options
                .iter()
                .filter(|o| ordered.get(*o) != c.option_values.get(*o))
                .cloned()
                .collect();
            Some((
                changed.len(),
                position,
                Offer {
                    sku: c.sku.to_string(),
                    option_values: c.option_values.clone(),
                    changed,
                    price_difference: MoneyDelta {
                        amount: price - paid.amount,
                        currency: paid.currency,
                    },
                    available: c.free,
                },
            ))
        })
        .collect();
    found.sort_by_key(|(changed, position, _)| (*changed, *position));
    found.into_iter().map(|(_, _, offer)| offer).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn product(json: serde_json::Value) -> ProductInput {
        serde_json::from_value(json).expect("json")
    }

    fn shirt() -> serde_json::Value {
        serde_json::json!({
            "id": "tshirt", "title": " Classic T-shirt ", "options": ["size", "colour"],
            "variants": [
                { "sku": "M-B", "option_values": { "size": "M", "colour": "black" },
                  "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 2 },
                { "sku": "L-B", "option_values": { "size": "L", "colour": "black" },
                  "prices": [ { "amount": 1999, "currency": "EUR" } ], "available": 3 }
            ]
        })
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_product_is_trimmed_and_exchangeable_by_default() {
        let p = product(shirt()).check().expect("valid");
        assert_eq!(p.title, "Classic T-shirt");
        assert!(p.exchangeable);
        assert_eq!(p.variants[1].prices["EUR"], 1999);
    }

    #[test]
    fn every_variant_needs_exactly_the_products_options_and_its_own_values() {
        let mut json = shirt();
        json["variants"][1]["option_values"] =
            serde_json::json!({ "size": "M", "colour": "black" });
        json["variants"][0]["option_values"] = serde_json::json!({ "size": "M" });
        let errors = product(json).check_at("").expect_err("invalid");
        assert_eq!(fields(&errors), vec!["variants[0].option_values"]);
        let mut json = shirt();
        json["variants"][1]["option_values"] =
            serde_json::json!({ "size": "M", "colour": "black" });
        let errors = product(json).check_at("products[2].").expect_err("invalid");
        assert_eq!(
            fields(&errors),
            vec!["products[2].variants[1].option_values"]
        );
    }

    #[test]
    fn skus_currencies_and_stock_are_checked() {
        let mut json = shirt();
        json["variants"][1]["sku"] = "M-B".into();
        json["variants"][0]["prices"] = serde_json::json!([
            { "amount": 1, "currency": "EUR" }, { "amount": 2, "currency": "eur" }
        ]);
        json["variants"][0]["available"] = (-1).into();
        let errors = product(json).check_at("").expect_err("invalid");
        assert_eq!(
            fields(&errors),
            vec![
                "variants[0].prices[1].currency",
                "variants[0].available",
                "variants[1].sku"
            ]
        );
    }

    #[test]
    fn stock_is_set_or_moved_and_stays_within_its_range() {
        let set = StockChange {
            available: Some(7),
            delta: None,
        };
        assert_eq!(set.apply(3).expect("set"), 7);
        let take = StockChange {
            available: None,
            delta: Some(-2),
        };
        assert_eq!(take.apply(3).expect("take"), 1);
        assert!(take.apply(1).is_err());
        let both = StockChange {
            available: Some(1),
            delta: Some(1),
        };
        assert!(both.apply(1).is_err());
        let neither = StockChange {
            available: None,
            delta: None,
        };
        assert!(neither.apply(1).is_err());
    }

    fn values(size: &str, colour: &str) -> BTreeMap<String, String> {
        [("size", size), ("colour", colour)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn offers_are_the_other_variants_in_stock_fewest_changes_first_with_the_price_difference() {
        let options = vec!["size".to_string(), "colour".to_string()];
        let (m_black, l_white, l_black, xl_black, s_black) = (
            values("M", "black"),
            values("L", "white"),
            values("L", "black"),
            values("XL", "black"),
            values("S", "black"),
        );
        let candidates = [
            Candidate {
                sku: "M-B",
                option_values: &m_black,
                price: Some(1999),
                free: 5,
            },
            Candidate {
                sku: "L-W",
                option_values: &l_white,
                price: Some(2499),
                free: 1,
            },
            Candidate {
                sku: "L-B",
                option_values: &l_black,
                price: Some(1499),
                free: 3,
            },
            Candidate {
                sku: "XL-B",
                option_values: &xl_black,
                price: Some(1999),
                free: 0,
            },
            Candidate {
                sku: "S-B",
                option_values: &s_black,
                price: None,
                free: 4,
            },
        ];
        let paid = Money::new(1999, Currency::EUR);
        let found = offers(&options, &m_black, "M-B", paid, &candidates);
        let summary: Vec<(&str, Vec<String>, i64)> = found
            .iter()
            .map(|o| (o.sku.as_str(), o.changed.clone(), o.price_difference.amount))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("L-B", vec!["size".to_string()], -500),
                ("L-W", vec!["size".to_string(), "colour".to_string()], 500),
            ]
        );
    }
}
