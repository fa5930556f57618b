//! Money: integer minor units with an ISO 4217 currency.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Largest amount of money the API takes (minor units): 100,000,000,000 is
/// a billion euros, and sums of many such amounts still fit in an `i64`.
pub const MAX_AMOUNT: i64 = 100_000_000_000;

/// An amount of money in minor units (cents for EUR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount in minor units (1999 = 19.99 EUR).
    #[schema(example = 1999, minimum = 0, maximum = 100_000_000_000i64)]
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: Currency,
}

impl Money {
    /// `amount` minor units of `currency`.
    pub fn new(amount: i64, currency: Currency) -> Money {
        Money { amount, currency }
    }
}

/// A difference of money in minor units: negative when it is owed the
/// other way (a cheaper exchange).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyDelta {
    /// Amount in minor units (`-500` = 5.00 EUR less).
    #[schema(example = 500, minimum = -100_000_000_000i64, maximum = 100_000_000_000i64)]
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: Currency,
}

/// An ISO 4217 currency code, upper case, checked against the standard's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");

    /// Parses an active ISO 4217 code (case-insensitive).
    pub fn parse(code: &str) -> Option<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        let known = iso_currency::Currency::from_code(&upper)?;
        let bytes = known.code().as_bytes();
        Some(Currency([bytes[0], bytes[1], bytes[2]]))
    }

    /// The code, e.g. `EUR`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Digits after the decimal point (2 for EUR, 0 for JPY).
    pub fn exponent(&self) -> u32 {
        iso_currency::Currency::from_code(self.as_str())
            .and_then(|c| c.exponent())
            .map(u32::from)
            .unwrap_or(2)
    }
}

impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use iso_currency::IntoEnumIterator;
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let codes: Vec<&'static str> = iso_currency::Currency::iter().map(|c| c.code()).collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "ISO 4217 currency code (sent in upper case; lower case is accepted too).",
            ))
            .enum_values(Some(codes))
            .examples(["EUR"])
            .into()
    }
}

impl utoipa::ToSchema for Currency {}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let raw = String::deserialize(d)?;
        Currency::parse(&raw).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&raw),
                &"an ISO 4217 currency code such as EUR",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_are_checked_against_iso_4217() {
        assert_eq!(
            Currency::parse("eur").map(|c| c.to_string()),
            Some("EUR".into())
        );
        assert_eq!(Currency::parse("JPY").map(|c| c.exponent()), Some(0));
        assert!(Currency::parse("EURO").is_none());
        assert!(Currency::parse("ZZZ").is_none());
    }

    #[test]
    fn money_reads_and_writes_minor_units() {
        let m: Money = serde_json::from_str(r#"{"amount":1999,"currency":"EUR"}"#).unwrap();
        assert_eq!(m.amount, 1999);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"amount":1999,"currency":"EUR"}"#
        );
        assert!(serde_json::from_str::<Money>(r#"{"amount":1,"currency":"XYZ1"}"#).is_err());
    }
}
