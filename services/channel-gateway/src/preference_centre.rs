//! The preference centre every marketing email links to (`/p/<ws>/<message>?s=<sig>`):
//! `GET` shows a minimal page, `POST` (a form: `action=snooze|unsubscribe`,
//! `period=1w|2w|1m` for snoozes, `scope=channel|all`) applies the choice for the
//! message's recipient. Nothing is changed here: snoozes and unsubscribes go to
//! identity (SnoozeContact, UpdateConsent, UpdateGlobalUnsubscribe) through the
//! identity outbox, so the choice is kept while identity is down and applied after.
//!
//! The link is signed over the workspace and message (HMAC, see `tracking.rs`), so it
//! only ever acts for the customer the message went to.

use bytes::Bytes;
use hyper::StatusCode;
use omni_common::ids::WorkspaceId;

use crate::commands;
use crate::delivery::Gateway;
use crate::engagement::{Answer, answer, forbidden, param, query, text};
use crate::error::Error;
use crate::records::Message;

/// A day in ms.
const DAY_MS: i64 = 24 * 3_600_000;
/// Snooze lengths offered: form value, label, days.
const PERIODS: [(&str, &str, i64); 3] = [
    ("1w", "1 week", 7),
    ("2w", "2 weeks", 14),
    ("1m", "a month", 30),
];

/// The message a valid preference link names; `Err` with the answer otherwise.
async fn message_for(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    q: &[(String, String)],
) -> Result<Result<Message, Answer>, Error> {
    let valid = match (&gateway.tracker, param(q, "s")) {
        (Some(t), Some(sig)) => t.verify(&["p", ws, message_id], sig),
        _ => false,
    };
    if !valid {
        return Ok(Err(forbidden()));
    }
    match gateway
        .store
        .get_message(&WorkspaceId::new(ws), message_id)
        .await?
    {
        Some(m) if m.customer_id != crate::erasure::ERASED => Ok(Ok(m)),
        _ => Ok(Err(text(StatusCode::NOT_FOUND, "unknown message"))),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html(body: &str) -> Answer {
    answer(
        StatusCode::OK,
        "text/html; charset=utf-8",
        Bytes::from(format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Your preferences</title>\
             </head><body>{body}</body></html>"
        )),
    )
}

/// `GET`: the page (changes nothing, so mail scanners following links are harmless).
pub(crate) async fn page(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    q: &[(String, String)],
) -> Result<Answer, Error> {
    let m = match message_for(gateway, ws, message_id, q).await? {
        Ok(m) => m,
        Err(a) => return Ok(a),
    };
    let action = escape(&format!(
        "/p/{ws}/{message_id}?s={}",
        param(q, "s").unwrap_or_default()
    ));
    let channel = m.channel.as_str();
    let periods: String = PERIODS
        .iter()
        .enumerate()
        .map(|(i, (v, label, _))| {
            let checked = if i == 0 { " checked" } else { "" };
            format!("<label><input type=\"radio\" name=\"period\" value=\"{v}\"{checked}> {label}</label><br>")
        })
        .collect();
    Ok(html(&format!(
        "<h1>Your preferences</h1>\
         <form method=\"post\" action=\"{action}\"><h2>Take a break</h2>{periods}\
         <label><input type=\"radio\" name=\"scope\" value=\"channel\" checked> {channel} only</label><br>\
         <label><input type=\"radio\" name=\"scope\" value=\"all\"> every channel</label><br>\
         <input type=\"hidden\" name=\"action\" value=\"snooze\">\
         <button type=\"submit\">Snooze</button></form>\
         <form method=\"post\" action=\"{action}\"><h2>Unsubscribe</h2>\
         <input type=\"hidden\" name=\"action\" value=\"unsubscribe\">\
         <label><input type=\"radio\" name=\"scope\" value=\"channel\" checked> from {channel}</label><br>\
         <label><input type=\"radio\" name=\"scope\" value=\"all\"> from all marketing</label><br>\
         <button type=\"submit\">Unsubscribe</button></form>"
    )))
}

/// `POST`: applies the form.
pub(crate) async fn submit(
    gateway: &Gateway,
    ws: &str,
    message_id: &str,
    q: &[(String, String)],
    body: &[u8],
) -> Result<Answer, Error> {
    let m = match message_for(gateway, ws, message_id, q).await? {
        Ok(m) => m,
        Err(a) => return Ok(a),
    };
    let form = query(Some(&String::from_utf8_lossy(body)));
    let all = match param(&form, "scope").unwrap_or("channel") {
        "channel" => false,
        "all" => true,
        _ => {
            return Ok(text(
                StatusCode::BAD_REQUEST,
                "scope must be channel or all",
            ));
        }
    };
    let ws = WorkspaceId::new(ws);
    let now = gateway.clock.now_ms();
    match param(&form, "action").unwrap_or_default() {
        "snooze" => {
            let period = param(&form, "period").unwrap_or_default();
            let Some((_, label, days)) = PERIODS.iter().find(|(v, _, _)| *v == period) else {
                return Ok(text(StatusCode::BAD_REQUEST, "period must be 1w, 2w or 1m"));
            };
            let channel = (!all).then_some(m.channel);
            let cmd = commands::snooze(&m, channel, now + days * DAY_MS, "preference-centre", now);
            gateway.store.insert_pending(&ws, &[cmd]).await?;
            gateway.report_wake.notify_one();
            let what = if all {
                "any marketing".to_owned()
            } else {
                format!("{} marketing", m.channel.as_str())
            };
            Ok(html(&format!(
                "<p>Done: you will get no {what} for {label}.</p>"
            )))
        }
        "unsubscribe" if all => {
            let proof = format!("preference centre (message {})", m.message_id);
            let cmd = commands::unsubscribe_all(&m, "preference-centre", &proof, now);
            gateway.store.insert_pending(&ws, &[cmd]).await?;
            gateway.report_wake.notify_one();
            Ok(html("<p>You are unsubscribed from all marketing.</p>"))
        }
        "unsubscribe" => {
            gateway
                .unsubscribe_from(&ws, &m, "preference centre")
                .await?;
            Ok(html(&format!(
                "<p>You are unsubscribed from {} marketing.</p>",
                m.channel.as_str()
            )))
        }
        _ => Ok(text(
            StatusCode::BAD_REQUEST,
            "action must be snooze or unsubscribe",
        )),
    }
}
