//! Contact preferences (a customer's own quiet hours and snoozes): set, read, snooze,
//! validation, GetProfile, `omni rebuild-profiles` and erasure, end to end against a
//! real Redis and a fresh database (SQLite, or Postgres with OMNI_TEST_DATABASE_URL).

use std::time::Duration;

use anyhow::Context as _;
use omni_common::config::Settings;
use omni_common::convert::{from_timestamp, json_to_struct, to_timestamp};
use omni_common::shutdown::CancellationToken;
use omni_proto::common::v1::{DeliveryChannel, Event, Identifier, IdentifierType, SourceChannel};
use omni_proto::identity::v1::identity_service_client::IdentityServiceClient;
use omni_proto::identity::v1::{
    ContactPreferences, CustomerQuietHours, EraseCustomerRequest, GetContactPreferencesRequest,
    GetProfileRequest, Profile, SetContactPreferencesRequest, Snooze, SnoozeContactRequest,
    TrackRequest, Weekday,
};
use omni_testkit::RedisServer;
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

const DAY_MS: i64 = 24 * 3_600_000;

fn now_ms() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default(),
    )
    .unwrap_or_default()
}

async fn customer(c: &mut Client, email: &str) -> anyhow::Result<String> {
    let ev = Event {
        event_id: format!("ev-{email}"),
        r#type: "signup".into(),
        identifiers: vec![Identifier {
            r#type: IdentifierType::Email as i32,
            value: email.into(),
            custom_type: String::new(),
        }],
        properties: None,
        traits: Some(json_to_struct(&serde_json::Map::new())),
        source: SourceChannel::Web as i32,
        time: Some(to_timestamp(now_ms())),
    };
    Ok(c.track(TrackRequest { event: Some(ev) })
        .await?
        .into_inner()
        .customer_id)
}

async fn profile(c: &mut Client, cid: &str) -> anyhow::Result<Profile> {
    c.get_profile(GetProfileRequest {
        customer_id: cid.into(),
        read_mask: None,
    })
    .await?
    .into_inner()
    .profile
    .context("profile")
}

async fn prefs(c: &mut Client, cid: &str) -> anyhow::Result<ContactPreferences> {
    c.get_contact_preferences(GetContactPreferencesRequest {
        customer_id: cid.into(),
    })
    .await?
    .into_inner()
    .preferences
    .context("preferences")
}

fn bad_field(status: &Status) -> String {
    status
        .get_error_details()
        .bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
        .unwrap_or_default()
}

fn weeknights() -> CustomerQuietHours {
    CustomerQuietHours {
        start_minute: 22 * 60,
        end_minute: 7 * 60,
        weekdays: vec![
            Weekday::Monday as i32,
            Weekday::Tuesday as i32,
            Weekday::Wednesday as i32,
            Weekday::Thursday as i32,
            Weekday::Friday as i32,
        ],
    }
}

/// Preferences are stored, read back (GetContactPreferences and GetProfile), merged by
/// update mask and snoozes, rebuilt after Redis lost them, and forgotten by erasure.
#[tokio::test]
async fn preferences_set_get_snooze_rebuild_and_erase() -> anyhow::Result<()> {
    let s = Server::start().await?;
    let mut c = s.client.clone();
    let cid = customer(&mut c, "dnd@example.com").await?;
    assert_eq!(prefs(&mut c, &cid).await?.quiet_hours.len(), 0, "none yet");

    let week = now_ms() + 7 * DAY_MS;
    let stored = c
        .set_contact_preferences(SetContactPreferencesRequest {
            customer_id: cid.clone(),
            preferences: Some(ContactPreferences {
                quiet_hours: vec![weeknights()],
                time_zone: "Europe/Oslo".into(),
                snoozes: vec![Snooze {
                    channel: DeliveryChannel::Email as i32,
                    until_time: Some(to_timestamp(week)),
                    source: String::new(),
                }],
                ..Default::default()
            }),
            update_mask: None,
            source: "app:settings".into(),
        })
        .await?
        .into_inner()
        .preferences
        .context("stored")?;
    assert_eq!(stored.quiet_hours, vec![weeknights()]);
    assert_eq!(stored.time_zone, "Europe/Oslo");
    assert_eq!(stored.source, "app:settings");
    assert_eq!(stored.snoozes.len(), 1);
    assert_eq!(stored.snoozes[0].source, "app:settings");
    assert_eq!(
        from_timestamp(stored.snoozes[0].until_time.as_ref().context("until")?),
        week
    );
    assert_eq!(prefs(&mut c, &cid).await?, stored);
    assert_eq!(
        profile(&mut c, &cid).await?.contact_preferences.as_ref(),
        Some(&stored)
    );

    // A snooze of every channel joins the email one.
    let fortnight = now_ms() + 14 * DAY_MS;
    let after = c
        .snooze_contact(SnoozeContactRequest {
            customer_id: cid.clone(),
            channel: DeliveryChannel::Unspecified as i32,
            until_time: Some(to_timestamp(fortnight)),
            source: "preference-centre".into(),
        })
        .await?
        .into_inner()
        .preferences
        .context("after snooze")?;
    assert_eq!(after.snoozes.len(), 2);
    assert_eq!(
        after.snoozes[0].channel,
        DeliveryChannel::Unspecified as i32
    );
    assert_eq!(after.quiet_hours, vec![weeknights()], "quiet hours kept");

    // The mask replaces only the quiet hours.
    let masked = c
        .set_contact_preferences(SetContactPreferencesRequest {
            customer_id: cid.clone(),
            preferences: Some(ContactPreferences::default()),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["quiet_hours".into()],
            }),
            source: "app:settings".into(),
        })
        .await?
        .into_inner()
        .preferences
        .context("masked")?;
    assert!(masked.quiet_hours.is_empty());
    assert_eq!(masked.snoozes.len(), 2, "snoozes kept");
    assert_eq!(masked.time_zone, "Europe/Oslo");

    // `omni rebuild-profiles` after Redis lost everything brings them back.
    let before = profile(&mut c, &cid).await?;
    assert!(before.contact_preferences.is_some());
    let conn = omni_common::redis::connect(&s.redis.url).await?;
    redis::cmd("FLUSHALL")
        .query_async::<()>(&mut conn.clone())
        .await?;
    omni_identity::rebuild_profiles(&s.settings, None).await?;
    assert_eq!(profile(&mut c, &cid).await?, before);

    // Erasure forgets them (SQL and Redis).
    c.erase_customer(EraseCustomerRequest {
        customer_id: cid.clone(),
    })
    .await?;
    let gone = c
        .get_contact_preferences(GetContactPreferencesRequest {
            customer_id: cid.clone(),
        })
        .await
        .expect_err("erased");
    assert_eq!(gone.code(), Code::NotFound);
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("p:*:dnd")
        .query_async(&mut conn.clone())
        .await?;
    assert!(keys.is_empty(), "{keys:?}");
    s.stop().await
}

