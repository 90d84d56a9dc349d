//! The segment service over gRPC, with a real Redis and database: create a segment,
//! feed an `EventIngested` as identity would, and watch memberships change.

use std::time::Duration;

use anyhow::Context as _;
use omni_bus::{Bus, ConsumerOptions, Topic};
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::common::v1::{Event, EventIngested, MembershipChanged};
use omni_proto::segment::v1 as pb;
use omni_proto::segment::v1::segment_service_client::SegmentServiceClient;
use omni_testkit::{RedisServer, database_url, eventually};
use sea_orm::ConnectionTrait;
use serde_json::json;
use tokio::sync::mpsc;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const WS: &str = "default";
const WAIT: Duration = Duration::from_secs(15);

type Client = SegmentServiceClient<
    InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, Status>>,
>;

fn with_admin_key(mut req: Request<()>) -> Result<Request<()>, Status> {
    req.metadata_mut().insert(
        "authorization",
        "Bearer test-admin-key".parse().expect("ascii"),
    );
    Ok(req)
}

struct Harness {
    client: Client,
    channel: Channel,
    profiles: ProfileStore,
    bus: Bus,
    database_url: String,
    settings: Settings,
    clock: omni_common::clock::SharedClock,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_segment::Error>>,
    _redis_server: RedisServer,
}

impl Harness {
    async fn start() -> anyhow::Result<Self> {
        Self::start_with_clock(omni_common::clock::system()).await
    }

    async fn start_with_clock(clock: omni_common::clock::SharedClock) -> anyhow::Result<Self> {
        let redis_server = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis_server.url);
        settings.segment.database_url = database_url("segment").await?;
        Self::serve(settings, clock, redis_server).await
    }

    /// Starts the service over `settings` (its Redis and database) with `clock`.
    async fn serve(
        settings: Settings,
        clock: omni_common::clock::SharedClock,
        redis_server: RedisServer,
    ) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_segment::run_with_clock(
            settings.clone(),
            listener,
            shutdown.clone(),
            clock.clone(),
        ));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
            .connect()
            .await?;
        let client = SegmentServiceClient::with_interceptor(
            channel.clone(),
            with_admin_key as fn(Request<()>) -> Result<Request<()>, Status>,
        );
        let redis = omni_common::redis::connect(&redis_server.url).await?;
        Ok(Self {
            client,
            channel,
            profiles: ProfileStore::new(redis.clone()),
            bus: Bus::new(redis),
            database_url: settings.segment.database_url.clone(),
            settings,
            clock,
            shutdown,
            server,
            _redis_server: redis_server,
        })
    }

    async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        self.server.await??;
        Ok(())
    }

    /// Stops the service, runs `between` (e.g. to leave SQL as a crashed process
    /// would), and starts it again over the same Redis and database.
    async fn restart_with<F, Fut>(self, between: F) -> anyhow::Result<Self>
    where
        F: FnOnce(String) -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<()>>,
    {
        let Harness {
            settings,
            clock,
            shutdown,
            server,
            _redis_server: redis_server,
            ..
        } = self;
        shutdown.cancel();
        server.await??;
        between(settings.segment.database_url.clone()).await?;
        Self::serve(settings, clock, redis_server).await
    }

    async fn create(
        &mut self,
        name: &str,
        expression: &str,
        key: &str,
    ) -> Result<pb::Segment, Status> {
        let resp = self
            .client
            .create_segment(pb::CreateSegmentRequest {
                segment: Some(pb::Segment {
                    display_name: name.into(),
                    expression: expression.into(),
                    ..Default::default()
                }),
                idempotency_key: key.into(),
            })
            .await?;
        Ok(resp.into_inner().segment.expect("segment in response"))
    }

    async fn memberships(&mut self, customer: &str) -> Result<Vec<pb::Membership>, Status> {
        Ok(self
            .client
            .get_memberships(pb::GetMembershipsRequest {
                customer_id: customer.into(),
            })
            .await?
            .into_inner()
            .memberships)
    }

    /// Writes the profile as identity would, then publishes `EventIngested`.
    async fn track(
        &self,
        customer: &str,
        event_id: &str,
        event_type: &str,
        traits: serde_json::Value,
        merged: &[&str],
    ) -> anyhow::Result<EventIngested> {
        let serde_json::Value::Object(traits) = traits else {
            anyhow::bail!("traits must be an object")
        };
        let now = chrono::Utc::now().timestamp_millis();
        self.profiles
            .apply(
                WS,
                customer,
                &ProfileUpdate {
                    traits,
                    identifiers: vec![("user_id".into(), customer.into())],
                    event_type: Some(event_type.into()),
                    time_ms: now,
                },
            )
            .await?;
        let msg = EventIngested {
            workspace_id: WS.into(),
            customer_id: customer.into(),
            event: Some(Event {
                event_id: event_id.into(),
                r#type: event_type.into(),
                time: Some(omni_common::convert::to_timestamp(now)),
                ..Default::default()
            }),
            merged_customer_ids: merged.iter().map(|s| (*s).to_owned()).collect(),
        };
        self.bus.publish(Topic::EventIngested, &msg).await?;
        Ok(msg)
    }

    /// Collects every `MembershipChanged` published from now on.
    fn watch_changes(&self) -> mpsc::UnboundedReceiver<MembershipChanged> {
        let (tx, rx) = mpsc::unbounded_channel();
        let bus = self.bus.clone();
        let shutdown = self.shutdown.clone();
        tokio::spawn(async move {
            let options = ConsumerOptions::new("segment-test", "watcher");
            omni_bus::consume(bus, Topic::MembershipChanged, options, shutdown, |d| {
                let tx = tx.clone();
                async move {
                    let msg: MembershipChanged = d.decode()?;
                    let _ = tx.send(msg);
                    Ok::<(), omni_bus::Error>(())
                }
            })
            .await
        });
        rx
    }

    async fn count_segments_named(&self, name: &str) -> anyhow::Result<i64> {
        let db = omni_storage::connect(&self.database_url).await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM segments WHERE workspace_id = $1 AND display_name = $2",
                [WS.into(), name.into()],
            ))
            .await?
            .context("count row")?;
        Ok(row.try_get::<i64>("", "n")?)
    }
}

