//! The customer's journey through a returns portal, as a storefront back end
//! or a native app would call it: portal settings → parcel lookup → nearby
//! drop-off points → photo upload → preview → return creation (with an
//! `Idempotency-Key`) → label polling → PDF download.
//!
//! Start a server (`cargo run -- serve --demo` prints a merchant API key), then:
//!
//! ```text
//! cargo run --example portal_flow -- --base-url http://127.0.0.1:8080 --api-key rk_…
//! cargo run --example portal_flow -- --order 1001 --postal-code "1012 AB" --output label.pdf
//! ```
//!
//! With an API key (`--api-key` or `RETURNS_API_KEY`) the example first
//! ingests a fresh order with a unique number through the merchant API and
//! looks that one up, so it can run any number of times. Without one it looks
//! up `--order` (default `1001` of the demo brand), whose returnable units are
//! used up after a run or two.
//!
//! Every option is also an environment variable (`--help` lists them). The
//! example exits non-zero with the request and the server's problem document
//! on any status it did not expect.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use clap::Parser;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, RequestBuilder, Response, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};

/// Walks the returns portal journey against a running returns-api server.
#[derive(Debug, Parser)]
struct Cli {
    /// Base URL of the API.
    #[arg(long, env = "BASE_URL", default_value = "http://127.0.0.1:8080")]
    base_url: String,
    /// Brand slug (or custom domain).
    #[arg(long, env = "BRAND", default_value = "demo")]
    brand: String,
    /// Merchant API key: ingest a fresh order first and return that one.
    #[arg(long, env = "RETURNS_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Order number or tracking number to look up (ignored with --api-key).
    #[arg(long, env = "ORDER_NUMBER", default_value = "1001")]
    order: String,
    /// Verifier: the shipping postal code (the default, `1012 AB`).
    #[arg(long, env = "POSTAL_CODE", group = "verifier")]
    postal_code: Option<String>,
    /// Verifier: the customer's email address.
    #[arg(long, env = "EMAIL", group = "verifier")]
    email: Option<String>,
    /// Verifier: the customer's phone number.
    #[arg(long, env = "PHONE", group = "verifier")]
    phone: Option<String>,
    /// Return reason code. An auto-approving one (`too_small`) yields a label
    /// at once; others need the merchant's approval (done here with --api-key).
    #[arg(long, env = "REASON", default_value = "too_small")]
    reason: String,
    /// Where to save the label PDF.
    #[arg(long, short, env = "OUTPUT", default_value = "label.pdf")]
    output: PathBuf,
    /// Longest wait for the label, in seconds.
    #[arg(long, env = "LABEL_TIMEOUT", default_value_t = 60)]
    label_timeout: u64,
}

// The parts of the responses this client reads (see openapi/openapi.json for
// the full documents). Unknown fields are ignored, so new fields never break it.

#[derive(Debug, Deserialize)]
struct PortalSettings {
    brand: PortalBrand,
    locale: String,
    reasons: Vec<PortalReason>,
    condition_codes: Vec<Code>,
}

#[derive(Debug, Deserialize)]
struct PortalBrand {
    name: String,
}

#[derive(Debug, Deserialize)]
struct PortalReason {
    code: String,
    label: String,
    require_comment: bool,
    require_images: bool,
    min_images: u32,
    require_condition: bool,
}

#[derive(Debug, Deserialize)]
struct Code {
    code: String,
}

#[derive(Debug, Deserialize)]
struct Lookup {
    order: LookupOrder,
    parcel: Option<Parcel>,
    service_point: Option<NearestPoint>,
    return_methods: Vec<ReturnMethod>,
    access_token: String,
    service_points_token: String,
}

#[derive(Debug, Deserialize)]
struct LookupOrder {
    number: String,
    lines: Vec<LookupLine>,
}

