//! Reporting send outcomes and engagement to identity as events (the engagement event
//! contract, described in docs/channels.md): `message.sent`, `message.failed`,
//! `message.delivered`, `message.bounced`, `message.complained`, `message.opened`,
//! `message.clicked`, `message.unsubscribed`, `push_token.removed` and
//! `coupon.redeemed`, all with source `messaging` and deterministic ids so a retried
//! report is dropped by identity.
//!
//! Events wait in the SQL identity outbox (written with the fact they report); the
//! emitter claims due rows, finds an identifier of the customer in the live profile
//! (user id first, then email, phone, loyalty id, device, anonymous id, custom), calls
//! `TrackBatch` per workspace and deletes what identity accepted. Commands (consent
//! withdrawn, snoozes, global unsubscribe; see `commands`) share the outbox and are
//! delivered by their own identity RPCs. Failures back off
//! exponentially; an event whose customer no longer exists (erased) is dropped.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use omni_common::auth::InternalAuth;
use omni_common::clock::SharedClock;
use omni_common::config::Settings;
use omni_common::ids::WorkspaceId;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::ProfileStore;
use omni_proto::common::v1 as common;
use omni_proto::identity::v1 as idpb;
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use serde_json::{Map, Value, json};
use tokio::sync::Notify;
use tonic::transport::{Channel as GrpcChannel, Endpoint};

use crate::commands;
use crate::error::Error;
use crate::records::{Message, ProviderKind};
use crate::store::{PendingEvent, Store};

/// Events reported per `TrackBatch` call (identity accepts up to 1,000).
const BATCH: u32 = 500;
/// How long a claimed batch is leased to one emitter.
const LEASE_MS: i64 = 60_000;
/// First retry delay after a failed report; doubles per attempt up to [`MAX_BACKOFF_MS`].
const BACKOFF_MS: i64 = 500;
/// Longest delay between two reports of one event.
const MAX_BACKOFF_MS: i64 = 300_000;
/// Timeout of one `TrackBatch` call.
const RPC_TIMEOUT: Duration = Duration::from_secs(10);

/// The identity event `kind` (`sent`, `clicked`, ...) of message `m` at `time_ms`.
/// `suffix` distinguishes repeatable kinds (clicks, opens).
pub fn message_event(
    m: &Message,
    kind: &str,
    suffix: Option<&str>,
    time_ms: i64,
    extra: Map<String, Value>,
) -> PendingEvent {
    let mut p = Map::new();
    let mut put = |k: &str, v: &str| {
        if !v.is_empty() {
            p.insert(k.to_owned(), Value::String(v.to_owned()));
        }
    };
    put("message_id", m.message_id.as_str());
    put("channel", m.channel.as_str());
    put("template_id", m.template_id.as_str());
    put("journey_id", &m.journey_id);
    put("run_id", &m.run_id);
    put("node_id", node_of(&m.idempotency_key).unwrap_or_default());
    put("campaign", &m.campaign);
    if let Some(offer) = &m.offer {
        put("offer_id", &offer.offer_id);
        put("decision_id", &offer.decision_id);
    }
    p.extend(extra);
    let event_id = match suffix {
        Some(s) => format!("msg:{}:{kind}:{s}", m.message_id),
        None => format!("msg:{}:{kind}", m.message_id),
    };
    PendingEvent {
        event_id,
        event_type: format!("message.{kind}"),
        customer_id: m.customer_id.clone(),
        time_ms,
        properties: p,
        attempts: 0,
    }
}

/// `push_token.removed` for a token the provider called invalid (identity removes it
/// from the profile's push tokens).
pub fn token_removed(m: &Message, provider: Option<ProviderKind>, time_ms: i64) -> PendingEvent {
    let platform = match provider {
        Some(ProviderKind::Apns) => "ios",
        _ => "android",
    };
    PendingEvent {
        event_id: format!("msg:{}:token_removed", m.message_id),
        event_type: "push_token.removed".into(),
        customer_id: m.customer_id.clone(),
        time_ms,
        properties: json!({
            "token": m.recipient,
            "platform": platform,
            "reason": "provider reported the token invalid",
            "message_id": m.message_id.as_str(),
            "channel": "push",
        })
        .as_object()
        .cloned()
        .unwrap_or_default(),
        attempts: 0,
    }
}

/// The node id of a journey send's idempotency key `run:<run_id>:node:<node_id>`.
fn node_of(key: &str) -> Option<&str> {
    let rest = key.strip_prefix("run:")?;
    let (_, node) = rest.split_once(":node:")?;
    Some(node)
}

/// Identifier types by preference for naming a customer to identity.
const PREFERENCE: [&str; 6] = [
    "user_id",
    "email",
    "phone",
    "loyalty_id",
    "device_id",
    "anonymous_id",
];

