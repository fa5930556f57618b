//! The one error type of the API and its `application/problem+json` rendering
//! (RFC 9457).
//!
//! Every client-facing failure carries a stable [`ErrorCode`], which also
//! decides its HTTP status; validation failures list one entry per offending
//! field with a JSON path such as `items[0].quantity`. Anything unexpected
//! becomes a 500 whose cause chain is logged and never sent.
//!
//! The ground floor: every layer returns [`ApiError`], and this module imports
//! nothing of the crate above it.

mod codes;
mod json;

pub use codes::ErrorCode;
pub use json::parse_json;
pub(crate) use json::strip_position;

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;
use validator::{ValidationErrors, ValidationErrorsKind};

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `items[0].quantity`; empty for the body as a whole.
    #[schema(example = "items[0].quantity")]
    pub field: String,
    /// Stable machine-readable code, e.g. `out_of_range`, `required`, `unknown_field`.
    #[schema(example = "out_of_range")]
    pub code: ErrorCode,
    /// Human-readable explanation.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(
        field: impl Into<String>,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError {
            field: field.into(),
            code,
            message: message.into(),
        }
    }

    /// The same error under `prefix` (`orders[3]` + `lines[0].quantity`).
    pub fn within(self, prefix: &str) -> FieldError {
        let field = match (prefix.is_empty(), self.field.is_empty()) {
            (true, _) => self.field,
            (false, true) => prefix.to_string(),
            (false, false) if self.field.starts_with('[') => format!("{prefix}{}", self.field),
            (false, false) => format!("{prefix}.{}", self.field),
        };
        FieldError { field, ..self }
    }
}

/// The problem document sent for every error (`application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// URI naming the problem type (`urn:returns-api:problem:<code>`).
    #[serde(rename = "type")]
    #[schema(example = "urn:returns-api:problem:validation_failed")]
    pub type_: String,
    /// Short summary of the problem type.
    #[schema(example = "Validation failed")]
    pub title: String,
    /// HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// Explanation of this occurrence.
    pub detail: String,
    /// Stable machine-readable error code.
    #[schema(example = "validation_failed")]
    pub code: ErrorCode,
    /// Per-field errors (may be empty).
    pub errors: Vec<FieldError>,
}

/// An error returned by any layer; routes send it as problem+json.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    detail: String,
    errors: Vec<FieldError>,
    headers: Vec<(&'static str, String)>,
    source: Option<anyhow::Error>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.code.status(), self.code, self.detail)?;
        if let Some(source) = &self.source {
            write!(f, " ({source:#})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// An error with `code`, whose status the code decides. A 401 asks for a
    /// bearer credential (`WWW-Authenticate: Bearer`).
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> ApiError {
        let headers = if code.status() == 401 {
            vec![("www-authenticate", "Bearer".to_string())]
        } else {
            Vec::new()
        };
        ApiError {
            code,
            detail: detail.into(),
            errors: Vec::new(),
            headers,
            source: None,
        }
    }

    /// 422 `validation_failed` listing every invalid field.
    pub fn validation(errors: Vec<FieldError>) -> ApiError {
        let detail = match errors.len() {
            1 => format!("{}: {}", display_field(&errors[0].field), errors[0].message),
            n => format!("{n} fields are invalid"),
        };
        ApiError::new(ErrorCode::ValidationFailed, detail).with_errors(errors)
    }

    /// 422 `validation_failed` for one field.
    pub fn field(
        field: impl Into<String>,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError::validation(vec![FieldError::new(field, code, message)])
    }

    /// `Ok(())` when `errors` is empty, else [`ApiError::validation`].
    pub fn check(errors: Vec<FieldError>) -> Result<(), ApiError> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(errors))
        }
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(retry_after_secs: u64, detail: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::RateLimited, detail)
            .with_header("retry-after", retry_after_secs.max(1).to_string())
    }

    /// 503 when the database cannot serve in time; the client may retry.
    pub fn database_unavailable(err: impl fmt::Display) -> ApiError {
        tracing::warn!(error = %err, "database unavailable");
        ApiError::new(
            ErrorCode::DatabaseUnavailable,
            "The database is temporarily unavailable; retry shortly.",
        )
        .with_header("retry-after", "1")
    }

    /// 500 for anything unexpected; the cause is logged, not sent.
    pub fn internal(err: impl Into<anyhow::Error>) -> ApiError {
        ApiError::new(ErrorCode::InternalError, "An unexpected error occurred.").with_source(err)
    }

    /// Keeps `err` as the cause (logged for server errors, never sent).
    pub fn with_source(mut self, err: impl Into<anyhow::Error>) -> ApiError {
        self.source = Some(err.into());
        self
    }

    /// Adds field errors.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> ApiError {
        self.errors.extend(errors);
        self
    }

    /// Adds a response header (lower-case name).
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> ApiError {
        self.headers.push((name, value.into()));
        self
    }

    /// The stable error code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The explanation.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The field errors.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The cause, if one was kept.
    pub fn source_error(&self) -> Option<&anyhow::Error> {
        self.source.as_ref()
    }

    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn problem(&self) -> Problem {
        let status = self.status();
        Problem {
            type_: format!("urn:returns-api:problem:{}", self.code),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: self.detail.clone(),
            code: self.code,
            errors: self.errors.clone(),
        }
    }
}

