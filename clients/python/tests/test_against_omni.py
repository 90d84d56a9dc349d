"""The generated Python client against a running suite (`clients/test-against-omni`).

Needs OMNI_CLIENT_ENDPOINTS (``identity=host:port,segment=...``) and OMNI_CLIENT_KEY.
"""

import os
import time
import uuid

import grpc
import pytest

from omni.channel.v1 import channel_pb2
from omni.common.v1 import common_pb2
from omni.identity.v1 import identity_pb2
from omni.journey.v1 import journey_pb2
from omni_client import Endpoints, connect


def _endpoints() -> Endpoints:
    raw = os.environ.get("OMNI_CLIENT_ENDPOINTS")
    if not raw:
        pytest.fail("OMNI_CLIENT_ENDPOINTS is not set: run clients/test-against-omni")
    return Endpoints(**dict(part.split("=", 1) for part in raw.split(",")))


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


def test_bad_input_and_missing_key_are_refused(omni):
    with pytest.raises(grpc.RpcError) as err:
        omni.identity.Track(identity_pb2.TrackRequest(event=common_pb2.Event(type="signup")))
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "event_id" in err.value.details()

    with connect("not-a-key", _endpoints()) as stranger:
        with pytest.raises(grpc.RpcError) as err:
            stranger.identity.GetProfile(identity_pb2.GetProfileRequest(customer_id="c_x"))
    assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED
