//! The identity service end to end: a real Redis, a fresh database, the server from
//! `omni_identity::run` on an ephemeral port, and a client with the test admin key.

use std::time::Duration;

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{
    DeliveryChannel, Event, EventIngested, Identifier, IdentifierType, SourceChannel,
};
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::identity::v1::{
    GetMergeHistoryRequest, GetProfileRequest, Profile, TrackRequest, TrackResponse,
    UpdateConsentRequest,
};
use omni_testkit::RedisServer;
use prost_types::value::Kind;
use sea_orm::ConnectionTrait;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tonic::service::Interceptor;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

type Client =
    IdentityServiceClient<tonic::service::interceptor::InterceptedService<Channel, ApiKey>>;

#[derive(Clone)]
struct ApiKey(Option<&'static str>);

impl Interceptor for ApiKey {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        if let Some(key) = self.0 {
            let value = format!("Bearer {key}")
                .parse()
                .map_err(|_| Status::internal("bad key"))?;
            req.metadata_mut().insert("authorization", value);
        }
        Ok(req)
    }
}

struct Suite {
    redis: RedisServer,
    db_url: String,
    addr: std::net::SocketAddr,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_identity::Error>>,
}

impl Suite {
    async fn start() -> anyhow::Result<Self> {
        let redis = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        let db_url = omni_testkit::database_url("identity").await?;
        settings.identity.database_url = db_url.clone();
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_identity::run(settings, listener, shutdown.clone()));
        Ok(Self {
            redis,
            db_url,
            addr,
            shutdown,
            server,
        })
    }

    fn client_with(&self, key: Option<&'static str>) -> anyhow::Result<Client> {
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{}", self.addr))?
            .connect_lazy();
        Ok(IdentityServiceClient::with_interceptor(
            channel,
            ApiKey(key),
        ))
    }

    fn client(&self) -> anyhow::Result<Client> {
        self.client_with(Some("test-admin-key"))
    }

    async fn db(&self) -> anyhow::Result<omni_storage::Db> {
        Ok(omni_storage::connect(&self.db_url).await?)
    }

    /// Rows in `table` for the test workspace.
    async fn count(&self, table: &str) -> anyhow::Result<i64> {
        let db = self.db().await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                &format!("SELECT COUNT(*) AS n FROM {table} WHERE workspace_id = $1"),
                ["default".into()],
            ))
            .await?
            .context("count row")?;
        Ok(row.try_get::<i64>("", "n")?)
    }

    async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(20), self.server).await???;
        drop(self.redis);
        Ok(())
    }
}

fn id(kind: IdentifierType, value: &str) -> Identifier {
    Identifier {
        r#type: kind as i32,
        value: value.into(),
    }
}

fn email(v: &str) -> Identifier {
    id(IdentifierType::Email, v)
}

fn phone(v: &str) -> Identifier {
    id(IdentifierType::Phone, v)
}

fn user(v: &str) -> Identifier {
    id(IdentifierType::UserId, v)
}

fn event(event_id: &str, kind: &str, ids: Vec<Identifier>) -> Event {
    Event {
        event_id: event_id.into(),
        r#type: kind.into(),
        identifiers: ids,
        source: SourceChannel::Web as i32,
        ..Default::default()
    }
}

fn traits(pairs: &[(&str, serde_json::Value)]) -> prost_types::Struct {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    omni_common::convert::json_to_struct(&map)
}

async fn track(client: &mut Client, ev: Event) -> anyhow::Result<TrackResponse> {
    Ok(client
        .track(TrackRequest { event: Some(ev) })
        .await?
        .into_inner())
}

async fn profile(client: &mut Client, customer_id: &str) -> anyhow::Result<Profile> {
    client
        .get_profile(GetProfileRequest {
            customer_id: customer_id.into(),
        })
        .await?
        .into_inner()
        .profile
        .context("profile in response")
}

fn trait_str(p: &Profile, key: &str) -> Option<String> {
    match p.traits.as_ref()?.fields.get(key)?.kind.as_ref()? {
        Kind::StringValue(s) => Some(s.clone()),
        _ => None,
    }
}

fn bad_field(status: &Status) -> String {
    status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
        .unwrap_or_default()
}

