import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IdentifierType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IDENTIFIER_TYPE_UNSPECIFIED: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_USER_ID: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_EMAIL: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_PHONE: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_ANONYMOUS_ID: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_DEVICE_ID: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_LOYALTY_ID: _ClassVar[IdentifierType]
    IDENTIFIER_TYPE_CUSTOM: _ClassVar[IdentifierType]

class SourceChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SOURCE_CHANNEL_UNSPECIFIED: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_WEB: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_APP: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_POS: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_STORE: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_SERVER: _ClassVar[SourceChannel]
    SOURCE_CHANNEL_MESSAGING: _ClassVar[SourceChannel]

class DeliveryChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DELIVERY_CHANNEL_UNSPECIFIED: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_EMAIL: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_PUSH: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_SMS: _ClassVar[DeliveryChannel]
    DELIVERY_CHANNEL_STORE: _ClassVar[DeliveryChannel]
IDENTIFIER_TYPE_UNSPECIFIED: IdentifierType
IDENTIFIER_TYPE_USER_ID: IdentifierType
IDENTIFIER_TYPE_EMAIL: IdentifierType
IDENTIFIER_TYPE_PHONE: IdentifierType
IDENTIFIER_TYPE_ANONYMOUS_ID: IdentifierType
IDENTIFIER_TYPE_DEVICE_ID: IdentifierType
IDENTIFIER_TYPE_LOYALTY_ID: IdentifierType
IDENTIFIER_TYPE_CUSTOM: IdentifierType
SOURCE_CHANNEL_UNSPECIFIED: SourceChannel
SOURCE_CHANNEL_WEB: SourceChannel
SOURCE_CHANNEL_APP: SourceChannel
SOURCE_CHANNEL_POS: SourceChannel
SOURCE_CHANNEL_STORE: SourceChannel
SOURCE_CHANNEL_SERVER: SourceChannel
SOURCE_CHANNEL_MESSAGING: SourceChannel
DELIVERY_CHANNEL_UNSPECIFIED: DeliveryChannel
DELIVERY_CHANNEL_EMAIL: DeliveryChannel
DELIVERY_CHANNEL_PUSH: DeliveryChannel
DELIVERY_CHANNEL_SMS: DeliveryChannel
DELIVERY_CHANNEL_STORE: DeliveryChannel

class Identifier(_message.Message):
    __slots__ = ("type", "value", "custom_type")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_TYPE_FIELD_NUMBER: _ClassVar[int]
    type: IdentifierType
    value: str
    custom_type: str
    def __init__(self, type: _Optional[_Union[IdentifierType, str]] = ..., value: _Optional[str] = ..., custom_type: _Optional[str] = ...) -> None: ...

class Event(_message.Message):
    __slots__ = ("event_id", "type", "time", "identifiers", "properties", "traits", "source")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    type: str
    time: _timestamp_pb2.Timestamp
    identifiers: _containers.RepeatedCompositeFieldContainer[Identifier]
    properties: _struct_pb2.Struct
    traits: _struct_pb2.Struct
    source: SourceChannel
    def __init__(self, event_id: _Optional[str] = ..., type: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., identifiers: _Optional[_Iterable[_Union[Identifier, _Mapping]]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., traits: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., source: _Optional[_Union[SourceChannel, str]] = ...) -> None: ...
