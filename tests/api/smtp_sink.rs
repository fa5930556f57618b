//! A small SMTP server on 127.0.0.1 for the tests: it speaks enough SMTP
//! for a real client (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP,
//! QUIT), keeps every accepted message, and can hold new connections
//! before its greeting (a mail in flight when a test kills the sender).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// A message the sink accepted (its `250` after the data was written).
#[derive(Debug, Clone)]
pub struct Mail {
    /// `MAIL FROM` address.
    pub from: String,
    /// `RCPT TO` addresses.
    pub to: Vec<String>,
    /// Headers (unfolded, encoded words decoded), in order.
    pub headers: Vec<(String, String)>,
    /// The body, transfer encoding undone.
    pub body: String,
}

impl Mail {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The subject.
    pub fn subject(&self) -> &str {
        self.header("Subject").unwrap_or_default()
    }
}

#[derive(Default)]
struct Shared {
    mails: Vec<Mail>,
    waiting: usize,
    /// Replies to the next `RCPT TO`s instead of `250 OK`.
    rcpt_replies: std::collections::VecDeque<&'static str>,
}

/// A running sink.
pub struct SmtpSink {
    /// `smtp://127.0.0.1:PORT` (plain SMTP).
    pub url: String,
    shared: Arc<Mutex<Shared>>,
    hold: watch::Sender<bool>,
}

impl SmtpSink {
    /// Starts a sink on a free port.
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (hold, held) = watch::channel(false);
        let state = shared.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (state, held) = (state.clone(), held.clone());
                tokio::spawn(async move {
                    let _ = session(socket, state, held).await;
                });
            }
        });
        SmtpSink { url, shared, hold }
    }

    /// From now on new connections wait before the greeting.
    pub fn hold(&self) {
        self.hold.send_replace(true);
    }

    /// Greets the waiting connections and every new one.
    pub fn release(&self) {
        self.hold.send_replace(false);
    }

    /// Answers the next `RCPT TO`s with these replies (e.g. `451 4.3.0
    /// try later`, `550 5.1.1 no such user`), then with `250 OK` again.
    pub fn reply_to_rcpt(&self, replies: &[&'static str]) {
        self.shared.lock().unwrap().rcpt_replies.extend(replies);
    }

    /// Connections waiting for the greeting.
    pub fn waiting(&self) -> usize {
        self.shared.lock().unwrap().waiting
    }

    /// Every message accepted so far.
    pub fn mails(&self) -> Vec<Mail> {
        self.shared.lock().unwrap().mails.clone()
    }

    /// Waits until at least `n` messages arrived (panics after `timeout`).
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        let started = Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                started.elapsed() < timeout,
                "{} of {n} mails after {timeout:?}: {mails:?}",
                mails.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Strips `<…>` and SMTP parameters from `FROM:<a@b> SIZE=1`.
fn address(arg: &str) -> String {
    let arg = arg.split_once(':').map_or(arg, |(_, rest)| rest).trim();
    let arg = arg.split_whitespace().next().unwrap_or_default();
    arg.trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

async fn session(
    socket: TcpStream,
    state: Arc<Mutex<Shared>>,
    mut held: watch::Receiver<bool>,
) -> std::io::Result<()> {
    if *held.borrow() {
        state.lock().unwrap().waiting += 1;
        let _ = held.wait_for(|h| !*h).await;
        state.lock().unwrap().waiting -= 1;
    }
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => {
                write
                    .write_all(b"250-sink greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    .await?
            }
            "HELO" => write.write_all(b"250 sink\r\n").await?,
            "MAIL" => {
                from = address(&command[4..]);
                to.clear();
                write.write_all(b"250 OK\r\n").await?;
            }
            "RCPT" => {
                let scripted = state.lock().unwrap().rcpt_replies.pop_front();
                match scripted {
                    Some(reply) => write.write_all(format!("{reply}\r\n").as_bytes()).await?,
                    None => {
                        to.push(address(&command[4..]));
                        write.write_all(b"250 OK\r\n").await?;
                    }
                }
            }
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        // The client went away mid-message: nothing accepted.
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    // Undo dot-stuffing.
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                write.write_all(b"250 OK queued\r\n").await?;
                let mail = parse(&from, &to, &data);
                state.lock().unwrap().mails.push(mail);
            }
            "RSET" => {
                from.clear();
                to.clear();
                write.write_all(b"250 OK\r\n").await?;
            }
            "NOOP" => write.write_all(b"250 OK\r\n").await?,
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => write.write_all(b"502 not implemented\r\n").await?,
        }
    }
}

/// Splits a message into headers and body, undoing folding, encoded words
/// and the body's transfer encoding.
fn parse(from: &str, to: &[String], data: &str) -> Mail {
    let data = data.replace("\r\n", "\n");
    let (head, body) = data.split_once("\n\n").unwrap_or((&data, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line.trim_start_matches([' ', '\t']));
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    for (_, value) in &mut headers {
        *value = decode_words(value);
    }
    let encoding = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Transfer-Encoding"))
        .map(|(_, v)| v.to_ascii_lowercase())
        .unwrap_or_default();
    let body = match encoding.as_str() {
        "base64" => {
            let compact: String = body.split_whitespace().collect();
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .expect("base64 body"),
            )
            .expect("utf-8 body")
        }
        "quoted-printable" => quoted_printable(body),
        _ => body.to_string(),
    };
    Mail {
        from: from.to_string(),
        to: to.to_vec(),
        headers,
        body,
    }
}

fn quoted_printable(s: &str) -> String {
    let mut out = Vec::new();
    let bytes = s.replace("=\n", "").into_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) =
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or(""), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("utf-8 body")
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`).
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        // `=?charset?enc?text?=`: the text starts after the third `?`.
        let word = &rest[start + 2..];
        let Some((_charset, tail)) = word.split_once('?') else {
            break;
        };
        let Some((encoding, tail)) = tail.split_once('?') else {
            break;
        };
        let Some(len) = tail.find("?=") else {
            break;
        };
        let text = &tail[..len];
        let between = &rest[..start];
        // Whitespace between two encoded words is not part of the text.
        if !(after_word && between.trim().is_empty()) {
            out.push_str(between);
        }
        let decoded = if encoding.eq_ignore_ascii_case("b") {
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default()
        } else {
            quoted_printable(&text.replace('_', " "))
        };
        out.push_str(&decoded);
        after_word = true;
        rest = &tail[len + 2..];
    }
    out.push_str(rest);
    out
}
