//! Customer-level insights over gRPC with a real Redis bus and database (SQLite, or
//! Postgres when `OMNI_TEST_DATABASE_URL` is set): cart return and reactivation rates
//! in `GetKpis`, retention cohorts (`GetCohorts`) and customer lifetime value
//! (`GetCustomerValue`), each on a small data set whose answers are computed by hand
//! in the comments.

use std::time::Duration;

use anyhow::Context as _;
use chrono::{NaiveDate, TimeZone as _, Utc};
use omni_bus::{Bus, Topic};
use omni_common::config::Settings;
use omni_common::convert::to_timestamp;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{CustomerErased, Event, EventIngested, MembershipChanged};
use omni_proto::insights::v1 as pb;
use omni_proto::insights::v1::insights_service_client::InsightsServiceClient;
use omni_testkit::{RedisServer, database_url, eventually};
use prost_types::value::Kind;
use redis::AsyncCommands as _;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const WS: &str = "default";
const WAIT: Duration = Duration::from_secs(60);
const DAY: i64 = 86_400_000;
/// Monday 2026-11-02 00:00 UTC.
const T0: i64 = 1_793_577_600_000;

type Client = InsightsServiceClient<
    InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, Status>>,
>;

fn with_admin_key(mut req: Request<()>) -> Result<Request<()>, Status> {
    req.metadata_mut().insert(
        "authorization",
        "Bearer test-admin-key".parse().expect("ascii"),
    );
    Ok(req)
}

/// The service on a fresh database and Redis.
struct Harness {
    client: Client,
    bus: Bus,
    redis: redis::aio::ConnectionManager,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_insights::Error>>,
    _redis_server: RedisServer,
}

impl Harness {
    async fn start() -> anyhow::Result<Self> {
        let redis_server = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis_server.url);
        settings.insights.database_url = database_url("insights").await?;
        settings.insights_analysis.alert_interval_ms = 3_600_000;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_insights::run(settings, listener, shutdown.clone()));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
            .connect()
            .await?;
        let client = InsightsServiceClient::with_interceptor(
            channel,
            with_admin_key as fn(Request<()>) -> Result<Request<()>, Status>,
        );
        let redis = omni_common::redis::connect(&redis_server.url).await?;
        Ok(Self {
            client,
            bus: Bus::new(redis.clone()),
            redis,
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

    async fn publish(&self, events: &[EventIngested]) -> anyhow::Result<()> {
        for e in events {
            self.bus.publish(Topic::EventIngested, e).await?;
        }
        Ok(())
    }

    /// Waits until the insights group has consumed every entry of `topics`.
    async fn drained(&self, topics: &[Topic]) -> anyhow::Result<()> {
        let redis = self.redis.clone();
        eventually(WAIT, || {
            let mut redis = redis.clone();
            async move {
                for topic in topics {
                    let reply: redis::streams::StreamInfoGroupsReply =
                        redis.xinfo_groups(topic.stream()).await?;
                    let group = reply
                        .groups
                        .iter()
                        .find(|g| g.name == "insights")
                        .context("no insights group yet")?;
                    anyhow::ensure!(
                        group.lag == Some(0) && group.pending == 0,
                        "{topic}: lag {:?}, pending {}",
                        group.lag,
                        group.pending
                    );
                }
                Ok(Some(()))
            }
        })
        .await
    }
}

fn event(customer: &str, id: &str, kind: &str, at: i64) -> EventIngested {
    EventIngested {
        workspace_id: WS.into(),
        customer_id: customer.into(),
        event: Some(Event {
            event_id: id.into(),
            r#type: kind.into(),
            time: Some(to_timestamp(at)),
            ..Default::default()
        }),
        merged_customer_ids: Vec::new(),
    }
}

fn purchase(customer: &str, id: &str, at: i64, revenue: f64) -> EventIngested {
    let mut e = event(customer, id, "purchase", at);
    if let Some(ev) = e.event.as_mut() {
        ev.properties = Some(prost_types::Struct {
            fields: [
                ("revenue", Kind::NumberValue(revenue)),
                ("order_id", Kind::StringValue(format!("o-{id}"))),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), prost_types::Value { kind: Some(v) }))
            .collect(),
        });
    }
    e
}