#[tokio::test]
async fn track_creates_a_profile_with_traits() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut ev = event("e-1", "signup", vec![email("ann@example.com"), user("u-1")]);
    ev.traits = Some(traits(&[("first_name", "Ann".into()), ("age", 31.into())]));
    ev.time = Some(omni_common::convert::to_timestamp(1_700_000_000_000));
    let r = track(&mut c, ev).await?;
    assert!(r.created && !r.duplicate && r.merged_customer_ids.is_empty());
    assert!(r.customer_id.starts_with("c_"), "{}", r.customer_id);

    let p = profile(&mut c, &r.customer_id).await?;
    assert_eq!(p.customer_id, r.customer_id);
    assert_eq!(trait_str(&p, "first_name").as_deref(), Some("Ann"));
    assert_eq!(p.event_counts.get("signup"), Some(&1));
    assert_eq!(p.identifiers.len(), 2, "{:?}", p.identifiers);
    assert_eq!(
        p.first_seen_time
            .as_ref()
            .map(omni_common::convert::from_timestamp),
        Some(1_700_000_000_000)
    );
    assert!(p.last_seen_time.is_some());

    // A second event for the same person updates the same profile.
    let mut ev = event("e-2", "purchase", vec![user("u-1")]);
    ev.traits = Some(traits(&[("first_name", "Annie".into())]));
    let r2 = track(&mut c, ev).await?;
    assert_eq!(r2.customer_id, r.customer_id);
    assert!(!r2.created);
    let p = profile(&mut c, &r.customer_id).await?;
    assert_eq!(trait_str(&p, "first_name").as_deref(), Some("Annie"));
    assert_eq!(p.event_counts.get("purchase"), Some(&1));

    let missing = c
        .get_profile(GetProfileRequest {
            customer_id: "c_nobody".into(),
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(missing.code(), Code::NotFound);
    suite.stop().await
}

#[tokio::test]
async fn a_repeated_event_id_is_a_duplicate_and_changes_nothing() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let ev = event("dup-1", "page_view", vec![email("dup@example.com")]);
    let first = track(&mut c, ev.clone()).await?;
    let second = track(&mut c, ev).await?;
    assert!(!first.duplicate);
    assert!(second.duplicate);
    assert_eq!(second.customer_id, first.customer_id);
    assert!(second.created, "the first result is returned unchanged");
    assert_eq!(suite.count("events").await?, 1);
    assert_eq!(suite.count("customers").await?, 1);
    let p = profile(&mut c, &first.customer_id).await?;
    assert_eq!(
        p.event_counts.get("page_view"),
        Some(&1),
        "counts not doubled"
    );
    suite.stop().await
}

#[tokio::test]
async fn emails_are_normalised_and_matched() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let a = track(
        &mut c,
        event("n-1", "signup", vec![email("  Ann@Example.COM ")]),
    )
    .await?;
    let b = track(
        &mut c,
        event("n-2", "login", vec![email("ann@example.com")]),
    )
    .await?;
    assert_eq!(a.customer_id, b.customer_id);
    assert!(!b.created);
    let p = profile(&mut c, &a.customer_id).await?;
    assert_eq!(p.identifiers, vec![email("ann@example.com")]);
    let c2 = track(
        &mut c,
        event("n-3", "login", vec![phone("+44 20 7946 0958")]),
    )
    .await?;
    let p = profile(&mut c, &c2.customer_id).await?;
    assert_eq!(p.identifiers, vec![phone("+442079460958")]);
    suite.stop().await
}

