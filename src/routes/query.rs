//! The query-string extractor of every route: actix's `web::Query`, except
//! that a list parameter may come in either form clients send.
//!
//! The spec describes list filters as `style: form, explode: false`
//! (`?status=approved,requested`), which most generators follow; others,
//! and many hand-written query builders, repeat the name instead
//! (`?status=approved&status=requested`). Both mean the same list, so the
//! repeated form is joined into the comma form before deserialization. Which
//! parameters are lists comes from the same `IntoParams` the spec is made
//! of (`explode = false` or an array schema), so a list filter added later
//! takes both forms without further code. A scalar given twice is still
//! refused (`duplicate field`), as before.

use std::borrow::Cow;
use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::{RefOr, Schema};

use super::extract::query_error;

/// Query parameters of type `T`, read as [`web::Query`] reads them, list
/// parameters in the comma or the repeated form.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    /// The parameters.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + IntoParams> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let query = joined::<T>(req.query_string());
        ready(
            web::Query::<T>::from_query(&query)
                .map(|q| Query(q.into_inner()))
                .map_err(|err| query_error(err, req)),
        )
    }
}

/// Whether a parameter is a list sent comma-separated.
fn is_list(parameter: &Parameter) -> bool {
    parameter.explode == Some(false)
        || matches!(&parameter.schema, Some(RefOr::T(Schema::Array(_))))
}

/// The query string with each repeated list parameter joined into one
/// comma-separated value, in the place of its first occurrence (unchanged,
/// and not copied, when nothing repeats).
fn joined<T: IntoParams>(query: &str) -> Cow<'_, str> {
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let repeats = pairs
        .iter()
        .enumerate()
        .any(|(i, (name, _))| pairs[..i].iter().any(|(n, _)| n == name));
    if !repeats {
        return Cow::Borrowed(query);
    }
    let lists: Vec<String> = T::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .filter(is_list)
        .map(|p| p.name)
        .collect();
    join_lists(&pairs, &lists).into()
}

/// `pairs` as a query string, the values of each name in `lists` joined
/// with commas (empty values left out) under its first occurrence.
fn join_lists(pairs: &[(&str, &str)], lists: &[String]) -> String {
    let mut out: Vec<(&str, String)> = Vec::with_capacity(pairs.len());
    for &(name, value) in pairs {
        let is_list = lists.iter().any(|l| l == name);
        match out.iter_mut().find(|(n, _)| is_list && *n == name) {
            Some(_) if value.is_empty() => {}
            Some((_, values)) if values.is_empty() => value.clone_into(values),
            Some((_, values)) => {
                values.push(',');
                values.push_str(value);
            }
            None => out.push((name, value.to_string())),
        }
    }
    out.iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, IntoParams)]
    #[into_params(parameter_in = Query)]
    struct Filter {
        #[param(value_type = Option<Vec<String>>, style = Form, explode = false)]
        status: Option<String>,
        order_number: Option<String>,
    }

    fn read(query: &str) -> Result<Filter, String> {
        web::Query::<Filter>::from_query(&joined::<Filter>(query))
            .map(web::Query::into_inner)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_repeated_list_parameter_reads_as_its_comma_form() {
        let repeated = read("status=approved&order_number=1001&status=requested");
        let comma = read("status=approved,requested&order_number=1001");
        assert_eq!(
            repeated.map(|f| (f.status, f.order_number)),
            comma.map(|f| (f.status, f.order_number))
        );
        assert_eq!(
            read("status=approved&status=requested")
                .ok()
                .and_then(|f| f.status),
            Some("approved,requested".to_string())
        );
    }

    #[test]
    fn a_query_without_repeats_is_read_as_sent() {
        assert!(matches!(
            joined::<Filter>("status=a%2Cb&order_number=1"),
            Cow::Borrowed("status=a%2Cb&order_number=1")
        ));
    }

    #[test]
    fn empty_repeats_of_a_list_parameter_are_left_out() {
        assert_eq!(
            read("status=&status=approved&status=")
                .ok()
                .and_then(|f| f.status),
            Some("approved".to_string())
        );
    }

    #[test]
    fn a_repeated_scalar_parameter_is_still_refused() {
        let err = read("order_number=1&order_number=2")
            .err()
            .unwrap_or_default();
        assert!(err.contains("duplicate field `order_number`"), "{err}");
    }
}
