//! Brand-level rules: slugs, themes, allowed origins.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::FieldError;

/// Colours and logo of a brand's portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Absolute URL of the logo (SVG or PNG).
    #[validate(url)]
    #[schema(example = "https://cdn.example.com/logo.svg")]
    pub logo_url: Option<String>,
    /// Main colour, `#rrggbb`.
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#0f172a")]
    pub primary_color: String,
    /// Accent colour for buttons and links, `#rrggbb`.
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#2563eb")]
    pub accent_color: String,
    /// Page background, `#rrggbb`.
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#ffffff")]
    pub background_color: String,
    /// CSS font-family stack.
    #[validate(length(max = 200))]
    pub font_family: Option<String>,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            logo_url: None,
            primary_color: "#0f172a".into(),
            accent_color: "#2563eb".into(),
            background_color: "#ffffff".into(),
            font_family: None,
        }
    }
}

fn validate_color(value: &str) -> Result<(), validator::ValidationError> {
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("invalid_color")
            .with_message("must be a colour like #1a2b3c".into()))
    }
}

/// Checks a brand slug: 2–63 lowercase letters, digits and inner hyphens.
pub fn check_slug(slug: &str) -> Result<(), FieldError> {
    let ok = (2..=63).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            "slug",
            "invalid_slug",
            "must be 2–63 lowercase letters, digits or inner hyphens",
        ))
    }
}

/// Checks a custom domain (a host name with at least one dot) and lower-cases it.
pub fn normalize_domain(domain: &str) -> Result<String, FieldError> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    });
    if domain.contains('.') && domain.len() <= 253 && labels_ok {
        Ok(domain)
    } else {
        Err(FieldError::new(
            "custom_domain",
            "invalid_domain",
            "must be a host name such as returns.example.com",
        ))
    }
}

/// Normalizes the list of browser origins allowed to call the portal:
/// `*` or `scheme://host[:port]` without a path.
pub fn normalize_origins(origins: &[String]) -> Result<Vec<String>, Vec<FieldError>> {
    let mut out = Vec::with_capacity(origins.len());
    let mut errors = Vec::new();
    for (i, origin) in origins.iter().enumerate() {
        let origin = origin.trim();
        if origin == "*" {
            out.push("*".to_string());
            continue;
        }
        match url::Url::parse(origin) {
            Ok(url)
                if matches!(url.scheme(), "http" | "https")
                    && url.host().is_some()
                    && url.origin().ascii_serialization()
                        == origin.trim_end_matches('/').to_ascii_lowercase() =>
            {
                out.push(url.origin().ascii_serialization());
            }
            _ => errors.push(FieldError::new(
                format!("allowed_origins[{i}]"),
                "invalid_origin",
                "must be * or an origin such as https://shop.example.com (no path)",
            )),
        }
    }
    if origins.len() > 50 {
        errors.push(FieldError::new(
            "allowed_origins",
            "invalid_length",
            "at most 50 origins",
        ));
    }
    out.dedup();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Whether `origin` (from a request's `Origin` header) is in the allowed list.
pub fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    allowed
        .iter()
        .any(|a| a == "*" || a.eq_ignore_ascii_case(origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_with_inner_hyphens() {
        assert!(check_slug("acme").is_ok());
        assert!(check_slug("acme-shoes-2").is_ok());
        assert!(check_slug("Acme").is_err());
        assert!(check_slug("-acme").is_err());
        assert!(check_slug("a").is_err());
        assert!(check_slug("ac me").is_err());
    }

    #[test]
    fn origins_must_be_bare_origins_or_a_star() {
        let ok = normalize_origins(&[
            "https://Shop.example.com".into(),
            "*".into(),
            "http://localhost:3000".into(),
        ])
        .unwrap();
        assert_eq!(
            ok,
            vec!["https://shop.example.com", "*", "http://localhost:3000"]
        );
        let bad = normalize_origins(&["https://shop.example.com/path".into(), "ftp://x.y".into()])
            .unwrap_err();
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].field, "allowed_origins[0]");
    }

    #[test]
    fn custom_domains_are_host_names() {
        assert_eq!(
            normalize_domain("Returns.Example.com.").unwrap(),
            "returns.example.com"
        );
        assert!(normalize_domain("localhost").is_err());
        assert!(normalize_domain("exa mple.com").is_err());
    }
}
