//! A real HTTP server on 127.0.0.1 playing a carrier's label API.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use serde_json::{Value, json};

/// What the fake answers, call by call.
#[derive(Debug, Clone)]
pub enum Answer {
    /// A label (after an optional delay).
    Ok,
    /// No answer for this long (longer than the adapter's timeout).
    Stall(u64),
    /// This status with this message.
    Status(u16, &'static str),
}

/// A recorded call.
#[derive(Debug, Clone)]
pub struct Call {
    /// `reference` of the request (our label id).
    pub reference: String,
    /// `Idempotency-Key` header.
    pub idempotency_key: String,
    /// `Authorization` header.
    pub authorization: String,
    /// The JSON body.
    pub body: Value,
}

#[derive(Default)]
struct Shared {
    script: Vec<Answer>,
    delay_ms: u64,
    calls: Vec<Call>,
    tracking: HashMap<String, String>,
}

/// The running fake carrier.
#[derive(Clone)]
pub struct FakeCarrier {
    /// Base URL (`http://127.0.0.1:PORT`).
    pub url: String,
    shared: Arc<Mutex<Shared>>,
}

async fn labels(
    req: HttpRequest,
    body: web::Json<Value>,
    shared: web::Data<Arc<Mutex<Shared>>>,
) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let reference = body["reference"].as_str().unwrap_or("").to_string();
    let (answer, delay) = {
        let mut s = shared.lock().unwrap();
        s.calls.push(Call {
            reference: reference.clone(),
            idempotency_key: header("idempotency-key"),
            authorization: header("authorization"),
            body: body.0.clone(),
        });
        let answer = if s.script.is_empty() {
            Answer::Ok
        } else {
            s.script.remove(0)
        };
        (answer, s.delay_ms)
    };
    match answer {
        Answer::Stall(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            HttpResponse::ServiceUnavailable().finish()
        }
        Answer::Status(code, message) => {
            HttpResponse::build(actix_web::http::StatusCode::from_u16(code).unwrap())
                .json(json!({ "message": message }))
        }
        Answer::Ok => {
            if delay > 0 {
                tokio::time::sleep(Duration::from_millis(delay)).await;
            }
            // The same reference always gets the same tracking number (idempotent carrier).
            let tracking = {
                let mut s = shared.lock().unwrap();
                let n = s.tracking.len();
                s.tracking
                    .entry(reference.clone())
                    .or_insert_with(|| format!("FAKE{:08}", n + 1))
                    .clone()
            };
            if body["kind"] == "qr" {
                return HttpResponse::Ok().json(json!({ "tracking_number": tracking, "dropoff_code": format!("QR-{tracking}") }));
            }
            let addr = |v: &Value| returns_api::labels::render::LabelAddress {
                name: v["name"].as_str().unwrap_or("").into(),
                company: None,
                line1: v["line1"].as_str().unwrap_or("").into(),
                line2: None,
                postal_code: v["postal_code"].as_str().unwrap_or("").into(),
                city: v["city"].as_str().unwrap_or("").into(),
                country: v["country"].as_str().unwrap_or("").into(),
            };
            let pdf = returns_api::labels::render::render_pdf(
                &returns_api::labels::render::LabelContent {
                    carrier: body["carrier"].as_str().unwrap_or("").into(),
                    tracking_number: tracking.clone(),
                    rma_number: body["rma_number"].as_str().unwrap_or("").into(),
                    sender: addr(&body["sender"]),
                    recipient: addr(&body["recipient"]),
                    service_point: None,
                },
            )
            .unwrap();
            HttpResponse::Ok().json(json!({
                "tracking_number": tracking,
                "label_pdf_base64": base64::engine::general_purpose::STANDARD.encode(pdf),
            }))
        }
    }
}

impl FakeCarrier {
    /// Starts the fake; `script` answers the first calls, later calls get labels
    /// after `delay_ms`.
    pub async fn start(script: Vec<Answer>, delay_ms: u64) -> FakeCarrier {
        let shared = Arc::new(Mutex::new(Shared {
            script,
            delay_ms,
            ..Default::default()
        }));
        let data = web::Data::new(shared.clone());
        let port = crate::helpers::serve_on_loopback(move |cfg| {
            cfg.app_data(data.clone())
                .route("/labels", web::post().to(labels));
        });
        FakeCarrier {
            url: format!("http://127.0.0.1:{port}"),
            shared,
        }
    }

    /// Every call so far.
    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().unwrap().calls.clone()
    }

    /// Adapter configuration for `carrier` pointing here.
    pub fn config(&self, carrier: &str, timeout_ms: u64) -> returns_api::config::CarrierConfig {
        serde_json::from_value(json!({ "carrier": carrier, "base_url": self.url, "token": "secret-carrier-token", "timeout_ms": timeout_ms })).unwrap()
    }
}

impl FakeCarrier {
    /// Answers later calls after `delay_ms` (calls already waiting keep theirs).
    pub fn set_delay(&self, delay_ms: u64) {
        self.shared.lock().unwrap().delay_ms = delay_ms;
    }
}
