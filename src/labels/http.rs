//! An HTTP carrier adapter: posts a JSON announcement to the carrier and
//! takes the tracking number and label back.
//!
//! Request: `POST {base_url}/labels` with `Authorization: Bearer {token}`,
//! `Idempotency-Key: {reference}` and a JSON [`LabelRequest`]. Expected
//! answer: `2xx` with `{"tracking_number": "...", "label_pdf_base64": "...",
//! "dropoff_code": "..."}` (the PDF for printed labels, the code for
//! label-less ones). Timeouts, connection errors and `5xx` are temporary (the
//! job retries with backoff); `4xx` is permanent and the carrier's `message`
//! (or `detail`, or the body) becomes the label's failure reason.

use std::time::Duration;

use base64::Engine;
use serde::Deserialize;

use super::carrier::{Carrier, CarrierError, LabelFuture, LabelRequest, LabelResult};

pub use crate::config::HttpCarrierConfig;

/// The adapter.
pub struct HttpCarrier {
    config: HttpCarrierConfig,
    client: reqwest::Client,
}

#[derive(Deserialize)]
struct Answer {
    tracking_number: String,
    #[serde(default)]
    label_pdf_base64: Option<String>,
    #[serde(default)]
    dropoff_code: Option<String>,
}

impl HttpCarrier {
    /// An adapter for `config`.
    pub fn new(config: HttpCarrierConfig) -> anyhow::Result<HttpCarrier> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_millis(config.timeout_ms.max(1)))
            .connect_timeout(Duration::from_millis(config.timeout_ms.clamp(1, 5_000)))
            .build()?;
        Ok(HttpCarrier { config, client })
    }
}

fn carrier_message(body: &str) -> String {
    let from_json = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            ["message", "detail", "error"]
                .iter()
                .find_map(|k| v.get(*k).and_then(|m| m.as_str()).map(str::to_owned))
        });
    let text = from_json.unwrap_or_else(|| body.trim().to_string());
    text.chars().take(500).collect()
}

impl Carrier for HttpCarrier {
    fn create_label<'a>(&'a self, request: &'a LabelRequest) -> LabelFuture<'a> {
        Box::pin(async move {
            let url = format!("{}/labels", self.config.base_url.trim_end_matches('/'));
            let mut req = self
                .client
                .post(&url)
                .header("Idempotency-Key", &request.reference)
                .json(request);
            if let Some(token) = &self.config.token {
                req = req.bearer_auth(token);
            }
            let res = req.send().await.map_err(|e| {
                CarrierError::Temporary(if e.is_timeout() {
                    "the carrier did not answer in time".into()
                } else {
                    format!("carrier unreachable: {e}")
                })
            })?;
            let status = res.status();
            let body = res
                .text()
                .await
                .map_err(|e| CarrierError::Temporary(format!("carrier answer unreadable: {e}")))?;
            if status.is_server_error() || status.as_u16() == 429 {
                return Err(CarrierError::Temporary(format!(
                    "carrier answered {status}: {}",
                    carrier_message(&body)
                )));
            }
            if !status.is_success() {
                return Err(CarrierError::Permanent(carrier_message(&body)));
            }
            let answer: Answer = serde_json::from_str(&body).map_err(|e| {
                CarrierError::Temporary(format!("carrier answer is not the expected JSON: {e}"))
            })?;
            let pdf = match answer.label_pdf_base64 {
                Some(b64) => Some(
                    base64::engine::general_purpose::STANDARD
                        .decode(b64.trim())
                        .map_err(|e| {
                            CarrierError::Temporary(format!("label PDF is not base64: {e}"))
                        })?,
                ),
                None => None,
            };
            if request.kind == "pdf" && pdf.as_ref().is_none_or(|p| !p.starts_with(b"%PDF")) {
                return Err(CarrierError::Temporary(
                    "the carrier sent no PDF label".into(),
                ));
            }
            if request.kind == "qr" && answer.dropoff_code.as_deref().is_none_or(str::is_empty) {
                return Err(CarrierError::Temporary(
                    "the carrier sent no drop-off code".into(),
                ));
            }
            if answer.tracking_number.trim().is_empty() {
                return Err(CarrierError::Temporary(
                    "the carrier sent no tracking number".into(),
                ));
            }
            Ok(LabelResult {
                tracking_number: answer.tracking_number,
                pdf,
                dropoff_code: answer.dropoff_code,
            })
        })
    }
}
