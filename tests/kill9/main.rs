//! `kill -9` of the journey orchestrator mid-journey: no run is lost and no message is
//! sent twice.
//!
//! The suite runs in this process (real Redis, SMTP sink, identity, channel-gateway, …;
//! SQLite files, or Postgres with `OMNI_TEST_DATABASE_URL`), except the journey service:
//! it runs in a child OS process (this test binary re-executed into
//! [`journey_child_process`], which serves `omni::suite::run_service("journey", …)` as
//! `omni journey` does) on the same database and port. Customers are enrolled into
//! `entry → wait 2 s → send email`; once the first email arrives, the child gets SIGKILL
//! while the other timers are due or mid-step, and a new child is started on the same
//! database. Every run must complete, and the SMTP server must get exactly one email per
//! customer.

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use omni::demo;
use omni_common::config::Settings;
use omni_common::shutdown::CancellationToken;
use omni_proto::channel::v1 as channel;
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::journey::v1 as journey;
use omni_proto::journey::v1::node::Kind;
use omni_tests::Harness;

/// Environment variable carrying the child's settings (JSON).
const CHILD_SETTINGS_ENV: &str = "OMNI_KILL9_JOURNEY_SETTINGS";
/// Customers enrolled.
const CUSTOMERS: usize = 200;
/// Bound on every wait.
const PATIENCE: Duration = Duration::from_secs(90);

/// Entry point of the child process: serves the journey service with the settings in
/// `OMNI_KILL9_JOURNEY_SETTINGS` until killed. Not a test of its own: the kill test runs
/// it with that variable set, and it refuses to run without it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "entry point of the child process started by the kill -9 test"]
async fn journey_child_process() -> anyhow::Result<()> {
    let json = std::env::var(CHILD_SETTINGS_ENV).with_context(|| {
        format!("{CHILD_SETTINGS_ENV} not set: this runs only as the kill -9 test's child")
    })?;
    let settings: Settings = serde_json::from_str(&json)?;
    let listener = tokio::net::TcpListener::bind(settings.journey.listen).await?;
    omni::suite::run_service("journey", settings, listener, CancellationToken::new())?.await
}

