//! The engagement loop: click redirect, open pixel, one-click unsubscribe, provider
//! callbacks with signature checks, all reported to a real identity service; APNs over
//! HTTP/2 with token retirement; store coupons redeemed once.

use std::time::Duration;

use anyhow::Context as _;
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::eventually;
use omni_testkit::providers::{ApnsServer, TwilioServer};
use serde_json::json;
use tonic::Code;

use crate::support::{Harness, PATIENCE, WORKSPACE, event_types, key, send_on};

const TRACK_SECRET: &str = "track-secret";
const CALLBACK_SECRET: &str = "esp-secret";

fn tracking(s: &mut omni_common::config::Settings) {
    s.delivery.tracking_secret = TRACK_SECRET.into();
    s.delivery.callback_secret = CALLBACK_SECRET.into();
}

/// An HTTP client that reports redirects instead of following them.
fn http() -> anyhow::Result<reqwest::Client> {
    let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(rustls::RootCertStore::empty())
    .with_no_client_auth();
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

/// The first URL in `text` starting with `prefix`.
fn url_in(text: &str, prefix: &str) -> anyhow::Result<String> {
    let start = text.find(prefix).context("no tracked url")?;
    let tail = &text[start..];
    let end = tail
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .unwrap_or(tail.len());
    Ok(tail[..end].trim_end_matches('.').to_owned())
}

async fn email_callback(
    h: &Harness,
    body: serde_json::Value,
    secret: &str,
) -> anyhow::Result<reqwest::StatusCode> {
    let body = body.to_string();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    let sig =
        omni_channel::webhook_signature(secret.as_bytes(), i64::try_from(now)?, body.as_bytes());
    Ok(http()?
        .post(format!(
            "http://{}/callbacks/email/{WORKSPACE}",
            h.engagement_addr
        ))
        .header("X-Omni-Signature", sig)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await?
        .status())
}

async fn marketing_email(h: &Harness, cid: &str) -> anyhow::Result<pb::Message> {
    let tid = h
        .template(pb::Template {
            display_name: "Sale".into(),
            channel: DeliveryChannel::Email as i32,
            subject: "Sale for {{ profile.first_name }}".into(),
            body: "Shop now: https://shop.example/sale?c=1.".into(),
            html_body: "<html><body><a href=\"https://shop.example/sale\">Shop</a></body></html>"
                .into(),
            ..Default::default()
        })
        .await?;
    let mut req = send_on(DeliveryChannel::Email, cid, &tid);
    req.campaign = "spring".into();
    req.journey_id = "j1".into();
    req.run_id = "r1".into();
    req.idempotency_key = format!("run:r1:node:n-{}", key());
    let m = h.send(req).await?;
    let m = h.settled(&m.message_id).await?;
    anyhow::ensure!(m.status == pb::MessageStatus::Sent as i32, "{m:?}");
    Ok(m)
}

#[tokio::test]
async fn clicks_opens_and_callbacks_become_identity_events() -> anyhow::Result<()> {
    let h = Harness::start_with_identity(tracking).await?;
    let identity = h.identity.as_ref().context("identity")?;
    let cid = identity.signup("ann@example.com").await?;
    let m = marketing_email(&h, &cid).await?;
    let client = http()?;
    let base = format!("http://{}", h.engagement_addr);

    // The click: a signed redirect to the destination with campaign parameters.
    let click = url_in(&m.body, &format!("{base}/c/"))?;
    let r = client.get(&click).send().await?;
    assert_eq!(r.status(), reqwest::StatusCode::FOUND);
    assert_eq!(
        r.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("https://shop.example/sale?c=1&utm_source=omni&utm_medium=email&utm_campaign=spring")
    );
    // An altered destination or signature is refused and records nothing.
    let forged = click.replace("shop.example", "evil.example");
    assert_eq!(
        client.get(&forged).send().await?.status(),
        reqwest::StatusCode::FORBIDDEN
    );
    let bad_sig = format!("{}0", click);
    assert_eq!(
        client.get(&bad_sig).send().await?.status(),
        reqwest::StatusCode::FORBIDDEN
    );

    // The open pixel: a 1x1 GIF.
    let pixel = url_in(&m.html_body, &format!("{base}/o/"))?;
    let r = client.get(&pixel).send().await?;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    assert_eq!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/gif")
    );
    let gif = r.bytes().await?;
    assert!(gif.starts_with(b"GIF89a") && gif.len() == 43, "{gif:?}");

    // ESP callbacks: signature checked, a repeat changes nothing.
    let delivered = json!({"message_id": m.message_id, "event": "delivered"});
    assert_eq!(
        email_callback(&h, delivered.clone(), "wrong").await?,
        reqwest::StatusCode::FORBIDDEN
    );
    assert_eq!(
        email_callback(&h, delivered.clone(), CALLBACK_SECRET).await?,
        reqwest::StatusCode::NO_CONTENT
    );
    assert_eq!(
        email_callback(&h, delivered, CALLBACK_SECRET).await?,
        reqwest::StatusCode::NO_CONTENT
    );
    let complained =
        json!({"message_id": m.message_id, "event": "complained", "reason": "abuse report"});
    assert_eq!(
        email_callback(&h, complained, CALLBACK_SECRET).await?,
        reqwest::StatusCode::NO_CONTENT
    );

    let kinds = event_types(&h.events(&m.message_id).await?);
    for kind in [
        pb::DeliveryEventType::Sent,
        pb::DeliveryEventType::Clicked,
        pb::DeliveryEventType::Opened,
        pb::DeliveryEventType::Delivered,
        pb::DeliveryEventType::Complained,
    ] {
        assert_eq!(
            kinds.iter().filter(|k| **k == kind).count(),
            1,
            "{kind:?} in {kinds:?}"
        );
    }
    // A complaint suppresses the address.
    let list = h
        .client
        .clone()
        .list_suppressions(pb::ListSuppressionsRequest::default())
        .await?
        .into_inner()
        .suppressions;
    assert!(
        list.iter().any(|s| s.address == "ann@example.com"
            && s.reason == pb::SuppressionListReason::Complaint as i32),
        "{list:?}"
    );

    // Every fact reaches identity as an event with the contract's id and properties.
    let types = [
        "message.sent",
        "message.clicked",
        "message.opened",
        "message.delivered",
        "message.complained",
    ];
    let events = eventually(PATIENCE, || async {
        let got = identity.events(&cid, &types).await?;
        Ok((got.len() >= types.len()).then_some(got))
    })
    .await?;
    assert_eq!(events.len(), types.len(), "{events:?}");
    for e in &events {
        let props = omni_common::convert::struct_to_json(e.properties.as_ref().context("props")?);
        assert_eq!(props["message_id"], json!(m.message_id), "{e:?}");
        assert_eq!(props["channel"], json!("email"));
        assert_eq!(props["journey_id"], json!("j1"));
        assert_eq!(props["run_id"], json!("r1"));
        assert_eq!(props["campaign"], json!("spring"));
        assert!(
            props["node_id"]
                .as_str()
                .is_some_and(|n| n.starts_with("n-")),
            "{props:?}"
        );
        assert!(
            e.event_id.starts_with(&format!("msg:{}:", m.message_id)),
            "{}",
            e.event_id
        );
        if e.r#type == "message.clicked" {
            assert_eq!(
                props["url"],
                json!(
                    "https://shop.example/sale?c=1&utm_source=omni&utm_medium=email&utm_campaign=spring"
                )
            );
        }
    }
    assert!(
        events
            .iter()
            .any(|e| e.event_id == format!("msg:{}:sent", m.message_id))
    );
    // Identity's engagement summary counts the email open and click.
    let profile = identity
        .client
        .clone()
        .get_profile(omni_proto::identity::v1::GetProfileRequest {
            customer_id: cid.clone(),
            read_mask: None,
        })
        .await?
        .into_inner()
        .profile
        .context("profile")?;
    let email = profile
        .engagement
        .iter()
        .find(|e| e.channel == DeliveryChannel::Email as i32)
        .context("email engagement")?;
    assert_eq!((email.opens, email.clicks), (1, 1), "{email:?}");
    h.stop().await
}

