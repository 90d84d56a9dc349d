//! Recipient do-not-disturb and the consent loop, against the real identity service:
//! snoozes defer (or skip), the customer's own quiet hours defer to their local end,
//! transactional messages bypass both; the preference centre in every marketing email
//! snoozes and unsubscribes through identity (forged links refused); one-click
//! unsubscribe withdraws consent in identity, also when identity was down at the time;
//! Twilio status callbacks mark SMS delivered.

use anyhow::Context as _;
use chrono::{TimeZone as _, Timelike as _};
use omni_common::convert::{from_timestamp, to_timestamp};
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::identity::v1 as idpb;
use omni_testkit::eventually;
use omni_testkit::providers::TwilioServer;
use serde_json::json;

use crate::support::{Harness, Identity, PATIENCE, WORKSPACE, event_types, now_ms, send_on};

const TRACK_SECRET: &str = "track-secret";
const DAY_MS: i64 = 24 * 3_600_000;

fn tracking(s: &mut omni_common::config::Settings) {
    s.delivery.tracking_secret = TRACK_SECRET.into();
}

fn identity(h: &Harness) -> anyhow::Result<&Identity> {
    h.identity.as_ref().context("identity")
}

async fn sale_template(h: &Harness) -> anyhow::Result<String> {
    Ok(h.template(pb::Template {
        display_name: "Sale".into(),
        channel: DeliveryChannel::Email as i32,
        subject: "Sale".into(),
        body: "Shop now: https://shop.example/sale".into(),
        html_body: "<html><body><a href=\"https://shop.example/sale\">Shop</a></body></html>"
            .into(),
        ..Default::default()
    })
    .await?)
}

async fn snooze(
    h: &Harness,
    cid: &str,
    channel: DeliveryChannel,
    until_ms: i64,
) -> anyhow::Result<()> {
    identity(h)?
        .client
        .clone()
        .snooze_contact(idpb::SnoozeContactRequest {
            customer_id: cid.into(),
            channel: channel as i32,
            until_time: Some(to_timestamp(until_ms)),
            source: "test".into(),
        })
        .await?;
    Ok(())
}

async fn preferences(h: &Harness, cid: &str) -> anyhow::Result<idpb::ContactPreferences> {
    identity(h)?
        .client
        .clone()
        .get_contact_preferences(idpb::GetContactPreferencesRequest {
            customer_id: cid.into(),
        })
        .await?
        .into_inner()
        .preferences
        .context("preferences")
}

/// The customer's marketing consent for `channel` as identity holds it, if recorded.
async fn marketing_consent(
    h: &Harness,
    cid: &str,
    channel: DeliveryChannel,
) -> anyhow::Result<Option<idpb::Consent>> {
    let p = identity(h)?
        .client
        .clone()
        .get_profile(idpb::GetProfileRequest {
            customer_id: cid.into(),
            read_mask: None,
        })
        .await?
        .into_inner()
        .profile
        .context("profile")?;
    Ok(p.purpose_consents.into_iter().find(|c| {
        c.channel == channel as i32 && c.purpose == idpb::ConsentPurpose::Marketing as i32
    }))
}

fn sign(parts: &str) -> String {
    hex::encode(
        ring::hmac::sign(
            &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, TRACK_SECRET.as_bytes()),
            parts.as_bytes(),
        )
        .as_ref(),
    )
}

#[tokio::test]
async fn snooze_defers_or_skips_and_transactional_bypasses_it() -> anyhow::Result<()> {
    let h = Harness::start_with_identity(tracking).await?;
    let cid = identity(&h)?.signup("snoozy@example.com").await?;
    let tid = sale_template(&h).await?;
    let until = now_ms() + 7 * DAY_MS;
    snooze(&h, &cid, DeliveryChannel::Email, until).await?;

    // Deferred to the end of the snooze, with the reason.
    let m = h.send(send_on(DeliveryChannel::Email, &cid, &tid)).await?;
    assert_eq!(m.status, pb::MessageStatus::Scheduled as i32, "{m:?}");
    assert_eq!(m.defer_reason, pb::DeferReason::Snoozed as i32);
    assert_eq!(
        from_timestamp(m.send_time.as_ref().context("send time")?),
        until
    );
    assert_eq!(h.get(&m.message_id).await?.defer_reason, m.defer_reason);

    // A send that asked to skip is suppressed as SNOOZED.
    let mut skip = send_on(DeliveryChannel::Email, &cid, &tid);
    skip.on_no_slot = pb::NoSlotAction::Skip as i32;
    skip.journey_id = "j-dnd".into();
    let skipped = h.send(skip).await?;
    assert_eq!(skipped.status, pb::MessageStatus::Suppressed as i32);
    assert_eq!(
        skipped.suppression_reason,
        pb::SuppressionReason::Snoozed as i32
    );

    // Receipts bypass the snooze.
    let mut receipt = send_on(DeliveryChannel::Email, &cid, &tid);
    receipt.purpose = pb::MessagePurpose::Transactional as i32;
    let r = h.settled(&h.send(receipt).await?.message_id).await?;
    assert_eq!(r.status, pb::MessageStatus::Sent as i32, "{r:?}");
    assert_eq!(r.defer_reason, pb::DeferReason::Unspecified as i32);

    // A snooze of every channel reaches email too; the longer snooze wins.
    let later = now_ms() + 14 * DAY_MS;
    snooze(&h, &cid, DeliveryChannel::Unspecified, later).await?;
    let m = h.send(send_on(DeliveryChannel::Email, &cid, &tid)).await?;
    assert_eq!(
        from_timestamp(m.send_time.as_ref().context("send time")?),
        later
    );
    h.stop().await
}

