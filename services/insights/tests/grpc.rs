//! The insights service over gRPC with a real Redis bus and database (SQLite, or
//! Postgres when `OMNI_TEST_DATABASE_URL` is set): events are published on the bus as
//! identity, segment and channel-gateway would, and every answer is checked against
//! figures computed by hand for the generated data set.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use omni_bus::{Bus, Topic};
use omni_common::clock::{ManualClock, SharedClock};
use omni_common::config::Settings;
use omni_common::convert::to_timestamp;
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{
    CustomerErased, Event, EventIngested, MembershipChanged, SourceChannel,
};
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
const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
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

struct Harness {
    client: Client,
    addr: std::net::SocketAddr,
    bus: Bus,
    redis: redis::aio::ConnectionManager,
    settings: Settings,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_insights::Error>>,
    _redis_server: RedisServer,
}

impl Harness {
    async fn start(clock: SharedClock) -> anyhow::Result<Self> {
        let redis_server = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis_server.url);
        settings.insights.database_url = database_url("insights").await?;
        // Only the scans a test runs itself (plus the one at start-up) happen.
        settings.insights_analysis.alert_interval_ms = 3_600_000;
        settings.insights_analysis.alert_min_volume = 50;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_insights::run_with_clock(
            settings.clone(),
            listener,
            shutdown.clone(),
            clock,
        ));
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
            addr,
            bus: Bus::new(redis.clone()),
            redis,
            settings,
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

    /// Waits until the insights group has consumed and acknowledged every entry of
    /// the three topics it reads.
    async fn drained(&self) -> anyhow::Result<()> {
        let redis = self.redis.clone();
        eventually(WAIT, || {
            let mut redis = redis.clone();
            async move {
                for topic in [
                    Topic::EventIngested,
                    Topic::MembershipChanged,
                    Topic::CustomerErased,
                ] {
                    let exists: bool = redis.exists(topic.stream()).await?;
                    if !exists {
                        continue;
                    }
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

    async fn kpis(
        &mut self,
        start: i64,
        end: i64,
        group_by: pb::Dimension,
        filter: pb::KpiFilter,
    ) -> Result<pb::GetKpisResponse, Status> {
        Ok(self
            .client
            .get_kpis(pb::GetKpisRequest {
                range: Some(range(start, end)),
                group_by: group_by as i32,
                filter: Some(filter),
                ..Default::default()
            })
            .await?
            .into_inner())
    }
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

fn text(v: &str) -> Kind {
    Kind::StringValue(v.into())
}

/// An `EventIngested` as identity publishes it.
fn event(
    customer: &str,
    id: &str,
    kind: &str,
    at: i64,
    props: &[(&str, Kind)],
    source: SourceChannel,
) -> EventIngested {
    EventIngested {
        workspace_id: WS.into(),
        customer_id: customer.into(),
        event: Some(Event {
            event_id: id.into(),
            r#type: kind.into(),
            time: Some(to_timestamp(at)),
            properties: Some(prost_types::Struct {
                fields: props
                    .iter()
                    .map(|(k, v)| {
                        (
                            (*k).to_owned(),
                            prost_types::Value {
                                kind: Some(v.clone()),
                            },
                        )
                    })
                    .collect(),
            }),
            source: source as i32,
            ..Default::default()
        }),
        merged_customer_ids: Vec::new(),
    }
}

/// A message as channel-gateway describes it in its engagement events.
#[derive(Clone)]
struct Msg {
    id: String,
    customer: String,
    channel: &'static str,
    journey: &'static str,
    node: &'static str,
    template: &'static str,
    offer: &'static str,
    campaign: &'static str,
    cost: Option<f64>,
}

impl Msg {
    fn new(id: &str, customer: &str, channel: &'static str) -> Self {
        Msg {
            id: id.into(),
            customer: customer.into(),
            channel,
            journey: "j1",
            node: "n1",
            template: "t1",
            offer: "",
            campaign: "",
            cost: None,
        }
    }

    /// The `message.<kind>` event; `n` distinguishes repeated opens/clicks.
    fn ev(&self, kind: &str, at: i64, n: u32) -> EventIngested {
        let mut props = vec![
            ("message_id", text(&self.id)),
            ("channel", text(self.channel)),
            ("journey_id", text(self.journey)),
            ("journey_version", Kind::NumberValue(1.0)),
            ("node_id", text(self.node)),
            ("template_id", text(self.template)),
        ];
        if !self.offer.is_empty() {
            props.push(("offer_id", text(self.offer)));
        }
        if !self.campaign.is_empty() {
            props.push(("campaign", text(self.campaign)));
        }
        if let (Some(c), "sent") = (self.cost, kind) {
            props.push(("cost", Kind::NumberValue(c)));
        }
        let id = if n == 0 {
            format!("msg:{}:{kind}", self.id)
        } else {
            format!("msg:{}:{kind}:{n}", self.id)
        };
        event(
            &self.customer,
            &id,
            &format!("message.{kind}"),
            at,
            &props,
            SourceChannel::Messaging,
        )
    }
}

fn purchase(customer: &str, id: &str, at: i64, revenue: f64, order: &str) -> EventIngested {
    event(
        customer,
        id,
        "purchase",
        at,
        &[
            ("revenue", Kind::NumberValue(revenue)),
            ("order_id", text(order)),
        ],
        SourceChannel::Web,
    )
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

/// The KPI data set: the current week (starting T0 + 7d) and the previous week.
fn kpi_events() -> (Vec<EventIngested>, Vec<EventIngested>) {
    let week = T0 + 7 * DAY;
    let mut now = Vec::new();
    // 10 emails from j1/n1/t1 (campaign "spring"), c0..c9, sent at week + 1h.
    for i in 0..10 {
        let mut m = Msg::new(&format!("e{i}"), &format!("c{i}"), "email");
        m.campaign = "spring";
        let sent = week + HOUR + i64::from(i) * 60_000;
        now.push(m.ev("sent", sent, 0));
        if i < 8 {
            now.push(m.ev("delivered", sent + 1_000, 0));
        } else {
            now.push(m.ev("bounced", sent + 1_000, 0));
        }
        if i < 4 {
            now.push(m.ev("opened", sent + HOUR, 0));
        }
        if i == 0 {
            // A second open and a second click count once each.
            now.push(m.ev("opened", sent + 2 * HOUR, 1));
            now.push(m.ev("clicked", sent + 2 * HOUR, 0));
            now.push(m.ev("clicked", sent + 3 * HOUR, 1));
        }
        if i == 1 {
            now.push(m.ev("clicked", sent + 2 * HOUR, 0));
        }
        if i == 3 {
            now.push(m.ev("unsubscribed", sent + 2 * HOUR, 0));
        }
    }
    // 5 SMS from j1/n2/t2 offering o1, c10..c14, with a recorded cost of 0.05.
    for i in 10..15 {
        let mut m = Msg::new(&format!("s{i}"), &format!("c{i}"), "sms");
        m.node = "n2";
        m.template = "t2";
        m.offer = "o1";
        m.cost = Some(0.05);
        let sent = week + 2 * HOUR;
        now.push(m.ev("sent", sent, 0));
        now.push(m.ev("delivered", sent + 1_000, 0));
        if i == 10 {
            now.push(m.ev("clicked", sent + 60_000, 0));
        }
    }
    now.push(purchase("c0", "p0", week + 2 * DAY, 100.0, "o-0"));
    now.push(purchase("c1", "p1", week + 3 * DAY, 50.0, "o-1"));
    // The same order reported again by another system is not a second conversion.
    let mut again = purchase("c1", "p1-again", week + 3 * DAY + 1_000, 50.0, "o-1");
    if let Some(e) = again.event.as_mut() {
        e.r#type = "order_completed".into();
    }
    now.push(again);
    now.push(purchase("c5", "p5", week + DAY, 30.0, "o-5"));
    now.push(purchase("c10", "p10", week + 3 * HOUR, 20.0, "o-10"));
    // A purchase with no message in the lookback is not credited to any message.
    now.push(purchase("c99", "p99", week + DAY, 500.0, "o-99"));

    let mut before = Vec::new();
    for i in 20..25 {
        let m = Msg::new(&format!("e{i}"), &format!("c{i}"), "email");
        let sent = T0 + HOUR;
        before.push(m.ev("sent", sent, 0));
        before.push(m.ev("delivered", sent + 1_000, 0));
        if i == 20 {
            before.push(m.ev("opened", sent + HOUR, 0));
        }
    }
    (now, before)
}

fn kpis_of(row: &pb::KpiRow) -> &pb::Kpis {
    row.current.as_ref().expect("current")
}

#[tokio::test]
async fn kpis_from_the_bus_count_each_event_once_and_survive_erasure() -> anyhow::Result<()> {
    let mut h = Harness::start(omni_common::clock::system()).await?;
    let week = T0 + 7 * DAY;
    // c0..c4 are in segment "vip" from before the week.
    for i in 0..5 {
        h.bus
            .publish(
                Topic::MembershipChanged,
                &MembershipChanged {
                    workspace_id: WS.into(),
                    customer_id: format!("c{i}"),
                    segment_id: "vip".into(),
                    entered: true,
                    segment_version: 1,
                    time: Some(to_timestamp(T0)),
                    cause_event_id: format!("seed-{i}"),
                },
            )
            .await?;
    }
    h.client
        .set_channel_cost(pb::SetChannelCostRequest {
            channel: "email".into(),
            cost_per_message: 0.01,
        })
        .await?;
    h.client
        .set_campaign_spend(pb::SetCampaignSpendRequest {
            campaign: "spring".into(),
            day: "2026-11-09".into(),
            amount: 10.0,
        })
        .await?;
    let (now, before) = kpi_events();
    h.publish(&before).await?;
    h.publish(&now).await?;
    // At-least-once delivery: every event arrives a second time.
    h.publish(&now).await?;
    h.drained().await?;

    let resp = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Unspecified,
            Default::default(),
        )
        .await?;
    let total = resp.total.as_ref().context("total")?;
    let k = kpis_of(total);
    assert_eq!(
        (
            k.sent,
            k.delivered,
            k.opened,
            k.clicked,
            k.converted,
            k.unsubscribed,
            k.bounced
        ),
        (15, 13, 4, 3, 4, 1, 2)
    );
    assert_close!(k.revenue, 200.0);
    assert_close!(k.open_rate, 4.0 / 13.0);
    assert_close!(k.click_rate, 3.0 / 13.0);
    assert_close!(k.click_to_open_rate, 3.0 / 4.0);
    assert_close!(k.conversion_rate, 4.0 / 13.0);
    assert_close!(k.unsubscribe_rate, 1.0 / 13.0);
    assert_close!(k.bounce_rate, 2.0 / 15.0);
    assert_close!(k.revenue_per_recipient, 200.0 / 13.0);
    // 10 emails at the channel cost 0.01, 5 SMS at their recorded 0.05, spend 10.
    let cost = 10.0 * 0.01 + 5.0 * 0.05 + 10.0;
    assert_close!(k.cost, cost);
    assert_close!(k.cac, cost / 4.0);
    assert_close!(k.roas, 200.0 / cost);
    assert_close!(k.roi, (200.0 - cost) / cost);
    // Week over week: 5 emails, 5 delivered, 1 opened the week before.
    let p = total.previous.as_ref().context("previous")?;
    assert_eq!((p.sent, p.delivered, p.opened), (5, 5, 1));
    assert_close!(total.relative_change["sent"], 2.0);
    assert_close!(total.relative_change["open_rate"], (4.0 / 13.0 - 0.2) / 0.2);
    assert!(!total.relative_change.contains_key("revenue"));
    assert_eq!(
        resp.previous_range,
        Some(range(T0, T0 + 7 * DAY)),
        "one week back"
    );

    let by_channel = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Channel,
            Default::default(),
        )
        .await?;
    let keys: Vec<&str> = by_channel.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["email", "sms"]);
    let email = kpis_of(&by_channel.rows[0]);
    assert_eq!(
        (
            email.sent,
            email.delivered,
            email.opened,
            email.clicked,
            email.converted
        ),
        (10, 8, 4, 2, 3)
    );
    assert_close!(email.revenue, 180.0);
    assert_close!(email.cost, 0.1);
    let sms = kpis_of(&by_channel.rows[1]);
    assert_eq!((sms.sent, sms.clicked, sms.converted), (5, 1, 1));
    assert_close!(sms.cost, 0.25);
    assert_close!(sms.roas, 20.0 / 0.25);

    let by_node = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::JourneyNode,
            Default::default(),
        )
        .await?;
    let keys: Vec<&str> = by_node.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["j1/n1", "j1/n2"]);

    let by_offer = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Offer,
            pb::KpiFilter {
                channel: "sms".into(),
                ..Default::default()
            },
        )
        .await?;
    assert_eq!(by_offer.rows.len(), 1);
    assert_eq!(by_offer.rows[0].key, "o1");
    assert_eq!(kpis_of(&by_offer.rows[0]).sent, 5);

    let by_campaign = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Campaign,
            Default::default(),
        )
        .await?;
    let spring = by_campaign
        .rows
        .iter()
        .find(|r| r.key == "spring")
        .context("spring row")?;
    assert_close!(kpis_of(spring).cost, 0.1 + 10.0);

    let by_day = h
        .kpis(week, week + 7 * DAY, pb::Dimension::Day, Default::default())
        .await?;
    let day = by_day
        .rows
        .iter()
        .find(|r| r.key == "2026-11-09")
        .context("day row")?;
    assert_eq!(kpis_of(day).sent, 15);
    // The Monday a week before lines up with this Monday.
    assert_eq!(day.previous.as_ref().map(|p| p.sent), Some(5));

    // Segment "vip" (c0..c4 at send time): 5 emails, 4 opened, 2 clicked, c0 and c1
    // converted for 150.
    let vip = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Segment,
            Default::default(),
        )
        .await?;
    assert_eq!(vip.rows.len(), 1);
    assert_eq!(vip.rows[0].key, "vip");
    let v = kpis_of(&vip.rows[0]);
    assert_eq!(
        (
            v.sent,
            v.delivered,
            v.opened,
            v.clicked,
            v.converted,
            v.unsubscribed
        ),
        (5, 5, 4, 2, 2, 1)
    );
    assert_close!(v.revenue, 150.0);
    let vip_filtered = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Channel,
            pb::KpiFilter {
                segment_id: "vip".into(),
                ..Default::default()
            },
        )
        .await?;
    assert_eq!(vip_filtered.rows.len(), 1);
    assert_eq!(kpis_of(&vip_filtered.rows[0]).sent, 5);

    // Erasure of c0 removes its rows: the segment view (read from rows) loses its
    // message; the aggregates stay; redelivered events of c0 are not counted again.
    h.bus
        .publish(
            Topic::CustomerErased,
            &CustomerErased {
                workspace_id: WS.into(),
                customer_id: "c0".into(),
                merged_customer_ids: Vec::new(),
                erasure_id: "er-1".into(),
                time: Some(to_timestamp(week + 6 * DAY)),
            },
        )
        .await?;
    h.drained().await?;
    let c0_events: Vec<EventIngested> = now
        .iter()
        .filter(|e| e.customer_id == "c0")
        .cloned()
        .collect();
    h.publish(&c0_events).await?;
    h.drained().await?;
    let after = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Unspecified,
            Default::default(),
        )
        .await?;
    let a = kpis_of(after.total.as_ref().context("total")?);
    assert_eq!((a.sent, a.opened, a.converted), (15, 4, 4));
    let vip_after = h
        .kpis(
            week,
            week + 7 * DAY,
            pb::Dimension::Segment,
            Default::default(),
        )
        .await?;
    let v = kpis_of(&vip_after.rows[0]);
    assert_eq!((v.sent, v.opened, v.converted), (4, 3, 1));

    // CSV export of the same report: header, one row per channel, the total.
    let mut stream = h
        .client
        .export_report(pb::ExportReportRequest {
            kind: pb::ReportKind::Kpis as i32,
            kpis: Some(pb::GetKpisRequest {
                range: Some(range(week, week + 7 * DAY)),
                group_by: pb::Dimension::Channel as i32,
                filter: None,
                ..Default::default()
            }),
            attribution: None,
        })
        .await?
        .into_inner();
    let mut rows = Vec::new();
    while let Some(r) = stream.message().await? {
        rows.push(r.row);
    }
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows[0].starts_with("scope,key,sent,delivered,opened"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].starts_with("group,email,10,8,4,2,3,"),
        "{}",
        rows[1]
    );
    assert!(rows[3].starts_with("total,,15,13,4,3,4,"), "{}", rows[3]);

    h.stop().await
}

