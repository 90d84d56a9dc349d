//! The original contract: templates, Send, idempotency, consent, render errors, paging
//! and re-driving messages an older gateway committed without rendering.

use std::time::Duration;

use anyhow::Context;
use omni_common::ids::CustomerId;
use omni_profile_store::ProfileUpdate;
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::eventually;
use sea_orm::ConnectionTrait;
use serde_json::json;
use tonic::Code;

use crate::support::{Harness, WORKSPACE, field_violation, key, now_ms};

fn send_request(customer_id: &str, template_id: &str, key: &str) -> pb::SendRequest {
    let mut vars = serde_json::Map::new();
    vars.insert("store".into(), json!("Gangnam"));
    pb::SendRequest {
        idempotency_key: key.into(),
        customer_id: customer_id.into(),
        channel: DeliveryChannel::Email as i32,
        template_id: template_id.into(),
        offer: Some(pb::RenderedOffer {
            offer_id: "o_10off".into(),
            display_name: "10% off shoes".into(),
            value: 10.0,
            content: None,
            decision_id: "d_1".into(),
        }),
        variables: Some(omni_common::convert::json_to_struct(&vars)),
        journey_id: "j_1".into(),
        run_id: "run_1".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn send_renders_delivers_and_is_idempotent() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template(
            "Hello {{ profile.first_name }}",
            "Hello {{ profile.first_name }}, enjoy {{ offer.display_name }} at {{ vars.store }}.\n",
        )
        .await?;
    let k = key();

    let queued = h.send(send_request(&cid, &tid, &k)).await?;
    assert_eq!(
        queued.status,
        pb::MessageStatus::Pending as i32,
        "{queued:?}"
    );
    let first = h.settled(&queued.message_id).await?;
    assert_eq!(first.status, pb::MessageStatus::Sent as i32, "{first:?}");
    assert_eq!(first.attempts, 1);
    assert_eq!(first.recipient, "ann@example.com");
    assert_eq!(first.subject, "Hello Ann");
    assert_eq!(first.body, "Hello Ann, enjoy 10% off shoes at Gangnam.\n");
    assert_eq!(first.idempotency_key, k);
    assert_eq!(first.journey_id, "j_1");

    let mails = h.sink.wait_for(1, Duration::from_secs(10)).await?;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, vec!["ann@example.com".to_owned()]);
    let body = mail.decoded_body();
    assert_eq!(body, "Hello Ann, enjoy 10% off shoes at Gangnam.");
    assert_eq!(mail.header("Subject").as_deref(), Some("Hello Ann"));
    assert_eq!(
        mail.header("X-Omni-Message-Id").as_deref(),
        Some(first.message_id.as_str())
    );
    let message_id = mail.header("Message-ID").context("Message-ID header")?;
    assert!(message_id.contains(&first.message_id), "{message_id}");

    // The same key again: the first message, and nothing sent twice (the message is
    // already sent, so a second email could only come from a second message).
    let again = h.send(send_request(&cid, &tid, &k)).await?;
    assert_eq!(again, first);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(h.sink.messages().len(), 1);

    // A reused key for a different request is refused rather than silently answered.
    let other = h.ann().await?;
    let err = h
        .send(send_request(&other, &tid, &k))
        .await
        .expect_err("key reuse");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err).as_deref(), Some("idempotency_key"));

    let got = h
        .client
        .clone()
        .get_message(pb::GetMessageRequest {
            message_id: first.message_id.clone(),
        })
        .await?
        .into_inner()
        .message
        .context("message")?;
    assert_eq!(got, first);
    h.stop().await
}

