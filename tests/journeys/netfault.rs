//! A TCP proxy that can stop passing answers back: a network fault between a service
//! and the service it calls (requests still arrive, answers are lost), as when the
//! caller dies right after the callee accepted its request.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The running proxy; stops accepting when dropped.
pub struct Proxy {
    hold: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    /// Forwards connections accepted on `listener` to `upstream`.
    pub fn start(listener: TcpListener, upstream: SocketAddr) -> Self {
        let hold = Arc::new(AtomicBool::new(false));
        let held = hold.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(pipe(client, upstream, held.clone()));
            }
        });
        Self { hold, task }
    }

    /// While set, bytes from upstream are dropped instead of passed back.
    pub fn hold_answers(&self, hold: bool) {
        self.hold.store(hold, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn pipe(client: TcpStream, upstream: SocketAddr, hold: Arc<AtomicBool>) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let requests = tokio::io::copy(&mut client_read, &mut server_write);
    let answers = async {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = server_read.read(&mut buf).await?;
            if n == 0 {
                return std::io::Result::Ok(());
            }
            if !hold.load(Ordering::SeqCst) {
                client_write.write_all(&buf[..n]).await?;
            }
        }
    };
    tokio::select! {
        _ = requests => {}
        _ = answers => {}
    }
}
