//! Harness of the journey scenarios: the whole suite (identity, segment, decisioning,
//! channel-gateway, journey, insights) as separate gRPC servers on a real Redis and real
//! databases, journey and segment under one manual clock, email to the SMTP sink, push
//! and SMS to local FCM and Twilio servers. Tests name customers (`c_1`) and templates
//! (`tpl_welcome`); the harness maps the names to the ids the services assign.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use omni::clients::{ApiKey, Authed};
use omni_common::clock::ManualClock;
use omni_common::config::Settings;
use omni_common::convert::json_to_struct;
use omni_proto::channel::v1 as ch;
use omni_proto::channel::v1::channel_service_client::ChannelServiceClient;
use omni_proto::common::v1::{DeliveryChannel, Event, Identifier, IdentifierType};
use omni_proto::decisioning::v1 as dec;
use omni_proto::identity::v1 as idp;
use omni_proto::journey::v1 as pb;
use omni_proto::journey::v1::journey_service_client::JourneyServiceClient;
use omni_proto::journey::v1::node::Kind;
use omni_testkit::providers::{FcmServer, TwilioServer};
use tonic::transport::Channel;

/// Where the manual clock starts (Tuesday 2023-11-14 22:13:20 UTC).
pub const START_MS: i64 = 1_700_000_000_000;
/// Bound on every "eventually".
pub const PATIENCE: Duration = Duration::from_secs(20);
/// How long a test lets the services run to show that nothing happens.
pub const QUIET: Duration = Duration::from_millis(400);

/// A journey client with the admin key.
pub type Client = JourneyServiceClient<Authed>;
/// A journey client with a key of the test's choosing.
pub type KeyClient = JourneyServiceClient<Authed>;

/// The suite under a manual clock, with provider servers and name maps.
pub struct Harness {
    /// The suite (services, clients, SMTP sink, Redis).
    pub inner: omni_tests::Harness,
    /// The clock journey and segment read.
    pub clock: Arc<ManualClock>,
    /// The effective settings (bound ports).
    pub settings: Settings,
    /// The push provider.
    pub fcm: FcmServer,
    /// The SMS provider.
    pub twilio: TwilioServer,
    /// The offer every `Decide` chooses (`10% off`, content `{"code": "WELCOME10"}`).
    pub offer_id: String,
    /// The proxy every service reaches the channel-gateway through, if started with one.
    pub channel_proxy: Option<crate::netfault::Proxy>,
    /// The channel-gateway, reached directly (never through the proxy).
    channel: ChannelServiceClient<Authed>,
    customers: Mutex<BTreeMap<String, String>>,
    templates: Mutex<BTreeMap<String, String>>,
    phones: AtomicU32,
}