#[tokio::test]
async fn revoked_consent_and_missing_address_are_suppressed_not_sent() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .email_template("Hi {{ profile.first_name }}", "Hi")
        .await?;

    let cid = h.ann().await?;
    h.profiles
        .set_consent(WORKSPACE, &cid, "email", false, now_ms())
        .await?;
    let m = h.send(send_request(&cid, &tid, &key())).await?;
    assert_eq!(m.status, pb::MessageStatus::Suppressed as i32, "{m:?}");
    assert_eq!(
        m.suppression_reason,
        pb::SuppressionReason::NoConsent as i32
    );
    assert_eq!(m.recipient, "ann@example.com");

    let nobody = CustomerId::generate();
    let mut traits = serde_json::Map::new();
    traits.insert("first_name".into(), json!("Bo"));
    h.profiles
        .apply(
            WORKSPACE,
            nobody.as_str(),
            &ProfileUpdate {
                traits,
                identifiers: vec![("user_id".into(), "u-bo".into())],
                event_type: None,
                time_ms: now_ms(),
            },
        )
        .await?;
    let m = h.send(send_request(nobody.as_str(), &tid, &key())).await?;
    assert_eq!(m.status, pb::MessageStatus::Suppressed as i32, "{m:?}");
    assert_eq!(
        m.suppression_reason,
        pb::SuppressionReason::NoAddress as i32
    );

    assert!(
        h.sink.messages().is_empty(),
        "suppressed messages are never sent"
    );
    h.stop().await
}

#[tokio::test]
async fn templates_are_validated_and_idempotent() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut client = h.client.clone();
    let template = |body: &str| pb::Template {
        display_name: "Welcome".into(),
        channel: DeliveryChannel::Email as i32,
        subject: "Welcome".into(),
        body: body.into(),
        ..Default::default()
    };

    let err = client
        .create_template(pb::CreateTemplateRequest {
            template: Some(template("Hello\n{% if profile.vip %}VIP")),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("syntax error");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err).as_deref(), Some("template.body"));
    assert!(err.message().contains("template.body"), "{}", err.message());
    assert!(err.message().contains("line"), "{}", err.message());

    let mut no_channel = template("Hi");
    no_channel.channel = DeliveryChannel::Unspecified as i32;
    let err = client
        .create_template(pb::CreateTemplateRequest {
            template: Some(no_channel),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("no channel");
    assert_eq!(field_violation(&err).as_deref(), Some("template.channel"));

    let k = key();
    let create = || pb::CreateTemplateRequest {
        template: Some(template("Hello {{ profile.first_name }}")),
        idempotency_key: k.clone(),
    };
    let first = client
        .create_template(create())
        .await?
        .into_inner()
        .template
        .context("template")?;
    let second = client
        .create_template(create())
        .await?
        .into_inner()
        .template
        .context("template")?;
    assert_eq!(first, second, "a retried create returns the first template");
    let got = client
        .get_template(pb::GetTemplateRequest {
            template_id: first.template_id.clone(),
        })
        .await?
        .into_inner()
        .template
        .context("template")?;
    assert_eq!(got, first);
    let err = client
        .get_template(pb::GetTemplateRequest {
            template_id: "tpl_missing".into(),
        })
        .await
        .expect_err("missing");
    assert_eq!(err.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn send_rejects_bad_requests_with_clear_codes() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;

    let err = h
        .send(send_request(&cid, "tpl_unknown", &key()))
        .await
        .expect_err("unknown template");
    assert_eq!(err.code(), Code::NotFound);

    let err = h
        .send(send_request(&cid, &tid, ""))
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err).as_deref(), Some("idempotency_key"));

    let err = h
        .send(send_request("c_nobody", &tid, &key()))
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("customer"), "{}", err.message());

    let mut sms = send_request(&cid, &tid, &key());
    sms.channel = DeliveryChannel::Sms as i32;
    let err = h.send(sms).await.expect_err("sms");
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(
        err.message().contains("channel not configured"),
        "{}",
        err.message()
    );

    let mut unspecified = send_request(&cid, &tid, &key());
    unspecified.channel = DeliveryChannel::Unspecified as i32;
    let err = h.send(unspecified).await.expect_err("no channel");
    assert_eq!(field_violation(&err).as_deref(), Some("channel"));

    // Without an API key the call never reaches the service.
    let mut anonymous = ChannelServiceClient::connect(format!("http://{}", h.addr)).await?;
    let err = anonymous
        .send(send_request(&cid, &tid, &key()))
        .await
        .expect_err("no api key");
    assert_eq!(err.code(), Code::Unauthenticated);

    assert!(h.sink.messages().is_empty());
    h.stop().await
}

