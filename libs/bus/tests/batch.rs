//! `consume_batch` against a real redis-server: batches, one `XACK` per batch, the
//! entry-by-entry fallback after a failed batch, dead letters and redelivery.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use omni_bus::{Bus, ConsumerOptions, Delivery, Error, Topic, consume_batch};
use omni_testkit::{RedisServer, eventually};
use redis::AsyncCommands as _;
use redis::aio::MultiplexedConnection;
use redis::streams::{StreamPendingCountReply, StreamRangeReply};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

const WAIT: Duration = Duration::from_secs(10);
const TOPIC: Topic = Topic::EventIngested;

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

async fn start() -> anyhow::Result<(RedisServer, Bus, MultiplexedConnection)> {
    let server = RedisServer::start().await?;
    let bus = Bus::connect(&server.url).await?;
    let conn = redis::Client::open(server.url.as_str())?
        .get_multiplexed_async_connection()
        .await?;
    Ok((server, bus, conn))
}

fn options(consumer: &str, batch: usize) -> ConsumerOptions {
    ConsumerOptions {
        batch,
        block: Duration::from_millis(50),
        reclaim_idle: Duration::from_millis(200),
        ..ConsumerOptions::new("insights", consumer)
    }
}

async fn pending(conn: &mut MultiplexedConnection) -> anyhow::Result<Vec<(String, usize)>> {
    let reply: StreamPendingCountReply = conn
        .xpending_count(TOPIC.stream(), "insights", "-", "+", 1000)
        .await?;
    Ok(reply
        .ids
        .into_iter()
        .map(|p| (p.id, p.times_delivered))
        .collect())
}

async fn wait_no_pending(conn: &MultiplexedConnection) -> anyhow::Result<()> {
    eventually(WAIT, || {
        let mut conn = conn.clone();
        async move { Ok(pending(&mut conn).await?.is_empty().then_some(())) }
    })
    .await
}

async fn stop(
    shutdown: &CancellationToken,
    task: JoinHandle<Result<(), Error>>,
) -> anyhow::Result<()> {
    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(2), task).await???;
    Ok(())
}

async fn publish_all(bus: &Bus, texts: &[String]) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::new();
    for text in texts {
        ids.push(bus.publish(TOPIC, &ping(text)).await?);
    }
    Ok(ids)
}

/// Texts `"m0"`, `"m1"`, ...
fn texts(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("m{i}")).collect()
}

#[tokio::test]
async fn entries_arrive_in_batches_in_order_and_are_acked() -> anyhow::Result<()> {
    let (_server, bus, conn) = start().await?;
    let ids = publish_all(&bus, &texts(10)).await?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<Delivery>>();
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        options("i1", 4),
        shutdown.clone(),
        move |batch: Vec<Delivery>| {
            let tx = tx.clone();
            async move { tx.send(batch).map_err(|e| e.to_string()) }
        },
    ));
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    while seen.len() < ids.len() {
        let batch = tokio::time::timeout(WAIT, rx.recv())
            .await?
            .ok_or_else(|| anyhow::anyhow!("consumer stopped"))?;
        sizes.push(batch.len());
        for d in batch {
            assert_eq!(d.deliveries, 1);
            seen.push((d.id.clone(), d.decode::<Ping>()?.text));
        }
    }
    // Ten entries already in the stream, four at a time: 4 + 4 + 2.
    assert_eq!(sizes, vec![4, 4, 2]);
    let expected: Vec<(String, String)> = ids.into_iter().zip(texts(10)).collect();
    assert_eq!(seen, expected);
    wait_no_pending(&conn).await?;

    // Entries published while it runs flow as well.
    let later = bus.publish(TOPIC, &ping("later")).await?;
    let batch = tokio::time::timeout(WAIT, rx.recv())
        .await?
        .ok_or_else(|| anyhow::anyhow!("consumer stopped"))?;
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].id, later);
    wait_no_pending(&conn).await?;
    stop(&shutdown, task).await
}

