//! Redis connections shared by a service.

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// Connects a reconnecting, multiplexed Redis connection to `url`.
pub async fn connect(url: &str) -> Result<ConnectionManager, ::redis::RedisError> {
    let client = ::redis::Client::open(url)?;
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(std::time::Duration::from_secs(5)))
        .set_number_of_retries(5);
    ConnectionManager::new_with_config(client, config).await
}
