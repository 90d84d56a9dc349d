//! A local Twilio-style SMS API: `POST /2010-04-01/Accounts/{sid}/Messages.json`,
//! form-encoded `To`, `From` (or `MessagingServiceSid`) and `Body`, HTTP basic auth with
//! the account SID and auth token; `201` with a `sid` on success and Twilio's error
//! body (`code`, `message`) otherwise.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use base64::Engine as _;
use serde_json::json;

use super::http::{
    Answer, Fault, Handler, HttpRequest, RecordedRequest, Server, Shared, parse_form,
};

/// One SMS the server accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmsMessage {
    /// Message SID assigned by the server.
    pub sid: String,
    /// Recipient (E.164).
    pub to: String,
    /// Sender number or messaging service SID.
    pub from: String,
    /// Text.
    pub body: String,
    /// The `Idempotency-Key` header, if sent.
    pub idempotency_key: Option<String>,
}

/// The local SMS API; stops when dropped.
pub struct TwilioServer {
    /// Address it listens on.
    pub addr: SocketAddr,
    /// Account SID it accepts.
    pub account_sid: String,
    /// Auth token it accepts.
    pub auth_token: String,
    shared: Arc<Shared<SmsMessage>>,
    _server: Server,
}

impl std::fmt::Debug for TwilioServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwilioServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn error_body(status: u16) -> serde_json::Value {
    json!({"code": 20500 + u32::from(status % 100), "message": format!("injected HTTP {status}"), "status": status})
}

fn twilio_error(status: u16, code: u32, message: &str) -> Answer {
    Answer::json(
        status,
        json!({"code": code, "message": message, "more_info": format!("https://www.twilio.com/docs/errors/{code}"), "status": status}),
    )
}

impl TwilioServer {
    /// Starts a server accepting `account_sid` / `auth_token`.
    pub async fn start(account_sid: &str, auth_token: &str) -> anyhow::Result<Self> {
        let shared = Shared::new();
        let counter = Arc::new(AtomicU64::new(0));
        let expected_path = format!("/2010-04-01/Accounts/{account_sid}/Messages.json");
        let expected_auth = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{account_sid}:{auth_token}"))
        );
        let state = shared.clone();
        let handler: Handler = Arc::new(move |req: HttpRequest| {
            let state = state.clone();
            let counter = counter.clone();
            let expected_path = expected_path.clone();
            let expected_auth = expected_auth.clone();
            Box::pin(async move {
                if req.method != "POST" || req.path != expected_path {
                    return twilio_error(404, 20404, "The requested resource was not found");
                }
                if req.header("authorization") != Some(expected_auth.as_str()) {
                    return twilio_error(401, 20003, "Authenticate");
                }
                let key = req.header("idempotency-key").map(str::to_owned);
                if let Some(first) = state.answer_for(key.as_deref()) {
                    return Answer::json(201, first);
                }
                let form = parse_form(&req.body);
                let field = |name: &str| {
                    form.iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                let to = field("To");
                let from = {
                    let f = field("From");
                    if f.is_empty() {
                        field("MessagingServiceSid")
                    } else {
                        f
                    }
                };
                let body = field("Body");
                if to.is_empty() {
                    return twilio_error(400, 21604, "A 'To' phone number is required.");
                }
                let e164 = to.starts_with('+')
                    && to.len() > 4
                    && to.len() <= 16
                    && to[1..].chars().all(|c| c.is_ascii_digit());
                if !e164 {
                    return twilio_error(
                        400,
                        21211,
                        &format!("The 'To' number {to} is not a valid phone number."),
                    );
                }
                if from.is_empty() {
                    return twilio_error(400, 21603, "A 'From' phone number is required.");
                }
                if body.is_empty() {
                    return twilio_error(400, 21602, "Message body is required.");
                }
                if body.chars().count() > 1600 {
                    return twilio_error(
                        400,
                        21617,
                        "The concatenated message body exceeds the 1600 character limit.",
                    );
                }
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                let sid = format!("SM{n:032x}");
                let answer =
                    json!({"sid": sid, "status": "queued", "to": to, "from": from, "body": body});
                state.accept(
                    key.as_deref(),
                    SmsMessage {
                        sid,
                        to,
                        from,
                        body,
                        idempotency_key: key.clone(),
                    },
                    &answer,
                );
                Answer::json(201, answer)
            })
        });
        let server = Server::start(shared.clone(), error_body, handler).await?;
        Ok(Self {
            addr: server.addr,
            account_sid: account_sid.to_owned(),
            auth_token: auth_token.to_owned(),
            shared,
            _server: server,
        })
    }

    /// The base URL (`http://127.0.0.1:<port>`) to configure as the provider URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Injects `fault` into the next `times` requests.
    pub fn fail_next(&self, times: usize, fault: Fault) {
        self.shared.fail_next(times, fault);
    }

    /// Injects `fault` into every request until called with `None` (which also clears
    /// queued faults).
    pub fn fail_always(&self, fault: Option<Fault>) {
        self.shared.fail_always(fault);
    }

    /// Messages accepted (a repeated idempotency key is not accepted twice).
    pub fn messages(&self) -> Vec<SmsMessage> {
        self.shared.accepted()
    }

    /// Every request received, faults included.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// Waits until at least `n` messages were accepted.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<SmsMessage>> {
        self.shared.wait_for(n, timeout).await
    }
}
