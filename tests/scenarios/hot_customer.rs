//! Hot customers: one customer's burst of thousands of events is processed completely
//! and in order, while the other customers' events are neither dropped nor held back
//! behind the burst.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use omni::clients::Clients;
use omni_common::convert::{json_to_struct, struct_to_json, to_timestamp};
use omni_proto::common::v1::{Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::identity::v1::{TrackBatchRequest, TrackRequest, track_result};
use omni_proto::segment::v1::{
    Aggregation, ComputedTrait, CreateComputedTraitRequest, CreateSegmentRequest,
    GetComputedTraitValuesRequest, MembershipTransition, Segment, WatchMembershipRequest,
};
use omni_tests::{Harness, PATIENCE};
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// Events the hot customer sends, in TrackBatch calls of [`HOT_BATCH`].
const HOT_EVENTS: usize = 5_000;
const HOT_BATCH: usize = 1_000;
/// Other customers, each sending [`OTHER_EVENTS`] events while the hot one drains.
const OTHERS: usize = 20;
const OTHER_EVENTS: usize = 3;
/// Events of the hot customer per band; the band segment holds the customer while
/// the last event's band is odd, so in-order processing enters and exits it at every
/// band boundary, caused by exactly that boundary's event.
const BAND: usize = 100;
/// How long the hot customer's backlog may take to drain on a loaded machine.
const DRAIN_PATIENCE: Duration = Duration::from_secs(300);

fn user(id: &str) -> Identifier {
    Identifier {
        r#type: IdentifierType::UserId as i32,
        value: id.into(),
        custom_type: String::new(),
    }
}

/// The `seq`-th tick of `customer`, at `base_ms + seq` (distinct times keep "last"
/// well defined).
fn tick(customer: &str, seq: usize, base_ms: i64) -> Event {
    let band = (seq / BAND) % 2;
    let props = json!({"seq": seq, "band": band});
    Event {
        event_id: format!("{customer}-{seq}"),
        r#type: "tick".into(),
        time: Some(to_timestamp(base_ms + seq as i64)),
        identifiers: vec![user(customer)],
        properties: props.as_object().map(json_to_struct),
        traits: None,
        source: SourceChannel::App as i32,
    }
}

async fn computed_trait(
    clients: &mut Clients,
    name: &str,
    aggregation: Aggregation,
    property: &str,
) -> anyhow::Result<()> {
    clients
        .segment
        .create_computed_trait(CreateComputedTraitRequest {
            computed_trait: Some(ComputedTrait {
                name: name.into(),
                aggregation: aggregation as i32,
                event_type: "tick".into(),
                property: property.into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?;
    Ok(())
}

async fn segment(clients: &mut Clients, name: &str, expression: &str) -> anyhow::Result<String> {
    let created = clients
        .segment
        .create_segment(CreateSegmentRequest {
            segment: Some(Segment {
                display_name: name.into(),
                expression: expression.into(),
                ..Default::default()
            }),
            idempotency_key: String::new(),
        })
        .await?
        .into_inner();
    Ok(created.segment.map(|s| s.segment_id).unwrap_or_default())
}

async fn computed_values(
    clients: &Clients,
    customer_id: &str,
) -> anyhow::Result<serde_json::Map<String, Value>> {
    let values = clients
        .segment
        .clone()
        .get_computed_trait_values(GetComputedTraitValuesRequest {
            customer_id: customer_id.into(),
        })
        .await?
        .into_inner()
        .values;
    Ok(values.as_ref().map(struct_to_json).unwrap_or_default())
}

fn as_count(v: Option<&Value>) -> u64 {
    v.and_then(Value::as_f64).map_or(0, |f| f as u64)
}

/// Milliseconds at quantile `q` of sorted `v`.
fn quantile(v: &[Duration], q: f64) -> f64 {
    let i = ((v.len() as f64 * q) as usize).min(v.len().saturating_sub(1));
    v.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hot_customer_is_processed_in_order_without_holding_back_the_others() -> anyhow::Result<()>
{
    let mut h = Harness::start().await?;
    computed_trait(&mut h.clients, "ticks", Aggregation::Count, "").await?;
    computed_trait(&mut h.clients, "last_seq", Aggregation::Last, "seq").await?;
    computed_trait(&mut h.clients, "last_band", Aggregation::Last, "band").await?;
    let three = segment(&mut h.clients, "three ticks", "computed.ticks >= 3").await?;
    let odd_band = segment(&mut h.clients, "odd band", "computed.last_band > 0.5").await?;

    // Every membership transition, with the moment the test saw it.
    let mut watch = h
        .clients
        .segment
        .clone()
        .watch_membership(WatchMembershipRequest::default())
        .await?
        .into_inner();
    let (seen_tx, mut seen) = mpsc::unbounded_channel::<(Instant, MembershipTransition)>();
    let watcher = tokio::spawn(async move {
        while let Ok(Some(resp)) = watch.message().await {
            if let Some(t) = resp.transition
                && seen_tx.send((Instant::now(), t)).is_err()
            {
                break;
            }
        }
    });

    let base_ms = omni_common::clock::system().now_ms() - 3_600_000;
    let start = Instant::now();

    // The hot customer: every event as fast as the API takes them, batch after batch
    // (one after another, so the events are accepted in sequence order).
    let mut hot_client = h.clients.identity.clone();
    let hot = tokio::spawn(async move {
        let mut customer_id = String::new();
        for chunk in (0..HOT_EVENTS).collect::<Vec<_>>().chunks(HOT_BATCH) {
            let events = chunk.iter().map(|&s| tick("hot", s, base_ms)).collect();
            let resp = hot_client
                .track_batch(TrackBatchRequest { events })
                .await?
                .into_inner();
            anyhow::ensure!(
                resp.failed_count == 0,
                "hot batch had failures: {:?}",
                resp.results
                    .iter()
                    .find(|r| matches!(r.result, Some(track_result::Result::Error(_))))
            );
            for r in &resp.results {
                if let Some(track_result::Result::Accepted(a)) = &r.result {
                    customer_id.clone_from(&a.customer_id);
                }
            }
        }
        Ok::<_, anyhow::Error>((customer_id, start.elapsed()))
    });

    // Once the whole burst is accepted (so every hot event is ahead of theirs on the
    // bus), the others send a few events each, while the hot backlog drains.
    let (hot_id, hot_sent) = hot.await??;
    let others_started = Instant::now();
    let mut others = tokio::task::JoinSet::new();
    for i in 0..OTHERS {
        let mut client = h.clients.identity.clone();
        others.spawn(async move {
            let name = format!("other-{i:02}");
            let mut customer_id = String::new();
            let mut track_times = Vec::new();
            let mut last_accepted = Instant::now();
            for seq in 0..OTHER_EVENTS {
                tokio::time::sleep(Duration::from_millis(20 + 5 * i as u64)).await;
                let sent = Instant::now();
                let resp = client
                    .track(TrackRequest {
                        event: Some(tick(&name, seq, base_ms)),
                    })
                    .await?
                    .into_inner();
                last_accepted = Instant::now();
                track_times.push(last_accepted - sent);
                customer_id = resp.customer_id;
            }
            Ok::<_, anyhow::Error>((customer_id, last_accepted, track_times))
        });
    }
    let mut accepted_at: HashMap<String, Instant> = HashMap::new();
    let mut track_latency: Vec<Duration> = Vec::new();
    while let Some(done) = others.join_next().await {
        let (customer_id, at, times) = done??;
        accepted_at.insert(customer_id, at);
        track_latency.extend(times);
    }
    anyhow::ensure!(
        accepted_at.len() == OTHERS,
        "every other customer is distinct"
    );

    // Each other customer enters "three ticks" when its last event is processed.
    let mut entered_at: HashMap<String, Instant> = HashMap::new();
    let mut transitions: Vec<(Instant, MembershipTransition)> = Vec::new();
    let deadline = tokio::time::Instant::now() + DRAIN_PATIENCE;
    while entered_at.len() < OTHERS {
        let (at, t) = tokio::time::timeout_at(deadline, seen.recv())
            .await?
            .ok_or_else(|| anyhow::anyhow!("membership watch ended"))?;
        if t.segment_id == three && t.entered && accepted_at.contains_key(&t.customer_id) {
            entered_at.insert(t.customer_id.clone(), at);
        }
        transitions.push((at, t));
    }
    let others_done = Instant::now();
    let hot_when_others_done = computed_values(&h.clients, &hot_id).await?;

    // The hot customer's backlog drains completely.
    omni_testkit::eventually(DRAIN_PATIENCE, || {
        let clients = &h.clients;
        let hot_id = &hot_id;
        async move {
            let values = computed_values(clients, hot_id).await?;
            Ok((as_count(values.get("ticks")) >= HOT_EVENTS as u64).then_some(()))
        }
    })
    .await?;
    let hot_drained = start.elapsed();

    let mut latency: Vec<Duration> = entered_at
        .iter()
        .map(|(c, at)| at.saturating_duration_since(accepted_at[c]))
        .collect();
    latency.sort_unstable();
    track_latency.sort_unstable();
    println!(
        "hot customer: {HOT_EVENTS} events sent in {:.0} ms, drained after {:.0} ms; \
         {} of them processed when the others were done",
        hot_sent.as_secs_f64() * 1000.0,
        hot_drained.as_secs_f64() * 1000.0,
        as_count(hot_when_others_done.get("ticks"))
    );
    println!(
        "others ({OTHERS} customers x {OTHER_EVENTS} events): accepted -> membership visible \
         p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms; Track p50 {:.0} ms, p99 {:.0} ms; \
         all done {:.0} ms after they started",
        quantile(&latency, 0.5),
        quantile(&latency, 0.99),
        quantile(&latency, 1.0),
        quantile(&track_latency, 0.5),
        quantile(&track_latency, 0.99),
        (others_done - others_started).as_secs_f64() * 1000.0
    );

    // (c) The others were served while the hot backlog was still draining.
    let hot_done_then = as_count(hot_when_others_done.get("ticks"));
    assert!(
        hot_done_then < HOT_EVENTS as u64,
        "every other customer's events were processed while the hot customer still had \
         {} of {HOT_EVENTS} events to go",
        HOT_EVENTS as u64 - hot_done_then
    );
    let backlog_ms = hot_drained.saturating_sub(hot_sent).as_secs_f64() * 1000.0;
    assert!(
        quantile(&latency, 1.0) * 2.0 < backlog_ms,
        "the slowest other customer ({:.0} ms) waits well under half the time the hot \
         backlog took to drain once sent ({backlog_ms:.0} ms)",
        quantile(&latency, 1.0)
    );

    // (b) No other customer's event was dropped.
    for customer in accepted_at.keys() {
        let values = computed_values(&h.clients, customer).await?;
        assert_eq!(
            as_count(values.get("ticks")),
            OTHER_EVENTS as u64,
            "{customer}"
        );
        assert_eq!(
            values.get("last_seq").and_then(Value::as_f64),
            Some((OTHER_EVENTS - 1) as f64),
            "{customer}"
        );
    }

    // (a) Every hot event was processed, and in order: the last value is the last
    // event's, and the band segment moved at each band boundary, in sequence.
    let values = computed_values(&h.clients, &hot_id).await?;
    assert_eq!(as_count(values.get("ticks")), HOT_EVENTS as u64);
    assert_eq!(
        values.get("last_seq").and_then(Value::as_f64),
        Some((HOT_EVENTS - 1) as f64)
    );
    let expected: Vec<(bool, String)> = (1..HOT_EVENTS / BAND)
        .map(|b| (b % 2 == 1, format!("hot-{}", b * BAND)))
        .collect();
    let band_of_hot =
        |t: &MembershipTransition| t.segment_id == odd_band && t.customer_id == hot_id;
    let mut hot_bands: Vec<(bool, String)> = transitions
        .iter()
        .filter(|(_, t)| band_of_hot(t))
        .map(|(_, t)| (t.entered, t.cause_event_id.clone()))
        .collect();
    // The rest of the band transitions arrive as the backlog drains.
    let tail_deadline = tokio::time::Instant::now() + PATIENCE;
    while hot_bands.len() < expected.len() {
        let (_, t) = tokio::time::timeout_at(tail_deadline, seen.recv())
            .await
            .map_err(|_| anyhow::anyhow!("band transitions so far: {hot_bands:?}"))?
            .ok_or_else(|| anyhow::anyhow!("membership watch ended"))?;
        if band_of_hot(&t) {
            hot_bands.push((t.entered, t.cause_event_id.clone()));
        }
    }
    assert_eq!(hot_bands, expected, "band transitions in sequence order");

    watcher.abort();
    h.stop().await
}