fn object(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

fn ident(kind: IdentifierType, value: &str) -> Identifier {
    Identifier {
        r#type: kind as i32,
        value: value.into(),
        custom_type: String::new(),
    }
}

impl Harness {
    /// Starts the suite, the provider servers, the shared offer and provider configs.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_inner(false).await
    }

    /// [`Harness::start`], with every service reaching the channel-gateway through a
    /// [`crate::netfault::Proxy`] (the test reaches it directly).
    pub async fn start_with_channel_proxy() -> anyhow::Result<Self> {
        Self::start_inner(true).await
    }

    async fn start_inner(proxied: bool) -> anyhow::Result<Self> {
        let clock = Arc::new(ManualClock::new(START_MS));
        let mut proxy = None;
        if proxied {
            // The gateway listens on a port of its own; its URL names the proxy.
            let free = std::net::TcpListener::bind("127.0.0.1:0")?;
            let upstream = free.local_addr()?;
            drop(free);
            let front = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let url = format!("http://{}", front.local_addr()?);
            proxy = Some((front, upstream, url));
        }
        let target = proxy.as_ref().map(|(_, up, url)| (*up, url.clone()));
        let inner = omni_tests::Harness::start_with(Some(clock.clone()), |s| {
            s.worker.poll_interval_ms = 50;
            s.delivery.secrets.insert("fcm".into(), "bearer-1".into());
            s.delivery.secrets.insert("sms".into(), "tok".into());
            if let Some((upstream, url)) = target {
                s.channel.listen = upstream;
                s.channel.url = url;
            }
        })
        .await?;
        let settings = inner.suite.settings().clone();
        let channel_proxy =
            proxy.map(|(front, upstream, _)| crate::netfault::Proxy::start(front, upstream));
        let direct =
            tonic::transport::Endpoint::from_shared(format!("http://{}", settings.channel.listen))?
                .connect_lazy();
        let channel_client =
            ChannelServiceClient::with_interceptor(direct, ApiKey::new(omni_tests::ADMIN_KEY));
        let fcm = FcmServer::start("omni-test", "bearer-1").await?;
        let twilio = TwilioServer::start("AC1", "tok").await?;
        let mut channel = channel_client.clone();
        for config in [
            ch::ProviderConfig {
                channel: DeliveryChannel::Push as i32,
                kind: ch::ProviderKind::Fcm as i32,
                base_url: fcm.base_url(),
                account_id: "omni-test".into(),
                secret_ref: "config:fcm".into(),
                ..Default::default()
            },
            ch::ProviderConfig {
                channel: DeliveryChannel::Sms as i32,
                kind: ch::ProviderKind::Twilio as i32,
                base_url: twilio.base_url(),
                account_id: "AC1".into(),
                sender: "+15550000000".into(),
                secret_ref: "config:sms".into(),
                ..Default::default()
            },
        ] {
            channel
                .update_provider_config(ch::UpdateProviderConfigRequest {
                    provider_config: Some(config),
                })
                .await
                .context("UpdateProviderConfig")?;
        }
        let offer = inner
            .clients
            .decisioning
            .clone()
            .create_offer(dec::CreateOfferRequest {
                offer: Some(dec::Offer {
                    display_name: "10% off".into(),
                    value: 10.0,
                    weight: 1.0,
                    content: Some(json_to_struct(&object(
                        serde_json::json!({"code": "WELCOME10"}),
                    ))),
                    ..Default::default()
                }),
                idempotency_key: "journeys-offer".into(),
            })
            .await
            .context("CreateOffer")?
            .into_inner()
            .offer
            .context("offer")?;
        Ok(Self {
            inner,
            clock,
            settings,
            fcm,
            twilio,
            offer_id: offer.offer_id,
            channel_proxy,
            channel: channel_client,
            customers: Mutex::default(),
            templates: Mutex::default(),
            phones: AtomicU32::new(0),
        })
    }

    /// A journey client with the admin key.
    pub fn client(&self) -> anyhow::Result<Client> {
        Ok(self.inner.clients.journey.clone())
    }

    /// All clients with the admin key.
    pub fn clients(&self) -> omni::clients::Clients {
        self.inner.clients.clone()
    }

    /// A journey client without any key.
    pub fn anonymous_client(&self) -> anyhow::Result<JourneyServiceClient<Channel>> {
        let channel = tonic::transport::Endpoint::from_shared(self.inner.suite.url("journey"))?
            .connect_lazy();
        Ok(JourneyServiceClient::new(channel))
    }

    /// Creates an API key with `role` through identity; returns (key id, journey client).
    pub async fn client_with_role(
        &self,
        name: &str,
        role: idp::Role,
    ) -> anyhow::Result<(String, KeyClient)> {
        let channel = tonic::transport::Endpoint::from_shared(self.inner.suite.url("identity"))?
            .connect_lazy();
        let mut access = idp::access_service_client::AccessServiceClient::with_interceptor(
            channel,
            ApiKey::new(omni_tests::ADMIN_KEY),
        );
        let created = access
            .create_api_key(idp::CreateApiKeyRequest {
                name: name.into(),
                role: role as i32,
            })
            .await
            .context("CreateApiKey")?
            .into_inner();
        let key_id = created.key.context("key")?.key_id;
        let clients = self.inner.clients_with_key(&created.secret)?;
        Ok((key_id, clients.journey))
    }

    /// The customer id a name maps to (the name itself when never seen).
    pub fn id(&self, name: &str) -> String {
        self.customers
            .lock()
            .expect("lock")
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }

    /// Makes `name` refer to customer `id` from now on.
    pub fn alias(&self, name: &str, id: &str) {
        self.customers
            .lock()
            .expect("lock")
            .insert(name.to_owned(), id.to_owned());
    }

    /// Sets traits of customer `name` (found by its email) with a `profile.updated`
    /// event through identity.
    pub async fn set_traits(
        &self,
        name: &str,
        event_id: &str,
        traits: serde_json::Value,
    ) -> anyhow::Result<()> {
        self.track(Event {
            event_id: event_id.into(),
            r#type: "profile.updated".into(),
            identifiers: vec![ident(IdentifierType::Email, &Self::email(name))],
            traits: Some(json_to_struct(&object(traits))),
            time: Some(self.now()),
            ..Default::default()
        })
        .await?;
        Ok(())
    }

    fn email(name: &str) -> String {
        format!("{}@example.com", name.replace('#', "+"))
    }

    /// The test clock's now, as events are stamped with it (the backend's event time).
    fn now(&self) -> prost_types::Timestamp {
        use omni_common::clock::Clock as _;
        omni_common::convert::to_timestamp(self.clock.now_ms())
    }

    async fn track(&self, event: Event) -> anyhow::Result<idp::TrackResponse> {
        Ok(self
            .inner
            .clients
            .identity
            .clone()
            .track(idp::TrackRequest { event: Some(event) })
            .await
            .with_context(|| "Track")?
            .into_inner())
    }

    /// Tracks `event_type` for customer `name` (by its email) with properties
    /// `{"sku": "SKU-1"}`, through identity.
    pub async fn ingest(&self, name: &str, event_id: &str, event_type: &str) -> anyhow::Result<()> {
        self.ingest_with(
            name,
            event_id,
            event_type,
            serde_json::json!({"sku": "SKU-1"}),
        )
        .await
    }

    /// Tracks `event_type` with `properties` for customer `name`, through identity.
    pub async fn ingest_with(
        &self,
        name: &str,
        event_id: &str,
        event_type: &str,
        properties: serde_json::Value,
    ) -> anyhow::Result<()> {
        let resp = self
            .track(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                identifiers: vec![ident(IdentifierType::Email, &Self::email(name))],
                properties: Some(json_to_struct(&object(properties))),
                time: Some(self.now()),
                ..Default::default()
            })
            .await?;
        self.customers
            .lock()
            .expect("lock")
            .entry(name.to_owned())
            .or_insert(resp.customer_id);
        Ok(())
    }

    /// A live profile for `name`: email, phone and a push token, through identity.
    pub async fn seed_profile(&self, name: &str) -> anyhow::Result<String> {
        self.seed_traits(name, serde_json::json!({})).await
    }

    /// A live profile for `name` with `traits` (plus email, phone and push token).
    pub async fn seed_traits(
        &self,
        name: &str,
        traits: serde_json::Value,
    ) -> anyhow::Result<String> {
        let n = self.phones.fetch_add(1, Ordering::SeqCst);
        let phone = format!("+1415555{:04}", n % 10_000);
        self.seed(
            name,
            vec![
                ident(IdentifierType::Email, &Self::email(name)),
                ident(IdentifierType::Phone, &phone),
            ],
            traits,
        )
        .await
    }

    /// A live profile for `name` reachable only by push (a user id and a push token).
    pub async fn seed_app_only(
        &self,
        name: &str,
        traits: serde_json::Value,
    ) -> anyhow::Result<String> {
        self.seed(
            name,
            vec![ident(IdentifierType::UserId, &format!("u-{name}"))],
            traits,
        )
        .await
    }

    async fn seed(
        &self,
        name: &str,
        identifiers: Vec<Identifier>,
        traits: serde_json::Value,
    ) -> anyhow::Result<String> {
        // The push address is the `push_token` trait, which the gateway and
        // decisioning's channel choice read (identity's `push_token.registered` tokens
        // are not read by either).
        let mut traits = object(traits);
        traits.insert("push_token".into(), format!("tok-{name}").into());
        let resp = self
            .track(Event {
                event_id: format!("seed-{name}"),
                r#type: "profile.seeded".into(),
                identifiers,
                traits: Some(json_to_struct(&traits)),
                time: Some(self.now()),
                ..Default::default()
            })
            .await?;
        let id = resp.customer_id;
        self.customers
            .lock()
            .expect("lock")
            .insert(name.to_owned(), id.clone());
        // The profile is live once identity's outbox applied the event.
        let identity = self.inner.clients.identity.clone();
        omni_testkit::eventually(PATIENCE, || {
            let mut identity = identity.clone();
            let id = id.clone();
            let want = traits.clone();
            async move {
                let p = identity
                    .get_profile(idp::GetProfileRequest {
                        customer_id: id,
                        ..Default::default()
                    })
                    .await?
                    .into_inner()
                    .profile
                    .context("profile")?;
                let have = p
                    .traits
                    .as_ref()
                    .map(omni_common::convert::struct_to_json)
                    .unwrap_or_default();
                Ok(want
                    .iter()
                    .all(|(k, v)| have.get(k) == Some(v))
                    .then_some(()))
            }
        })
        .await?;
        Ok(id)
    }

    /// The id of template `name`, creating it (email, with push and SMS variants).
    pub async fn template(&self, name: &str) -> anyhow::Result<String> {
        if let Some(id) = self.templates.lock().expect("lock").get(name) {
            return Ok(id.clone());
        }
        // The body shows the offer the message was sent with, if any.
        let body = format!(
            "{name}: {{% if offer is defined and offer %}}offer={{{{ offer.offer_id }}}}|{{{{ offer.display_name }}}}|\
             {{{{ offer.value }}}}|{{{{ offer.decision_id }}}}|{{{{ offer.content.code }}}}{{% endif %}}"
        );
        let variant = |c: DeliveryChannel| ch::TemplateVariant {
            channel: c as i32,
            locale: String::new(),
            subject: name.to_owned(),
            body: body.clone(),
            html_body: String::new(),
        };
        let created = self
            .channel
            .clone()
            .create_template(ch::CreateTemplateRequest {
                template: Some(ch::Template {
                    display_name: name.into(),
                    channel: DeliveryChannel::Email as i32,
                    subject: name.to_owned(),
                    body: body.clone(),
                    variants: vec![
                        variant(DeliveryChannel::Push),
                        variant(DeliveryChannel::Sms),
                    ],
                    ..Default::default()
                }),
                idempotency_key: format!("tpl-{name}"),
            })
            .await
            .context("CreateTemplate")?
            .into_inner()
            .template
            .context("template")?;
        self.templates
            .lock()
            .expect("lock")
            .insert(name.to_owned(), created.template_id.clone());
        Ok(created.template_id)
    }

    /// The template name of a template id (the id itself when unknown).
    pub fn template_name(&self, id: &str) -> String {
        self.templates
            .lock()
            .expect("lock")
            .iter()
            .find(|(_, v)| v.as_str() == id)
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    /// `journey` with every send's template name replaced by the real template's id
    /// (names starting `tpl_missing` stay: no such template exists).
    pub async fn resolved(&self, mut journey: pb::Journey) -> anyhow::Result<pb::Journey> {
        for n in &mut journey.nodes {
            if let Some(Kind::Send(s)) = n.kind.as_mut()
                && !s.template_id.starts_with("tpl_missing")
                && !s.template_id.is_empty()
            {
                s.template_id = self.template(&s.template_id).await?;
            }
        }
        Ok(journey)
    }

    /// Messages the gateway holds for customer `name`, oldest first.
    pub async fn messages(&self, name: &str) -> anyhow::Result<Vec<ch::Message>> {
        Ok(self
            .channel
            .clone()
            .list_messages(ch::ListMessagesRequest {
                customer_id: self.id(name),
                page_size: 1000,
                ..Default::default()
            })
            .await?
            .into_inner()
            .messages)
    }

    /// Sends made to one customer: (channel, template name), oldest first.
    pub async fn sends_to(&self, name: &str) -> anyhow::Result<Vec<(i32, String)>> {
        Ok(self
            .messages(name)
            .await?
            .iter()
            .map(|m| (m.channel, self.template_name(&m.template_id)))
            .collect())
    }

    /// Events identity holds for customer `name` of run `run_id` (journey facts and
    /// profile updates, ids `run:<run_id>:...`): (type, id), by event time, and among
    /// facts of the same instant in the run's order (entered, then what happened in
    /// the run, then how it ended).
    pub async fn facts_of_run(
        &self,
        name: &str,
        run_id: &str,
    ) -> anyhow::Result<Vec<(String, String)>> {
        let rank = |t: &str| match t {
            "journey.entered" => 0,
            "journey.converted" | "journey.exited" | "journey.completed" | "journey.failed" => 2,
            _ => 1,
        };
        let mut facts: Vec<(i64, i32, String, String)> = self
            .events_of(name)
            .await?
            .into_iter()
            .filter(|e| e.event_id.starts_with(&format!("run:{run_id}:")))
            .map(|e| {
                let t = e
                    .time
                    .as_ref()
                    .map(omni_common::convert::from_timestamp)
                    .unwrap_or_default();
                (t, rank(&e.r#type), e.r#type, e.event_id)
            })
            .collect();
        facts.sort();
        Ok(facts.into_iter().map(|f| (f.2, f.3)).collect())
    }

    /// Every event identity holds for customer `name`, newest first.
    pub async fn events_of(&self, name: &str) -> anyhow::Result<Vec<Event>> {
        let mut identity = self.inner.clients.identity.clone();
        let mut out = Vec::new();
        let mut token = String::new();
        loop {
            let page = identity
                .list_events(idp::ListEventsRequest {
                    customer_id: self.id(name),
                    page_size: 500,
                    page_token: token,
                    ..Default::default()
                })
                .await?
                .into_inner();
            out.extend(page.events.into_iter().filter_map(|e| e.event));
            if page.next_page_token.is_empty() {
                return Ok(out);
            }
            token = page.next_page_token;
        }
    }

    /// The run of one customer in a journey (waits until there is exactly one).
    pub async fn run_of(&self, journey_id: &str, name: &str) -> anyhow::Result<pb::Run> {
        let customer = self.id(name);
        let customer = customer.as_str();
        omni_testkit::eventually(PATIENCE, || async move {
            let runs = self
                .client()?
                .list_runs(pb::ListRunsRequest {
                    journey_id: journey_id.into(),
                    customer_id: customer.into(),
                    page_size: 10,
                    ..Default::default()
                })
                .await?
                .into_inner()
                .runs;
            match runs.as_slice() {
                [run] => Ok(Some(run.clone())),
                _ => Err(anyhow::anyhow!("runs of {customer}: {runs:#?}")),
            }
        })
        .await
    }

    /// Waits until `pred` holds for the customer's only run of the journey.
    pub async fn wait_run_of(
        &self,
        journey_id: &str,
        name: &str,
        what: &str,
        pred: impl Fn(&pb::Run) -> bool,
    ) -> anyhow::Result<pb::Run> {
        let pred = &pred;
        omni_testkit::eventually(PATIENCE, || async move {
            let run = self.run_of(journey_id, name).await?;
            if pred(&run) {
                Ok(Some(run))
            } else {
                Err(anyhow::anyhow!("waiting for {what}: {run:#?}"))
            }
        })
        .await
    }

    /// `GetRun` with steps.
    pub async fn get_run(&self, run_id: &str) -> anyhow::Result<pb::Run> {
        self.client()?
            .get_run(pb::GetRunRequest {
                run_id: run_id.into(),
            })
            .await?
            .into_inner()
            .run
            .context("run")
    }

    /// Creates (with real template ids) and publishes a journey; returns its id.
    pub async fn create_published(&self, journey: pb::Journey) -> anyhow::Result<String> {
        let journey = self.resolved(journey).await?;
        let mut client = self.client()?;
        let created = client
            .create_journey(pb::CreateJourneyRequest {
                journey: Some(journey),
                idempotency_key: String::new(),
            })
            .await?
            .into_inner()
            .journey
            .context("journey")?;
        let published = client
            .publish_journey(pb::PublishJourneyRequest {
                journey_id: created.journey_id.clone(),
            })
            .await?
            .into_inner()
            .journey
            .context("journey")?;
        anyhow::ensure!(published.published_version == 1);
        Ok(created.journey_id)
    }

    /// Runs of a journey (first page of up to 1000).
    pub async fn runs(&self, journey_id: &str) -> anyhow::Result<Vec<pb::Run>> {
        Ok(self
            .client()?
            .list_runs(pb::ListRunsRequest {
                journey_id: journey_id.into(),
                page_size: 1000,
                ..Default::default()
            })
            .await?
            .into_inner()
            .runs)
    }

    /// Waits until the journey has exactly one run and `pred` holds for it.
    pub async fn wait_for_run(
        &self,
        journey_id: &str,
        what: &str,
        pred: impl Fn(&pb::Run) -> bool,
    ) -> anyhow::Result<pb::Run> {
        let pred = &pred;
        omni_testkit::eventually(PATIENCE, || async move {
            let runs = self.runs(journey_id).await?;
            match runs.as_slice() {
                [run] if pred(run) => Ok(Some(run.clone())),
                _ => Err(anyhow::anyhow!("waiting for {what}; runs: {runs:#?}")),
            }
        })
        .await
    }

    /// A decision as decisioning logged it.
    pub async fn decision(&self, decision_id: &str) -> anyhow::Result<dec::Decision> {
        self.inner
            .clients
            .decisioning
            .clone()
            .get_decision(dec::GetDecisionRequest {
                decision_id: decision_id.into(),
            })
            .await?
            .into_inner()
            .decision
            .context("decision")
    }

    /// Runs a count query on the journey database for workspace `default`.
    pub async fn count_journey_rows(&self, sql: &str) -> anyhow::Result<i64> {
        use sea_orm::ConnectionTrait as _;
        let db = omni_storage::connect(&self.settings.journey.database_url).await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                sql,
                ["default".into()],
            ))
            .await?
            .ok_or_else(|| anyhow::anyhow!("no count row"))?;
        Ok(row.try_get::<i64>("", "n")?)
    }

    /// Stops the suite.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.inner.stop().await
    }
}

