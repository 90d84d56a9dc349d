//! The decisioning service over gRPC, with a real Redis and database.

mod catalog;
mod channel;
mod decide;
mod experiments;
mod learning;
mod sendtime;

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::convert::json_to_struct;
use omni_common::shutdown::CancellationToken;
use omni_profile_store::{ProfileStore, ProfileUpdate};
use omni_proto::decisioning::v1 as pb;
use omni_proto::decisioning::v1::decisioning_service_client::DecisioningServiceClient;
use omni_testkit::{RedisServer, database_url};
use sea_orm::ConnectionTrait;
use serde_json::json;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

pub(crate) const WS: &str = "default";

pub(crate) type Client = DecisioningServiceClient<
    InterceptedService<Channel, fn(Request<()>) -> Result<Request<()>, Status>>,
>;

fn with_admin_key(mut req: Request<()>) -> Result<Request<()>, Status> {
    req.metadata_mut().insert(
        "authorization",
        "Bearer test-admin-key".parse().expect("ascii"),
    );
    Ok(req)
}

pub(crate) struct Harness {
    pub(crate) client: Client,
    channel: Channel,
    pub(crate) profiles: ProfileStore,
    pub(crate) redis_url: String,
    database_url: String,
    shutdown: CancellationToken,
    server: tokio::task::JoinHandle<Result<(), omni_decisioning::Error>>,
    _redis_server: RedisServer,
}

impl Harness {
    pub(crate) async fn start() -> anyhow::Result<Self> {
        let redis_server = RedisServer::start().await?;
        let mut settings = Settings::for_tests(&redis_server.url);
        settings.decisioning.database_url = database_url("decisioning").await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let server = tokio::spawn(omni_decisioning::run(
            settings.clone(),
            listener,
            shutdown.clone(),
        ));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
            .connect()
            .await?;
        let client = DecisioningServiceClient::with_interceptor(
            channel.clone(),
            with_admin_key as fn(Request<()>) -> Result<Request<()>, Status>,
        );
        let redis = omni_common::redis::connect(&redis_server.url).await?;
        Ok(Self {
            client,
            channel,
            profiles: ProfileStore::new(redis),
            redis_url: redis_server.url.clone(),
            database_url: settings.decisioning.database_url,
            shutdown,
            server,
            _redis_server: redis_server,
        })
    }

    pub(crate) async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        self.server.await??;
        Ok(())
    }

    pub(crate) async fn create(
        &mut self,
        offer: pb::Offer,
        key: &str,
    ) -> Result<pb::Offer, Status> {
        let resp = self
            .client
            .create_offer(pb::CreateOfferRequest {
                offer: Some(offer),
                idempotency_key: key.into(),
            })
            .await?;
        Ok(resp.into_inner().offer.expect("offer in response"))
    }

    pub(crate) async fn profile(
        &self,
        customer: &str,
        traits: serde_json::Value,
    ) -> anyhow::Result<()> {
        let serde_json::Value::Object(traits) = traits else {
            anyhow::bail!("traits must be an object")
        };
        self.profiles
            .apply(
                WS,
                customer,
                &ProfileUpdate {
                    traits,
                    identifiers: vec![("user_id".into(), customer.into())],
                    event_type: Some("signup".into()),
                    time_ms: 1_700_000_000_000,
                },
            )
            .await?;
        Ok(())
    }

    /// Decides with `req`, failing the test on error.
    pub(crate) async fn decide(
        &mut self,
        req: pb::DecideRequest,
    ) -> anyhow::Result<pb::DecideResponse> {
        Ok(self.client.decide(req).await?.into_inner())
    }

    /// Records an outcome; returns whether it was a duplicate.
    pub(crate) async fn outcome(
        &mut self,
        decision_id: &str,
        offer_id: &str,
        kind: pb::OutcomeKind,
    ) -> anyhow::Result<bool> {
        Ok(self
            .client
            .record_outcome(pb::RecordOutcomeRequest {
                decision_id: decision_id.into(),
                offer_id: offer_id.into(),
                kind: kind.into(),
                occur_time: None,
            })
            .await?
            .into_inner()
            .duplicate)
    }

    /// The logged offer id and binary candidates (`candidates_pb`) of a decision.
    async fn decision_rows(&self, decision_id: &str) -> anyhow::Result<(Option<String>, Vec<u8>)> {
        let db = omni_storage::connect(&self.database_url).await?;
        let row = db
            .query_one_raw(omni_storage::stmt(
                db.get_database_backend(),
                "SELECT offer_id, candidates_pb FROM decisions WHERE workspace_id = $1 AND decision_id = $2",
                [WS.into(), decision_id.into()],
            ))
            .await?
            .context("decision logged")?;
        Ok((
            row.try_get("", "offer_id")?,
            row.try_get("", "candidates_pb")?,
        ))
    }
}

