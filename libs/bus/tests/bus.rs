//! The bus against a real redis-server.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Delivery, Error, Topic, consume};
use omni_testkit::{RedisServer, eventually};
use redis::AsyncCommands as _;
use redis::aio::MultiplexedConnection;
use redis::streams::{
    StreamClaimOptions, StreamPendingCountReply, StreamRangeReply, StreamReadOptions,
    StreamReadReply,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tracing::Instrument as _;

const WAIT: Duration = Duration::from_secs(10);

#[derive(Clone, PartialEq, prost::Message)]
struct Ping {
    #[prost(string, tag = "1")]
    text: String,
}

fn ping(text: &str) -> Ping {
    Ping {
        text: text.to_owned(),
    }
}

struct Harness {
    _server: RedisServer,
    bus: Bus,
    conn: MultiplexedConnection,
}

async fn harness() -> anyhow::Result<Harness> {
    let server = RedisServer::start().await?;
    let bus = Bus::connect(&server.url).await?;
    let conn = redis::Client::open(server.url.as_str())?
        .get_multiplexed_async_connection()
        .await?;
    Ok(Harness {
        _server: server,
        bus,
        conn,
    })
}

/// Short timings so retries happen within a test.
fn fast(group: &str, consumer: &str) -> ConsumerOptions {
    ConsumerOptions {
        block: Duration::from_millis(50),
        reclaim_idle: Duration::from_millis(200),
        ..ConsumerOptions::new(group, consumer)
    }
}

/// Runs a consumer that forwards every delivery to the returned channel and acks it.
fn forward(
    bus: &Bus,
    topic: Topic,
    options: ConsumerOptions,
    shutdown: &CancellationToken,
) -> (
    mpsc::UnboundedReceiver<Delivery>,
    JoinHandle<Result<(), Error>>,
) {
    let (tx, rx) = mpsc::unbounded_channel();
    let task = tokio::spawn(consume(
        bus.clone(),
        topic,
        options,
        shutdown.clone(),
        move |d| {
            let tx = tx.clone();
            async move { tx.send(d).map_err(|e| e.to_string()) }
        },
    ));
    (rx, task)
}

async fn recv(rx: &mut mpsc::UnboundedReceiver<Delivery>) -> anyhow::Result<Delivery> {
    tokio::time::timeout(WAIT, rx.recv())
        .await?
        .ok_or_else(|| anyhow::anyhow!("consumer stopped"))
}

async fn pending(
    conn: &mut MultiplexedConnection,
    topic: Topic,
    group: &str,
) -> anyhow::Result<Vec<(String, String, usize)>> {
    let reply: StreamPendingCountReply = conn
        .xpending_count(topic.stream(), group, "-", "+", 1000)
        .await?;
    Ok(reply
        .ids
        .into_iter()
        .map(|p| (p.id, p.consumer, p.times_delivered))
        .collect())
}

async fn stop(
    shutdown: &CancellationToken,
    task: JoinHandle<Result<(), Error>>,
) -> anyhow::Result<()> {
    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(2), task).await???;
    Ok(())
}

#[tokio::test]
async fn publish_consume_ack() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("segment", "s1"),
        &shutdown,
    );

    let mut ids = Vec::new();
    for text in ["a", "b", "c"] {
        ids.push(h.bus.publish(Topic::EventIngested, &ping(text)).await?);
    }
    for (id, text) in ids.iter().zip(["a", "b", "c"]) {
        let delivery = recv(&mut rx).await?;
        assert_eq!(&delivery.id, id);
        assert_eq!(delivery.deliveries, 1);
        assert_eq!(delivery.decode::<Ping>()?, ping(text));
    }
    eventually(WAIT, || {
        let mut conn = h.conn.clone();
        async move {
            Ok(pending(&mut conn, Topic::EventIngested, "segment")
                .await?
                .is_empty()
                .then_some(()))
        }
    })
    .await?;
    // The other topic is untouched.
    let len: usize = h.conn.xlen(Topic::MembershipChanged.stream()).await?;
    assert_eq!(len, 0);
    stop(&shutdown, task).await
}

