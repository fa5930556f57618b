//! Cursor pagination: `?limit=` (1–100, default 20) and an opaque `?cursor=`.
//!
//! A cursor is the last key of the previous page in unpadded base64url. Any
//! well-formed base64url text is a position (pages continue after it), so
//! the spec's pattern is exactly what the server accepts.

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
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
    #[param(
        min_length = 2,
        pattern = "^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$"
    )]
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

/// Reads any unpadded base64url text, whatever its last bits.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

fn decode(cursor: &str) -> Option<String> {
    if cursor.is_empty() {
        return None;
    }
    LENIENT
        .decode(cursor.as_bytes())
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_the_key_it_encodes() {
        assert_eq!(decode(&encode("ret_0193")).as_deref(), Some("ret_0193"));
    }

    #[test]
    fn any_well_formed_base64url_is_a_position_and_anything_else_is_not() {
        assert!(decode("AB").is_some());
        assert!(decode("wpw9").is_some());
        assert!(decode("").is_none());
        assert!(decode("A").is_none());
        assert!(decode("a+b/").is_none());
    }
}
