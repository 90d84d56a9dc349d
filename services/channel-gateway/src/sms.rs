//! SMS: GSM-7 vs UCS-2 detection, segment counting and length limits, and the
//! Twilio-style REST provider (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
//! form-encoded, HTTP basic auth with the account SID and auth token; `StatusCallback`
//! names the gateway's signed `/callbacks/sms/<ws>` endpoint when tracking is on).

use async_trait::async_trait;

use crate::provider::{
    Accepted, IDEMPOTENCY_HEADER, Outgoing, Provider, ProviderError, classify_status, json_body,
    retry_after, transport_error,
};
use crate::records::SmsEncoding;

/// Longest SMS body accepted, in characters (Twilio's limit for one message).
pub const MAX_SMS_CHARS: usize = 1_600;
/// Most segments one message may be split into.
pub const MAX_SMS_SEGMENTS: u32 = 10;

/// Characters of the GSM 03.38 default alphabet (one septet each).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Characters of the GSM 03.38 extension table (an escape plus one septet: two each).
const GSM7_EXTENDED: &str = "^{}\\[~]|€\u{000C}";

/// How an SMS body will be encoded and billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SmsInfo {
    /// Encoding.
    pub encoding: SmsEncoding,
    /// Length in encoding units: septets for GSM-7, UTF-16 code units for UCS-2.
    pub units: usize,
    /// Characters.
    pub chars: usize,
    /// Segments.
    pub segments: u32,
}

/// Detects the encoding of `body` and counts its segments: GSM-7 holds 160 septets in
/// one segment and 153 per segment when split (the rest is the concatenation header);
/// UCS-2 holds 70 code units, 67 when split.
pub fn analyse(body: &str) -> SmsInfo {
    let mut septets = 0usize;
    let mut gsm = true;
    for c in body.chars() {
        if GSM7_BASIC.contains(c) {
            septets += 1;
        } else if GSM7_EXTENDED.contains(c) {
            septets += 2;
        } else {
            gsm = false;
            break;
        }
    }
    let chars = body.chars().count();
    let (encoding, units, single, multi) = if gsm {
        (SmsEncoding::Gsm7, septets, 160, 153)
    } else {
        (SmsEncoding::Ucs2, body.encode_utf16().count(), 70, 67)
    };
    let segments = if units == 0 {
        0
    } else if units <= single {
        1
    } else {
        units.div_ceil(multi)
    };
    SmsInfo {
        encoding,
        units,
        chars,
        segments: u32::try_from(segments).unwrap_or(u32::MAX),
    }
}

/// Checks a body against the length limits; the error says which limit.
pub fn check_length(info: &SmsInfo) -> Result<(), String> {
    if info.chars > MAX_SMS_CHARS {
        return Err(format!(
            "sms body is {} characters; at most {MAX_SMS_CHARS} are allowed",
            info.chars
        ));
    }
    if info.segments > MAX_SMS_SEGMENTS {
        return Err(format!(
            "sms body needs {} segments ({}); at most {MAX_SMS_SEGMENTS} are allowed",
            info.segments,
            info.encoding.as_str()
        ));
    }
    Ok(())
}

/// Sends SMS through a Twilio-style REST API.
#[derive(Clone)]
pub struct TwilioProvider {
    client: reqwest::Client,
    url: String,
    account_sid: String,
    auth_token: String,
    sender: String,
}

impl std::fmt::Debug for TwilioProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwilioProvider")
            .field("url", &self.url)
            .field("account_sid", &self.account_sid)
            .finish_non_exhaustive()
    }
}

impl TwilioProvider {
    /// A provider for account `account_sid` at `base_url` (e.g. `https://api.twilio.com`),
    /// sending from `sender` (a phone number, or a messaging service SID `MG...`).
    pub fn new(
        client: reqwest::Client,
        base_url: &str,
        account_sid: &str,
        auth_token: String,
        sender: &str,
    ) -> Self {
        Self {
            client,
            url: format!(
                "{}/2010-04-01/Accounts/{account_sid}/Messages.json",
                base_url.trim_end_matches('/')
            ),
            account_sid: account_sid.to_owned(),
            auth_token,
            sender: sender.to_owned(),
        }
    }
}

