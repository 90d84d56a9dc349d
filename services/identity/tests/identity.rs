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
        custom_type: String::new(),
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
            ..Default::default()
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
            ..Default::default()
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
        ..Default::default()
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
            ..Default::default()
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
            ..Default::default()
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
        ..Default::default()
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
            ..Default::default()
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

// ---- identity rules, limits, batches, timelines, merges, privacy, consent -----------

use omni_proto::identity::v1::{
    ConsentPurpose, EraseCustomerRequest, ExportCustomerRequest, GetIdentityRulesRequest,
    IdentifierTypeRule, IdentityRules, ListConflictsRequest, ListConsentHistoryRequest,
    ListEventsRequest, MergeCustomersRequest, Normalization, TrackBatchRequest, UnmergeRequest,
    UpdateGlobalUnsubscribeRequest, UpdateIdentityRulesRequest, track_result,
};

fn custom(kind: &str, value: &str) -> Identifier {
    Identifier {
        r#type: IdentifierType::Custom as i32,
        value: value.into(),
        custom_type: kind.into(),
    }
}

fn anon(v: &str) -> Identifier {
    id(IdentifierType::AnonymousId, v)
}

async fn rules(c: &mut Client) -> anyhow::Result<IdentityRules> {
    c.get_identity_rules(GetIdentityRulesRequest {})
        .await?
        .into_inner()
        .rules
        .context("rules")
}

/// Sets one type's rule (keeping the others) and the guardrails.
async fn set_rules(
    c: &mut Client,
    edit: impl FnOnce(&mut IdentityRules),
) -> anyhow::Result<IdentityRules> {
    let mut r = rules(c).await?;
    edit(&mut r);
    c.update_identity_rules(UpdateIdentityRulesRequest {
        rules: Some(r),
        update_mask: None,
    })
    .await?
    .into_inner()
    .rules
    .context("rules")
}

fn rule_of<'a>(r: &'a mut IdentityRules, name: &str) -> &'a mut IdentifierTypeRule {
    r.identifier_types
        .iter_mut()
        .find(|t| t.name == name)
        .expect("type rule")
}

#[tokio::test]
async fn identity_rules_are_read_updated_and_validated() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let defaults = rules(&mut c).await?;
    assert_eq!(defaults.max_identifiers_per_profile, 50);
    assert_eq!(defaults.identifier_types[0].name, "user_id");
    assert_eq!(defaults.identifier_types[0].max_per_profile, 1);
    assert!(defaults.update_time.is_none());
    let names: Vec<&str> = defaults
        .identifier_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    for built_in in [
        "user_id",
        "email",
        "phone",
        "loyalty_id",
        "device_id",
        "anonymous_id",
    ] {
        assert!(names.contains(&built_in), "{names:?}");
    }

    let updated = set_rules(&mut c, |r| {
        r.identifier_types.push(IdentifierTypeRule {
            name: "member_no".into(),
            priority: 100,
            max_per_profile: 1,
            blocked_values: vec![" NONE ".into()],
            normalization: Normalization::Lowercase as i32,
        });
        rule_of(r, "email").blocked_values = vec!["Test@Test.com".into()];
        r.default_phone_region = "gb".into();
    })
    .await?;
    assert_eq!(updated.default_phone_region, "GB");
    assert!(updated.update_time.is_some());
    let mut again = rules(&mut c).await?;
    assert_eq!(again, updated);
    assert_eq!(
        rule_of(&mut again, "member_no").blocked_values,
        vec!["none"]
    );
    assert_eq!(
        rule_of(&mut again, "email").blocked_values,
        vec!["test@test.com"]
    );

    // A custom type is accepted once defined, normalised by its rule.
    let r = track(
        &mut c,
        event(
            "r-1",
            "signup",
            vec![custom("member_no", " AB-12 "), phone("020 7946 0958")],
        ),
    )
    .await?;
    let p = profile(&mut c, &r.customer_id).await?;
    assert!(
        p.identifiers.contains(&custom("member_no", "ab-12")),
        "{p:?}"
    );
    assert!(p.identifiers.contains(&phone("+442079460958")), "{p:?}");

    // Only the masked field changes.
    let masked = c
        .update_identity_rules(UpdateIdentityRulesRequest {
            rules: Some(IdentityRules {
                max_identifiers_per_profile: 7,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["max_identifiers_per_profile".into()],
            }),
        })
        .await?
        .into_inner()
        .rules
        .context("rules")?;
    assert_eq!(masked.max_identifiers_per_profile, 7);
    assert_eq!(masked.identifier_types, updated.identifier_types);

    type Edit = Box<dyn Fn(&mut IdentityRules)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|r| r.identifier_types[1].priority = r.identifier_types[0].priority),
            "rules.identifier_types[1].priority",
        ),
        (
            Box::new(|r| r.identifier_types[0].name = "Not Valid".into()),
            "rules.identifier_types[0].name",
        ),
        (
            Box::new(|r| r.max_identifiers_per_profile = 0),
            "rules.max_identifiers_per_profile",
        ),
        (
            Box::new(|r| r.default_phone_region = "ZZ".into()),
            "rules.default_phone_region",
        ),
    ];
    for (edit, field) in cases {
        let mut r = masked.clone();
        edit(&mut r);
        let err = c
            .update_identity_rules(UpdateIdentityRulesRequest {
                rules: Some(r),
                update_mask: None,
            })
            .await
            .expect_err(field);
        assert_eq!(err.code(), Code::InvalidArgument, "{field}: {err:?}");
        assert_eq!(bad_field(&err), field);
    }
    assert_eq!(
        rules(&mut c).await?,
        masked,
        "a refused update changes nothing"
    );

    let err = c
        .track(TrackRequest {
            event: Some(event("r-2", "x", vec![custom("unknown_type", "1")])),
        })
        .await
        .expect_err("undefined custom type");
    assert_eq!(bad_field(&err), "event.identifiers[0].custom_type");
    suite.stop().await
}

