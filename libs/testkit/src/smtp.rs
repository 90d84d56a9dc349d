//! A minimal real SMTP server (RFC 5321) that accepts every message and keeps it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::bail;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::tcp::OwnedReadHalf;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

use crate::ReceivedMail;

/// Longest command or data line accepted (RFC 5321 allows 1000; be generous).
const MAX_LINE: usize = 64 * 1024;

#[derive(Default)]
struct Mailbox {
    messages: Mutex<Vec<ReceivedMail>>,
    arrived: Notify,
}

impl Mailbox {
    fn push(&self, mail: ReceivedMail) {
        self.messages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(mail);
        self.arrived.notify_waiters();
    }

    fn snapshot(&self) -> Vec<ReceivedMail> {
        self.messages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

/// A local SMTP server on `127.0.0.1` that accepts any sender, recipient and
/// credentials (`AUTH PLAIN`/`LOGIN`) and records every message; no TLS. Stops when
/// dropped.
///
/// Point a client at it without TLS, e.g. lettre's
/// `AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(sink.port())`.
pub struct SmtpSink {
    /// The address the server listens on.
    pub addr: SocketAddr,
    mailbox: Arc<Mailbox>,
    server: JoinHandle<()>,
}

impl std::fmt::Debug for SmtpSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSink")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl SmtpSink {
    /// Starts the server on a free port.
    pub async fn start() -> anyhow::Result<SmtpSink> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let mailbox = Arc::new(Mailbox::default());
        let server = tokio::spawn(serve(listener, Arc::clone(&mailbox)));
        Ok(SmtpSink {
            addr,
            mailbox,
            server,
        })
    }

    /// The host to connect to (`127.0.0.1`).
    pub fn host(&self) -> String {
        self.addr.ip().to_string()
    }

    /// The port to connect to.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.mailbox.snapshot()
    }

    /// Waits until at least `n` messages arrived and returns all of them; fails after
    /// `timeout` with what arrived so far.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> anyhow::Result<Vec<ReceivedMail>> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let arrived = self.mailbox.arrived.notified();
            tokio::pin!(arrived);
            arrived.as_mut().enable();
            let messages = self.mailbox.snapshot();
            if messages.len() >= n {
                return Ok(messages);
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                bail!(
                    "expected {n} mail(s) within {timeout:?}, got {}: {:?}",
                    messages.len(),
                    messages
                );
            }
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        // Aborting the accept loop drops its JoinSet, which aborts every session.
        self.server.abort();
    }
}

async fn serve(listener: TcpListener, mailbox: Arc<Mailbox>) {
    let mut sessions = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    sessions.spawn(session(stream, Arc::clone(&mailbox)));
                }
                Err(err) => tracing::warn!(error = %err, "smtp sink accept failed"),
            },
            Some(done) = sessions.join_next() => {
                if let Ok(Err(err)) = done {
                    tracing::debug!(error = %err, "smtp sink session ended with an error");
                }
            }
        }
    }
}