#[async_trait]
impl Provider for TwilioProvider {
    async fn send(&self, m: &Outgoing) -> Result<Accepted, ProviderError> {
        let from_field = if self.sender.starts_with("MG") {
            "MessagingServiceSid"
        } else {
            "From"
        };
        let mut fields = vec![
            ("To", m.to.as_str()),
            (from_field, self.sender.as_str()),
            ("Body", m.body.as_str()),
        ];
        // Delivery and failure statuses come back to the gateway's signed callback.
        if let Some(url) = &m.status_callback_url {
            fields.push(("StatusCallback", url.as_str()));
        }
        let form = form_urlencode(&fields);
        let response = self
            .client
            .post(&self.url)
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .header(IDEMPOTENCY_HEADER, &m.message_id)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(form)
            .send()
            .await
            .map_err(|e| transport_error("twilio", &e))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let body = json_body(response).await;
        if status.is_success() {
            let sid = body
                .get("sid")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            return Ok(Accepted {
                provider_message_id: sid,
            });
        }
        let code = body.get("code").and_then(|v| v.as_i64()).unwrap_or(0);
        let message = body
            .get("message")
            .and_then(|v| v.as_str())
            .unwrap_or("no error message");
        Err(classify_status(
            status,
            wait,
            format!("twilio: HTTP {} (code {code}): {message}", status.as_u16()),
        ))
    }
}

/// `application/x-www-form-urlencoded` encoding of `pairs`.
pub fn form_urlencode(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_component(k, &mut out);
        out.push('=');
        encode_component(v, &mut out);
    }
    out
}

fn encode_component(s: &str, out: &mut String) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm7_bodies_use_160_then_153_septets_per_segment() {
        let one = "a".repeat(160);
        assert_eq!(analyse(&one).encoding, SmsEncoding::Gsm7);
        assert_eq!(analyse(&one).segments, 1);
        assert_eq!(analyse(&"a".repeat(161)).segments, 2);
        assert_eq!(analyse(&"a".repeat(306)).segments, 2);
        assert_eq!(analyse(&"a".repeat(307)).segments, 3);
        // Extension characters take two septets.
        let info = analyse(&"€".repeat(80));
        assert_eq!(
            (info.encoding, info.units, info.segments),
            (SmsEncoding::Gsm7, 160, 1)
        );
        assert_eq!(analyse(&"€".repeat(81)).segments, 2);
        assert_eq!(analyse("").segments, 0);
    }

    #[test]
    fn anything_outside_gsm7_switches_to_ucs2_at_70_then_67() {
        let info = analyse(&format!("{}한", "a".repeat(69)));
        assert_eq!(info.encoding, SmsEncoding::Ucs2);
        assert_eq!(info.segments, 1);
        assert_eq!(analyse(&"한".repeat(71)).segments, 2);
        assert_eq!(analyse(&"한".repeat(134)).segments, 2);
        assert_eq!(analyse(&"한".repeat(135)).segments, 3);
        // An emoji is two UTF-16 code units.
        let emoji = analyse(&"😀".repeat(35));
        assert_eq!((emoji.units, emoji.segments), (70, 1));
    }

    #[test]
    fn length_limits_name_the_limit() {
        assert!(check_length(&analyse(&"a".repeat(1_530))).is_ok());
        let err = check_length(&analyse(&"a".repeat(1_601))).expect_err("too long");
        assert!(err.contains("1601 characters"), "{err}");
        let err = check_length(&analyse(&"한".repeat(700))).expect_err("too many segments");
        assert!(err.contains("segments"), "{err}");
    }

    #[test]
    fn forms_are_percent_encoded() {
        assert_eq!(
            form_urlencode(&[("To", "+15551234567"), ("Body", "Hi Ann & co = 10%")]),
            "To=%2B15551234567&Body=Hi+Ann+%26+co+%3D+10%25"
        );
    }
}