#[tokio::test]
async fn messages_published_before_the_group_exists_are_delivered() -> anyhow::Result<()> {
    let h = harness().await?;
    let first = h
        .bus
        .publish(Topic::MembershipChanged, &ping("early"))
        .await?;
    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(
        &h.bus,
        Topic::MembershipChanged,
        fast("journey", "j1"),
        &shutdown,
    );
    let delivery = recv(&mut rx).await?;
    assert_eq!(delivery.id, first);
    assert_eq!(delivery.decode::<Ping>()?, ping("early"));
    stop(&shutdown, task).await
}

#[tokio::test]
async fn consumers_share_a_group_and_every_group_gets_everything() -> anyhow::Result<()> {
    let h = harness().await?;
    let shutdown = CancellationToken::new();
    let (mut a, task_a) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("segment", "s1"),
        &shutdown,
    );
    let (mut b, task_b) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("segment", "s2"),
        &shutdown,
    );
    let (mut other, task_other) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("journey", "j1"),
        &shutdown,
    );
    for i in 0..20 {
        h.bus
            .publish(Topic::EventIngested, &ping(&i.to_string()))
            .await?;
    }
    let mut seen_by_group = Vec::new();
    let mut seen_by_other = Vec::new();
    while seen_by_group.len() < 20 {
        let d = tokio::select! {
            d = recv(&mut a) => d?,
            d = recv(&mut b) => d?,
        };
        seen_by_group.push(d.decode::<Ping>()?.text);
    }
    while seen_by_other.len() < 20 {
        seen_by_other.push(recv(&mut other).await?.decode::<Ping>()?.text);
    }
    seen_by_group.sort();
    seen_by_other.sort();
    assert_eq!(seen_by_group, seen_by_other);
    seen_by_group.dedup();
    assert_eq!(seen_by_group.len(), 20, "each entry once per group");
    stop(&shutdown, task_a).await?;
    stop(&shutdown, task_b).await?;
    stop(&shutdown, task_other).await
}

#[tokio::test]
async fn failed_entry_stays_pending_and_another_consumer_reclaims_it() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let id = h
        .bus
        .publish(Topic::EventIngested, &ping("retry me"))
        .await?;

    // Consumer A fails, then dies (is stopped) without acknowledging.
    let failures = Arc::new(AtomicU64::new(0));
    let shutdown_a = CancellationToken::new();
    let counter = Arc::clone(&failures);
    let options_a = ConsumerOptions {
        reclaim_idle: Duration::from_secs(60),
        ..fast("segment", "a")
    };
    let task_a = tokio::spawn(consume(
        h.bus.clone(),
        Topic::EventIngested,
        options_a,
        shutdown_a.clone(),
        move |_d| {
            let counter = Arc::clone(&counter);
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                Err::<(), _>("downstream unavailable")
            }
        },
    ));
    eventually(WAIT, || {
        let failures = Arc::clone(&failures);
        async move { Ok((failures.load(Ordering::SeqCst) == 1).then_some(())) }
    })
    .await?;
    stop(&shutdown_a, task_a).await?;
    assert_eq!(
        pending(&mut h.conn, Topic::EventIngested, "segment").await?,
        vec![(id.clone(), "a".to_owned(), 1)]
    );

    // Consumer B reclaims it once it has been idle for reclaim_idle.
    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("segment", "b"),
        &shutdown,
    );
    let delivery = recv(&mut rx).await?;
    assert_eq!(delivery.id, id);
    assert_eq!(delivery.deliveries, 2);
    assert_eq!(delivery.decode::<Ping>()?, ping("retry me"));
    eventually(WAIT, || {
        let mut conn = h.conn.clone();
        async move {
            Ok(pending(&mut conn, Topic::EventIngested, "segment")
                .await?
                .is_empty()
                .then_some(()))
        }
    })
    .await?;
    assert_eq!(failures.load(Ordering::SeqCst), 1);
    stop(&shutdown, task).await
}

