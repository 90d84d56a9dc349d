//! Mail captured by [`SmtpSink`](crate::SmtpSink) and just enough MIME decoding to
//! assert on what a sender produced.

/// One message accepted by the sink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The envelope sender (`MAIL FROM`), without angle brackets; empty for `<>`.
    pub from: String,
    /// The envelope recipients (`RCPT TO`), without angle brackets.
    pub to: Vec<String>,
    /// The raw message (headers and body) as sent after `DATA`, dot-stuffing undone.
    pub data: String,
}

impl ReceivedMail {
    /// The first header called `name` (case-insensitive), unfolded, with RFC 2047
    /// encoded words (`=?utf-8?b?...?=`) decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (headers, _) = split_message(&self.data);
        header_value(&headers, name).map(|v| decode_encoded_words(&v))
    }

    /// The readable body: the `text/plain` part (or the first part) of the message,
    /// with its quoted-printable or base64 transfer encoding undone, line endings
    /// turned into `\n` and trailing newlines removed.
    pub fn decoded_body(&self) -> String {
        let leaves = leaves(&self.data);
        leaves
            .iter()
            .find(|leaf| leaf.mime == "text/plain")
            .or_else(|| leaves.first())
            .map(|leaf| leaf.text.clone())
            .unwrap_or_default()
    }

    /// The decoded body of the first part of type `mime` (e.g. `text/html`), if any;
    /// decoded as for [`ReceivedMail::decoded_body`].
    pub fn decoded_part(&self, mime: &str) -> Option<String> {
        leaves(&self.data)
            .into_iter()
            .find(|leaf| leaf.mime.eq_ignore_ascii_case(mime))
            .map(|leaf| leaf.text)
    }
}

/// A non-multipart MIME part, decoded.
struct Leaf {
    mime: String,
    text: String,
}

/// Headers (unfolded name/value pairs) and the body of a message or part.
fn split_message(raw: &str) -> (Vec<(String, String)>, &str) {
    let (head, body) = match (raw.find("\r\n\r\n"), raw.find("\n\n")) {
        (Some(crlf), Some(lf)) if lf < crlf => (&raw[..lf], &raw[lf + 2..]),
        (Some(crlf), _) => (&raw[..crlf], &raw[crlf + 4..]),
        (None, Some(lf)) => (&raw[..lf], &raw[lf + 2..]),
        (None, None) => (raw, ""),
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    (headers, body)
}

fn header_value(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// A parameter (`boundary="x"`) of a structured header value.
fn header_param(value: &str, param: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (name, v) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case(param)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Every non-multipart part of `raw`, depth first.
fn leaves(raw: &str) -> Vec<Leaf> {
    let (headers, body) = split_message(raw);
    let content_type =
        header_value(&headers, "content-type").unwrap_or_else(|| "text/plain".to_owned());
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if mime.starts_with("multipart/")
        && let Some(boundary) = header_param(&content_type, "boundary")
    {
        return split_multipart(body, &boundary)
            .into_iter()
            .flat_map(leaves)
            .collect();
    }
    let encoding = header_value(&headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "quoted-printable" => decode_quoted_printable(body, false),
        "base64" => decode_base64(body),
        _ => body.as_bytes().to_vec(),
    };
    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    vec![Leaf {
        mime,
        text: text.trim_end_matches('\n').to_owned(),
    }]
}

/// The parts between `--boundary` delimiter lines (preamble and epilogue dropped).
fn split_multipart<'a>(body: &'a str, boundary: &str) -> Vec<&'a str> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.starts_with(&delimiter) {
            if let Some(s) = start {
                // The line break before a delimiter belongs to the delimiter.
                let part = &body[s..offset];
                parts.push(
                    part.strip_suffix("\r\n")
                        .or_else(|| part.strip_suffix('\n'))
                        .unwrap_or(part),
                );
            }
            if trimmed[delimiter.len()..].starts_with("--") {
                return parts;
            }
            start = Some(offset + line.len());
        }
        offset += line.len();
    }
    parts
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Quoted-printable (RFC 2045); `underscore_is_space` for RFC 2047 `Q` words.
fn decode_quoted_printable(input: &str, underscore_is_space: bool) -> Vec<u8> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes[i + 1..].starts_with(b"\r\n") => i += 3,
            b'=' if bytes[i + 1..].starts_with(b"\n") => i += 2,
            b'=' => match (
                bytes.get(i + 1).copied().and_then(hex_value),
                bytes.get(i + 2).copied().and_then(hex_value),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            },
            b'_' if underscore_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Standard base64, ignoring whitespace, padding and anything outside the alphabet.