/// The identifier a profile is named by in events: the most stable one it has.
pub fn pick_identifier(identifiers: &[(String, String)]) -> Option<common::Identifier> {
    let rank = |t: &str| {
        PREFERENCE
            .iter()
            .position(|p| *p == t)
            .unwrap_or(PREFERENCE.len())
    };
    let (kind, value) = identifiers
        .iter()
        .filter(|(t, v)| !v.trim().is_empty() && t != "push_token")
        .min_by(|a, b| (rank(&a.0), &a.0, &a.1).cmp(&(rank(&b.0), &b.0, &b.1)))?;
    let (ty, custom) = match kind.as_str() {
        "user_id" => (common::IdentifierType::UserId, ""),
        "email" => (common::IdentifierType::Email, ""),
        "phone" => (common::IdentifierType::Phone, ""),
        "loyalty_id" => (common::IdentifierType::LoyaltyId, ""),
        "device_id" => (common::IdentifierType::DeviceId, ""),
        "anonymous_id" => (common::IdentifierType::AnonymousId, ""),
        other => (common::IdentifierType::Custom, other),
    };
    Some(common::Identifier {
        r#type: ty as i32,
        value: value.clone(),
        custom_type: custom.to_owned(),
    })
}

/// Reports the identity outbox to identity.
pub struct Emitter {
    store: Store,
    profiles: ProfileStore,
    clock: SharedClock,
    identity: GrpcChannel,
    auth: omni_common::config::AuthSettings,
    wake: Arc<Notify>,
}

impl std::fmt::Debug for Emitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emitter").finish_non_exhaustive()
    }
}

impl Emitter {
    /// An emitter reporting to `settings.identity.url` (connected lazily).
    pub fn new(
        settings: &Settings,
        store: Store,
        profiles: ProfileStore,
        clock: SharedClock,
        wake: Arc<Notify>,
    ) -> Result<Self, Error> {
        let identity = Endpoint::from_shared(settings.identity.url.clone())
            .map_err(|e| Error::invalid("identity.url", e.to_string()))?
            .connect_timeout(Duration::from_secs(5))
            .timeout(RPC_TIMEOUT)
            .connect_lazy();
        Ok(Self {
            store,
            profiles,
            clock,
            identity,
            auth: settings.auth.clone(),
            wake,
        })
    }