#[tokio::test]
async fn an_event_linking_two_profiles_merges_them() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut ev = event("m-1", "signup", vec![email("kim@example.com")]);
    ev.traits = Some(traits(&[("name", "Kim".into()), ("tier", "gold".into())]));
    let older = track(&mut c, ev).await?;
    let mut ev = event("m-2", "app_open", vec![phone("+14155552671")]);
    ev.traits = Some(traits(&[("city", "Oslo".into())]));
    let newer = track(&mut c, ev).await?;
    assert_ne!(older.customer_id, newer.customer_id);
    c.update_consent(UpdateConsentRequest {
        customer_id: newer.customer_id.clone(),
        channel: DeliveryChannel::Sms as i32,
        granted: true,
        idempotency_key: String::new(),
    })
    .await?;

    let linked = track(
        &mut c,
        event(
            "m-3",
            "purchase",
            vec![phone("+1 415 555 2671"), email("KIM@example.com")],
        ),
    )
    .await?;
    assert_eq!(
        linked.customer_id, older.customer_id,
        "the oldest profile survives"
    );
    assert_eq!(linked.merged_customer_ids, vec![newer.customer_id.clone()]);

    let via_old_id = profile(&mut c, &newer.customer_id).await?;
    assert_eq!(
        via_old_id.customer_id, older.customer_id,
        "a merged-away id resolves to the survivor"
    );
    assert_eq!(trait_str(&via_old_id, "name").as_deref(), Some("Kim"));
    assert_eq!(trait_str(&via_old_id, "city").as_deref(), Some("Oslo"));
    assert_eq!(via_old_id.event_counts.get("signup"), Some(&1));
    assert_eq!(via_old_id.event_counts.get("app_open"), Some(&1));
    assert_eq!(via_old_id.event_counts.get("purchase"), Some(&1));
    assert_eq!(via_old_id.identifiers.len(), 2);
    assert!(
        via_old_id
            .consents
            .iter()
            .any(|k| k.channel == DeliveryChannel::Sms as i32 && k.granted),
        "consent follows the merge: {:?}",
        via_old_id.consents
    );

    let history = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: older.customer_id.clone(),
        })
        .await?
        .into_inner()
        .merges;
    assert_eq!(history.len(), 1);
    let m = &history[0];
    assert_eq!(m.customer_id, older.customer_id);
    assert_eq!(m.merged_customer_id, newer.customer_id);
    assert_eq!(m.rule, "shared-identifier");
    assert_eq!(m.event_id, "m-3");
    assert_eq!(m.actor, "bootstrap");
    assert_eq!(m.identifiers.len(), 2, "{:?}", m.identifiers);
    assert!(m.create_time.is_some());
    // The merged-away id answers with the survivor's history too.
    let via_old = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: newer.customer_id.clone(),
        })
        .await?
        .into_inner()
        .merges;
    assert_eq!(via_old, history);

    // Later events for either identifier land on the survivor.
    let later = track(&mut c, event("m-4", "login", vec![phone("+14155552671")])).await?;
    assert_eq!(later.customer_id, older.customer_id);
    assert_eq!(suite.count("merges").await?, 1);
    suite.stop().await
}

#[tokio::test]
async fn two_user_ids_are_never_merged() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let a = track(
        &mut c,
        event("c-1", "signup", vec![user("u-1"), email("a@example.com")]),
    )
    .await?;
    let b = track(
        &mut c,
        event("c-2", "signup", vec![user("u-2"), email("b@example.com")]),
    )
    .await?;
    let r = track(
        &mut c,
        event(
            "c-3",
            "shared_device",
            vec![email("a@example.com"), email("b@example.com")],
        ),
    )
    .await?;
    assert!(r.merged_customer_ids.is_empty(), "no merge across user_ids");
    assert_eq!(
        r.customer_id, a.customer_id,
        "the first highest-priority match wins"
    );
    assert_eq!(suite.count("merges").await?, 0);
    assert_eq!(suite.count("conflicts").await?, 1);
    let pb = profile(&mut c, &b.customer_id).await?;
    assert_eq!(pb.customer_id, b.customer_id, "b keeps its own profile");
    assert!(!pb.event_counts.contains_key("shared_device"));

    // A new user_id with a's email: the user_id starts its own customer.
    let r = track(
        &mut c,
        event("c-4", "signup", vec![user("u-3"), email("a@example.com")]),
    )
    .await?;
    assert!(r.created);
    assert_ne!(r.customer_id, a.customer_id);
    assert_eq!(suite.count("conflicts").await?, 2);
    let pa = profile(&mut c, &a.customer_id).await?;
    assert!(!pa.identifiers.contains(&user("u-3")));
    let p3 = profile(&mut c, &r.customer_id).await?;
    assert_eq!(p3.identifiers, vec![user("u-3")]);
    suite.stop().await
}

