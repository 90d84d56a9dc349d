//! Tracked links, the email open pixel and one-click unsubscribe URLs.
//!
//! Every link in a rendered body gets campaign parameters (`utm_source=omni`,
//! `utm_medium=<channel>`, `utm_campaign=<campaign>`) unless it already carries a
//! `utm_campaign`. With a tracking base URL and secret configured, links are also
//! wrapped as `<base>/c/<workspace>/<message>/<n>?u=<destination>&s=<signature>`, HTML
//! email gets a 1x1 pixel `<base>/o/<workspace>/<message>?s=<signature>`, and marketing
//! email gets `<base>/u/<workspace>/<message>?s=<signature>` as its List-Unsubscribe
//! target and `<base>/p/<workspace>/<message>?s=<signature>` (the preference centre) as
//! a footer link. Signatures are HMAC-SHA256 over the path parts, so the engagement endpoints
//! only act on URLs the gateway minted (no open redirect, no forged unsubscribes).

use ring::hmac;

/// Signs and builds tracking URLs; `None` in the gateway when tracking is off.
#[derive(Clone)]
pub struct Tracker {
    base: String,
    key: hmac::Key,
}

impl std::fmt::Debug for Tracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tracker")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Tracker {
    /// A tracker for `base` (e.g. `https://t.example.com`) signing with `secret`; `None`
    /// when either is empty.
    pub fn new(base: &str, secret: &str) -> Option<Self> {
        if base.trim().is_empty() || secret.is_empty() {
            return None;
        }
        Some(Self {
            base: base.trim().trim_end_matches('/').to_owned(),
            key: hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes()),
        })
    }

    /// The signature of `parts` (joined with `|`): hex HMAC-SHA256.
    pub fn sign(&self, parts: &[&str]) -> String {
        hex::encode(hmac::sign(&self.key, parts.join("|").as_bytes()).as_ref())
    }

    /// Whether `signature` is the signature of `parts` (constant time).
    pub fn verify(&self, parts: &[&str], signature: &str) -> bool {
        hex::decode(signature)
            .is_ok_and(|given| hmac::verify(&self.key, parts.join("|").as_bytes(), &given).is_ok())
    }

    /// The wrapped form of link `index` of a message.
    pub fn click_url(&self, ws: &str, message_id: &str, index: usize, destination: &str) -> String {
        let n = index.to_string();
        let sig = self.sign(&["c", ws, message_id, &n, destination]);
        format!(
            "{}/c/{ws}/{message_id}/{n}?u={}&s={sig}",
            self.base,
            percent_encode(destination)
        )
    }

    /// The open pixel URL of a message.
    pub fn open_url(&self, ws: &str, message_id: &str) -> String {
        let sig = self.sign(&["o", ws, message_id]);
        format!("{}/o/{ws}/{message_id}?s={sig}", self.base)
    }

    /// The one-click unsubscribe URL of a message.
    pub fn unsubscribe_url(&self, ws: &str, message_id: &str) -> String {
        let sig = self.sign(&["u", ws, message_id]);
        format!("{}/u/{ws}/{message_id}?s={sig}", self.base)
    }

    /// The preference-centre URL of a message: the page where its recipient snoozes
    /// or unsubscribes. Signed over the message, so it acts only for its recipient.
    pub fn preferences_url(&self, ws: &str, message_id: &str) -> String {
        let sig = self.sign(&["p", ws, message_id]);
        format!("{}/p/{ws}/{message_id}?s={sig}", self.base)
    }

    /// Where a Twilio-style provider posts SMS status callbacks for workspace `ws`.
    pub fn sms_status_callback_url(&self, ws: &str) -> String {
        format!("{}/callbacks/sms/{ws}", self.base)
    }
}

/// Adds campaign parameters to `url` unless it has a `utm_campaign` already.
pub fn with_campaign(url: &str, channel: &str, campaign: &str) -> String {
    if campaign.is_empty() || url.contains("utm_campaign=") {
        return url.to_owned();
    }
    let (main, fragment) = match url.split_once('#') {
        Some((m, f)) => (m, Some(f)),
        None => (url, None),
    };
    let sep = if main.contains('?') { '&' } else { '?' };
    let mut out = format!(
        "{main}{sep}utm_source=omni&utm_medium={}&utm_campaign={}",
        percent_encode(channel),
        percent_encode(campaign)
    );
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Rewrites every `http(s)://` link in plain text with `f(index, url)`.
pub fn rewrite_text_links(text: &str, mut f: impl FnMut(usize, &str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut index = 0;
    while let Some(start) = find_link(rest) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ')'))
            .unwrap_or(tail.len());
        // Trailing punctuation belongs to the sentence, not the link.
        let link = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        out.push_str(&f(index, link));
        index += 1;
        rest = &tail[link.len()..];
    }
    out.push_str(rest);
    out
}

