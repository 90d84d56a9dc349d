//! Redis connections shared by a service.

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// Connects a reconnecting, multiplexed Redis connection to `url`, with `TCP_NODELAY`
/// (without it, concurrent small commands on the shared connection wait ~40 ms for
/// delayed ACKs).
pub async fn connect(url: &str) -> Result<ConnectionManager, ::redis::RedisError> {
    use ::redis::IntoConnectionInfo as _;
    let info = url
        .into_connection_info()?
        .set_tcp_settings(::redis::io::tcp::TcpSettings::default().set_nodelay(true));
    let client = ::redis::Client::open(info)?;
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(std::time::Duration::from_secs(5)))
        .set_number_of_retries(5);
    ConnectionManager::new_with_config(client, config).await
}