#[tokio::test]
async fn customer_quiet_hours_defer_to_their_local_end() -> anyhow::Result<()> {
    let h = Harness::start_with_identity(tracking).await?;
    let cid = identity(&h)?.signup("night@example.com").await?;
    let tid = sale_template(&h).await?;
    // A quiet period around "now" in Seoul, ending two hours from now (local time).
    let tz = chrono_tz::Asia::Seoul;
    let now = chrono::Utc::now().with_timezone(&tz);
    let minute = i32::try_from(now.hour() * 60 + now.minute())?;
    let start = (minute + 1440 - 60) % 1440;
    let end = (minute + 120) % 1440;
    let mut day = now.date_naive();
    if end < minute {
        day = day.succ_opt().context("tomorrow")?;
    }
    let end_u = u32::try_from(end)?;
    let expected = tz
        .from_local_datetime(&day.and_hms_opt(end_u / 60, end_u % 60, 0).context("time")?)
        .earliest()
        .context("local end")?
        .timestamp_millis();
    identity(&h)?
        .client
        .clone()
        .set_contact_preferences(idpb::SetContactPreferencesRequest {
            customer_id: cid.clone(),
            preferences: Some(idpb::ContactPreferences {
                quiet_hours: vec![idpb::CustomerQuietHours {
                    start_minute: start,
                    end_minute: end,
                    weekdays: Vec::new(),
                }],
                time_zone: "Asia/Seoul".into(),
                ..Default::default()
            }),
            update_mask: None,
            source: "test".into(),
        })
        .await?;
    let m = h.send(send_on(DeliveryChannel::Email, &cid, &tid)).await?;
    assert_eq!(m.status, pb::MessageStatus::Scheduled as i32, "{m:?}");
    assert_eq!(m.defer_reason, pb::DeferReason::CustomerQuietHours as i32);
    assert_eq!(
        from_timestamp(m.send_time.as_ref().context("send time")?),
        expected
    );
    // An expiry before the end of the quiet period: expired, not sent late.
    let mut soon = send_on(DeliveryChannel::Email, &cid, &tid);
    soon.expire_time = Some(to_timestamp(now_ms() + 60_000));
    let expired = h.send(soon).await?;
    assert_eq!(
        expired.suppression_reason,
        pb::SuppressionReason::Expired as i32
    );
    // Transactional messages are not held.
    let mut receipt = send_on(DeliveryChannel::Email, &cid, &tid);
    receipt.purpose = pb::MessagePurpose::Transactional as i32;
    let r = h.settled(&h.send(receipt).await?.message_id).await?;
    assert_eq!(r.status, pb::MessageStatus::Sent as i32, "{r:?}");
    h.stop().await
}

#[tokio::test]
async fn preference_centre_snoozes_and_unsubscribes_through_identity() -> anyhow::Result<()> {
    let h = Harness::start_with_identity(tracking).await?;
    let cid = identity(&h)?.signup("prefs@example.com").await?;
    let other = identity(&h)?.signup("other@example.com").await?;
    let tid = sale_template(&h).await?;
    let m = h
        .settled(
            &h.send(send_on(DeliveryChannel::Email, &cid, &tid))
                .await?
                .message_id,
        )
        .await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    let theirs = h
        .settled(
            &h.send(send_on(DeliveryChannel::Email, &other, &tid))
                .await?
                .message_id,
        )
        .await?;
    let base = format!("http://{}", h.engagement_addr);
    let url = format!(
        "{base}/p/{WORKSPACE}/{}?s={}",
        m.message_id,
        sign(&format!("p|{WORKSPACE}|{}", m.message_id))
    );
    // The link is in the email's text and HTML bodies.
    assert!(m.body.contains(&url), "{}", m.body);
    assert!(m.html_body.contains(&url), "{}", m.html_body);
    let client = crate::support::http_client()?;
    let page = client.get(&url).send().await?;
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    let html = page.text().await?;
    assert!(
        html.contains("method=\"post\"") && html.contains("Snooze"),
        "{html}"
    );

    // Forged: a made-up signature, or another message's signature on this message.
    let forged = format!("{base}/p/{WORKSPACE}/{}?s=00", m.message_id);
    let borrowed = format!(
        "{base}/p/{WORKSPACE}/{}?s={}",
        theirs.message_id,
        sign(&format!("p|{WORKSPACE}|{}", m.message_id))
    );
    for bad in [&forged, &borrowed] {
        let r = client
            .post(bad)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("action=unsubscribe&scope=all")
            .send()
            .await?;
        assert_eq!(r.status(), reqwest::StatusCode::FORBIDDEN);
    }

    // Snooze email for two weeks: identity records it.
    let before = now_ms();
    let r = client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=snooze&period=2w&scope=channel")
        .send()
        .await?;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    let snoozed = eventually(PATIENCE, || async {
        let p = preferences(&h, &cid).await?;
        Ok(p.snoozes.first().cloned())
    })
    .await?;
    assert_eq!(snoozed.channel, DeliveryChannel::Email as i32);
    assert_eq!(snoozed.source, "preference-centre");
    let until = from_timestamp(snoozed.until_time.as_ref().context("until")?);
    assert!(until >= before + 14 * DAY_MS && until <= now_ms() + 14 * DAY_MS);
    // ... and the next marketing email waits for it.
    let next = h.send(send_on(DeliveryChannel::Email, &cid, &tid)).await?;
    assert_eq!(
        next.defer_reason,
        pb::DeferReason::Snoozed as i32,
        "{next:?}"
    );
    // The other customer was not touched.
    assert!(preferences(&h, &other).await?.snoozes.is_empty());

    // Unsubscribe from email: marketing consent withdrawn in identity.
    let r = client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=unsubscribe&scope=channel")
        .send()
        .await?;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    let consent = eventually(PATIENCE, || async {
        marketing_consent(&h, &cid, DeliveryChannel::Email).await
    })
    .await?;
    assert!(!consent.granted);
    h.stop().await
}

