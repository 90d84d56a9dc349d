//! Templates: locale and channel variants with fallback, strict variables at save,
//! previews, tracked links with campaign parameters, the open pixel and one-click
//! unsubscribe headers.

use anyhow::Context as _;
use omni_proto::channel::v1 as pb;
use omni_proto::common::v1::DeliveryChannel;
use serde_json::json;
use tonic::Code;

use crate::support::{Harness, field_violation, send_on};

fn variant(
    channel: DeliveryChannel,
    locale: &str,
    subject: &str,
    body: &str,
) -> pb::TemplateVariant {
    pb::TemplateVariant {
        channel: channel as i32,
        locale: locale.into(),
        subject: subject.into(),
        body: body.into(),
        html_body: String::new(),
    }
}

fn sample() -> pb::TemplateSample {
    pb::TemplateSample {
        profile: Some(omni_common::convert::json_to_struct(
            json!({"first_name": "Ann"})
                .as_object()
                .cloned()
                .as_ref()
                .unwrap_or(&Default::default()),
        )),
        offer: None,
        variables: None,
    }
}

#[tokio::test]
async fn variants_fall_back_by_locale_and_serve_other_channels() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let tid = h
        .template(pb::Template {
            display_name: "Welcome".into(),
            channel: DeliveryChannel::Email as i32,
            subject: "Welcome {{ profile.first_name }}".into(),
            body: "Hello".into(),
            variants: vec![
                variant(
                    DeliveryChannel::Email,
                    "ko",
                    "환영합니다 {{ profile.first_name }}",
                    "안녕하세요",
                ),
                variant(
                    DeliveryChannel::Email,
                    "ko-KR",
                    "{{ profile.first_name }}님 환영합니다",
                    "반갑습니다",
                ),
            ],
            sample: Some(sample()),
            ..Default::default()
        })
        .await?;
    let cid = h
        .customer(
            json!({"first_name": "Ann", "locale": "ko-KR"}),
            &[("email", "ann@example.com")],
        )
        .await?;
    let with_locale = |l: &str| {
        let mut r = send_on(DeliveryChannel::Email, &cid, &tid);
        r.locale = l.into();
        r
    };
    let m = h.send(with_locale("ko-KR")).await?;
    assert_eq!(
        (m.locale.as_str(), m.body.as_str()),
        ("ko-KR", "반갑습니다")
    );
    let m = h.send(with_locale("ko-KP")).await?;
    assert_eq!(
        (m.locale.as_str(), m.subject.as_str()),
        ("ko", "환영합니다 Ann")
    );
    let m = h.send(with_locale("fr-FR")).await?;
    assert_eq!((m.locale.as_str(), m.body.as_str()), ("", "Hello"));
    // No push variant: refused up front.
    let err = h
        .send(send_on(DeliveryChannel::Push, &cid, &tid))
        .await
        .expect_err("no push variant");
    assert!(
        matches!(err.code(), Code::InvalidArgument | Code::FailedPrecondition),
        "{err:?}"
    );
    h.stop().await
}

#[tokio::test]
async fn unknown_and_undefined_variables_are_rejected_at_save() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let base = pb::Template {
        display_name: "T".into(),
        channel: DeliveryChannel::Email as i32,
        subject: "Hi {{ profile.first_name }}".into(),
        body: "Hello".into(),
        sample: Some(sample()),
        ..Default::default()
    };
    let mut typo = base.clone();
    typo.body = "{% if false %}{{ prfile.first_name }}{% endif %}".into();
    let err = h.template(typo).await.expect_err("typo");
    assert_eq!(field_violation(&err).as_deref(), Some("template.body"));
    assert!(
        err.message().contains("prfile.first_name"),
        "{}",
        err.message()
    );

    let mut not_in_sample = base.clone();
    not_in_sample.variants = vec![variant(
        DeliveryChannel::Sms,
        "",
        "",
        "{{ profile.loyalty_tier }}",
    )];
    let err = h.template(not_in_sample).await.expect_err("undefined");
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("template.variants[0].body")
    );
    assert!(
        err.message().contains("profile.loyalty_tier"),
        "{}",
        err.message()
    );

    let mut bad_offer = base.clone();
    bad_offer.body = "{{ offer.price }}".into();
    let err = h.template(bad_offer).await.expect_err("offer field");
    assert!(err.message().contains("offer.price"), "{}", err.message());

    let mut too_long = base.clone();
    too_long.variants = vec![variant(DeliveryChannel::Sms, "", "", &"a".repeat(1_700))];
    let err = h.template(too_long).await.expect_err("sms too long");
    assert_eq!(
        field_violation(&err).as_deref(),
        Some("template.variants[0].body")
    );
    h.stop().await
}

