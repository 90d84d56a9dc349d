//! A local Twilio-style SMS API: `POST /2010-04-01/Accounts/{sid}/Messages.json`,
//! form-encoded `To`, `From` (or `MessagingServiceSid`) and `Body`, HTTP basic auth with
//! the account SID and auth token; `201` with a `sid` on success and Twilio's error
//! body (`code`, `message`) otherwise. When a message names a `StatusCallback` URL, the
//! server then posts its statuses there as Twilio does (`sent`, then `delivered` or the
//! outcome set with [`TwilioServer::set_outcome`]), form-encoded and signed with
//! `X-Twilio-Signature` (base64 HMAC-SHA1 with the auth token over the URL and the
//! sorted parameters), each a moment after the previous step and re-posted (up to 20
//! times, 100 ms apart) while the receiver does not answer 2xx.

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
    /// The `StatusCallback` URL, if sent.
    pub status_callback: Option<String>,
}

/// One status callback the server posted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusCallback {
    /// The message SID.
    pub sid: String,
    /// The status posted (`sent`, `delivered`, `undelivered`, `failed`).
    pub status: String,
    /// The HTTP status the callback URL answered (0: no answer).
    pub answered: u16,
}

/// What the callbacks report after `sent`: a final status and an error code.
#[derive(Clone, Debug, Default)]
struct Outcome {
    status: String,
    error_code: String,
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
    outcome: Arc<std::sync::Mutex<Outcome>>,
    callbacks: Arc<std::sync::Mutex<Vec<StatusCallback>>>,
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
        let outcome = Arc::new(std::sync::Mutex::new(Outcome {
            status: "delivered".into(),
            error_code: String::new(),
        }));
        let callbacks = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (cb_outcome, cb_log) = (outcome.clone(), callbacks.clone());
        let token = auth_token.to_owned();
        let sid_of_account = account_sid.to_owned();
        let expected_path = format!("/2010-04-01/Accounts/{account_sid}/Messages.json");
        let expected_auth = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{account_sid}:{auth_token}"))
        );
        let state = shared.clone();
        let handler: Handler = Arc::new(move |req: HttpRequest| {
            let state = state.clone();
            let counter = counter.clone();
            let (cb_outcome, cb_log) = (cb_outcome.clone(), cb_log.clone());
            let (token, account) = (token.clone(), sid_of_account.clone());
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
                let status_callback = Some(field("StatusCallback")).filter(|u| !u.is_empty());
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
                let (cb_sid, cb_to, cb_from) = (sid.clone(), to.clone(), from.clone());
                state.accept(
                    key.as_deref(),
                    SmsMessage {
                        sid,
                        to,
                        from,
                        body,
                        idempotency_key: key.clone(),
                        status_callback: status_callback.clone(),
                    },
                    &answer,
                );
                if let Some(url) = status_callback {
                    let final_outcome = lock(&cb_outcome).clone();
                    // Twilio posts after answering; so does this server.
                    tokio::spawn(async move {
                        for (status, code) in [
                            ("sent".to_owned(), String::new()),
                            (final_outcome.status, final_outcome.error_code),
                        ] {
                            let mut params = vec![
                                ("AccountSid".to_owned(), account.clone()),
                                ("MessageSid".to_owned(), cb_sid.clone()),
                                ("SmsSid".to_owned(), cb_sid.clone()),
                                ("MessageStatus".to_owned(), status.clone()),
                                ("SmsStatus".to_owned(), status.clone()),
                                ("To".to_owned(), cb_to.clone()),
                                ("From".to_owned(), cb_from.clone()),
                            ];
                            if !code.is_empty() {
                                params.push(("ErrorCode".to_owned(), code));
                            }
                            // Like Twilio with a retry override (`#rc=`): a callback the
                            // receiver did not take (not 2xx) is posted again, a little later.
                            let mut answered = 0;
                            for _ in 0..20 {
                                tokio::time::sleep(Duration::from_millis(100)).await;
                                answered = post_signed(&url, &token, &params).await;
                                if (200..300).contains(&answered) {
                                    break;
                                }
                            }
                            lock(&cb_log).push(StatusCallback {
                                sid: cb_sid.clone(),
                                status,
                                answered,
                            });
                        }
                    });
                }
                Answer::json(201, answer)
            })
        });
        let server = Server::start(shared.clone(), error_body, handler).await?;
        Ok(Self {
            addr: server.addr,
            account_sid: account_sid.to_owned(),
            auth_token: auth_token.to_owned(),
            shared,
            outcome,
            callbacks,
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

    /// Makes the status callbacks of later messages report `status` (`delivered`,
    /// `undelivered`, `failed`) with Twilio `error_code` (empty: none) after `sent`.
    pub fn set_outcome(&self, status: &str, error_code: &str) {
        *lock(&self.outcome) = Outcome {
            status: status.to_owned(),
            error_code: error_code.to_owned(),
        };
    }

    /// Status callbacks posted so far, oldest first.
    pub fn callbacks(&self) -> Vec<StatusCallback> {
        lock(&self.callbacks).clone()
    }

    /// Waits until at least `n` messages were accepted.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<SmsMessage>> {
        self.shared.wait_for(n, timeout).await
    }
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Twilio's request signature over `url` and `params`.
pub fn signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut data = url.to_owned();
    for (k, v) in sorted {
        data.push_str(k);
        data.push_str(v);
    }
    let key = ring::hmac::Key::new(
        ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
        auth_token.as_bytes(),
    );
    base64::engine::general_purpose::STANDARD.encode(ring::hmac::sign(&key, data.as_bytes()))
}

fn form_encode(params: &[(String, String)]) -> String {
    let enc = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    params
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// POSTs `params` to `url` (plain `http://host:port/path`) with Twilio's signature;
/// returns the answer's HTTP status (0 when the call failed).
async fn post_signed(url: &str, auth_token: &str, params: &[(String, String)]) -> u16 {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let Some(rest) = url.strip_prefix("http://") else {
        return 0;
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let body = form_encode(params);
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         X-Twilio-Signature: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        signature(auth_token, url, params),
        body.len()
    );
    let call = async {
        let mut stream = tokio::net::TcpStream::connect(host).await.ok()?;
        stream.write_all(request.as_bytes()).await.ok()?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.ok()?;
        let head = String::from_utf8_lossy(&answer);
        head.split_whitespace().nth(1)?.parse::<u16>().ok()
    };
    tokio::time::timeout(Duration::from_secs(10), call)
        .await
        .ok()
        .flatten()
        .unwrap_or(0)
}
