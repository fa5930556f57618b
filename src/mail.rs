//! Sending customer e-mail over SMTP (`SMTP_URL`, with lettre): plain SMTP
//! for development, STARTTLS (`?tls=required`) or TLS (`smtps://`) with
//! rustls. One connection per mail.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How long an SMTP server has for each step of a conversation.
const TIMEOUT: Duration = Duration::from_secs(30);

/// An SMTP client with the sender of every mail.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// One mail to send.
pub struct Outgoing<'a> {
    /// Recipient address.
    pub to: &'a str,
    /// Subject (one line).
    pub subject: &'a str,
    /// HTML body.
    pub html: &'a str,
    /// Id of the mail, the same on every attempt (the `Message-ID` is made
    /// from it, so a mail sent twice can be recognized as one).
    pub id: &'a str,
}

/// Why a mail was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// It never will be (a bad address, a 5xx answer).
    Permanent(String),
    /// It may be later (no connection, a timeout, a 4xx answer).
    Transient(String),
}

impl Mailer {
    /// A client of the server at `url` sending as `from`; an error names
    /// what is wrong without repeating the URL (it may hold a password).
    pub fn new(url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("SMTP_URL cannot be used: {e}"))?
            .timeout(Some(TIMEOUT))
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM is not an e-mail address: {e}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends a mail: `Ok` once the server accepted it.
    pub async fn send(&self, mail: &Outgoing<'_>) -> Result<(), SendError> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e| SendError::Permanent(format!("bad recipient: {e}")))?;
        let domain = self.from.email.domain().to_string();
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .message_id(Some(format!("<{}@{domain}>", mail.id)))
            .header(ContentType::TEXT_HTML)
            .body(mail.html.to_string())
            .map_err(|e| SendError::Permanent(format!("cannot build the mail: {e}")))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
            Err(e) => Err(SendError::Transient(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unusable_smtp_url_is_refused_without_repeating_its_password() {
        for url in [
            "ftp://mailer:hunter2@smtp.example",
            "smtps://mailer:hunter2@smtp.example:99999",
            "smtp://mailer:hunter2@smtp.example?tls=sometimes",
        ] {
            let error = Mailer::new(url, "returns@localhost")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                error.starts_with("SMTP_URL cannot be used"),
                "{url}: {error}"
            );
            assert!(!error.contains("hunter2"), "{error}");
        }
        assert!(Mailer::new("smtp://127.0.0.1:2525", "not an address").is_err());
        assert!(Mailer::new("smtps://mailer:hunter2@smtp.example", "shop@example.com").is_ok());
    }
}
