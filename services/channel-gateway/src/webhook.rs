//! The store channel: a JSON webhook to the store system ("pickup ready", "VIP in
//! store", "customer near store"), signed with HMAC-SHA256 so the store can tell it came
//! from the gateway and was not replayed.
//!
//! Signature: `X-Omni-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
//! Receivers recompute it over the raw body and reject old timestamps.

use async_trait::async_trait;
use ring::hmac;
use serde_json::{Value, json};

use crate::provider::{
    Accepted, IDEMPOTENCY_HEADER, Outgoing, Provider, ProviderError, classify_status, json_body,
    retry_after, transport_error,
};

/// The signature header.
pub const SIGNATURE_HEADER: &str = "X-Omni-Signature";

/// `t=<unix>,v1=<hex>` for `body` signed at `unix_secs` with `secret`.
pub fn signature(secret: &[u8], unix_secs: i64, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let mut ctx = hmac::Context::with_key(&key);
    ctx.update(unix_secs.to_string().as_bytes());
    ctx.update(b".");
    ctx.update(body);
    format!("t={unix_secs},v1={}", hex::encode(ctx.sign().as_ref()))
}

/// Posts store tasks to a webhook.
#[derive(Clone)]
pub struct StoreWebhookProvider {
    client: reqwest::Client,
    url: String,
    secret: String,
}

impl std::fmt::Debug for StoreWebhookProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreWebhookProvider")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl StoreWebhookProvider {
    /// A provider posting to `url`, signing with `secret`.
    pub fn new(client: reqwest::Client, url: &str, secret: String) -> Self {
        Self {
            client,
            url: url.to_owned(),
            secret,
        }
    }
}

/// The webhook payload: the task (`vars.task`, default `notice`), the store, the
/// customer and the rendered text, plus the caller's variables.
pub fn payload(m: &Outgoing) -> Value {
    let task = m
        .variables
        .get("task")
        .and_then(Value::as_str)
        .unwrap_or("notice");
    json!({
        "message_id": m.message_id,
        "task": task,
        "store_id": m.to,
        "customer_id": m.customer_id,
        "title": m.subject,
        "text": m.body,
        "data": m.variables,
    })
}

#[async_trait]
impl Provider for StoreWebhookProvider {
    async fn send(&self, m: &Outgoing) -> Result<Accepted, ProviderError> {
        let body = payload(m).to_string();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let sig = signature(
            self.secret.as_bytes(),
            i64::try_from(now).unwrap_or_default(),
            body.as_bytes(),
        );
        let response = self
            .client
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, sig)
            .header(IDEMPOTENCY_HEADER, &m.message_id)
            .body(body)
            .send()
            .await
            .map_err(|e| transport_error("store webhook", &e))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let reply = json_body(response).await;
        if status.is_success() {
            return Ok(Accepted {
                provider_message_id: reply["receipt_id"]
                    .as_str()
                    .unwrap_or(m.message_id.as_str())
                    .to_owned(),
            });
        }
        Err(classify_status(
            status,
            wait,
            format!("store webhook: HTTP {}", status.as_u16()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_a_known_hmac() {
        // The tag must verify over exactly "<t>.<body>", the documented signing input.
        let sig = signature(b"key", 1_700_000_000, b"{}");
        assert!(sig.starts_with("t=1700000000,v1="), "{sig}");
        let hex_part = sig.split("v1=").nth(1).expect("hex");
        assert_eq!(hex_part.len(), 64);
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"key");
        let tag = hex::decode(hex_part).expect("hex");
        hmac::verify(&key, b"1700000000.{}", &tag).expect("verifies");
        assert_ne!(signature(b"other", 1_700_000_000, b"{}"), sig);
    }
}
