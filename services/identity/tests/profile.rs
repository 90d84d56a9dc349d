//! Identify, the richer profile (reachability, purchases, last store, engagement, push
//! tokens, time zone and locale), GetProfile read masks, and match suggestions, end to
//! end against a real Redis and a fresh database (SQLite, or Postgres with
//! OMNI_TEST_DATABASE_URL).

use std::time::Duration;

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::convert::{json_to_struct, json_to_value};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{DeliveryChannel, Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::identity::v1::{
    AcceptSuggestionRequest, GetMergeHistoryRequest, GetProfileRequest, IdentifyRequest,
    ListMatchSuggestionsRequest, MatchSuggestion, Profile, RejectSuggestionRequest,
    SuggestionState, TrackRequest, TrackResponse, TraitType, TypedTrait,
};
use omni_testkit::RedisServer;
use serde_json::json;
use tokio::net::TcpListener;
use tonic::service::Interceptor;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

type Client =
    IdentityServiceClient<tonic::service::interceptor::InterceptedService<Channel, ApiKey>>;

#[derive(Clone)]
struct ApiKey;

impl Interceptor for ApiKey {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let value = "Bearer test-admin-key"
            .parse()
            .map_err(|_| Status::internal("bad key"))?;
        req.metadata_mut().insert("authorization", value);
        Ok(req)
    }
}

struct Server {
    redis: RedisServer,
    settings: Settings,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_identity::Error>>,
    client: Client,
}

impl Server {
    async fn start() -> anyhow::Result<Self> {
        let redis = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis.url);
        settings.identity.database_url = omni_testkit::database_url("identity").await?;
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_identity::run(
            settings.clone(),
            listener,
            shutdown.clone(),
        ));
        let channel =
            tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?.connect_lazy();
        Ok(Self {
            redis,
            settings,
            shutdown,
            server,
            client: IdentityServiceClient::with_interceptor(channel, ApiKey),
        })
    }

    async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(20), self.server).await???;
        drop(self.redis);
        Ok(())
    }
}

fn id(kind: IdentifierType, value: &str) -> Identifier {
    Identifier {
        r#type: kind as i32,
        value: value.into(),
        custom_type: String::new(),
    }
}

fn event(
    event_id: &str,
    kind: &str,
    ids: Vec<Identifier>,
    props: serde_json::Value,
    traits: serde_json::Value,
) -> Event {
    Event {
        event_id: event_id.into(),
        r#type: kind.into(),
        identifiers: ids,
        properties: Some(json_to_struct(
            &props.as_object().cloned().unwrap_or_default(),
        )),
        traits: Some(json_to_struct(
            &traits.as_object().cloned().unwrap_or_default(),
        )),
        source: SourceChannel::Web as i32,
        time: Some(omni_common::convert::to_timestamp(
            1_700_000_000_000 + i64::from(event_id.bytes().map(u32::from).sum::<u32>()),
        )),
    }
}

async fn track(c: &mut Client, ev: Event) -> anyhow::Result<TrackResponse> {
    Ok(c.track(TrackRequest { event: Some(ev) })
        .await?
        .into_inner())
}

async fn get(c: &mut Client, customer_id: &str, paths: &[&str]) -> anyhow::Result<Profile> {
    c.get_profile(GetProfileRequest {
        customer_id: customer_id.into(),
        read_mask: (!paths.is_empty()).then(|| prost_types::FieldMask {
            paths: paths.iter().map(|p| (*p).to_owned()).collect(),
        }),
    })
    .await?
    .into_inner()
    .profile
    .context("profile")
}

fn typed(name: &str, ty: TraitType, value: serde_json::Value) -> TypedTrait {
    TypedTrait {
        name: name.into(),
        r#type: ty as i32,
        value: Some(json_to_value(&value)),
    }
}

fn bad_field(status: &Status) -> String {
    status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
        .unwrap_or_default()
}

fn trait_json(p: &Profile, key: &str) -> Option<serde_json::Value> {
    p.traits
        .as_ref()?
        .fields
        .get(key)
        .map(omni_common::convert::value_to_json)
}