#[tokio::test]
async fn a_failed_batch_is_retried_entry_by_entry_and_only_the_poison_is_dead_lettered()
-> anyhow::Result<()> {
    let (_server, bus, mut conn) = start().await?;
    let mut all = texts(5);
    all[2] = "poison".to_owned();
    let ids = publish_all(&bus, &all).await?;
    // Every handler call, as the texts it was given.
    let calls: Arc<Mutex<Vec<Vec<String>>>> = Arc::default();
    let recorded = Arc::clone(&calls);
    let shutdown = CancellationToken::new();
    let opts = ConsumerOptions {
        max_deliveries: 2,
        reclaim_idle: Duration::from_millis(100),
        ..options("i1", 10)
    };
    let task = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        opts,
        shutdown.clone(),
        move |batch: Vec<Delivery>| {
            let recorded = Arc::clone(&recorded);
            async move {
                let texts = batch
                    .iter()
                    .map(|d| d.decode::<Ping>().map(|p| p.text))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| e.to_string())?;
                let poisoned = texts.iter().any(|t| t == "poison");
                recorded
                    .lock()
                    .map_err(|e| e.to_string())?
                    .push(texts.clone());
                if poisoned {
                    Err(format!("cannot handle a batch of {}", texts.len()))
                } else {
                    Ok(())
                }
            }
        },
    ));
    let dead: StreamRangeReply = eventually(WAIT, || {
        let mut conn = conn.clone();
        async move {
            let dead: StreamRangeReply = conn.xrange_all(TOPIC.dead_letter_stream()).await?;
            Ok((!dead.ids.is_empty()).then_some(dead))
        }
    })
    .await?;
    wait_no_pending(&conn).await?;
    stop(&shutdown, task).await?;

    assert_eq!(dead.ids.len(), 1, "only the poison entry is dead-lettered");
    assert_eq!(dead.ids[0].get::<String>("source_id"), Some(ids[2].clone()));
    assert_eq!(
        dead.ids[0].get::<String>("deliveries").as_deref(),
        Some("2")
    );
    assert_eq!(
        dead.ids[0].get::<String>("reason").as_deref(),
        Some("cannot handle a batch of 1")
    );
    let calls = calls.lock().map_err(|e| anyhow::anyhow!("{e}"))?.clone();
    let one = |t: &str| vec![t.to_owned()];
    assert_eq!(
        calls,
        vec![
            // The whole read fails, then each entry goes alone: the good ones are acked.
            all.clone(),
            one("m0"),
            one("m1"),
            one("poison"),
            one("m3"),
            one("m4"),
            // Reclaimed after reclaim_idle (second delivery): fails alone, dead-lettered.
            one("poison"),
        ]
    );
    assert!(pending(&mut conn).await?.is_empty());
    Ok(())
}

#[tokio::test]
async fn an_unacked_batch_is_delivered_again_whole_after_a_crash() -> anyhow::Result<()> {
    let (_server, bus, mut conn) = start().await?;
    let ids = publish_all(&bus, &texts(3)).await?;
    // First run: the handler receives the batch and never finishes (the process dies).
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<String>>();
    let crashed = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        options("i1", 10),
        CancellationToken::new(),
        move |batch: Vec<Delivery>| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(batch.iter().map(|d| d.id.clone()).collect());
                std::future::pending::<Result<(), String>>().await
            }
        },
    ));
    let first = tokio::time::timeout(WAIT, rx.recv()).await?;
    assert_eq!(first.as_ref(), Some(&ids));
    crashed.abort();
    let _ = crashed.await;
    let left = pending(&mut conn).await?;
    assert_eq!(left.len(), 3, "nothing was acknowledged");

    // The restarted consumer (same name, long reclaim_idle) re-reads its own pending
    // entries first, as one batch, each on its second delivery.
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<(String, u64)>>();
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        ConsumerOptions {
            reclaim_idle: Duration::from_secs(60),
            ..options("i1", 10)
        },
        shutdown.clone(),
        move |batch: Vec<Delivery>| {
            let tx = tx.clone();
            async move {
                tx.send(batch.iter().map(|d| (d.id.clone(), d.deliveries)).collect())
                    .map_err(|e| e.to_string())
            }
        },
    ));
    let again = tokio::time::timeout(WAIT, rx.recv()).await?;
    let expected: Vec<(String, u64)> = ids.iter().map(|id| (id.clone(), 2)).collect();
    assert_eq!(again, Some(expected));
    wait_no_pending(&conn).await?;
    stop(&shutdown, task).await
}

#[tokio::test]
async fn another_consumer_reclaims_an_idle_batch() -> anyhow::Result<()> {
    let (_server, bus, conn) = start().await?;
    let ids = publish_all(&bus, &texts(4)).await?;
    // Consumer i1 takes the batch and fails it whole and entry by entry, every time.
    let failing = CancellationToken::new();
    let failing_task = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        ConsumerOptions {
            reclaim_idle: Duration::from_secs(60),
            ..options("i1", 10)
        },
        failing.clone(),
        |_batch: Vec<Delivery>| async { Err::<(), _>("database down") },
    ));
    eventually(WAIT, || {
        let mut conn = conn.clone();
        async move { Ok((pending(&mut conn).await?.len() == 4).then_some(())) }
    })
    .await?;
    stop(&failing, failing_task).await?;

    // i2 reclaims the idle entries (one XAUTOCLAIM = one batch) and handles them.
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<(String, u64)>>();
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(consume_batch(
        bus.clone(),
        TOPIC,
        options("i2", 10),
        shutdown.clone(),
        move |batch: Vec<Delivery>| {
            let tx = tx.clone();
            async move {
                tx.send(batch.iter().map(|d| (d.id.clone(), d.deliveries)).collect())
                    .map_err(|e| e.to_string())
            }
        },
    ));
    let got = tokio::time::timeout(WAIT, rx.recv()).await?;
    let expected: Vec<(String, u64)> = ids.iter().map(|id| (id.clone(), 2)).collect();
    assert_eq!(got, Some(expected));
    wait_no_pending(&conn).await?;
    stop(&shutdown, task).await
}
