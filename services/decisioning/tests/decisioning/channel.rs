//! ChooseChannel over gRPC: reachability from the profile's identifiers, consent per
//! channel and purpose from the profile store, and engagement learned from
//! RecordOutcome (blended with the workspace's).

use omni_profile_store::{
    ConsentSnapshot, GlobalUnsubscribe, MARKETING, ProfileUpdate, PurposeConsent,
};
use omni_proto::common::v1::DeliveryChannel;
use omni_proto::decisioning::v1 as pb;
use tonic::Code;

use crate::{Harness, WS, offer};

/// A customer with the given identifiers.
async fn customer(h: &Harness, id: &str, identifiers: &[(&str, &str)]) -> anyhow::Result<()> {
    h.profiles
        .apply(
            WS,
            id,
            &ProfileUpdate {
                traits: serde_json::Map::new(),
                identifiers: identifiers
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
                event_type: Some("signup".into()),
                time_ms: 1_700_000_000_000,
            },
        )
        .await?;
    Ok(())
}

fn candidate(channel: DeliveryChannel, cost: f64) -> pb::ChannelCandidate {
    pb::ChannelCandidate {
        channel: channel.into(),
        cost,
        remaining_contacts: None,
    }
}

fn all_channels() -> Vec<pb::ChannelCandidate> {
    [
        DeliveryChannel::Email,
        DeliveryChannel::Push,
        DeliveryChannel::Sms,
        DeliveryChannel::Store,
    ]
    .into_iter()
    .map(|c| candidate(c, 0.0))
    .collect()
}

async fn choose(
    h: &mut Harness,
    customer_id: &str,
    candidates: Vec<pb::ChannelCandidate>,
    purpose: pb::ContactPurpose,
) -> anyhow::Result<pb::ChooseChannelResponse> {
    Ok(h.client
        .choose_channel(pb::ChooseChannelRequest {
            customer_id: customer_id.into(),
            candidates,
            purpose: purpose.into(),
            engagement_value: 0.0,
        })
        .await?
        .into_inner())
}

fn find(resp: &pb::ChooseChannelResponse, channel: DeliveryChannel) -> &pb::RankedChannel {
    resp.channels
        .iter()
        .find(|c| c.channel() == channel)
        .expect("channel listed")
}

fn refused(source: &str) -> PurposeConsent {
    PurposeConsent {
        granted: false,
        updated_ms: 1_700_000_000_000,
        source: source.into(),
        proof: String::new(),
    }
}

#[tokio::test]
async fn unreachable_and_unconsented_channels_are_excluded_with_reasons() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    customer(
        &h,
        "c_reach",
        &[("email", "ann@example.com"), ("phone", "+14155552671")],
    )
    .await?;
    let mut consent = ConsentSnapshot::default();
    consent
        .decisions
        .insert(("sms".into(), MARKETING.into()), refused("sms:stop"));
    h.profiles.write_consent(WS, "c_reach", &consent).await?;

    let resp = choose(
        &mut h,
        "c_reach",
        all_channels(),
        pb::ContactPurpose::Marketing,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Email);
    assert_eq!(resp.customer_id, "c_reach");
    assert_eq!(resp.purpose(), pb::ContactPurpose::Marketing);
    let order: Vec<_> = resp
        .channels
        .iter()
        .map(|c| (c.channel(), c.outcome(), c.rank))
        .collect();
    assert_eq!(
        order,
        [
            (DeliveryChannel::Email, pb::ChannelOutcome::Chosen, 1),
            (DeliveryChannel::Push, pb::ChannelOutcome::Unreachable, 0),
            (DeliveryChannel::Sms, pb::ChannelOutcome::NoConsent, 0),
            (DeliveryChannel::Store, pb::ChannelOutcome::Unreachable, 0),
        ]
    );
    let email = find(&resp, DeliveryChannel::Email);
    assert_eq!(email.addresses, 1);
    assert!(
        email
            .reason
            .contains("marketing consent not refused (opt-out)"),
        "{}",
        email.reason
    );
    assert!((email.engagement_rate - 0.5).abs() < 1e-12);
    assert_eq!(
        find(&resp, DeliveryChannel::Push).reason,
        "unreachable: no `push_token` identifier or trait"
    );
    assert_eq!(
        find(&resp, DeliveryChannel::Sms).reason,
        "no consent: the customer refused marketing messages on sms (source `sms:stop`)"
    );
    assert_eq!(
        find(&resp, DeliveryChannel::Store).reason,
        "unreachable: no `home_store` trait"
    );

    // A transactional message may use SMS: the refusal was for marketing only.
    let resp = choose(
        &mut h,
        "c_reach",
        vec![candidate(DeliveryChannel::Sms, 0.0)],
        pb::ContactPurpose::Transactional,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Sms);

    // A push token makes push reachable; an exhausted budget excludes email.
    customer(&h, "c_reach", &[("push_token", "tok-1")]).await?;
    let mut email = candidate(DeliveryChannel::Email, 0.0);
    email.remaining_contacts = Some(0);
    let mut push = candidate(DeliveryChannel::Push, 0.0);
    push.remaining_contacts = Some(2);
    let resp = choose(
        &mut h,
        "c_reach",
        vec![email, push],
        pb::ContactPurpose::Marketing,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Push);
    assert!(
        find(&resp, DeliveryChannel::Push)
            .reason
            .contains("2 contact(s) left in the budget"),
        "{}",
        find(&resp, DeliveryChannel::Push).reason
    );
    assert_eq!(
        find(&resp, DeliveryChannel::Email).outcome(),
        pb::ChannelOutcome::BudgetExhausted
    );

    // Globally unsubscribed: no marketing anywhere, transactional email still fine.
    consent.global_unsubscribe = Some(GlobalUnsubscribe {
        unsubscribed: true,
        updated_ms: 1_700_000_000_001,
        source: "email:footer".into(),
        proof: String::new(),
    });
    h.profiles.write_consent(WS, "c_reach", &consent).await?;
    let resp = choose(
        &mut h,
        "c_reach",
        all_channels(),
        pb::ContactPurpose::Unspecified,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Unspecified);
    assert_eq!(resp.purpose(), pb::ContactPurpose::Marketing);
    assert!(resp.channels.iter().all(|c| c.rank == 0));
    assert_eq!(
        find(&resp, DeliveryChannel::Email).reason,
        "no consent: the customer is globally unsubscribed from marketing"
    );
    let resp = choose(
        &mut h,
        "c_reach",
        all_channels(),
        pb::ContactPurpose::Transactional,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Email);
    h.stop().await
}

