//! Request extractors: credentials (API keys and portal tokens, verified by
//! the services) and bodies that turn every malformed input into a precise
//! problem+json instead of actix's plain-text defaults.
//!
//! [`Json`] checks the media type, enforces the body limit, and reports the
//! JSON path of the first field it could not read (`serde_path_to_error`).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{PayloadError, QueryPayloadError};
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::{Stream, StreamExt};
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::app::keys::{Merchant, VendorCaller};
use crate::app::portal::PortalToken;
use crate::error::{ApiError, ErrorCode, FieldError, parse_json, strip_position};

/// The bearer credential of a request, if any (`Authorization: Bearer …`).
pub fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no app state")))
}

impl FromRequest for Merchant {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Merchant, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = state(req);
        let key = bearer(req).map(str::to_owned);
        Box::pin(async move { crate::app::keys::authenticate(&*state?, key.as_deref()).await })
    }
}

impl FromRequest for VendorCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<VendorCaller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = state(req);
        let key = bearer(req).map(str::to_owned);
        Box::pin(
            async move { crate::app::keys::authenticate_vendor(&*state?, key.as_deref()).await },
        )
    }
}

macro_rules! portal_extractor {
    ($name:ident, $verify:path, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone)]
        pub struct $name(pub PortalToken);

        impl FromRequest for $name {
            type Error = ApiError;
            type Future = Pin<Box<dyn Future<Output = Result<$name, ApiError>>>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                let state = state(req);
                let token = bearer(req).map(str::to_owned);
                let brand = req
                    .match_info()
                    .get("brand")
                    .unwrap_or_default()
                    .to_string();
                Box::pin(
                    async move { $verify(&*state?, token.as_deref(), &brand).await.map($name) },
                )
            }
        }
    };
}

portal_extractor!(
    AccessToken,
    crate::app::portal::verify_access,
    "The access token from lookup: returns of one order of the brand in the path."
);
portal_extractor!(
    ServicePointsToken,
    crate::app::portal::verify_service_points,
    "The service-points token from lookup: service-point search of the brand in the path."
);

/// Default limit for JSON bodies (bulk endpoints raise it per route).
pub const DEFAULT_JSON_LIMIT: usize = 256 * 1024;

/// Reads a request body of at most `limit` bytes: 413 when the declared
/// `Content-Length` or the bytes actually sent pass it (checked chunk by
/// chunk, so no more than the limit is ever buffered). Every body this API
/// reads goes through here: JSON, CSV imports and signed carrier events.
pub async fn read_limited<S>(
    mut payload: S,
    declared: Option<usize>,
    limit: usize,
) -> Result<web::Bytes, ApiError>
where
    S: Stream<Item = Result<web::Bytes, PayloadError>> + Unpin,
{
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large(limit));
    }
    let mut bytes = web::BytesMut::with_capacity(declared.unwrap_or(1024).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidBody,
                format!("The body could not be read: {e}"),
            )
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(too_large(limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes.freeze())
}

/// The `Content-Length` a request declares, if any.
pub fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// A JSON request body of type `T`, at most `LIMIT` bytes.
#[derive(Debug)]
pub struct Json<T, const LIMIT: usize = DEFAULT_JSON_LIMIT>(pub T);

impl<T: DeserializeOwned + 'static, const LIMIT: usize> FromRequest for Json<T, LIMIT> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = LaterJson::<LIMIT>::of(req, payload);
        Box::pin(async move { body.read().await.map(Json) })
    }
}

/// A JSON body of at most `LIMIT` bytes, not read yet: the handler reads it
/// with [`LaterJson::read`] once it knows the caller may send it, so a
/// caller without access is answered without reading (or buffering) it.
pub struct LaterJson<const LIMIT: usize> {
    content_type_ok: bool,
    declared: Option<usize>,
    payload: Payload,
}

