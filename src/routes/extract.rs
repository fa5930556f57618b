//! Request extractors that turn every malformed input into a precise
//! problem+json instead of actix's plain-text defaults.
//!
//! [`Json`] checks the media type, enforces the body limit, and reports the
//! JSON path of the first field it could not read (`serde_path_to_error`).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::QueryPayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use validator::{ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, FieldError};

/// Default limit for JSON bodies (bulk endpoints raise it per route).
pub const DEFAULT_JSON_LIMIT: usize = 256 * 1024;

/// A JSON request body of type `T`, at most `LIMIT` bytes.
#[derive(Debug)]
pub struct Json<T, const LIMIT: usize = DEFAULT_JSON_LIMIT>(pub T);

impl<T: DeserializeOwned + 'static, const LIMIT: usize> FromRequest for Json<T, LIMIT> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = LIMIT;
        let content_type_ok = is_json(req);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::new(
                    actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "The body must be JSON (Content-Type: application/json).",
                ));
            }
            if declared.is_some_and(|n| n > limit) {
                return Err(too_large(limit));
            }
            // Read with the limit enforced chunk by chunk, never buffering more.
            let mut bytes = web::BytesMut::with_capacity(declared.unwrap_or(1024).min(limit));
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::bad_request(
                        "invalid_body",
                        format!("The body could not be read: {e}"),
                    )
                })?;
                if bytes.len() + chunk.len() > limit {
                    return Err(too_large(limit));
                }
                bytes.extend_from_slice(&chunk);
            }
            parse_json(&bytes).map(Json)
        })
    }
}

/// A JSON body that may be absent: an empty body gives `None`, anything
/// else must be valid JSON of `T` (a malformed body is an error, never `None`).
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<T: DeserializeOwned + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = is_json(req);
        let mut payload = payload.take();
        Box::pin(async move {
            let mut bytes = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::bad_request(
                        "invalid_body",
                        format!("The body could not be read: {e}"),
                    )
                })?;
                if bytes.len() + chunk.len() > DEFAULT_JSON_LIMIT {
                    return Err(too_large(DEFAULT_JSON_LIMIT));
                }
                bytes.extend_from_slice(&chunk);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(OptionalJson(None));
            }
            if !content_type_ok {
                return Err(ApiError::new(
                    actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "The body must be JSON (Content-Type: application/json).",
                ));
            }
            parse_json(&bytes).map(|v| OptionalJson(Some(v)))
        })
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("The body exceeds the limit of {limit} bytes."),
    )
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Parses a JSON document, naming the path of the first field that does not fit.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Ok(value),
        Err(err) => {
            let path = json_path(err.path());
            let inner = err.into_inner();
            use serde_json::error::Category;
            match inner.classify() {
                Category::Syntax | Category::Eof | Category::Io => Err(ApiError::bad_request(
                    "malformed_json",
                    format!("The body is not valid JSON: {inner}"),
                )),
                Category::Data => {
                    let message = strip_position(&inner.to_string());
                    let code = data_error_code(&message);
                    let field = match code {
                        // serde reports an unknown or missing field at its parent.
                        "unknown_field" | "required" => child_path(&path, &message),
                        _ => path.clone(),
                    };
                    Err(ApiError::bad_request(
                        "invalid_body",
                        format!(
                            "{}: {message}",
                            if field.is_empty() { "body" } else { &field }
                        ),
                    )
                    .with_errors(vec![FieldError::new(field, code, message)]))
                }
            }
        }
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn data_error_code(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "required"
    } else if message.starts_with("unknown variant") {
        "invalid_choice"
    } else if message.starts_with("invalid type") {
        "invalid_type"
    } else {
        "invalid_value"
    }
}

/// Appends the field named in a serde message (`unknown field `x``) to `path`.
fn child_path(path: &str, message: &str) -> String {
    let name = message.split('`').nth(1).unwrap_or_default();
    if path == name || path.ends_with(&format!(".{name}")) {
        return path.to_string();
    }
    match (path.is_empty(), name.is_empty()) {
        (_, true) => path.to_string(),
        (true, false) => name.to_string(),
        (false, false) => format!("{path}.{name}"),
    }
}

fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
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

fn stable_code(code: &str) -> &str {
    match code {
        "range" => "out_of_range",
        "length" => "invalid_length",
        "email" => "invalid_email",
        "url" => "invalid_url",
        "regex" => "invalid_format",
        "required" => "required",
        other => other,
    }
}

fn default_message(code: &str, e: &validator::ValidationError) -> String {
    let param = |k: &str| e.params.get(k).map(|v| v.to_string());
    match code {
        "out_of_range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".into(),
        },
        "invalid_length" => match (param("min"), param("max"), param("equal")) {
            (_, _, Some(eq)) => format!("must have length {eq}"),
            (Some(min), Some(max), _) => {
                format!("must have between {min} and {max} entries or characters")
            }
            (Some(min), None, _) => format!("must have at least {min} entries or characters"),
            (None, Some(max), _) => format!("must have at most {max} entries or characters"),
            _ => "has an invalid length".into(),
        },
        "invalid_email" => "must be an email address".into(),
        "invalid_url" => "must be an absolute URL".into(),
        _ => format!("is invalid ({code})"),
    }
}

/// Query-string errors as 400 problem+json naming the parameter when possible.
pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let message = strip_position(&err.to_string());
    let message = message
        .strip_prefix("Query deserialize error: ")
        .unwrap_or(&message)
        .to_string();
    let field = message.split('`').nth(1).unwrap_or_default().to_string();
    ApiError::bad_request(
        "invalid_query",
        format!("The query string is invalid: {message}"),
    )
    .with_errors(vec![FieldError::new(field, "invalid_value", message)])
    .into()
}

/// Path errors (a segment that does not parse) as 404.
pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::not_found("not_found", format!("No resource at this path ({err}).")).into()
}