/// Reads one line (with its terminator); `None` at end of stream.
async fn read_line(reader: &mut BufReader<OwnedReadHalf>) -> std::io::Result<Option<String>> {
    let mut buf = Vec::new();
    let n = (&mut *reader)
        .take(MAX_LINE as u64)
        .read_until(b'\n', &mut buf)
        .await?;
    if n == 0 {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// The address inside `<...>` (or the first word) of a `MAIL FROM:`/`RCPT TO:` argument.
fn path_argument(arg: &str) -> String {
    let arg = arg.trim();
    match (arg.find('<'), arg.find('>')) {
        (Some(open), Some(close)) if open < close => arg[open + 1..close].to_owned(),
        _ => arg.split_whitespace().next().unwrap_or_default().to_owned(),
    }
}

async fn session(stream: TcpStream, mailbox: Arc<Mailbox>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write.write_all(b"220 omni-testkit ESMTP ready\r\n").await?;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();

    while let Some(line) = read_line(&mut reader).await? {
        let line = line.trim_end_matches(['\r', '\n']);
        let (verb, arg) = line.split_once(' ').unwrap_or((line, ""));
        let reply: &[u8] = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                from = None;
                to.clear();
                b"250-omni-testkit greets you\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 AUTH PLAIN LOGIN\r\n"
            }
            "HELO" => {
                from = None;
                to.clear();
                b"250 omni-testkit\r\n"
            }
            "MAIL" => match arg.get(..5) {
                Some(p) if p.eq_ignore_ascii_case("FROM:") => {
                    from = Some(path_argument(&arg[5..]));
                    to.clear();
                    b"250 OK\r\n"
                }
                _ => b"501 Syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" => match arg.get(..3) {
                _ if from.is_none() => b"503 MAIL first\r\n",
                Some(p) if p.eq_ignore_ascii_case("TO:") => {
                    to.push(path_argument(&arg[3..]));
                    b"250 OK\r\n"
                }
                _ => b"501 Syntax: RCPT TO:<address>\r\n",
            },
            "DATA" => {
                if from.is_none() || to.is_empty() {
                    b"503 need MAIL and RCPT first\r\n"
                } else {
                    write
                        .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                        .await?;
                    let Some(data) = read_data(&mut reader).await? else {
                        return Ok(());
                    };
                    mailbox.push(ReceivedMail {
                        from: from.take().unwrap_or_default(),
                        to: std::mem::take(&mut to),
                        data,
                    });
                    b"250 OK: queued\r\n"
                }
            }
            "AUTH" => {
                if !authenticate(arg, &mut reader, &mut write).await? {
                    return Ok(());
                }
                b"235 Authentication successful\r\n"
            }
            "RSET" => {
                from = None;
                to.clear();
                b"250 OK\r\n"
            }
            "NOOP" => b"250 OK\r\n",
            "VRFY" => b"252 Cannot VRFY user, but will accept message\r\n",
            "STARTTLS" => b"454 TLS not available\r\n",
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"500 Command not recognised\r\n",
        };
        write.write_all(reply).await?;
    }
    Ok(())
}

/// Reads message data up to the lone `.` line, undoing dot-stuffing; `None` if the
/// client hung up first.
async fn read_data(reader: &mut BufReader<OwnedReadHalf>) -> std::io::Result<Option<String>> {
    let mut data = String::new();
    while let Some(line) = read_line(reader).await? {
        if line == ".\r\n" || line == ".\n" || line == "." {
            return Ok(Some(data));
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
    Ok(None)
}

/// Accepts any credentials for `AUTH PLAIN` and `AUTH LOGIN`, answering the
/// challenges they need; `false` if the client hung up.
async fn authenticate(
    arg: &str,
    reader: &mut BufReader<OwnedReadHalf>,
    write: &mut tokio::net::tcp::OwnedWriteHalf,
) -> std::io::Result<bool> {
    let mut words = arg.split_whitespace();
    let mechanism = words.next().unwrap_or_default().to_ascii_uppercase();
    let initial = words.next();
    // Challenges still to send: base64 "Username:" / "Password:" for LOGIN.
    let challenges: &[&[u8]] = match (mechanism.as_str(), initial) {
        ("PLAIN", Some(_)) => &[],
        ("PLAIN", None) => &[b"334 \r\n"],
        ("LOGIN", Some(_)) => &[b"334 UGFzc3dvcmQ6\r\n"],
        ("LOGIN", None) => &[b"334 VXNlcm5hbWU6\r\n", b"334 UGFzc3dvcmQ6\r\n"],
        // Unknown mechanisms are accepted too: the sink checks nothing.
        _ => &[],
    };
    for challenge in challenges {
        write.write_all(challenge).await?;
        if read_line(reader).await?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use lettre::message::{Mailbox as Address, MultiPart, header::ContentType};
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
    use tokio::io::AsyncReadExt as _;

    use super::*;

    fn transport(sink: &SmtpSink) -> AsyncSmtpTransport<Tokio1Executor> {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(sink.host())
            .port(sink.port())
            .build()
    }

    #[tokio::test]
    async fn receives_mail_sent_with_lettre() -> anyhow::Result<()> {
        let sink = SmtpSink::start().await?;
        let body = "Bonjour Zoë,\n.hidden line starting with a dot\nYour offer: 20% off ✓";
        let message = Message::builder()
            .from("Shop <shop@example.com>".parse::<Address>()?)
            .to("zoe@example.com".parse::<Address>()?)
            .to("second@example.com".parse::<Address>()?)
            .subject("Votre offre été")
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())?;
        transport(&sink).send(message).await?;

        let mails = sink.wait_for(1, Duration::from_secs(5)).await?;
        assert_eq!(mails.len(), 1);
        let mail = &mails[0];
        assert_eq!(mail.from, "shop@example.com");
        assert_eq!(mail.to, vec!["zoe@example.com", "second@example.com"]);
        assert_eq!(mail.header("Subject").as_deref(), Some("Votre offre été"));
        assert_eq!(mail.decoded_body(), body);
        assert_eq!(sink.messages(), mails);
        Ok(())
    }

    #[tokio::test]
    async fn long_lines_and_multipart_bodies_round_trip() -> anyhow::Result<()> {
        let sink = SmtpSink::start().await?;
        let long = "x".repeat(300) + " ✓ " + &"y".repeat(300);
        let message = Message::builder()
            .from("shop@example.com".parse::<Address>()?)
            .to("a@example.com".parse::<Address>()?)
            .subject("Long")
            .multipart(MultiPart::alternative_plain_html(
                long.clone(),
                format!("<p>{long}</p>"),
            ))?;
        transport(&sink).send(message).await?;
        let mails = sink.wait_for(1, Duration::from_secs(5)).await?;
        assert_eq!(mails[0].decoded_body(), long);
        assert_eq!(
            mails[0].decoded_part("text/html"),
            Some(format!("<p>{long}</p>"))
        );
        Ok(())
    }

    #[tokio::test]
    async fn accepts_credentials_and_several_messages_per_connection() -> anyhow::Result<()> {
        let sink = SmtpSink::start().await?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(sink.host())
            .port(sink.port())
            .credentials(Credentials::new("user".into(), "secret".into()))
            .build();
        for i in 0..3 {
            let message = Message::builder()
                .from("shop@example.com".parse::<Address>()?)
                .to(format!("c{i}@example.com").parse::<Address>()?)
                .subject(format!("n{i}"))
                .body(format!("body {i}"))?;
            transport.send(message).await?;
        }
        let mails = sink.wait_for(3, Duration::from_secs(5)).await?;
        let subjects: Vec<_> = mails.iter().filter_map(|m| m.header("subject")).collect();
        assert_eq!(subjects, ["n0", "n1", "n2"]);
        assert_eq!(mails[2].decoded_body(), "body 2");
        Ok(())
    }

    #[tokio::test]
    async fn wait_for_times_out_with_what_arrived() -> anyhow::Result<()> {
        let sink = SmtpSink::start().await?;
        let err = sink
            .wait_for(1, Duration::from_millis(100))
            .await
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("expected 1 mail(s) within 100ms, got 0: []")
        );
        Ok(())
    }

    #[tokio::test]
    async fn speaks_the_protocol_by_hand() -> anyhow::Result<()> {
        let sink = SmtpSink::start().await?;
        let stream = TcpStream::connect(sink.addr).await?;
        let (read, mut write) = stream.into_split();
        let mut reader = BufReader::new(read);
        let mut expect = async |send: &str, want: &str| -> anyhow::Result<()> {
            if !send.is_empty() {
                write.write_all(send.as_bytes()).await?;
            }
            let mut got = String::new();
            loop {
                let line = read_line(&mut reader).await?.unwrap_or_default();
                got.push_str(&line);
                // Multi-line replies continue with "250-".
                if line.len() < 4 || line.as_bytes()[3] != b'-' {
                    break;
                }
            }
            assert!(
                got.starts_with(want),
                "sent {send:?}, got {got:?}, wanted {want:?}"
            );
            Ok(())
        };
        expect("", "220 ").await?;
        expect("HELO me\r\n", "250 ").await?;
        expect("RCPT TO:<x@example.com>\r\n", "503 ").await?;
        expect("DATA\r\n", "503 ").await?;
        expect("MAIL FROM:<a@example.com>\r\n", "250 ").await?;
        expect("RCPT TO:<x@example.com>\r\n", "250 ").await?;
        expect("RSET\r\n", "250 ").await?;
        expect("NOOP\r\n", "250 ").await?;
        expect("BOGUS\r\n", "500 ").await?;
        expect("mail from:<> BODY=8BITMIME\r\n", "250 ").await?;
        expect("rcpt to:<x@example.com>\r\n", "250 ").await?;
        expect("DATA\r\n", "354 ").await?;
        expect(
            "Subject: t\r\n\r\n..starts with dot\r\nend\r\n.\r\n",
            "250 ",
        )
        .await?;
        expect("QUIT\r\n", "221 ").await?;
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).await?;
        assert!(rest.is_empty());

        let mails = sink.messages();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].from, "");
        assert_eq!(mails[0].to, vec!["x@example.com"]);
        assert_eq!(
            mails[0].data,
            "Subject: t\r\n\r\n.starts with dot\r\nend\r\n"
        );
        Ok(())
    }
}
