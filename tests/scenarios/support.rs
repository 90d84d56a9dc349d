//! Helpers shared by the scenarios.

use omni::clients::Clients;
use omni_proto::journey::v1::{ListRunsRequest, Run, RunState};
use omni_tests::PATIENCE;

/// Waits until the customer's runs of `journey_id` satisfy `done`, returning them.
pub async fn runs_until(
    clients: &Clients,
    journey_id: &str,
    customer_id: &str,
    done: impl Fn(&[Run]) -> bool,
) -> anyhow::Result<Vec<Run>> {
    omni_testkit::eventually(PATIENCE, || {
        let mut c = clients.journey.clone();
        let req = ListRunsRequest {
            journey_id: journey_id.to_owned(),
            customer_id: customer_id.to_owned(),
            ..Default::default()
        };
        let done = &done;
        async move {
            let runs = c.list_runs(req).await?.into_inner().runs;
            Ok::<_, anyhow::Error>(done(&runs).then_some(runs))
        }
    })
    .await
}

/// True when every run has ended (completed or failed) and there is at least one.
pub fn all_ended(runs: &[Run]) -> bool {
    !runs.is_empty()
        && runs
            .iter()
            .all(|r| r.state == RunState::Completed as i32 || r.state == RunState::Failed as i32)
}