fn range(start: i64, end: i64) -> pb::TimeRange {
    pb::TimeRange {
        start_time: Some(to_timestamp(start)),
        end_time: Some(to_timestamp(end)),
    }
}

fn days(n: i64) -> prost_types::Duration {
    prost_types::Duration {
        seconds: n * 86_400,
        nanos: 0,
    }
}

/// Unix ms of `y-m-d` plus `hours`, UTC.
fn at(y: i32, m: u32, d: u32, hours: u32) -> i64 {
    let date = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    Utc.from_utc_datetime(&date.and_hms_opt(hours, 0, 0).expect("valid time"))
        .timestamp_millis()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b): (f64, f64) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

/// Cart and activity events around the week [T0, T0 + 7d) and the week before.
fn customer_events() -> Vec<EventIngested> {
    vec![
        // This week's abandoners: c1 and c4 return within 7 days, c2 after 8 days,
        // c3 bought only before abandoning.
        event("c1", "c1-a", "cart_abandoned", T0 + DAY),
        purchase("c1", "c1-p", T0 + 3 * DAY, 20.0),
        event("c2", "c2-a", "cart_abandoned", T0 + 2 * DAY),
        purchase("c2", "c2-p", T0 + 10 * DAY, 20.0),
        purchase("c3", "c3-p", T0 + DAY, 20.0),
        event("c3", "c3-a", "cart_abandoned", T0 + 4 * DAY),
        event("c4", "c4-a1", "cart_abandoned", T0 + DAY),
        event("c4", "c4-a2", "cart_abandoned", T0 + 5 * DAY),
        purchase("c4", "c4-p", T0 + 6 * DAY, 20.0),
        // The week before: c5 returns, c6 and c7 do not.
        event("c5", "c5-a", "cart_abandoned", T0 - 3 * DAY),
        purchase("c5", "c5-p", T0 - 2 * DAY, 20.0),
        event("c6", "c6-a", "cart_abandoned", T0 - 5 * DAY),
        event("c7", "c7-a", "cart_abandoned", T0 - 4 * DAY),
        // Activity: r1 (last seen 200 days before) and r5 (95 days, a journey entry
        // since does not count) come back; r2 (120 days) does not; r3 (100 days) only
        // opens a message (not activity); r4 was active 30 days before (not dormant).
        event("r1", "r1-old", "page_view", T0 - 200 * DAY),
        event("r1", "r1-new", "page_view", T0 + 2 * DAY),
        event("r2", "r2-old", "page_view", T0 - 120 * DAY),
        event("r3", "r3-old", "page_view", T0 - 100 * DAY),
        event("r3", "r3-open", "message.opened", T0 + DAY),
        event("r4", "r4-old", "page_view", T0 - 30 * DAY),
        event("r4", "r4-new", "page_view", T0 + DAY),
        event("r5", "r5-old", "app_open", T0 - 95 * DAY),
        event("r5", "r5-journey", "journey.entered", T0 - 10 * DAY),
        event("r5", "r5-new", "app_open", T0 + 3 * DAY),
    ]
}

async fn get_kpis(
    client: &mut Client,
    filter: Option<pb::KpiFilter>,
    cart_days: Option<i64>,
    dormant_days: Option<i64>,
) -> Result<pb::GetKpisResponse, Status> {
    Ok(client
        .get_kpis(pb::GetKpisRequest {
            range: Some(range(T0, T0 + 7 * DAY)),
            filter,
            cart_return_window: cart_days.map(days),
            dormancy_threshold: dormant_days.map(days),
            ..Default::default()
        })
        .await?
        .into_inner())
}

