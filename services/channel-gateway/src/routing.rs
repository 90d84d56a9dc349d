//! Provider routing: the order in which a message tries the providers of its channel.
//!
//! Each channel has an ordered, weighted list of providers. Lower `priority` numbers
//! come first; providers of equal priority share traffic by `weight`, with a per-message
//! draw that is stable (the same message always ranks them the same way, so its retries
//! stay on one provider until that provider is given up). SMS providers with a price
//! table are ranked by the price of the destination first (longest E.164 prefix match;
//! a provider with no price for the destination comes after every priced one), so the
//! cheapest provider takes the message and the others are its failover.
//!
//! Health is not decided here: the worker walks the ranked list, skipping providers
//! whose circuit is open and providers the message already gave up on.

use crate::records::{Channel, ProviderConfig, SmsPrice};

/// The price of a destination at one provider: the longest matching prefix wins.
pub fn price_for(prices: &[SmsPrice], destination: &str) -> Option<f64> {
    prices
        .iter()
        .filter(|p| destination.starts_with(&p.prefix))
        .max_by_key(|p| p.prefix.len())
        .map(|p| p.price)
}

/// A uniform number in (0, 1] from the message and provider ids (FNV-1a, then the top
/// 53 bits), so a message ranks equal-priority providers the same way on every attempt.
fn draw(message_id: &str, provider_id: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in message_id
        .bytes()
        .chain(std::iter::once(0))
        .chain(provider_id.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // Finalise (splitmix64) so nearby inputs spread over the whole range.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    #[allow(clippy::cast_precision_loss)]
    let unit = ((h >> 11) + 1) as f64 / (1u64 << 53) as f64;
    unit
}

/// The order in which `message_id` to `destination` tries `providers` (indices into
/// it). Weighted order within a priority uses the Efraimidis–Spirakis key
/// `u^(1/weight)`: a provider with twice the weight is first twice as often.
pub fn rank(
    channel: Channel,
    providers: &[ProviderConfig],
    message_id: &str,
    destination: &str,
) -> Vec<usize> {
    let priced = channel == Channel::Sms;
    let mut keyed: Vec<(usize, f64, i64, f64)> = providers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let price = if priced {
                price_for(&p.sms_prices, destination).unwrap_or(f64::INFINITY)
            } else {
                0.0
            };
            let weight = p.weight.max(1) as f64;
            let key = draw(message_id, &p.provider_id).powf(1.0 / weight);
            (i, price, p.priority, key)
        })
        .collect();
    keyed.sort_by(|a, b| {
        a.1.total_cmp(&b.1)
            .then(a.2.cmp(&b.2))
            .then(b.3.total_cmp(&a.3))
            .then(a.0.cmp(&b.0))
    });
    keyed.into_iter().map(|k| k.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::ProviderKind;

    fn provider(id: &str, priority: i64, weight: i64, prices: &[(&str, f64)]) -> ProviderConfig {
        ProviderConfig {
            provider_id: id.into(),
            kind: ProviderKind::Twilio,
            priority,
            weight,
            sms_prices: prices
                .iter()
                .map(|(prefix, price)| SmsPrice {
                    prefix: (*prefix).into(),
                    price: *price,
                })
                .collect(),
            base_url: String::new(),
            account_id: String::new(),
            sender: String::new(),
            secret_ref: String::new(),
            rate_per_second: 0.0,
            burst: 1,
            max_attempts: 0,
            timeout_ms: 0,
            update_ms: 0,
            key_id: String::new(),
            topic: String::new(),
        }
    }

    #[test]
    fn the_longest_prefix_prices_a_destination() {
        let prices = [
            SmsPrice {
                prefix: "+8".into(),
                price: 0.5,
            },
            SmsPrice {
                prefix: "+82".into(),
                price: 0.02,
            },
        ];
        assert_eq!(price_for(&prices, "+821012345678"), Some(0.02));
        assert_eq!(price_for(&prices, "+861012345678"), Some(0.5));
        assert_eq!(price_for(&prices, "+14155550100"), None);
    }

    #[test]
    fn sms_goes_to_the_cheapest_provider_for_the_country_then_by_priority() {
        let providers = [
            provider("a", 0, 1, &[("+82", 0.05), ("+1", 0.01)]),
            provider("b", 1, 1, &[("+82", 0.02), ("+1", 0.03)]),
            provider("c", 2, 1, &[]),
        ];
        assert_eq!(
            rank(Channel::Sms, &providers, "m1", "+821055501234"),
            [1, 0, 2]
        );
        assert_eq!(
            rank(Channel::Sms, &providers, "m1", "+14155550100"),
            [0, 1, 2]
        );
        // No provider prices Japan: the configured order decides.
        assert_eq!(
            rank(Channel::Sms, &providers, "m1", "+81312345678"),
            [0, 1, 2]
        );
    }

    #[test]
    fn equal_priorities_share_by_weight_and_a_message_keeps_its_order() {
        let providers = [provider("a", 0, 3, &[]), provider("b", 0, 1, &[])];
        let mut first_a = 0;
        for i in 0..4_000 {
            let id = format!("msg-{i}");
            let order = rank(Channel::Push, &providers, &id, "tok");
            assert_eq!(order, rank(Channel::Push, &providers, &id, "tok"), "stable");
            if order[0] == 0 {
                first_a += 1;
            }
        }
        // Weight 3 against 1: about three quarters.
        assert!((2_800..3_200).contains(&first_a), "{first_a} of 4000");
        // A lower priority number always comes first, whatever the weights.
        let providers = [provider("a", 1, 100, &[]), provider("b", 0, 1, &[])];
        for i in 0..100 {
            assert_eq!(rank(Channel::Push, &providers, &format!("m{i}"), "t")[0], 1);
        }
    }
}