#[tokio::test]
async fn bad_input_is_rejected_naming_the_field_and_stores_nothing() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let ok = track(
        &mut c,
        event("v-1", "signup", vec![email("val@example.com")]),
    )
    .await?;

    let cases: Vec<(Option<Event>, &str)> = vec![
        (None, "event"),
        (
            Some(event("", "signup", vec![email("val@example.com")])),
            "event.event_id",
        ),
        (
            Some(event("v-2", "", vec![email("val@example.com")])),
            "event.type",
        ),
        (Some(event("v-3", "signup", vec![])), "event.identifiers"),
        (
            Some(event(
                "v-4",
                "signup",
                vec![email("val@example.com"), email("not-an-email")],
            )),
            "event.identifiers[1].value",
        ),
        (
            Some(event(
                "v-5",
                "signup",
                vec![email("val@example.com"), phone("12345")],
            )),
            "event.identifiers[1].value",
        ),
        (
            Some(event(
                "v-6",
                "signup",
                vec![id(IdentifierType::Unspecified, "x")],
            )),
            "event.identifiers[0].type",
        ),
        (
            Some(event("v-7", "signup", vec![user(&"x".repeat(300))])),
            "event.identifiers[0].value",
        ),
    ];
    for (ev, field) in cases {
        let err = c.track(TrackRequest { event: ev }).await.expect_err(field);
        assert_eq!(err.code(), Code::InvalidArgument, "{field}: {err:?}");
        assert_eq!(bad_field(&err), field);
        assert!(err.message().contains(field), "{}", err.message());
    }
    assert_eq!(suite.count("events").await?, 1);
    assert_eq!(suite.count("customers").await?, 1);
    assert_eq!(suite.count("identifiers").await?, 1);
    let p = profile(&mut c, &ok.customer_id).await?;
    assert_eq!(p.event_counts.len(), 1);
    assert_eq!(p.event_counts.get("signup"), Some(&1));

    let err = c
        .get_profile(GetProfileRequest {
            customer_id: " ".into(),
        })
        .await
        .expect_err("empty id");
    assert_eq!(bad_field(&err), "customer_id");
    let err = c
        .update_consent(UpdateConsentRequest {
            customer_id: ok.customer_id.clone(),
            channel: DeliveryChannel::Unspecified as i32,
            granted: true,
            idempotency_key: String::new(),
        })
        .await
        .expect_err("no channel");
    assert_eq!(bad_field(&err), "channel");
    suite.stop().await
}

#[tokio::test]
async fn calls_without_a_valid_api_key_are_unauthenticated() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    for key in [None, Some("wrong-key")] {
        let mut c = suite.client_with(key)?;
        let err = c
            .track(TrackRequest {
                event: Some(event("a-1", "signup", vec![email("auth@example.com")])),
            })
            .await
            .expect_err("no key");
        assert_eq!(err.code(), Code::Unauthenticated, "{key:?}: {err:?}");
    }
    assert_eq!(suite.count("events").await?, 0);
    suite.stop().await
}

#[tokio::test]
async fn accepted_events_are_published_on_the_bus() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let r = track(
        &mut c,
        event("b-1", "purchase", vec![email(" Bus@Example.com")]),
    )
    .await?;
    track(
        &mut c,
        event("b-1", "purchase", vec![email("bus@example.com")]),
    )
    .await?;

    let bus = omni_bus::Bus::connect(&suite.redis.url).await?;
    let (tx, mut rx) = mpsc::unbounded_channel::<EventIngested>();
    let stop = CancellationToken::new();
    let consumer = tokio::spawn(omni_bus::consume(
        bus,
        omni_bus::Topic::EventIngested,
        omni_bus::ConsumerOptions::new("identity-test", "c1"),
        stop.clone(),
        move |delivery: omni_bus::Delivery| {
            let tx = tx.clone();
            async move {
                let msg = delivery
                    .decode::<EventIngested>()
                    .map_err(|e| e.to_string())?;
                tx.send(msg).map_err(|e| e.to_string())
            }
        },
    ));
    let msg = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await?
        .context("one message")?;
    assert_eq!(msg.workspace_id, "default");
    assert_eq!(msg.customer_id, r.customer_id);
    let ev = msg.event.context("event")?;
    assert_eq!(ev.event_id, "b-1");
    assert_eq!(ev.identifiers, vec![email("bus@example.com")]);
    assert_eq!(ev.source, SourceChannel::Web as i32);
    // The duplicate was not published again.
    assert!(
        tokio::time::timeout(Duration::from_millis(500), rx.recv())
            .await
            .is_err()
    );
    stop.cancel();
    consumer.await??;
    suite.stop().await
}

