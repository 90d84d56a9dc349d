"""The generated Python client against a running suite (`clients/test-against-omni`).

Needs OMNI_CLIENT_ENDPOINTS (``identity=host:port,segment=...``) and OMNI_CLIENT_KEY.
"""

import os
import time
import uuid

import grpc
import pytest
from google.protobuf import timestamp_pb2

from omni.channel.v1 import channel_pb2
from omni.common.v1 import common_pb2
from omni.identity.v1 import identity_pb2
from omni.insights.v1 import insights_pb2
from omni.journey.v1 import journey_pb2
from omni_client import Endpoints, connect


def _endpoints() -> Endpoints:
    raw = os.environ.get("OMNI_CLIENT_ENDPOINTS")
    if not raw:
        pytest.fail("OMNI_CLIENT_ENDPOINTS is not set: run clients/test-against-omni")
    return Endpoints(**dict(part.split("=", 1) for part in raw.split(",")))


HOUR = 3600
WEEK = 7 * 24 * HOUR


def _range(start: int, end: int) -> insights_pb2.TimeRange:
    return insights_pb2.TimeRange(
        start_time=timestamp_pb2.Timestamp(seconds=start),
        end_time=timestamp_pb2.Timestamp(seconds=end),
    )


@pytest.fixture()
def omni():
    with connect(os.environ["OMNI_CLIENT_KEY"], _endpoints()) as client:
        yield client


def test_track_profile_enrol_and_list_messages(omni):
    suffix = uuid.uuid4().hex[:10]
    email = f"py-{suffix}@example.com"

    # Track an event and read the profile.
    event = common_pb2.Event(
        event_id=f"py-signup-{suffix}",
        type="signup",
        identifiers=[common_pb2.Identifier(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value=email)],
    )
    event.traits.update({"first_name": "Pia"})
    tracked = omni.identity.Track(identity_pb2.TrackRequest(event=event))
    assert tracked.customer_id
    assert not tracked.duplicate
    profile = omni.identity.GetProfile(
        identity_pb2.GetProfileRequest(customer_id=tracked.customer_id)
    ).profile
    assert profile.traits["first_name"] == "Pia"
    assert any(i.value == email for i in profile.identifiers)

    # A journey that sends one email, entered through the API.
    template = omni.channel.CreateTemplate(
        channel_pb2.CreateTemplateRequest(
            template=channel_pb2.Template(
                display_name=f"py {suffix}",
                channel=common_pb2.DELIVERY_CHANNEL_EMAIL,
                subject="Hello {{ profile.first_name }}",
                body="Hi {{ profile.first_name }}, welcome.",
            )
        )
    ).template
    journey = omni.journey.CreateJourney(
        journey_pb2.CreateJourneyRequest(
            journey=journey_pb2.Journey(
                display_name=f"py {suffix}",
                nodes=[
                    journey_pb2.Node(
                        node_id="in",
                        next_node_id="send",
                        entry=journey_pb2.EntryNode(event_type=f"never-{suffix}"),
                    ),
                    journey_pb2.Node(
                        node_id="send",
                        send=journey_pb2.SendNode(
                            channel=common_pb2.DELIVERY_CHANNEL_EMAIL,
                            template_id=template.template_id,
                        ),
                    ),
                ],
            )
        )
    ).journey
    omni.journey.PublishJourney(journey_pb2.PublishJourneyRequest(journey_id=journey.journey_id))
    enrolled = omni.journey.EnrollCustomer(
        journey_pb2.EnrollCustomerRequest(
            journey_id=journey.journey_id,
            customer_id=tracked.customer_id,
            idempotency_key=f"py-enrol-{suffix}",
        )
    )
    assert enrolled.run.customer_id == tracked.customer_id
    assert not enrolled.duplicate

    # The customer's messages list the email the journey sent.
    deadline = time.monotonic() + 30
    while True:
        messages = omni.channel.ListMessages(
            channel_pb2.ListMessagesRequest(customer_id=tracked.customer_id)
        ).messages
        if any(m.status == channel_pb2.MESSAGE_STATUS_SENT for m in messages):
            break
        assert time.monotonic() < deadline, f"no sent message yet: {messages}"
        time.sleep(0.2)
    assert messages[0].channel == common_pb2.DELIVERY_CHANNEL_EMAIL

    # Insights: price email, then read the journey's KPIs per channel once the
    # `message.sent` event has reached insights over the bus; the cost is the price.
    priced = omni.insights.SetChannelCost(
        insights_pb2.SetChannelCostRequest(channel="email", cost_per_message=0.25)
    )
    assert (priced.channel, priced.cost_per_message) == ("email", 0.25)
    hour = int(time.time()) // HOUR * HOUR
    kpi_range = _range(hour - HOUR, hour + 2 * HOUR)
    request = insights_pb2.GetKpisRequest(
        range=kpi_range,
        group_by=insights_pb2.DIMENSION_CHANNEL,
        filter=insights_pb2.KpiFilter(journey_id=journey.journey_id),
    )
    deadline = time.monotonic() + 30
    while True:
        kpis = omni.insights.GetKpis(request)
        if kpis.total.current.sent >= 1:
            break
        assert time.monotonic() < deadline, f"insights has not seen the send yet: {kpis}"
        time.sleep(0.2)
    assert [row.key for row in kpis.rows] == ["email"]
    email = kpis.rows[0]
    assert email.current.sent == 1
    assert email.current.cost == pytest.approx(0.25)
    assert email.previous.sent == 0
    assert kpis.total.current.sent == 1
    assert kpis.total.current.cost == pytest.approx(0.25)
    assert kpis.previous_range.start_time.seconds == hour - HOUR - WEEK
    assert kpis.previous_range.end_time.seconds == hour + 2 * HOUR - WEEK


