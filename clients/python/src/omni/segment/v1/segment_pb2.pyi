import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Aggregation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AGGREGATION_UNSPECIFIED: _ClassVar[Aggregation]
    AGGREGATION_COUNT: _ClassVar[Aggregation]
    AGGREGATION_SUM: _ClassVar[Aggregation]
    AGGREGATION_AVG: _ClassVar[Aggregation]
    AGGREGATION_MIN: _ClassVar[Aggregation]
    AGGREGATION_MAX: _ClassVar[Aggregation]
    AGGREGATION_FIRST: _ClassVar[Aggregation]
    AGGREGATION_LAST: _ClassVar[Aggregation]
    AGGREGATION_DISTINCT_COUNT: _ClassVar[Aggregation]
    AGGREGATION_EXISTS: _ClassVar[Aggregation]

class MembershipChangeReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MEMBERSHIP_CHANGE_REASON_UNSPECIFIED: _ClassVar[MembershipChangeReason]
    MEMBERSHIP_CHANGE_REASON_EVENT: _ClassVar[MembershipChangeReason]
    MEMBERSHIP_CHANGE_REASON_WINDOW_EXPIRED: _ClassVar[MembershipChangeReason]
    MEMBERSHIP_CHANGE_REASON_RECOMPUTE: _ClassVar[MembershipChangeReason]
    MEMBERSHIP_CHANGE_REASON_MERGED: _ClassVar[MembershipChangeReason]
    MEMBERSHIP_CHANGE_REASON_ERASED: _ClassVar[MembershipChangeReason]

class RecomputeState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECOMPUTE_STATE_UNSPECIFIED: _ClassVar[RecomputeState]
    RECOMPUTE_STATE_RUNNING: _ClassVar[RecomputeState]
    RECOMPUTE_STATE_SUCCEEDED: _ClassVar[RecomputeState]
    RECOMPUTE_STATE_FAILED: _ClassVar[RecomputeState]

class LifecycleStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LIFECYCLE_STAGE_UNSPECIFIED: _ClassVar[LifecycleStage]
    LIFECYCLE_STAGE_NEW: _ClassVar[LifecycleStage]
    LIFECYCLE_STAGE_ACTIVE: _ClassVar[LifecycleStage]
    LIFECYCLE_STAGE_LOYAL: _ClassVar[LifecycleStage]
    LIFECYCLE_STAGE_AT_RISK: _ClassVar[LifecycleStage]
    LIFECYCLE_STAGE_DORMANT: _ClassVar[LifecycleStage]
AGGREGATION_UNSPECIFIED: Aggregation
AGGREGATION_COUNT: Aggregation
AGGREGATION_SUM: Aggregation
AGGREGATION_AVG: Aggregation
AGGREGATION_MIN: Aggregation
AGGREGATION_MAX: Aggregation
AGGREGATION_FIRST: Aggregation
AGGREGATION_LAST: Aggregation
AGGREGATION_DISTINCT_COUNT: Aggregation
AGGREGATION_EXISTS: Aggregation
MEMBERSHIP_CHANGE_REASON_UNSPECIFIED: MembershipChangeReason
MEMBERSHIP_CHANGE_REASON_EVENT: MembershipChangeReason
MEMBERSHIP_CHANGE_REASON_WINDOW_EXPIRED: MembershipChangeReason
MEMBERSHIP_CHANGE_REASON_RECOMPUTE: MembershipChangeReason
MEMBERSHIP_CHANGE_REASON_MERGED: MembershipChangeReason
MEMBERSHIP_CHANGE_REASON_ERASED: MembershipChangeReason
RECOMPUTE_STATE_UNSPECIFIED: RecomputeState
RECOMPUTE_STATE_RUNNING: RecomputeState
RECOMPUTE_STATE_SUCCEEDED: RecomputeState
RECOMPUTE_STATE_FAILED: RecomputeState
LIFECYCLE_STAGE_UNSPECIFIED: LifecycleStage
LIFECYCLE_STAGE_NEW: LifecycleStage
LIFECYCLE_STAGE_ACTIVE: LifecycleStage
LIFECYCLE_STAGE_LOYAL: LifecycleStage
LIFECYCLE_STAGE_AT_RISK: LifecycleStage
LIFECYCLE_STAGE_DORMANT: LifecycleStage

