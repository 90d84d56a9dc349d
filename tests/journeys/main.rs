//! Journey-orchestrator scenarios against the real suite: identity, segment,
//! decisioning, channel-gateway and journey as separate gRPC servers (no fakes), with
//! journey and segment under one manual clock. Failures are real conditions: a stopped
//! or crashed service, a provider answering errors, a channel without a provider.

mod basics;
mod draft;
mod graph;
mod lifecycle;
mod netfault;
mod outbox;
mod priority;
mod review;
mod schedule;
mod settings;
mod support;

use omni_proto::journey::v1 as pb;
use tonic::{Code, Status};

use crate::support::Harness;

const HOUR_MS: i64 = 3_600_000;

fn invalid_field(status: &Status) -> String {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    status.message().to_owned()
}

async fn count_rows(h: &Harness, table: &str) -> anyhow::Result<i64> {
    h.count_journey_rows(&format!(
        "SELECT COUNT(*) AS n FROM {table} WHERE workspace_id = $1"
    ))
    .await
}

/// The steps of a run as (node, outcome).
fn steps(run: &pb::Run) -> Vec<(String, String)> {
    run.steps
        .iter()
        .map(|s| (s.node_id.clone(), s.outcome.clone()))
        .collect()
}