#[tokio::test]
async fn a_consumer_retries_its_own_failures_after_reclaim_idle() -> anyhow::Result<()> {
    let h = harness().await?;
    h.bus.publish(Topic::EventIngested, &ping("flaky")).await?;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume(
        h.bus.clone(),
        Topic::EventIngested,
        fast("segment", "s1"),
        shutdown.clone(),
        move |d: Delivery| {
            let tx = tx.clone();
            async move {
                let _ = tx.send((d.deliveries, std::time::Instant::now()));
                if d.deliveries < 3 {
                    Err("not yet")
                } else {
                    Ok(())
                }
            }
        },
    ));
    let mut attempts = Vec::new();
    for _ in 0..3 {
        attempts.push(
            tokio::time::timeout(WAIT, rx.recv())
                .await?
                .ok_or_else(|| anyhow::anyhow!("stopped"))?,
        );
    }
    assert_eq!(attempts.iter().map(|a| a.0).collect::<Vec<_>>(), [1, 2, 3]);
    for pair in attempts.windows(2) {
        let gap = pair[1].1 - pair[0].1;
        assert!(
            gap >= Duration::from_millis(150),
            "retried after {gap:?}, before reclaim_idle"
        );
    }
    stop(&shutdown, task).await
}

#[tokio::test]
async fn poison_message_goes_to_the_dead_letter_stream() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let good_before = h.bus.publish(Topic::EventIngested, &ping("good")).await?;
    let poison = h.bus.publish(Topic::EventIngested, &ping("poison")).await?;
    let attempts = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&attempts);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let options = ConsumerOptions {
        max_deliveries: 3,
        reclaim_idle: Duration::from_millis(100),
        ..fast("segment", "s1")
    };
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume(
        h.bus.clone(),
        Topic::EventIngested,
        options,
        shutdown.clone(),
        move |d: Delivery| {
            let counter = Arc::clone(&counter);
            let tx = tx.clone();
            async move {
                let msg = d.decode::<Ping>().map_err(|e| e.to_string())?;
                if msg.text == "poison" {
                    counter.fetch_add(1, Ordering::SeqCst);
                    return Err(format!("cannot handle {}", msg.text));
                }
                tx.send(d.id).map_err(|e| e.to_string())
            }
        },
    ));
    assert_eq!(
        tokio::time::timeout(WAIT, rx.recv()).await?,
        Some(good_before)
    );

    let dead: StreamRangeReply = eventually(WAIT, || {
        let mut conn = h.conn.clone();
        async move {
            let dead: StreamRangeReply = conn
                .xrange_all(Topic::EventIngested.dead_letter_stream())
                .await?;
            Ok((!dead.ids.is_empty()).then_some(dead))
        }
    })
    .await?;
    assert_eq!(dead.ids.len(), 1);
    let entry = &dead.ids[0];
    let payload: Vec<u8> = entry
        .get("p")
        .ok_or_else(|| anyhow::anyhow!("no payload"))?;
    assert_eq!(
        <Ping as prost::Message>::decode(payload.as_slice())?,
        ping("poison")
    );
    assert_eq!(entry.get::<String>("source_id"), Some(poison));
    assert_eq!(entry.get::<String>("group").as_deref(), Some("segment"));
    assert_eq!(entry.get::<String>("deliveries").as_deref(), Some("3"));
    assert_eq!(
        entry.get::<String>("reason").as_deref(),
        Some("cannot handle poison")
    );
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
    assert!(
        pending(&mut h.conn, Topic::EventIngested, "segment")
            .await?
            .is_empty()
    );

    // Later entries still flow.
    let after = h
        .bus
        .publish(Topic::EventIngested, &ping("good again"))
        .await?;
    assert_eq!(tokio::time::timeout(WAIT, rx.recv()).await?, Some(after));
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
    stop(&shutdown, task).await
}