pub(crate) fn offer(name: &str, eligibility: &str, value: f64, weight: f64) -> pb::Offer {
    pb::Offer {
        display_name: name.into(),
        eligibility: eligibility.into(),
        value,
        weight,
        content: Some(json_to_struct(
            json!({"code": name.to_uppercase()})
                .as_object()
                .expect("object"),
        )),
        ..Default::default()
    }
}

#[tokio::test]
async fn decide_picks_the_best_eligible_offer_and_explains_the_rest() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let customer = "c_dec_1";
    h.profile(customer, json!({"country": "FR", "tier": "gold"}))
        .await?;
    h.profiles
        .set_membership(WS, customer, "seg_vip", true, 1_700_000_000_000)
        .await?;

    let korea = h
        .create(offer("korea", "traits.country == 'KR'", 100.0, 1.0), "")
        .await?;
    let vip = h
        .create(
            offer(
                "vip",
                "'seg_vip' in segments && context.placement == 'home'",
                20.0,
                2.0,
            ),
            "",
        )
        .await?;
    let anyone = h.create(offer("anyone", "", 10.0, 0.0), "").await?;
    let age = h
        .create(offer("age", "traits.age > 30", 1000.0, 1.0), "")
        .await?;

    let resp = h
        .client
        .decide(pb::DecideRequest {
            customer_id: customer.into(),
            context: Some(json_to_struct(
                json!({"placement": "home"}).as_object().expect("object"),
            )),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert!(resp.decision_id.starts_with("dec_"), "{}", resp.decision_id);
    let chosen = resp.offer.clone().context("an offer is chosen")?;
    assert_eq!(chosen.offer_id, vip.offer_id);
    assert_eq!(chosen.display_name, "vip");

    let outcome = |id: &str| {
        resp.candidates
            .iter()
            .find(|c| c.offer_id == id)
            .map(|c| (c.outcome(), c.score, c.reason.clone()))
            .expect("candidate listed")
    };
    let ids: Vec<_> = resp
        .candidates
        .iter()
        .map(|c| c.offer_id.as_str())
        .collect();
    assert_eq!(&ids[..2], [vip.offer_id.as_str(), anyone.offer_id.as_str()]);
    let (o, score, reason) = outcome(&vip.offer_id);
    assert_eq!((o, score), (pb::CandidateOutcome::Chosen, 40.0));
    assert!(
        reason.contains("propensity 1 × value 20 × weight 2 = 40"),
        "{reason}"
    );
    let (o, score, reason) = outcome(&anyone.offer_id);
    assert_eq!((o, score), (pb::CandidateOutcome::Outranked, 10.0));
    assert!(
        reason.contains(&format!("outranked by {}", vip.offer_id)),
        "{reason}"
    );
    let (o, _, reason) = outcome(&korea.offer_id);
    assert_eq!(o, pb::CandidateOutcome::Ineligible);
    assert_eq!(reason, "eligibility `traits.country == 'KR'` was false");
    let (o, _, reason) = outcome(&age.offer_id);
    assert_eq!(o, pb::CandidateOutcome::Error);
    assert!(reason.contains("age"), "{reason}");

    let (logged_offer, candidates) = h.decision_rows(&resp.decision_id).await?;
    assert_eq!(logged_offer.as_deref(), Some(vip.offer_id.as_str()));
    let candidates = omni_decisioning::convert::candidates_from_bytes(&candidates)?;
    assert_eq!(candidates.len(), 4);
    assert_eq!(
        candidates[0].outcome,
        omni_decisioning::offer::Outcome::Chosen
    );
    assert_eq!(candidates[0].offer_id.as_str(), vip.offer_id);
    assert_eq!(candidates[0].reason, outcome(&vip.offer_id).2);

    // Without the placement the VIP offer is not eligible; the next best wins.
    let resp = h
        .client
        .decide(pb::DecideRequest {
            customer_id: customer.into(),
            context: Some(json_to_struct(
                json!({"placement": "cart"}).as_object().expect("object"),
            )),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(
        resp.offer.map(|o| o.offer_id),
        Some(anyone.offer_id.clone())
    );
    h.stop().await
}

#[tokio::test]
async fn offers_are_validated_and_creation_is_idempotent() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .create(offer("bad", "traits.country ==", 1.0, 1.0), "k1")
        .await
        .expect_err("bad eligibility");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().contains("offer.eligibility"),
        "{}",
        err.message()
    );
    assert!(
        err.message().contains("line 1, column"),
        "{}",
        err.message()
    );

    let err = h
        .create(offer("bad", "customer.vip", 1.0, 1.0), "k1")
        .await
        .expect_err("unknown variable");
    assert!(
        err.message().contains(
            "unknown variable `customer`; expected one of traits, events, segments, context, now"
        ),
        "{}",
        err.message()
    );

    let err = h
        .create(offer("bad", "", -1.0, 1.0), "k1")
        .await
        .expect_err("negative value");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("offer.value"), "{}", err.message());

    let err = h
        .create(offer("", "", 1.0, 1.0), "k1")
        .await
        .expect_err("no name");
    assert!(
        err.message().contains("offer.display_name"),
        "{}",
        err.message()
    );

    let first = h.create(offer("good", "true", 5.0, 1.0), "k1").await?;
    let retry = h
        .create(offer("good again", "false", 7.0, 1.0), "k1")
        .await?;
    assert_eq!(retry, first);
    assert_eq!(first.content, offer("good", "", 0.0, 0.0).content);

    let got = h
        .client
        .get_offer(pb::GetOfferRequest {
            offer_id: first.offer_id.clone(),
            ..Default::default()
        })
        .await?
        .into_inner()
        .offer;
    assert_eq!(got, Some(first));
    let missing = h
        .client
        .get_offer(pb::GetOfferRequest {
            offer_id: "offer_missing".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown offer");
    assert_eq!(missing.code(), Code::NotFound);
    h.stop().await
}

#[tokio::test]
async fn decide_needs_a_known_customer() -> anyhow::Result<()> {
    let mut h = Harness::start().await?;
    let err = h
        .client
        .decide(pb::DecideRequest {
            customer_id: "c_nobody".into(),
            context: None,
            ..Default::default()
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    assert!(err.message().contains("customer"), "{}", err.message());

    let err = h
        .client
        .decide(pb::DecideRequest::default())
        .await
        .expect_err("customer_id required");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("customer_id"), "{}", err.message());

    // A known customer with no offers gets an empty, logged decision.
    h.profile("c_known", json!({})).await?;
    let resp = h
        .client
        .decide(pb::DecideRequest {
            customer_id: "c_known".into(),
            context: None,
            ..Default::default()
        })
        .await?
        .into_inner();
    assert!(resp.offer.is_none());
    assert!(resp.candidates.is_empty());
    let (logged_offer, _) = h.decision_rows(&resp.decision_id).await?;
    assert_eq!(logged_offer, None);

    let mut anonymous = DecisioningServiceClient::new(h.channel.clone());
    let err = anonymous
        .get_offer(pb::GetOfferRequest {
            offer_id: "offer_x".into(),
            ..Default::default()
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    h.stop().await
}