fn display_field(field: &str) -> &str {
    if field.is_empty() { "body" } else { field }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status();
        if status.is_server_error() {
            match &self.source {
                Some(source) => {
                    tracing::error!(code = %self.code, error = ?source, "request failed")
                }
                None => tracing::warn!(code = %self.code, detail = %self.detail, "request failed"),
            }
        }
        let mut builder = HttpResponse::build(status);
        builder.insert_header(("content-type", "application/problem+json"));
        for (name, value) in &self.headers {
            if let Ok(value) = HeaderValue::from_str(value) {
                builder.insert_header((HeaderName::from_static(name), value));
            }
        }
        builder.body(serde_json::to_vec(&self.problem()).unwrap_or_default())
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> ApiError {
        ApiError::validation(field_errors(&errors))
    }
}

/// Flattens validator's nested errors into field errors with JSON paths.
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = join(prefix, field);
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let code = stable_code(&e.code);
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| default_message(code, e));
                    out.push(FieldError::new(path.clone(), code, message));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn join(prefix: &str, field: &str) -> String {
    if field == "__all__" {
        prefix.to_string()
    } else if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

/// Our code for a validator code (custom validators use ours directly).
fn stable_code(code: &str) -> ErrorCode {
    match code {
        "range" => ErrorCode::OutOfRange,
        "length" => ErrorCode::InvalidLength,
        "email" => ErrorCode::InvalidEmail,
        "url" => ErrorCode::InvalidUrl,
        "regex" => ErrorCode::InvalidFormat,
        other => ErrorCode::parse(other).unwrap_or(ErrorCode::InvalidValue),
    }
}

fn default_message(code: ErrorCode, e: &validator::ValidationError) -> String {
    let param = |k: &str| e.params.get(k).map(|v| v.to_string());
    match code {
        ErrorCode::OutOfRange => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".into(),
        },
        ErrorCode::InvalidLength => match (param("min"), param("max"), param("equal")) {
            (_, _, Some(eq)) => format!("must have length {eq}"),
            (Some(min), Some(max), _) => {
                format!("must have between {min} and {max} entries or characters")
            }
            (Some(min), None, _) => format!("must have at least {min} entries or characters"),
            (None, Some(max), _) => format!("must have at most {max} entries or characters"),
            _ => "has an invalid length".into(),
        },
        ErrorCode::InvalidEmail => "must be an email address".into(),
        ErrorCode::InvalidUrl => "must be an absolute URL".into(),
        _ => format!("is invalid ({code})"),
    }
}