/// Bad preferences are refused with the field named, and change nothing.
#[tokio::test]
async fn invalid_preferences_name_the_field_and_change_nothing() -> anyhow::Result<()> {
    let s = Server::start().await?;
    let mut c = s.client.clone();
    let cid = customer(&mut c, "bad@example.com").await?;
    let set = |p: ContactPreferences, paths: Vec<&str>| SetContactPreferencesRequest {
        customer_id: cid.clone(),
        preferences: Some(p),
        update_mask: (!paths.is_empty()).then(|| prost_types::FieldMask {
            paths: paths.into_iter().map(str::to_owned).collect(),
        }),
        source: String::new(),
    };
    let quiet = |start: i32, end: i32, weekdays: Vec<i32>| ContactPreferences {
        quiet_hours: vec![CustomerQuietHours {
            start_minute: start,
            end_minute: end,
            weekdays,
        }],
        ..Default::default()
    };
    let snooze = |channel: i32, until: i64| ContactPreferences {
        snoozes: vec![Snooze {
            channel,
            until_time: Some(to_timestamp(until)),
            source: String::new(),
        }],
        ..Default::default()
    };
    let now = now_ms();
    let cases = vec![
        (
            set(quiet(1440, 60, vec![]), vec![]),
            "preferences.quiet_hours[0].start_minute",
        ),
        (
            set(quiet(60, -1, vec![]), vec![]),
            "preferences.quiet_hours[0].end_minute",
        ),
        (
            set(quiet(60, 60, vec![]), vec![]),
            "preferences.quiet_hours[0].end_minute",
        ),
        (
            set(quiet(60, 120, vec![0]), vec![]),
            "preferences.quiet_hours[0].weekdays[0]",
        ),
        (
            set(quiet(60, 120, vec![1, 1]), vec![]),
            "preferences.quiet_hours[0].weekdays[1]",
        ),
        (
            set(
                ContactPreferences {
                    time_zone: "Mars/Olympus".into(),
                    ..Default::default()
                },
                vec![],
            ),
            "preferences.time_zone",
        ),
        (
            set(snooze(1, now - 1_000), vec![]),
            "preferences.snoozes[0].until_time",
        ),
        (
            set(snooze(1, now + 400 * DAY_MS), vec![]),
            "preferences.snoozes[0].until_time",
        ),
        (
            set(snooze(99, now + DAY_MS), vec![]),
            "preferences.snoozes[0].channel",
        ),
        (
            set(ContactPreferences::default(), vec!["traits"]),
            "update_mask.paths[0]",
        ),
    ];
    for (req, field) in cases {
        let err = c.set_contact_preferences(req).await.expect_err("invalid");
        assert_eq!(err.code(), Code::InvalidArgument, "{field}: {err:?}");
        assert_eq!(bad_field(&err), field);
    }
    let err = c
        .snooze_contact(SnoozeContactRequest {
            customer_id: cid.clone(),
            channel: DeliveryChannel::Sms as i32,
            until_time: None,
            source: String::new(),
        })
        .await
        .expect_err("no time");
    assert_eq!(bad_field(&err), "until_time");
    let err = c
        .snooze_contact(SnoozeContactRequest {
            customer_id: "c_unknown".into(),
            channel: DeliveryChannel::Sms as i32,
            until_time: Some(to_timestamp(now + DAY_MS)),
            source: String::new(),
        })
        .await
        .expect_err("unknown customer");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(prefs(&mut c, &cid).await?, ContactPreferences::default());
    assert!(profile(&mut c, &cid).await?.contact_preferences.is_none());
    s.stop().await
}
