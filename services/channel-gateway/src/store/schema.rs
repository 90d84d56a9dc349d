//! The gateway's SQL schema, as ordered migrations.

use omni_storage::Migration;

/// The gateway's schema, applied at start-up.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "templates and messages",
        sql: "
CREATE TABLE IF NOT EXISTS templates (
    workspace_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    idempotency_key TEXT,
    PRIMARY KEY (workspace_id, template_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS templates_idempotency_key
    ON templates (workspace_id, idempotency_key);
CREATE TABLE IF NOT EXISTS messages (
    workspace_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    template_id TEXT NOT NULL,
    status TEXT NOT NULL,
    suppression_reason TEXT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    error TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    offer_json TEXT,
    variables_json TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_idempotency_key
    ON messages (workspace_id, idempotency_key);
CREATE INDEX IF NOT EXISTS messages_customer
    ON messages (workspace_id, customer_id, message_id);
CREATE INDEX IF NOT EXISTS messages_status_update
    ON messages (status, update_ms)
",
    },
    Migration {
        version: 2,
        name: "outbox, events, providers, suppressions, policies, variants",
        sql: "
ALTER TABLE messages ADD COLUMN purpose TEXT NOT NULL DEFAULT 'marketing';
ALTER TABLE messages ADD COLUMN locale TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN expire_ms BIGINT;
ALTER TABLE messages ADD COLUMN next_attempt_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN lease_until_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN claim_token TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN provider_message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN sms_encoding TEXT;
ALTER TABLE messages ADD COLUMN sms_segments BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN provider TEXT;
CREATE INDEX IF NOT EXISTS messages_due
    ON messages (channel, status, next_attempt_ms);
ALTER TABLE templates ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE templates ADD COLUMN variants_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE templates ADD COLUMN sample_json TEXT;
CREATE TABLE IF NOT EXISTS delivery_events (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    error TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    next_attempt_ms BIGINT,
    suppression_reason TEXT,
    provider_message_id TEXT NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX IF NOT EXISTS delivery_events_customer
    ON delivery_events (workspace_id, customer_id, event_id);
CREATE INDEX IF NOT EXISTS delivery_events_message
    ON delivery_events (workspace_id, message_id, event_id);
CREATE TABLE IF NOT EXISTS provider_configs (
    workspace_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    base_url TEXT NOT NULL,
    account_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    secret_ref TEXT NOT NULL,
    rate_per_second DOUBLE PRECISION NOT NULL,
    burst BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    timeout_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, channel)
);
CREATE TABLE IF NOT EXISTS suppressions (
    workspace_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, channel, address)
);
CREATE TABLE IF NOT EXISTS send_policies (
    workspace_id TEXT NOT NULL PRIMARY KEY,
    policy_json TEXT NOT NULL,
    update_ms BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS invalid_push_tokens (
    workspace_id TEXT NOT NULL,
    token TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    create_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, token)
)
",
    },
    Migration {
        version: 3,
        name: "identity outbox, coupons, apns, provider message ids",
        sql: "
ALTER TABLE provider_configs ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE provider_configs ADD COLUMN topic TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS messages_provider_message_id
    ON messages (workspace_id, provider_message_id);
CREATE TABLE IF NOT EXISTS identity_outbox (
    workspace_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    time_ms BIGINT NOT NULL,
    properties_json TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_ms BIGINT NOT NULL,
    lease_until_ms BIGINT NOT NULL,
    claim_token TEXT NOT NULL,
    last_error TEXT NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);
CREATE INDEX IF NOT EXISTS identity_outbox_due ON identity_outbox (next_attempt_ms);
CREATE TABLE IF NOT EXISTS coupons (
    workspace_id TEXT NOT NULL,
    code TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    issue_key TEXT NOT NULL,
    expire_ms BIGINT,
    create_ms BIGINT NOT NULL,
    redeem_ms BIGINT,
    redeem_store_id TEXT NOT NULL,
    redeem_key TEXT NOT NULL,
    PRIMARY KEY (workspace_id, code)
);
CREATE UNIQUE INDEX IF NOT EXISTS coupons_issue_key ON coupons (workspace_id, issue_key);
CREATE INDEX IF NOT EXISTS coupons_customer ON coupons (workspace_id, customer_id)
",
    },
    Migration {
        version: 4,
        name: "several providers per channel, routing state per message",
        sql: "
CREATE TABLE IF NOT EXISTS channel_providers (
    workspace_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    base_url TEXT NOT NULL,
    account_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    secret_ref TEXT NOT NULL,
    rate_per_second DOUBLE PRECISION NOT NULL,
    burst BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    timeout_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL,
    key_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    priority BIGINT NOT NULL,
    weight BIGINT NOT NULL,
    sms_prices_json TEXT NOT NULL,
    PRIMARY KEY (workspace_id, channel, provider_id)
);
INSERT INTO channel_providers (workspace_id, channel, provider_id, kind, base_url, account_id,
    sender, secret_ref, rate_per_second, burst, max_attempts, timeout_ms, update_ms, key_id,
    topic, priority, weight, sms_prices_json)
SELECT workspace_id, channel, 'default', kind, base_url, account_id, sender, secret_ref,
    rate_per_second, burst, max_attempts, timeout_ms, update_ms, key_id, topic, 0, 1, '[]'
FROM provider_configs;
ALTER TABLE messages ADD COLUMN provider_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN provider_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN skipped_providers TEXT NOT NULL DEFAULT '';
ALTER TABLE delivery_events ADD COLUMN provider_id TEXT NOT NULL DEFAULT ''
",
    },
    Migration {
        version: 5,
        name: "template versions and review",
        sql: crate::store::review::MIGRATION_SQL,
    },
];

/// The do-not-disturb additions (series `channel-dnd`, applied after [`MIGRATIONS`]):
/// why a message was deferred.
pub const DND_MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "defer reason of messages",
    sql: "ALTER TABLE messages ADD COLUMN defer_reason TEXT",
}];
