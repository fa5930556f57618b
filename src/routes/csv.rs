//! CSV downloads: a streamed body sent as an attachment.

use actix_web::HttpResponse;
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::Bytes;
use futures_util::{Stream, StreamExt};

use crate::error::ApiError;

/// 200 `text/csv` with `stream` as the chunked body, to be saved as
/// `filename`. An error in the middle of the stream is logged and ends the
/// response early (its status was sent with the first chunk).
pub fn attachment<S>(filename: &str, stream: S) -> HttpResponse
where
    S: Stream<Item = Result<Bytes, ApiError>> + 'static,
{
    let body = stream.map(|chunk| {
        chunk.map_err(|e| {
            tracing::error!(error = %e, "export stopped");
            actix_web::error::ErrorServiceUnavailable(e.to_string())
        })
    });
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(filename.to_string())],
        })
        .streaming(body)
}