/// A node.
pub fn node(id: &str, next: &str, kind: Kind) -> pb::Node {
    pb::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    }
}

/// An entry node kind.
pub fn entry(event_type: &str) -> Kind {
    Kind::Entry(pb::EntryNode {
        event_type: event_type.into(),
        ..Default::default()
    })
}

/// A wait node kind.
pub fn wait(seconds: i64) -> Kind {
    Kind::Wait(pb::WaitNode {
        duration: Some(prost_types::Duration { seconds, nanos: 0 }),
        ..Default::default()
    })
}

/// A decide node kind with context `{"placement": "email"}`.
pub fn decide() -> Kind {
    Kind::Decide(pb::DecideNode {
        context: serde_json::json!({"placement": "email"})
            .as_object()
            .map(json_to_struct),
    })
}

/// An email send node kind (template by name; see [`Harness::resolved`]).
pub fn send_email(template: &str) -> Kind {
    Kind::Send(pb::SendNode {
        channel: DeliveryChannel::Email as i32,
        template_id: template.into(),
        ..Default::default()
    })
}

/// entry(order_placed) → wait 1h → decide → send email `tpl_welcome`.
pub fn welcome_journey() -> pb::Journey {
    pb::Journey {
        display_name: "Welcome".into(),
        nodes: vec![
            node("in", "wait", entry("order_placed")),
            node("wait", "pick", wait(3600)),
            node("pick", "send", decide()),
            node("send", "", send_email("tpl_welcome")),
        ],
        ..Default::default()
    }
}

/// The `RunState` of a run.
pub fn state(run: &pb::Run) -> pb::RunState {
    pb::RunState::try_from(run.state).unwrap_or(pb::RunState::Unspecified)
}

/// A top-level field of the run context as JSON.
pub fn ctx(run: &pb::Run, key: &str) -> serde_json::Value {
    run.context
        .as_ref()
        .map(omni_common::convert::struct_to_json)
        .and_then(|m| m.get(key).cloned())
        .unwrap_or(serde_json::Value::Null)
}
