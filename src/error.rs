//! The one error type of the API and its `application/problem+json` rendering
//! (RFC 9457).
//!
//! Every client-facing failure carries a stable snake_case `code`; validation
//! failures list one entry per offending field with a JSON path such as
//! `items[0].quantity`. Anything unexpected becomes a 500 whose cause chain is
//! logged and never sent.

use std::borrow::Cow;
use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `items[0].quantity`; empty for the body as a whole.
    #[schema(example = "items[0].quantity")]
    pub field: String,
    /// Stable machine-readable code, e.g. `out_of_range`, `required`, `unknown_field`.
    #[schema(example = "out_of_range")]
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> FieldError {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
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
    pub code: String,
    /// Per-field errors (may be empty).
    pub errors: Vec<FieldError>,
}

/// An error returned by a handler.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: Cow<'static, str>,
    detail: String,
    errors: Vec<FieldError>,
    headers: Vec<(HeaderName, String)>,
    source: Option<anyhow::Error>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)?;
        if let Some(source) = &self.source {
            write!(f, " ({source:#})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// An error with any status and code.
    pub fn new(
        status: StatusCode,
        code: impl Into<Cow<'static, str>>,
        detail: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            code: code.into(),
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
            source: None,
        }
    }

    /// 400 for a request that cannot be read (malformed JSON, wrong types, bad query).
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 401 for missing, malformed, invalid or expired credentials.
    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, code, detail)
            .with_header(header::WWW_AUTHENTICATE, "Bearer")
    }

    /// 403 for valid credentials without the right role or scope.
    pub fn forbidden(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, code, detail)
    }

    /// 404 (also used for objects of other tenants).
    pub fn not_found(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, code, detail)
    }

    /// 409 for a state or quantity conflict.
    pub fn conflict(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, code, detail)
    }

    /// 422 for a well-formed request that breaks the rules.
    pub fn unprocessable(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, detail)
    }

    /// 422 `validation_failed` listing every invalid field.
    pub fn validation(errors: Vec<FieldError>) -> ApiError {
        let detail = match errors.len() {
            1 => format!("{}: {}", display_field(&errors[0].field), errors[0].message),
            n => format!("{n} fields are invalid"),
        };
        ApiError::unprocessable("validation_failed", detail).with_errors(errors)
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(retry_after_secs: u64, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", detail)
            .with_header(header::RETRY_AFTER, retry_after_secs.max(1).to_string())
    }

    /// 503 when the database cannot hand out a connection in time.
    pub fn database_unavailable(err: impl fmt::Display) -> ApiError {
        tracing::warn!(error = %err, "database unavailable");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "The service is temporarily unavailable; retry shortly.",
        )
        .with_header(header::RETRY_AFTER, "1")
    }

    /// 500 for anything unexpected; the cause is logged, not sent.
    pub fn internal(err: impl Into<anyhow::Error>) -> ApiError {
        let mut e = ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "An unexpected error occurred.",
        );
        e.source = Some(err.into());
        e
    }

    /// Adds field errors.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> ApiError {
        self.errors.extend(errors);
        self
    }

    /// Adds a response header.
    pub fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> ApiError {
        self.headers.push((name, value.into()));
        self
    }

    /// The stable error code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The field errors.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// Whether this wraps a database error that a retry of the whole
    /// transaction can cure (lock contention, serialization failure).
    pub fn is_retryable_db_error(&self) -> bool {
        let Some(source) = &self.source else {
            return false;
        };
        match source.downcast_ref::<diesel::result::Error>() {
            Some(diesel::result::Error::DatabaseError(kind, info)) => {
                matches!(
                    kind,
                    diesel::result::DatabaseErrorKind::SerializationFailure
                ) || info.message().contains("database is locked")
                    || info.message().contains("deadlock detected")
                    // A fresh draw of the random RMA number cures this.
                    || info.constraint_name() == Some("returns_rma_number_key")
            }
            _ => false,
        }
    }

    fn problem(&self) -> Problem {
        Problem {
            type_: format!("urn:returns-api:problem:{}", self.code),
            title: self
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_string(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_string(),
            errors: self.errors.clone(),
        }
    }
}

fn display_field(field: &str) -> &str {
    if field.is_empty() { "body" } else { field }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.status.is_server_error() {
            match &self.source {
                Some(source) => {
                    tracing::error!(code = %self.code, error = ?source, "request failed")
                }
                None => tracing::warn!(code = %self.code, detail = %self.detail, "request failed"),
            }
        }
        let mut builder = HttpResponse::build(self.status);
        builder.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        for (name, value) in &self.headers {
            if let Ok(value) = HeaderValue::from_str(value) {
                builder.insert_header((name.clone(), value));
            }
        }
        builder.body(serde_json::to_vec(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> ApiError {
        use diesel::result::{DatabaseErrorKind, Error};
        match &err {
            Error::NotFound => ApiError::not_found("not_found", "The resource does not exist."),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                let mut e = ApiError::conflict("conflict", "The resource already exists.");
                e.source = Some(err.into());
                e
            }
            _ => ApiError::internal(err),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(err: diesel::r2d2::PoolError) -> ApiError {
        ApiError::database_unavailable(err)
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(errors: validator::ValidationErrors) -> ApiError {
        ApiError::validation(crate::routes::extract::field_errors(&errors))
    }
}