/// Decides `offer_id` for `customer` in `placement` and records an impression, plus a
/// click when `clicked`.
async fn engage(
    h: &mut Harness,
    customer: &str,
    placement: pb::Placement,
    offer_id: &str,
    clicked: bool,
) -> anyhow::Result<()> {
    let d = h
        .decide(pb::DecideRequest {
            customer_id: customer.into(),
            placement: placement.into(),
            ..Default::default()
        })
        .await?;
    assert_eq!(
        d.offer.as_ref().map(|o| o.offer_id.as_str()),
        Some(offer_id)
    );
    h.outcome(&d.decision_id, offer_id, pb::OutcomeKind::Impression)
        .await?;
    if clicked {
        h.outcome(&d.decision_id, offer_id, pb::OutcomeKind::Click)
            .await?;
    }
    Ok(())
}

#[tokio::test]
async fn engagement_history_moves_the_choice() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let both = [("email", "bo@example.com"), ("phone", "+14155550100")];
    customer(&h, "c_hist", &both).await?;
    customer(
        &h,
        "c_fresh",
        &[("email", "cy@example.com"), ("phone", "+14155550101")],
    )
    .await?;
    let o = h.create(offer("any", "", 1.0, 1.0), "").await?;
    let candidates = vec![
        candidate(DeliveryChannel::Email, 0.001),
        candidate(DeliveryChannel::Sms, 0.05),
    ];

    // No history: equal rates, the cheaper channel wins.
    let resp = choose(
        &mut h,
        "c_hist",
        candidates.clone(),
        pb::ContactPurpose::Marketing,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Email);
    assert!(
        find(&resp, DeliveryChannel::Email)
            .reason
            .contains("cost 0.001 breaks ties"),
        "{}",
        find(&resp, DeliveryChannel::Email).reason
    );

    // Six emails ignored, four SMS of which three clicked.
    for _ in 0..6 {
        engage(
            &mut h,
            "c_hist",
            pb::Placement::EmailHero,
            &o.offer_id,
            false,
        )
        .await?;
    }
    for i in 0..4 {
        engage(&mut h, "c_hist", pb::Placement::Sms, &o.offer_id, i < 3).await?;
    }
    // An app banner is not a delivery channel: it counts nowhere.
    engage(
        &mut h,
        "c_hist",
        pb::Placement::AppBanner,
        &o.offer_id,
        true,
    )
    .await?;

    let resp = choose(
        &mut h,
        "c_hist",
        candidates.clone(),
        pb::ContactPurpose::Marketing,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Sms);
    let sms = find(&resp, DeliveryChannel::Sms);
    assert_eq!((sms.trials, sms.successes, sms.rank), (4, 3, 1));
    // Workspace SMS rate (3 + 1) / (4 + 2) = 2/3; blended (3 + 10 × 2/3) / (4 + 10).
    assert!((sms.workspace_rate - 2.0 / 3.0).abs() < 1e-12);
    let expected = (3.0 + 10.0 * 2.0 / 3.0) / 14.0;
    assert!(
        (sms.engagement_rate - expected).abs() < 1e-12,
        "{}",
        sms.engagement_rate
    );
    let email = find(&resp, DeliveryChannel::Email);
    assert_eq!((email.trials, email.successes), (6, 0));
    assert_eq!(email.outcome(), pb::ChannelOutcome::Ranked);
    assert!(email.reason.contains("below sms"), "{}", email.reason);

    // A customer without history inherits the workspace's experience.
    let resp = choose(
        &mut h,
        "c_fresh",
        candidates.clone(),
        pb::ContactPurpose::Marketing,
    )
    .await?;
    assert_eq!(resp.channel(), DeliveryChannel::Sms);
    let sms = find(&resp, DeliveryChannel::Sms);
    assert_eq!((sms.trials, sms.successes), (0, 0));
    assert!((sms.engagement_rate - 2.0 / 3.0).abs() < 1e-12);

    // Worth 1 an engagement: email 0.125 × 1 − 0 beats SMS 2/3 × 1 − 0.6.
    let resp = h
        .client
        .choose_channel(pb::ChooseChannelRequest {
            customer_id: "c_fresh".into(),
            candidates: vec![
                candidate(DeliveryChannel::Email, 0.0),
                candidate(DeliveryChannel::Sms, 0.6),
            ],
            purpose: pb::ContactPurpose::Marketing.into(),
            engagement_value: 1.0,
        })
        .await?
        .into_inner();
    assert_eq!(resp.channel(), DeliveryChannel::Email);
    h.stop().await
}

