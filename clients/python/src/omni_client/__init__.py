"""Omni Python client: one authenticated gRPC stub per Omni service.

The message and stub modules are generated from proto/ into the ``omni`` package
(``clients/generate``); this module only wires channels and the API key.
"""

from __future__ import annotations

import dataclasses

import grpc

from omni.channel.v1 import channel_pb2_grpc
from omni.decisioning.v1 import decisioning_pb2_grpc
from omni.identity.v1 import identity_pb2_grpc
from omni.insights.v1 import insights_pb2_grpc
from omni.journey.v1 import journey_pb2_grpc
from omni.segment.v1 import segment_pb2_grpc

__all__ = ["Endpoints", "OmniClient", "connect"]


@dataclasses.dataclass(frozen=True)
class Endpoints:
    """Where each service listens, as ``host:port``; the defaults are `omni up`'s."""

    identity: str = "127.0.0.1:50051"
    segment: str = "127.0.0.1:50052"
    decisioning: str = "127.0.0.1:50053"
    journey: str = "127.0.0.1:50054"
    channel: str = "127.0.0.1:50055"
    insights: str = "127.0.0.1:50056"


class _ApiKey(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """Adds ``authorization: Bearer <key>`` to every call."""

    def __init__(self, api_key: str) -> None:
        self._header = ("authorization", f"Bearer {api_key}")

    def _details(self, details):
        metadata = list(details.metadata or []) + [self._header]
        return details._replace(metadata=metadata)

    def intercept_unary_unary(self, continuation, client_call_details, request):
        return continuation(self._details(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):
        return continuation(self._details(client_call_details), request)


class OmniClient:
    """Authenticated stubs for the six services; close it (or use ``with``) when done."""

    def __init__(self, endpoints: Endpoints, api_key: str, *, tls: bool = False) -> None:
        self._channels = []

        def channel(target: str) -> grpc.Channel:
            raw = (
                grpc.secure_channel(target, grpc.ssl_channel_credentials())
                if tls
                else grpc.insecure_channel(target)
            )
            self._channels.append(raw)
            return grpc.intercept_channel(raw, _ApiKey(api_key))

        self.identity = identity_pb2_grpc.IdentityServiceStub(channel(endpoints.identity))
        # API keys and the audit log, served by the identity process.
        self.access = identity_pb2_grpc.AccessServiceStub(channel(endpoints.identity))
        self.segment = segment_pb2_grpc.SegmentServiceStub(channel(endpoints.segment))
        self.decisioning = decisioning_pb2_grpc.DecisioningServiceStub(
            channel(endpoints.decisioning)
        )
        self.journey = journey_pb2_grpc.JourneyServiceStub(channel(endpoints.journey))
        self.channel = channel_pb2_grpc.ChannelServiceStub(channel(endpoints.channel))
        self.insights = insights_pb2_grpc.InsightsServiceStub(channel(endpoints.insights))

    def close(self) -> None:
        """Closes every channel."""
        for c in self._channels:
            c.close()

    def __enter__(self) -> "OmniClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def connect(api_key: str, endpoints: Endpoints | None = None, *, tls: bool = False) -> OmniClient:
    """Connects to every service of a suite with an API key."""
    return OmniClient(endpoints or Endpoints(), api_key, tls=tls)
