//! The harness: one channel-gateway with its own Redis, database and SMTP sink, local
//! provider servers on demand, millisecond backoffs, and helpers to wait for outcomes.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use futures_util::StreamExt as _;
use omni_common::config::{Settings, SmtpTls};
use omni_common::ids::CustomerId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::channel::v1 as pb;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::DeliveryChannel;
use omni_testkit::{RedisServer, SmtpSink, database_url, eventually};
use serde_json::json;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Request, Status};

pub const API_KEY: &str = "test-admin-key";
pub const WORKSPACE: &str = "default";
/// Upper bound for eventual outcomes (they normally take milliseconds).
pub const PATIENCE: Duration = Duration::from_secs(20);

pub type Client = ChannelServiceClient<
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
pub struct Harness {
    _redis: RedisServer,
    /// The engagement HTTP endpoints (click, pixel, unsubscribe, callbacks).
    pub engagement_addr: SocketAddr,
    /// The in-process identity service, when started with one.
    pub identity: Option<Identity>,
    pub sink: SmtpSink,
    pub addr: SocketAddr,
    pub client: Client,
    pub profiles: ProfileStore,
    pub database_url: String,
    pub settings: Settings,
    shutdown: CancellationToken,
    server: Option<tokio::task::JoinHandle<Result<(), omni_channel::Error>>>,
}

/// Fast delivery settings: millisecond backoffs, a small circuit, 3 attempts.
pub fn fast(settings: &mut Settings) {
    let d = &mut settings.delivery;
    d.backoff_initial_ms = 5;
    d.backoff_max_ms = 20;
    d.max_retry_after_ms = 30;
    d.max_attempts = 3;
    d.circuit_failure_threshold = 3;
    d.circuit_open_ms = 300;
    d.poll_interval_ms = 10;
    d.lease_ms = 1_000;
    d.provider_timeout_ms = 1_000;
}

