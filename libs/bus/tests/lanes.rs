//! `consume_lanes` against a real redis-server: a long lane does not hold back the
//! others, each lane stays in order, and everything is acknowledged.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use omni_bus::{Bus, ConsumerOptions, Delivery, Lane, LaneOptions, Topic, consume_lanes};
use omni_testkit::{RedisServer, eventually};
use redis::AsyncCommands as _;
use redis::streams::StreamPendingCountReply;
use tokio_util::sync::CancellationToken;

const WAIT: Duration = Duration::from_secs(30);
const TOPIC: Topic = Topic::EventIngested;
const HOT: usize = 300;
const OTHERS: usize = 10;

#[derive(Clone, PartialEq, prost::Message)]
struct Msg {
    #[prost(string, tag = "1")]
    key: String,
    #[prost(uint64, tag = "2")]
    seq: u64,
}

fn lane(d: &Delivery) -> Lane {
    Lane::Key(d.decode::<Msg>().map(|m| m.key).unwrap_or_default())
}

#[tokio::test]
async fn a_long_lane_does_not_hold_back_the_others_and_each_lane_stays_in_order()
-> anyhow::Result<()> {
    let server = RedisServer::start().await?;
    let bus = Bus::connect(&server.url).await?;
    let mut conn = redis::Client::open(server.url.as_str())?
        .get_multiplexed_async_connection()
        .await?;
    // The hot key's whole backlog is ahead of the others' entries in the stream.
    for seq in 0..HOT as u64 {
        let key = "hot".to_owned();
        bus.publish(TOPIC, &Msg { key, seq }).await?;
    }
    for i in 0..OTHERS {
        for seq in 0..2 {
            let key = format!("k{i}");
            bus.publish(TOPIC, &Msg { key, seq }).await?;
        }
    }
    // Every handled entry, with when it was handled.
    let seen: Arc<Mutex<Vec<(Instant, Msg, u64)>>> = Arc::default();
    let recorded = Arc::clone(&seen);
    let shutdown = CancellationToken::new();
    let options = ConsumerOptions {
        batch: 16,
        block: Duration::from_millis(50),
        // Shorter than the hot lane's drain: waiting entries must not be reclaimed.
        reclaim_idle: Duration::from_millis(300),
        ..ConsumerOptions::new("segment", "s1")
    };
    let lanes = LaneOptions {
        max_in_flight: 1_000,
        chunk: 8,
        ..LaneOptions::new(4)
    };
    let task = tokio::spawn(consume_lanes(
        bus.clone(),
        TOPIC,
        options,
        lanes,
        shutdown.clone(),
        lane,
        move |batch: Vec<Delivery>| {
            let recorded = Arc::clone(&recorded);
            async move {
                for d in batch {
                    let msg = d.decode::<Msg>().map_err(|e| e.to_string())?;
                    // Each entry takes a while, so the hot lane drains slowly.
                    tokio::time::sleep(Duration::from_millis(3)).await;
                    recorded.lock().map_err(|e| e.to_string())?.push((
                        Instant::now(),
                        msg,
                        d.deliveries,
                    ));
                }
                Ok::<(), String>(())
            }
        },
    ));
    eventually(WAIT, || {
        let seen = Arc::clone(&seen);
        async move {
            let n = seen.lock().map_err(|e| anyhow::anyhow!("{e}"))?.len();
            Ok((n == HOT + 2 * OTHERS).then_some(()))
        }
    })
    .await?;
    eventually(WAIT, || {
        let mut conn = conn.clone();
        async move {
            let reply: StreamPendingCountReply = conn
                .xpending_count(TOPIC.stream(), "segment", "-", "+", 1000)
                .await?;
            Ok(reply.ids.is_empty().then_some(()))
        }
    })
    .await?;
    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(5), task).await???;

    let seen = seen.lock().map_err(|e| anyhow::anyhow!("{e}"))?.clone();
    // Every entry once, each lane in order.
    for key in std::iter::once("hot".to_owned()).chain((0..OTHERS).map(|i| format!("k{i}"))) {
        let seqs: Vec<u64> = seen
            .iter()
            .filter(|(_, m, _)| m.key == key)
            .map(|(_, m, _)| m.seq)
            .collect();
        let n = if key == "hot" { HOT } else { 2 };
        assert_eq!(seqs, (0..n as u64).collect::<Vec<_>>(), "lane {key}");
    }
    // The others were all handled while the hot lane still had most of its backlog.
    let others_done = seen
        .iter()
        .filter(|(_, m, _)| m.key != "hot")
        .map(|(at, _, _)| *at)
        .max()
        .ok_or_else(|| anyhow::anyhow!("no other entries"))?;
    let hot_before = seen
        .iter()
        .filter(|(at, m, _)| m.key == "hot" && *at <= others_done)
        .count();
    assert!(
        hot_before < HOT / 2,
        "others finished after {hot_before} of {HOT} hot entries"
    );
    // No entry was delivered twice (none was reclaimed while it waited its turn).
    assert!(seen.iter().all(|(_, _, deliveries)| *deliveries == 1));
    let dead: usize = conn.xlen(TOPIC.dead_letter_stream()).await?;
    assert_eq!(dead, 0);
    Ok(())
}