#[derive(Debug, Deserialize)]
struct LookupLine {
    id: String,
    name: String,
    returnable_quantity: u32,
    non_returnable_reason: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Parcel {
    destination: Destination,
}

#[derive(Debug, Deserialize)]
struct Destination {
    postal_code: String,
    country: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct NearestPoint {
    country: String,
    latitude: f64,
    longitude: f64,
}

#[derive(Debug, Deserialize)]
struct ReturnMethod {
    #[serde(rename = "type")]
    method: String,
    carriers: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ServicePoints {
    data: Vec<ServicePoint>,
}

#[derive(Debug, Deserialize)]
struct ServicePoint {
    id: String,
    carrier: String,
    name: String,
    city: String,
    distance: u32,
}

#[derive(Debug, Deserialize)]
struct Upload {
    id: String,
    content_type: String,
    size_bytes: u64,
}

#[derive(Debug, Deserialize)]
struct Preview {
    valid: bool,
    auto_approve: bool,
    errors: Vec<Value>,
    estimated_refund: Money,
}

#[derive(Debug, Deserialize)]
struct Money {
    amount: i64,
    currency: String,
}

#[derive(Debug, Deserialize)]
struct Return {
    id: String,
    rma_number: String,
    status: String,
    shipments: Vec<ReturnShipment>,
}

#[derive(Debug, Deserialize)]
struct ReturnShipment {
    label: Option<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    poll_url: String,
}

#[derive(Debug, Deserialize)]
struct LabelPoll {
    status: String,
    download_url: Option<String>,
    tracking_number: Option<String>,
    carrier: String,
    detail: Option<String>,
}

/// Sends a request and insists on one status; anything else is an error
/// that names the request and carries the body (a problem document).
async fn expect(request: RequestBuilder, want: StatusCode) -> Result<Response> {
    let (client, request) = request.build_split();
    let request = request?;
    let what = format!("{} {}", request.method(), request.url().path());
    let response = client
        .execute(request)
        .await
        .with_context(|| format!("{what}: request failed"))?;
    let status = response.status();
    if status != want {
        let body = response.text().await.unwrap_or_default();
        bail!("{what} answered {status}, expected {want}: {body}");
    }
    Ok(response)
}

/// Like [`expect`], then parses the JSON body.
async fn expect_json<T: serde::de::DeserializeOwned>(
    request: RequestBuilder,
    want: StatusCode,
) -> Result<T> {
    let response = expect(request, want).await?;
    let url = response.url().path().to_string();
    response
        .json()
        .await
        .with_context(|| format!("{url}: unexpected response body"))
}

/// A tiny valid PNG (16×16, a gradient), standing in for a customer's photo.
fn photo_png() -> Result<Vec<u8>> {
    const SIZE: u32 = 16;
    let pixels: Vec<u8> = (0..SIZE * SIZE)
        .flat_map(|i| {
            let (x, y) = ((i % SIZE) as u8, (i / SIZE) as u8);
            [x * 16, y * 16, 128]
        })
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, SIZE, SIZE);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(png)
}

/// An order as a shop would send it after delivery: one returnable line of
/// two T-shirts, delivered two days ago to the demo address.
fn fresh_order(number: &str) -> Value {
    let now = chrono::Utc::now();
    let ago = |days| (now - chrono::Duration::days(days)).to_rfc3339();
    json!({
        "number": number,
        "placed_at": ago(4),
        "currency": "EUR",
        "customer": { "email": "ana@example.com", "phone": "+31612345678", "name": "Ana de Vries" },
        "shipping_address": {
            "line1": "Stationsplein 1", "city": "Amsterdam", "postal_code": "1012 AB",
            "country": "NL", "latitude": 52.3791, "longitude": 4.9003
        },
        "lines": [{
            "id": "L1", "sku": "TSHIRT-M", "name": "T-shirt M", "quantity": 2,
            "unit_price": { "amount": 1999, "currency": "EUR" }, "returnable": true
        }],
        "shipments": [{
            "tracking_number": format!("{number}-1"), "carrier": "postnl", "status": "delivered",
            "shipped_at": ago(3), "delivered_at": ago(2),
            "lines": [{ "line_id": "L1", "quantity": 2 }]
        }]
    })
}

/// Polls a label URL until the label is ready, honouring `Retry-After`, and
/// returns the poll document with its `download_url`.
async fn wait_for_label(http: &Client, poll_url: &str, timeout: Duration) -> Result<LabelPoll> {
    let deadline = Instant::now() + timeout;
    loop {
        let response = http
            .get(poll_url)
            .send()
            .await
            .context("label poll failed")?;
        match response.status() {
            StatusCode::OK => return Ok(response.json().await?),
            StatusCode::ACCEPTED => {
                let wait = response
                    .headers()
                    .get(header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map_or(Duration::from_secs(1), Duration::from_secs)
                    .clamp(Duration::from_millis(200), Duration::from_secs(10));
                let left = deadline.saturating_duration_since(Instant::now());
                ensure!(!left.is_zero(), "label not ready after {timeout:?}");
                println!("   label pending, polling again in {wait:?}");
                tokio::time::sleep(wait.min(left)).await;
            }
            status if status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::GONE => {
                let poll: LabelPoll = response.json().await?;
                bail!(
                    "label {} ({status}): {}",
                    poll.status,
                    poll.detail.unwrap_or_default()
                );
            }
            status => {
                let body = response.text().await.unwrap_or_default();
                bail!("GET label answered {status}, expected 200 or 202: {body}");
            }
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let http = Client::builder()
        .user_agent("returns-api-portal-flow/1")
        .timeout(Duration::from_secs(30))
        .build()?;
    let base = cli.base_url.trim_end_matches('/');
    let portal = format!("{base}/v1/portal/{}", cli.brand);

    // 0. With an API key: a fresh order, so every run has units to return.
    let identifier = match &cli.api_key {
        Some(key) => {
            let number = format!("PF-{}", uuid::Uuid::now_v7().simple());
            let request = http
                .post(format!("{base}/v1/brands/{}/orders", cli.brand))
                .bearer_auth(key)
                .json(&fresh_order(&number));
            expect(request, StatusCode::CREATED).await?;
            println!("0. ingested order {number} through the merchant API");
            number
        }
        None => cli.order.clone(),
    };

    // 1. Portal settings: reasons and what each one requires.
    let settings: PortalSettings =
        expect_json(http.get(&portal).query(&[("locale", "en")]), StatusCode::OK).await?;
    let Some(reason) = settings.reasons.iter().find(|r| r.code == cli.reason) else {
        let codes: Vec<_> = settings.reasons.iter().map(|r| r.code.as_str()).collect();
        bail!(
            "{} offers no reason {:?}; it has {codes:?}",
            cli.brand,
            cli.reason
        );
    };
    println!(
        "1. portal of {} ({}): reason {:?} = {:?}",
        settings.brand.name, settings.locale, reason.code, reason.label
    );

    // 2. Lookup: the identifier plus exactly one verifier.
    let mut lookup_body = json!({ "identifier": identifier });
    match (&cli.postal_code, &cli.email, &cli.phone) {
        (_, Some(email), _) => lookup_body["email"] = json!(email),
        (_, _, Some(phone)) => lookup_body["phone"] = json!(phone),
        (postal_code, _, _) => {
            lookup_body["postal_code"] = json!(postal_code.as_deref().unwrap_or("1012 AB"))
        }
    }
    let lookup: Lookup = expect_json(
        http.post(format!("{portal}/lookup")).json(&lookup_body),
        StatusCode::OK,
    )
    .await?;
    let Some(line) = lookup
        .order
        .lines
        .iter()
        .find(|l| l.returnable_quantity > 0)
    else {
        let why: Vec<_> = (lookup.order.lines.iter())
            .map(|l| {
                format!(
                    "{}: {}",
                    l.id,
                    l.non_returnable_reason.as_deref().unwrap_or("?")
                )
            })
            .collect();
        bail!(
            "order {} has nothing left to return ({}); pass --api-key to ingest a fresh order",
            lookup.order.number,
            why.join(", ")
        );
    };
    println!(
        "2. order {}: returning 1 × {} (line {}, {} returnable)",
        lookup.order.number, line.name, line.id, line.returnable_quantity
    );

    // 3. Drop-off points near the parcel's destination, of the drop-off carriers.
    let Some(drop_off) = lookup
        .return_methods
        .iter()
        .find(|m| m.method == "drop_off")
    else {
        bail!("{} does not offer drop-off returns", cli.brand);
    };
    let Some(destination) = lookup.parcel.as_ref().map(|p| &p.destination) else {
        bail!("order {} has no parcel", lookup.order.number);
    };
    // An email or phone lookup leaves the coordinates out: search around the
    // nearest point the lookup named instead.
    let nearest = lookup.service_point.as_ref();
    let (country, latitude, longitude) = match (destination.latitude, destination.longitude) {
        (Some(lat), Some(lon)) => (destination.country.clone(), lat, lon),
        _ => match nearest {
            Some(p) => (p.country.clone(), p.latitude, p.longitude),
            None => bail!(
                "the parcel's destination {} has no coordinates and no point is near",
                destination.postal_code
            ),
        },
    };
    let points: ServicePoints = expect_json(
        http.get(format!("{portal}/service-points"))
            .bearer_auth(&lookup.service_points_token)
            .query(&[
                ("country", country.as_str()),
                ("latitude", &latitude.to_string()),
                ("longitude", &longitude.to_string()),
                ("carrier", &drop_off.carriers.join(",")),
                ("radius", "5000"),
                ("limit", "5"),
            ]),
        StatusCode::OK,
    )
    .await?;
    let Some(point) = points.data.first() else {
        bail!(
            "no drop-off point within 5 km of {}",
            destination.postal_code
        );
    };
    println!(
        "3. nearest drop-off point: {} in {} ({}, {} m)",
        point.name, point.city, point.carrier, point.distance
    );

    // 4. Photos: as many as the reason asks for, at least one.
    let photos = if reason.require_images {
        reason.min_images.max(1)
    } else {
        1
    };
    let mut image_ids = Vec::new();
    for _ in 0..photos {
        let part = Part::bytes(photo_png()?)
            .file_name("photo.png")
            .mime_str("image/png")?;
        let upload: Upload = expect_json(
            http.post(format!("{portal}/uploads"))
                .bearer_auth(&lookup.access_token)
                .multipart(Form::new().part("file", part)),
            StatusCode::CREATED,
        )
        .await?;
        println!(
            "4. uploaded {} ({}, {} bytes)",
            upload.id, upload.content_type, upload.size_bytes
        );
        image_ids.push(upload.id);
    }

    // 5. Preview: the same body as the creation; creates nothing.
    let mut item = json!({
        "order_line_id": line.id,
        "quantity": 1,
        "reason_code": reason.code,
        "image_ids": image_ids,
    });
    if reason.require_comment {
        item["comment"] = json!("Returned with the portal_flow example");
    }
    if reason.require_condition {
        let Some(condition) = settings.condition_codes.first() else {
            bail!(
                "reason {} needs a condition but none is offered",
                reason.code
            );
        };
        item["condition_code"] = json!(condition.code);
    }
    let body = json!({
        "items": [item],
        "return_method": { "type": "drop_off", "carrier": point.carrier, "service_point_id": point.id },
        "resolution": { "type": "refund" },
        "locale": settings.locale,
    });
    let preview: Preview = expect_json(
        http.post(format!("{portal}/returns/preview"))
            .bearer_auth(&lookup.access_token)
            .json(&body),
        StatusCode::OK,
    )
    .await?;
    ensure!(
        preview.valid,
        "preview found problems: {:?}",
        preview.errors
    );
    println!(
        "5. preview: valid, auto-approved: {}, estimated refund {} {}",
        preview.auto_approve, preview.estimated_refund.amount, preview.estimated_refund.currency
    );

    // 6. Create, with a key that makes a retry of this request safe.
    let idempotency_key = uuid::Uuid::now_v7().to_string();
    let mut created: Return = expect_json(
        http.post(format!("{portal}/returns"))
            .bearer_auth(&lookup.access_token)
            .header("Idempotency-Key", &idempotency_key)
            .json(&body),
        StatusCode::CREATED,
    )
    .await?;
    println!(
        "6. return {} ({}) is {}",
        created.rma_number, created.id, created.status
    );
    if created.status == "requested" {
        // The reason needs the merchant's review; the merchant approves it.
        let Some(key) = &cli.api_key else {
            bail!(
                "reason {} needs the merchant's approval: pass --api-key, or an auto-approving --reason",
                reason.code
            );
        };
        created = expect_json(
            http.post(format!(
                "{base}/v1/brands/{}/returns/{}/approve",
                cli.brand, created.id
            ))
            .bearer_auth(key)
            .json(&json!({ "note": "Approved by the portal_flow example" })),
            StatusCode::OK,
        )
        .await?;
        println!("   approved by the merchant: {}", created.status);
    }
    ensure!(
        created.status == "approved",
        "return is {}, expected approved",
        created.status
    );

    // 7. The label is made in the background: poll its URL until it is ready.
    let Some(label) = created.shipments.first().and_then(|s| s.label.as_ref()) else {
        bail!("the approved return has no label");
    };
    let ready = wait_for_label(
        &http,
        &label.poll_url,
        Duration::from_secs(cli.label_timeout),
    )
    .await?;
    let Some(download_url) = ready.download_url else {
        bail!("label is {} but has no download_url", ready.status);
    };
    println!(
        "7. label ready: {} {}",
        ready.carrier,
        ready.tracking_number.unwrap_or_default()
    );

    // 8. Download the PDF (the URL carries its own token).
    let response = expect(http.get(&download_url), StatusCode::OK).await?;
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let pdf = response.bytes().await?;
    ensure!(
        content_type.starts_with("application/pdf") && pdf.starts_with(b"%PDF"),
        "download is not a PDF ({content_type}, {} bytes)",
        pdf.len()
    );
    std::fs::write(&cli.output, &pdf)
        .with_context(|| format!("cannot write {}", cli.output.display()))?;
    println!(
        "8. saved the label to {} ({} bytes)",
        cli.output.display(),
        pdf.len()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("portal_flow failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}
