//! Label rendering throughput on one core.
//!
//! Renders N return labels (default 20,000; pass another number as the first
//! argument) with varied, realistic content on the current thread, then
//! renders QR code PNGs, and prints labels per second, the PDF size
//! distribution and QR PNG renders per second:
//!
//! ```text
//! cargo run --release --example bench_labels [N]
//! ```
//!
//! Only `std` and the crate are used, so the numbers measure the renderer and
//! nothing else. Content is generated before the clock starts so that string
//! formatting is not counted as rendering.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use returns_api::labels::render::{LabelAddress, LabelContent, qr_png, render_pdf};

/// Labels rendered when no count is given.
const DEFAULT_LABELS: usize = 20_000;
/// QR PNGs rendered per benchmark run (they are slower than PDFs).
const QR_RENDERS: usize = 2_000;
/// Pixels per QR module, as used for on-screen return codes.
const QR_SCALE: u32 = 4;

const CARRIERS: [&str; 6] = ["postnl", "dhl", "dpd", "ups", "gls", "bpost"];
const NAMES: [&str; 8] = [
    "Jan de Vries",
    "Zoë Müller",
    "François Lefèvre-Dubois",
    "Łukasz Wiśniewski",
    "Ana María García Fernández",
    "Søren Kierkegaard Hansen",
    "Ólafur Jónsson",
    "Δημήτρης Παπαδόπουλος",
];
const STREETS: [&str; 6] = [
    "Keizersgracht",
    "Hauptstraße",
    "Rue de la Paix",
    "Calle Mayor",
    "Strøget",
    "ul. Marszałkowska",
];
const CITIES: [(&str, &str, &str); 6] = [
    ("1015 CJ", "Amsterdam", "NL"),
    ("10115", "Berlin", "DE"),
    ("75002", "Paris", "FR"),
    ("28013", "Madrid", "ES"),
    ("1160", "København K", "DK"),
    ("00-001", "Warszawa", "PL"),
];
const WAREHOUSES: [&str; 3] = [
    "Returns Department",
    "Fulfilment Centre West",
    "Retourenabteilung",
];

fn main() -> ExitCode {
    let count = match std::env::args().nth(1) {
        None => DEFAULT_LABELS,
        Some(arg) => match arg.parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("usage: bench_labels [number of labels > 0], got {arg:?}");
                return ExitCode::FAILURE;
            }
        },
    };

    let labels: Vec<LabelContent> = (0..count).map(sample_label).collect();

    // Warm-up: page in the code and let the allocator settle.
    for label in labels.iter().take(200) {
        if let Err(e) = render_pdf(label) {
            eprintln!("warm-up render failed: {e}");
            return ExitCode::FAILURE;
        }
    }

    let mut sizes = Vec::with_capacity(count);
    let started = Instant::now();
    for label in &labels {
        match render_pdf(black_box(label)) {
            Ok(pdf) => sizes.push(black_box(pdf).len()),
            Err(e) => {
                eprintln!("render failed for {}: {e}", label.tracking_number);
                return ExitCode::FAILURE;
            }
        }
    }
    let pdf_time = started.elapsed();

    let qr_inputs: Vec<String> = (0..QR_RENDERS)
        .map(|i| {
            format!(
                "https://returns.example.com/r/RMA-2026-{i:06}?t={}",
                tracking_number(i)
            )
        })
        .collect();
    let mut qr_bytes = 0usize;
    let started = Instant::now();
    for data in &qr_inputs {
        match qr_png(black_box(data), QR_SCALE) {
            Ok(png) => qr_bytes += black_box(png).len(),
            Err(e) => {
                eprintln!("QR render failed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let qr_time = started.elapsed();

    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    let min = sizes.first().copied().unwrap_or(0);
    let max = sizes.last().copied().unwrap_or(0);

    println!(
        "labels rendered: {count} in {:.2} s -> {:.0} labels/s on one core ({:.1} us/label)",
        pdf_time.as_secs_f64(),
        per_second(count, pdf_time),
        pdf_time.as_secs_f64() * 1e6 / count as f64,
    );
    println!("PDF size: median {median} B, min {min} B, max {max} B");
    println!(
        "QR PNG renders: {QR_RENDERS} (scale {QR_SCALE}) in {:.2} s -> {:.0} renders/s on one core, avg {} B",
        qr_time.as_secs_f64(),
        per_second(QR_RENDERS, qr_time),
        qr_bytes / QR_RENDERS,
    );
    ExitCode::SUCCESS
}

/// Items per second, guarding against a zero duration.
fn per_second(items: usize, elapsed: Duration) -> f64 {
    items as f64 / elapsed.as_secs_f64().max(1e-9)
}

/// A tracking number in one of several real-world shapes: alphanumeric,
/// numeric of even and odd length, hyphenated, UPU S10.
fn tracking_number(i: usize) -> String {
    match i % 5 {
        0 => format!("3SABC{:07}", i % 10_000_000),
        1 => format!("{:012}", 100_000_000_000 + i),
        2 => format!("{:05}", i % 100_000),
        3 => format!("RT-2026-{:06}", i % 1_000_000),
        _ => format!("CD{:09}NL", i % 1_000_000_000),
    }
}

/// Label `i` of the benchmark set, cycling through names, addresses and
/// optional fields so every code path is exercised.
fn sample_label(i: usize) -> LabelContent {
    let (postal_code, city, country) = CITIES[i % CITIES.len()];
    let (w_postal, w_city, w_country) = CITIES[(i / 7) % CITIES.len()];
    LabelContent {
        carrier: CARRIERS[i % CARRIERS.len()].to_owned(),
        tracking_number: tracking_number(i),
        rma_number: format!("RMA-2026-{:06}", i % 1_000_000),
        sender: LabelAddress {
            name: NAMES[i % NAMES.len()].to_owned(),
            company: (i % 4 == 0).then(|| "Kleine Winkel B.V.".to_owned()),
            line1: format!("{} {}", STREETS[i % STREETS.len()], 1 + i % 250),
            line2: (i % 3 == 0).then(|| format!("Apartment {}", 1 + i % 40)),
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            country: country.to_owned(),
        },
        recipient: LabelAddress {
            name: WAREHOUSES[i % WAREHOUSES.len()].to_owned(),
            company: Some("Acme Fashion Europe GmbH".to_owned()),
            line1: format!("Logistics Park {}, Hall {}", 1 + i % 9, 1 + i % 4),
            line2: (i % 2 == 0).then(|| "Dock 7, attn. returns intake".to_owned()),
            postal_code: w_postal.to_owned(),
            city: w_city.to_owned(),
            country: w_country.to_owned(),
        },
        service_point: (i % 3 != 2).then(|| {
            format!(
                "Service point {}, Stationsplein {}, {city}",
                i % 97,
                1 + i % 30
            )
        }),
    }
}
