//! Email delivery over SMTP (lettre), implementing [`Provider`]. Marketing emails
//! carry `List-Unsubscribe` and RFC 8058 one-click `List-Unsubscribe-Post` headers when
//! the gateway has a tracking base URL.

use std::time::Duration;

use async_trait::async_trait;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use omni_common::config::{SmtpSettings, SmtpTls};

use crate::error::Error;
use crate::provider::{Accepted, Outgoing, Provider, ProviderError};

/// The header carrying the gateway's message id, for matching bounces and callbacks.
pub const MESSAGE_ID_HEADER: &str = "X-Omni-Message-Id";

/// Delivers over SMTP. One connection per message (no pool): sends are independent and
/// a broken connection can never leak into the next message.
pub struct SmtpProvider {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Domain for `Message-ID` headers (the sender's).
    domain: String,
}

impl std::fmt::Debug for SmtpProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpProvider")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl SmtpProvider {
    /// Builds the transport from the `smtp` settings.
    pub fn new(settings: &SmtpSettings) -> Result<Self, Error> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| Error::SmtpSettings(format!("smtp.from `{}`: {e}", settings.from)))?;
        let builder = match settings.tls {
            SmtpTls::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            SmtpTls::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                    .map_err(|e| Error::SmtpSettings(format!("smtp.host (starttls): {e}")))?
            }
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|e| Error::SmtpSettings(format!("smtp.host (tls): {e}")))?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(Duration::from_millis(settings.timeout_ms.max(1))));
        if let Some(user) = &settings.username {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                settings.password.clone().unwrap_or_default(),
            ));
        }
        let domain = from.email.domain().to_owned();
        Ok(Self {
            transport: builder.build(),
            from,
            domain,
        })
    }

    fn build(&self, email: &Outgoing) -> Result<lettre::Message, ProviderError> {
        let to: Mailbox = email.to.parse().map_err(|e| {
            ProviderError::permanent(format!("invalid recipient address `{}`: {e}", email.to))
        })?;
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!("<{}@{}>", email.message_id, self.domain)))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(MESSAGE_ID_HEADER),
                email.message_id.clone(),
            ));
        if let Some(url) = &email.unsubscribe_url {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let built = if email.html_body.is_empty() {
            builder
                .header(ContentType::TEXT_PLAIN)
                .body(email.body.clone())
        } else {
            builder.multipart(MultiPart::alternative_plain_html(
                email.body.clone(),
                email.html_body.clone(),
            ))
        };
        built.map_err(|e| ProviderError::permanent(format!("cannot build email: {e}")))
    }
}

#[async_trait]
impl Provider for SmtpProvider {
    async fn send(&self, email: &Outgoing) -> Result<Accepted, ProviderError> {
        let message = self.build(email)?;
        let response = self.transport.send(message).await.map_err(|e| {
            // A 5xx reply will be the same next time; connection, timeout and 4xx
            // failures are worth another attempt.
            if e.is_permanent() {
                ProviderError::permanent(format!("smtp: {e}"))
            } else {
                ProviderError::retryable(format!("smtp: {e}"), None)
            }
        })?;
        Ok(Accepted {
            provider_message_id: response.message().collect::<Vec<_>>().join(" "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SmtpSettings {
        SmtpSettings {
            host: "127.0.0.1".into(),
            port: 2525,
            from: "Omni <no-reply@omni.test>".into(),
            tls: SmtpTls::None,
            username: None,
            password: None,
            timeout_ms: 1_000,
        }
    }

    #[test]
    fn emails_carry_the_message_id_twice() {
        let provider = SmtpProvider::new(&settings()).expect("provider");
        let email = Outgoing {
            message_id: "msg_1".into(),
            to: "ann@example.com".into(),
            subject: "Hello Ann".into(),
            body: "Hi".into(),
            unsubscribe_url: Some("https://t.example.com/u/tok".into()),
            ..Default::default()
        };
        let raw =
            String::from_utf8(provider.build(&email).expect("builds").formatted()).expect("utf-8");
        assert!(raw.contains("Message-ID: <msg_1@omni.test>"), "{raw}");
        assert!(raw.contains("X-Omni-Message-Id: msg_1"), "{raw}");
        assert!(raw.contains("From: Omni <no-reply@omni.test>"), "{raw}");
        assert!(
            raw.contains("List-Unsubscribe: <https://t.example.com/u/tok>"),
            "{raw}"
        );
        assert!(
            raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{raw}"
        );
    }

    #[test]
    fn bad_addresses_are_permanent_failures() {
        let provider = SmtpProvider::new(&settings()).expect("provider");
        let email = Outgoing {
            message_id: "msg_1".into(),
            to: "not an address".into(),
            subject: "s".into(),
            body: "b".into(),
            ..Default::default()
        };
        assert!(!provider.build(&email).expect_err("invalid").is_retryable());
        let mut bad = settings();
        bad.from = "nope".into();
        assert!(SmtpProvider::new(&bad).is_err());
    }
}
