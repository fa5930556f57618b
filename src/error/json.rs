//! Reading JSON documents with precise errors: malformed JSON is a 400
//! `malformed_json`, a document of the wrong shape a 400 `invalid_body`
//! naming the JSON path of the first field that does not fit.

use serde::de::DeserializeOwned;

use super::{ApiError, ErrorCode, FieldError};

/// Parses a JSON document, naming the path of the first field that does not fit.
///
/// JSON has one number type: `2.0` is an integer to JSON Schema, and the
/// spec's integer fields accept it. The fast path reads integers directly;
/// only a document with an integral float where an integer belongs is read
/// a second time, with such floats turned into integers.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    match read::<T>(bytes) {
        Err(e) if e.is_float_for_integer() => {
            let mut value: serde_json::Value =
                serde_json::from_slice(bytes).map_err(|_| e.clone().into_api())?;
            integral_floats_to_integers(&mut value);
            serde_path_to_error::deserialize::<_, T>(value)
                .map_err(|err| data_error(json_path(err.path()), err.into_inner().to_string()))
        }
        other => other.map_err(Failure::into_api),
    }
}

/// Why a document could not be read.
#[derive(Clone)]
enum Failure {
    /// Not JSON.
    Syntax(String),
    /// JSON of the wrong shape: the path and serde's message.
    Data(String, String),
}

impl Failure {
    fn is_float_for_integer(&self) -> bool {
        matches!(self, Failure::Data(_, m) if m.starts_with("invalid type: floating point"))
    }

    fn into_api(self) -> ApiError {
        match self {
            Failure::Syntax(message) => ApiError::new(
                ErrorCode::MalformedJson,
                format!("The body is not valid JSON: {message}"),
            ),
            Failure::Data(path, message) => data_error(path, message),
        }
    }
}

fn read<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        // Nothing but whitespace may follow the document.
        Ok(value) => match de.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(Failure::Syntax(e.to_string())),
        },
        Err(err) => {
            let path = json_path(err.path());
            let inner = err.into_inner();
            use serde_json::error::Category;
            match inner.classify() {
                Category::Syntax | Category::Eof | Category::Io => {
                    Err(Failure::Syntax(inner.to_string()))
                }
                Category::Data => Err(Failure::Data(path, inner.to_string())),
            }
        }
    }
}

/// Floats without a fraction (`2.0`, `1e3`) become integers, everywhere in `value`.
fn integral_floats_to_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64())
                && f.fract() == 0.0
                && f.abs() < 9.0e15
            {
                *n = serde_json::Number::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        serde_json::Value::Object(map) => map.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

/// 400 `invalid_body` naming the field serde could not read.
fn data_error(path: String, message: String) -> ApiError {
    let message = strip_position(&message);
    let code = data_error_code(&message);
    let field = match code {
        // serde reports an unknown or missing field at its parent.
        ErrorCode::UnknownField | ErrorCode::Required => child_path(&path, &message),
        _ => path,
    };
    ApiError::new(
        ErrorCode::InvalidBody,
        format!(
            "{}: {message}",
            if field.is_empty() { "body" } else { &field }
        ),
    )
    .with_errors(vec![FieldError::new(field, code, message)])
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