#[tokio::test]
async fn consent_updates_show_in_the_profile_and_retries_are_idempotent() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let r = track(
        &mut c,
        event("k-1", "signup", vec![email("consent@example.com")]),
    )
    .await?;
    let req = UpdateConsentRequest {
        customer_id: r.customer_id.clone(),
        channel: DeliveryChannel::Email as i32,
        granted: true,
        idempotency_key: "consent-1".into(),
    };
    let first = c
        .update_consent(req.clone())
        .await?
        .into_inner()
        .consent
        .context("consent")?;
    assert_eq!(first.channel, DeliveryChannel::Email as i32);
    assert!(first.granted);
    tokio::time::sleep(Duration::from_millis(5)).await;
    let retry = c
        .update_consent(req.clone())
        .await?
        .into_inner()
        .consent
        .context("consent")?;
    assert_eq!(retry, first, "a retry returns the stored consent");
    assert_eq!(suite.count("consents").await?, 1);

    let p = profile(&mut c, &r.customer_id).await?;
    let email_consent = p
        .consents
        .iter()
        .find(|k| k.channel == DeliveryChannel::Email as i32)
        .context("email consent in profile")?;
    assert!(email_consent.granted);
    assert_eq!(email_consent.update_time, first.update_time);

    let revoke = UpdateConsentRequest {
        granted: false,
        idempotency_key: String::new(),
        ..req.clone()
    };
    c.update_consent(revoke).await?;
    let p = profile(&mut c, &r.customer_id).await?;
    assert!(
        p.consents
            .iter()
            .any(|k| k.channel == DeliveryChannel::Email as i32 && !k.granted)
    );

    let reused = c
        .update_consent(UpdateConsentRequest {
            channel: DeliveryChannel::Push as i32,
            ..req
        })
        .await
        .expect_err("key reused for another request");
    assert_eq!(reused.code(), Code::FailedPrecondition);

    let unknown = c
        .update_consent(UpdateConsentRequest {
            customer_id: "c_nobody".into(),
            channel: DeliveryChannel::Sms as i32,
            granted: true,
            idempotency_key: String::new(),
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(unknown.code(), Code::NotFound);
    suite.stop().await
}

#[tokio::test]
async fn concurrent_tracks_resolve_to_one_customer_and_accept_an_event_once() -> anyhow::Result<()>
{
    let suite = Suite::start().await?;
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..8 {
        let mut c = suite.client()?;
        calls.spawn(async move {
            track(
                &mut c,
                event(
                    &format!("race-{i}"),
                    "visit",
                    vec![email("race@example.com")],
                ),
            )
            .await
        });
    }
    for _ in 0..8 {
        let mut c = suite.client()?;
        calls.spawn(async move {
            track(
                &mut c,
                event("same-event", "visit", vec![email("race@example.com")]),
            )
            .await
        });
    }
    let results = calls
        .join_all()
        .await
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?;
    let customers: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(customers.len(), 1, "{results:?}");
    assert_eq!(
        results.iter().filter(|r| r.created).count(),
        1 + results.iter().filter(|r| r.duplicate && r.created).count()
    );
    assert_eq!(
        results.iter().filter(|r| !r.duplicate).count(),
        9,
        "8 distinct events + the shared one once"
    );
    assert_eq!(suite.count("customers").await?, 1);
    assert_eq!(suite.count("events").await?, 9);
    let mut c = suite.client()?;
    let p = profile(&mut c, customers.first().copied().unwrap_or_default()).await?;
    assert_eq!(p.event_counts.get("visit"), Some(&9));
    suite.stop().await
}
