//! Cursor pagination: `?limit=` (1–100, default 20) and an opaque `?cursor=`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ErrorCode, FieldError};

/// Query parameters of list endpoints.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    #[param(min_length = 1)]
    pub cursor: Option<String>,
}

impl PageQuery {
    /// The validated limit and the decoded cursor (the last key of the previous page).
    pub fn parse(&self) -> Result<(i64, Option<String>), ApiError> {
        let limit = self.limit.unwrap_or(20);
        if !(1..=100).contains(&limit) {
            return Err(ApiError::validation(vec![FieldError::new(
                "limit",
                ErrorCode::OutOfRange,
                "must be between 1 and 100",
            )]));
        }
        let cursor = match &self.cursor {
            None => None,
            Some(c) => Some(decode(c).ok_or_else(|| {
                ApiError::validation(vec![FieldError::new(
                    "cursor",
                    ErrorCode::InvalidCursor,
                    "is not a cursor this API issued",
                )])
            })?),
        };
        Ok((limit, cursor))
    }
}

/// Encodes the last key of a page as an opaque cursor.
pub fn encode(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(key.as_bytes())
}

fn decode(cursor: &str) -> Option<String> {
    URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

/// Splits rows fetched with `limit + 1` into the page and its `next_cursor`
/// (present only when another row exists).
pub fn paginate<T>(
    mut rows: Vec<T>,
    limit: i64,
    key: impl Fn(&T) -> String,
) -> (Vec<T>, Option<String>) {
    if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        let cursor = rows.last().map(|r| encode(&key(r)));
        (rows, cursor)
    } else {
        (rows, None)
    }
}