#[tokio::test]
async fn blocked_values_are_never_matched_nor_stored() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    set_rules(&mut c, |r| {
        rule_of(r, "email").blocked_values = vec!["test@test.com".into()];
    })
    .await?;
    let a = track(
        &mut c,
        event(
            "b-1",
            "signup",
            vec![email("Test@Test.com"), phone("+14155552671")],
        ),
    )
    .await?;
    let b = track(
        &mut c,
        event(
            "b-2",
            "signup",
            vec![email("test@test.com"), phone("+14155552672")],
        ),
    )
    .await?;
    assert_ne!(a.customer_id, b.customer_id, "a blocked value links nobody");
    assert!(b.merged_customer_ids.is_empty());
    assert_eq!(a.ignored_identifiers, vec![email("test@test.com")]);
    let p = profile(&mut c, &a.customer_id).await?;
    assert_eq!(p.identifiers, vec![phone("+14155552671")]);
    assert_eq!(suite.count("identifiers").await?, 2);

    let err = c
        .track(TrackRequest {
            event: Some(event("b-3", "signup", vec![email("test@test.com")])),
        })
        .await
        .expect_err("only blocked identifiers");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(bad_field(&err), "event.identifiers");
    assert_eq!(suite.count("events").await?, 2);
    suite.stop().await
}

#[tokio::test]
async fn a_merge_over_a_limit_is_refused_and_the_conflict_recorded() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    set_rules(&mut c, |r| {
        rule_of(r, "email").max_per_profile = 2;
        r.max_identifiers_per_profile = 4;
    })
    .await?;
    let a = track(
        &mut c,
        event(
            "l-1",
            "signup",
            vec![email("a1@example.com"), email("a2@example.com")],
        ),
    )
    .await?;
    let b = track(
        &mut c,
        event(
            "l-2",
            "signup",
            vec![email("b1@example.com"), phone("+14155552671")],
        ),
    )
    .await?;
    let linked = track(
        &mut c,
        event(
            "l-3",
            "purchase",
            vec![email("a1@example.com"), email("b1@example.com")],
        ),
    )
    .await?;
    assert!(linked.merged_customer_ids.is_empty(), "three emails > 2");
    assert_eq!(
        linked.customer_id, a.customer_id,
        "the first highest-priority match"
    );
    assert!(!linked.conflict_id.is_empty());
    assert_eq!(suite.count("merges").await?, 0);
    let pb = profile(&mut c, &b.customer_id).await?;
    assert_eq!(pb.customer_id, b.customer_id);

    let conflicts = c
        .list_conflicts(ListConflictsRequest {
            customer_id: a.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .conflicts;
    assert_eq!(conflicts.len(), 1);
    let k = &conflicts[0];
    assert_eq!(k.conflict_id, linked.conflict_id);
    assert_eq!(k.rule, "max_per_profile:email");
    assert_eq!(k.event_id, "l-3");
    assert_eq!(k.other_customer_ids, vec![b.customer_id.clone()]);
    assert!(k.reason.contains("limit is 2"), "{}", k.reason);
    let history = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: a.customer_id.clone(),
        })
        .await?
        .into_inner();
    assert!(history.merges.is_empty());
    assert_eq!(history.conflicts, conflicts);

    // The guardrail: a fifth identifier is not attached; the event still lands.
    let r = track(
        &mut c,
        event(
            "l-4",
            "visit",
            vec![email("a1@example.com"), anon("x1"), anon("x2"), anon("x3")],
        ),
    )
    .await?;
    assert_eq!(r.customer_id, a.customer_id);
    assert_eq!(r.ignored_identifiers.len(), 1, "{r:?}");
    let pa = profile(&mut c, &a.customer_id).await?;
    assert_eq!(pa.identifiers.len(), 4, "{:?}", pa.identifiers);
    assert_eq!(pa.event_counts.get("visit"), Some(&1));
    let all = c
        .list_conflicts(ListConflictsRequest::default())
        .await?
        .into_inner()
        .conflicts;
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].rule, "max_identifiers_per_profile", "newest first");
    suite.stop().await
}