    /// Reports until `shutdown`: drains due events, then sleeps until woken (a new
    /// event) or a second passes.
    pub async fn run(self, shutdown: CancellationToken) {
        loop {
            let reported = match self.pass().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "reporting engagement to identity failed");
                    0
                }
            };
            if reported >= BATCH as usize {
                continue;
            }
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = self.wake.notified() => {}
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }

    /// One pass: claims due events and reports them; returns how many were claimed.
    pub async fn pass(&self) -> Result<usize, Error> {
        let now = self.clock.now_ms();
        let token = uuid::Uuid::now_v7().simple().to_string();
        let claimed = self
            .store
            .claim_pending(now, LEASE_MS, &token, BATCH)
            .await?;
        let n = claimed.len();
        let mut by_ws: BTreeMap<WorkspaceId, Vec<PendingEvent>> = BTreeMap::new();
        for (ws, e) in claimed {
            by_ws.entry(ws).or_default().push(e);
        }
        for (ws, events) in by_ws {
            self.report(&ws, events).await?;
        }
        Ok(n)
    }

    async fn report(&self, ws: &WorkspaceId, events: Vec<PendingEvent>) -> Result<(), Error> {
        let (commands, events): (Vec<PendingEvent>, Vec<PendingEvent>) =
            events.into_iter().partition(commands::is_command);
        for c in &commands {
            self.command(ws, c).await?;
        }
        let mut sendable = Vec::with_capacity(events.len());
        let mut proto = Vec::with_capacity(events.len());
        for e in events {
            let identifier = match self.profiles.get(ws.as_str(), &e.customer_id).await? {
                Some(p) => pick_identifier(&p.identifiers),
                None => None,
            };
            let Some(identifier) = identifier else {
                tracing::info!(workspace = %ws, event_id = %e.event_id, "customer gone or has no identifier; engagement event dropped");
                self.store.delete_pending(ws, &e.event_id).await?;
                continue;
            };
            proto.push(common::Event {
                event_id: e.event_id.clone(),
                r#type: e.event_type.clone(),
                time: Some(prost_types::Timestamp {
                    seconds: e.time_ms.div_euclid(1000),
                    nanos: i32::try_from(e.time_ms.rem_euclid(1000) * 1_000_000).unwrap_or(0),
                }),
                identifiers: vec![identifier],
                properties: Some(omni_common::convert::json_to_struct(&e.properties)),
                traits: None,
                source: common::SourceChannel::Messaging as i32,
            });
            sendable.push(e);
        }
        if proto.is_empty() {
            return Ok(());
        }
        let mut client = IdentityServiceClient::with_interceptor(
            self.identity.clone(),
            InternalAuth::new(&self.auth, ws),
        );
        let now = self.clock.now_ms();
        match client
            .track_batch(idpb::TrackBatchRequest { events: proto })
            .await
        {
            Ok(response) => {
                let results = response.into_inner().results;
                let mut outcome: Vec<Option<String>> =
                    vec![Some("no result".into()); sendable.len()];
                for r in results {
                    let Ok(i) = usize::try_from(r.index) else {
                        continue;
                    };
                    if let Some(slot) = outcome.get_mut(i) {
                        *slot = match r.result {
                            Some(idpb::track_result::Result::Accepted(_)) => None,
                            Some(idpb::track_result::Result::Error(err)) => {
                                Some(format!("{} {}: {}", err.code, err.field, err.message))
                            }
                            None => Some("empty result".into()),
                        };
                    }
                }
                for (e, error) in sendable.iter().zip(outcome) {
                    match error {
                        None => self.store.delete_pending(ws, &e.event_id).await?,
                        Some(error) if error.starts_with("INVALID_ARGUMENT") => {
                            // Identity will never take it; keeping it would retry forever.
                            tracing::warn!(workspace = %ws, event_id = %e.event_id, %error, "identity refused an engagement event; dropped");
                            self.store.delete_pending(ws, &e.event_id).await?;
                        }
                        Some(error) => self.retry(ws, e, now, &error).await?,
                    }
                }
            }
            Err(status) => {
                let error = format!("{:?}: {}", status.code(), status.message());
                for e in &sendable {
                    self.retry(ws, e, now, &error).await?;
                }
            }
        }
        Ok(())
    }

    /// Delivers one command (consent, snooze, global unsubscribe) to identity.
    async fn command(&self, ws: &WorkspaceId, c: &PendingEvent) -> Result<(), Error> {
        let Some(call) = commands::call(c) else {
            tracing::warn!(workspace = %ws, event_id = %c.event_id, kind = %c.event_type, "unknown command; dropped");
            return self.store.delete_pending(ws, &c.event_id).await;
        };
        let mut client = IdentityServiceClient::with_interceptor(
            self.identity.clone(),
            InternalAuth::new(&self.auth, ws),
        );
        let result = match call {
            commands::Call::Consent(r) => client.update_consent(r).await.map(|_| ()),
            commands::Call::Snooze(r) => client.snooze_contact(r).await.map(|_| ()),
            commands::Call::UnsubscribeAll(r) => {
                client.update_global_unsubscribe(r).await.map(|_| ())
            }
        };
        match result {
            Ok(()) => self.store.delete_pending(ws, &c.event_id).await,
            Err(status)
                if matches!(
                    status.code(),
                    tonic::Code::NotFound | tonic::Code::InvalidArgument
                ) =>
            {
                // The customer is gone, or identity will never take it.
                tracing::warn!(workspace = %ws, event_id = %c.event_id, error = %status.message(), "identity refused a command; dropped");
                self.store.delete_pending(ws, &c.event_id).await
            }
            Err(status) => {
                let error = format!("{:?}: {}", status.code(), status.message());
                self.retry(ws, c, self.clock.now_ms(), &error).await
            }
        }
    }

    async fn retry(
        &self,
        ws: &WorkspaceId,
        e: &PendingEvent,
        now: i64,
        error: &str,
    ) -> Result<(), Error> {
        let attempts = e.attempts + 1;
        let exp = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
        let delay = BACKOFF_MS.saturating_mul(1_i64 << exp).min(MAX_BACKOFF_MS);
        self.store
            .retry_pending(ws, &e.event_id, attempts, now + delay, error)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_stable_identifier_names_the_customer() {
        let ids = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        let got = pick_identifier(&ids(&[
            ("push_token", "t"),
            ("phone", "+4712345678"),
            ("email", "a@x.io"),
        ]))
        .expect("one");
        assert_eq!(got.r#type, common::IdentifierType::Email as i32);
        assert_eq!(got.value, "a@x.io");
        let got = pick_identifier(&ids(&[("member_no", "9")])).expect("custom");
        assert_eq!(got.custom_type, "member_no");
        assert!(pick_identifier(&ids(&[("push_token", "t")])).is_none());
        assert_eq!(node_of("run:r1:node:send_1"), Some("send_1"));
        assert_eq!(node_of("k-1"), None);
    }
}