#[tokio::test]
async fn entries_delivered_too_often_are_dead_lettered_without_handling() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let id = h
        .bus
        .publish(Topic::EventIngested, &ping("crashes consumers"))
        .await?;
    // Simulate consumers that crashed while handling it, many times over.
    let _: () = h
        .conn
        .xgroup_create_mkstream(Topic::EventIngested.stream(), "segment", "0")
        .await?;
    let read = StreamReadOptions::default()
        .group("segment", "ghost")
        .count(1);
    let _: Option<StreamReadReply> = h
        .conn
        .xread_options(&[Topic::EventIngested.stream()], &[">"], &read)
        .await?;
    let _: redis::Value = h
        .conn
        .xclaim_options(
            Topic::EventIngested.stream(),
            "segment",
            "ghost",
            0,
            &[id.as_str()],
            StreamClaimOptions::default().retry(20),
        )
        .await?;

    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(
        &h.bus,
        Topic::EventIngested,
        fast("segment", "s1"),
        &shutdown,
    );
    let dead: StreamRangeReply = eventually(WAIT, || {
        let mut conn = h.conn.clone();
        async move {
            let dead: StreamRangeReply = conn
                .xrange_all(Topic::EventIngested.dead_letter_stream())
                .await?;
            Ok((!dead.ids.is_empty()).then_some(dead))
        }
    })
    .await?;
    assert_eq!(dead.ids[0].get::<String>("source_id"), Some(id));
    assert_eq!(
        dead.ids[0].get::<String>("deliveries").as_deref(),
        Some("21")
    );
    assert!(rx.try_recv().is_err(), "the handler never saw it");
    assert!(
        pending(&mut h.conn, Topic::EventIngested, "segment")
            .await?
            .is_empty()
    );
    stop(&shutdown, task).await
}

#[tokio::test]
async fn a_restarted_consumer_first_rereads_its_own_pending_entries() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let id = h
        .bus
        .publish(Topic::EventIngested, &ping("in flight"))
        .await?;
    // A previous run of consumer "s1" read the entry and crashed before acking it.
    let _: () = h
        .conn
        .xgroup_create_mkstream(Topic::EventIngested.stream(), "segment", "0")
        .await?;
    let read = StreamReadOptions::default()
        .group("segment", "s1")
        .count(10);
    let _: Option<StreamReadReply> = h
        .conn
        .xread_options(&[Topic::EventIngested.stream()], &[">"], &read)
        .await?;

    // reclaim_idle is long, so only the re-read of its own pending list can deliver it.
    let options = ConsumerOptions {
        reclaim_idle: Duration::from_secs(60),
        ..fast("segment", "s1")
    };
    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(&h.bus, Topic::EventIngested, options, &shutdown);
    let delivery = recv(&mut rx).await?;
    assert_eq!(delivery.id, id);
    // Re-reading history counts as a delivery, so a crash-looping entry ends up dead.
    assert_eq!(delivery.deliveries, 2);
    eventually(WAIT, || {
        let mut conn = h.conn.clone();
        async move {
            Ok(pending(&mut conn, Topic::EventIngested, "segment")
                .await?
                .is_empty()
                .then_some(()))
        }
    })
    .await?;
    stop(&shutdown, task).await?;
    let len: usize = h.conn.xlen(Topic::EventIngested.stream()).await?;
    assert_eq!(len, 1);
    Ok(())
}

#[tokio::test]
async fn shutdown_stops_a_blocked_consumer_promptly() -> anyhow::Result<()> {
    let h = harness().await?;
    let options = ConsumerOptions {
        block: Duration::from_secs(30),
        ..ConsumerOptions::new("segment", "s1")
    };
    let shutdown = CancellationToken::new();
    let (_rx, task) = forward(&h.bus, Topic::EventIngested, options, &shutdown);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!task.is_finished());
    let started = std::time::Instant::now();
    stop(&shutdown, task).await?;
    assert!(started.elapsed() < Duration::from_secs(1));
    Ok(())
}