#[tokio::test]
async fn attribution_models_split_credit_as_computed_by_hand() -> anyhow::Result<()> {
    let mut h = Harness::start(omni_common::clock::system()).await?;
    let t = T0 + 20 * DAY;
    let mut events = Vec::new();
    // a: email 6 days, sms 3 days and push 1 day before buying for 100.
    for (id, channel, age) in [("a1", "email", 6), ("a2", "sms", 3), ("a3", "push", 1)] {
        events.push(Msg::new(id, "a", channel).ev("sent", t - age * DAY, 0));
    }
    events.push(purchase("a", "pa", t, 100.0, "oa"));
    // b: an email 10 days before (outside the 7-day lookback), a push 2 hours before.
    events.push(Msg::new("b1", "b", "email").ev("sent", t - 10 * DAY, 0));
    events.push(Msg::new("b2", "b", "push").ev("sent", t - 2 * HOUR, 0));
    events.push(purchase("b", "pb", t, 50.0, "ob"));
    // c: no touch at all.
    events.push(purchase("c", "pc", t, 30.0, "oc"));
    h.publish(&events).await?;
    h.publish(&events).await?;
    h.drained().await?;

    let resp = h
        .client
        .get_attribution(pb::GetAttributionRequest {
            range: Some(range(t - DAY, t + DAY)),
            lookback: Some(days(7)),
            half_life: Some(days(7)),
            group_by: pb::Dimension::Channel as i32,
            engaged_only: false,
        })
        .await?
        .into_inner();
    assert_eq!(resp.conversions, 3);
    assert_close!(resp.revenue, 180.0);
    assert_eq!(resp.unattributed_conversions, 1);
    assert_close!(resp.unattributed_revenue, 30.0);
    let row = |key: &str| {
        resp.rows
            .iter()
            .find(|r| r.key == key)
            .cloned()
            .unwrap_or_default()
    };
    let conv = |c: &Option<pb::Credit>| c.as_ref().map_or(0.0, |c| c.conversions);
    let rev = |c: &Option<pb::Credit>| c.as_ref().map_or(0.0, |c| c.revenue);
    let (email, sms, push) = (row("email"), row("sms"), row("push"));
    // First touch: a → email, b → push.
    assert_close!(conv(&email.first_touch), 1.0);
    assert_close!(conv(&push.first_touch), 1.0);
    assert_close!(rev(&push.first_touch), 50.0);
    // Last touch: a and b → push.
    assert_close!(conv(&push.last_touch), 2.0);
    assert_close!(conv(&email.last_touch), 0.0);
    assert_close!(rev(&push.last_touch), 150.0);
    // Linear: a splits in thirds, b all to push.
    assert_close!(conv(&email.linear), 1.0 / 3.0);
    assert_close!(conv(&sms.linear), 1.0 / 3.0);
    assert_close!(conv(&push.linear), 1.0 / 3.0 + 1.0);
    assert_close!(rev(&sms.linear), 100.0 / 3.0);
    // Position based: a 40/20/40, b all to push.
    assert_close!(conv(&email.position_based), 0.4);
    assert_close!(conv(&sms.position_based), 0.2);
    assert_close!(conv(&push.position_based), 1.4);
    assert_close!(rev(&push.position_based), 40.0 + 50.0);
    // Time decay, half-life 7 days: weights 2^(-6/7), 2^(-3/7), 2^(-1/7) normalised
    // = 0.250842, 0.337608, 0.411549.
    let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
    assert!(near(conv(&email.time_decay), 0.250_842_146), "{email:?}");
    assert!(near(conv(&sms.time_decay), 0.337_608_492), "{sms:?}");
    assert!(near(conv(&push.time_decay), 1.411_549_362), "{push:?}");
    // Every model gives away exactly the attributed conversions.
    for pick in [
        |r: &pb::AttributionRow| r.first_touch,
        |r: &pb::AttributionRow| r.last_touch,
        |r: &pb::AttributionRow| r.linear,
        |r: &pb::AttributionRow| r.time_decay,
        |r: &pb::AttributionRow| r.position_based,
    ] {
        let sum: f64 = resp.rows.iter().map(|r| conv(&pick(r))).sum();
        assert!(near(sum, 2.0), "{sum}");
    }

    let err = h
        .client
        .get_attribution(pb::GetAttributionRequest {
            range: Some(range(t, t - DAY)),
            ..Default::default()
        })
        .await
        .expect_err("reversed range");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("range"), "{}", err.message());
    h.stop().await
}

