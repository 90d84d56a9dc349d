//! The offer catalogue: versions, listing, archiving and validation.

use omni_common::convert::json_to_struct;
use omni_proto::decisioning::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::{Harness, offer};

fn mask(paths: &[&str]) -> Option<prost_types::FieldMask> {
    Some(prost_types::FieldMask {
        paths: paths.iter().map(|p| (*p).to_owned()).collect(),
    })
}

fn assert_invalid(err: &tonic::Status, field: &str) {
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    assert!(
        err.message().starts_with(&format!("{field}: ")),
        "expected field {field}: {}",
        err.message()
    );
}

#[tokio::test]
async fn updates_create_versions_and_archived_offers_leave_decisions() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    h.profile("c_cat", json!({"tier": "gold"})).await?;
    let created = h
        .create(
            pb::Offer {
                placements: vec![pb::PlacementContent {
                    placement: pb::Placement::EmailHero.into(),
                    content_ref: "tpl_hero_1".into(),
                    content: Some(json_to_struct(
                        json!({"image": "hero.png"}).as_object().expect("object"),
                    )),
                }],
                product_ids: vec!["sku_1".into()],
                ..offer("spring", "traits.tier == 'gold'", 10.0, 1.0)
            },
            "",
        )
        .await?;
    assert_eq!(created.version, 1);
    assert_eq!(created.state(), pb::OfferState::Active);

    // A masked update changes only the named fields and makes version 2.
    let updated = h
        .client
        .update_offer(pb::UpdateOfferRequest {
            offer: Some(pb::Offer {
                offer_id: created.offer_id.clone(),
                value: 25.0,
                display_name: String::new(), // not in the mask: ignored
                ..Default::default()
            }),
            update_mask: mask(&["value"]),
            idempotency_key: "upd-1".into(),
        })
        .await?
        .into_inner()
        .offer
        .expect("offer");
    assert_eq!((updated.version, updated.value), (2, 25.0));
    assert_eq!(updated.display_name, "spring");
    assert_eq!(updated.placements, created.placements);
    assert_eq!(updated.create_time, created.create_time);

    // A retry with the same key returns version 2 again, not version 3.
    let retry = h
        .client
        .update_offer(pb::UpdateOfferRequest {
            offer: Some(pb::Offer {
                offer_id: created.offer_id.clone(),
                value: 99.0,
                ..Default::default()
            }),
            update_mask: mask(&["value"]),
            idempotency_key: "upd-1".into(),
        })
        .await?
        .into_inner()
        .offer
        .expect("offer");
    assert_eq!((retry.version, retry.value), (2, 25.0));

    // Old versions stay readable.
    let v1 = h
        .client
        .get_offer(pb::GetOfferRequest {
            offer_id: created.offer_id.clone(),
            version: 1,
        })
        .await?
        .into_inner()
        .offer
        .expect("offer");
    assert_eq!((v1.version, v1.value), (1, 10.0));
    let err = h
        .client
        .get_offer(pb::GetOfferRequest {
            offer_id: created.offer_id.clone(),
            version: 7,
        })
        .await
        .expect_err("no version 7");
    assert_eq!(err.code(), Code::NotFound);

    // Decide sees the current version, with the placement content merged.
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_cat".into(),
            placement: pb::Placement::EmailHero.into(),
            ..Default::default()
        })
        .await?;
    let chosen = d.offer.expect("chosen");
    assert_eq!(chosen.version, 2);
    let content = chosen.content.expect("content");
    assert!(content.fields.contains_key("image"));
    assert_eq!(
        content
            .fields
            .get("content_ref")
            .map(omni_common::convert::value_to_json),
        Some(json!("tpl_hero_1"))
    );
    assert_eq!(d.candidates[0].offer_version, 2);
    // An offer for other placements is not a candidate for the push placement.
    let push = h
        .decide(pb::DecideRequest {
            customer_id: "c_cat".into(),
            placement: pb::Placement::Push.into(),
            ..Default::default()
        })
        .await?;
    assert!(push.offer.is_none() && push.candidates.is_empty());

    // Listing: paging, placement filter, archived hidden unless asked.
    let other = h.create(offer("anywhere", "", 1.0, 1.0), "").await?;
    let page1 = h
        .client
        .list_offers(pb::ListOffersRequest {
            page_size: 1,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(page1.offers.len(), 1);
    assert_eq!(page1.offers[0].offer_id, created.offer_id);
    let page2 = h
        .client
        .list_offers(pb::ListOffersRequest {
            page_size: 1,
            page_token: page1.next_page_token.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(page2.offers[0].offer_id, other.offer_id);
    assert!(page2.next_page_token.is_empty());
    let sms = h
        .client
        .list_offers(pb::ListOffersRequest {
            placement: pb::Placement::Sms.into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    let ids: Vec<_> = sms.offers.iter().map(|o| o.offer_id.as_str()).collect();
    assert_eq!(
        ids,
        [other.offer_id.as_str()],
        "no placements means any placement"
    );

    let archived = h
        .client
        .archive_offer(pb::ArchiveOfferRequest {
            offer_id: created.offer_id.clone(),
        })
        .await?
        .into_inner()
        .offer
        .expect("offer");
    assert_eq!(archived.state(), pb::OfferState::Archived);
    let listed = h
        .client
        .list_offers(pb::ListOffersRequest::default())
        .await?
        .into_inner();
    assert_eq!(listed.offers.len(), 1);
    let all = h
        .client
        .list_offers(pb::ListOffersRequest {
            show_archived: true,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(all.offers.len(), 2);
    let d = h
        .decide(pb::DecideRequest {
            customer_id: "c_cat".into(),
            ..Default::default()
        })
        .await?;
    assert_eq!(d.offer.map(|o| o.offer_id), Some(other.offer_id.clone()));
    assert!(d.candidates.iter().all(|c| c.offer_id != created.offer_id));

    let err = h
        .client
        .update_offer(pb::UpdateOfferRequest {
            offer: Some(pb::Offer {
                offer_id: created.offer_id.clone(),
                value: 1.0,
                ..Default::default()
            }),
            update_mask: mask(&["value"]),
            idempotency_key: String::new(),
        })
        .await
        .expect_err("archived");
    assert_eq!(err.code(), Code::FailedPrecondition);
    h.stop().await
}

#[tokio::test]
async fn bad_updates_and_unknown_offers_are_rejected_without_change() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let o = h.create(offer("o", "", 1.0, 1.0), "").await?;
    let update = |offer: pb::Offer, paths: &[&str]| pb::UpdateOfferRequest {
        offer: Some(offer),
        update_mask: mask(paths),
        idempotency_key: String::new(),
    };
    let cases = [
        (
            update(
                pb::Offer {
                    offer_id: o.offer_id.clone(),
                    eligibility: "traits.tier ==".into(),
                    ..Default::default()
                },
                &["eligibility"],
            ),
            "offer.eligibility",
        ),
        (
            update(
                pb::Offer {
                    offer_id: o.offer_id.clone(),
                    weight: -1.0,
                    ..Default::default()
                },
                &["weight"],
            ),
            "offer.weight",
        ),
        (
            update(
                pb::Offer {
                    offer_id: o.offer_id.clone(),
                    ..Default::default()
                },
                &["version"],
            ),
            "update_mask.paths[0]",
        ),
        (
            update(
                pb::Offer {
                    offer_id: o.offer_id.clone(),
                    customer_cap: Some(pb::CustomerCap {
                        max_per_day: -3,
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                &["customer_cap"],
            ),
            "offer.customer_cap.max_per_day",
        ),
        (update(pb::Offer::default(), &["value"]), "offer.offer_id"),
    ];
    for (req, field) in cases {
        let err = h.client.update_offer(req).await.expect_err(field);
        assert_invalid(&err, field);
    }
    let err = h
        .client
        .update_offer(update(
            pb::Offer {
                offer_id: "offer_nope".into(),
                value: 2.0,
                ..Default::default()
            },
            &["value"],
        ))
        .await
        .expect_err("unknown offer");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("offer_nope"), "{}", err.message());
    let err = h
        .client
        .archive_offer(pb::ArchiveOfferRequest {
            offer_id: "offer_nope".into(),
        })
        .await
        .expect_err("unknown offer");
    assert_eq!(err.code(), Code::NotFound);

    // Nothing changed.
    let now = h
        .client
        .get_offer(pb::GetOfferRequest {
            offer_id: o.offer_id.clone(),
            version: 0,
        })
        .await?
        .into_inner()
        .offer
        .expect("offer");
    assert_eq!(now, o);

    // A bad create names its field too.
    let err = h
        .create(
            pb::Offer {
                global_cap: Some(pb::GlobalCap {
                    budget: 10.0,
                    ..Default::default()
                }),
                ..offer("b", "", 1.0, 1.0)
            },
            "",
        )
        .await
        .expect_err("budget without cost");
    assert_invalid(&err, "offer.global_cap.cost_per_grant");
    h.stop().await
}
