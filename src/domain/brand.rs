//! Brand-level rules: slugs, names, themes, custom domains, allowed origins,
//! and the checks of brand creation and update.

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{ApiError, ErrorCode, FieldError};

/// Colours and logo of a brand's portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Absolute URL of the logo (SVG or PNG).
    #[validate(custom(function = "validate_logo_url"))]
    #[schema(
        example = "https://cdn.example.com/logo.svg",
        max_length = 2000,
        pattern = "^https://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$"
    )]
    pub logo_url: Option<String>,
    /// Main colour, `#rrggbb`: the portal's text (and its brand bar).
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#0f172a", pattern = "^#[0-9A-Fa-f]{6}$")]
    pub primary_color: String,
    /// Accent colour for buttons, links and choices, `#rrggbb`.
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#2563eb", pattern = "^#[0-9A-Fa-f]{6}$")]
    pub accent_color: String,
    /// Page background, `#rrggbb`.
    #[validate(custom(function = "validate_color"))]
    #[schema(example = "#ffffff", pattern = "^#[0-9A-Fa-f]{6}$")]
    pub background_color: String,
    /// CSS font-family stack.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
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

/// A logo is served to every visitor of the portal: only an `https` URL of
/// a host (no `javascript:`, `data:` or `file:`), at most 2000 characters.
fn validate_logo_url(value: &str) -> Result<(), validator::ValidationError> {
    if crate::domain::urls::is_web_url(value, true) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("invalid_url")
            .with_message("must be an https URL such as https://cdn.example.com/logo.svg".into()))
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
            ErrorCode::InvalidSlug,
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
            ErrorCode::InvalidDomain,
            "must be a host name such as returns.example.com",
        ))
    }
}

/// How a portal route names its brand, as looked up: a slug as is, a custom
/// domain lower-cased; `None` when it can be neither (no brand has it).
pub fn portal_key(raw: &str) -> Option<String> {
    if raw.contains('.') {
        normalize_domain(raw).ok()
    } else {
        check_slug(raw).ok().map(|()| raw.to_string())
    }
}