impl<const LIMIT: usize> LaterJson<LIMIT> {
    fn of(req: &HttpRequest, payload: &mut Payload) -> LaterJson<LIMIT> {
        LaterJson {
            content_type_ok: is_json(req),
            declared: declared_length(req),
            payload: payload.take(),
        }
    }

    /// Reads and parses the body: 415 unless JSON, 413 past the limit
    /// (declared or while reading, never buffering more), 400 when it is
    /// not an object or does not parse as `T`.
    pub async fn read<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        if !self.content_type_ok {
            return Err(not_json());
        }
        let bytes = read_limited(self.payload, self.declared, LIMIT).await?;
        parse_object(&bytes)
    }
}

impl<const LIMIT: usize> FromRequest for LaterJson<LIMIT> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        std::future::ready(Ok(LaterJson::of(req, payload)))
    }
}

/// A JSON body that may be absent. Absent, empty (or only white space) and
/// `null` give `None`; an object must be valid `T`; any other JSON (an
/// array, a string, a number, a boolean) is 400 `invalid_body` with the
/// field error `invalid_type`, never taken as "no body". Every route whose
/// body is optional reads it through this type, and routes that take no
/// body read [`NoBody`].
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<T: DeserializeOwned + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = is_json(req);
        let declared = declared_length(req);
        let payload = payload.take();
        Box::pin(async move {
            let bytes = read_limited(payload, declared, DEFAULT_JSON_LIMIT).await?;
            let document = bytes.trim_ascii();
            if document.is_empty() {
                return Ok(OptionalJson(None));
            }
            if !content_type_ok {
                return Err(not_json());
            }
            if document == b"null" {
                return Ok(OptionalJson(None));
            }
            parse_object(document).map(|v| OptionalJson(Some(v)))
        })
    }
}

/// The body of a route that takes none: absent, empty, `null` or `{}`.
/// Anything else is refused (400), so a client that sends parameters the
/// route does not know learns so instead of having them ignored.
pub type NoBody = OptionalJson<NoFields>;

/// An object without fields (`{}`); any field is `unknown_field`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

/// Parses a JSON body that must be an object. serde reads a struct from an
/// array too (its fields by position), so the top level is checked first:
/// every request body of this API is an object.
fn parse_object<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    match bytes.trim_ascii_start().first() {
        Some(b'{') | None => parse_json(bytes),
        Some(_) => match serde_json::from_slice::<serde_json::Value>(bytes) {
            // Valid JSON of another type: the body has the wrong type.
            Ok(value) => Err(not_an_object(&value)),
            // Not JSON at all: the parser's own message says where.
            Err(_) => parse_json(bytes),
        },
    }
}

fn not_an_object(value: &serde_json::Value) -> ApiError {
    let found = match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    };
    let message = format!("invalid type: {found}, expected a JSON object");
    ApiError::new(ErrorCode::InvalidBody, format!("body: {message}")).with_errors(vec![
        FieldError::new(String::new(), ErrorCode::InvalidType, message),
    ])
}

fn not_json() -> ApiError {
    ApiError::new(
        ErrorCode::UnsupportedMediaType,
        "The body must be JSON (Content-Type: application/json).",
    )
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("The body exceeds the limit of {limit} bytes."),
    )
}

/// Whether the request declares a JSON body (`application/json` or `application/*+json`).
pub fn is_json(req: &HttpRequest) -> bool {
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

/// Query-string errors as 400 problem+json naming the parameter when possible.
pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let message = strip_position(&err.to_string());
    let message = message
        .strip_prefix("Query deserialize error: ")
        .unwrap_or(&message)
        .to_string();
    let field = message.split('`').nth(1).unwrap_or_default().to_string();
    ApiError::new(
        ErrorCode::InvalidQuery,
        format!("The query string is invalid: {message}"),
    )
    .with_errors(vec![FieldError::new(
        field,
        ErrorCode::InvalidValue,
        message,
    )])
    .into()
}

/// Path errors (a segment that does not parse) as 404.
pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::new(
        ErrorCode::NotFound,
        format!("No resource at this path ({err})."),
    )
    .into()
}
