//! Per-workspace settings behind the gateway: provider configs, send policies and the
//! suppression list, with short-lived caches.

use std::sync::Arc;
use std::time::Instant;

use omni_common::ids::WorkspaceId;

use crate::error::Error;
use crate::policy::{self};
use crate::provider::{check_secret_ref, resolve_secret};
use crate::records::{Channel, ProviderConfig, ProviderKind, SendPolicy, SuppressionEntry};

use super::{Gateway, SETTINGS_TTL, lock};

impl Gateway {
    // ---- settings: providers, policies, suppressions ---------------------------------

    /// The provider kind for a channel (its first provider's), or `ChannelNotConfigured`.
    pub(super) async fn provider_kind(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<ProviderKind, Error> {
        if channel == Channel::Email {
            return Ok(ProviderKind::Smtp);
        }
        self.providers(ws, channel)
            .await?
            .first()
            .map(|c| c.kind)
            .ok_or(Error::ChannelNotConfigured(channel))
    }

    /// The resolved secrets of the workspace's providers for `channel`, in failover
    /// order (those that resolve right now).
    pub(crate) async fn provider_secrets(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Vec<String>, Error> {
        Ok(self
            .providers(ws, channel)
            .await?
            .iter()
            .filter_map(|c| resolve_secret(&c.secret_ref, &self.cfg.secrets).ok())
            .collect())
    }

    /// The workspace's provider configs for a channel in failover order (cached
    /// briefly).
    pub(super) async fn providers(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Arc<Vec<ProviderConfig>>, Error> {
        let key = (ws.to_string(), channel);
        if let Some((at, c)) = lock(&self.configs).get(&key)
            && at.elapsed() < SETTINGS_TTL
        {
            return Ok(c.clone());
        }
        let c = Arc::new(self.store.list_providers(ws, channel).await?);
        lock(&self.configs).insert(key, (Instant::now(), c.clone()));
        Ok(c)
    }

    /// Stores a provider config (one of its channel's, by `provider_id`); returns it and
    /// whether its secret resolves now.
    pub async fn update_provider(
        &self,
        ws: &WorkspaceId,
        mut config: ProviderConfig,
    ) -> Result<(ProviderConfig, bool), Error> {
        check_secret_ref(&config.secret_ref)
            .map_err(|e| Error::invalid("provider_config.secret_ref", e))?;
        config.update_ms = self.clock.now_ms();
        self.store.upsert_provider(ws, &config).await?;
        lock(&self.configs).remove(&(ws.to_string(), config.kind.channel()));
        let resolved = resolve_secret(&config.secret_ref, &self.cfg.secrets).is_ok();
        Ok((config, resolved))
    }

    /// A channel's provider configs in failover order, each with whether its secret
    /// resolves now.
    pub async fn list_providers(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Vec<(ProviderConfig, bool)>, Error> {
        Ok(self
            .store
            .list_providers(ws, channel)
            .await?
            .into_iter()
            .map(|c| {
                let resolved = resolve_secret(&c.secret_ref, &self.cfg.secrets).is_ok();
                (c, resolved)
            })
            .collect())
    }

    /// Reads one provider config (`provider_id`, or the first in failover order when
    /// empty) and whether its secret resolves now.
    pub async fn get_provider_by_id(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        provider_id: &str,
    ) -> Result<(ProviderConfig, bool), Error> {
        let config = self
            .store
            .get_provider(ws, channel, provider_id)
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "provider config",
                id: if provider_id.is_empty() {
                    channel.to_string()
                } else {
                    format!("{channel}/{provider_id}")
                },
            })?;
        let resolved = resolve_secret(&config.secret_ref, &self.cfg.secrets).is_ok();
        Ok((config, resolved))
    }

    /// The send policy (cached briefly; defaults when never set).
    pub async fn policy(&self, ws: &WorkspaceId) -> Result<SendPolicy, Error> {
        if let Some((at, p)) = lock(&self.policies).get(ws.as_str())
            && at.elapsed() < SETTINGS_TTL
        {
            return Ok(p.clone());
        }
        let p = self.store.get_policy(ws).await?.unwrap_or_default();
        lock(&self.policies).insert(ws.to_string(), (Instant::now(), p.clone()));
        Ok(p)
    }

    /// Replaces the send policy.
    pub async fn update_policy(
        &self,
        ws: &WorkspaceId,
        mut policy: SendPolicy,
    ) -> Result<SendPolicy, Error> {
        policy.update_ms = self.clock.now_ms();
        self.store.put_policy(ws, &policy).await?;
        lock(&self.policies).remove(ws.as_str());
        Ok(policy)
    }

    /// Adds an address to the suppression list.
    pub async fn add_suppression(
        &self,
        ws: &WorkspaceId,
        mut entry: SuppressionEntry,
    ) -> Result<SuppressionEntry, Error> {
        entry.address = policy::normalise_address(entry.channel, &entry.address);
        entry.create_ms = self.clock.now_ms();
        self.store.add_suppression(ws, &entry).await
    }

    /// The suppression list's entry for an address, if any (normalised as stored).
    pub async fn find_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<Option<SuppressionEntry>, Error> {
        let address = policy::normalise_address(channel, address);
        self.store.get_suppression(ws, channel, &address).await
    }

    /// Removes an address from the suppression list.
    pub async fn delete_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<(), Error> {
        let address = policy::normalise_address(channel, address);
        if !self.store.delete_suppression(ws, channel, &address).await? {
            return Err(Error::NotFound {
                kind: "suppression",
                id: format!("{channel}:{address}"),
            });
        }
        Ok(())
    }
}