#[tokio::test]
async fn choose_channel_rejects_bad_input_and_unknown_customers() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    customer(&h, "c_ok", &[("email", "ok@example.com")]).await?;
    let base = pb::ChooseChannelRequest {
        customer_id: "c_ok".into(),
        candidates: vec![candidate(DeliveryChannel::Email, 0.0)],
        purpose: pb::ContactPurpose::Marketing.into(),
        engagement_value: 0.0,
    };
    let mut negative_budget = candidate(DeliveryChannel::Email, 0.0);
    negative_budget.remaining_contacts = Some(-1);
    let cases = [
        (
            pb::ChooseChannelRequest {
                customer_id: " ".into(),
                ..base.clone()
            },
            "customer_id",
        ),
        (
            pb::ChooseChannelRequest {
                candidates: vec![candidate(DeliveryChannel::Unspecified, 0.0)],
                ..base.clone()
            },
            "candidates[0].channel",
        ),
        (
            pb::ChooseChannelRequest {
                candidates: vec![pb::ChannelCandidate {
                    channel: 42,
                    ..candidate(DeliveryChannel::Email, 0.0)
                }],
                ..base.clone()
            },
            "candidates[0].channel",
        ),
        (
            pb::ChooseChannelRequest {
                candidates: vec![
                    candidate(DeliveryChannel::Email, 0.0),
                    candidate(DeliveryChannel::Email, 1.0),
                ],
                ..base.clone()
            },
            "candidates[1].channel",
        ),
        (
            pb::ChooseChannelRequest {
                candidates: vec![candidate(DeliveryChannel::Sms, -0.01)],
                ..base.clone()
            },
            "candidates[0].cost",
        ),
        (
            pb::ChooseChannelRequest {
                candidates: vec![negative_budget],
                ..base.clone()
            },
            "candidates[0].remaining_contacts",
        ),
        (
            pb::ChooseChannelRequest {
                purpose: 9,
                ..base.clone()
            },
            "purpose",
        ),
        (
            pb::ChooseChannelRequest {
                engagement_value: f64::NAN,
                ..base.clone()
            },
            "engagement_value",
        ),
    ];
    for (req, field) in cases {
        let err = h
            .client
            .choose_channel(req)
            .await
            .expect_err("invalid request");
        assert_eq!(err.code(), Code::InvalidArgument, "{field}: {err:?}");
        assert!(
            err.message().starts_with(field),
            "{field}: {}",
            err.message()
        );
    }

    let err = h
        .client
        .choose_channel(pb::ChooseChannelRequest {
            customer_id: "c_nobody".into(),
            ..base.clone()
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("c_nobody"), "{}", err.message());

    // No candidates means every channel.
    let resp = h
        .client
        .choose_channel(pb::ChooseChannelRequest {
            candidates: Vec::new(),
            ..base
        })
        .await?
        .into_inner();
    assert_eq!(resp.channels.len(), 4);
    assert_eq!(resp.channel(), DeliveryChannel::Email);
    h.stop().await
}
