//! Batched ingest against a real database (SQLite, or Postgres when
//! `OMNI_TEST_DATABASE_URL` is set): a batch gives exactly the KPIs of applying its
//! events one by one, and a redelivered batch (or an event repeated inside a batch)
//! changes nothing.

use omni_bus::Delivery;
use omni_common::clock::ManualClock;
use omni_common::convert::to_timestamp;
use omni_common::ids::WorkspaceId;
use omni_insights::kpis::{self, Dimension, KpiFilter, KpiReport, TimeRange};
use omni_insights::store::{self, Store};
use omni_insights::worker::Ingest;
use omni_proto::common::v1::{Event, EventIngested};
use omni_testkit::database_url;
use prost::Message as _;
use prost_types::value::Kind;

const WS: &str = "default";
const HOUR: i64 = 3_600_000;
/// Monday 2026-11-02 00:00 UTC.
const T0: i64 = 1_793_577_600_000;
const LOOKBACK: i64 = 168 * HOUR;

fn event(customer: &str, id: &str, kind: &str, at: i64, props: &[(&str, Kind)]) -> EventIngested {
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
            ..Default::default()
        }),
        merged_customer_ids: Vec::new(),
    }
}

fn message(customer: &str, message: &str, channel: &str, kind: &str, at: i64) -> EventIngested {
    let text = |v: &str| Kind::StringValue(v.into());
    event(
        customer,
        &format!("{message}:{kind}"),
        &format!("message.{kind}"),
        at,
        &[
            ("message_id", text(message)),
            ("channel", text(channel)),
            ("journey_id", text("j1")),
            ("node_id", text("n1")),
            ("template_id", text("t1")),
        ],
    )
}

fn purchase(customer: &str, id: &str, at: i64, revenue: f64) -> EventIngested {
    event(
        customer,
        id,
        "purchase",
        at,
        &[
            ("revenue", Kind::NumberValue(revenue)),
            ("order_id", Kind::StringValue(format!("o-{id}"))),
        ],
    )
}

/// Two customers, three messages on two channels, engagement, purchases, a repeated
/// event id and a customer merge in the middle.
fn events() -> Vec<EventIngested> {
    let mut merge = purchase("c1", "p-merge", T0 + 5 * HOUR, 30.0);
    merge.merged_customer_ids = vec!["c9".into()];
    vec![
        message("c1", "m1", "email", "sent", T0),
        message("c1", "m1", "email", "delivered", T0 + 1),
        message("c2", "m2", "sms", "sent", T0 + 10),
        message("c1", "m1", "email", "opened", T0 + HOUR),
        message("c1", "m1", "email", "opened", T0 + HOUR), // same event id again
        message("c2", "m2", "sms", "delivered", T0 + 20),
        message("c9", "m3", "email", "sent", T0 + 2 * HOUR),
        message("c9", "m3", "email", "delivered", T0 + 2 * HOUR + 1),
        message("c1", "m1", "email", "clicked", T0 + 2 * HOUR),
        purchase("c1", "p1", T0 + 3 * HOUR, 100.0),
        purchase("c2", "p2", T0 + 4 * HOUR, 50.0),
        merge,
        purchase("c1", "p1", T0 + 3 * HOUR, 100.0), // redelivered purchase
    ]
}

fn deliveries(events: &[EventIngested]) -> Vec<Delivery> {
    events
        .iter()
        .enumerate()
        .map(|(i, e)| Delivery {
            id: format!("{}-0", 1_000 + i),
            payload: e.encode_to_vec(),
            traceparent: None,
            deliveries: 1,
        })
        .collect()
}

async fn fresh() -> anyhow::Result<(Store, Ingest)> {
    let db = omni_storage::connect(&database_url("insights").await?).await?;
    omni_storage::migrate(&db, "insights", store::MIGRATIONS).await?;
    let store = Store::new(db);
    let clock = ManualClock::new(T0);
    let ingest = Ingest::new(store.clone(), std::sync::Arc::new(clock), LOOKBACK);
    Ok((store, ingest))
}

async fn report(store: &Store, dim: Dimension) -> anyhow::Result<KpiReport> {
    let range = TimeRange {
        start_ms: T0,
        end_ms: T0 + 24 * HOUR,
    };
    Ok(kpis::report(
        store,
        &WorkspaceId::new(WS),
        range,
        dim,
        &KpiFilter::default(),
    )
    .await?)
}

#[tokio::test]
async fn a_batch_counts_like_one_by_one_and_a_redelivered_batch_changes_nothing()
-> anyhow::Result<()> {
    let all = events();
    let (batched, batch_ingest) = fresh().await?;
    let (single, single_ingest) = fresh().await?;

    // 13 events, 2 of them repeated ids: 11 are new.
    assert_eq!(batch_ingest.handle_events(deliveries(&all)).await?, 11);
    let mut new_one_by_one = 0;
    for e in &all {
        if single_ingest.on_event(e).await? {
            new_one_by_one += 1;
        }
    }
    assert_eq!(new_one_by_one, 11);

    let by_channel = report(&batched, Dimension::Channel).await?;
    assert_eq!(by_channel, report(&single, Dimension::Channel).await?);
    let total = by_channel.total.current.counts;
    assert_eq!(
        (total.sent, total.delivered, total.opened, total.clicked),
        (3, 3, 1, 1)
    );
    // p1 -> m1 (c1's last message), p2 -> m2, p-merge -> m3 (c9's, merged into c1
    // before it, so c1's latest message).
    assert_eq!(total.converted, 3);
    assert!((total.revenue - 180.0).abs() < 1e-9);
    let email = by_channel
        .rows
        .iter()
        .find(|r| r.key == "email")
        .ok_or_else(|| anyhow::anyhow!("no email row"))?;
    assert_eq!(email.current.counts.converted, 2);
    assert!((email.current.counts.revenue - 130.0).abs() < 1e-9);

    // The whole batch delivered again (a crash before its XACK): nothing new.
    assert_eq!(batch_ingest.handle_events(deliveries(&all)).await?, 0);
    assert_eq!(report(&batched, Dimension::Channel).await?, by_channel);
    // ... nor in smaller batches overlapping new events.
    let mut more = all[..4].to_vec();
    more.push(message("c2", "m2", "sms", "opened", T0 + 3 * HOUR));
    assert_eq!(batch_ingest.handle_events(deliveries(&more)).await?, 1);
    let after = report(&batched, Dimension::None)
        .await?
        .total
        .current
        .counts;
    assert_eq!((after.sent, after.opened, after.converted), (3, 2, 3));
    Ok(())
}

#[tokio::test]
async fn an_undecodable_entry_fails_its_batch_and_changes_nothing() -> anyhow::Result<()> {
    let (store, ingest) = fresh().await?;
    let mut batch = deliveries(&events()[..3]);
    batch.push(Delivery {
        id: "9-0".into(),
        payload: vec![0xff, 0xff, 0xff],
        traceparent: None,
        deliveries: 1,
    });
    assert!(ingest.handle_events(batch).await.is_err());
    let total = report(&store, Dimension::None).await?.total.current.counts;
    assert_eq!(total.sent, 0, "nothing of the batch was applied");
    // The bus then hands the good entries over alone: they apply.
    assert_eq!(ingest.handle_events(deliveries(&events()[..3])).await?, 3);
    let total = report(&store, Dimension::None).await?.total.current.counts;
    assert_eq!((total.sent, total.delivered), (2, 1));
    Ok(())
}
