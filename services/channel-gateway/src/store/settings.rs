//! Per-workspace settings in SQL: provider configs, the suppression list, send
//! policies and invalidated push tokens.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult};

use crate::error::Error;
use crate::records::{
    Channel, ListReason, MessageId, ProviderConfig, ProviderKind, SendPolicy, SuppressionEntry,
};

use super::{Store, corrupt, parse};

const PROVIDER_COLUMNS: &str = "provider_id, kind, base_url, account_id, sender, secret_ref, \
     rate_per_second, burst, max_attempts, timeout_ms, update_ms, key_id, topic, priority, weight, \
     sms_prices_json";

impl Store {
    // ---- provider configs ------------------------------------------------------------

    /// Creates or replaces one of the workspace's providers for the config's channel
    /// (keyed by `provider_id`).
    pub async fn upsert_provider(&self, ws: &WorkspaceId, c: &ProviderConfig) -> Result<(), Error> {
        let prices = serde_json::to_string(&c.sms_prices).map_err(corrupt)?;
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO channel_providers (workspace_id, channel, provider_id, kind, \
                 base_url, account_id, sender, secret_ref, rate_per_second, burst, max_attempts, \
                 timeout_ms, update_ms, key_id, topic, priority, weight, sms_prices_json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                 $17, $18) \
                 ON CONFLICT (workspace_id, channel, provider_id) DO UPDATE SET \
                 kind = excluded.kind, base_url = excluded.base_url, \
                 account_id = excluded.account_id, sender = excluded.sender, \
                 secret_ref = excluded.secret_ref, rate_per_second = excluded.rate_per_second, \
                 burst = excluded.burst, max_attempts = excluded.max_attempts, \
                 timeout_ms = excluded.timeout_ms, update_ms = excluded.update_ms, \
                 key_id = excluded.key_id, topic = excluded.topic, priority = excluded.priority, \
                 weight = excluded.weight, sms_prices_json = excluded.sms_prices_json",
                [
                    ws.as_str().into(),
                    c.kind.channel().as_str().into(),
                    c.provider_id.clone().into(),
                    c.kind.as_str().into(),
                    c.base_url.clone().into(),
                    c.account_id.clone().into(),
                    c.sender.clone().into(),
                    c.secret_ref.clone().into(),
                    c.rate_per_second.into(),
                    c.burst.into(),
                    c.max_attempts.into(),
                    c.timeout_ms.into(),
                    c.update_ms.into(),
                    c.key_id.clone().into(),
                    c.topic.clone().into(),
                    c.priority.into(),
                    c.weight.into(),
                    prices.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// The workspace's providers for `channel`, in failover order (priority, then id).
    pub async fn list_providers(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
    ) -> Result<Vec<ProviderConfig>, Error> {
        let rows = self
            .db
            .query_all_raw(self.stmt(
                &format!(
                    "SELECT {PROVIDER_COLUMNS} FROM channel_providers \
                     WHERE workspace_id = $1 AND channel = $2 ORDER BY priority, provider_id"
                ),
                [ws.as_str().into(), channel.as_str().into()],
            ))
            .await?;
        rows.iter().map(provider_from_row).collect()
    }

    /// One of the workspace's providers for `channel`: `provider_id`, or the first in
    /// failover order when it is empty.
    pub async fn get_provider(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        provider_id: &str,
    ) -> Result<Option<ProviderConfig>, Error> {
        let providers = self.list_providers(ws, channel).await?;
        Ok(providers
            .into_iter()
            .find(|p| provider_id.is_empty() || p.provider_id == provider_id))
    }

    // ---- suppression list ------------------------------------------------------------

    /// Adds an entry unless the address is listed already; returns the stored entry.
    pub async fn add_suppression(
        &self,
        ws: &WorkspaceId,
        e: &SuppressionEntry,
    ) -> Result<SuppressionEntry, Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO suppressions (workspace_id, channel, address, reason, note, create_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (workspace_id, channel, address) DO NOTHING",
                [
                    ws.as_str().into(),
                    e.channel.as_str().into(),
                    e.address.clone().into(),
                    e.reason.as_str().into(),
                    e.note.clone().into(),
                    e.create_ms.into(),
                ],
            ))
            .await?;
        self.get_suppression(ws, e.channel, &e.address)
            .await?
            .ok_or_else(|| Error::Corrupt("suppression vanished after insert".into()))
    }

