//! The engagement HTTP endpoints (`delivery.engagement_listen`, reached through
//! `delivery.tracking_base_url`):
//!
//! | method, path | what |
//! |---|---|
//! | `GET /c/<ws>/<message>/<n>?u=<url>&s=<sig>` | records a click, `302` to the destination |
//! | `GET /o/<ws>/<message>?s=<sig>` | records an open, answers a 1x1 GIF |
//! | `POST /u/<ws>/<message>?s=<sig>` | RFC 8058 one-click unsubscribe (a `GET` only shows a confirm form); also withdraws marketing consent in identity |
//! | `GET /p/<ws>/<message>?s=<sig>` | the preference centre: a page to snooze or unsubscribe |
//! | `POST /p/<ws>/<message>?s=<sig>` | applies the page's form (snooze 1 week / 2 weeks / a month, one channel or all; unsubscribe) through identity |
//! | `POST /callbacks/sms/<ws>` | Twilio status callback, `X-Twilio-Signature` checked |
//! | `POST /callbacks/email/<ws>` | generic ESP callback, `X-Omni-Signature` checked |
//!
//! Tracking URLs carry an HMAC over their parts (see `tracking.rs`): a forged or altered
//! link is refused (`403`), so the redirect is never open and nobody can unsubscribe
//! someone else. Every accepted fact is committed in SQL with its delivery event and
//! its identity event (and, for hard bounces, complaints and unsubscribes, a
//! suppression) before the answer; a repeated callback is recognised by its
//! deterministic event id and changes nothing.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use ring::hmac;
use serde_json::{Map, Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

use crate::commands;
use crate::delivery::Gateway;
use crate::error::Error;
use crate::preference_centre;
use crate::records::{Channel, EventKind, ListReason, Message, SuppressionEntry};
use crate::report::message_event;
use crate::store::{Engagement, PendingEvent};
use crate::tracking::percent_decode;

/// Largest callback body accepted.
const MAX_BODY: usize = 64 * 1024;
/// Oldest `X-Omni-Signature` timestamp accepted, in seconds.
const MAX_SIGNATURE_AGE_SECS: i64 = 300;
/// The header of the generic email callback.
pub const CALLBACK_SIGNATURE_HEADER: &str = "x-omni-signature";
/// A transparent 1x1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

/// Twilio error codes that mean the number will never receive SMS (hard bounce).
const TWILIO_HARD: [&str; 5] = ["21211", "21614", "30003", "30005", "30006"];
/// Twilio error code of a recipient who replied STOP.
const TWILIO_UNSUBSCRIBED: &str = "21610";

/// Settings of the engagement endpoints.
#[derive(Clone, Debug, Default)]
pub struct EngagementConfig {
    /// Public base URL (what Twilio signs), empty: taken from the `Host` header.
    pub public_base_url: String,
    /// Key of the generic email callback (empty: that callback is off).
    pub callback_secret: String,
}

pub(crate) type Answer = Response<Full<Bytes>>;

pub(crate) fn answer(status: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Answer {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = status;
    if let Ok(v) = content_type.parse() {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    if let Ok(v) = "no-store".parse() {
        r.headers_mut().insert(hyper::header::CACHE_CONTROL, v);
    }
    r
}

pub(crate) fn text(status: StatusCode, body: &str) -> Answer {
    answer(status, "text/plain; charset=utf-8", body.to_owned())
}

/// Serves the engagement endpoints on `listener` until `shutdown`.
pub async fn serve(
    gateway: Arc<Gateway>,
    cfg: EngagementConfig,
    listener: TcpListener,
    shutdown: CancellationToken,
) {
    let cfg = Arc::new(cfg);
    let mut connections = JoinSet::new();
    loop {
        let accepted = tokio::select! {
            () = shutdown.cancelled() => break,
            a = listener.accept() => a,
        };
        while connections.try_join_next().is_some() {}
        let Ok((stream, _)) = accepted else { continue };
        let gateway = gateway.clone();
        let cfg = cfg.clone();
        let stop = shutdown.clone();
        connections.spawn(async move {
            let service = service_fn(move |req: Request<Incoming>| {
                let gateway = gateway.clone();
                let cfg = cfg.clone();
                async move { Ok::<_, Infallible>(route(&gateway, &cfg, req).await) }
            });
            let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                () = stop.cancelled() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    while connections.join_next().await.is_some() {}
}

/// Query parameters, decoded.
pub(crate) fn query(q: Option<&str>) -> Vec<(String, String)> {
    q.unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

pub(crate) fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

async fn route(gateway: &Gateway, cfg: &EngagementConfig, req: Request<Incoming>) -> Answer {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_owned();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let q = query(parts.uri.query());
    let result = match (&parts.method, segments.as_slice()) {
        (&Method::GET, ["healthz"]) => Ok(text(StatusCode::OK, "ok")),
        (&Method::GET | &Method::HEAD, ["c", ws, message, n]) => {
            click(gateway, ws, message, n, &q).await
        }
        (&Method::GET | &Method::HEAD, ["o", ws, message]) => open(gateway, ws, message, &q).await,
        (&Method::GET, ["u", _, _]) => Ok(confirm_form(
            parts.uri.path_and_query().map_or("", |p| p.as_str()),
        )),
        (&Method::POST, ["u", ws, message]) => unsubscribe(gateway, ws, message, &q).await,
        (&Method::GET, ["p", ws, message]) => {
            preference_centre::page(gateway, ws, message, &q).await
        }
        (&Method::POST, ["p", ws, message]) => match read_body(body).await {
            Some(body) => preference_centre::submit(gateway, ws, message, &q, &body).await,
            None => Ok(text(StatusCode::PAYLOAD_TOO_LARGE, "body too large")),
        },
        (&Method::POST, ["callbacks", "sms", ws]) => match read_body(body).await {
            Some(body) => sms_callback(gateway, cfg, &parts, ws, &body).await,
            None => Ok(text(StatusCode::PAYLOAD_TOO_LARGE, "body too large")),
        },
        (&Method::POST, ["callbacks", "email", ws]) => match read_body(body).await {
            Some(body) => email_callback(gateway, cfg, &parts, ws, &body).await,
            None => Ok(text(StatusCode::PAYLOAD_TOO_LARGE, "body too large")),
        },
        _ => Ok(text(StatusCode::NOT_FOUND, "not found")),
    };
    result.unwrap_or_else(|e| {
        tracing::warn!(%path, error = %e, "engagement request failed");
        text(StatusCode::SERVICE_UNAVAILABLE, "try again later")
    })
}

async fn read_body(body: Incoming) -> Option<Bytes> {
    Limited::new(body, MAX_BODY)
        .collect()
        .await
        .ok()
        .map(|b| b.to_bytes())
}

pub(crate) fn forbidden() -> Answer {
    text(StatusCode::FORBIDDEN, "invalid signature")
}

async fn click(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    n: &str,
    q: &[(String, String)],
) -> Result<Answer, Error> {
    let (Some(dest), Some(sig)) = (param(q, "u"), param(q, "s")) else {
        return Ok(forbidden());
    };
    let Some(tracker) = &gateway.tracker else {
        return Ok(text(StatusCode::NOT_FOUND, "tracking is off"));
    };
    if !tracker.verify(&["c", ws, message_id, n, dest], sig)
        || !(dest.starts_with("https://") || dest.starts_with("http://"))
    {
        return Ok(forbidden());
    }
    let ws = WorkspaceId::new(ws);
    if let Some(m) = gateway.store.get_message(&ws, message_id).await? {
        let now = gateway.clock.now_ms();
        let mut extra = Map::new();
        extra.insert("url".into(), Value::String(dest.to_owned()));
        extra.insert("link".into(), Value::String(n.to_owned()));
        let event = message_event(&m, "clicked", Some(&format!("{now}:{n}")), now, extra);
        gateway
            .record(&ws, &m, EventKind::Clicked, event, None)
            .await?;
    }
    let mut r = answer(StatusCode::FOUND, "text/plain; charset=utf-8", Bytes::new());
    if let Ok(v) = dest.parse() {
        r.headers_mut().insert(hyper::header::LOCATION, v);
    }
    Ok(r)
}

async fn open(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    q: &[(String, String)],
) -> Result<Answer, Error> {
    let valid = match (&gateway.tracker, param(q, "s")) {
        (Some(t), Some(sig)) => t.verify(&["o", ws, message_id], sig),
        _ => false,
    };
    if !valid {
        return Ok(forbidden());
    }
    let ws = WorkspaceId::new(ws);
    if let Some(m) = gateway.store.get_message(&ws, message_id).await? {
        let now = gateway.clock.now_ms();
        let event = message_event(&m, "opened", Some(&now.to_string()), now, Map::new());
        gateway
            .record(&ws, &m, EventKind::Opened, event, None)
            .await?;
    }
    Ok(answer(
        StatusCode::OK,
        "image/gif",
        Bytes::from_static(PIXEL),
    ))
}

/// A `GET` of the unsubscribe URL (a person following the link, or a mail scanner):
/// changes nothing and offers the one-click `POST`.
fn confirm_form(path_and_query: &str) -> Answer {
    let action = path_and_query
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    answer(
        StatusCode::OK,
        "text/html; charset=utf-8",
        format!(
            "<!doctype html><title>Unsubscribe</title><form method=\"post\" action=\"{action}\">\
             <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\
             <button type=\"submit\">Unsubscribe</button></form>"
        ),
    )
}

async fn unsubscribe(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    q: &[(String, String)],
) -> Result<Answer, Error> {
    let valid = match (&gateway.tracker, param(q, "s")) {
        (Some(t), Some(sig)) => t.verify(&["u", ws, message_id], sig),
        _ => false,
    };
    if !valid {
        return Ok(forbidden());
    }
    let ws = WorkspaceId::new(ws);
    let Some(m) = gateway.store.get_message(&ws, message_id).await? else {
        return Ok(text(StatusCode::NOT_FOUND, "unknown message"));
    };
    gateway
        .unsubscribe_from(&ws, &m, "one-click unsubscribe")
        .await?;
    Ok(text(StatusCode::OK, "You are unsubscribed."))
}

fn suppression_for(
    m: &Message,
    reason: ListReason,
    why: &str,
    now: i64,
) -> Option<SuppressionEntry> {
    (!m.recipient.is_empty()).then(|| SuppressionEntry {
        channel: m.channel,
        address: crate::policy::normalise_address(m.channel, &m.recipient),
        reason,
        note: format!("{why} (message {})", m.message_id),
        create_ms: now,
    })
}

/// The URL the caller requested, as the sender signed it.
fn public_url(cfg: &EngagementConfig, parts: &hyper::http::request::Parts) -> String {
    let pq = parts.uri.path_and_query().map_or("", |p| p.as_str());
    if cfg.public_base_url.is_empty() {
        let host = parts
            .headers
            .get(hyper::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        format!("http://{host}{pq}")
    } else {
        format!("{}{pq}", cfg.public_base_url.trim_end_matches('/'))
    }
}

/// Twilio's request signature: base64 HMAC-SHA1 of the URL followed by every POST
/// parameter name and value, sorted by name.
pub fn twilio_signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    use base64::Engine as _;
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, auth_token.as_bytes());
    base64::engine::general_purpose::STANDARD
        .encode(hmac::sign(&key, twilio_signed_data(url, params).as_bytes()).as_ref())
}

fn twilio_signed_data(url: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut data = url.to_owned();
    for (k, v) in sorted {
        data.push_str(k);
        data.push_str(v);
    }
    data
}

/// Whether `given` (the `X-Twilio-Signature` header) signs `url` and `params` (constant
/// time).
fn twilio_verify(auth_token: &str, url: &str, params: &[(String, String)], given: &str) -> bool {
    use base64::Engine as _;
    let Ok(given) = base64::engine::general_purpose::STANDARD.decode(given.trim()) else {
        return false;
    };
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, auth_token.as_bytes());
    hmac::verify(&key, twilio_signed_data(url, params).as_bytes(), &given).is_ok()
}

async fn sms_callback(
    gateway: &Gateway,
    cfg: &EngagementConfig,
    parts: &hyper::http::request::Parts,
    ws: &str,
    body: &[u8],
) -> Result<Answer, Error> {
    let ws = WorkspaceId::new(ws);
    let secrets = gateway.provider_secrets(&ws, Channel::Sms).await?;
    if secrets.is_empty() {
        return Ok(text(StatusCode::NOT_FOUND, "no sms provider"));
    }
    let params = query(Some(&String::from_utf8_lossy(body)));
    let given = parts
        .headers
        .get("x-twilio-signature")
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    // Any of the channel's providers may have sent it; each signs with its own token.
    let url = public_url(cfg, parts);
    if !secrets
        .iter()
        .any(|secret| twilio_verify(secret, &url, &params, given))
    {
        return Ok(forbidden());
    }
    let sid = param(&params, "MessageSid")
        .or_else(|| param(&params, "SmsSid"))
        .unwrap_or_default();
    let Some(m) = gateway.store.message_by_provider_id(&ws, sid).await? else {
        return Ok(text(StatusCode::NOT_FOUND, "unknown message"));
    };
    let status = param(&params, "MessageStatus")
        .or_else(|| param(&params, "SmsStatus"))
        .unwrap_or_default();
    let code = param(&params, "ErrorCode").unwrap_or_default();
    let now = gateway.clock.now_ms();
    match status {
        "delivered" => {
            let event = message_event(&m, "delivered", None, now, Map::new());
            gateway
                .record(&ws, &m, EventKind::Delivered, event, None)
                .await?;
        }
        "undelivered" | "failed" => {
            let hard = TWILIO_HARD.contains(&code);
            let mut extra = Map::new();
            extra.insert(
                "reason".into(),
                json!(format!("twilio {status} {code}").trim().to_owned()),
            );
            extra.insert(
                "bounce_type".into(),
                json!(if hard { "hard" } else { "soft" }),
            );
            let suppression = if code == TWILIO_UNSUBSCRIBED {
                suppression_for(&m, ListReason::Unsubscribe, "recipient replied STOP", now)
            } else if hard {
                suppression_for(
                    &m,
                    ListReason::HardBounce,
                    &format!("twilio error {code}"),
                    now,
                )
            } else {
                None
            };
            let event = message_event(&m, "bounced", None, now, extra);
            gateway
                .record(&ws, &m, EventKind::Bounced, event, suppression)
                .await?;
        }
        // queued, sending, sent, accepted...: progress the gateway already knows.
        _ => {}
    }
    Ok(answer(StatusCode::NO_CONTENT, "text/plain", Bytes::new()))
}

/// Verifies `t=<unix>,v1=<hex>` over `"<t>.<body>"` with `secret`, no older than
/// five minutes (and not from the future).
pub fn verify_omni_signature(secret: &str, header: &str, body: &[u8], now_ms: i64) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", x)) => t = x.parse::<i64>().ok(),
            Some(("v1", x)) => v1 = hex::decode(x).ok(),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    if (now_ms / 1000 - t).abs() > MAX_SIGNATURE_AGE_SECS {
        return false;
    }
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(body);
    hmac::verify(&key, &signed, &v1).is_ok()
}

async fn email_callback(
    gateway: &Gateway,
    cfg: &EngagementConfig,
    parts: &hyper::http::request::Parts,
    ws: &str,
    body: &[u8],
) -> Result<Answer, Error> {
    if cfg.callback_secret.is_empty() {
        return Ok(text(StatusCode::NOT_FOUND, "email callbacks are off"));
    }
    let header = parts
        .headers
        .get(CALLBACK_SIGNATURE_HEADER)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let now = gateway.clock.now_ms();
    if !verify_omni_signature(&cfg.callback_secret, header, body, now) {
        return Ok(forbidden());
    }
    let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(body) else {
        return Ok(text(StatusCode::BAD_REQUEST, "body must be a JSON object"));
    };
    let field = |k: &str| {
        doc.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let ws = WorkspaceId::new(ws);
    let Some(m) = gateway.store.get_message(&ws, &field("message_id")).await? else {
        return Ok(text(StatusCode::NOT_FOUND, "unknown message"));
    };
    let reason = field("reason");
    let mut extra = Map::new();
    if !reason.is_empty() {
        extra.insert("reason".into(), Value::String(reason.clone()));
    }
    match field("event").as_str() {
        "delivered" => {
            let event = message_event(&m, "delivered", None, now, extra);
            gateway
                .record(&ws, &m, EventKind::Delivered, event, None)
                .await?;
        }
        "bounced" => {
            let hard = field("bounce_type") != "soft";
            extra.insert(
                "bounce_type".into(),
                json!(if hard { "hard" } else { "soft" }),
            );
            let suppression = hard
                .then(|| {
                    suppression_for(
                        &m,
                        ListReason::HardBounce,
                        &format!("hard bounce: {reason}"),
                        now,
                    )
                })
                .flatten();
            let event = message_event(&m, "bounced", None, now, extra);
            gateway
                .record(&ws, &m, EventKind::Bounced, event, suppression)
                .await?;
        }
        "complained" => {
            let suppression = suppression_for(&m, ListReason::Complaint, "spam complaint", now);
            let event = message_event(&m, "complained", None, now, extra);
            gateway
                .record(&ws, &m, EventKind::Complained, event, suppression)
                .await?;
        }
        other => {
            return Ok(text(
                StatusCode::BAD_REQUEST,
                &format!("event must be delivered, bounced or complained, not `{other}`"),
            ));
        }
    }
    Ok(answer(StatusCode::NO_CONTENT, "text/plain", Bytes::new()))
}

impl Gateway {
    /// The recipient of `m` unsubscribed from its channel (`how` says through what):
    /// identity is told to withdraw marketing consent for the channel (a command in the
    /// outbox, written first so it survives identity being down), then the suppression
    /// and the `message.unsubscribed` event are recorded.
    pub(crate) async fn unsubscribe_from(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        how: &str,
    ) -> Result<(), Error> {
        let now = self.clock.now_ms();
        let proof = format!("{how} (message {})", m.message_id);
        self.store
            .insert_pending(
                ws,
                &[commands::withdraw_consent(
                    m,
                    m.channel,
                    "channel-gateway:unsubscribe",
                    &proof,
                    now,
                )],
            )
            .await?;
        self.report_wake.notify_one();
        let suppression = suppression_for(m, ListReason::Unsubscribe, how, now);
        let event = message_event(m, "unsubscribed", None, now, Map::new());
        self.record(ws, m, EventKind::Unsubscribed, event, suppression)
            .await?;
        Ok(())
    }

    /// Records an engagement fact (delivery event, identity event, suppression) once;
    /// a repeat (same identity event id) changes nothing.
    pub(crate) async fn record(
        &self,
        ws: &WorkspaceId,
        m: &Message,
        kind: EventKind,
        identity: PendingEvent,
        suppression: Option<SuppressionEntry>,
    ) -> Result<bool, Error> {
        let now = self.clock.now_ms();
        let delivery = self.event(m, kind, now);
        let fresh = self
            .store
            .record_engagement(
                ws,
                &Engagement {
                    delivery: delivery.clone(),
                    identity,
                    suppression,
                },
            )
            .await?;
        if fresh {
            self.publish(ws, delivery);
            self.report_wake.notify_one();
        }
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_signatures_match_the_documented_example() {
        // The example from Twilio's "Validating requests" documentation.
        let params: Vec<(String, String)> = [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        assert_eq!(
            twilio_signature(
                "12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                &params
            ),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
    }

    #[test]
    fn omni_signatures_are_checked_with_their_age() {
        let body = br#"{"message_id":"m"}"#;
        let header = crate::webhook::signature(b"k", 1_000, body);
        assert!(verify_omni_signature("k", &header, body, 1_000_000));
        assert!(!verify_omni_signature("other", &header, body, 1_000_000));
        assert!(!verify_omni_signature("k", &header, b"{}", 1_000_000));
        assert!(!verify_omni_signature(
            "k",
            &header,
            body,
            1_000_000 + 301_000
        ));
    }
}
