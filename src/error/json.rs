//! Reading JSON documents with precise errors: malformed JSON is a 400
//! `malformed_json`, a document of the wrong shape a 400 `invalid_body`
//! naming the JSON path of the first field that does not fit.

use serde::de::DeserializeOwned;

use super::{ApiError, ErrorCode, FieldError};

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
                Category::Syntax | Category::Eof | Category::Io => Err(ApiError::new(
                    ErrorCode::MalformedJson,
                    format!("The body is not valid JSON: {inner}"),
                )),
                Category::Data => {
                    let message = strip_position(&inner.to_string());
                    let code = data_error_code(&message);
                    let field = match code {
                        // serde reports an unknown or missing field at its parent.
                        ErrorCode::UnknownField | ErrorCode::Required => {
                            child_path(&path, &message)
                        }
                        _ => path.clone(),
                    };
                    Err(ApiError::new(
                        ErrorCode::InvalidBody,
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

pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn data_error_code(message: &str) -> ErrorCode {
    if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("missing field") {
        ErrorCode::Required
    } else if message.starts_with("unknown variant") {
        ErrorCode::InvalidChoice
    } else if message.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else {
        ErrorCode::InvalidValue
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