#[tokio::test]
async fn a_bus_over_a_shared_connection_polls() -> anyhow::Result<()> {
    let h = harness().await?;
    let conn =
        redis::aio::ConnectionManager::new(redis::Client::open(h._server.url.as_str())?).await?;
    let bus = Bus::new(conn).with_max_len(1000);
    let shutdown = CancellationToken::new();
    let (mut rx, task) = forward(
        &bus,
        Topic::MembershipChanged,
        ConsumerOptions::new("journey", "j1"),
        &shutdown,
    );
    let id = bus
        .publish(Topic::MembershipChanged, &ping("polled"))
        .await?;
    let delivery = recv(&mut rx).await?;
    assert_eq!(delivery.id, id);
    // Publishing on the shared connection is not stalled by the consumer.
    let started = std::time::Instant::now();
    bus.publish(Topic::MembershipChanged, &ping("fast")).await?;
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(recv(&mut rx).await?.decode::<Ping>()?, ping("fast"));
    let started = std::time::Instant::now();
    stop(&shutdown, task).await?;
    assert!(started.elapsed() < Duration::from_secs(1));
    Ok(())
}

#[tokio::test]
async fn streams_are_trimmed_to_about_max_len() -> anyhow::Result<()> {
    let mut h = harness().await?;
    let bus = h.bus.clone().with_max_len(10);
    for i in 0..500 {
        bus.publish(Topic::EventIngested, &ping(&i.to_string()))
            .await?;
    }
    let len: usize = h.conn.xlen(Topic::EventIngested.stream()).await?;
    // `MAXLEN ~` trims whole macro nodes (100 entries by default), never below 10.
    assert!((10..=200).contains(&len), "len {len}");
    Ok(())
}

#[tokio::test]
async fn trace_context_travels_with_the_entry() -> anyhow::Result<()> {
    omni_common::telemetry::init_for_tests();
    let h = harness().await?;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume(
        h.bus.clone(),
        Topic::EventIngested,
        fast("segment", "s1"),
        shutdown.clone(),
        move |d: Delivery| {
            let tx = tx.clone();
            async move {
                // The handler runs inside a span continuing the publisher's trace.
                let inside = omni_common::telemetry::current_traceparent();
                tx.send((d, inside)).map_err(|e| e.to_string())
            }
        },
    ));

    let explicit = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    h.bus
        .publish_with_traceparent(
            Topic::EventIngested,
            &ping("explicit"),
            Some(explicit.to_owned()),
        )
        .await?;
    let (delivery, inside) = tokio::time::timeout(WAIT, rx.recv())
        .await?
        .ok_or_else(|| anyhow::anyhow!("stopped"))?;
    assert_eq!(delivery.traceparent.as_deref(), Some(explicit));
    let inside = inside.ok_or_else(|| anyhow::anyhow!("handler ran outside a trace"))?;
    assert_eq!(
        omni_common::telemetry::trace_id_of(&inside),
        omni_common::telemetry::trace_id_of(explicit)
    );

    let span = tracing::info_span!("publisher");
    let published = async {
        let tp = omni_common::telemetry::current_traceparent();
        h.bus
            .publish(Topic::EventIngested, &ping("ambient"))
            .await
            .map(|_| tp)
    }
    .instrument(span)
    .await?;
    let (delivery, _) = tokio::time::timeout(WAIT, rx.recv())
        .await?
        .ok_or_else(|| anyhow::anyhow!("stopped"))?;
    assert!(published.is_some());
    assert_eq!(delivery.traceparent, published);

    h.bus
        .publish_with_traceparent(Topic::EventIngested, &ping("untraced"), None)
        .await?;
    let (delivery, _) = tokio::time::timeout(WAIT, rx.recv())
        .await?
        .ok_or_else(|| anyhow::anyhow!("stopped"))?;
    assert_eq!(delivery.traceparent, None);
    stop(&shutdown, task).await
}

#[test]
fn decode_reports_a_wrong_payload() {
    let delivery = Delivery {
        id: "1-0".into(),
        payload: vec![0xff, 0xff, 0xff],
        traceparent: None,
        deliveries: 1,
    };
    assert!(matches!(delivery.decode::<Ping>(), Err(Error::Decode(_))));
}