#[tokio::test]
async fn incrementality_uplift_and_interval_match_hand_computation() -> anyhow::Result<()> {
    let mut h = Harness::start(omni_common::clock::system()).await?;
    let t = T0 + DAY;
    let mut events = Vec::new();
    let entered = |customer: &str, arm: &str, at: i64| {
        event(
            customer,
            &format!("run:{customer}:entered"),
            "journey.entered",
            at,
            &[
                ("journey_id", text("jx")),
                ("journey_version", Kind::NumberValue(2.0)),
                ("run_id", text(&format!("r-{customer}"))),
                ("arm", text(arm)),
            ],
            SourceChannel::Server,
        )
    };
    // Treated: 200 customers (120 in arm "a", 80 in "b"), 40 buy for 25 each.
    for i in 0..200 {
        let c = format!("t{i}");
        events.push(entered(&c, if i < 120 { "a" } else { "b" }, t));
        if i % 5 == 0 {
            events.push(purchase(
                &c,
                &format!("pt{i}"),
                t + 2 * DAY,
                25.0,
                &format!("ot{i}"),
            ));
        }
    }
    // Holdout: 100 customers, 10 buy for 20 each within the window.
    for i in 0..100 {
        let c = format!("h{i}");
        events.push(entered(&c, "holdout", t));
        if i % 10 == 0 {
            events.push(purchase(
                &c,
                &format!("ph{i}"),
                t + DAY,
                20.0,
                &format!("oh{i}"),
            ));
        }
    }
    // Not counted: a purchase before entry, and one after the 30-day window.
    events.push(purchase("h1", "early", t - HOUR, 99.0, "early"));
    events.push(purchase("h2", "late", t + 31 * DAY, 99.0, "late"));
    // A second entry of a treated customer does not count them twice.
    let mut again = entered("t1", "a", t + HOUR);
    if let Some(e) = again.event.as_mut() {
        e.event_id = "run:t1b:entered".into();
        e.properties.get_or_insert_default().fields.insert(
            "run_id".into(),
            prost_types::Value {
                kind: Some(text("r-t1b")),
            },
        );
    }
    events.push(again);
    h.publish(&events).await?;
    h.publish(&events[..50]).await?;
    h.drained().await?;

    let resp = h
        .client
        .get_incrementality(pb::GetIncrementalityRequest {
            journey_id: "jx".into(),
            experiment_id: String::new(),
            range: Some(range(t - DAY, t + DAY)),
            window: Some(days(30)),
            holdout_arm: String::new(),
        })
        .await?
        .into_inner();
    let treated = resp.treated.context("treated")?;
    let holdout = resp.holdout.context("holdout")?;
    assert_eq!((treated.customers, treated.converters), (200, 40));
    assert_eq!((holdout.customers, holdout.converters), (100, 10));
    assert_close!(treated.conversion_rate, 0.2);
    assert_close!(holdout.revenue_per_customer, 2.0);
    assert_close!(treated.revenue_per_customer, 5.0);
    let arms: Vec<(String, i64)> = resp
        .arms
        .iter()
        .map(|a| (a.arm.clone(), a.customers))
        .collect();
    assert_eq!(
        arms,
        [("a".into(), 120), ("b".into(), 80), ("holdout".into(), 100)]
    );
    let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
    // Conversion: 0.2 - 0.1 = 0.1 ± 1.96 * sqrt(.2*.8/200 + .1*.9/100) = ± 0.080811.
    let u = resp.conversion_rate_uplift.context("conversion uplift")?;
    assert!(near(u.absolute, 0.1));
    assert!(near(u.absolute_lower, 0.019_188_615), "{u:?}");
    assert!(near(u.absolute_upper, 0.180_811_385), "{u:?}");
    assert!(near(u.relative, 1.0));
    // ln 2 ± 1.96 * sqrt(1/40 - 1/200 + 1/10 - 1/100).
    assert!(near(u.relative_lower, 0.044_042_990), "{u:?}");
    assert!(near(u.relative_upper, 2.831_259_861), "{u:?}");
    assert!(u.significant);
    // Revenue per customer: 5 - 2 = 3; variances 100.5025 (treated), 36.3636
    // (holdout); se = sqrt(100.5025/200 + 36.3636/100) = 0.930671.
    let r = resp.revenue_per_customer_uplift.context("revenue uplift")?;
    assert!(near(r.absolute, 3.0));
    assert!(near(r.absolute_lower, 1.175_917_920), "{r:?}");
    assert!(near(r.absolute_upper, 4.824_082_080), "{r:?}");
    assert!(near(r.relative, 1.5));
    // ratio 2.5: exp(ln 2.5 ± 1.96 * sqrt(100.5025/(200*25) + 36.3636/(100*4))) - 1.
    assert!(near(r.relative_lower, 0.301_175_294), "{r:?}");
    assert!(near(r.relative_upper, 3.803_349_732), "{r:?}");

    let err = h
        .client
        .get_incrementality(pb::GetIncrementalityRequest {
            range: Some(range(t, t + DAY)),
            ..Default::default()
        })
        .await
        .expect_err("no journey");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("journey_id"), "{}", err.message());
    h.stop().await
}

