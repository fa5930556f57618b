//! A real headless Chromium, driven over WebDriver by its own chromedriver
//! process, for the tests of the reference portal. Each test gets a fresh
//! browser profile; at most two browsers run at once (the host has two
//! cores). Every step's screenshot is kept under
//! `target/tmp/browser/<test>/` as an artefact of the run.
//!
//! Chromium is `/usr/bin/chromium` with `/usr/bin/chromedriver` (Debian's
//! `chromium` and `chromium-driver`), or `CHROMIUM` and `CHROMEDRIVER`.
//! Without them a test is skipped, unless `REQUIRE_BROWSER` is set (as
//! `.ci/run` does): then it fails.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a step may take to show (a label is made by a background job).
pub const STEP: Duration = Duration::from_secs(30);

fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(2))
}

/// One browser session and its driver, ended on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    shots: PathBuf,
    taken: usize,
    _profile: tempfile::TempDir,
    _slot: SemaphorePermit<'static>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn required() -> bool {
    std::env::var("REQUIRE_BROWSER").is_ok_and(|v| !v.is_empty() && v != "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// A browser for the test `name`, `None` (skipped) when Chromium is not
    /// installed and not required.
    pub async fn start(name: &str) -> Option<Browser> {
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        if !std::path::Path::new(&chromium).exists() || !std::path::Path::new(&driver_bin).exists()
        {
            assert!(
                !required(),
                "REQUIRE_BROWSER is set but {chromium} or {driver_bin} is missing"
            );
            eprintln!("skipping {name}: no {chromium} or {driver_bin}");
            return None;
        }
        let slot = slots().acquire().await.expect("browser slots");
        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile dir");
        let caps: serde_json::Map<String, serde_json::Value> = serde_json::from_value(serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        }))
        .expect("capabilities");
        let url = format!("http://127.0.0.1:{port}");
        let started = std::time::Instant::now();
        let client = loop {
            match ClientBuilder::rustls()
                .expect("rustls connector")
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if started.elapsed() < Duration::from_secs(20) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("no WebDriver session from {driver_bin}: {e}"),
            }
        };
        let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("browser")
            .join(name);
        let _ = std::fs::remove_dir_all(&shots);
        std::fs::create_dir_all(&shots).expect("screenshot dir");
        Some(Browser {
            client,
            driver,
            shots,
            taken: 0,
            _profile: profile,
            _slot: slot,
        })
    }

    /// Keeps a screenshot of the page as `NN-step.png`.
    pub async fn shot(&mut self, step: &str) {
        self.taken += 1;
        let png = self.client.screenshot().await.expect("screenshot");
        let path = self.shots.join(format!("{:02}-{step}.png", self.taken));
        std::fs::write(&path, png).expect("screenshot written");
    }

    /// Opens `url`.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("page opens");
    }

    /// The first element matching `css`, waited for until it is shown.
    pub async fn visible(&self, css: &str) -> Element {
        let started = std::time::Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await
                && e.is_displayed().await.unwrap_or(false)
            {
                return e;
            }
            assert!(
                started.elapsed() < STEP,
                "{css} never showed; page text: {}",
                self.text("body").await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `css` has text containing `needle`, and returns the text.
    pub async fn text_of(&self, css: &str, needle: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                started.elapsed() < STEP,
                "{css} never said {needle:?}; it says {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of the first `css` element, empty when there is none.
    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Whether `css` matches an element.
    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// The element that has the focus.
    pub async fn focused(&self) -> Element {
        self.client
            .active_element()
            .await
            .expect("an active element")
    }

    /// Presses Tab until `css` has the focus, at most 80 times: the
    /// keyboard is the only input used.
    pub async fn tab_to(&self, css: &str) -> Element {
        let target = self.visible(css).await;
        for _ in 0..80 {
            let active = self.focused().await;
            if active.element_id() == target.element_id() {
                return active;
            }
            self.press(Key::Tab).await;
        }
        panic!("Tab never reached {css}");
    }

    /// Types `text` as key strokes into whatever has the focus (WebDriver
    /// actions of a keyboard: no element is clicked or focused for it).
    pub async fn type_keys(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(keys).await.expect("keys typed");
    }

    /// Presses one key.
    pub async fn press(&self, key: Key) {
        self.type_keys(&char::from(key).to_string()).await;
    }
}
