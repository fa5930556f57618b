//! Sending one webhook attempt, safely: the endpoint's host is resolved by
//! a resolver that drops every special-purpose address
//! ([`crate::domain::addresses`]: loopback, private, link-local, reserved…, so a name that resolves to 127.0.0.1 or the metadata address
//! is refused at every attempt, and the address connected to is the one
//! checked), an IP literal is checked before connecting, redirects are not
//! followed, proxies from the environment are not used, and at most
//! [`EXCERPT_BYTES`] of the answer are read.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::domain::addresses::is_public_ip;
use crate::domain::webhooks::check_url;

/// How much of an answer is kept (and read at all).
pub const EXCERPT_BYTES: usize = 1024;

/// What one attempt gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The answer's status code, if an answer came.
    pub status: Option<u16>,
    /// Time from sending to the end of the (bounded) answer.
    pub latency: Duration,
    /// Why it failed, when it did.
    pub error: Option<String>,
    /// The start of the answer's body.
    pub excerpt: Option<String>,
}

impl Outcome {
    /// Whether the endpoint took it (a 2xx).
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    fn failed(started: Instant, error: String) -> Outcome {
        Outcome {
            status: None,
            latency: started.elapsed(),
            error: Some(error),
            excerpt: None,
        }
    }
}

/// Resolves host names to their public addresses only.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let all: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = all
                .iter()
                .copied()
                .filter(|a| is_public_ip(a.ip()))
                .collect();
            if public.is_empty() {
                return Err(format!(
                    "{host} resolves to no public address ({})",
                    all.iter()
                        .map(|a| a.ip().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
                .into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

/// The HTTP client of webhook deliveries (one per node, pooled).
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
    allow_private: bool,
}

impl Sender {
    /// A sender whose attempts time out after `timeout`. With
    /// `allow_private` (development only) any address and `http://` are
    /// allowed.
    pub fn new(timeout: Duration, allow_private: bool) -> anyhow::Result<Sender> {
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("returns-api-webhooks/", env!("CARGO_PKG_VERSION")))
            .pool_max_idle_per_host(16);
        if !allow_private {
            builder = builder.dns_resolver(Arc::new(PublicOnly));
        }
        Ok(Sender {
            client: builder.build()?,
            allow_private,
        })
    }

    /// Posts `body` to `url` with `headers`; never fails, the outcome says
    /// what happened.
    pub async fn send(&self, url: &str, headers: &[(&str, String)], body: String) -> Outcome {
        let started = Instant::now();
        // The URL was checked when it was registered; the rules (or the
        // development switch) may have changed since.
        if let Err(e) = check_url(url, self.allow_private) {
            return Outcome::failed(started, format!("refused: the URL {}", e.message));
        }
        let mut request = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => return Outcome::failed(started, describe(&e)),
        };
        let status = response.status().as_u16();
        let mut response = response;
        let mut excerpt = Vec::new();
        while excerpt.len() < EXCERPT_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    let take = chunk.len().min(EXCERPT_BYTES - excerpt.len());
                    excerpt.extend_from_slice(&chunk[..take]);
                }
                // The status is what counts; a body cut short is only noted.
                Ok(None) | Err(_) => break,
            }
        }
        let ok = (200..300).contains(&status);
        Outcome {
            status: Some(status),
            latency: started.elapsed(),
            error: (!ok).then(|| format!("the endpoint answered {status}")),
            excerpt: (!excerpt.is_empty()).then(|| String::from_utf8_lossy(&excerpt).into_owned()),
        }
    }
}

/// A short reason for a failed request (no URL: it may carry secrets in its
/// query string).
fn describe(e: &reqwest::Error) -> String {
    let mut reason = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "could not connect".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        reason = format!("{reason}: {cause}");
        source = cause.source();
    }
    reason
}
