//! Bad input gets a precise 4xx problem+json; operations endpoints; request ids.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{assert_problem, error_fields};

both!(
    async fn malformed_json_is_a_400_naming_the_problem(app) {
        let res = app
            .request(Method::POST, "/v1/brands", Some(&app.admin_key))
            .header("content-type", "application/json")
            .body("{\"slug\": ")
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::BAD_REQUEST, "malformed_json").await;
    }
);

both!(
    async fn a_wrong_type_is_a_400_with_the_field_path(app) {
        let res = app.post("/v1/brands", Some(&app.admin_key), &json!({ "slug": 5, "name": "x" })).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["slug"]);
        assert_eq!(body["errors"][0]["code"], "invalid_type");
    }
);

both!(
    async fn unknown_and_missing_fields_are_named(app) {
        let res = app.post("/v1/brands", Some(&app.admin_key), &json!({ "slug": "a1", "name": "x", "colour": 1 })).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["colour"]);
        assert_eq!(body["errors"][0]["code"], "unknown_field");

        let res = app.post("/v1/brands", Some(&app.admin_key), &json!({ "slug": "a1" })).await;
        let body = assert_problem(res, StatusCode::BAD_REQUEST, "invalid_body").await;
        assert_eq!(error_fields(&body), vec!["name"]);
        assert_eq!(body["errors"][0]["code"], "required");
    }
);

both!(
    async fn a_body_that_is_not_json_is_a_415(app) {
        let res = app
            .request(Method::POST, "/v1/brands", Some(&app.admin_key))
            .header("content-type", "text/plain")
            .body("slug=x")
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
);

both!(
    async fn a_body_over_the_limit_is_a_413_even_without_content_length(app) {
        let big = format!("{{\"slug\":\"{}\"}}", "a".repeat(300 * 1024));
        let res = app
            .request(Method::POST, "/v1/brands", Some(&app.admin_key))
            .header("content-type", "application/json")
            .body(big.clone())
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;

        // Chunked: the limit holds while streaming.
        let stream = futures_util::stream::iter(
            big.into_bytes().chunks(8192).map(|c| Ok::<_, std::io::Error>(c.to_vec())).collect::<Vec<_>>(),
        );
        let res = app
            .request(Method::POST, "/v1/brands", Some(&app.admin_key))
            .header("content-type", "application/json")
            .body(reqwest::Body::wrap_stream(stream))
            .send()
            .await
            .unwrap();
        assert_problem(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    }
);

both!(
    async fn unknown_routes_are_a_problem_404(app) {
        let res = app.get("/v1/nothing-here", None).await;
        assert_problem(res, StatusCode::NOT_FOUND, "route_not_found").await;
    }
);

both!(
    async fn bad_query_parameters_are_a_400_or_422(app) {
        let res = app.get("/v1/brands?limit=abc", Some(&app.admin_key)).await;
        assert_problem(res, StatusCode::BAD_REQUEST, "invalid_query").await;
        let res = app.get("/v1/brands?limit=1000", Some(&app.admin_key)).await;
        let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(error_fields(&body), vec!["limit"]);
        let res = app.get("/v1/brands?cursor=%%%", Some(&app.admin_key)).await;
        assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
);

both!(
    async fn every_response_carries_a_request_id_and_echoes_the_clients(app) {
        let res = app.get("/healthz", None).await;
        let generated = res.headers()["x-request-id"].to_str().unwrap().to_string();
        assert!(!generated.is_empty());
        let res = app
            .request(Method::GET, "/v1/nothing", None)
            .header("X-Request-Id", "abc-123")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["x-request-id"], "abc-123");
    }
);

both!(
    async fn health_readiness_and_metrics_answer(app) {
        let res = app.get("/healthz", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<serde_json::Value>().await.unwrap()["status"], "ok");
        let res = app.get("/readyz", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<serde_json::Value>().await.unwrap()["status"], "ready");
        let res = app.get("/metrics", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let text = res.text().await.unwrap();
        assert!(text.contains("http_requests_total"), "{text}");
    }
);

both!(
    async fn swagger_ui_and_the_spec_are_served_from_the_binary(app) {
        let res = app.get("/docs", None).await;
        assert!(res.status().is_redirection());
        let res = app.get("/docs/", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("swagger"));
        let res = app.get("/openapi.json", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        let spec: serde_json::Value = res.json().await.unwrap();
        assert!(spec["paths"]["/v1/portal/{brand}"].is_object());
    }
);

/// Sends `head` and then `body` a byte every `gap`, while reading the
/// answer; the answer's text and when it came, or `None` when none came
/// within `wait`.
pub async fn trickle(
    port: u16,
    head: String,
    body: Vec<u8>,
    gap: std::time::Duration,
    wait: std::time::Duration,
) -> Option<(String, std::time::Duration)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let (mut read, mut write) = stream.into_split();
    let started = std::time::Instant::now();
    let writer = tokio::spawn(async move {
        write.write_all(head.as_bytes()).await?;
        for byte in body {
            tokio::time::sleep(gap).await;
            write.write_all(&[byte]).await?;
        }
        Ok::<_, std::io::Error>(())
    });
    let mut answer = Vec::new();
    let read_all = async {
        let mut buf = [0u8; 4096];
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
    };
    let finished = tokio::time::timeout(wait, read_all).await.is_ok();
    writer.abort();
    (finished || !answer.is_empty()).then(|| {
        (
            String::from_utf8_lossy(&answer).into_owned(),
            started.elapsed(),
        )
    })
}

both!(
    config = |c| c.body_read_timeout_ms = 500,
    async fn a_body_sent_too_slowly_is_a_408(app) {
        let body = br#"{"identifier":"1001","postal_code":"1012AB"}"#.to_vec();
        let head = format!(
            "POST /v1/portal/acme/lookup HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let gap = std::time::Duration::from_millis(200);
        let (answer, after) = trickle(app.port, head, body, gap, std::time::Duration::from_secs(8))
            .await
            .expect("an answer before the body was complete");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.to_ascii_lowercase().contains("content-type: application/problem+json"), "{answer}");
        assert!(answer.contains("\"request_timeout\""), "{answer}");
        assert!(after < std::time::Duration::from_secs(4), "{after:?}");
    }
);

both!(
    async fn an_unknown_query_parameter_is_a_400_naming_it(app) {
        let key = app.brand_with_key("acme").await;
        for path in [
            "/v1/brands?limit=5&limt=5",
            "/v1/brands/acme/returns?status=requested&cursr=x",
            "/v1/brands/acme/webhook-endpoints?limt=5",
        ] {
            let problem = assert_problem(app.get(path, Some(&key)).await, StatusCode::BAD_REQUEST, "unknown_parameter").await;
            let name = path.rsplit('&').next().unwrap().rsplit('?').next().unwrap().split('=').next().unwrap();
            assert_eq!(problem["errors"][0]["field"], name, "{path}: {problem}");
            assert_eq!(problem["errors"][0]["code"], "unknown_parameter");
        }
        // The parameters of both the filter and the page are known.
        let res = app.get("/v1/brands/acme/returns?status=requested&limit=5", Some(&key)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = app.get("/v1/brands?limit=5", Some(&key)).await;
        assert_eq!(res.status(), StatusCode::OK);
        // An operation without query parameters ignores the query string.
        let res = app.get("/healthz?cache=bust", None).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
);