#[tokio::test]
async fn render_errors_fail_the_message_without_sending() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template("Hi", "Your tier: {{ profile.loyalty_tier }}")
        .await?;
    let m = h.send(send_request(&cid, &tid, &key())).await?;
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");
    assert!(m.error.contains("render body"), "{}", m.error);
    assert!(m.error.contains("undefined"), "{}", m.error);
    assert!(h.sink.messages().is_empty());
    h.stop().await
}

#[tokio::test]
async fn provider_failures_are_retried_then_recorded() -> anyhow::Result<()> {
    // A port nothing listens on: every attempt fails to connect.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0")?;
        l.local_addr()?.port()
    };
    let h = Harness::start_with(|s| s.smtp.port = closed).await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    let m = h.send(send_request(&cid, &tid, &key())).await?;
    let m = h.settled(&m.message_id).await?;
    assert_eq!(m.status, pb::MessageStatus::DeadLetter as i32, "{m:?}");
    assert_eq!(m.attempts, 3);
    assert!(m.error.contains("after 3 attempts"), "{}", m.error);
    assert_eq!(m.subject, "Hi", "the rendered message is kept");
    h.stop().await
}

#[tokio::test]
async fn messages_list_oldest_first_in_pages() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template("Hi", "Hi {{ profile.first_name }}")
        .await?;
    let mut sent = Vec::new();
    for _ in 0..3 {
        sent.push(h.send(send_request(&cid, &tid, &key())).await?.message_id);
    }
    let mut client = h.client.clone();
    let page = client
        .list_messages(pb::ListMessagesRequest {
            customer_id: cid.clone(),
            page_size: 2,
            ..Default::default()
        })
        .await?
        .into_inner();
    let ids: Vec<_> = page.messages.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(ids, sent[..2]);
    assert!(!page.next_page_token.is_empty());
    let rest = client
        .list_messages(pb::ListMessagesRequest {
            customer_id: cid.clone(),
            page_size: 2,
            page_token: page.next_page_token,
            ..Default::default()
        })
        .await?
        .into_inner();
    let ids: Vec<_> = rest.messages.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(ids, sent[2..]);
    assert!(rest.next_page_token.is_empty());

    let err = client
        .list_messages(pb::ListMessagesRequest {
            customer_id: String::new(),
            ..Default::default()
        })
        .await
        .expect_err("customer required");
    assert_eq!(field_violation(&err).as_deref(), Some("customer_id"));
    h.stop().await
}