/// Identify sets typed traits (and unsets them) without an event, idempotently by key;
/// events fill reachability, purchases, last store, engagement and push tokens; a read
/// mask returns only the fields asked for.
#[tokio::test]
async fn identify_and_the_rich_profile() -> anyhow::Result<()> {
    let s = Server::start().await?;
    let mut c = s.client.clone();
    let email = id(IdentifierType::Email, "Ann@Example.com");
    let first = track(
        &mut c,
        event(
            "p-1",
            "signup",
            vec![email.clone(), id(IdentifierType::Phone, "+14155552671")],
            json!({}),
            json!({"name": "Ann", "timezone": "Europe/Oslo"}),
        ),
    )
    .await?;
    let cid = first.customer_id.clone();

    // Identify by identifier, with types; the timestamp is normalised to UTC.
    let req = IdentifyRequest {
        identifier: Some(email.clone()),
        traits: vec![
            typed(
                "member_since",
                TraitType::Timestamp,
                json!("2024-05-01T12:00:00+02:00"),
            ),
            typed("tier_level", TraitType::Integer, json!(3)),
            typed("locale", TraitType::String, json!("nb_no")),
        ],
        unset_traits: vec!["name".into()],
        idempotency_key: "idf-1".into(),
        ..Default::default()
    };
    let done = c.identify(req.clone()).await?.into_inner();
    assert_eq!(done.customer_id, cid);
    assert!(!done.duplicate);
    assert_eq!(
        done.traits[0]
            .value
            .as_ref()
            .map(omni_common::convert::value_to_json),
        Some(json!("2024-05-01T10:00:00Z"))
    );
    let retry = c.identify(req.clone()).await?.into_inner();
    assert!(retry.duplicate, "same key, same request");
    let mut other = req.clone();
    other.unset_traits.clear();
    let reused = c.identify(other).await.expect_err("key reused");
    assert_eq!(reused.code(), Code::FailedPrecondition);

    // Bad input names the field and changes nothing.
    let bad = c
        .identify(IdentifyRequest {
            customer_id: cid.clone(),
            traits: vec![typed("n", TraitType::Integer, json!(1.5))],
            ..Default::default()
        })
        .await
        .expect_err("not an integer");
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert_eq!(bad_field(&bad), "traits[0].value");
    let bad = c
        .identify(IdentifyRequest {
            customer_id: cid.clone(),
            traits: vec![typed("timezone", TraitType::String, json!("Mars/Base"))],
            ..Default::default()
        })
        .await
        .expect_err("not a zone");
    assert_eq!(bad_field(&bad), "traits[0].value");
    let missing = c
        .identify(IdentifyRequest {
            identifier: Some(id(IdentifierType::Email, "nobody@example.com")),
            traits: vec![typed("x", TraitType::Unspecified, json!(1))],
            ..Default::default()
        })
        .await
        .expect_err("unknown identifier");
    assert_eq!(missing.code(), Code::NotFound);

    // Activity from events.
    for ev in [
        event(
            "p-2",
            "purchase",
            vec![email.clone()],
            json!({"revenue": 19.5, "products": [{"product_id": "sku-1"}, {"product_id": "sku-2"}], "store_id": "oslo-1"}),
            json!({}),
        ),
        event(
            "p-3",
            "order_completed",
            vec![email.clone()],
            json!({"total": "10.25", "product_id": "sku-3"}),
            json!({}),
        ),
        event(
            "p-4",
            "message.opened",
            vec![email.clone()],
            json!({"channel": "email"}),
            json!({}),
        ),
        event(
            "p-5",
            "message.clicked",
            vec![email.clone()],
            json!({"channel": "email"}),
            json!({}),
        ),
        event(
            "p-6",
            "push_token.registered",
            vec![email.clone()],
            json!({"token": "tok-ios", "app_id": "shop", "platform": "ios"}),
            json!({}),
        ),
        event(
            "p-7",
            "push_token.registered",
            vec![email.clone()],
            json!({"token": "tok-web", "app_id": "shop", "platform": "web"}),
            json!({}),
        ),
        event(
            "p-8",
            "push_token.removed",
            vec![email.clone()],
            json!({"token": "tok-web", "app_id": "shop", "platform": "web"}),
            json!({}),
        ),
        event(
            "p-9",
            "push_token.registered",
            vec![email.clone()],
            json!({"token": "tok-and", "app_id": "club", "platform": "android"}),
            json!({}),
        ),
        // As channel-gateway reports a token its provider called dead: no app id.
        event(
            "p-10",
            "push_token.removed",
            vec![email.clone()],
            json!({"token": "tok-and", "platform": "android"}),
            json!({}),
        ),
    ] {
        track(&mut c, ev).await?;
    }

    let p = get(&mut c, &cid, &[]).await?;
    assert_eq!(trait_json(&p, "name"), None, "unset by Identify");
    assert_eq!(p.timezone, "Europe/Oslo");
    assert_eq!(p.locale, "nb-NO");
    assert_eq!(
        p.trait_types.get("member_since"),
        Some(&(TraitType::Timestamp as i32))
    );
    assert_eq!(
        p.trait_types.get("tier_level"),
        Some(&(TraitType::Integer as i32))
    );
    assert_eq!(
        p.trait_types.get("timezone"),
        Some(&(TraitType::String as i32)),
        "inferred"
    );
    let buys = p.purchases.as_ref().context("purchases")?;
    assert_eq!(buys.orders, 2);
    assert!((buys.revenue - 29.75).abs() < 1e-9, "{}", buys.revenue);
    assert_eq!(buys.product_ids.len(), 3);
    assert!(buys.last_purchase_time.is_some());
    assert_eq!(
        p.last_store.as_ref().map(|s| s.store_id.as_str()),
        Some("oslo-1")
    );
    let email_eng = p
        .engagement
        .iter()
        .find(|e| e.channel == DeliveryChannel::Email as i32)
        .context("email engagement")?;
    assert_eq!((email_eng.opens, email_eng.clicks), (1, 1));
    let reach = |ch: DeliveryChannel| {
        p.reachability
            .iter()
            .find(|r| r.channel == ch as i32)
            .cloned()
            .context("channel")
    };
    let push = reach(DeliveryChannel::Push)?;
    assert!(push.reachable);
    assert_eq!(
        push.push_tokens.len(),
        1,
        "the web token was removed, and the android one by its token alone"
    );
    assert_eq!(push.push_tokens[0].platform, "ios");
    assert_eq!(
        reach(DeliveryChannel::Email)?.addresses,
        vec!["ann@example.com"]
    );
    assert!(reach(DeliveryChannel::Sms)?.reachable);

    // Read mask: only what was asked for.
    let masked = get(&mut c, &cid, &["purchases", "locale"]).await?;
    assert_eq!(masked.customer_id, cid);
    assert!(masked.purchases.is_some());
    assert_eq!(masked.locale, "nb-NO");
    assert!(masked.traits.is_none());
    assert!(masked.identifiers.is_empty());
    assert!(masked.reachability.is_empty());
    assert!(masked.event_counts.is_empty());
    let bad = c
        .get_profile(GetProfileRequest {
            customer_id: cid.clone(),
            read_mask: Some(prost_types::FieldMask {
                paths: vec!["traits".into(), "password".into()],
            }),
        })
        .await
        .expect_err("unknown path");
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert_eq!(bad_field(&bad), "read_mask.paths[1]");

    // `omni rebuild-profiles` (omni_identity::rebuild_profiles) after Redis lost
    // everything gives the same profile.
    let before = get(&mut c, &cid, &[]).await?;
    let conn = omni_common::redis::connect(&s.redis.url).await?;
    redis::cmd("FLUSHALL")
        .query_async::<()>(&mut conn.clone())
        .await?;
    let rebuilt = omni_identity::rebuild_profiles(&s.settings, None).await?;
    assert_eq!(rebuilt, vec![("default".to_owned(), 1)]);
    assert_eq!(get(&mut c, &cid, &[]).await?, before);
    s.stop().await
}

