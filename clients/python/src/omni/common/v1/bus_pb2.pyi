import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from omni.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EventIngested(_message.Message):
    __slots__ = ("workspace_id", "customer_id", "event", "merged_customer_ids")
    WORKSPACE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    workspace_id: str
    customer_id: str
    event: _common_pb2.Event
    merged_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, workspace_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., event: _Optional[_Union[_common_pb2.Event, _Mapping]] = ..., merged_customer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MembershipChanged(_message.Message):
    __slots__ = ("workspace_id", "customer_id", "segment_id", "entered", "segment_version", "time", "cause_event_id")
    WORKSPACE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTERED_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    CAUSE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    workspace_id: str
    customer_id: str
    segment_id: str
    entered: bool
    segment_version: int
    time: _timestamp_pb2.Timestamp
    cause_event_id: str
    def __init__(self, workspace_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., segment_id: _Optional[str] = ..., entered: _Optional[bool] = ..., segment_version: _Optional[int] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cause_event_id: _Optional[str] = ...) -> None: ...

class BusMetadata(_message.Message):
    __slots__ = ("traceparent", "attributes")
    TRACEPARENT_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    traceparent: str
    attributes: _struct_pb2.Struct
    def __init__(self, traceparent: _Optional[str] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CustomerErased(_message.Message):
    __slots__ = ("workspace_id", "customer_id", "merged_customer_ids", "erasure_id", "time")
    WORKSPACE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    workspace_id: str
    customer_id: str
    merged_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    erasure_id: str
    time: _timestamp_pb2.Timestamp
    def __init__(self, workspace_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., merged_customer_ids: _Optional[_Iterable[str]] = ..., erasure_id: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AuditEvent(_message.Message):
    __slots__ = ("audit_id", "workspace_id", "actor_key_id", "actor_role", "action", "resource_type", "resource_id", "before_json", "after_json", "time", "service")
    AUDIT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKSPACE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    BEFORE_JSON_FIELD_NUMBER: _ClassVar[int]
    AFTER_JSON_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    audit_id: str
    workspace_id: str
    actor_key_id: str
    actor_role: str
    action: str
    resource_type: str
    resource_id: str
    before_json: str
    after_json: str
    time: _timestamp_pb2.Timestamp
    service: str
    def __init__(self, audit_id: _Optional[str] = ..., workspace_id: _Optional[str] = ..., actor_key_id: _Optional[str] = ..., actor_role: _Optional[str] = ..., action: _Optional[str] = ..., resource_type: _Optional[str] = ..., resource_id: _Optional[str] = ..., before_json: _Optional[str] = ..., after_json: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., service: _Optional[str] = ...) -> None: ...