fn decode_base64(input: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for b in input.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    out
}

/// Decodes RFC 2047 encoded words; whitespace between adjacent words is dropped.
fn decode_encoded_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut pending_space = String::new();
    let mut previous_was_word = false;
    while !rest.is_empty() {
        if let Some((decoded, consumed)) = rest.strip_prefix("=?").and_then(encoded_word) {
            if !previous_was_word {
                out.push_str(&pending_space);
            }
            pending_space.clear();
            out.push_str(&decoded);
            rest = &rest[2 + consumed..];
            previous_was_word = true;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            pending_space.push(c);
        } else {
            out.push_str(&pending_space);
            pending_space.clear();
            out.push(c);
            previous_was_word = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(&pending_space);
    out
}

/// Parses `charset?E?text?=` (after the leading `=?`); returns the decoded text and
/// the number of bytes consumed.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let (charset, rest) = s.split_once('?')?;
    let (encoding, rest) = rest.split_once('?')?;
    let end = rest.find("?=")?;
    let text = &rest[..end];
    if charset.is_empty()
        || charset.contains(char::is_whitespace)
        || text.contains(char::is_whitespace)
    {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => decode_base64(text),
        "Q" | "q" => decode_quoted_printable(text, true),
        _ => return None,
    };
    let consumed = s.len() - rest.len() + end + 2;
    Some((String::from_utf8_lossy(&bytes).into_owned(), consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(data: &str) -> ReceivedMail {
        ReceivedMail {
            from: "a@example.com".into(),
            to: vec!["b@example.com".into()],
            data: data.into(),
        }
    }

    #[test]
    fn plain_body_is_returned_as_is() {
        let m = mail("Subject: Hi\r\nContent-Type: text/plain\r\n\r\nHello\r\nworld\r\n");
        assert_eq!(m.header("subject").as_deref(), Some("Hi"));
        assert_eq!(m.decoded_body(), "Hello\nworld");
    }

    #[test]
    fn quoted_printable_and_base64_bodies_are_decoded() {
        let qp = mail(
            "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 au lait, a very long line that was=\r\n wrapped\r\n",
        );
        assert_eq!(
            qp.decoded_body(),
            "Café au lait, a very long line that was wrapped"
        );
        let b64 = mail("Content-Transfer-Encoding: base64\r\n\r\nSGVsbG8sIHfDtnJsZCE=\r\n");
        assert_eq!(b64.decoded_body(), "Hello, wörld!");
    }

    #[test]
    fn folded_and_encoded_headers_are_decoded() {
        let m = mail(
            "Subject: =?utf-8?b?w4l0w6k=?=\r\n =?utf-8?q?=C3=A0_Paris?= now\r\nX-Long: a\r\n\tb\r\n\r\nbody",
        );
        assert_eq!(m.header("Subject").as_deref(), Some("Étéà Paris now"));
        assert_eq!(m.header("x-long").as_deref(), Some("a b"));
        assert_eq!(m.header("missing"), None);
    }

    #[test]
    fn multipart_alternative_yields_text_and_html_parts() {
        let m = mail(concat!(
            "Content-Type: multipart/alternative; boundary=\"XYZ\"\r\n\r\n",
            "preamble\r\n",
            "--XYZ\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
            "Hi =E2=9C=93\r\n",
            "--XYZ\r\n",
            "Content-Type: text/html; charset=utf-8\r\n",
            "Content-Transfer-Encoding: base64\r\n\r\n",
            "PHA+SGk8L3A+\r\n",
            "--XYZ--\r\n",
            "epilogue\r\n",
        ));
        assert_eq!(m.decoded_body(), "Hi ✓");
        assert_eq!(m.decoded_part("text/html").as_deref(), Some("<p>Hi</p>"));
        assert_eq!(m.decoded_part("image/png"), None);
    }
}