/// Normalizes the list of browser origins allowed to call the portal:
/// `*` or `scheme://host[:port]` without a path.
pub fn normalize_origins(origins: &[String]) -> Result<Vec<String>, Vec<FieldError>> {
    let mut out = Vec::with_capacity(origins.len());
    let mut errors = Vec::new();
    for (i, origin) in origins.iter().enumerate() {
        if origin == "*" {
            out.push("*".to_string());
            continue;
        }
        match normalize_origin(origin) {
            Some(origin) => out.push(origin),
            None => errors.push(FieldError::new(
                format!("allowed_origins[{i}]"),
                ErrorCode::InvalidOrigin,
                "must be * or an origin such as https://shop.example.com (no path)",
            )),
        }
    }
    if origins.len() > MAX_ORIGINS {
        errors.push(FieldError::new(
            "allowed_origins",
            ErrorCode::InvalidLength,
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

/// Most allowed origins of a brand.
pub const MAX_ORIGINS: usize = 50;

/// What an allowed origin looks like: `*`, or `http(s)://host[:port]` with a
/// host name of letter-digit-hyphen labels and a port of 1–4 digits (the
/// spec's pattern, checked the same way here).
pub const ORIGIN_PATTERN: &str = r"^(?:\*|https?://[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?)$";

fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// An origin of [`ORIGIN_PATTERN`] (other than `*`) as browsers send it in
/// `Origin`: the host lower-cased, the scheme's default port left out.
fn normalize_origin(s: &str) -> Option<String> {
    let (scheme, rest) = s.split_once("://")?;
    let default_port = match scheme {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let port_ok = port.is_none_or(|p| {
        (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && !p.starts_with('0')
            && p.parse::<u32>().is_ok_and(|n| n <= 65_535)
    });
    if !port_ok || !host.split('.').all(is_label) {
        return None;
    }
    let host = host.to_ascii_lowercase();
    Some(match port {
        Some(p) if p != default_port => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// A browser origin allowed to call and embed the portal (schema only).
pub struct Origin;

impl utoipa::PartialSchema for Origin {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "`*` for any origin, or `http(s)://host[:port]` without a path.",
            ))
            .pattern(Some(ORIGIN_PATTERN))
            .examples(["https://shop.acme.example"])
            .into()
    }
}

impl utoipa::ToSchema for Origin {}

/// Longest display name (characters).
pub const MAX_NAME: usize = 100;

/// Body of `POST /v1/brands`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateBrand {
    /// Slug: 2–63 lowercase letters, digits and inner hyphens.
    #[schema(example = "acme", pattern = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$")]
    pub slug: String,
    /// Display name (1–100 characters).
    #[schema(example = "ACME Outdoor", max_length = 100, pattern = "[^\\s\\u0085]")]
    pub name: String,
    /// Theme (defaults to neutral colours).
    pub theme: Option<Theme>,
    /// Custom domain.
    #[schema(
        example = "returns.acme.example",
        max_length = 253,
        pattern = "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$"
    )]
    pub custom_domain: Option<String>,
    /// Allowed browser origins (`*` for any).
    #[schema(example = json!(["https://shop.acme.example"]), max_items = 50, value_type = Option<Vec<Origin>>)]
    pub allowed_origins: Option<Vec<String>>,
}

/// Body of `PATCH /v1/brands/{brand}`: only the fields present change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBrand {
    /// New display name.
    #[schema(max_length = 100, pattern = "[^\\s\\u0085]")]
    pub name: Option<String>,
    /// New theme (replaces the whole theme).
    pub theme: Option<Theme>,
    /// New custom domain; `null` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 253, pattern = "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$")]
    pub custom_domain: Option<Option<String>>,
    /// New allowed origins (replaces the list).
    #[schema(max_items = 50, value_type = Option<Vec<Origin>>)]
    pub allowed_origins: Option<Vec<String>>,
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A checked new brand.
#[derive(Debug, Clone, PartialEq)]
pub struct NewBrand {
    /// Slug.
    pub slug: String,
    /// Display name, trimmed.
    pub name: String,
    /// Theme.
    pub theme: Theme,
    /// Custom domain, normalized.
    pub custom_domain: Option<String>,
    /// Allowed origins, normalized.
    pub origins: Vec<String>,
}

/// Checked changes of a brand (`None`: unchanged).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BrandChanges {
    /// New name, trimmed.
    pub name: Option<String>,
    /// New theme.
    pub theme: Option<Theme>,
    /// New custom domain (`Some(None)` removes it).
    pub custom_domain: Option<Option<String>>,
    /// New allowed origins.
    pub origins: Option<Vec<String>>,
}

/// A display name: 1–100 characters once trimmed (brands and vendors).
pub(crate) fn check_name(name: &str, errors: &mut Vec<FieldError>) -> String {
    if name.trim().is_empty() || name.chars().count() > MAX_NAME {
        errors.push(FieldError::new(
            "name",
            ErrorCode::InvalidLength,
            "must have 1–100 characters",
        ));
    }
    name.trim().to_string()
}

fn check_theme(theme: &Theme, errors: &mut Vec<FieldError>) {
    if let Err(e) = theme.validate() {
        errors.extend(
            crate::error::field_errors(&e)
                .into_iter()
                .map(|f| f.within("theme")),
        );
    }
}

fn check_domain(domain: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    normalize_domain(domain).map_err(|e| errors.push(e)).ok()
}

fn check_origins(origins: &[String], errors: &mut Vec<FieldError>) -> Option<Vec<String>> {
    normalize_origins(origins)
        .map_err(|e| errors.extend(e))
        .ok()
}

impl CreateBrand {
    /// Checks every field; 422 naming each invalid one.
    pub fn check(self) -> Result<NewBrand, ApiError> {
        let mut errors = Vec::new();
        if let Err(e) = check_slug(&self.slug) {
            errors.push(e);
        }
        let name = check_name(&self.name, &mut errors);
        let theme = self.theme.unwrap_or_default();
        check_theme(&theme, &mut errors);
        let custom_domain = self
            .custom_domain
            .as_deref()
            .and_then(|d| check_domain(d, &mut errors));
        let origins = check_origins(&self.allowed_origins.unwrap_or_default(), &mut errors);
        ApiError::check(errors)?;
        Ok(NewBrand {
            slug: self.slug,
            name,
            theme,
            custom_domain,
            origins: origins.unwrap_or_default(),
        })
    }
}

impl UpdateBrand {
    /// Checks the fields present; 422 naming each invalid one.
    pub fn check(self) -> Result<BrandChanges, ApiError> {
        let mut errors = Vec::new();
        let name = self.name.as_deref().map(|n| check_name(n, &mut errors));
        if let Some(theme) = &self.theme {
            check_theme(theme, &mut errors);
        }
        let custom_domain = match &self.custom_domain {
            Some(Some(d)) => check_domain(d, &mut errors).map(Some),
            Some(None) => Some(None),
            None => None,
        };
        let origins = self
            .allowed_origins
            .as_deref()
            .and_then(|o| check_origins(o, &mut errors));
        ApiError::check(errors)?;
        Ok(BrandChanges {
            name,
            theme: self.theme,
            custom_domain,
            origins,
        })
    }
}

/// Whether `origin` (from a request's `Origin` header) is in the allowed list.
pub fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    allowed
        .iter()
        .any(|a| a == "*" || a.eq_ignore_ascii_case(origin))
}

/// The `Content-Security-Policy` of the reference portal's page: its own
/// scripts, styles and API only (no inline script or style), images also
/// from `https:` hosts (product images, logos) and as `data:`/`blob:` URLs
/// (previews of photos being uploaded), and shown in a frame only by its
/// own origin and the brand's allowed origins (any, for `*`).
pub fn portal_csp(allowed: &[String]) -> String {
    let ancestors = if allowed.iter().any(|a| a == "*") {
        "*".to_string()
    } else {
        std::iter::once("'self'")
            .chain(allowed.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; \
         img-src 'self' data: blob: https:; connect-src 'self'; font-src 'self'; \
         base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_may_be_framed_by_its_own_origin_and_the_allowed_ones_only() {
        let csp = portal_csp(&[
            "https://shop.example".into(),
            "http://127.0.0.1:3000".into(),
        ]);
        assert!(csp.ends_with("frame-ancestors 'self' https://shop.example http://127.0.0.1:3000"));
        assert!(portal_csp(&[]).ends_with("frame-ancestors 'self'"));
        assert!(portal_csp(&["*".into()]).ends_with("frame-ancestors *"));
    }

    #[test]
    fn the_portal_policy_allows_no_inline_script_or_style() {
        let csp = portal_csp(&[]);
        assert!(csp.contains("script-src 'self';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.starts_with("default-src 'none';"));
    }

    #[test]
    fn a_portal_key_is_a_slug_or_a_custom_domain() {
        assert_eq!(portal_key("acme").as_deref(), Some("acme"));
        assert_eq!(
            portal_key("Returns.Example.com").as_deref(),
            Some("returns.example.com")
        );
        assert_eq!(portal_key(&"a".repeat(64)), None);
        assert_eq!(portal_key(&"a".repeat(64_000)), None);
        assert_eq!(portal_key(&format!("{}.com", "a".repeat(300))), None);
        assert_eq!(portal_key("Acme"), None);
        assert_eq!(portal_key("ac me"), None);
    }

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
            "http://127.0.0.1:65535".into(),
            "https://shop.example.com:443".into(),
            "http://shop.example.com:80".into(),
            "http://shop.example.com:443".into(),
        ])
        .unwrap();
        assert_eq!(
            ok,
            vec![
                "https://shop.example.com",
                "*",
                "http://localhost:3000",
                "http://127.0.0.1:65535",
                "https://shop.example.com",
                "http://shop.example.com",
                "http://shop.example.com:443"
            ]
        );
        let bad = normalize_origins(&[
            "https://shop.example.com/path".into(),
            "ftp://x.y".into(),
            "http://127.0.0.1:65536".into(),
            "http://127.0.0.1:0".into(),
        ])
        .unwrap_err();
        assert_eq!(bad.len(), 4);
        assert_eq!(bad[0].field, "allowed_origins[0]");
    }

    fn create(slug: &str, name: &str) -> CreateBrand {
        CreateBrand {
            slug: slug.into(),
            name: name.into(),
            theme: None,
            custom_domain: None,
            allowed_origins: None,
        }
    }

    #[test]
    fn a_new_brand_gets_a_trimmed_name_and_the_default_theme() {
        let b = create("acme", "  ACME  ").check().expect("valid");
        assert_eq!(b.name, "ACME");
        assert_eq!(b.theme, Theme::default());
        assert!(b.origins.is_empty());
    }

    #[test]
    fn a_new_brand_reports_every_invalid_field() {
        let mut input = create("Bad Slug", " ");
        input.custom_domain = Some("localhost".into());
        input.allowed_origins = Some(vec!["ftp://x.y".into()]);
        let e = input.check().expect_err("invalid");
        let fields: Vec<&str> = e.errors().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["slug", "name", "custom_domain", "allowed_origins[0]"]
        );
    }

    #[test]
    fn an_update_changes_only_what_it_names_and_null_removes_the_domain() {
        let u: UpdateBrand =
            serde_json::from_value(serde_json::json!({ "custom_domain": null })).expect("json");
        let c = u.check().expect("valid");
        assert_eq!(
            c,
            BrandChanges {
                custom_domain: Some(None),
                ..BrandChanges::default()
            }
        );
        let u: UpdateBrand = serde_json::from_value(serde_json::json!({})).expect("json");
        assert_eq!(u.check().expect("valid"), BrandChanges::default());
    }

    #[test]
    fn theme_errors_are_reported_under_theme() {
        let u: UpdateBrand = serde_json::from_value(serde_json::json!({
            "theme": { "primary_color": "red", "accent_color": "#ffffff", "background_color": "#ffffff" }
        }))
        .expect("json");
        let e = u.check().expect_err("bad colour");
        assert_eq!(e.errors()[0].field, "theme.primary_color");
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
