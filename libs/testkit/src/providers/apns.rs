//! A local APNs endpoint over HTTP/2 (h2c): `POST /3/device/<token>` with
//! `authorization: bearer <ES256 JWT>`, `apns-topic`, `apns-push-type`,
//! `apns-priority`, `apns-expiration`, `apns-id` and `{"aps": {"alert": ...}}`.
//! It checks the provider token against its own P-256 key (the `.p8` key it hands out
//! with [`ApnsServer::private_key_pem`]), the key id, team id and token age, the topic
//! and the device token, and answers as APNs does: `200` with `apns-id`, or an error
//! status with `{"reason": ...}` (`410 Unregistered` for tokens marked unregistered,
//! `400 BadDeviceToken` for malformed ones, `403 InvalidProviderToken`/
//! `ExpiredProviderToken`). A repeated `apns-id` is answered with the first result and
//! recorded once.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use ring::rand::SystemRandom;
use ring::signature::{
    ECDSA_P256_SHA256_FIXED, ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair as _,
    UnparsedPublicKey,
};
use serde_json::{Value, json};

use super::http::{Answer, Fault, Handler, HttpRequest, RecordedRequest, Server, Shared};

/// One notification the server accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct ApnsNotification {
    /// The `apns-id` answered.
    pub apns_id: String,
    /// Device token (from the path).
    pub device_token: String,
    /// `apns-topic`.
    pub topic: String,
    /// `apns-push-type`.
    pub push_type: String,
    /// `apns-priority`.
    pub priority: String,
    /// `apns-expiration`.
    pub expiration: String,
    /// `aps.alert.title`.
    pub title: String,
    /// `aps.alert.body`.
    pub body: String,
    /// The whole payload.
    pub payload: Value,
}

/// The local APNs endpoint; stops when dropped.
pub struct ApnsServer {
    /// Address it listens on.
    pub addr: SocketAddr,
    /// Team id it expects as the token issuer.
    pub team_id: String,
    /// Key id it expects as the token `kid`.
    pub key_id: String,
    /// The topic (bundle id) it serves.
    pub topic: String,
    pkcs8: Vec<u8>,
    shared: Arc<Shared<ApnsNotification>>,
    unregistered: Arc<Mutex<HashSet<String>>>,
    _server: Server,
}

impl std::fmt::Debug for ApnsServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApnsServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn reason(r: &str) -> Value {
    json!({"reason": r})
}

fn fault_body(code: u16) -> Value {
    match code {
        429 => reason("TooManyRequests"),
        503 => reason("ServiceUnavailable"),
        _ => reason("InternalServerError"),
    }
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Checks a provider token: `Err(reason)` as APNs would answer it.
fn check_token(
    auth: Option<&str>,
    public: &[u8],
    key_id: &str,
    team_id: &str,
) -> Result<(), &'static str> {
    let token = auth
        .and_then(|a| a.strip_prefix("bearer "))
        .ok_or("MissingProviderToken")?;
    let parts: Vec<&str> = token.split('.').collect();
    let [header, claims, sig] = parts.as_slice() else {
        return Err("InvalidProviderToken");
    };
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let decode = |s: &str| -> Option<Value> { serde_json::from_slice(&b64.decode(s).ok()?).ok() };
    let (Some(h), Some(c), Ok(sig)) = (decode(header), decode(claims), b64.decode(sig)) else {
        return Err("InvalidProviderToken");
    };
    if h["alg"] != "ES256" || h["kid"] != key_id || c["iss"] != team_id {
        return Err("InvalidProviderToken");
    }
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, public)
        .verify(format!("{header}.{claims}").as_bytes(), &sig)
        .map_err(|_| "InvalidProviderToken")?;
    let iat = c["iat"].as_i64().ok_or("InvalidProviderToken")?;
    if now_secs() - iat > 3_600 {
        return Err("ExpiredProviderToken");
    }
    Ok(())
}

