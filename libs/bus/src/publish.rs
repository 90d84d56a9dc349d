//! The [`Bus`] handle and publishing.

use std::time::Duration;

use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::streams::StreamMaxlen;

use crate::{Error, Topic};

/// Stream entry field holding the encoded protobuf payload.
pub(crate) const FIELD_PAYLOAD: &str = "p";
/// Stream entry field holding the W3C `traceparent` of the publisher's span.
pub(crate) const FIELD_TRACEPARENT: &str = "tp";

/// Default approximate cap on the number of entries kept per stream.
pub const DEFAULT_MAX_LEN: usize = 100_000;

/// A handle to the event bus: cheap to clone, shared by publishers and consumers.
///
/// Publishing uses the shared multiplexed connection. Consumers created from a bus
/// built with [`Bus::connect`] or [`Bus::from_client`] read with `XREADGROUP BLOCK` on a
/// dedicated connection of their own (a blocking read on the shared connection would
/// stall every other command on it); a bus built with [`Bus::new`] only has the
/// shared connection, so its consumers poll without blocking instead.
#[derive(Clone)]
pub struct Bus {
    pub(crate) conn: ConnectionManager,
    pub(crate) client: Option<redis::Client>,
    pub(crate) max_len: usize,
}

impl std::fmt::Debug for Bus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bus")
            .field("blocking_reads", &self.client.is_some())
            .field("max_len", &self.max_len)
            .finish_non_exhaustive()
    }
}

impl Bus {
    /// A bus over an existing shared connection. Consumers of this bus poll (see the
    /// type docs); prefer [`Bus::connect`] when the Redis URL is at hand.
    pub fn new(conn: ConnectionManager) -> Self {
        Self {
            conn,
            client: None,
            max_len: DEFAULT_MAX_LEN,
        }
    }

    /// Connects to the Redis at `url`; consumers get dedicated blocking connections.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        Self::from_client(redis::Client::open(url)?).await
    }

    /// A bus over `client`: one shared connection for publishing and short commands,
    /// plus a dedicated connection per consumer for blocking reads.
    pub async fn from_client(client: redis::Client) -> Result<Self, Error> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(5)))
            .set_number_of_retries(5);
        let conn = ConnectionManager::new_with_config(client.clone(), config).await?;
        Ok(Self {
            conn,
            client: Some(client),
            max_len: DEFAULT_MAX_LEN,
        })
    }

    /// Caps every stream this bus writes to at roughly `max_len` entries (`MAXLEN ~`).
    /// Entries trimmed before a consumer group read them are lost, so keep this well
    /// above the backlog consumers may build up.
    pub fn with_max_len(mut self, max_len: usize) -> Self {
        self.max_len = max_len.max(1);
        self
    }

    /// Appends `msg` to `topic`'s stream together with the current span's
    /// `traceparent`, trimming the stream to about the configured maximum length.
    /// Returns the new entry's id.
    pub async fn publish<M: prost::Message>(&self, topic: Topic, msg: &M) -> Result<String, Error> {
        self.publish_with_traceparent(topic, msg, omni_common::telemetry::current_traceparent())
            .await
    }

    /// [`Bus::publish`] with an explicit trace context instead of the current span's.
    pub async fn publish_with_traceparent<M: prost::Message>(
        &self,
        topic: Topic,
        msg: &M,
        traceparent: Option<String>,
    ) -> Result<String, Error> {
        let payload = msg.encode_to_vec();
        let mut fields: Vec<(&str, &[u8])> = vec![(FIELD_PAYLOAD, payload.as_slice())];
        if let Some(tp) = traceparent.as_deref() {
            fields.push((FIELD_TRACEPARENT, tp.as_bytes()));
        }
        let mut conn = self.conn.clone();
        let id: Option<String> = conn
            .xadd_maxlen(
                topic.stream(),
                StreamMaxlen::Approx(self.max_len),
                "*",
                &fields,
            )
            .await?;
        id.ok_or(Error::NoEntryId {
            stream: topic.stream(),
        })
    }
}