class Segment(_message.Message):
    __slots__ = ("segment_id", "display_name", "expression", "version", "create_time", "update_time", "depends_on_segment_ids", "depends_on_computed_traits")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DEPENDS_ON_SEGMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    DEPENDS_ON_COMPUTED_TRAITS_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    display_name: str
    expression: str
    version: int
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    depends_on_segment_ids: _containers.RepeatedScalarFieldContainer[str]
    depends_on_computed_traits: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, segment_id: _Optional[str] = ..., display_name: _Optional[str] = ..., expression: _Optional[str] = ..., version: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., depends_on_segment_ids: _Optional[_Iterable[str]] = ..., depends_on_computed_traits: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateSegmentRequest(_message.Message):
    __slots__ = ("segment", "idempotency_key")
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    segment: Segment
    idempotency_key: str
    def __init__(self, segment: _Optional[_Union[Segment, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateSegmentResponse(_message.Message):
    __slots__ = ("segment", "recompute")
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    RECOMPUTE_FIELD_NUMBER: _ClassVar[int]
    segment: Segment
    recompute: Recompute
    def __init__(self, segment: _Optional[_Union[Segment, _Mapping]] = ..., recompute: _Optional[_Union[Recompute, _Mapping]] = ...) -> None: ...

class GetSegmentRequest(_message.Message):
    __slots__ = ("segment_id", "version")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    version: int
    def __init__(self, segment_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetSegmentResponse(_message.Message):
    __slots__ = ("segment",)
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    segment: Segment
    def __init__(self, segment: _Optional[_Union[Segment, _Mapping]] = ...) -> None: ...

class GetMembershipsRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class GetMembershipsResponse(_message.Message):
    __slots__ = ("memberships",)
    MEMBERSHIPS_FIELD_NUMBER: _ClassVar[int]
    memberships: _containers.RepeatedCompositeFieldContainer[Membership]
    def __init__(self, memberships: _Optional[_Iterable[_Union[Membership, _Mapping]]] = ...) -> None: ...

class Membership(_message.Message):
    __slots__ = ("segment_id", "display_name", "enter_time")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ENTER_TIME_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    display_name: str
    enter_time: _timestamp_pb2.Timestamp
    def __init__(self, segment_id: _Optional[str] = ..., display_name: _Optional[str] = ..., enter_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UpdateSegmentRequest(_message.Message):
    __slots__ = ("segment", "expected_version")
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    segment: Segment
    expected_version: int
    def __init__(self, segment: _Optional[_Union[Segment, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class UpdateSegmentResponse(_message.Message):
    __slots__ = ("segment", "recompute")
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    RECOMPUTE_FIELD_NUMBER: _ClassVar[int]
    segment: Segment
    recompute: Recompute
    def __init__(self, segment: _Optional[_Union[Segment, _Mapping]] = ..., recompute: _Optional[_Union[Recompute, _Mapping]] = ...) -> None: ...

class ListSegmentsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSegmentsResponse(_message.Message):
    __slots__ = ("segments",)
    SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    segments: _containers.RepeatedCompositeFieldContainer[Segment]
    def __init__(self, segments: _Optional[_Iterable[_Union[Segment, _Mapping]]] = ...) -> None: ...

class ListSegmentVersionsRequest(_message.Message):
    __slots__ = ("segment_id",)
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    def __init__(self, segment_id: _Optional[str] = ...) -> None: ...

class ListSegmentVersionsResponse(_message.Message):
    __slots__ = ("versions",)
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    versions: _containers.RepeatedCompositeFieldContainer[Segment]
    def __init__(self, versions: _Optional[_Iterable[_Union[Segment, _Mapping]]] = ...) -> None: ...

class ComputedTrait(_message.Message):
    __slots__ = ("computed_trait_id", "name", "aggregation", "event_type", "property", "filter", "window", "create_time")
    COMPUTED_TRAIT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    computed_trait_id: str
    name: str
    aggregation: Aggregation
    event_type: str
    property: str
    filter: str
    window: _duration_pb2.Duration
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, computed_trait_id: _Optional[str] = ..., name: _Optional[str] = ..., aggregation: _Optional[_Union[Aggregation, str]] = ..., event_type: _Optional[str] = ..., property: _Optional[str] = ..., filter: _Optional[str] = ..., window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateComputedTraitRequest(_message.Message):
    __slots__ = ("computed_trait", "idempotency_key")
    COMPUTED_TRAIT_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    computed_trait: ComputedTrait
    idempotency_key: str
    def __init__(self, computed_trait: _Optional[_Union[ComputedTrait, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateComputedTraitResponse(_message.Message):
    __slots__ = ("computed_trait",)
    COMPUTED_TRAIT_FIELD_NUMBER: _ClassVar[int]
    computed_trait: ComputedTrait
    def __init__(self, computed_trait: _Optional[_Union[ComputedTrait, _Mapping]] = ...) -> None: ...

class GetComputedTraitRequest(_message.Message):
    __slots__ = ("computed_trait_id",)
    COMPUTED_TRAIT_ID_FIELD_NUMBER: _ClassVar[int]
    computed_trait_id: str
    def __init__(self, computed_trait_id: _Optional[str] = ...) -> None: ...

class GetComputedTraitResponse(_message.Message):
    __slots__ = ("computed_trait",)
    COMPUTED_TRAIT_FIELD_NUMBER: _ClassVar[int]
    computed_trait: ComputedTrait
    def __init__(self, computed_trait: _Optional[_Union[ComputedTrait, _Mapping]] = ...) -> None: ...

class ListComputedTraitsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListComputedTraitsResponse(_message.Message):
    __slots__ = ("computed_traits",)
    COMPUTED_TRAITS_FIELD_NUMBER: _ClassVar[int]
    computed_traits: _containers.RepeatedCompositeFieldContainer[ComputedTrait]
    def __init__(self, computed_traits: _Optional[_Iterable[_Union[ComputedTrait, _Mapping]]] = ...) -> None: ...

class GetComputedTraitValuesRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class GetComputedTraitValuesResponse(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _struct_pb2.Struct
    def __init__(self, values: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListMembersRequest(_message.Message):
    __slots__ = ("segment_id", "batch_size")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    batch_size: int
    def __init__(self, segment_id: _Optional[str] = ..., batch_size: _Optional[int] = ...) -> None: ...

class Member(_message.Message):
    __slots__ = ("customer_id", "enter_time")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    ENTER_TIME_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    enter_time: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., enter_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListMembersResponse(_message.Message):
    __slots__ = ("members",)
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[Member]
    def __init__(self, members: _Optional[_Iterable[_Union[Member, _Mapping]]] = ...) -> None: ...

class MembershipTransition(_message.Message):
    __slots__ = ("customer_id", "segment_id", "entered", "reason", "segment_version", "time", "cause_event_id")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTERED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    CAUSE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    segment_id: str
    entered: bool
    reason: MembershipChangeReason
    segment_version: int
    time: _timestamp_pb2.Timestamp
    cause_event_id: str
    def __init__(self, customer_id: _Optional[str] = ..., segment_id: _Optional[str] = ..., entered: _Optional[bool] = ..., reason: _Optional[_Union[MembershipChangeReason, str]] = ..., segment_version: _Optional[int] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cause_event_id: _Optional[str] = ...) -> None: ...

class WatchMembershipRequest(_message.Message):
    __slots__ = ("segment_id", "customer_id", "after_cursor")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    customer_id: str
    after_cursor: str
    def __init__(self, segment_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., after_cursor: _Optional[str] = ...) -> None: ...

class WatchMembershipResponse(_message.Message):
    __slots__ = ("transition", "cursor")
    TRANSITION_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    transition: MembershipTransition
    cursor: str
    def __init__(self, transition: _Optional[_Union[MembershipTransition, _Mapping]] = ..., cursor: _Optional[str] = ...) -> None: ...

class GetSegmentSizeHistoryRequest(_message.Message):
    __slots__ = ("segment_id", "days")
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    days: int
    def __init__(self, segment_id: _Optional[str] = ..., days: _Optional[int] = ...) -> None: ...

class DailySize(_message.Message):
    __slots__ = ("date", "size")
    DATE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    date: str
    size: int
    def __init__(self, date: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class GetSegmentSizeHistoryResponse(_message.Message):
    __slots__ = ("sizes",)
    SIZES_FIELD_NUMBER: _ClassVar[int]
    sizes: _containers.RepeatedCompositeFieldContainer[DailySize]
    def __init__(self, sizes: _Optional[_Iterable[_Union[DailySize, _Mapping]]] = ...) -> None: ...

class PreviewSegmentRequest(_message.Message):
    __slots__ = ("expression", "sample_size")
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_SIZE_FIELD_NUMBER: _ClassVar[int]
    expression: str
    sample_size: int
    def __init__(self, expression: _Optional[str] = ..., sample_size: _Optional[int] = ...) -> None: ...

class PreviewSegmentResponse(_message.Message):
    __slots__ = ("member_count", "evaluated_count", "sample_customer_ids", "error_count")
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    EVALUATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    ERROR_COUNT_FIELD_NUMBER: _ClassVar[int]
    member_count: int
    evaluated_count: int
    sample_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    error_count: int
    def __init__(self, member_count: _Optional[int] = ..., evaluated_count: _Optional[int] = ..., sample_customer_ids: _Optional[_Iterable[str]] = ..., error_count: _Optional[int] = ...) -> None: ...

class Recompute(_message.Message):
    __slots__ = ("recompute_id", "segment_id", "segment_version", "state", "total", "processed", "entered", "exited", "start_time", "finish_time", "error")
    RECOMPUTE_ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_FIELD_NUMBER: _ClassVar[int]
    ENTERED_FIELD_NUMBER: _ClassVar[int]
    EXITED_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    FINISH_TIME_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    recompute_id: str
    segment_id: str
    segment_version: int
    state: RecomputeState
    total: int
    processed: int
    entered: int
    exited: int
    start_time: _timestamp_pb2.Timestamp
    finish_time: _timestamp_pb2.Timestamp
    error: str
    def __init__(self, recompute_id: _Optional[str] = ..., segment_id: _Optional[str] = ..., segment_version: _Optional[int] = ..., state: _Optional[_Union[RecomputeState, str]] = ..., total: _Optional[int] = ..., processed: _Optional[int] = ..., entered: _Optional[int] = ..., exited: _Optional[int] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ...) -> None: ...

class RecomputeSegmentRequest(_message.Message):
    __slots__ = ("segment_id",)
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    segment_id: str
    def __init__(self, segment_id: _Optional[str] = ...) -> None: ...

class RecomputeSegmentResponse(_message.Message):
    __slots__ = ("recompute",)
    RECOMPUTE_FIELD_NUMBER: _ClassVar[int]
    recompute: Recompute
    def __init__(self, recompute: _Optional[_Union[Recompute, _Mapping]] = ...) -> None: ...

class GetRecomputeRequest(_message.Message):
    __slots__ = ("recompute_id",)
    RECOMPUTE_ID_FIELD_NUMBER: _ClassVar[int]
    recompute_id: str
    def __init__(self, recompute_id: _Optional[str] = ...) -> None: ...

class GetRecomputeResponse(_message.Message):
    __slots__ = ("recompute",)
    RECOMPUTE_FIELD_NUMBER: _ClassVar[int]
    recompute: Recompute
    def __init__(self, recompute: _Optional[_Union[Recompute, _Mapping]] = ...) -> None: ...

class LifecycleSettings(_message.Message):
    __slots__ = ("new_days", "active_days", "dormant_days", "loyal_min_orders", "rfm_refresh_interval", "update_time")
    NEW_DAYS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_DAYS_FIELD_NUMBER: _ClassVar[int]
    DORMANT_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOYAL_MIN_ORDERS_FIELD_NUMBER: _ClassVar[int]
    RFM_REFRESH_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    new_days: int
    active_days: int
    dormant_days: int
    loyal_min_orders: int
    rfm_refresh_interval: _duration_pb2.Duration
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, new_days: _Optional[int] = ..., active_days: _Optional[int] = ..., dormant_days: _Optional[int] = ..., loyal_min_orders: _Optional[int] = ..., rfm_refresh_interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetLifecycleSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetLifecycleSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: LifecycleSettings
    def __init__(self, settings: _Optional[_Union[LifecycleSettings, _Mapping]] = ...) -> None: ...

class UpdateLifecycleSettingsRequest(_message.Message):
    __slots__ = ("settings", "update_mask")
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    settings: LifecycleSettings
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, settings: _Optional[_Union[LifecycleSettings, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateLifecycleSettingsResponse(_message.Message):
    __slots__ = ("settings", "recomputes")
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    RECOMPUTES_FIELD_NUMBER: _ClassVar[int]
    settings: LifecycleSettings
    recomputes: _containers.RepeatedCompositeFieldContainer[Recompute]
    def __init__(self, settings: _Optional[_Union[LifecycleSettings, _Mapping]] = ..., recomputes: _Optional[_Iterable[_Union[Recompute, _Mapping]]] = ...) -> None: ...

class RfmScore(_message.Message):
    __slots__ = ("recency", "frequency", "monetary")
    RECENCY_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    MONETARY_FIELD_NUMBER: _ClassVar[int]
    recency: int
    frequency: int
    monetary: int
    def __init__(self, recency: _Optional[int] = ..., frequency: _Optional[int] = ..., monetary: _Optional[int] = ...) -> None: ...

class CustomerBuiltins(_message.Message):
    __slots__ = ("customer_id", "lifecycle_stage", "rfm", "orders", "revenue", "last_purchase_time", "first_seen_time")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    LIFECYCLE_STAGE_FIELD_NUMBER: _ClassVar[int]
    RFM_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    LAST_PURCHASE_TIME_FIELD_NUMBER: _ClassVar[int]
    FIRST_SEEN_TIME_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    lifecycle_stage: LifecycleStage
    rfm: RfmScore
    orders: int
    revenue: float
    last_purchase_time: _timestamp_pb2.Timestamp
    first_seen_time: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., lifecycle_stage: _Optional[_Union[LifecycleStage, str]] = ..., rfm: _Optional[_Union[RfmScore, _Mapping]] = ..., orders: _Optional[int] = ..., revenue: _Optional[float] = ..., last_purchase_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., first_seen_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetCustomerBuiltinsRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class GetCustomerBuiltinsResponse(_message.Message):
    __slots__ = ("builtins",)
    BUILTINS_FIELD_NUMBER: _ClassVar[int]
    builtins: CustomerBuiltins
    def __init__(self, builtins: _Optional[_Union[CustomerBuiltins, _Mapping]] = ...) -> None: ...

class RfmModel(_message.Message):
    __slots__ = ("compute_time", "customer_count", "recency_cutoffs", "frequency_cutoffs", "monetary_cutoffs")
    COMPUTE_TIME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_COUNT_FIELD_NUMBER: _ClassVar[int]
    RECENCY_CUTOFFS_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_CUTOFFS_FIELD_NUMBER: _ClassVar[int]
    MONETARY_CUTOFFS_FIELD_NUMBER: _ClassVar[int]
    compute_time: _timestamp_pb2.Timestamp
    customer_count: int
    recency_cutoffs: _containers.RepeatedCompositeFieldContainer[_timestamp_pb2.Timestamp]
    frequency_cutoffs: _containers.RepeatedScalarFieldContainer[int]
    monetary_cutoffs: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, compute_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., customer_count: _Optional[int] = ..., recency_cutoffs: _Optional[_Iterable[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]]] = ..., frequency_cutoffs: _Optional[_Iterable[int]] = ..., monetary_cutoffs: _Optional[_Iterable[float]] = ...) -> None: ...

class RefreshRfmRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RefreshRfmResponse(_message.Message):
    __slots__ = ("model", "recomputes")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    RECOMPUTES_FIELD_NUMBER: _ClassVar[int]
    model: RfmModel
    recomputes: _containers.RepeatedCompositeFieldContainer[Recompute]
    def __init__(self, model: _Optional[_Union[RfmModel, _Mapping]] = ..., recomputes: _Optional[_Iterable[_Union[Recompute, _Mapping]]] = ...) -> None: ...

class GetRfmModelRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetRfmModelResponse(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: RfmModel
    def __init__(self, model: _Optional[_Union[RfmModel, _Mapping]] = ...) -> None: ...