def test_insights_kpis_of_a_quiet_period_and_a_missing_range(omni):
    # A day with no traffic: a zero total, no rows, the week before as previous period.
    start = 1577836800  # 2020-01-01T00:00:00Z
    kpis = omni.insights.GetKpis(
        insights_pb2.GetKpisRequest(
            range=_range(start, start + 24 * HOUR), group_by=insights_pb2.DIMENSION_JOURNEY
        )
    )
    assert list(kpis.rows) == []
    assert kpis.HasField("total")
    assert kpis.total.key == ""
    assert kpis.total.current.sent == 0
    assert kpis.total.current.open_rate == 0.0
    assert dict(kpis.total.relative_change) == {}
    assert kpis.previous_range.start_time.seconds == start - WEEK
    assert kpis.previous_range.end_time.seconds == start + 24 * HOUR - WEEK

    with pytest.raises(grpc.RpcError) as err:
        omni.insights.GetKpis(insights_pb2.GetKpisRequest())
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "range" in err.value.details()


def test_a_created_key_carries_its_role_until_revoked(omni):
    created = omni.access.CreateApiKey(
        identity_pb2.CreateApiKeyRequest(name="py analyst", role=identity_pb2.ROLE_ANALYST)
    )
    assert created.secret.startswith("omk_")
    listed = omni.access.ListApiKeys(identity_pb2.ListApiKeysRequest()).keys
    (key,) = [k for k in listed if k.key_id == created.key.key_id]
    assert created.secret.startswith(key.secret_prefix)
    assert len(key.secret_prefix) < len(created.secret), "the secret is never listed"
    with connect(created.secret, _endpoints()) as analyst:
        analyst.insights.GetKpis(
            insights_pb2.GetKpisRequest(range=_range(WEEK, 2 * WEEK))
        )
        with pytest.raises(grpc.RpcError) as err:
            analyst.identity.GetIdentityRules(identity_pb2.GetIdentityRulesRequest())
        assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert err.value.details() == "permission `rules.read` denied to role `analyst`"
        omni.access.RevokeApiKey(identity_pb2.RevokeApiKeyRequest(key_id=created.key.key_id))
        with pytest.raises(grpc.RpcError) as err:
            analyst.insights.GetKpis(insights_pb2.GetKpisRequest(range=_range(WEEK, 2 * WEEK)))
        assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
    audit = omni.access.ListAuditLog(
        identity_pb2.ListAuditLogRequest(resource_id=created.key.key_id)
    ).entries
    assert audit, "key changes are audited"


def test_bad_input_and_missing_key_are_refused(omni):
    with pytest.raises(grpc.RpcError) as err:
        omni.identity.Track(identity_pb2.TrackRequest(event=common_pb2.Event(type="signup")))
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "event_id" in err.value.details()

    with connect("not-a-key", _endpoints()) as stranger:
        with pytest.raises(grpc.RpcError) as err:
            stranger.identity.GetProfile(identity_pb2.GetProfileRequest(customer_id="c_x"))
    assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
