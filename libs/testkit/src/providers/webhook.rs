//! A local store-system webhook: accepts JSON POSTs signed with
//! `X-Omni-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` and
//! refuses unsigned, wrongly signed or stale (over five minutes old) calls with 401.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use ring::hmac;
use serde_json::{Value, json};

use super::http::{Answer, Fault, Handler, HttpRequest, RecordedRequest, Server, Shared};

/// Oldest signature timestamp accepted, in seconds.
const MAX_AGE_SECS: i64 = 300;

/// One webhook call the server accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct WebhookCall {
    /// Receipt id assigned by the server.
    pub receipt_id: String,
    /// Path posted to.
    pub path: String,
    /// The JSON payload.
    pub payload: Value,
    /// The `Idempotency-Key` header, if sent.
    pub idempotency_key: Option<String>,
}

/// The local store webhook; stops when dropped.
pub struct StoreWebhookServer {
    /// Address it listens on.
    pub addr: SocketAddr,
    /// Signing secret it verifies with.
    pub secret: String,
    shared: Arc<Shared<WebhookCall>>,
    _server: Server,
}

impl std::fmt::Debug for StoreWebhookServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreWebhookServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn fault_body(code: u16) -> Value {
    json!({"error": format!("injected HTTP {code}")})
}

/// Checks a signature header against `body` at `now_secs`.
fn verify(
    key: &hmac::Key,
    header: Option<&str>,
    body: &[u8],
    now_secs: i64,
) -> Result<(), &'static str> {
    let header = header.ok_or("missing signature")?;
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => v1 = hex::decode(value).ok(),
            _ => {}
        }
    }
    let (t, v1) = (t.ok_or("no timestamp")?, v1.ok_or("no v1 signature")?);
    if (now_secs - t).abs() > MAX_AGE_SECS {
        return Err("stale signature");
    }
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(body);
    hmac::verify(key, &signed, &v1).map_err(|_| "bad signature")
}

impl StoreWebhookServer {
    /// Starts a webhook verifying with `secret`.
    pub async fn start(secret: &str) -> anyhow::Result<Self> {
        let shared = Shared::new();
        let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
        let counter = Arc::new(AtomicU64::new(0));
        let state = shared.clone();
        let handler: Handler = Arc::new(move |req: HttpRequest| {
            let state = state.clone();
            let key = key.clone();
            let counter = counter.clone();
            Box::pin(async move {
                if req.method != "POST" {
                    return Answer::json(405, json!({"error": "method not allowed"}));
                }
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
                    .unwrap_or_default();
                if let Err(why) = verify(&key, req.header("x-omni-signature"), &req.body, now) {
                    return Answer::json(401, json!({"error": why}));
                }
                let key_header = req.header("idempotency-key").map(str::to_owned);
                if let Some(first) = state.answer_for(key_header.as_deref()) {
                    return Answer::json(200, first);
                }
                let Ok(payload) = serde_json::from_slice::<Value>(&req.body) else {
                    return Answer::json(400, json!({"error": "body is not JSON"}));
                };
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                let receipt_id = format!("rcpt_{n}");
                let answer = json!({"receipt_id": receipt_id});
                state.accept(
                    key_header.as_deref(),
                    WebhookCall {
                        receipt_id,
                        path: req.path.clone(),
                        payload,
                        idempotency_key: key_header.clone(),
                    },
                    &answer,
                );
                Answer::json(200, answer)
            })
        });
        let server = Server::start(shared.clone(), fault_body, handler).await?;
        Ok(Self {
            addr: server.addr,
            secret: secret.to_owned(),
            shared,
            _server: server,
        })
    }

    /// The URL to configure as the webhook URL.
    pub fn url(&self) -> String {
        format!("http://{}/omni/tasks", self.addr)
    }

    /// Injects `fault` into the next `times` requests.
    pub fn fail_next(&self, times: usize, fault: Fault) {
        self.shared.fail_next(times, fault);
    }

    /// Injects `fault` into every request until called with `None`.
    pub fn fail_always(&self, fault: Option<Fault>) {
        self.shared.fail_always(fault);
    }

    /// Calls accepted.
    pub fn calls(&self) -> Vec<WebhookCall> {
        self.shared.accepted()
    }

    /// Every request received.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// Waits until at least `n` calls were accepted.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<WebhookCall>> {
        self.shared.wait_for(n, timeout).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_checked_for_value_and_age() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"s");
        let tag = hmac::sign(&key, b"100.{}");
        let header = format!("t=100,v1={}", hex::encode(tag.as_ref()));
        assert_eq!(verify(&key, Some(&header), b"{}", 150), Ok(()));
        assert_eq!(
            verify(&key, Some(&header), b"{ }", 150),
            Err("bad signature")
        );
        assert_eq!(
            verify(&key, Some(&header), b"{}", 1_000),
            Err("stale signature")
        );
        assert_eq!(verify(&key, None, b"{}", 150), Err("missing signature"));
    }
}