#[path = "grpc/features.rs"]
mod features;

#[path = "grpc/builtins.rs"]
mod builtins;

async fn next_change(
    rx: &mut mpsc::UnboundedReceiver<MembershipChanged>,
) -> anyhow::Result<MembershipChanged> {
    tokio::time::timeout(WAIT, rx.recv())
        .await
        .context("no MembershipChanged in time")?
        .context("watcher stopped")
}

#[tokio::test]
async fn an_event_moves_a_customer_into_and_out_of_a_segment() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let seg = h
        .create(
            "Korean adults",
            "has(traits.age) && traits.age >= 18 && traits.country == 'KR' && events.purchase >= 1",
            "",
        )
        .await?;
    assert!(seg.segment_id.starts_with("seg_"), "{}", seg.segment_id);
    assert_eq!(seg.version, 1);

    let customer = "c_test_1";
    let first = h
        .track(
            customer,
            "e1",
            "purchase",
            json!({"age": 31, "country": "KR"}),
            &[],
        )
        .await?;
    let seg_id = seg.segment_id.clone();
    let members = eventually(WAIT, || {
        let mut client = h.client.clone();
        let seg_id = seg_id.clone();
        async move {
            let m = client
                .get_memberships(pb::GetMembershipsRequest {
                    customer_id: customer.into(),
                })
                .await?
                .into_inner()
                .memberships;
            anyhow::Ok(m.iter().any(|m| m.segment_id == seg_id).then_some(m))
        }
    })
    .await?;
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].display_name, "Korean adults");
    assert!(members[0].enter_time.is_some());

    let entered = next_change(&mut changes).await?;
    assert_eq!(entered.workspace_id, WS);
    assert_eq!(entered.customer_id, customer);
    assert_eq!(entered.segment_id, seg.segment_id);
    assert!(entered.entered);
    assert_eq!(entered.segment_version, 1);
    assert_eq!(entered.cause_event_id, "e1");

    // A redelivered event changes nothing and publishes nothing: the next change seen
    // (the worker handles entries in order) is the marker customer's entry.
    h.bus.publish(Topic::EventIngested, &first).await?;
    h.track(
        "c_marker",
        "m1",
        "purchase",
        json!({"age": 40, "country": "KR"}),
        &[],
    )
    .await?;
    let marker = next_change(&mut changes).await?;
    assert_eq!(
        (marker.customer_id.as_str(), marker.entered),
        ("c_marker", true)
    );

    h.track(customer, "e2", "page_view", json!({"country": "FR"}), &[])
        .await?;
    let exited = next_change(&mut changes).await?;
    assert!(!exited.entered, "{exited:?}");
    assert_eq!(exited.cause_event_id, "e2");
    assert!(h.memberships(customer).await?.is_empty());
    h.stop().await
}