#[tokio::test]
async fn cart_return_and_reactivation_rates_with_week_over_week_deltas() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let events = customer_events();
    h.publish(&events).await?;
    h.publish(&events).await?; // at-least-once: everything twice
    h.drained(&[Topic::EventIngested]).await?;

    let resp = get_kpis(&mut h.client, None, None, None).await?;
    let row = resp.customer_kpis.context("customer KPIs")?;
    let now = row.current.context("current")?;
    let before = row.previous.context("previous")?;
    // Cart: 4 abandoners, c1 and c4 returned within 7 days.
    assert_eq!((now.cart_abandoners, now.cart_returners), (4, 2));
    assert_close!(now.cart_return_rate, 0.5);
    // The week before: 3 abandoners, c5 returned.
    assert_eq!((before.cart_abandoners, before.cart_returners), (3, 1));
    assert_close!(before.cart_return_rate, 1.0 / 3.0);
    // Reactivation (90 days): dormant at T0 are r1, r2, r3, r5; r1 and r5 came back.
    assert_eq!((now.dormant_customers, now.reactivated_customers), (4, 2));
    assert_close!(now.reactivation_rate, 0.5);
    // At T0 - 7d (dormant before T0 - 97d): r1, r2, r3; none active that week.
    assert_eq!(
        (before.dormant_customers, before.reactivated_customers),
        (3, 0)
    );
    assert_close!(row.relative_change["cart_abandoners"], 1.0 / 3.0);
    assert_close!(row.relative_change["cart_return_rate"], 0.5);
    assert_close!(row.relative_change["dormant_customers"], 1.0 / 3.0);
    assert!(!row.relative_change.contains_key("reactivation_rate"));

    // N days and the dormancy threshold are parameters: with 10 days c2 returns too;
    // with 110 days only r1 (200) and r2 (120) were dormant, r1 came back.
    let resp = get_kpis(&mut h.client, None, Some(10), Some(110)).await?;
    let now = resp
        .customer_kpis
        .and_then(|r| r.current)
        .context("current")?;
    assert_eq!((now.cart_abandoners, now.cart_returners), (4, 3));
    assert_close!(now.cart_return_rate, 0.75);
    assert_eq!((now.dormant_customers, now.reactivated_customers), (2, 1));

    // Customer KPIs are not per message: a filtered answer leaves them out.
    let filtered = get_kpis(
        &mut h.client,
        Some(pb::KpiFilter {
            journey_id: "j1".into(),
            ..Default::default()
        }),
        None,
        None,
    )
    .await?;
    assert!(filtered.customer_kpis.is_none());

    for (cart, dormant, field) in [
        (Some(0), None, "cart_return_window"),
        (Some(91), None, "cart_return_window"),
        (None, Some(731), "dormancy_threshold"),
    ] {
        let err = get_kpis(&mut h.client, None, cart, dormant)
            .await
            .expect_err("invalid");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert!(err.message().contains(field), "{}", err.message());
    }
    h.stop().await
}

/// Purchases for cohorts: as of 2026-04-15, cohorts of January and February 2026.
fn cohort_purchases() -> Vec<EventIngested> {
    vec![
        // January: a (Jan, Feb, Apr), b (Jan, Mar), c (Jan 31 23:00, Feb 1 01:00).
        purchase("a", "a1", at(2026, 1, 5, 12), 10.0),
        purchase("a", "a2", at(2026, 2, 10, 12), 10.0),
        purchase("a", "a3", at(2026, 4, 2, 12), 10.0),
        purchase("a", "a4", at(2026, 4, 20, 12), 10.0), // after as_of
        purchase("b", "b1", at(2026, 1, 20, 12), 10.0),
        purchase("b", "b2", at(2026, 3, 3, 12), 10.0),
        purchase("c", "c1", at(2026, 1, 31, 23), 10.0),
        purchase("c", "c2", at(2026, 2, 1, 1), 10.0),
        // February: d (twice in Feb), e (Feb, Apr).
        purchase("d", "d1", at(2026, 2, 14, 12), 10.0),
        purchase("d", "d2", at(2026, 2, 20, 12), 10.0),
        purchase("e", "e1", at(2026, 2, 28, 12), 10.0),
        purchase("e", "e2", at(2026, 4, 1, 12), 10.0),
        // f belongs to December 2025 even though it bought in January.
        purchase("f", "f1", at(2025, 12, 10, 12), 10.0),
        purchase("f", "f2", at(2026, 1, 10, 12), 10.0),
        // g first buys after as_of.
        purchase("g", "g1", at(2026, 4, 20, 12), 10.0),
    ]
}