impl Harness {
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with(|_| {}).await
    }

    pub async fn start_with(tweak: impl FnOnce(&mut Settings)) -> anyhow::Result<Self> {
        Self::start_full(false, tweak).await
    }

    /// A gateway reporting to a real identity service (same Redis, own database).
    pub async fn start_with_identity(tweak: impl FnOnce(&mut Settings)) -> anyhow::Result<Self> {
        Self::start_full(true, tweak).await
    }

    async fn start_full(
        with_identity: bool,
        tweak: impl FnOnce(&mut Settings),
    ) -> anyhow::Result<Self> {
        let redis = RedisServer::start().await?;
        let sink = SmtpSink::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        settings.channel.database_url = database_url("channel").await?;
        settings.smtp.host = "127.0.0.1".into();
        settings.smtp.port = sink.addr.port();
        settings.smtp.tls = SmtpTls::None;
        settings.smtp.timeout_ms = 5_000;
        fast(&mut settings);
        let engagement = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let engagement_addr = engagement.local_addr()?;
        settings.delivery.engagement_listen = engagement_addr.to_string();
        settings.delivery.tracking_base_url = format!("http://{engagement_addr}");
        let identity = if with_identity {
            let identity = Identity::start(&settings).await?;
            settings.identity.url = format!("http://{}", identity.addr);
            Some(identity)
        } else {
            None
        };
        tweak(&mut settings);
        let profiles = ProfileStore::new(omni_common::redis::connect(&redis.url).await?);
        let (addr, client, shutdown, server) = boot(&settings, Some(engagement)).await?;
        Ok(Self {
            engagement_addr,
            identity,
            database_url: settings.channel.database_url.clone(),
            _redis: redis,
            sink,
            addr,
            client,
            profiles,
            settings,
            shutdown,
            server: Some(server),
        })
    }

    /// Stops the gateway and starts a new one on the same database and Redis.
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.halt().await?;
        let (addr, client, shutdown, server) = boot(&self.settings, None).await?;
        self.addr = addr;
        self.client = client;
        self.shutdown = shutdown;
        self.server = Some(server);
        Ok(())
    }

    /// Stops the gateway (the database and Redis stay).
    pub async fn halt(&mut self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        if let Some(server) = self.server.take() {
            tokio::time::timeout(Duration::from_secs(15), server).await???;
        }
        Ok(())
    }

    /// A profile with the given traits and identifiers.
    pub async fn customer(
        &self,
        traits: serde_json::Value,
        identifiers: &[(&str, &str)],
    ) -> anyhow::Result<String> {
        let cid = CustomerId::generate();
        let traits = match traits {
            serde_json::Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        self.profiles
            .apply(
                WORKSPACE,
                cid.as_str(),
                &ProfileUpdate {
                    traits,
                    identifiers: identifiers
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect(),
                    event_type: None,
                    time_ms: now_ms(),
                },
            )
            .await?;
        Ok(cid.into_inner())
    }

    /// A profile with an email identifier and a first name.
    pub async fn ann(&self) -> anyhow::Result<String> {
        self.customer(
            json!({"first_name": "Ann"}),
            &[("email", "ann@example.com")],
        )
        .await
    }

    pub async fn template(&self, t: pb::Template) -> Result<String, Status> {
        Ok(self
            .client
            .clone()
            .create_template(pb::CreateTemplateRequest {
                template: Some(t),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .template
            .ok_or_else(|| Status::internal("no template"))?
            .template_id)
    }

    pub async fn email_template(&self, subject: &str, body: &str) -> anyhow::Result<String> {
        Ok(self
            .template(pb::Template {
                display_name: "Offer email".into(),
                channel: DeliveryChannel::Email as i32,
                subject: subject.into(),
                body: body.into(),
                ..Default::default()
            })
            .await?)
    }

    pub async fn send(&self, req: pb::SendRequest) -> Result<pb::Message, Status> {
        self.client
            .clone()
            .send(req)
            .await?
            .into_inner()
            .message
            .ok_or_else(|| Status::internal("no message in response"))
    }

    pub async fn get(&self, message_id: &str) -> anyhow::Result<pb::Message> {
        self.client
            .clone()
            .get_message(pb::GetMessageRequest {
                message_id: message_id.into(),
            })
            .await?
            .into_inner()
            .message
            .context("message")
    }

    /// Waits until the message leaves PENDING/SCHEDULED and returns it.
    pub async fn settled(&self, message_id: &str) -> anyhow::Result<pb::Message> {
        eventually(PATIENCE, || async move {
            let m = self.get(message_id).await?;
            let open = m.status == pb::MessageStatus::Pending as i32
                || m.status == pb::MessageStatus::Scheduled as i32;
            Ok((!open).then_some(m))
        })
        .await
    }

    /// Every stored delivery event of a message, oldest first.
    pub async fn events(&self, message_id: &str) -> anyhow::Result<Vec<pb::DeliveryEvent>> {
        let mut stream = self
            .client
            .clone()
            .watch_deliveries(pb::WatchDeliveriesRequest {
                message_id: message_id.into(),
                include_history: true,
                ..Default::default()
            })
            .await?
            .into_inner();
        let mut events = Vec::new();
        // History arrives first; stop reading once nothing more comes promptly.
        while let Ok(Some(item)) =
            tokio::time::timeout(Duration::from_millis(200), stream.next()).await
        {
            events.push(item?.event.context("event")?);
        }
        Ok(events)
    }

    /// Configures a provider for the default workspace.
    pub async fn provider(&self, config: pb::ProviderConfig) -> Result<pb::ProviderConfig, Status> {
        self.client
            .clone()
            .update_provider_config(pb::UpdateProviderConfigRequest {
                provider_config: Some(config),
            })
            .await?
            .into_inner()
            .provider_config
            .ok_or_else(|| Status::internal("no config"))
    }

    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.halt().await
    }
}

type Booted = (
    SocketAddr,
    Client,
    CancellationToken,
    tokio::task::JoinHandle<Result<(), omni_channel::Error>>,
);

async fn boot(
    settings: &Settings,
    engagement: Option<tokio::net::TcpListener>,
) -> anyhow::Result<Booted> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    // A restart listens again on the engagement address of the settings.
    let engagement = match engagement {
        Some(l) => l,
        None => tokio::net::TcpListener::bind(&settings.delivery.engagement_listen).await?,
    };
    let server = tokio::spawn(omni_channel::run_with(
        settings.clone(),
        listener,
        Some(engagement),
        shutdown.clone(),
    ));
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
    Ok((addr, client, shutdown, server))
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

pub fn key() -> String {
    format!("k-{}", uuid::Uuid::now_v7().simple())
}

/// A send of `template_id` to `customer_id` on `channel` with a fresh key.
pub fn send_on(channel: DeliveryChannel, customer_id: &str, template_id: &str) -> pb::SendRequest {
    pb::SendRequest {
        idempotency_key: key(),
        customer_id: customer_id.into(),
        channel: channel as i32,
        template_id: template_id.into(),
        ..Default::default()
    }
}

pub fn field_violation(status: &Status) -> Option<String> {
    use tonic_types::StatusExt;
    status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
}

pub fn event_types(events: &[pb::DeliveryEvent]) -> Vec<pb::DeliveryEventType> {
    events
        .iter()
        .map(|e| pb::DeliveryEventType::try_from(e.r#type).unwrap_or_default())
        .collect()
}

/// A plain HTTP client (TLS through rustls with ring, as the gateway's).
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(rustls::RootCertStore::empty())
    .with_no_client_auth();
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()?)
}

pub type IdentityClient = omni_proto::identity::v1::identity_service_client::IdentityServiceClient<
    InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, Status>>,
>;

/// The real identity service, in process, on the gateway's Redis with its own database.
pub struct Identity {
    pub addr: SocketAddr,
    pub client: IdentityClient,
    shutdown: CancellationToken,
}

impl Drop for Identity {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

impl Identity {
    async fn start(settings: &Settings) -> anyhow::Result<Self> {
        let mut settings = settings.clone();
        settings.identity.database_url = database_url("identity").await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        tokio::spawn(omni_identity::run(settings, listener, shutdown.clone()));
        let endpoint = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?;
        let channel = eventually(Duration::from_secs(20), || {
            let endpoint = endpoint.clone();
            async move { Ok(endpoint.connect().await.ok()) }
        })
        .await
        .context("identity did not start")?;
        let client = omni_proto::identity::v1::identity_service_client::IdentityServiceClient::with_interceptor(
            channel,
            with_key as fn(Request<()>) -> Result<Request<()>, Status>,
        );
        Ok(Self {
            addr,
            client,
            shutdown,
        })
    }

    /// Tracks a `signup` with `email`; returns the customer identity resolved.
    pub async fn signup(&self, email: &str) -> anyhow::Result<String> {
        use omni_proto::common::v1 as common;
        let response = self
            .client
            .clone()
            .track(omni_proto::identity::v1::TrackRequest {
                event: Some(common::Event {
                    event_id: format!("signup-{email}"),
                    r#type: "signup".into(),
                    identifiers: vec![common::Identifier {
                        r#type: common::IdentifierType::Email as i32,
                        value: email.into(),
                        custom_type: String::new(),
                    }],
                    traits: Some(omni_common::convert::json_to_struct(
                        json!({"first_name": "Ann"}).as_object().context("object")?,
                    )),
                    ..Default::default()
                }),
            })
            .await?
            .into_inner();
        Ok(response.customer_id)
    }

    /// The customer's events of `types`, newest first.
    pub async fn events(
        &self,
        customer_id: &str,
        types: &[&str],
    ) -> anyhow::Result<Vec<omni_proto::common::v1::Event>> {
        Ok(self
            .client
            .clone()
            .list_events(omni_proto::identity::v1::ListEventsRequest {
                customer_id: customer_id.into(),
                types: types.iter().map(|t| (*t).to_owned()).collect(),
                page_size: 500,
                page_token: String::new(),
            })
            .await?
            .into_inner()
            .events
            .into_iter()
            .filter_map(|e| e.event)
            .collect())
    }
}