#[tokio::test]
async fn track_batch_reports_a_result_per_event() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut big = event("t-4", "view", vec![email("t@example.com")]);
    big.properties = Some(traits(&[("blob", "x".repeat(40 * 1024).into())]));
    let events = vec![
        event("t-1", "signup", vec![email("t@example.com")]),
        event("t-2", "signup", vec![email("not-an-email")]),
        event("t-1", "signup", vec![email("t@example.com")]),
        big,
        event("t-5", "view", vec![email("T@example.com")]),
    ];
    let r = c
        .track_batch(TrackBatchRequest { events })
        .await?
        .into_inner();
    assert_eq!((r.accepted_count, r.failed_count), (3, 2));
    assert_eq!(r.results.len(), 5);
    let accepted = |i: usize| match &r.results[i].result {
        Some(track_result::Result::Accepted(a)) => Some(a.clone()),
        _ => None,
    };
    let error = |i: usize| match &r.results[i].result {
        Some(track_result::Result::Error(e)) => Some(e.clone()),
        _ => None,
    };
    let first = accepted(0).context("t-1 accepted")?;
    assert!(first.created);
    let e = error(1).context("t-2 failed")?;
    assert_eq!(
        (e.code.as_str(), e.field.as_str()),
        ("INVALID_ARGUMENT", "identifiers[0].value")
    );
    assert!(accepted(2).context("duplicate")?.duplicate);
    let e = error(3).context("too big")?;
    assert_eq!(e.field, "properties");
    assert!(e.message.contains("32768"), "{}", e.message);
    assert_eq!(accepted(4).context("t-5")?.customer_id, first.customer_id);
    assert_eq!(r.results[3].event_id, "t-4");
    assert_eq!(r.results[3].index, 3);
    assert_eq!(suite.count("events").await?, 2);

    for (events, why) in [
        (vec![], "empty"),
        (
            (0..1001)
                .map(|i| event(&format!("m-{i}"), "v", vec![anon("z")]))
                .collect(),
            "too many",
        ),
    ] {
        let err = c
            .track_batch(TrackBatchRequest { events })
            .await
            .expect_err(why);
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(bad_field(&err), "events");
    }
    assert_eq!(suite.count("events").await?, 2);

    // Property limits on Track name the field too.
    let mut deep = event("t-6", "view", vec![email("t@example.com")]);
    deep.traits = Some(traits(&[(
        "a",
        serde_json::json!({"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}),
    )]));
    let err = c
        .track(TrackRequest { event: Some(deep) })
        .await
        .expect_err("too deep");
    assert!(bad_field(&err).starts_with("event.traits.a"), "{err:?}");
    suite.stop().await
}

/// A batch is resolved in one transaction; merges inside it, concurrent batches over the
/// same customers, and after-commit delivery must give what one-by-one Track gives.
#[tokio::test]
async fn track_batch_resolves_like_one_by_one_track_and_delivers_every_event() -> anyhow::Result<()>
{
    // The same 40 events: one by one on one suite, in concurrent batches on another.
    let events: Vec<Event> = (0..40)
        .map(|i| {
            let person = i % 5;
            let mut ids = vec![anon(&format!("a{person}-{}", i % 2))];
            if i % 4 == 3 {
                // Links the person's two anonymous ids (a merge inside the batch).
                ids.push(anon(&format!("a{person}-{}", (i + 1) % 2)));
                ids.push(email(&format!("p{person}@example.com")));
            }
            let mut e = event(&format!("tb-{i}"), "view", ids);
            e.traits = Some(traits(&[("seq", (i as i64).into())]));
            e
        })
        .collect();

    let serial = Suite::start().await?;
    let mut c = serial.client()?;
    for e in &events {
        track(&mut c, e.clone()).await?;
    }
    let batched = Suite::start().await?;
    let mut tasks = Vec::new();
    for chunk in events.chunks(10) {
        let mut c = batched.client()?;
        let chunk = chunk.to_vec();
        tasks.push(tokio::spawn(async move {
            c.track_batch(TrackBatchRequest { events: chunk }).await
        }));
    }
    for t in tasks {
        let r = t.await??.into_inner();
        assert_eq!((r.accepted_count, r.failed_count), (10, 0));
    }

    for suite in [&serial, &batched] {
        assert_eq!(suite.count("events").await?, 40);
        let db = suite.db().await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM events WHERE applied = 1 AND published = 1",
                [],
            ))
            .await?
            .context("count")?;
        assert_eq!(
            row.try_get::<i64>("", "n")?,
            40,
            "every event applied and published"
        );
        let mut redis = redis::Client::open(suite.redis.url.as_str())?
            .get_multiplexed_async_connection()
            .await?;
        let len: u64 = redis::cmd("XLEN")
            .arg(omni_bus::Topic::EventIngested.stream())
            .query_async(&mut redis)
            .await?;
        assert_eq!(len, 40);
    }
    // Each person ends as one customer holding both anonymous ids and the email.
    for person in 0..5 {
        let mut answers = Vec::new();
        for suite in [&serial, &batched] {
            let mut c = suite.client()?;
            let r = track(
                &mut c,
                event(
                    &format!("probe-{person}"),
                    "view",
                    vec![email(&format!("p{person}@example.com"))],
                ),
            )
            .await?;
            let p = profile(&mut c, &r.customer_id).await?;
            let mut ids: Vec<String> = p.identifiers.iter().map(|i| i.value.clone()).collect();
            ids.sort();
            answers.push(ids);
        }
        assert_eq!(answers[0], answers[1], "person {person}");
        assert_eq!(answers[0].len(), 3, "{:?}", answers[0]);
    }
    serial.stop().await?;
    batched.stop().await
}