#[tokio::test]
async fn funnel_counts_ordered_steps_within_the_window() -> anyhow::Result<()> {
    let mut h = Harness::start(omni_common::clock::system()).await?;
    let t = T0 + 3 * DAY;
    let mut events = Vec::new();
    let step = |c: &str, kind: &str, at: i64, source: SourceChannel| {
        event(c, &format!("{c}:{kind}:{at}"), kind, at, &[], source)
    };
    for i in 0..10 {
        let c = format!("f{i}");
        let source = if i < 5 {
            SourceChannel::Web
        } else {
            SourceChannel::App
        };
        events.push(step(&c, "product_viewed", t + i64::from(i) * 1_000, source));
        if i < 6 {
            events.push(step(&c, "cart_added", t + HOUR, source));
        }
        if i < 3 {
            events.push(step(&c, "checkout_started", t + 2 * HOUR, source));
        }
        if i < 2 {
            events.push(step(&c, "purchase", t + 3 * HOUR, source));
        }
        if i == 2 {
            // Outside the 7-day window.
            events.push(step(&c, "purchase", t + 10 * DAY, source));
        }
        if i == 6 {
            // Checkout without a cart does not reach the checkout step.
            events.push(step(&c, "checkout_started", t + 2 * HOUR, source));
        }
    }
    h.publish(&events).await?;
    h.drained().await?;
    let resp = h
        .client
        .get_funnel(pb::GetFunnelRequest {
            steps: [
                "product_viewed",
                "cart_added",
                "checkout_started",
                "purchase",
            ]
            .map(String::from)
            .to_vec(),
            range: Some(range(t, t + DAY)),
            window: Some(days(7)),
            breakdown: pb::FunnelBreakdown::Channel as i32,
        })
        .await?
        .into_inner();
    let total = resp.total.context("total")?;
    let reached: Vec<i64> = total.steps.iter().map(|s| s.customers).collect();
    assert_eq!(reached, [10, 6, 3, 2]);
    let drop: Vec<i64> = total.steps.iter().map(|s| s.drop_off).collect();
    assert_eq!(drop, [0, 4, 3, 1]);
    assert_close!(total.steps[1].step_conversion, 0.6);
    assert_close!(total.steps[2].drop_off_rate, 0.5);
    assert_close!(total.steps[3].overall_conversion, 0.2);
    let groups: Vec<(String, Vec<i64>)> = resp
        .groups
        .iter()
        .map(|g| (g.key.clone(), g.steps.iter().map(|s| s.customers).collect()))
        .collect();
    assert_eq!(
        groups,
        [
            ("app".to_owned(), vec![5, 1, 0, 0]),
            ("web".to_owned(), vec![5, 5, 3, 2])
        ]
    );
    let err = h
        .client
        .get_funnel(pb::GetFunnelRequest {
            steps: vec!["only_one".into()],
            range: Some(range(t, t + DAY)),
            ..Default::default()
        })
        .await
        .expect_err("one step");
    assert_eq!(err.code(), Code::InvalidArgument);
    h.stop().await
}