#[tokio::test]
async fn previews_track_links_and_emails_carry_pixel_and_one_click_unsubscribe()
-> anyhow::Result<()> {
    let h = Harness::start_with(|s| {
        s.delivery.tracking_base_url = "https://t.omni.test".into();
        s.delivery.tracking_secret = "track-secret".into();
    })
    .await?;
    let t = pb::Template {
        display_name: "Sale".into(),
        channel: DeliveryChannel::Email as i32,
        subject: "Sale for {{ profile.first_name }}".into(),
        body: "Shop now: https://shop.example/sale?c=1.".into(),
        html_body: "<html><body><a href=\"https://shop.example/sale\">Shop</a></body></html>"
            .into(),
        variants: vec![variant(
            DeliveryChannel::Sms,
            "",
            "",
            "{{ profile.first_name }}: https://shop.example/s 한정",
        )],
        sample: Some(sample()),
        ..Default::default()
    };
    let preview = h
        .client
        .clone()
        .preview_template(pb::PreviewTemplateRequest {
            template: Some(t.clone()),
            channel: DeliveryChannel::Sms as i32,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert!(
        preview.body.starts_with(
            "Ann: https://shop.example/s?utm_source=omni&utm_medium=sms&utm_campaign=preview"
        ),
        "{}",
        preview.body
    );
    assert_eq!(preview.sms_encoding, pb::SmsEncoding::Ucs2 as i32);
    assert_eq!(preview.sms_segments, 2);

    let tid = h.template(t).await?;
    let cid = h.ann().await?;
    let mut req = send_on(DeliveryChannel::Email, &cid, &tid);
    req.campaign = "spring".into();
    let m = h.send(req).await?;
    let prefix = format!("https://t.omni.test/c/default/{}/0?u=", m.message_id);
    assert!(m.body.starts_with(&format!("Shop now: {prefix}https%3A%2F%2Fshop.example%2Fsale%3Fc%3D1%26utm_source%3Domni%26utm_medium%3Demail%26utm_campaign%3Dspring&s=")), "{}", m.body);
    // The rendered text ends where the template does; the preference-centre footer of
    // marketing email follows it.
    let (text, footer) = m
        .body
        .split_once("\n\nManage your preferences or take a break: ")
        .context("preference footer")?;
    assert!(text.ends_with('.'), "{}", m.body);
    assert!(
        footer.starts_with(&format!(
            "https://t.omni.test/p/default/{}?s=",
            m.message_id
        )),
        "{}",
        m.body
    );
    assert!(
        m.html_body.contains(&format!(
            "https://t.omni.test/o/default/{}?s=",
            m.message_id
        )),
        "{}",
        m.html_body
    );
    assert!(
        m.html_body.contains(&format!(
            "https://t.omni.test/c/default/{}/1000?u=",
            m.message_id
        )),
        "{}",
        m.html_body
    );
    h.settled(&m.message_id).await?;
    let mail = h
        .sink
        .wait_for(1, std::time::Duration::from_secs(5))
        .await?;
    let unsubscribe = mail[0].header("List-Unsubscribe").unwrap_or_default();
    assert!(
        unsubscribe.starts_with(&format!(
            "<https://t.omni.test/u/default/{}?s=",
            m.message_id
        )),
        "{unsubscribe}"
    );
    assert_eq!(
        mail[0].header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );

    // Receipts carry no unsubscribe header.
    let mut receipt = send_on(DeliveryChannel::Email, &cid, &tid);
    receipt.purpose = pb::MessagePurpose::Transactional as i32;
    let r = h.send(receipt).await?;
    h.settled(&r.message_id).await?;
    let mail = h
        .sink
        .wait_for(2, std::time::Duration::from_secs(5))
        .await?;
    let second = mail
        .iter()
        .find(|m| m.data.contains(&r.message_id))
        .expect("receipt mail");
    assert_eq!(second.header("List-Unsubscribe"), None);

    // A stored template previews with its sample, or with a live profile.
    let p = h
        .client
        .clone()
        .preview_template(pb::PreviewTemplateRequest {
            template_id: tid.clone(),
            customer_id: cid.clone(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(p.subject, "Sale for Ann");
    let err = h
        .client
        .clone()
        .preview_template(pb::PreviewTemplateRequest::default())
        .await
        .expect_err("nothing to preview");
    assert_eq!(field_violation(&err).as_deref(), Some("template_id"));
    h.stop().await
}