#[tokio::test]
async fn a_segment_created_later_is_backfilled_without_waiting_for_an_event() -> anyhow::Result<()>
{
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let early = h.create("Early", "true", "").await?;
    h.track("c_late", "e1", "signup", json!({"tier": "gold"}), &[])
        .await?;
    h.track("c_silver", "e2", "signup", json!({"tier": "silver"}), &[])
        .await?;
    for _ in 0..2 {
        assert_eq!(
            next_change(&mut changes).await?.segment_id,
            early.segment_id
        );
    }

    // Creating a segment evaluates every known customer (the backfill): the gold
    // customer is a member at once, with no further event.
    let created = h
        .client
        .create_segment(pb::CreateSegmentRequest {
            segment: Some(pb::Segment {
                display_name: "Gold".into(),
                expression: "traits.tier == 'gold'".into(),
                ..Default::default()
            }),
            idempotency_key: "gold".into(),
        })
        .await?
        .into_inner();
    let gold = created.segment.context("segment")?;
    let backfill = created.recompute.context("backfill recompute")?;
    assert_eq!(backfill.segment_id, gold.segment_id);
    let done = h.wait_recompute(&backfill.recompute_id).await?;
    assert_eq!(
        (done.total, done.processed, done.entered, done.exited),
        (2, 2, 1, 0),
        "{done:?}"
    );
    let change = next_change(&mut changes).await?;
    assert_eq!(
        (
            change.customer_id.as_str(),
            change.segment_id.as_str(),
            change.entered,
            change.cause_event_id.as_str()
        ),
        ("c_late", gold.segment_id.as_str(), true, "")
    );
    let mut names: Vec<_> = h
        .memberships("c_late")
        .await?
        .into_iter()
        .map(|m| m.display_name)
        .collect();
    names.sort();
    assert_eq!(names, ["Early", "Gold"]);
    assert_eq!(h.memberships("c_silver").await?.len(), 1);

    // An idempotent retry returns the segment and starts no second backfill.
    let retry = h
        .client
        .create_segment(pb::CreateSegmentRequest {
            segment: Some(pb::Segment {
                display_name: "Gold".into(),
                expression: "traits.tier == 'gold'".into(),
                ..Default::default()
            }),
            idempotency_key: "gold".into(),
        })
        .await?
        .into_inner();
    assert_eq!(retry.segment.as_ref(), Some(&gold));
    assert!(retry.recompute.is_none());
    h.stop().await
}

#[tokio::test]
async fn a_merged_away_customer_loses_its_memberships() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let seg = h.create("Everyone", "true", "").await?;
    h.track("c_old", "e1", "signup", json!({}), &[]).await?;
    let first = next_change(&mut changes).await?;
    assert_eq!((first.customer_id.as_str(), first.entered), ("c_old", true));

    h.track("c_new", "e2", "signup", json!({}), &["c_old"])
        .await?;
    let mut seen = [
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
    ];
    seen.sort_by(|a, b| a.customer_id.cmp(&b.customer_id));
    assert_eq!(
        (seen[0].customer_id.as_str(), seen[0].entered),
        ("c_new", true)
    );
    assert_eq!(
        (seen[1].customer_id.as_str(), seen[1].entered),
        ("c_old", false)
    );
    assert!(
        seen.iter()
            .all(|c| c.segment_id == seg.segment_id && c.cause_event_id == "e2")
    );
    h.stop().await
}

