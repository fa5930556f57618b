//! A webhook receiver to copy: an actix-web server that checks every
//! delivery's Standard Webhooks signature with the endpoint's secret
//! (refusing stale or future timestamps), ignores event ids it has already
//! handled (deliveries are at least once), and answers 204 at once: slow
//! work belongs in the receiver's own queue, since an answer after the
//! timeout counts as a failure and is sent again.
//!
//! ```text
//! cargo run --example webhook_receiver -- --port 9000 --secret whsec_…
//! ```
//!
//! Register it (a local URL needs the server's development switch,
//! `WEBHOOK_ALLOW_PRIVATE=true`; in production the URL is https):
//!
//! ```text
//! curl -X POST http://127.0.0.1:8080/v1/brands/demo/webhook-endpoints \
//!   -H "Authorization: Bearer $RETURNS_API_KEY" -H 'Content-Type: application/json' \
//!   -d '{"url": "http://127.0.0.1:9000/webhooks", "event_types": ["return.approved", "label.ready"]}'
//! ```
//!
//! The answer's `secret` is the one to start this receiver with.

use std::collections::HashSet;
use std::sync::Mutex;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use clap::Parser;
use standardwebhooks::Webhook;

/// Receives and verifies returns-api webhooks.
#[derive(Debug, Parser)]
struct Cli {
    /// Port to listen on (127.0.0.1).
    #[arg(long, env = "PORT", default_value_t = 9000)]
    port: u16,
    /// The endpoint's signing secret (`whsec_…`).
    #[arg(long, env = "WEBHOOK_SECRET")]
    secret: String,
}

struct Receiver {
    webhook: Webhook,
    /// Event ids handled (a real receiver keeps these in its database).
    seen: Mutex<HashSet<String>>,
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    receiver: web::Data<Receiver>,
) -> HttpResponse {
    // The signature covers the raw bytes: verify before parsing.
    let mut headers = http::HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        if let Some(value) = req.headers().get(name).and_then(|v| v.to_str().ok())
            && let Ok(value) = http::HeaderValue::from_str(value)
        {
            headers.insert(name, value);
        }
    }
    if let Err(e) = receiver.webhook.verify(&body, &headers) {
        eprintln!("refused a delivery: {e}");
        return HttpResponse::Unauthorized().body(e.to_string());
    }
    let event: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return HttpResponse::BadRequest().body(e.to_string()),
    };
    let id = event["id"].as_str().unwrap_or_default().to_string();
    let first_time = receiver
        .seen
        .lock()
        .map(|mut seen| seen.insert(id.clone()))
        .unwrap_or(true);
    if !first_time {
        println!("{id}: already handled");
        return HttpResponse::NoContent().finish();
    }
    let data = &event["data"];
    match event["type"].as_str().unwrap_or_default() {
        "ping" => println!(
            "{id}: ping for endpoint {}",
            data["id"].as_str().unwrap_or("")
        ),
        t if t.starts_with("return.") || t.starts_with("label.") => println!(
            "{id}: {t}: return {} ({}) is {}",
            data["rma_number"], data["id"], data["status"]
        ),
        t => println!("{id}: {t}"),
    }
    HttpResponse::NoContent().finish()
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let receiver = web::Data::new(Receiver {
        webhook: Webhook::new(&cli.secret).map_err(|e| anyhow::anyhow!("WEBHOOK_SECRET: {e}"))?,
        seen: Mutex::new(HashSet::new()),
    });
    println!(
        "receiving webhooks on http://127.0.0.1:{}/webhooks",
        cli.port
    );
    HttpServer::new(move || {
        App::new()
            .app_data(receiver.clone())
            .route("/webhooks", web::post().to(receive))
    })
    .bind(("127.0.0.1", cli.port))?
    .run()
    .await?;
    Ok(())
}