#[tokio::test]
async fn retention_cohorts_by_first_purchase_month() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.publish(&cohort_purchases()).await?;
    h.drained(&[Topic::EventIngested]).await?;
    let as_of = Some(to_timestamp(at(2026, 4, 15, 0)));
    let get = |months: i32| pb::GetCohortsRequest {
        range: Some(range(at(2026, 1, 1, 0), at(2026, 3, 1, 0))),
        months,
        as_of,
    };

    let resp = h.client.get_cohorts(get(0)).await?.into_inner();
    let got: Vec<(String, i64, Vec<i64>)> = resp
        .cohorts
        .iter()
        .map(|c| (c.month.clone(), c.customers, c.retained.clone()))
        .collect();
    // January through April observed for January, through April for February.
    assert_eq!(
        got,
        vec![
            ("2026-01".to_owned(), 3, vec![3, 2, 1, 1]),
            ("2026-02".to_owned(), 2, vec![2, 0, 1]),
        ]
    );
    let jan = &resp.cohorts[0].retention;
    assert_eq!(jan.len(), 4);
    for (got, want) in jan.iter().zip([1.0, 2.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]) {
        assert_close!(*got, want);
    }
    assert_eq!(resp.cohorts[1].retention, vec![1.0, 0.0, 0.5]);

    // One following month only.
    let resp = h.client.get_cohorts(get(1)).await?.into_inner();
    let retained: Vec<Vec<i64>> = resp.cohorts.iter().map(|c| c.retained.clone()).collect();
    assert_eq!(retained, vec![vec![3, 2], vec![2, 0]]);

    // Erasure removes the customer from cohorts.
    h.bus
        .publish(
            Topic::CustomerErased,
            &CustomerErased {
                workspace_id: WS.into(),
                customer_id: "a".into(),
                merged_customer_ids: Vec::new(),
                erasure_id: "er-a".into(),
                time: Some(to_timestamp(at(2026, 4, 10, 0))),
            },
        )
        .await?;
    h.drained(&[Topic::CustomerErased]).await?;
    let resp = h.client.get_cohorts(get(0)).await?.into_inner();
    assert_eq!(resp.cohorts[0].customers, 2);
    assert_eq!(resp.cohorts[0].retained, vec![2, 1, 1, 0]);

    for (req, field) in [
        (
            pb::GetCohortsRequest {
                months: 37,
                ..get(0)
            },
            "months",
        ),
        (
            pb::GetCohortsRequest {
                range: Some(range(at(2023, 1, 1, 0), at(2026, 3, 1, 0))),
                ..get(0)
            },
            "range",
        ),
        (
            pb::GetCohortsRequest {
                range: None,
                ..get(0)
            },
            "range",
        ),
    ] {
        let err = h.client.get_cohorts(req).await.expect_err("invalid");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert!(err.message().contains(field), "{}", err.message());
    }
    h.stop().await
}