#[tokio::test]
async fn bad_cel_is_rejected_with_field_and_position_and_nothing_is_stored() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .create("Broken", "traits.age >", "key-1")
        .await
        .expect_err("bad CEL must be rejected");
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    assert!(
        err.message().contains("segment.expression"),
        "{}",
        err.message()
    );
    assert!(
        err.message().contains("line 1, column 13"),
        "{}",
        err.message()
    );
    let details = tonic_types::StatusExt::get_error_details(&err);
    let violations = details.bad_request().context("bad request details")?;
    assert_eq!(violations.field_violations[0].field, "segment.expression");

    let err = h
        .create("Broken", "foo.bar == 1", "key-1")
        .await
        .expect_err("unknown variable");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message()
            .contains("unknown variable `foo`; expected one of traits, events, now"),
        "{}",
        err.message()
    );
    assert_eq!(h.count_segments_named("Broken").await?, 0);

    let err = h.create(" ", "true", "").await.expect_err("empty name");
    assert!(
        err.message().contains("segment.display_name"),
        "{}",
        err.message()
    );

    // The failed attempts did not consume the idempotency key.
    let ok = h.create("Broken", "true", "key-1").await?;
    assert_eq!(ok.expression, "true");
    h.stop().await
}

#[tokio::test]
async fn create_is_idempotent_and_get_finds_it() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let first = h
        .create("VIP", "traits.tier == 'gold'", "create-vip")
        .await?;
    let retry = h
        .create("VIP (retry)", "traits.tier == 'x'", "create-vip")
        .await?;
    assert_eq!(retry, first);
    assert_eq!(h.count_segments_named("VIP").await?, 1);

    let got = h
        .client
        .get_segment(pb::GetSegmentRequest {
            segment_id: first.segment_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .segment;
    assert_eq!(got, Some(first));

    let missing = h
        .client
        .get_segment(pb::GetSegmentRequest {
            segment_id: "seg_missing".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown segment");
    assert_eq!(missing.code(), Code::NotFound);

    let err = h.memberships("").await.expect_err("customer_id required");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("customer_id"));
    h.stop().await
}

#[tokio::test]
async fn calls_without_a_key_are_unauthenticated() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let mut anonymous = SegmentServiceClient::new(h.channel.clone());
    let err = anonymous
        .get_segment(pb::GetSegmentRequest {
            segment_id: "seg_x".into(),
            ..Default::default()
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    h.stop().await
}

#[tokio::test]
async fn an_erased_customer_leaves_every_segment() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let mut changes = h.watch_changes();
    let everyone = h.create("Everyone", "true", "").await?;
    let buyers = h.create("Buyers", "has(events.purchase)", "").await?;
    h.track("c_gone", "e1", "purchase", json!({}), &[]).await?;
    h.track("c_kept", "e2", "purchase", json!({}), &[]).await?;
    for _ in 0..4 {
        assert!(next_change(&mut changes).await?.entered);
    }
    assert_eq!(h.memberships("c_gone").await?.len(), 2);

    let erased = omni_proto::common::v1::CustomerErased {
        workspace_id: WS.into(),
        customer_id: "c_gone".into(),
        erasure_id: "er_1".into(),
        ..Default::default()
    };
    h.bus.publish(Topic::CustomerErased, &erased).await?;
    let mut exits = [
        next_change(&mut changes).await?,
        next_change(&mut changes).await?,
    ];
    exits.sort_by(|a, b| a.segment_id.cmp(&b.segment_id));
    let mut expected = [everyone.segment_id, buyers.segment_id];
    expected.sort();
    for (exit, segment_id) in exits.iter().zip(&expected) {
        assert_eq!(exit.customer_id, "c_gone");
        assert!(!exit.entered);
        assert_eq!(&exit.segment_id, segment_id);
        assert_eq!(exit.cause_event_id, "erasure:er_1");
    }
    assert!(h.memberships("c_gone").await?.is_empty());
    assert_eq!(h.memberships("c_kept").await?.len(), 2);
    h.stop().await
}