#[tokio::test]
async fn one_click_unsubscribe_withdraws_consent_in_identity_after_an_outage() -> anyhow::Result<()>
{
    // The gateway starts pointed at an address where identity is not.
    let mut h = Harness::start_with_identity(|s| {
        tracking(s);
        s.identity.url = "http://127.0.0.1:9".into();
    })
    .await?;
    let real = format!("http://{}", identity(&h)?.addr);
    let cid = identity(&h)?.signup("leaver@example.com").await?;
    let tid = sale_template(&h).await?;
    let m = h
        .settled(
            &h.send(send_on(DeliveryChannel::Email, &cid, &tid))
                .await?
                .message_id,
        )
        .await?;
    let url = format!(
        "http://{}/u/{WORKSPACE}/{}?s={}",
        h.engagement_addr,
        m.message_id,
        sign(&format!("u|{WORKSPACE}|{}", m.message_id))
    );
    let r = crate::support::http_client()?
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await?;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    // Recorded in the gateway; identity has not heard of it.
    assert!(
        event_types(&h.events(&m.message_id).await?).contains(&pb::DeliveryEventType::Unsubscribed)
    );
    assert!(
        marketing_consent(&h, &cid, DeliveryChannel::Email)
            .await?
            .is_none()
    );

    // Identity reachable again (the gateway restarted with the right address): the
    // withdrawal recorded during the outage is delivered.
    h.settings.identity.url = real;
    h.restart().await?;
    let consent = eventually(PATIENCE, || async {
        marketing_consent(&h, &cid, DeliveryChannel::Email).await
    })
    .await?;
    assert!(!consent.granted);
    assert_eq!(consent.source, "channel-gateway:unsubscribe");
    assert!(consent.proof.contains(&m.message_id), "{consent:?}");
    h.stop().await
}

#[tokio::test]
async fn twilio_status_callback_marks_the_sms_delivered() -> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        tracking(s);
        s.delivery.secrets.insert("sms".into(), "tok".into());
    })
    .await?;
    let twilio = TwilioServer::start("AC1", "tok").await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Sms as i32,
        kind: pb::ProviderKind::Twilio as i32,
        base_url: twilio.base_url(),
        account_id: "AC1".into(),
        sender: "+15550000000".into(),
        secret_ref: "config:sms".into(),
        ..Default::default()
    })
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Hi".into(),
            channel: DeliveryChannel::Sms as i32,
            body: "Hi {{ profile.first_name }}".into(),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(json!({"first_name": "Bo"}), &[("phone", "+15551234567")])
        .await?;
    let m = h
        .settled(
            &h.send(send_on(DeliveryChannel::Sms, &cid, &tid))
                .await?
                .message_id,
        )
        .await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    let sent = twilio.messages();
    assert_eq!(
        sent[0].status_callback.as_deref(),
        Some(format!("http://{}/callbacks/sms/{WORKSPACE}", h.engagement_addr).as_str())
    );
    let delivered = eventually(PATIENCE, || async {
        let types = event_types(&h.events(&m.message_id).await?);
        Ok(types
            .contains(&pb::DeliveryEventType::Delivered)
            .then_some(types))
    })
    .await?;
    assert!(!delivered.contains(&pb::DeliveryEventType::Bounced));
    let callbacks = twilio.callbacks();
    assert!(
        callbacks.iter().any(|c| c.status == "delivered"
            && c.answered == 204
            && c.sid == m.provider_message_id),
        "{callbacks:?}"
    );
    h.stop().await
}
