//! What every provider shares: the outgoing message, the answer, how failures are
//! classified (permanent, retryable with an optional `Retry-After`, invalid push token),
//! secret references, and the HTTP client the HTTP providers use.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::{Map, Value};

use crate::error::Error;

/// The header carrying the gateway's idempotency key on every HTTP provider call: the
/// message id, identical on every attempt, so a provider that honours it accepts a
/// re-sent message once.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// One rendered message on its way to a provider.
#[derive(Clone, Debug, Default)]
pub struct Outgoing {
    /// The gateway's message id (also the idempotency key sent to the provider).
    pub message_id: String,
    /// The customer.
    pub customer_id: String,
    /// Address: email, E.164 phone, push token or store id.
    pub to: String,
    /// Subject or push title.
    pub subject: String,
    /// Text body.
    pub body: String,
    /// HTML body (email).
    pub html_body: String,
    /// `List-Unsubscribe` URL (email, marketing, when tracking is on).
    pub unsubscribe_url: Option<String>,
    /// Where the provider posts delivery statuses (SMS `StatusCallback`, when the
    /// gateway has a public base URL).
    pub status_callback_url: Option<String>,
    /// The caller's variables (the store webhook forwards them as the task payload).
    pub variables: Map<String, Value>,
    /// The message's expiry (unix ms), for providers that take one (APNs).
    pub expire_ms: Option<i64>,
}

/// What a provider answered when it accepted a message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accepted {
    /// The provider's id (Twilio sid, FCM message name, webhook receipt).
    pub provider_message_id: String,
}

/// How a failure should be handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// Retrying cannot help (bad address, refused content).
    Permanent,
    /// Worth another attempt, after `retry_after` when the provider said so.
    Retryable {
        /// The provider's `Retry-After`, if any.
        retry_after: Option<Duration>,
    },
    /// The push token is no longer valid; the token is retired.
    InvalidToken,
    /// The provider refused the account (credentials, permissions, a secret that does
    /// not resolve): another provider of the channel takes the message at once; with
    /// none, it is retried like a retryable failure until an operator fixes it.
    Account,
}

/// Why a provider did not accept a message.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{message}")]
pub struct ProviderError {
    /// What the provider said, or why the call failed.
    pub message: String,
    /// How to handle it.
    pub kind: FailureKind,
}

impl ProviderError {
    /// A permanent failure.
    pub fn permanent(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            kind: FailureKind::Permanent,
        }
    }

    /// A retryable failure.
    pub fn retryable(message: impl Into<String>, retry_after: Option<Duration>) -> Self {
        Self {
            message: message.into(),
            kind: FailureKind::Retryable { retry_after },
        }
    }

    /// A failure of the provider account rather than of the message.
    pub fn account(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            kind: FailureKind::Account,
        }
    }

    /// Whether the failure is worth another attempt.
    #[cfg(test)]
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            FailureKind::Retryable { .. } | FailureKind::Account
        )
    }
}

/// Something that accepts messages for delivery.
#[async_trait]
pub trait Provider: Send + Sync + 'static {
    /// Hands `message` to the provider; `Ok` means the provider accepted it.
    async fn send(&self, message: &Outgoing) -> Result<Accepted, ProviderError>;
}

/// A shared provider.
pub type SharedProvider = Arc<dyn Provider>;

/// Resolves a secret reference: `env:NAME` reads the environment variable, `config:NAME`
/// reads `delivery.secrets.NAME`. The error names the reference, never a value.
pub fn resolve_secret(
    reference: &str,
    secrets: &BTreeMap<String, String>,
) -> Result<String, String> {
    let (scheme, name) = reference
        .split_once(':')
        .ok_or_else(|| format!("secret reference `{reference}` is not env:NAME or config:NAME"))?;
    let value = match scheme {
        "env" => std::env::var(name).ok(),
        "config" => secrets
            .get(name)
            .or_else(|| secrets.get(&name.to_ascii_lowercase()))
            .cloned(),
        _ => {
            return Err(format!(
                "secret reference `{reference}`: scheme must be env or config"
            ));
        }
    };
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("secret `{reference}` is not set"))
}

/// Checks the shape of a secret reference (not whether it resolves).
pub fn check_secret_ref(reference: &str) -> Result<(), String> {
    match reference.split_once(':') {
        Some(("env" | "config", name)) if !name.is_empty() => Ok(()),
        _ => Err("must be env:NAME or config:NAME".into()),
    }
}

/// The HTTP client for HTTP providers: rustls with the ring provider and the webpki
/// roots (the TLS stack the database driver already links), pooled connections.
pub fn http_client() -> Result<reqwest::Client, Error> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| Error::ProviderSettings(format!("tls: {e}")))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .pool_max_idle_per_host(64)
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| Error::ProviderSettings(format!("http client: {e}")))
}

/// Classifies an HTTP status: 408, 409 (a concurrent duplicate), 429 and 5xx are worth
/// retrying; 401/403 are account errors (another provider takes the message; with none,
/// it is retried until an operator fixes the credentials, and the circuit breaker keeps
/// a misconfigured provider from being hammered); other 4xx are final.
pub fn classify_status(
    status: reqwest::StatusCode,
    retry_after: Option<Duration>,
    message: String,
) -> ProviderError {
    let code = status.as_u16();
    if matches!(code, 401 | 403) {
        ProviderError::account(message)
    } else if matches!(code, 408 | 409 | 429) || status.is_server_error() {
        ProviderError::retryable(message, retry_after)
    } else {
        ProviderError::permanent(message)
    }
}

/// A `Retry-After` header in seconds (the HTTP-date form is not used by these APIs).
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// The response body as JSON (`Null` when it is not JSON or cannot be read).
pub async fn json_body(response: reqwest::Response) -> Value {
    match response.bytes().await {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// A transport failure (connect, timeout, reset): always retryable.
pub fn transport_error(provider: &str, err: &reqwest::Error) -> ProviderError {
    let what = if err.is_timeout() {
        "timed out"
    } else if err.is_connect() {
        "connection failed"
    } else {
        "request failed"
    };
    ProviderError::retryable(format!("{provider}: {what}: {err}"), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_resolve_by_reference_only() {
        let mut secrets = BTreeMap::new();
        secrets.insert("twilio".to_owned(), "s3cret".to_owned());
        assert_eq!(
            resolve_secret("config:twilio", &secrets).as_deref(),
            Ok("s3cret")
        );
        let err = resolve_secret("config:nope", &secrets).expect_err("missing");
        assert!(!err.contains("s3cret"));
        assert!(resolve_secret("plain", &secrets).is_err());
        // `env:` reads the process environment (PATH is set wherever tests run).
        assert_eq!(
            resolve_secret("env:PATH", &secrets).ok(),
            std::env::var("PATH").ok()
        );
        assert!(resolve_secret("env:OMNI_TEST_SURELY_UNSET_VARIABLE", &secrets).is_err());
        assert!(resolve_secret("file:/x", &secrets).is_err());
        assert!(check_secret_ref("env:X").is_ok());
        assert!(check_secret_ref("env:").is_err());
        assert!(check_secret_ref("s3cret").is_err());
    }

    #[test]
    fn statuses_are_classified() {
        use reqwest::StatusCode;
        let c = |s: u16| classify_status(StatusCode::from_u16(s).expect("code"), None, "x".into());
        assert!(c(503).is_retryable());
        assert!(c(429).is_retryable());
        assert!(!c(400).is_retryable());
        assert!(!c(404).is_retryable());
    }
}