#[tokio::test]
async fn an_injected_open_rate_drop_alerts_and_a_normal_week_does_not() -> anyhow::Result<()> {
    let clock = Arc::new(ManualClock::new(T0));
    let mut h = Harness::start(clock.clone()).await?;
    // Ten days of 100 emails at 10:00: 30 opened, except on day 9 when 10 are.
    let mut events = Vec::new();
    for d in 0..10i64 {
        let opened = if d == 9 { 10 } else { 30 };
        for i in 0..100 {
            let m = Msg::new(&format!("d{d}m{i}"), &format!("c{i}"), "email");
            let sent = T0 + d * DAY + 10 * HOUR;
            events.push(m.ev("sent", sent, 0));
            events.push(m.ev("delivered", sent + 1_000, 0));
            if i < opened {
                events.push(m.ev("opened", sent + 1_000_000, 0));
            }
        }
    }
    h.publish(&events).await?;
    h.drained().await?;

    let db = omni_storage::connect(&h.settings.insights.database_url).await?;
    let store = omni_insights::store::Store::new(db);
    let settings = omni_insights::alert_settings(&h.settings);
    let shared: SharedClock = clock.clone();
    // The normal days (day 9 not yet complete): nothing to report.
    clock.set_ms(T0 + 9 * DAY + HOUR / 2);
    let quiet = omni_insights::worker::detect_once(&store, &h.bus, &shared, &settings).await?;
    assert!(quiet.is_empty(), "{quiet:?}");

    clock.set_ms(T0 + 10 * DAY + HOUR / 2);
    let raised = omni_insights::worker::detect_once(&store, &h.bus, &shared, &settings).await?;
    let mut ids: Vec<&str> = raised.iter().map(|a| a.alert_id.as_str()).collect();
    ids.sort_unstable();
    let day = T0 + 9 * DAY;
    let hour = day + 10 * HOUR;
    assert_eq!(
        ids,
        [
            format!("open_rate:day::{day}"),
            format!("open_rate:day:email:{day}"),
            format!("open_rate:hour::{hour}"),
            format!("open_rate:hour:email:{hour}"),
        ]
    );
    let a = &raised[0];
    assert_close!(a.value, 0.1);
    assert_close!(a.baseline, 0.3);
    assert_close!(a.change, -2.0 / 3.0);
    // A second scan raises nothing new.
    let again = omni_insights::worker::detect_once(&store, &h.bus, &shared, &settings).await?;
    assert!(again.is_empty());

    let listed = h
        .client
        .list_alerts(pb::ListAlertsRequest {
            page_size: 3,
            page_token: String::new(),
            kpi: "open_rate".into(),
        })
        .await?
        .into_inner();
    assert_eq!(listed.alerts.len(), 3);
    assert_eq!(listed.next_page_token, "3");
    let rest = h
        .client
        .list_alerts(pb::ListAlertsRequest {
            page_size: 3,
            page_token: listed.next_page_token,
            kpi: String::new(),
        })
        .await?
        .into_inner();
    assert_eq!(rest.alerts.len(), 1);
    assert!(rest.next_page_token.is_empty());
    // Published on the bus for other consumers.
    let mut redis = h.redis.clone();
    let published: usize = redis.xlen(Topic::InsightsAlert.stream()).await?;
    assert_eq!(published, 4);
    h.stop().await
}

#[tokio::test]
async fn requests_are_validated_and_need_a_key() -> anyhow::Result<()> {
    let mut h = Harness::start(omni_common::clock::system()).await?;
    let err = h
        .kpis(
            T0,
            T0 + 500 * DAY,
            pb::Dimension::Unspecified,
            Default::default(),
        )
        .await
        .expect_err("too long");
    assert_eq!(err.code(), Code::InvalidArgument);
    let err = h
        .client
        .set_campaign_spend(pb::SetCampaignSpendRequest {
            campaign: "x".into(),
            day: "yesterday".into(),
            amount: 1.0,
        })
        .await
        .expect_err("bad day");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("day"), "{}", err.message());
    let err = h
        .client
        .set_channel_cost(pb::SetChannelCostRequest {
            channel: "email".into(),
            cost_per_message: -1.0,
        })
        .await
        .expect_err("negative cost");
    assert_eq!(err.code(), Code::InvalidArgument);
    // Without an API key nothing is answered.
    let mut anonymous = InsightsServiceClient::connect(format!("http://{}", h.addr)).await?;
    let err = anonymous
        .list_alerts(pb::ListAlertsRequest::default())
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    h.stop().await
}
