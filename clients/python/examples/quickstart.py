"""Track a signup and read the profile back from a running `omni up`.

    OMNI_API_KEY=$(cat data/admin.key) python examples/quickstart.py
"""

import os
import uuid

from omni.common.v1 import common_pb2
from omni.identity.v1 import identity_pb2
from omni_client import connect

with connect(os.environ["OMNI_API_KEY"]) as omni:
    event = common_pb2.Event(
        event_id=str(uuid.uuid4()),
        type="signup",
        identifiers=[
            common_pb2.Identifier(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="Ann@Example.com")
        ],
    )
    event.traits.update({"first_name": "Ann"})
    tracked = omni.identity.Track(identity_pb2.TrackRequest(event=event))
    profile = omni.identity.GetProfile(
        identity_pb2.GetProfileRequest(customer_id=tracked.customer_id)
    )
    print(tracked.customer_id, dict(profile.profile.traits))