/// Starts the journey service as a child process with `settings`.
fn spawn_journey(settings: &Settings) -> anyhow::Result<Child> {
    Command::new(std::env::current_exe()?)
        .args([
            "journey_child_process",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_SETTINGS_ENV, serde_json::to_string(settings)?)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .context("spawning the journey child process")
}

/// `(runs, runs that executed the send node)` of `journey_id`.
async fn progress(h: &Harness, journey_id: &str) -> anyhow::Result<(i64, i64)> {
    let stats = h
        .clients
        .journey
        .clone()
        .get_journey_stats(journey::GetJourneyStatsRequest {
            journey_id: journey_id.into(),
            version: 0,
        })
        .await?
        .into_inner();
    let sent = stats
        .nodes
        .iter()
        .find(|n| n.node_id == "send")
        .map_or(0, |n| n.completed);
    Ok((stats.runs, sent))
}

/// Every run of `journey_id`, all pages.
async fn all_runs(h: &Harness, journey_id: &str) -> anyhow::Result<Vec<journey::Run>> {
    let mut runs = Vec::new();
    let mut page_token = String::new();
    loop {
        let page = h
            .clients
            .journey
            .clone()
            .list_runs(journey::ListRunsRequest {
                journey_id: journey_id.into(),
                page_size: 100,
                page_token,
                ..Default::default()
            })
            .await?
            .into_inner();
        runs.extend(page.runs);
        if page.next_page_token.is_empty() {
            return Ok(runs);
        }
        page_token = page.next_page_token;
    }
}

/// Emails received per recipient.
fn emails_per_recipient(h: &Harness) -> BTreeMap<String, usize> {
    let mut per = BTreeMap::new();
    for m in h.smtp.messages() {
        *per.entry(m.header("To").unwrap_or_default()).or_insert(0) += 1;
    }
    per
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_journey_loses_no_run_and_sends_each_email_once() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    // The journey service moves to a child process on the same database and port.
    h.suite.stop("journey").await?;
    let mut settings = h.suite.settings().clone();
    // A killed replica's leases expire soon, so the restarted one takes its runs over.
    settings.worker.lease_ms = 2_000;
    let mut child = spawn_journey(&settings)?;

    let template_id = h
        .clients
        .channel
        .create_template(channel::CreateTemplateRequest {
            template: Some(channel::Template {
                display_name: "Kill test".into(),
                channel: DeliveryChannel::Email as i32,
                subject: "Hello {{ profile.first_name }}".into(),
                body: "One email, whatever happens to the orchestrator.".into(),
                ..Default::default()
            }),
            idempotency_key: "kill9-template".into(),
        })
        .await?
        .into_inner()
        .template
        .context("template")?
        .template_id;
    let node = |id: &str, next: &str, kind: Kind| journey::Node {
        node_id: id.into(),
        next_node_id: next.into(),
        kind: Some(kind),
    };
    let journey_def = journey::Journey {
        display_name: "wait then send".into(),
        nodes: vec![
            node(
                "in",
                "wait",
                Kind::Entry(journey::EntryNode {
                    event_type: "kill9_never_tracked".into(),
                    ..Default::default()
                }),
            ),
            node(
                "wait",
                "send",
                Kind::Wait(journey::WaitNode {
                    duration: Some(prost_types_duration(2)),
                    best_send_time: None,
                }),
            ),
            node(
                "send",
                "",
                Kind::Send(journey::SendNode {
                    channel: DeliveryChannel::Email as i32,
                    template_id,
                    ..Default::default()
                }),
            ),
        ],
        ..Default::default()
    };
    // The child may still be starting: retry until it answers.
    let journey_id = omni_testkit::eventually(PATIENCE, || {
        let mut j = h.clients.journey.clone();
        let def = journey_def.clone();
        async move {
            Ok(j.create_journey(journey::CreateJourneyRequest {
                journey: Some(def),
                idempotency_key: "kill9-journey".into(),
            })
            .await
            .ok()
            .and_then(|r| r.into_inner().journey)
            .map(|j| j.journey_id))
        }
    })
    .await?;
    h.clients
        .journey
        .publish_journey(journey::PublishJourneyRequest {
            journey_id: journey_id.clone(),
        })
        .await?;

    let mut customers = Vec::with_capacity(CUSTOMERS);
    for i in 0..CUSTOMERS {
        let tracked = demo::track_signup(
            &mut h.clients,
            &format!("evt-kill9-{i}"),
            &format!("k{i}@example.com"),
            "Kay",
        )
        .await?;
        customers.push(tracked.customer_id);
    }
    // Enrol concurrently, so every timer is set before the first one (2 s) fires.
    let mut enrolments = tokio::task::JoinSet::new();
    for (worker, chunk) in customers.chunks(CUSTOMERS / 8).enumerate() {
        let mut j = h.clients.journey.clone();
        let journey_id = journey_id.clone();
        let chunk = chunk.to_vec();
        enrolments.spawn(async move {
            for (i, customer_id) in chunk.into_iter().enumerate() {
                j.enroll_customer(journey::EnrollCustomerRequest {
                    journey_id: journey_id.clone(),
                    customer_id: customer_id.clone(),
                    idempotency_key: format!("kill9-{worker}-{i}"),
                    context: None,
                })
                .await
                .with_context(|| format!("enrolling {customer_id}"))?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(r) = enrolments.join_next().await {
        r??;
    }

    // Kill as soon as the first email arrives: the other timers are due or mid-step.
    let deadline = Instant::now() + PATIENCE;
    while h.smtp.messages().is_empty() {
        anyhow::ensure!(Instant::now() < deadline, "no email within {PATIENCE:?}");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let (_, sent_at_kill) = progress(&h, &journey_id).await?;
    child.kill().context("SIGKILL to the journey process")?;
    child.wait()?;
    assert!(
        usize::try_from(sent_at_kill)? < CUSTOMERS,
        "the kill came after every run had sent ({sent_at_kill}): it proves nothing"
    );

    // Restart on the same database; every run finishes.
    let mut child = spawn_journey(&settings)?;
    let outcome = async {
        let runs = omni_testkit::eventually(PATIENCE, || async {
            let Ok(runs) = all_runs(&h, &journey_id).await else {
                return Ok(None);
            };
            let done = runs.len() == CUSTOMERS
                && runs
                    .iter()
                    .all(|r| r.state == journey::RunState::Completed as i32);
            Ok(done.then_some(runs))
        })
        .await
        .context("every run completed after the restart")?;
        let mut run_customers: Vec<_> = runs.iter().map(|r| r.customer_id.clone()).collect();
        run_customers.sort();
        let mut expected = customers.clone();
        expected.sort();
        assert_eq!(run_customers, expected, "one run per customer, none lost");

        // Exactly one email per customer, also after a further pause for stragglers.
        omni_testkit::eventually(PATIENCE, || async {
            Ok((h.smtp.messages().len() >= CUSTOMERS).then_some(()))
        })
        .await
        .context("one email per customer")?;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let per = emails_per_recipient(&h);
        assert_eq!(per.len(), CUSTOMERS, "recipients: {per:?}");
        let twice: Vec<_> = per.iter().filter(|(_, n)| **n != 1).collect();
        assert!(twice.is_empty(), "emails sent more than once: {twice:?}");
        for i in 0..CUSTOMERS {
            let to = format!("k{i}@example.com");
            assert!(per.keys().any(|k| k.contains(&to)), "no email to {to}");
        }
        let (runs, sent) = progress(&h, &journey_id).await?;
        assert_eq!((runs, sent), (CUSTOMERS as i64, CUSTOMERS as i64));
        anyhow::Ok(())
    }
    .await;
    child.kill().ok();
    child.wait().ok();
    outcome?;
    eprintln!("killed when {sent_at_kill}/{CUSTOMERS} runs had sent");
    h.stop().await
}

fn prost_types_duration(seconds: i64) -> omni_proto::prost_types::Duration {
    omni_proto::prost_types::Duration { seconds, nanos: 0 }
}
