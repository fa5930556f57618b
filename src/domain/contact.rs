//! Normalization of what customers type: emails, phone numbers, postal codes,
//! order and tracking numbers. Stored values and lookup input go through the
//! same functions, so comparisons are exact.

use std::str::FromStr;

/// Lower-cased, trimmed email if it is a plausible address.
pub fn normalize_email(raw: &str) -> Option<String> {
    use validator::ValidateEmail;
    let email = raw.trim().to_lowercase();
    (email.len() <= 254 && email.validate_email()).then_some(email)
}

/// E.164 form (`+31612345678`) of a phone number. Numbers without a country
/// code are read in `region` (ISO 3166-1 alpha-2); without a region they must
/// start with `+`.
pub fn normalize_phone(raw: &str, region: Option<&str>) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 40 {
        return None;
    }
    let region = region.and_then(|r| phonenumber::country::Id::from_str(r).ok());
    if region.is_none() && !raw.starts_with('+') && !raw.starts_with("00") {
        return None;
    }
    let number = phonenumber::parse(region, raw).ok()?;
    if !phonenumber::is_valid(&number) {
        return None;
    }
    Some(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// Postal code as compared at lookup: upper case, without spaces and hyphens.
pub fn postal_key(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks the shape of a postal code for `country` (ISO alpha-2). Countries
/// with a simple national format are checked exactly; others need 2–10
/// letters or digits.
pub fn postal_code_valid(country: &str, raw: &str) -> bool {
    let key = postal_key(raw);
    if !key.is_ascii() {
        return false;
    }
    let digits = |n: usize| key.len() == n && key.bytes().all(|b| b.is_ascii_digit());
    match country {
        "NL" => {
            let (figures, letters) = key.as_bytes().split_at(key.len().min(4));
            key.len() == 6
                && figures.iter().all(u8::is_ascii_digit)
                && letters.iter().all(u8::is_ascii_uppercase)
                && !key.starts_with('0')
        }
        "BE" | "LU" | "AT" | "CH" | "DK" | "NO" | "HU" | "BG" | "SI" | "AU" | "NZ" | "ZA" => {
            digits(4)
        }
        "DE" | "FR" | "ES" | "IT" | "FI" | "EE" | "HR" | "LT" | "MX" | "MY" | "TR" | "UA" => {
            digits(5)
        }
        "SE" | "CZ" | "SK" | "GR" => digits(5),
        "PT" => digits(7) || digits(4),
        "PL" => digits(5),
        "US" => digits(5) || digits(9),
        "IE" => key.len() == 7 && key.bytes().all(|b| b.is_ascii_alphanumeric()),
        "GB" => {
            (5..=7).contains(&key.len())
                && key.bytes().all(|b| b.is_ascii_alphanumeric())
                && key.as_bytes()[0].is_ascii_alphabetic()
                && key.as_bytes()[key.len() - 3].is_ascii_digit()
        }
        _ => (2..=10).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric()),
    }
}

/// Order and tracking numbers as compared at lookup: trimmed, without a
/// leading `#`, without whitespace, upper case.
pub fn identifier_key(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('#')
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Compares two normalized secrets without an early exit on the first
/// difference, so timing does not reveal how much of a guess was right.
pub fn same(a: &str, b: &str) -> bool {
    use sha2::{Digest, Sha256};
    let (x, y) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_compare_case_insensitively() {
        assert_eq!(
            normalize_email("  Ana@Example.COM ").as_deref(),
            Some("ana@example.com")
        );
        assert_eq!(normalize_email("not-an-email"), None);
    }

    #[test]
    fn phones_become_e164_with_the_brand_region() {
        assert_eq!(
            normalize_phone("06 1234 5678", Some("NL")).as_deref(),
            Some("+31612345678")
        );
        assert_eq!(
            normalize_phone("+31 6-12345678", None).as_deref(),
            Some("+31612345678")
        );
        assert_eq!(
            normalize_phone("0031612345678", Some("DE")).as_deref(),
            Some("+31612345678")
        );
        assert_eq!(
            normalize_phone("0612345678", None),
            None,
            "no region, no country code"
        );
        assert_eq!(normalize_phone("12", Some("NL")), None);
    }

    #[test]
    fn postal_codes_ignore_case_and_spaces() {
        assert_eq!(postal_key("1012 ab"), "1012AB");
        assert_eq!(postal_key("sw1a-1aa"), "SW1A1AA");
        assert!(postal_code_valid("NL", "1012 ab"));
        assert!(!postal_code_valid("NL", "0123AB"));
        assert!(!postal_code_valid("NL", "1012"));
        assert!(postal_code_valid("DE", "10115"));
        assert!(!postal_code_valid("DE", "1011"));
        assert!(postal_code_valid("BE", "1000"));
        assert!(postal_code_valid("GB", "SW1A 1AA"));
        assert!(postal_code_valid("US", "94103"));
        assert!(postal_code_valid("JP", "100-0001"));
        assert!(!postal_code_valid("JP", "x"));
    }

    #[test]
    fn postal_codes_with_non_ascii_characters_are_invalid_without_panicking() {
        for raw in ["101ÉA", "1012É", "10ÉÉ", "١٢٣٤AB", "1012A\u{301}", "ÀÀÀ"] {
            for country in ["NL", "DE", "GB", "IE", "JP"] {
                assert!(!postal_code_valid(country, raw), "{country} {raw}");
            }
        }
    }

    #[test]
    fn identifiers_drop_hash_spaces_and_case() {
        assert_eq!(identifier_key(" #1001 "), "1001");
        assert_eq!(identifier_key("3s abc 0001"), "3SABC0001");
    }

    #[test]
    fn equal_strings_compare_equal() {
        assert!(same("1012AB", "1012AB"));
        assert!(!same("1012AB", "1012AC"));
        assert!(!same("", "x"));
    }
}
