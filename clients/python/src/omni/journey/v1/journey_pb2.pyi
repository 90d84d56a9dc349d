import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from omni.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JourneyState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOURNEY_STATE_UNSPECIFIED: _ClassVar[JourneyState]
    JOURNEY_STATE_DRAFT: _ClassVar[JourneyState]
    JOURNEY_STATE_PUBLISHED: _ClassVar[JourneyState]
    JOURNEY_STATE_PAUSED: _ClassVar[JourneyState]

class RunState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RUN_STATE_UNSPECIFIED: _ClassVar[RunState]
    RUN_STATE_ACTIVE: _ClassVar[RunState]
    RUN_STATE_WAITING: _ClassVar[RunState]
    RUN_STATE_COMPLETED: _ClassVar[RunState]
    RUN_STATE_FAILED: _ClassVar[RunState]
JOURNEY_STATE_UNSPECIFIED: JourneyState
JOURNEY_STATE_DRAFT: JourneyState
JOURNEY_STATE_PUBLISHED: JourneyState
JOURNEY_STATE_PAUSED: JourneyState
RUN_STATE_UNSPECIFIED: RunState
RUN_STATE_ACTIVE: RunState
RUN_STATE_WAITING: RunState
RUN_STATE_COMPLETED: RunState
RUN_STATE_FAILED: RunState

class Journey(_message.Message):
    __slots__ = ("journey_id", "display_name", "nodes", "state", "published_version", "create_time")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NODES_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    display_name: str
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    state: JourneyState
    published_version: int
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, journey_id: _Optional[str] = ..., display_name: _Optional[str] = ..., nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., state: _Optional[_Union[JourneyState, str]] = ..., published_version: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Node(_message.Message):
    __slots__ = ("node_id", "next_node_id", "entry", "wait", "decide", "send")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    DECIDE_FIELD_NUMBER: _ClassVar[int]
    SEND_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    next_node_id: str
    entry: EntryNode
    wait: WaitNode
    decide: DecideNode
    send: SendNode
    def __init__(self, node_id: _Optional[str] = ..., next_node_id: _Optional[str] = ..., entry: _Optional[_Union[EntryNode, _Mapping]] = ..., wait: _Optional[_Union[WaitNode, _Mapping]] = ..., decide: _Optional[_Union[DecideNode, _Mapping]] = ..., send: _Optional[_Union[SendNode, _Mapping]] = ...) -> None: ...

class EntryNode(_message.Message):
    __slots__ = ("event_type",)
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    def __init__(self, event_type: _Optional[str] = ...) -> None: ...

class WaitNode(_message.Message):
    __slots__ = ("duration",)
    DURATION_FIELD_NUMBER: _ClassVar[int]
    duration: _duration_pb2.Duration
    def __init__(self, duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class DecideNode(_message.Message):
    __slots__ = ("context",)
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    context: _struct_pb2.Struct
    def __init__(self, context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class SendNode(_message.Message):
    __slots__ = ("channel", "template_id")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    template_id: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., template_id: _Optional[str] = ...) -> None: ...

class CreateJourneyRequest(_message.Message):
    __slots__ = ("journey", "idempotency_key")
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    idempotency_key: str
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class GetJourneyRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class GetJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class PublishJourneyRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class PublishJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class Run(_message.Message):
    __slots__ = ("run_id", "journey_id", "journey_version", "customer_id", "state", "current_node_id", "context", "wake_time", "error", "entry_event_id", "create_time", "update_time")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_VERSION_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    WAKE_TIME_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ENTRY_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    journey_id: str
    journey_version: int
    customer_id: str
    state: RunState
    current_node_id: str
    context: _struct_pb2.Struct
    wake_time: _timestamp_pb2.Timestamp
    error: str
    entry_event_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, run_id: _Optional[str] = ..., journey_id: _Optional[str] = ..., journey_version: _Optional[int] = ..., customer_id: _Optional[str] = ..., state: _Optional[_Union[RunState, str]] = ..., current_node_id: _Optional[str] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., wake_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ..., entry_event_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: Run
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("journey_id", "customer_id", "page_size", "page_token")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    customer_id: str
    page_size: int
    page_token: str
    def __init__(self, journey_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("runs", "next_page_token")
    RUNS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[Run]
    next_page_token: str
    def __init__(self, runs: _Optional[_Iterable[_Union[Run, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class EnrollCustomerRequest(_message.Message):
    __slots__ = ("journey_id", "customer_id", "idempotency_key", "context")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    customer_id: str
    idempotency_key: str
    context: _struct_pb2.Struct
    def __init__(self, journey_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class EnrollCustomerResponse(_message.Message):
    __slots__ = ("run", "duplicate")
    RUN_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    run: Run
    duplicate: bool
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ..., duplicate: _Optional[bool] = ...) -> None: ...

class PauseJourneyRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class PauseJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class ResumeJourneyRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class ResumeJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...
