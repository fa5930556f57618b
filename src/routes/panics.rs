//! A panic in a handler is a bug, but it must not cost more than its own
//! request: it is answered 500 problem+json, logged with its message and
//! counted (`http_panics_total`), and the worker keeps serving.

use std::panic::AssertUnwindSafe;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use futures_util::FutureExt;

use crate::error::ApiError;

/// Middleware: runs the rest of the chain and turns a panic into a 500.
pub async fn catch(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    // The request cannot be kept for the answer (routing needs it unshared):
    // the error is returned instead, and actix renders it as the response.
    let path = req.path().to_string();
    match AssertUnwindSafe(next.call(req)).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".into());
            tracing::error!(panic = %message, %path, "a handler panicked");
            metrics::counter!("http_panics_total").increment(1);
            Err(ApiError::internal(anyhow::anyhow!("handler panicked: {message}")).into())
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpResponse, test, web};

    async fn boom() -> HttpResponse {
        panic!("boom")
    }

    async fn fine() -> HttpResponse {
        HttpResponse::Ok().body("fine")
    }

    #[actix_web::test]
    async fn a_panicking_handler_gets_a_500_problem_and_the_service_keeps_serving() {
        let app = test::init_service(
            App::new()
                .route("/boom", web::get().to(boom))
                .route("/fine", web::get().to(fine))
                .wrap(from_fn(super::catch)),
        )
        .await;
        for _ in 0..3 {
            let res =
                test::try_call_service(&app, test::TestRequest::get().uri("/boom").to_request())
                    .await
                    .map_or_else(
                        |e| e.error_response(),
                        |r| r.into_parts().1.map_into_boxed_body(),
                    );
            assert_eq!(res.status(), 500);
            assert_eq!(
                res.headers().get("content-type").unwrap(),
                "application/problem+json"
            );
            let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
            let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(body["code"], "internal_error");
            assert!(
                !body.to_string().contains("boom"),
                "panic message leaked: {body}"
            );
            let res =
                test::call_service(&app, test::TestRequest::get().uri("/fine").to_request()).await;
            assert_eq!(res.status(), 200);
        }
    }
}