async fn suggestions(c: &mut Client, customer: &str) -> anyhow::Result<Vec<MatchSuggestion>> {
    Ok(c.list_match_suggestions(ListMatchSuggestionsRequest {
        customer_id: customer.into(),
        ..Default::default()
    })
    .await?
    .into_inner()
    .suggestions)
}

/// Two profiles sharing a device, a postal code and a similar name (but no
/// deterministic identifier) are suggested, never merged; accepting merges them by hand
/// (recorded as a manual merge); a rejected pair is never suggested again.
#[tokio::test]
async fn suggestions_are_reviewed_never_automatic() -> anyhow::Result<()> {
    let s = Server::start().await?;
    let mut c = s.client.clone();
    let a = track(
        &mut c,
        event(
            "s-1",
            "signup",
            vec![
                id(IdentifierType::Email, "ann.lee@example.com"),
                id(IdentifierType::DeviceId, "dev-1"),
            ],
            json!({}),
            json!({"first_name": "Ann", "last_name": "Lee", "postal_code": "0150"}),
        ),
    )
    .await?;
    // A second person: an event with a user id seen on the same device.
    let b = track(
        &mut c,
        event(
            "s-2",
            "app_open",
            vec![
                id(IdentifierType::UserId, "u-77"),
                id(IdentifierType::Email, "anne.lee@example.org"),
            ],
            json!({"device_id": "dev-1"}),
            json!({"name": "Anne Lee", "postal_code": "01 50"}),
        ),
    )
    .await?;
    assert_ne!(a.customer_id, b.customer_id, "no deterministic link");
    // Unrelated: same postal code only.
    let z = track(
        &mut c,
        event(
            "s-3",
            "signup",
            vec![id(IdentifierType::Email, "zed@example.com")],
            json!({}),
            json!({"name": "Zed Zulu", "postal_code": "0150"}),
        ),
    )
    .await?;

    let found = suggestions(&mut c, &a.customer_id).await?;
    assert_eq!(found.len(), 1, "{found:?}");
    let sug = &found[0];
    let pair = [sug.customer_id.clone(), sug.other_customer_id.clone()];
    assert!(pair.contains(&a.customer_id) && pair.contains(&b.customer_id));
    assert!(sug.score >= 0.5 && sug.score <= 1.0);
    let kinds: Vec<&str> = sug.signals.iter().map(|g| g.kind.as_str()).collect();
    assert!(kinds.contains(&"device_id"), "{kinds:?}");
    assert!(kinds.contains(&"postal_code"), "{kinds:?}");
    assert!(kinds.contains(&"name_similarity"), "{kinds:?}");
    assert!(
        suggestions(&mut c, &z.customer_id).await?.is_empty(),
        "a postal code alone is not a suggestion"
    );
    // Never merged automatically.
    let history = c
        .get_merge_history(GetMergeHistoryRequest {
            customer_id: a.customer_id.clone(),
        })
        .await?
        .into_inner();
    assert!(history.merges.is_empty());

    let accepted = c
        .accept_suggestion(AcceptSuggestionRequest {
            suggestion_id: sug.suggestion_id.clone(),
            reason: "same person per support call".into(),
        })
        .await?
        .into_inner();
    let merge = accepted.merge.context("merge")?;
    assert_eq!(merge.rule, "manual");
    assert!(
        merge.reason.contains(&sug.suggestion_id),
        "{}",
        merge.reason
    );
    let done = accepted.suggestion.context("suggestion")?;
    assert_eq!(done.state, SuggestionState::Accepted as i32);
    assert_eq!(done.merge_id, merge.merge_id);
    let retry = c
        .accept_suggestion(AcceptSuggestionRequest {
            suggestion_id: sug.suggestion_id.clone(),
            reason: "same person per support call".into(),
        })
        .await?
        .into_inner();
    assert_eq!(retry.merge.context("merge")?.merge_id, merge.merge_id);
    let merged = get(&mut c, &b.customer_id, &["identifiers"]).await?;
    assert_eq!(merged.customer_id, merge.customer_id);
    assert_eq!(merged.identifiers.len(), 4, "{:?}", merged.identifiers);
    assert!(suggestions(&mut c, &a.customer_id).await?.is_empty());

    // Reject: the pair never comes back.
    let y = track(
        &mut c,
        event(
            "s-4",
            "signup",
            vec![
                id(IdentifierType::Email, "bo@example.com"),
                id(IdentifierType::DeviceId, "dev-9"),
            ],
            json!({}),
            json!({"name": "Bo Berg", "postal_code": "5003"}),
        ),
    )
    .await?;
    let x = track(
        &mut c,
        event(
            "s-5",
            "signup",
            vec![id(IdentifierType::Email, "bob@example.com")],
            json!({"device_id": "dev-9"}),
            json!({"name": "Bo Berg", "postal_code": "5003"}),
        ),
    )
    .await?;
    let open = suggestions(&mut c, &x.customer_id).await?;
    assert_eq!(open.len(), 1);
    let rejected = c
        .reject_suggestion(RejectSuggestionRequest {
            suggestion_id: open[0].suggestion_id.clone(),
            reason: "siblings".into(),
        })
        .await?
        .into_inner()
        .suggestion
        .context("suggestion")?;
    assert_eq!(rejected.state, SuggestionState::Rejected as i32);
    track(
        &mut c,
        event(
            "s-6",
            "view",
            vec![id(IdentifierType::Email, "bob@example.com")],
            json!({"device_id": "dev-9"}),
            json!({"name": "Bo Berg"}),
        ),
    )
    .await?;
    assert!(suggestions(&mut c, &y.customer_id).await?.is_empty());
    let listed = c
        .list_match_suggestions(ListMatchSuggestionsRequest {
            state: SuggestionState::Rejected as i32,
            ..Default::default()
        })
        .await?
        .into_inner()
        .suggestions;
    assert_eq!(listed.len(), 1, "still one rejected row, not a new one");
    let refused = c
        .accept_suggestion(AcceptSuggestionRequest {
            suggestion_id: rejected.suggestion_id.clone(),
            reason: String::new(),
        })
        .await
        .expect_err("rejected");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    let missing = c
        .accept_suggestion(AcceptSuggestionRequest {
            suggestion_id: "sug_nope".into(),
            reason: String::new(),
        })
        .await
        .expect_err("unknown");
    assert_eq!(missing.code(), Code::NotFound);
    s.stop().await
}
