//! A real HTTP server on 127.0.0.1 receiving webhooks: it records every
//! request and answers as scripted (2xx by default).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{HttpRequest, HttpResponse, web};
use serde_json::Value;

/// How the receiver answers one request.
#[derive(Debug, Clone, Copy)]
pub enum Reply {
    /// 204 at once.
    Ok,
    /// This status.
    Status(u16),
    /// Nothing for this many milliseconds, then 204 (a timeout when longer
    /// than the sender's).
    Stall(u64),
}

/// A received webhook.
#[derive(Debug, Clone)]
pub struct Received {
    /// `webhook-id`.
    pub id: String,
    /// `webhook-timestamp`.
    pub timestamp: String,
    /// `webhook-signature`.
    pub signature: String,
    /// The raw body.
    pub body: String,
    /// The body as JSON.
    pub json: Value,
}

impl Received {
    /// Whether the signature verifies with `secret`.
    pub fn verifies_with(&self, secret: &str) -> bool {
        returns_api::webhooks::signature::verify(
            secret,
            Some(&self.id),
            Some(&self.timestamp),
            Some(&self.signature),
            self.body.as_bytes(),
        )
        .is_ok()
    }

    /// The event type.
    pub fn event_type(&self) -> &str {
        self.json["type"].as_str().unwrap_or("")
    }
}

#[derive(Default)]
struct Shared {
    script: Vec<Reply>,
    default: Option<Reply>,
    delay_ms: u64,
    received: Vec<Received>,
}

/// The running receiver.
#[derive(Clone)]
pub struct Receiver {
    /// Its URL (`http://127.0.0.1:PORT/hook`).
    pub url: String,
    shared: Arc<Mutex<Shared>>,
}

async fn hook(
    req: HttpRequest,
    body: web::Bytes,
    shared: web::Data<Arc<Mutex<Shared>>>,
) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let text = String::from_utf8_lossy(&body).into_owned();
    let (reply, delay) = {
        let mut s = shared.lock().unwrap();
        s.received.push(Received {
            id: header("webhook-id"),
            timestamp: header("webhook-timestamp"),
            signature: header("webhook-signature"),
            json: serde_json::from_str(&text).unwrap_or(Value::Null),
            body: text,
        });
        let reply = if s.script.is_empty() {
            s.default.unwrap_or(Reply::Ok)
        } else {
            s.script.remove(0)
        };
        (reply, s.delay_ms)
    };
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    match reply {
        Reply::Ok => HttpResponse::NoContent().finish(),
        Reply::Status(code) => {
            HttpResponse::build(actix_web::http::StatusCode::from_u16(code).unwrap())
                .body(format!("status {code} from the receiver"))
        }
        Reply::Stall(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            HttpResponse::NoContent().finish()
        }
    }
}

impl Receiver {
    /// Starts a receiver answering `script` first, then 204s.
    pub async fn start(script: Vec<Reply>) -> Receiver {
        Self::start_with(script, None, 0).await
    }

    /// Starts a receiver answering `script` first, then `default` (204 when
    /// none), each after `delay_ms`.
    pub async fn start_with(script: Vec<Reply>, default: Option<Reply>, delay_ms: u64) -> Receiver {
        let shared = Arc::new(Mutex::new(Shared {
            script,
            default,
            delay_ms,
            ..Default::default()
        }));
        let data = web::Data::new(shared.clone());
        let port = crate::helpers::serve_on_loopback(move |cfg| {
            cfg.app_data(data.clone())
                .route("/hook", web::post().to(hook));
        });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hook"),
            shared,
        }
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.lock().unwrap().received.clone()
    }

    /// Waits until `done` holds for what was received (at most `within`).
    pub async fn wait_for(
        &self,
        within: Duration,
        done: impl Fn(&[Received]) -> bool,
    ) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let got = self.received();
            if done(&got) {
                return got;
            }
            assert!(
                started.elapsed() < within,
                "the receiver did not get what was expected within {within:?}; it got {:?}",
                got.iter()
                    .map(|r| (r.id.clone(), r.event_type().to_string()))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for `n` requests.
    pub async fn wait_count(&self, n: usize, within: Duration) -> Vec<Received> {
        self.wait_for(within, |got| got.len() >= n).await
    }
}