#[tokio::test]
async fn customer_lifetime_value_historical_and_predicted_as_computed_by_hand() -> anyhow::Result<()>
{
    let mut h = Harness::start().await?;
    // As of A = 2026-04-15; a month is 30 days.
    let a = at(2026, 4, 15, 0);
    h.publish(&[
        // p: 100, 50, 150 at A-90d, A-60d, A-30d: 3 months exposed, active.
        purchase("p", "p1", a - 90 * DAY, 100.0),
        purchase("p", "p2", a - 60 * DAY, 50.0),
        purchase("p", "p3", a - 30 * DAY, 150.0),
        purchase("p", "p4", a + DAY, 999.0), // after as_of: ignored
        // q: 200 at A-150d: 5 months exposed, churned (last > 90 days before).
        purchase("q", "q1", a - 150 * DAY, 200.0),
        // s: 40, 60 at A-120d, A-100d: 4 months exposed, churned.
        purchase("s", "s1", a - 120 * DAY, 40.0),
        purchase("s", "s2", a - 100 * DAY, 60.0),
    ])
    .await?;
    for (customer, entered, exited) in [
        ("p", a - 100 * DAY, None),
        ("q", a - 100 * DAY, None),
        ("s", a - 100 * DAY, Some(a - 50 * DAY)),
    ] {
        for (is_enter, time) in [(true, Some(entered)), (false, exited)] {
            let Some(time) = time else { continue };
            h.bus
                .publish(
                    Topic::MembershipChanged,
                    &MembershipChanged {
                        workspace_id: WS.into(),
                        customer_id: customer.into(),
                        segment_id: "vip".into(),
                        entered: is_enter,
                        segment_version: 1,
                        time: Some(to_timestamp(time)),
                        cause_event_id: format!("{customer}-{is_enter}"),
                    },
                )
                .await?;
        }
    }
    h.drained(&[Topic::EventIngested, Topic::MembershipChanged])
        .await?;
    let request = |group_by: pb::ValueGrouping, customer: &str| pb::GetCustomerValueRequest {
        group_by: group_by as i32,
        customer_id: customer.into(),
        as_of: Some(to_timestamp(a)),
        ..Default::default()
    };

    // Total: 3 customers, 6 orders, 600 revenue, 12 customer-months, 2 churned.
    // historical 600/3 = 200; AOV 100; frequency 6/12 = 0.5; churn 2/12; lifetime 6;
    // predicted 100 * 0.5 * 6 = 300.
    let resp = h
        .client
        .get_customer_value(request(pb::ValueGrouping::Unspecified, ""))
        .await?
        .into_inner();
    assert!(resp.rows.is_empty());
    let t = resp.total.context("total")?;
    assert_eq!((t.customers, t.orders), (3, 6));
    assert_close!(t.revenue, 600.0);
    assert_close!(t.historical_cltv, 200.0);
    assert_close!(t.average_order_value, 100.0);
    assert_close!(t.purchase_frequency, 0.5);
    assert_close!(t.monthly_churn_rate, 2.0 / 12.0);
    assert_close!(t.expected_lifetime_months, 6.0);
    assert_close!(t.predicted_cltv, 300.0);

    // One customer: p's AOV 100 and frequency 3/3 with the workspace lifetime 6.
    let resp = h
        .client
        .get_customer_value(request(pb::ValueGrouping::Unspecified, "p"))
        .await?
        .into_inner();
    let p = &resp.rows[0];
    assert_eq!((p.key.as_str(), p.orders), ("p", 3));
    assert_close!(p.historical_cltv, 300.0);
    assert_close!(p.purchase_frequency, 1.0);
    assert_close!(p.predicted_cltv, 600.0);

    // Cohorts: q (Nov 2025): AOV 200, frequency 1/5, churn 1/5, lifetime 5 -> 200.
    // p (Jan 2026): no churn, lifetime capped at 24 months: 100 * 1 * 24 = 2400.
    let resp = h
        .client
        .get_customer_value(pb::GetCustomerValueRequest {
            max_lifetime_months: 24,
            ..request(pb::ValueGrouping::Cohort, "")
        })
        .await?
        .into_inner();
    let keys: Vec<&str> = resp.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["2025-11", "2025-12", "2026-01"]);
    assert_close!(resp.rows[0].expected_lifetime_months, 5.0);
    assert_close!(resp.rows[0].predicted_cltv, 200.0);
    assert_close!(resp.rows[2].expected_lifetime_months, 24.0);
    assert_close!(resp.rows[2].predicted_cltv, 2400.0);

    // Segment "vip" at A: p and q (s left). 2 customers, 4 orders, 500, 8 months,
    // 1 churned: AOV 125, frequency 0.5, lifetime 8, predicted 500, historical 250.
    let resp = h
        .client
        .get_customer_value(request(pb::ValueGrouping::Segment, ""))
        .await?
        .into_inner();
    assert_eq!(resp.rows.len(), 1);
    let vip = &resp.rows[0];
    assert_eq!((vip.key.as_str(), vip.customers, vip.orders), ("vip", 2, 4));
    assert_close!(vip.historical_cltv, 250.0);
    assert_close!(vip.average_order_value, 125.0);
    assert_close!(vip.expected_lifetime_months, 8.0);
    assert_close!(vip.predicted_cltv, 500.0);

    let err = h
        .client
        .get_customer_value(pb::GetCustomerValueRequest {
            max_lifetime_months: -1,
            ..request(pb::ValueGrouping::Unspecified, "")
        })
        .await
        .expect_err("invalid");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("max_lifetime_months"));
    h.stop().await
}
