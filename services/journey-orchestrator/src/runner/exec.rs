//! Executing one node: the calls a node makes (decisioning, channel-gateway, webhooks,
//! the profile store) and what their answers mean for the run.

use omni_common::convert::{json_to_struct, struct_to_json, to_timestamp};
use omni_common::ids::WorkspaceId;
use omni_proto::channel::v1::{MessageStatus, RenderedOffer, SendRequest};
use omni_proto::decisioning::v1::{
    AssignVariantRequest, BestSendTimeRequest, ChannelCandidate, ChooseChannelRequest,
    DecideRequest,
};
use serde_json::{Map, Value as Json, json};
use tonic::{Code, Status};

use super::{RPC_TIMEOUT, Runner, Step, channel_name, send_key};
use crate::convert::{channel_from_proto, channel_to_proto};
use crate::logic;
use crate::model::{Fact, Node, NodeKind, Run, RunState, StepRecord};

impl Runner {
    /// Executes the side of an active node and records its result in the run context.
    pub(super) async fn execute(
        &self,
        ws: &WorkspaceId,
        settings: &crate::model::Settings,
        run: &mut Run,
        node: &Node,
    ) -> Step {
        match &node.kind {
            NodeKind::Entry { .. } => Step::goto(&node.next_node_id),
            NodeKind::Wait {
                duration_ms,
                best_send_max_ms: None,
            } => Step::WaitUntil(self.now_ms().saturating_add(*duration_ms)),
            NodeKind::Wait {
                duration_ms,
                best_send_max_ms: Some(max_ms),
            } => Step::WaitUntil(self.best_send_time(ws, run, *max_ms, *duration_ms).await),
            NodeKind::WaitForEvent { timeout_ms, .. } => {
                Step::WaitUntil(self.now_ms().saturating_add(*timeout_ms))
            }
            NodeKind::WaitUntil {
                hour,
                minute,
                weekdays,
            } => {
                let profile = match self
                    .profiles
                    .get(ws.as_str(), run.customer_id.as_str())
                    .await
                {
                    Ok(p) => p,
                    Err(e) => return Step::Retry(format!("profile store: {e}")),
                };
                let tz = profile
                    .as_ref()
                    .and_then(|p| p.traits.get("timezone"))
                    .and_then(Json::as_str)
                    .unwrap_or("UTC")
                    .to_owned();
                Step::WaitUntil(logic::next_local_time(
                    self.now_ms(),
                    &tz,
                    *hour,
                    *minute,
                    weekdays,
                ))
            }
            NodeKind::Condition {
                branches,
                default_next_node_id,
            } => {
                let bindings = match self.bindings(ws, &run.customer_id).await {
                    Ok(b) => b,
                    Err(e) => return Step::Retry(e.to_string()),
                };
                match logic::choose_branch(
                    &self.rules,
                    branches,
                    default_next_node_id,
                    &bindings,
                    &run.context,
                    self.now_ms(),
                ) {
                    Ok((name, next)) => Step::Goto {
                        next,
                        rec: StepRecord {
                            branch: name,
                            ..Default::default()
                        },
                    },
                    Err(e) => Step::Fail(e),
                }
            }
            NodeKind::Split {
                arms,
                experiment_id,
                holdout_arm,
            } => {
                let arm = if experiment_id.is_empty() {
                    logic::weighted_arm(
                        &format!(
                            "{ws}/{}/{}/{}",
                            run.journey_id, run.customer_id, node.node_id
                        ),
                        arms,
                    )
                    .cloned()
                } else {
                    let request = AssignVariantRequest {
                        experiment_id: experiment_id.clone(),
                        customer_id: run.customer_id.to_string(),
                    };
                    match self.clients.decisioning(ws).assign_variant(request).await {
                        Ok(resp) => {
                            let arm_id =
                                resp.into_inner().arm.map(|a| a.arm_id).unwrap_or_default();
                            run.context
                                .insert("experiment_id".into(), json!(experiment_id));
                            match arms.iter().find(|a| a.name == arm_id) {
                                Some(a) => Some(a.clone()),
                                None => {
                                    return Step::Fail(format!(
                                        "experiment `{experiment_id}` assigned arm `{arm_id}`, which the split does not name"
                                    ));
                                }
                            }
                        }
                        Err(status) => return classify("decisioning", &status),
                    }
                };
                let Some(arm) = arm else {
                    return Step::Fail("split has no arm with a positive weight".into());
                };
                run.context.insert("arm".into(), json!(arm.name));
                if !holdout_arm.is_empty() && arm.name == *holdout_arm {
                    return Step::End {
                        state: RunState::Exited,
                        reason: "holdout".into(),
                        branch: arm.name,
                    };
                }
                Step::Goto {
                    next: arm.next_node_id.clone(),
                    rec: StepRecord {
                        branch: arm.name,
                        ..Default::default()
                    },
                }
            }
            NodeKind::Goal { name } => Step::End {
                state: RunState::Converted,
                reason: if name.is_empty() {
                    "goal".into()
                } else {
                    name.clone()
                },
                branch: String::new(),
            },
            NodeKind::Exit { reason } => Step::End {
                state: RunState::Exited,
                reason: if reason.is_empty() {
                    "exit_node".into()
                } else {
                    reason.clone()
                },
                branch: String::new(),
            },
            NodeKind::UpdateProfile { traits } => {
                // Written to the outbox with this step, delivered to identity after it.
                let event_id = send_key(&run.run_id, &node.node_id);
                let mut props = Map::new();
                props.insert("journey_id".into(), json!(run.journey_id.as_str()));
                props.insert("run_id".into(), json!(run.run_id.as_str()));
                props.insert("node_id".into(), json!(node.node_id));
                run.new_facts.push(Fact {
                    event_id: event_id.clone(),
                    event_type: "journey.profile_updated".into(),
                    properties: props,
                    traits: traits.clone(),
                });
                Step::Goto {
                    next: node.next_node_id.clone(),
                    rec: StepRecord {
                        detail: event_id,
                        ..Default::default()
                    },
                }
            }
            NodeKind::Webhook { url, secret } => self.webhook(run, node, url, secret).await,
            NodeKind::Decide { context } => {
                let request = DecideRequest {
                    customer_id: run.customer_id.to_string(),
                    context: Some(json_to_struct(context)),
                    ..Default::default()
                };
                match self.clients.decisioning(ws).decide(request).await {
                    Ok(resp) => {
                        let resp = resp.into_inner();
                        let decision_id = resp.decision_id.clone();
                        let offer = resp.offer.map_or(Json::Null, |o| {
                            json!({
                                "offer_id": o.offer_id,
                                "display_name": o.display_name,
                                "value": o.value,
                                "content": Json::Object(o.content.as_ref().map(struct_to_json).unwrap_or_default()),
                                "decision_id": resp.decision_id,
                            })
                        });
                        tracing::debug!(node = %node.node_id, %offer, "decided");
                        run.context.insert("offer".into(), offer);
                        Step::Goto {
                            next: node.next_node_id.clone(),
                            rec: StepRecord {
                                decision_id,
                                ..Default::default()
                            },
                        }
                    }
                    Err(status) => classify("decisioning", &status),
                }
            }
            NodeKind::Send {
                channel,
                template_id,
                best_channel,
                candidates,
            } => {
                let mut channel = *channel;
                let mut detail = String::new();
                if *best_channel {
                    let request = ChooseChannelRequest {
                        customer_id: run.customer_id.to_string(),
                        candidates: candidates
                            .iter()
                            .map(|c| ChannelCandidate {
                                channel: channel_to_proto(*c) as i32,
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    };
                    match self.clients.decisioning(ws).choose_channel(request).await {
                        Ok(resp) => match channel_from_proto(resp.into_inner().channel) {
                            Some(c) => {
                                channel = c;
                                detail = format!("best channel: {}", channel_name(c));
                            }
                            None => {
                                return Step::Goto {
                                    next: node.next_node_id.clone(),
                                    rec: StepRecord {
                                        detail: "skipped: no usable channel".into(),
                                        ..Default::default()
                                    },
                                };
                            }
                        },
                        Err(status) => return classify("decisioning", &status),
                    }
                }
                let offer = rendered_offer(&run.context);
                let request = SendRequest {
                    idempotency_key: send_key(&run.run_id, &node.node_id),
                    customer_id: run.customer_id.to_string(),
                    channel: channel_to_proto(channel) as i32,
                    template_id: template_id.clone(),
                    offer: offer.clone(),
                    variables: run.context.get("event").map(|e| {
                        json_to_struct(&Map::from_iter([("event".to_owned(), e.clone())]))
                    }),
                    journey_id: run.journey_id.to_string(),
                    run_id: run.run_id.to_string(),
                    priority: i32::try_from(settings.effective_priority()).unwrap_or(i32::MAX),
                    on_no_slot: crate::convert::no_slot_to_channel(settings.on_no_slot) as i32,
                    ..Default::default()
                };
                match self.clients.channel(ws).send(request).await {
                    Ok(resp) => {
                        let message = resp.into_inner().message.unwrap_or_default();
                        let status = message_status(message.status);
                        tracing::debug!(node = %node.node_id, message_id = %message.message_id, %status, "sent");
                        run.context
                            .insert("message_id".into(), json!(message.message_id));
                        run.context.insert("message_status".into(), json!(status));
                        let sends = run
                            .context
                            .entry("sends")
                            .or_insert_with(|| Json::Object(Map::new()));
                        if let Json::Object(sends) = sends {
                            sends.insert(
                                node.node_id.clone(),
                                json!({"message_id": message.message_id, "status": status,
                                       "channel": channel_name(channel)}),
                            );
                        }
                        if detail.is_empty() {
                            detail = format!("status: {status}");
                        } else {
                            detail.push_str(&format!("; status: {status}"));
                        }
                        Step::Goto {
                            next: node.next_node_id.clone(),
                            rec: StepRecord {
                                message_id: message.message_id,
                                decision_id: offer.map(|o| o.decision_id).unwrap_or_default(),
                                detail,
                                ..Default::default()
                            },
                        }
                    }
                    Err(status) => classify("channel-gateway", &status),
                }
            }
        }
    }

    /// When a best-send-time wait ends: decisioning's `BestSendTime` for the customer
    /// within `[now, now + max_ms)`, clamped to that window; when decisioning fails or
    /// gives no time, `now + fallback_ms` (a wait must not hang on a dependency).
    async fn best_send_time(
        &self,
        ws: &WorkspaceId,
        run: &Run,
        max_ms: i64,
        fallback_ms: i64,
    ) -> i64 {
        let now = self.now_ms();
        let end = now.saturating_add(max_ms);
        let request = BestSendTimeRequest {
            customer_id: run.customer_id.to_string(),
            window_start: Some(to_timestamp(now)),
            window_end: Some(to_timestamp(end)),
            time_zone: String::new(),
        };
        match self.clients.decisioning(ws).best_send_time(request).await {
            Ok(resp) => match resp.into_inner().send_time {
                Some(t) => omni_common::convert::from_timestamp(&t).clamp(now, end),
                None => now.saturating_add(fallback_ms).min(end),
            },
            Err(status) => {
                tracing::info!(run_id = %run.run_id, code = ?status.code(), error = %status.message(), "best send time unavailable; using the fallback wait");
                now.saturating_add(fallback_ms).min(end)
            }
        }
    }

    /// POSTs the run to a webhook: JSON body, `Idempotency-Key` (the step key) and,
    /// with a secret, `X-Omni-Signature: sha256=<hex HMAC-SHA256 of the body>`.
    /// 2xx moves on; 408/429/5xx and transport errors retry; other statuses fail.
    async fn webhook(&self, run: &Run, node: &Node, url: &str, secret: &str) -> Step {
        let key = send_key(&run.run_id, &node.node_id);
        let body = json!({
            "journey_id": run.journey_id.as_str(),
            "journey_version": run.journey_version,
            "run_id": run.run_id.as_str(),
            "node_id": node.node_id,
            "customer_id": run.customer_id.as_str(),
            "context": Json::Object(run.context.clone()),
        });
        let bytes = match serde_json::to_vec(&body) {
            Ok(b) => b,
            Err(e) => return Step::Fail(format!("encode webhook body: {e}")),
        };
        let mut request = self
            .http
            .post(url)
            .timeout(RPC_TIMEOUT)
            .header("content-type", "application/json")
            .header("idempotency-key", &key);
        if !secret.is_empty() {
            request = request.header("x-omni-signature", logic::sign(secret, &bytes));
        }
        match request.body(bytes).send().await {
            Ok(resp) => {
                let code = resp.status().as_u16();
                if resp.status().is_success() {
                    Step::Goto {
                        next: node.next_node_id.clone(),
                        rec: StepRecord {
                            detail: format!("http {code}"),
                            ..Default::default()
                        },
                    }
                } else if code == 408 || code == 429 || resp.status().is_server_error() {
                    Step::Retry(format!("webhook: http {code}"))
                } else {
                    Step::Fail(format!("webhook: http {code}"))
                }
            }
            Err(e) => Step::Retry(format!("webhook: {e}")),
        }
    }
}

/// The offer chosen by a previous decide node, as channel-gateway expects it.
fn rendered_offer(context: &Map<String, Json>) -> Option<RenderedOffer> {
    let offer = context.get("offer")?.as_object()?;
    let text = |k: &str| {
        offer
            .get(k)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Some(RenderedOffer {
        offer_id: text("offer_id"),
        display_name: text("display_name"),
        value: offer
            .get("value")
            .and_then(Json::as_f64)
            .unwrap_or_default(),
        content: offer
            .get("content")
            .and_then(Json::as_object)
            .map(json_to_struct),
        decision_id: text("decision_id"),
    })
}

/// The message status in lower case without its prefix (`sent`, `suppressed`,
/// `failed`, `pending`, ...), or `unknown` for a value this build does not know.
fn message_status(status: i32) -> String {
    MessageStatus::try_from(status).map_or_else(
        |_| "unknown".to_owned(),
        |s| {
            let name = s.as_str_name();
            name.strip_prefix("MESSAGE_STATUS_")
                .unwrap_or(name)
                .to_ascii_lowercase()
        },
    )
}

/// Transient codes are retried; everything else fails the run.
fn classify(service: &str, status: &Status) -> Step {
    let text = format!("{service}: {:?}: {}", status.code(), status.message());
    match status.code() {
        Code::Unavailable
        | Code::DeadlineExceeded
        | Code::ResourceExhausted
        | Code::Aborted
        | Code::Cancelled
        | Code::Internal
        | Code::Unknown => Step::Retry(text),
        Code::Ok
        | Code::InvalidArgument
        | Code::NotFound
        | Code::AlreadyExists
        | Code::PermissionDenied
        | Code::FailedPrecondition
        | Code::OutOfRange
        | Code::Unimplemented
        | Code::DataLoss
        | Code::Unauthenticated => Step::Fail(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RunId;
    use crate::runner::RunnerConfig;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let c = RunnerConfig {
            lease_ms: 30_000,
            retry_base_ms: 1_000,
            retry_max_ms: 5_000,
            max_attempts: 8,
        };
        assert_eq!(c.backoff_ms(1), 1_000);
        assert_eq!(c.backoff_ms(2), 2_000);
        assert_eq!(c.backoff_ms(3), 4_000);
        assert_eq!(c.backoff_ms(4), 5_000);
        assert_eq!(c.backoff_ms(1_000), 5_000);
    }

    #[test]
    fn errors_are_classified() {
        assert!(matches!(
            classify("x", &Status::unavailable("down")),
            Step::Retry(_)
        ));
        assert!(matches!(
            classify("x", &Status::deadline_exceeded("slow")),
            Step::Retry(_)
        ));
        assert!(matches!(
            classify("x", &Status::not_found("no")),
            Step::Fail(_)
        ));
        assert!(matches!(
            classify("x", &Status::invalid_argument("bad")),
            Step::Fail(e) if e.contains("bad")
        ));
        assert!(matches!(
            classify("x", &Status::failed_precondition("no")),
            Step::Fail(_)
        ));
    }

    #[test]
    fn offer_is_read_back_from_the_context() {
        let mut ctx = Map::new();
        assert!(rendered_offer(&ctx).is_none());
        ctx.insert(
            "offer".into(),
            json!({"offer_id": "o1", "display_name": "10% off", "value": 2.5,
                   "content": {"code": "TEN"}, "decision_id": "d1"}),
        );
        let o = rendered_offer(&ctx).expect("offer");
        assert_eq!(o.offer_id, "o1");
        assert_eq!(o.value, 2.5);
        assert_eq!(o.decision_id, "d1");
        assert!(o.content.is_some());
        assert_eq!(send_key(&RunId::new("run_1"), "s"), "run:run_1:node:s");
    }
}