    /// The entry for an address, if listed.
    pub async fn get_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<Option<SuppressionEntry>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT channel, address, reason, note, create_ms FROM suppressions \
                 WHERE workspace_id = $1 AND channel = $2 AND address = $3",
                [ws.as_str().into(), channel.as_str().into(), address.into()],
            ))
            .await?;
        row.as_ref().map(suppression_from_row).transpose()
    }

    /// Entries ordered by channel and address, after `(channel, address)`.
    pub async fn list_suppressions(
        &self,
        ws: &WorkspaceId,
        channel: Option<Channel>,
        after: Option<(String, String)>,
        limit: u32,
    ) -> Result<Vec<SuppressionEntry>, Error> {
        let (after_channel, after_address) = after.unwrap_or_default();
        let rows = self
            .db
            .query_all_raw(self.stmt(
                "SELECT channel, address, reason, note, create_ms FROM suppressions \
                 WHERE workspace_id = $1 AND ($2 = '' OR channel = $2) \
                 AND (channel > $3 OR (channel = $3 AND address > $4)) \
                 ORDER BY channel, address LIMIT $5",
                [
                    ws.as_str().into(),
                    channel.map(|c| c.as_str()).unwrap_or_default().into(),
                    after_channel.into(),
                    after_address.into(),
                    i64::from(limit).into(),
                ],
            ))
            .await?;
        rows.iter().map(suppression_from_row).collect()
    }

    /// Removes an entry; false when it was not listed.
    pub async fn delete_suppression(
        &self,
        ws: &WorkspaceId,
        channel: Channel,
        address: &str,
    ) -> Result<bool, Error> {
        let res = self
            .db
            .execute_raw(self.stmt(
                "DELETE FROM suppressions WHERE workspace_id = $1 AND channel = $2 AND address = $3",
                [ws.as_str().into(), channel.as_str().into(), address.into()],
            ))
            .await?;
        Ok(res.rows_affected() == 1)
    }

    // ---- send policy -----------------------------------------------------------------

    /// The workspace's send policy, if one was ever set.
    pub async fn get_policy(&self, ws: &WorkspaceId) -> Result<Option<SendPolicy>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT policy_json, update_ms FROM send_policies WHERE workspace_id = $1",
                [ws.as_str().into()],
            ))
            .await?;
        let Some(row) = row else { return Ok(None) };
        let json: String = row.try_get("", "policy_json")?;
        let mut policy: SendPolicy = serde_json::from_str(&json)
            .map_err(|e| Error::Corrupt(format!("send policy json: {e}")))?;
        policy.update_ms = row.try_get("", "update_ms")?;
        Ok(Some(policy))
    }

    /// Replaces the workspace's send policy.
    pub async fn put_policy(&self, ws: &WorkspaceId, policy: &SendPolicy) -> Result<(), Error> {
        let json = serde_json::to_string(policy).map_err(corrupt)?;
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO send_policies (workspace_id, policy_json, update_ms) \
                 VALUES ($1, $2, $3) ON CONFLICT (workspace_id) DO UPDATE SET \
                 policy_json = excluded.policy_json, update_ms = excluded.update_ms",
                [ws.as_str().into(), json.into(), policy.update_ms.into()],
            ))
            .await?;
        Ok(())
    }

    // ---- push tokens -----------------------------------------------------------------

    /// Records that the provider reported `token` invalid.
    pub async fn invalidate_token(
        &self,
        ws: &WorkspaceId,
        token: &str,
        customer_id: &str,
        message_id: &MessageId,
        now_ms: i64,
    ) -> Result<(), Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO invalid_push_tokens (workspace_id, token, customer_id, message_id, \
                 create_ms) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (workspace_id, token) DO NOTHING",
                [
                    ws.as_str().into(),
                    token.into(),
                    customer_id.into(),
                    message_id.as_str().into(),
                    now_ms.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Whether `token` was reported invalid.
    pub async fn is_token_invalid(&self, ws: &WorkspaceId, token: &str) -> Result<bool, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                "SELECT token FROM invalid_push_tokens WHERE workspace_id = $1 AND token = $2",
                [ws.as_str().into(), token.into()],
            ))
            .await?;
        Ok(row.is_some())
    }
}

pub(super) fn provider_from_row(row: &QueryResult) -> Result<ProviderConfig, Error> {
    let kind: String = row.try_get("", "kind")?;
    Ok(ProviderConfig {
        kind: parse("provider kind", &kind, ProviderKind::parse)?,
        base_url: row.try_get("", "base_url")?,
        account_id: row.try_get("", "account_id")?,
        sender: row.try_get("", "sender")?,
        secret_ref: row.try_get("", "secret_ref")?,
        rate_per_second: row.try_get("", "rate_per_second")?,
        burst: row.try_get("", "burst")?,
        max_attempts: row.try_get("", "max_attempts")?,
        timeout_ms: row.try_get("", "timeout_ms")?,
        update_ms: row.try_get("", "update_ms")?,
        key_id: row.try_get("", "key_id")?,
        topic: row.try_get("", "topic")?,
        provider_id: row.try_get("", "provider_id")?,
        priority: row.try_get("", "priority")?,
        weight: row.try_get("", "weight")?,
        sms_prices: serde_json::from_str(&row.try_get::<String>("", "sms_prices_json")?)
            .map_err(corrupt)?,
    })
}

pub(super) fn suppression_from_row(row: &QueryResult) -> Result<SuppressionEntry, Error> {
    let channel: String = row.try_get("", "channel")?;
    let reason: String = row.try_get("", "reason")?;
    Ok(SuppressionEntry {
        channel: parse("suppression channel", &channel, Channel::parse)?,
        address: row.try_get("", "address")?,
        reason: parse("suppression reason", &reason, ListReason::parse)?,
        note: row.try_get("", "note")?,
        create_ms: row.try_get("", "create_ms")?,
    })
}