#[tokio::test]
async fn one_click_unsubscribe_suppresses_marketing_only_on_post() -> anyhow::Result<()> {
    let h = Harness::start_with(tracking).await?;
    let cid = h.ann().await?;
    let m = marketing_email(&h, &cid).await?;
    let base = format!("http://{}", h.engagement_addr);
    let sent = h.sink.wait_for(1, Duration::from_secs(5)).await?;
    let raw = format!("{:?}", sent[0]);
    assert!(
        raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{raw}"
    );
    let sig = hex::encode(
        ring::hmac::sign(
            &ring::hmac::Key::new(ring::hmac::HMAC_SHA256, TRACK_SECRET.as_bytes()),
            format!("u|{WORKSPACE}|{}", m.message_id).as_bytes(),
        )
        .as_ref(),
    );
    let url = format!("{base}/u/{WORKSPACE}/{}?s={sig}", m.message_id);
    assert!(
        raw.contains(&format!("/u/{WORKSPACE}/{}", m.message_id)),
        "{raw}"
    );
    let client = http()?;
    // A GET (a person or a mail scanner following the link) changes nothing.
    let page = client.get(&url).send().await?;
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    assert!(page.text().await?.contains("method=\"post\""));
    let listed = || async {
        Ok::<_, anyhow::Error>(
            h.client
                .clone()
                .list_suppressions(pb::ListSuppressionsRequest::default())
                .await?
                .into_inner()
                .suppressions,
        )
    };
    assert!(listed().await?.is_empty());
    // A forged POST is refused.
    let forged = format!("{base}/u/{WORKSPACE}/{}?s=00", m.message_id);
    let r = client
        .post(&forged)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await?;
    assert_eq!(r.status(), reqwest::StatusCode::FORBIDDEN);
    // The RFC 8058 POST unsubscribes.
    let r = client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await?;
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    let list = listed().await?;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        list[0].reason,
        pb::SuppressionListReason::Unsubscribe as i32
    );
    assert!(
        event_types(&h.events(&m.message_id).await?).contains(&pb::DeliveryEventType::Unsubscribed)
    );
    // Marketing stops; transactional mail still goes.
    let next = h
        .send(send_on(DeliveryChannel::Email, &cid, &m.template_id))
        .await?;
    assert_eq!(
        next.suppression_reason,
        pb::SuppressionReason::SuppressionList as i32,
        "{next:?}"
    );
    let mut receipt = send_on(DeliveryChannel::Email, &cid, &m.template_id);
    receipt.purpose = pb::MessagePurpose::Transactional as i32;
    assert_eq!(
        h.send(receipt).await?.status,
        pb::MessageStatus::Pending as i32
    );
    h.stop().await
}

