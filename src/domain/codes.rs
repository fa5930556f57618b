//! The vocabulary every part of the domain shares: snake_case codes,
//! carrier codes, locale tags and country codes, the checks that accept
//! them and the spec's schemas that state them.
//!
//! Settings, notifications, orders, tracking, vendors and reviews all name
//! codes, locales and countries; keeping the checks here lets each of them
//! depend on this module instead of on one another.

/// `snake_case` identifier of at most `max` bytes.
pub fn is_code(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Carrier codes and address ids: lowercase letters, digits, `-`, `_`.
pub fn is_carrier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A language tag: `en`, `nl`, `de-AT`, `zh-Hant`, `es-419`.
pub fn is_locale(s: &str) -> bool {
    let mut parts = s.split('-');
    let language = parts.next().unwrap_or_default();
    let lang_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    lang_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && s.len() <= 35
}

/// The pattern [`is_locale`] accepts (without its 35-byte limit).
pub const LOCALE_PATTERN: &str = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$";

/// The pattern [`is_code`] accepts (without its length limit).
pub const CODE_PATTERN: &str = "^[a-z][a-z0-9_]*$";

/// The spec's name for a locale tag such as `en`, `nl` or `de-AT`: the
/// schema of every locale field and locale-keyed map.
pub struct Locale;

impl utoipa::PartialSchema for Locale {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("Language tag: a language, then optional subtags."))
            .pattern(Some(LOCALE_PATTERN))
            .max_length(Some(35))
            .examples(["en"])
            .into()
    }
}

impl utoipa::ToSchema for Locale {}

/// The spec's name for an ISO 3166-1 alpha-2 country code: the schema of
/// every country field, listing exactly the codes [`is_country`] accepts.
pub struct CountryCode;

impl utoipa::PartialSchema for CountryCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let mut codes: Vec<&'static str> = celes::Country::get_countries()
            .iter()
            .map(|c| c.alpha2)
            .filter(|c| is_country(c))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("ISO 3166-1 alpha-2 country code, upper case."))
            .enum_values(Some(codes))
            .examples(["NL"])
            .into()
    }
}

impl utoipa::ToSchema for CountryCode {}

/// Whether `s` is an ISO 3166-1 alpha-2 country code (upper case).
pub fn is_country(s: &str) -> bool {
    s.len() == 2
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && celes::Country::from_alpha2(s).is_ok()
}

/// Checks a vendor id: 1–63 lowercase letters, digits, `-` and `_`, not
/// starting with `-` or `_` (the spec's vendor id pattern).
pub fn is_vendor_id(id: &str) -> bool {
    (1..=63).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, value: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(value)
    }

    #[test]
    fn the_locale_pattern_states_what_is_locale_accepts() {
        for tag in [
            "en",
            "nl",
            "de-AT",
            "zh-Hant-TW",
            "gsw",
            "",
            "EN",
            "en-",
            "e",
            "en_GB",
            "en.x",
            "abcd",
            "en-a",
            "en-abcdefghi",
            " en",
        ] {
            assert_eq!(matches(LOCALE_PATTERN, tag), is_locale(tag), "{tag:?}");
        }
    }

    #[test]
    fn the_code_pattern_states_what_is_code_accepts() {
        for code in [
            "too_small",
            "a",
            "a1_b",
            "",
            "_a",
            "1a",
            "A",
            "too-small",
            "a.b",
            "é",
        ] {
            assert_eq!(matches(CODE_PATTERN, code), is_code(code, 64), "{code:?}");
        }
    }
}
