//! Channel-gateway against a real Redis, a real database and a real SMTP server.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use omni_common::config::{Settings, SmtpTls};
use omni_common::ids::CustomerId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::{RedisServer, SmtpSink, database_url, eventually};
use sea_orm::ConnectionTrait;
use serde_json::json;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const API_KEY: &str = "test-admin-key";
const WORKSPACE: &str = "default";

type Client = ChannelServiceClient<
    InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, Status>>,
>;

fn with_key(mut req: Request<()>) -> Result<Request<()>, Status> {
    let value = format!("Bearer {API_KEY}")
        .parse()
        .map_err(|_| Status::internal("bad header"))?;
    req.metadata_mut().insert("authorization", value);
    Ok(req)
}

/// One channel-gateway with its own Redis, database and SMTP sink.
struct Harness {
    _redis: RedisServer,
    sink: SmtpSink,
    addr: SocketAddr,
    client: Client,
    profiles: ProfileStore,
    database_url: String,
    shutdown: CancellationToken,
    server: Option<tokio::task::JoinHandle<Result<(), omni_channel::Error>>>,
}

impl Harness {
    async fn start() -> anyhow::Result<Self> {
        Self::start_with(|_| {}).await
    }

    async fn start_with(tweak: impl FnOnce(&mut Settings)) -> anyhow::Result<Self> {
        let redis = RedisServer::start().await?;
        let sink = SmtpSink::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        settings.channel.database_url = database_url("channel").await?;
        settings.smtp.host = "127.0.0.1".into();
        settings.smtp.port = sink.addr.port();
        settings.smtp.tls = SmtpTls::None;
        settings.smtp.timeout_ms = 5_000;
        tweak(&mut settings);
        let database_url = settings.channel.database_url.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_channel::run(settings, listener, shutdown.clone()));
        let endpoint = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?;
        let channel = eventually(Duration::from_secs(20), || {
            let endpoint = endpoint.clone();
            async move { Ok(endpoint.connect().await.ok()) }
        })
        .await
        .context("channel-gateway did not start")?;
        let client = ChannelServiceClient::with_interceptor(
            channel,
            with_key as fn(Request<()>) -> Result<Request<()>, Status>,
        );
        let profiles = ProfileStore::new(omni_common::redis::connect(&redis.url).await?);
        Ok(Self {
            _redis: redis,
            sink,
            addr,
            client,
            profiles,
            database_url,
            shutdown,
            server: Some(server),
        })
    }

    /// A profile with an email identifier and a first name.
    async fn ann(&self) -> anyhow::Result<String> {
        let cid = CustomerId::generate();
        let mut traits = serde_json::Map::new();
        traits.insert("first_name".into(), json!("Ann"));
        self.profiles
            .apply(
                WORKSPACE,
                cid.as_str(),
                &ProfileUpdate {
                    traits,
                    identifiers: vec![("email".into(), "ann@example.com".into())],
                    event_type: None,
                    time_ms: now_ms(),
                },
            )
            .await?;
        Ok(cid.into_inner())
    }

    async fn email_template(&self, subject: &str, body: &str) -> anyhow::Result<String> {
        let t = self
            .client
            .clone()
            .create_template(pb::CreateTemplateRequest {
                template: Some(pb::Template {
                    display_name: "Offer email".into(),
                    channel: DeliveryChannel::Email as i32,
                    subject: subject.into(),
                    body: body.into(),
                    ..Default::default()
                }),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .template
            .context("template in response")?;
        Ok(t.template_id)
    }

    async fn send(&self, req: pb::SendRequest) -> Result<pb::Message, Status> {
        self.client
            .clone()
            .send(req)
            .await?
            .into_inner()
            .message
            .ok_or_else(|| Status::internal("no message in response"))
    }

    async fn stop(mut self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        if let Some(server) = self.server.take() {
            tokio::time::timeout(Duration::from_secs(15), server).await???;
        }
        Ok(())
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

fn key() -> String {
    format!("k-{}", uuid::Uuid::now_v7().simple())
}

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
    }
}

fn field_violation(status: &Status) -> Option<String> {
    use tonic_types::StatusExt;
    status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
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

    let first = h.send(send_request(&cid, &tid, &k)).await?;
    assert_eq!(first.status, pb::MessageStatus::Sent as i32, "{first:?}");
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

    // The same key again: the first message, and nothing sent twice. Send is synchronous,
    // so any second email would already be in the sink when the call returns.
    let again = h.send(send_request(&cid, &tid, &k)).await?;
    assert_eq!(again, first);
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
    assert_eq!(m.status, pb::MessageStatus::Failed as i32, "{m:?}");
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
            page_token: String::new(),
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
        })
        .await?
        .into_inner();
    let ids: Vec<_> = rest.messages.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(ids, sent[2..]);
    assert!(rest.next_page_token.is_empty());

    let err = client
        .list_messages(pb::ListMessagesRequest {
            customer_id: String::new(),
            page_size: 0,
            page_token: String::new(),
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
            page_size: 0,
            page_token: String::new(),
        })
        .await?
        .into_inner();
    assert_eq!(list.messages.len(), 1);
    h.stop().await
}