/// Rewrites the `href="http(s)://..."` attributes of HTML with `f(index, url)`.
pub fn rewrite_html_links(html: &str, mut f: impl FnMut(usize, &str) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut index = 0;
    while let Some(pos) = rest.find("href=\"") {
        let value_start = pos + "href=\"".len();
        out.push_str(&rest[..value_start]);
        let tail = &rest[value_start..];
        let end = tail.find('"').unwrap_or(tail.len());
        let url = &tail[..end];
        if url.starts_with("http://") || url.starts_with("https://") {
            out.push_str(&f(index, url));
            index += 1;
        } else {
            out.push_str(url);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Inserts a 1x1 open pixel before `</body>` (or at the end).
pub fn add_pixel(html: &str, pixel_url: &str) -> String {
    let img = format!(
        "<img src=\"{pixel_url}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">"
    );
    match html.rfind("</body>") {
        Some(pos) => format!("{}{img}{}", &html[..pos], &html[pos..]),
        None => format!("{html}{img}"),
    }
}

/// Adds the preference-centre link to a marketing email: a line at the end of the
/// text body and a footer paragraph before `</body>` of the HTML body. A body that
/// already shows the link (through `vars.preferences_url`) is left as it is.
pub fn add_preferences_footer(text: &mut String, html: &mut String, url: &str) {
    if !text.contains(url) {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\nManage your preferences or take a break: {url}\n"
        ));
    }
    if !html.is_empty() && !html.contains(&url.replace('&', "&amp;")) && !html.contains(url) {
        let footer = format!(
            "<p style=\"font-size:12px;color:#666\"><a href=\"{}\">Manage your preferences \
             or take a break</a></p>",
            url.replace('&', "&amp;")
        );
        *html = match html.rfind("</body>") {
            Some(pos) => format!("{}{footer}{}", &html[..pos], &html[pos..]),
            None => format!("{html}{footer}"),
        };
    }
}

fn find_link(s: &str) -> Option<usize> {
    match (s.find("http://"), s.find("https://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as space).
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_parameters_are_added_once() {
        assert_eq!(
            with_campaign("https://shop.example/p?id=1#top", "email", "spring sale"),
            "https://shop.example/p?id=1&utm_source=omni&utm_medium=email&utm_campaign=spring%20sale#top"
        );
        assert_eq!(
            with_campaign("https://x.example/?utm_campaign=mine", "sms", "c"),
            "https://x.example/?utm_campaign=mine"
        );
        assert_eq!(
            with_campaign("https://x.example/", "sms", ""),
            "https://x.example/"
        );
    }

    #[test]
    fn text_and_html_links_are_rewritten_in_order() {
        let text = "See https://a.example/x. Or (http://b.example/y) now";
        let out = rewrite_text_links(text, |i, u| format!("[{i}:{u}]"));
        assert_eq!(
            out,
            "See [0:https://a.example/x]. Or ([1:http://b.example/y]) now"
        );
        let html = r#"<a href="https://a.example/">A</a><a href="mailto:x@y">m</a><a href="http://b.example/">B</a>"#;
        let out = rewrite_html_links(html, |i, u| format!("{i}|{u}"));
        assert_eq!(
            out,
            r#"<a href="0|https://a.example/">A</a><a href="mailto:x@y">m</a><a href="1|http://b.example/">B</a>"#
        );
        assert_eq!(
            add_pixel("<html><body>hi</body></html>", "P"),
            "<html><body>hi<img src=\"P\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\"></body></html>"
        );
    }

    #[test]
    fn preference_links_are_signed_per_message_and_added_once() {
        let t = Tracker::new("https://t.example", "secret").expect("on");
        let url = t.preferences_url("ws", "msg_1");
        let sig = url.rsplit("s=").next().expect("sig");
        assert!(t.verify(&["p", "ws", "msg_1"], sig));
        assert!(!t.verify(&["p", "ws", "msg_2"], sig));
        assert_eq!(
            t.sms_status_callback_url("ws"),
            "https://t.example/callbacks/sms/ws"
        );
        let mut text = "Hi".to_owned();
        let mut html = "<html><body>Hi</body></html>".to_owned();
        add_preferences_footer(&mut text, &mut html, &url);
        assert!(text.ends_with(&format!("take a break: {url}\n")), "{text}");
        assert!(html.contains(&format!("<a href=\"{url}\">")), "{html}");
        assert!(html.ends_with("</p></body></html>"), "{html}");
        let (t0, h0) = (text.clone(), html.clone());
        add_preferences_footer(&mut text, &mut html, &url);
        assert_eq!((text, html), (t0, h0), "added once");
    }

    #[test]
    fn tracking_urls_are_signed_and_verified() {
        assert!(Tracker::new("", "k").is_none());
        let t = Tracker::new("https://t.example/", "secret").expect("on");
        let url = t.click_url("ws", "msg_1", 0, "https://shop.example/?a=1&b=2");
        assert!(
            url.starts_with(
                "https://t.example/c/ws/msg_1/0?u=https%3A%2F%2Fshop.example%2F%3Fa%3D1%26b%3D2&s="
            ),
            "{url}"
        );
        let sig = url.rsplit("s=").next().expect("sig");
        assert!(t.verify(
            &["c", "ws", "msg_1", "0", "https://shop.example/?a=1&b=2"],
            sig
        ));
        assert!(!t.verify(&["c", "ws", "msg_1", "0", "https://evil.example/"], sig));
        assert!(!t.verify(&["c", "ws", "msg_1", "0", "x"], "zz"));
        assert_eq!(
            percent_decode("https%3A%2F%2Fshop.example%2F%3Fa%3D1").as_deref(),
            Some("https://shop.example/?a=1")
        );
    }
}