#[tokio::test]
async fn abandoned_pending_messages_are_re_driven() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let cid = h.ann().await?;
    let tid = h
        .email_template(
            "Hello {{ profile.first_name }}",
            "Back for {{ offer.display_name }}",
        )
        .await?;

    // What a gateway that stopped right after recording the message leaves behind.
    let db = omni_storage::connect(&h.database_url).await?;
    let message_id = format!("msg_{}", uuid::Uuid::now_v7().simple());
    let stale = now_ms() - 120_000;
    let offer = json!({"offer_id": "o1", "display_name": "free socks", "value": 1.0, "content": {}, "decision_id": "d1"});
    db.execute_raw(omni_storage::stmt(
        db.get_database_backend(),
        "INSERT INTO messages (workspace_id, message_id, idempotency_key, customer_id, channel, \
         template_id, status, suppression_reason, recipient, subject, body, error, journey_id, \
         run_id, offer_json, variables_json, create_ms, update_ms, attempts) VALUES \
         ($1, $2, $3, $4, 'email', $5, 'pending', NULL, '', '', '', '', '', '', $6, '{}', $7, $7, 0)",
        [
            WORKSPACE.into(),
            message_id.clone().into(),
            key().into(),
            cid.clone().into(),
            tid.clone().into(),
            offer.to_string().into(),
            stale.into(),
        ],
    ))
    .await?;

    let mut client = h.client.clone();
    let done = eventually(Duration::from_secs(20), || {
        let mut client = client.clone();
        let message_id = message_id.clone();
        async move {
            let m = client
                .get_message(pb::GetMessageRequest { message_id })
                .await?
                .into_inner()
                .message
                .context("message")?;
            Ok((m.status != pb::MessageStatus::Pending as i32).then_some(m))
        }
    })
    .await?;
    assert_eq!(done.status, pb::MessageStatus::Sent as i32, "{done:?}");
    assert_eq!(done.subject, "Hello Ann");
    let mails = h.sink.wait_for(1, Duration::from_secs(10)).await?;
    assert_eq!(mails[0].decoded_body(), "Back for free socks");

    let list = client
        .list_messages(pb::ListMessagesRequest {
            customer_id: cid,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(list.messages.len(), 1);
    h.stop().await
}

#[tokio::test]
async fn an_erased_customer_leaves_only_anonymous_message_metadata() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let ann = h.ann().await?;
    let other = h.ann().await?;
    let template = h
        .email_template(
            "Hi {{ profile.first_name }}",
            "Hello {{ profile.first_name }}",
        )
        .await?;
    let sent = h
        .send(crate::support::send_on(
            DeliveryChannel::Email,
            &ann,
            &template,
        ))
        .await?;
    let kept = h
        .send(crate::support::send_on(
            DeliveryChannel::Email,
            &other,
            &template,
        ))
        .await?;
    assert_eq!(
        h.settled(&sent.message_id).await?.status,
        pb::MessageStatus::Sent as i32
    );
    h.settled(&kept.message_id).await?;

    let bus = omni_bus::Bus::new(omni_common::redis::connect(&h.settings.redis.url).await?);
    let erased = omni_proto::common::v1::CustomerErased {
        workspace_id: WORKSPACE.into(),
        customer_id: ann.clone(),
        erasure_id: "er_1".into(),
        ..Default::default()
    };
    bus.publish(omni_bus::Topic::CustomerErased, &erased)
        .await?;

    let mut client = h.client.clone();
    eventually(crate::support::PATIENCE, || {
        let mut client = client.clone();
        let ann = ann.clone();
        async move {
            let listed = client
                .list_messages(pb::ListMessagesRequest {
                    customer_id: ann,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .messages;
            anyhow::ensure!(listed.is_empty(), "still listed: {listed:?}");
            Ok(Some(()))
        }
    })
    .await?;
    let anonymous = h.get(&sent.message_id).await?;
    assert_eq!(anonymous.customer_id, "erased");
    assert!(anonymous.recipient.is_empty() && anonymous.body.is_empty());
    assert!(anonymous.subject.is_empty() && anonymous.html_body.is_empty());
    assert_eq!(anonymous.status, pb::MessageStatus::Sent as i32);
    assert!(h.events(&sent.message_id).await?.is_empty());
    // The same idempotency key still stops a second send.
    let again = client
        .send(pb::SendRequest {
            idempotency_key: sent.idempotency_key.clone(),
            ..crate::support::send_on(DeliveryChannel::Email, &ann, &template)
        })
        .await?
        .into_inner()
        .message
        .context("message")?;
    assert_eq!(again.message_id, sent.message_id);
    // Other customers are untouched.
    let untouched = h.get(&kept.message_id).await?;
    assert_eq!(untouched.customer_id, other);
    assert!(!untouched.body.is_empty());
    h.stop().await
}