#[tokio::test]
async fn list_events_pages_a_customers_timeline_newest_first() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let base = 1_700_000_000_000;
    let mut owner = String::new();
    for (i, kind) in ["view", "view", "cart", "view", "purchase"]
        .iter()
        .enumerate()
    {
        let mut ev = event(&format!("tl-{i}"), kind, vec![email("tl@example.com")]);
        ev.time = Some(omni_common::convert::to_timestamp(base + i as i64 * 1000));
        owner = track(&mut c, ev).await?.customer_id;
    }
    // Another person's event (merged in later) shows up too.
    let other = track(
        &mut c,
        event("tl-x", "app_open", vec![phone("+14155552671")]),
    )
    .await?;
    let mut link = event(
        "tl-link",
        "login",
        vec![email("tl@example.com"), phone("+14155552671")],
    );
    link.time = Some(omni_common::convert::to_timestamp(base - 1));
    track(&mut c, link).await?;

    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let page = c
            .list_events(ListEventsRequest {
                customer_id: other.customer_id.clone(),
                types: vec![],
                page_size: 3,
                page_token: token.clone(),
            })
            .await?
            .into_inner();
        assert!(page.events.len() <= 3);
        seen.extend(page.events.iter().map(|e| {
            e.event
                .as_ref()
                .map(|e| e.event_id.clone())
                .unwrap_or_default()
        }));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(seen.len(), 7, "{seen:?}");
    assert_eq!(&seen[..5], ["tl-x", "tl-4", "tl-3", "tl-2", "tl-1"]);
    assert_eq!(seen[6], "tl-link");

    let views = c
        .list_events(ListEventsRequest {
            customer_id: owner.clone(),
            types: vec!["view".into(), "purchase".into()],
            page_size: 0,
            page_token: String::new(),
        })
        .await?
        .into_inner();
    let ids: Vec<String> = views
        .events
        .iter()
        .filter_map(|e| e.event.as_ref().map(|e| e.event_id.clone()))
        .collect();
    assert_eq!(ids, ["tl-4", "tl-3", "tl-1", "tl-0"]);
    assert!(views.next_page_token.is_empty());
    assert!(views.events[0].receive_time.is_some());

    let err = c
        .list_events(ListEventsRequest {
            customer_id: owner.clone(),
            page_token: "garbage".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad token");
    assert_eq!(bad_field(&err), "page_token");
    let err = c
        .list_events(ListEventsRequest {
            customer_id: "c_nobody".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    suite.stop().await
}

/// The comparable parts of a profile (not last/first seen of the linking event).
fn shape(
    p: &Profile,
) -> (
    Vec<Identifier>,
    Option<prost_types::Struct>,
    Vec<(String, bool)>,
) {
    (
        p.identifiers.clone(),
        p.traits.clone(),
        p.consents
            .iter()
            .map(|k| (format!("{}", k.channel), k.granted))
            .collect(),
    )
}

#[tokio::test]
async fn unmerge_restores_both_profiles_and_keeps_them_apart() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut ev = event(
        "u-1",
        "signup",
        vec![email("ann@example.com"), anon("tablet")],
    );
    ev.traits = Some(traits(&[("name", "Ann".into())]));
    let ann = track(&mut c, ev).await?.customer_id;
    let mut ev = event("u-2", "signup", vec![phone("+14155552671")]);
    ev.traits = Some(traits(&[("name", "Bob".into()), ("city", "Oslo".into())]));
    let bob = track(&mut c, ev).await?.customer_id;
    c.update_consent(UpdateConsentRequest {
        customer_id: bob.clone(),
        channel: DeliveryChannel::Sms as i32,
        granted: false,
        source: "pos".into(),
        ..Default::default()
    })
    .await?;
    let ann_before = profile(&mut c, &ann).await?;
    let bob_before = profile(&mut c, &bob).await?;

    // A shared tablet glues them together.
    let glued = track(
        &mut c,
        event(
            "u-3",
            "app_open",
            vec![anon("tablet"), phone("+14155552671")],
        ),
    )
    .await?;
    assert_eq!(glued.customer_id, ann);
    assert_eq!(glued.merged_customer_ids, vec![bob.clone()]);
    // Bob keeps using his phone, then his own new device.
    track(
        &mut c,
        event(
            "u-4",
            "purchase",
            vec![
                phone("+14155552671"),
                id(IdentifierType::DeviceId, "bob-phone"),
            ],
        ),
    )
    .await?;
    assert_eq!(profile(&mut c, &bob).await?.customer_id, ann);

    let merge = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: ann.clone(),
        })
        .await?
        .into_inner()
        .merges
        .first()
        .cloned()
        .context("merge")?;
    let undone = c
        .unmerge(UnmergeRequest {
            merge_id: merge.merge_id.clone(),
        })
        .await?
        .into_inner();
    let m = undone.merge.context("merge")?;
    assert!(m.unmerge_time.is_some());
    assert_eq!(m.unmerge_actor, "bootstrap");
    assert!(
        undone.restored_identifiers.contains(&phone("+14155552671"))
            && undone
                .restored_identifiers
                .contains(&id(IdentifierType::DeviceId, "bob-phone")),
        "{:?}",
        undone.restored_identifiers
    );

    let ann_after = profile(&mut c, &ann).await?;
    let bob_after = profile(&mut c, &bob).await?;
    assert_eq!(bob_after.customer_id, bob, "bob is his own customer again");
    assert_eq!(shape(&ann_after), shape(&ann_before));
    assert_eq!(ann_after.event_counts.get("signup"), Some(&1));
    assert!(
        !ann_after.event_counts.contains_key("app_open"),
        "the tablet event goes with its strongest identifier (the phone) to bob"
    );
    assert!(!ann_after.event_counts.contains_key("purchase"));
    let mut bob_ids = bob_before.identifiers.clone();
    bob_ids.push(id(IdentifierType::DeviceId, "bob-phone"));
    bob_ids.sort_by(|a, b| (a.r#type, &a.value).cmp(&(b.r#type, &b.value)));
    let mut got = bob_after.identifiers.clone();
    got.sort_by(|a, b| (a.r#type, &a.value).cmp(&(b.r#type, &b.value)));
    assert_eq!(got, bob_ids);
    assert_eq!(bob_after.traits, bob_before.traits);
    assert_eq!(bob_after.consents.len(), 1);
    assert!(!bob_after.consents[0].granted, "bob's consent came back");
    assert_eq!(bob_after.event_counts.get("purchase"), Some(&1));
    assert_eq!(bob_after.event_counts.get("app_open"), Some(&1));
    assert_eq!(undone.restored_event_count, 3);
    assert_eq!(bob_after.event_counts.get("signup"), Some(&1));

    // A retry changes nothing; the pair is kept apart from now on.
    let retry = c
        .unmerge(UnmergeRequest {
            merge_id: merge.merge_id.clone(),
        })
        .await?
        .into_inner();
    assert_eq!(retry.merge, Some(m));
    let again = track(
        &mut c,
        event(
            "u-5",
            "app_open",
            vec![anon("tablet"), phone("+14155552671")],
        ),
    )
    .await?;
    assert!(again.merged_customer_ids.is_empty());
    let k = c
        .list_conflicts(ListConflictsRequest {
            customer_id: again.customer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .conflicts;
    assert_eq!(k.first().map(|k| k.rule.as_str()), Some("unmerged"));

    // By hand they can be merged again, with a reason; over a limit it is refused.
    let manual = c
        .merge_customers(MergeCustomersRequest {
            customer_id: ann.clone(),
            merged_customer_id: bob.clone(),
            reason: "verified by support ticket 42".into(),
            idempotency_key: "mc-1".into(),
        })
        .await?
        .into_inner()
        .merge
        .context("merge")?;
    assert_eq!(manual.rule, "manual");
    assert_eq!(manual.reason, "verified by support ticket 42");
    assert_eq!(profile(&mut c, &bob).await?.customer_id, ann);
    let retry = c
        .merge_customers(MergeCustomersRequest {
            customer_id: ann.clone(),
            merged_customer_id: bob.clone(),
            reason: "verified by support ticket 42".into(),
            idempotency_key: "mc-1".into(),
        })
        .await?
        .into_inner()
        .merge;
    assert_eq!(retry, Some(manual));
    let u1 = track(&mut c, event("u-6", "signup", vec![user("u-1")])).await?;
    let u2 = track(&mut c, event("u-7", "signup", vec![user("u-2")])).await?;
    let refused = c
        .merge_customers(MergeCustomersRequest {
            customer_id: u1.customer_id,
            merged_customer_id: u2.customer_id,
            ..Default::default()
        })
        .await
        .expect_err("two user_ids");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert!(refused.message().contains("max_per_profile:user_id"));
    suite.stop().await
}

#[tokio::test]
async fn erase_forgets_the_person_everywhere_and_export_shows_all() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut ev = event("x-1", "signup", vec![email("eve@example.com")]);
    ev.traits = Some(traits(&[("name", "Eve".into())]));
    let eve = track(&mut c, ev).await?.customer_id;
    let other = track(&mut c, event("x-2", "view", vec![phone("+14155552671")])).await?;
    track(
        &mut c,
        event(
            "x-3",
            "login",
            vec![email("eve@example.com"), phone("+14155552671")],
        ),
    )
    .await?;
    c.update_consent(UpdateConsentRequest {
        customer_id: eve.clone(),
        channel: DeliveryChannel::Email as i32,
        granted: true,
        source: "web:signup".into(),
        proof: "I agree to receive offers".into(),
        ..Default::default()
    })
    .await?;
    let keep = track(
        &mut c,
        event("x-4", "signup", vec![email("kim@example.com")]),
    )
    .await?;

    let export = c
        .export_customer(ExportCustomerRequest {
            customer_id: other.customer_id.clone(),
        })
        .await?
        .into_inner()
        .json;
    let doc: serde_json::Value = serde_json::from_str(&export)?;
    assert_eq!(doc["customer_id"], eve.as_str());
    assert_eq!(doc["customer_ids"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["events"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["identifiers"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["merges"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["profile"]["traits"]["name"], "Eve");
    assert_eq!(doc["consents"][0]["proof"], "I agree to receive offers");
    assert_eq!(doc["consent_history"].as_array().map(Vec::len), Some(1));

    let erased = c
        .erase_customer(EraseCustomerRequest {
            customer_id: eve.clone(),
        })
        .await?
        .into_inner();
    assert_eq!(erased.customer_ids.len(), 2);
    for cid in [&eve, &other.customer_id] {
        let err = c
            .get_profile(GetProfileRequest {
                customer_id: cid.clone(),
                ..Default::default()
            })
            .await
            .expect_err("erased");
        assert_eq!(err.code(), Code::NotFound, "{cid}");
        for err in [
            c.list_events(ListEventsRequest {
                customer_id: cid.clone(),
                ..Default::default()
            })
            .await
            .map(|_| ())
            .expect_err("events"),
            c.export_customer(ExportCustomerRequest {
                customer_id: cid.clone(),
            })
            .await
            .map(|_| ())
            .expect_err("export"),
            c.get_merge_history(GetMergeHistoryRequest {
                customer_id: cid.clone(),
            })
            .await
            .map(|_| ())
            .expect_err("history"),
            c.erase_customer(EraseCustomerRequest {
                customer_id: cid.clone(),
            })
            .await
            .map(|_| ())
            .expect_err("erase twice"),
        ] {
            assert_eq!(err.code(), Code::NotFound);
        }
    }
    for table in [
        "identifiers",
        "events",
        "merges",
        "consents",
        "consent_details",
        "consent_history",
    ] {
        assert_eq!(suite.count(table).await?, 1.min(suite.count(table).await?));
    }
    assert_eq!(suite.count("customers").await?, 1, "only kim is left");
    assert_eq!(suite.count("events").await?, 1);
    assert_eq!(suite.count("identifiers").await?, 1);
    assert_eq!(suite.count("merges").await?, 0);
    assert_eq!(suite.count("consent_history").await?, 0);
    assert_eq!(suite.count("erasures").await?, 1);
    assert_eq!(
        profile(&mut c, &keep.customer_id).await?.customer_id,
        keep.customer_id
    );

    let mut redis = redis::Client::open(suite.redis.url.as_str())?
        .get_multiplexed_async_connection()
        .await?;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("*{eve}*"))
        .query_async(&mut redis)
        .await?;
    assert!(keys.is_empty(), "{keys:?}");
    let entries: redis::streams::StreamRangeReply = redis::cmd("XRANGE")
        .arg(omni_bus::Topic::CustomerErased.stream())
        .arg("-")
        .arg("+")
        .query_async(&mut redis)
        .await?;
    assert_eq!(entries.ids.len(), 1);
    suite.stop().await
}

#[tokio::test]
async fn consent_per_purpose_keeps_history_and_global_unsubscribe_wins() -> anyhow::Result<()> {
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let cid = track(&mut c, event("k-1", "signup", vec![email("k@example.com")]))
        .await?
        .customer_id;
    for (channel, purpose, granted) in [
        (DeliveryChannel::Email, ConsentPurpose::Marketing, true),
        (DeliveryChannel::Email, ConsentPurpose::Transactional, true),
        (DeliveryChannel::Sms, ConsentPurpose::Marketing, false),
    ] {
        c.update_consent(UpdateConsentRequest {
            customer_id: cid.clone(),
            channel: channel as i32,
            purpose: purpose as i32,
            granted,
            source: "web:preferences".into(),
            proof: format!("form v3 {purpose:?}"),
            idempotency_key: String::new(),
        })
        .await?;
    }
    let p = profile(&mut c, &cid).await?;
    assert_eq!(p.purpose_consents.len(), 3, "{:?}", p.purpose_consents);
    let t = p
        .purpose_consents
        .iter()
        .find(|k| k.purpose == ConsentPurpose::Transactional as i32)
        .context("transactional")?;
    assert_eq!(t.source, "web:preferences");
    assert!(t.proof.contains("Transactional"));
    assert!(!p.globally_unsubscribed);
    assert!(
        p.consents
            .iter()
            .any(|k| k.channel == DeliveryChannel::Email as i32 && k.granted)
    );

    let u = c
        .update_global_unsubscribe(UpdateGlobalUnsubscribeRequest {
            customer_id: cid.clone(),
            unsubscribed: true,
            source: "email:footer".into(),
            proof: "clicked unsubscribe from everything".into(),
        })
        .await?
        .into_inner();
    assert!(u.unsubscribed);
    let p = profile(&mut c, &cid).await?;
    assert!(p.globally_unsubscribed);
    assert!(
        p.consents.iter().all(|k| !k.granted) && p.consents.len() == 4,
        "marketing off everywhere for readers of consents: {:?}",
        p.consents
    );
    // Other services read the same through libs/profile-store.
    let store =
        omni_profile_store::ProfileStore::new(omni_common::redis::connect(&suite.redis.url).await?);
    let snap = store.consent("default", &cid).await?;
    assert!(!snap.allows("email", omni_profile_store::MARKETING));
    assert!(snap.allows("email", omni_profile_store::TRANSACTIONAL));

    c.update_global_unsubscribe(UpdateGlobalUnsubscribeRequest {
        customer_id: cid.clone(),
        unsubscribed: false,
        source: "support".into(),
        proof: "customer asked by phone".into(),
    })
    .await?;
    let snap = store.consent("default", &cid).await?;
    assert!(snap.allows("email", omni_profile_store::MARKETING));
    assert!(!snap.allows("sms", omni_profile_store::MARKETING));

    let mut all = Vec::new();
    let mut token = String::new();
    loop {
        let page = c
            .list_consent_history(ListConsentHistoryRequest {
                customer_id: cid.clone(),
                page_size: 2,
                page_token: token.clone(),
            })
            .await?
            .into_inner();
        all.extend(page.records);
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(all.len(), 5);
    assert!(all[0].global && !all[0].granted, "newest first: {all:?}");
    assert_eq!(all[0].proof, "customer asked by phone");
    assert!(all.iter().all(|r| r.actor == "bootstrap"));
    let err = c
        .update_consent(UpdateConsentRequest {
            customer_id: cid.clone(),
            channel: DeliveryChannel::Email as i32,
            proof: "x".repeat(5000),
            ..Default::default()
        })
        .await
        .expect_err("proof too long");
    assert_eq!(bad_field(&err), "proof");
    assert_eq!(suite.count("consent_history").await?, 5);
    suite.stop().await
}

/// Every text column of identity's SQL that could hold an email or phone, as raw rows.
async fn raw_text(suite: &Suite) -> anyhow::Result<Vec<String>> {
    let db = suite.db().await?;
    let mut out = Vec::new();
    for (table, columns) in [
        ("identifiers", "id_value, id_cipher"),
        ("events", "payload, result"),
        ("merges", "identifiers, reason"),
        ("conflicts", "identifiers, ignored, reason"),
        ("match_signals", "value"),
        ("trait_updates", "request, payload"),
    ] {
        let rows = db
            .query_all_raw(omni_storage::stmt(
                db.get_database_backend(),
                &format!("SELECT {columns} FROM {table}"),
                [],
            ))
            .await?;
        anyhow::ensure!(!rows.is_empty(), "{table} has rows");
        for r in rows {
            for c in columns.split(", ") {
                out.push(format!("{table}.{c}: {}", r.try_get::<String>("", c)?));
            }
        }
    }
    Ok(out)
}

/// Email and phone are encrypted at rest: no raw SQL row (identity graph, event log,
/// merges, conflicts, match signals, Identify calls) holds them in plaintext, yet
/// lookups still resolve and every API answer shows the real values.
#[tokio::test]
async fn email_and_phone_are_encrypted_at_rest() -> anyhow::Result<()> {
    use omni_proto::identity::v1::{IdentifyRequest, TraitType, TypedTrait};
    let suite = Suite::start().await?;
    let mut c = suite.client()?;
    let mut first = event("enc-1", "signup", vec![email("Zoe@Example.com")]);
    first.traits = Some(traits(&[("name", "Zoe".into())]));
    let zoe = track(&mut c, first).await?.customer_id;
    let other = track(&mut c, event("enc-2", "view", vec![phone("+14155550123")])).await?;
    assert_ne!(other.customer_id, zoe);
    let both = track(
        &mut c,
        event(
            "enc-3",
            "login",
            vec![email("zoe@example.com"), phone("+14155550123")],
        ),
    )
    .await?;
    assert_eq!(
        both.customer_id, zoe,
        "the email is found through its keyed hash"
    );
    assert_eq!(both.merged_customer_ids, vec![other.customer_id.clone()]);
    track(
        &mut c,
        event("enc-4", "login", vec![user("u1"), email("zoe@example.com")]),
    )
    .await?;
    let clash = track(
        &mut c,
        event("enc-5", "login", vec![user("u2"), email("zoe@example.com")]),
    )
    .await?;
    assert!(!clash.conflict_id.is_empty());
    c.identify(IdentifyRequest {
        identifier: Some(email("ZOE@example.com")),
        traits: vec![TypedTrait {
            name: "tier".into(),
            r#type: TraitType::String as i32,
            value: Some(omni_common::convert::json_to_value(&"gold".into())),
        }],
        idempotency_key: "enc-identify".into(),
        ..Default::default()
    })
    .await?;
    let again = track(
        &mut c,
        event("enc-6", "view", vec![email("zoe@example.com")]),
    )
    .await?;
    assert_eq!(again.customer_id, zoe, "the same email, the same customer");

    for row in raw_text(&suite).await? {
        let lower = row.to_lowercase();
        assert!(
            !lower.contains("zoe@") && !lower.contains("5550123"),
            "plaintext at rest: {row}"
        );
    }

    // Every API answer shows the real values.
    let p = profile(&mut c, &zoe).await?;
    let mut ids: Vec<String> = p.identifiers.iter().map(|i| i.value.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["+14155550123", "u1", "zoe@example.com"]);
    let export: serde_json::Value = serde_json::from_str(
        &c.export_customer(ExportCustomerRequest {
            customer_id: zoe.clone(),
        })
        .await?
        .into_inner()
        .json,
    )?;
    let text = export.to_string();
    assert!(
        text.contains("zoe@example.com") && text.contains("+14155550123"),
        "{text}"
    );
    assert!(
        !text.contains("sealed:") && !text.contains("hmac:"),
        "{text}"
    );
    let history = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: zoe.clone(),
        })
        .await?
        .into_inner();
    let merge_ids: Vec<&str> = history.merges[0]
        .identifiers
        .iter()
        .map(|i| i.value.as_str())
        .collect();
    assert!(merge_ids.contains(&"zoe@example.com"), "{merge_ids:?}");
    let conflicts = c
        .list_conflicts(ListConflictsRequest::default())
        .await?
        .into_inner()
        .conflicts;
    assert_eq!(conflicts.len(), 1);
    assert!(
        conflicts[0]
            .identifiers
            .iter()
            .any(|i| i.value == "zoe@example.com"),
        "{:?}",
        conflicts[0]
    );
    let events = c
        .list_events(ListEventsRequest {
            customer_id: zoe.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .events;
    assert_eq!(events.len(), 5, "enc-5 started the u2 customer");
    assert!(
        events
            .iter()
            .filter_map(|e| e.event.as_ref())
            .any(|e| e.identifiers.iter().any(|i| i.value == "+14155550123"))
    );
    suite.stop().await
}