#[tokio::test]
async fn twilio_status_callbacks_are_signature_checked_and_hard_bounces_suppress()
-> anyhow::Result<()> {
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
    let mut req = send_on(DeliveryChannel::Sms, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    let m = h.settled(&h.send(req).await?.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    let url = format!("http://{}/callbacks/sms/{WORKSPACE}", h.engagement_addr);
    let params: Vec<(String, String)> = [
        ("MessageSid", m.provider_message_id.as_str()),
        ("MessageStatus", "undelivered"),
        ("ErrorCode", "30005"),
        ("AccountSid", "AC1"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let form = params
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace('+', "%2B")))
        .collect::<Vec<_>>()
        .join("&");
    let post = |sig: String| {
        let form = form.clone();
        let url = url.clone();
        async move {
            Ok::<_, anyhow::Error>(
                http()?
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", sig)
                    .body(form)
                    .send()
                    .await?
                    .status(),
            )
        }
    };
    let wrong = omni_channel::twilio_signature("not-the-token", &url, &params);
    assert_eq!(post(wrong).await?, reqwest::StatusCode::FORBIDDEN);
    assert!(
        !event_types(&h.events(&m.message_id).await?).contains(&pb::DeliveryEventType::Bounced)
    );
    let right = omni_channel::twilio_signature("tok", &url, &params);
    assert_eq!(post(right).await?, reqwest::StatusCode::NO_CONTENT);
    assert!(event_types(&h.events(&m.message_id).await?).contains(&pb::DeliveryEventType::Bounced));
    let list = h
        .client
        .clone()
        .list_suppressions(pb::ListSuppressionsRequest::default())
        .await?
        .into_inner()
        .suppressions;
    assert!(
        list.iter().any(|s| s.address == "+15551234567"
            && s.reason == pb::SuppressionListReason::HardBounce as i32),
        "{list:?}"
    );
    h.stop().await
}

#[tokio::test]
async fn apns_sends_in_its_request_shape_and_410_retires_the_token() -> anyhow::Result<()> {
    let apns = ApnsServer::start("TEAM123456", "KEY1234567", "com.example.shop").await?;
    let pem = apns.private_key_pem();
    let h = Harness::start_with(move |s| {
        s.delivery.secrets.insert("apns".into(), pem);
    })
    .await?;
    h.provider(pb::ProviderConfig {
        channel: DeliveryChannel::Push as i32,
        kind: pb::ProviderKind::Apns as i32,
        base_url: apns.base_url(),
        account_id: "TEAM123456".into(),
        key_id: "KEY1234567".into(),
        topic: "com.example.shop".into(),
        secret_ref: "config:apns".into(),
        ..Default::default()
    })
    .await?;
    let tid = h
        .template(pb::Template {
            display_name: "Push".into(),
            channel: DeliveryChannel::Push as i32,
            subject: "Hi {{ profile.first_name }}".into(),
            body: "Your order is ready".into(),
            ..Default::default()
        })
        .await?;
    let token = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    let cid = h
        .customer(json!({"first_name": "Ann"}), &[("push_token", token)])
        .await?;
    let mut req = send_on(DeliveryChannel::Push, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    let m = h.settled(&h.send(req).await?.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::Sent as i32, "{m:?}");
    let got = apns.wait_for(1, Duration::from_secs(5)).await?;
    assert_eq!(got[0].device_token, token);
    assert_eq!(got[0].title, "Hi Ann");
    assert_eq!(got[0].push_type, "alert");
    assert_eq!(got[0].topic, "com.example.shop");
    assert_eq!(m.provider_message_id, got[0].apns_id);
    let request = &apns.requests()[0];
    assert_eq!(request.path, format!("/3/device/{token}"));
    assert!(
        request
            .header("authorization")
            .is_some_and(|a| a.starts_with("bearer ey"))
    );
    assert_eq!(request.header("apns-priority"), Some("10"));
    assert_eq!(request.header("apns-expiration"), Some("0"));

    // The device is gone: 410 Unregistered retires the token.
    apns.unregister(token);
    let mut req = send_on(DeliveryChannel::Push, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    let m = h.settled(&h.send(req).await?.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");
    assert!(m.error.contains("410"), "{}", m.error);
    assert!(
        event_types(&h.events(&m.message_id).await?)
            .contains(&pb::DeliveryEventType::TokenInvalidated)
    );
    let mut req = send_on(DeliveryChannel::Push, &cid, &tid);
    req.purpose = pb::MessagePurpose::Transactional as i32;
    let m = h.send(req).await?;
    assert_eq!(
        m.suppression_reason,
        pb::SuppressionReason::NoAddress as i32,
        "{m:?}"
    );
    assert_eq!(apns.notifications().len(), 1);
    h.stop().await
}

#[tokio::test]
async fn a_coupon_is_redeemed_once_even_when_tills_race() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let issue = pb::IssueCouponRequest {
        idempotency_key: "c-1".into(),
        customer_id: cid.clone(),
        offer_id: "offer-10".into(),
        expire_time: None,
    };
    let coupon = h
        .client
        .clone()
        .issue_coupon(issue.clone())
        .await?
        .into_inner()
        .coupon
        .context("coupon")?;
    let again = h
        .client
        .clone()
        .issue_coupon(issue)
        .await?
        .into_inner()
        .coupon
        .context("coupon")?;
    assert_eq!(coupon.code, again.code, "issue is idempotent by key");
    assert_eq!(coupon.state, pb::CouponState::Issued as i32);

    // Eight tills redeem at once: exactly one wins.
    let mut tills = tokio::task::JoinSet::new();
    for n in 0..8 {
        let mut client = h.client.clone();
        let code = coupon.code.clone();
        tills.spawn(async move {
            client
                .redeem_coupon(pb::RedeemCouponRequest {
                    code,
                    store_id: format!("store-{n}"),
                    idempotency_key: format!("till-{n}"),
                    customer_id: String::new(),
                })
                .await
        });
    }
    let mut won = Vec::new();
    let mut refused = Vec::new();
    while let Some(r) = tills.join_next().await {
        match r? {
            Ok(r) => won.push(r.into_inner().coupon.context("coupon")?),
            Err(status) => refused.push(status),
        }
    }
    assert_eq!(won.len(), 1, "{refused:?}");
    assert_eq!(refused.len(), 7);
    for status in &refused {
        assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
        assert!(
            status.message().contains("already redeemed"),
            "{}",
            status.message()
        );
    }
    let winner = &won[0];
    assert_eq!(winner.state, pb::CouponState::Redeemed as i32);
    // The winning till retrying its own request gets the same answer.
    let n = winner.redeem_store_id.trim_start_matches("store-");
    let retry = h
        .client
        .clone()
        .redeem_coupon(pb::RedeemCouponRequest {
            code: coupon.code.clone(),
            store_id: winner.redeem_store_id.clone(),
            idempotency_key: format!("till-{n}"),
            customer_id: String::new(),
        })
        .await?
        .into_inner()
        .coupon
        .context("coupon")?;
    assert_eq!(retry.redeem_time, winner.redeem_time);
    let stored = h
        .client
        .clone()
        .get_coupon(pb::GetCouponRequest {
            code: coupon.code.to_lowercase(),
        })
        .await?
        .into_inner()
        .coupon
        .context("coupon")?;
    assert_eq!(stored.state, pb::CouponState::Redeemed as i32);
    let unknown = h
        .client
        .clone()
        .redeem_coupon(pb::RedeemCouponRequest {
            code: "NOPE".into(),
            store_id: "s".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown");
    assert_eq!(unknown.code(), Code::NotFound);

    // A send can issue one and render it; another customer cannot redeem it.
    let tid = h
        .template(pb::Template {
            display_name: "In store".into(),
            channel: DeliveryChannel::Email as i32,
            subject: "Your coupon".into(),
            body: "Show {{ coupon.code }} at the till (offer {{ coupon.offer_id }}).".into(),
            ..Default::default()
        })
        .await?;
    let mut req = send_on(DeliveryChannel::Email, &cid, &tid);
    req.coupon = Some(pb::CouponSpec {
        offer_id: "offer-20".into(),
        expire_time: None,
    });
    let m = h.send(req.clone()).await?;
    let code = m
        .body
        .strip_prefix("Show ")
        .and_then(|b| b.split(' ').next())
        .context("code in body")?
        .to_owned();
    assert!(m.body.contains("(offer offer-20)"), "{}", m.body);
    assert_eq!(
        h.send(req).await?.body,
        m.body,
        "a retried send keeps its coupon"
    );
    let err = h
        .client
        .clone()
        .redeem_coupon(pb::RedeemCouponRequest {
            code: code.clone(),
            store_id: "s1".into(),
            customer_id: "someone-else".into(),
            ..Default::default()
        })
        .await
        .expect_err("other customer");
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(
        err.message().contains("another customer"),
        "{}",
        err.message()
    );
    let ok = h
        .client
        .clone()
        .redeem_coupon(pb::RedeemCouponRequest {
            code,
            store_id: "s1".into(),
            customer_id: cid.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .coupon
        .context("coupon")?;
    assert_eq!(ok.message_id, m.message_id);
    h.stop().await
}