impl ApnsServer {
    /// Starts a server for `topic` that accepts tokens of `team_id` signed with a fresh
    /// key named `key_id`.
    pub async fn start(team_id: &str, key_id: &str, topic: &str) -> anyhow::Result<Self> {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| anyhow::anyhow!("generating a P-256 key failed"))?
            .as_ref()
            .to_vec();
        let public = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &pkcs8, &rng)
            .map_err(|_| anyhow::anyhow!("reading the generated key failed"))?
            .public_key()
            .as_ref()
            .to_vec();
        let shared = Shared::new();
        let unregistered = Arc::new(Mutex::new(HashSet::new()));
        let state = shared.clone();
        let dead = unregistered.clone();
        let (team, kid, expected_topic) = (team_id.to_owned(), key_id.to_owned(), topic.to_owned());
        let handler: Handler = Arc::new(move |req: HttpRequest| {
            let state = state.clone();
            let dead = dead.clone();
            let public = public.clone();
            let (team, kid, expected_topic) = (team.clone(), kid.clone(), expected_topic.clone());
            Box::pin(async move {
                let Some(device) = req.path.strip_prefix("/3/device/").map(str::to_owned) else {
                    return Answer::json(404, reason("BadPath"));
                };
                if req.method != "POST" {
                    return Answer::json(405, reason("MethodNotAllowed"));
                }
                if let Err(r) = check_token(req.header("authorization"), &public, &kid, &team) {
                    return Answer::json(403, reason(r));
                }
                let topic = req.header("apns-topic").unwrap_or_default().to_owned();
                if topic.is_empty() {
                    return Answer::json(400, reason("MissingTopic"));
                }
                if topic != expected_topic {
                    return Answer::json(400, reason("TopicDisallowed"));
                }
                let push_type = req.header("apns-push-type").unwrap_or_default().to_owned();
                if !matches!(
                    push_type.as_str(),
                    "alert"
                        | "background"
                        | "voip"
                        | "location"
                        | "complication"
                        | "fileprovider"
                        | "mdm"
                        | "liveactivity"
                ) {
                    return Answer::json(400, reason("InvalidPushType"));
                }
                let priority = req.header("apns-priority").unwrap_or("10").to_owned();
                if !matches!(priority.as_str(), "1" | "5" | "10") {
                    return Answer::json(400, reason("BadPriority"));
                }
                let expiration = req.header("apns-expiration").unwrap_or("0").to_owned();
                if expiration.parse::<i64>().is_err() {
                    return Answer::json(400, reason("BadExpirationDate"));
                }
                let apns_id = match req.header("apns-id") {
                    Some(id)
                        if id.len() == 36
                            && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') =>
                    {
                        id.to_owned()
                    }
                    Some(_) => return Answer::json(400, reason("BadMessageId")),
                    None => uuid::Uuid::new_v4()
                        .hyphenated()
                        .to_string()
                        .to_ascii_uppercase(),
                };
                if device.is_empty() || !device.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Answer::json(400, reason("BadDeviceToken"));
                }
                if dead
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .contains(&device)
                {
                    return Answer::json(
                        410,
                        json!({"reason": "Unregistered", "timestamp": now_secs() * 1000}),
                    );
                }
                let ok = |id: &str| Answer {
                    status: 200,
                    headers: vec![("apns-id", id.to_owned())],
                    body: String::new(),
                };
                if state.answer_for(Some(&apns_id)).is_some() {
                    return ok(&apns_id);
                }
                let Ok(payload) = serde_json::from_slice::<Value>(&req.body) else {
                    return Answer::json(400, reason("PayloadEmpty"));
                };
                if !payload["aps"].is_object() {
                    return Answer::json(400, reason("PayloadEmpty"));
                }
                let alert = &payload["aps"]["alert"];
                state.accept(
                    Some(&apns_id),
                    ApnsNotification {
                        apns_id: apns_id.clone(),
                        device_token: device,
                        topic,
                        push_type,
                        priority,
                        expiration,
                        title: alert["title"].as_str().unwrap_or_default().to_owned(),
                        body: alert["body"].as_str().unwrap_or_default().to_owned(),
                        payload: payload.clone(),
                    },
                    &json!({"apns_id": apns_id}),
                );
                ok(&apns_id)
            })
        });
        let server = Server::start_with(shared.clone(), fault_body, handler, true).await?;
        Ok(Self {
            addr: server.addr,
            team_id: team_id.to_owned(),
            key_id: key_id.to_owned(),
            topic: topic.to_owned(),
            pkcs8,
            shared,
            unregistered,
            _server: server,
        })
    }

    /// The base URL to configure as the provider URL (h2c).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The signing key as a `.p8` file's text (PKCS#8 PEM), for the provider secret.
    pub fn private_key_pem(&self) -> String {
        format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(&self.pkcs8)
        )
    }

    /// From now on, `token` is answered with `410 Unregistered`.
    pub fn unregister(&self, token: &str) {
        self.unregistered
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token.to_owned());
    }

    /// Injects `fault` into the next `times` requests.
    pub fn fail_next(&self, times: usize, fault: Fault) {
        self.shared.fail_next(times, fault);
    }

    /// Injects `fault` into every request until called with `None`.
    pub fn fail_always(&self, fault: Option<Fault>) {
        self.shared.fail_always(fault);
    }

    /// Notifications accepted.
    pub fn notifications(&self) -> Vec<ApnsNotification> {
        self.shared.accepted()
    }

    /// Every request received.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// Waits until at least `n` notifications were accepted.
    pub async fn wait_for(
        &self,
        n: usize,
        timeout: Duration,
    ) -> anyhow::Result<Vec<ApnsNotification>> {
        self.shared.wait_for(n, timeout).await
    }
}
