import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
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

class TraitType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAIT_TYPE_UNSPECIFIED: _ClassVar[TraitType]
    TRAIT_TYPE_STRING: _ClassVar[TraitType]
    TRAIT_TYPE_NUMBER: _ClassVar[TraitType]
    TRAIT_TYPE_INTEGER: _ClassVar[TraitType]
    TRAIT_TYPE_BOOLEAN: _ClassVar[TraitType]
    TRAIT_TYPE_TIMESTAMP: _ClassVar[TraitType]
    TRAIT_TYPE_DATE: _ClassVar[TraitType]
    TRAIT_TYPE_LIST: _ClassVar[TraitType]
    TRAIT_TYPE_OBJECT: _ClassVar[TraitType]

class ConsentPurpose(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONSENT_PURPOSE_UNSPECIFIED: _ClassVar[ConsentPurpose]
    CONSENT_PURPOSE_MARKETING: _ClassVar[ConsentPurpose]
    CONSENT_PURPOSE_TRANSACTIONAL: _ClassVar[ConsentPurpose]

class Normalization(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NORMALIZATION_UNSPECIFIED: _ClassVar[Normalization]
    NORMALIZATION_TRIM: _ClassVar[Normalization]
    NORMALIZATION_LOWERCASE: _ClassVar[Normalization]
    NORMALIZATION_EMAIL: _ClassVar[Normalization]
    NORMALIZATION_PHONE: _ClassVar[Normalization]

class SuggestionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUGGESTION_STATE_UNSPECIFIED: _ClassVar[SuggestionState]
    SUGGESTION_STATE_OPEN: _ClassVar[SuggestionState]
    SUGGESTION_STATE_ACCEPTED: _ClassVar[SuggestionState]
    SUGGESTION_STATE_REJECTED: _ClassVar[SuggestionState]

class Role(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROLE_UNSPECIFIED: _ClassVar[Role]
    ROLE_ADMIN: _ClassVar[Role]
    ROLE_MARKETER: _ClassVar[Role]
    ROLE_APPROVER: _ClassVar[Role]
    ROLE_ANALYST: _ClassVar[Role]
    ROLE_SERVICE: _ClassVar[Role]

class Weekday(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WEEKDAY_UNSPECIFIED: _ClassVar[Weekday]
    WEEKDAY_MONDAY: _ClassVar[Weekday]
    WEEKDAY_TUESDAY: _ClassVar[Weekday]
    WEEKDAY_WEDNESDAY: _ClassVar[Weekday]
    WEEKDAY_THURSDAY: _ClassVar[Weekday]
    WEEKDAY_FRIDAY: _ClassVar[Weekday]
    WEEKDAY_SATURDAY: _ClassVar[Weekday]
    WEEKDAY_SUNDAY: _ClassVar[Weekday]
TRAIT_TYPE_UNSPECIFIED: TraitType
TRAIT_TYPE_STRING: TraitType
TRAIT_TYPE_NUMBER: TraitType
TRAIT_TYPE_INTEGER: TraitType
TRAIT_TYPE_BOOLEAN: TraitType
TRAIT_TYPE_TIMESTAMP: TraitType
TRAIT_TYPE_DATE: TraitType
TRAIT_TYPE_LIST: TraitType
TRAIT_TYPE_OBJECT: TraitType
CONSENT_PURPOSE_UNSPECIFIED: ConsentPurpose
CONSENT_PURPOSE_MARKETING: ConsentPurpose
CONSENT_PURPOSE_TRANSACTIONAL: ConsentPurpose
NORMALIZATION_UNSPECIFIED: Normalization
NORMALIZATION_TRIM: Normalization
NORMALIZATION_LOWERCASE: Normalization
NORMALIZATION_EMAIL: Normalization
NORMALIZATION_PHONE: Normalization
SUGGESTION_STATE_UNSPECIFIED: SuggestionState
SUGGESTION_STATE_OPEN: SuggestionState
SUGGESTION_STATE_ACCEPTED: SuggestionState
SUGGESTION_STATE_REJECTED: SuggestionState
ROLE_UNSPECIFIED: Role
ROLE_ADMIN: Role
ROLE_MARKETER: Role
ROLE_APPROVER: Role
ROLE_ANALYST: Role
ROLE_SERVICE: Role
WEEKDAY_UNSPECIFIED: Weekday
WEEKDAY_MONDAY: Weekday
WEEKDAY_TUESDAY: Weekday
WEEKDAY_WEDNESDAY: Weekday
WEEKDAY_THURSDAY: Weekday
WEEKDAY_FRIDAY: Weekday
WEEKDAY_SATURDAY: Weekday
WEEKDAY_SUNDAY: Weekday

class TrackRequest(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _common_pb2.Event
    def __init__(self, event: _Optional[_Union[_common_pb2.Event, _Mapping]] = ...) -> None: ...

class TrackResponse(_message.Message):
    __slots__ = ("customer_id", "duplicate", "merged_customer_ids", "created", "conflict_id", "ignored_identifiers")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_ID_FIELD_NUMBER: _ClassVar[int]
    IGNORED_IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    duplicate: bool
    merged_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    created: bool
    conflict_id: str
    ignored_identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    def __init__(self, customer_id: _Optional[str] = ..., duplicate: _Optional[bool] = ..., merged_customer_ids: _Optional[_Iterable[str]] = ..., created: _Optional[bool] = ..., conflict_id: _Optional[str] = ..., ignored_identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ...) -> None: ...

class GetProfileRequest(_message.Message):
    __slots__ = ("customer_id", "read_mask")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    READ_MASK_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    read_mask: _field_mask_pb2.FieldMask
    def __init__(self, customer_id: _Optional[str] = ..., read_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class GetProfileResponse(_message.Message):
    __slots__ = ("profile",)
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    profile: Profile
    def __init__(self, profile: _Optional[_Union[Profile, _Mapping]] = ...) -> None: ...

class Profile(_message.Message):
    __slots__ = ("customer_id", "traits", "identifiers", "event_counts", "consents", "first_seen_time", "last_seen_time", "purpose_consents", "globally_unsubscribed", "trait_types", "timezone", "locale", "reachability", "purchases", "last_store", "engagement", "contact_preferences")
    class EventCountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class TraitTypesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: TraitType
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[TraitType, str]] = ...) -> None: ...
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    EVENT_COUNTS_FIELD_NUMBER: _ClassVar[int]
    CONSENTS_FIELD_NUMBER: _ClassVar[int]
    FIRST_SEEN_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_TIME_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_CONSENTS_FIELD_NUMBER: _ClassVar[int]
    GLOBALLY_UNSUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    TRAIT_TYPES_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    REACHABILITY_FIELD_NUMBER: _ClassVar[int]
    PURCHASES_FIELD_NUMBER: _ClassVar[int]
    LAST_STORE_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    traits: _struct_pb2.Struct
    identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    event_counts: _containers.ScalarMap[str, int]
    consents: _containers.RepeatedCompositeFieldContainer[Consent]
    first_seen_time: _timestamp_pb2.Timestamp
    last_seen_time: _timestamp_pb2.Timestamp
    purpose_consents: _containers.RepeatedCompositeFieldContainer[Consent]
    globally_unsubscribed: bool
    trait_types: _containers.ScalarMap[str, TraitType]
    timezone: str
    locale: str
    reachability: _containers.RepeatedCompositeFieldContainer[ChannelReachability]
    purchases: PurchaseSummary
    last_store: StoreVisit
    engagement: _containers.RepeatedCompositeFieldContainer[ChannelEngagement]
    contact_preferences: ContactPreferences
    def __init__(self, customer_id: _Optional[str] = ..., traits: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ..., event_counts: _Optional[_Mapping[str, int]] = ..., consents: _Optional[_Iterable[_Union[Consent, _Mapping]]] = ..., first_seen_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_seen_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., purpose_consents: _Optional[_Iterable[_Union[Consent, _Mapping]]] = ..., globally_unsubscribed: _Optional[bool] = ..., trait_types: _Optional[_Mapping[str, TraitType]] = ..., timezone: _Optional[str] = ..., locale: _Optional[str] = ..., reachability: _Optional[_Iterable[_Union[ChannelReachability, _Mapping]]] = ..., purchases: _Optional[_Union[PurchaseSummary, _Mapping]] = ..., last_store: _Optional[_Union[StoreVisit, _Mapping]] = ..., engagement: _Optional[_Iterable[_Union[ChannelEngagement, _Mapping]]] = ..., contact_preferences: _Optional[_Union[ContactPreferences, _Mapping]] = ...) -> None: ...

class TypedTrait(_message.Message):
    __slots__ = ("name", "type", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: TraitType
    value: _struct_pb2.Value
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[TraitType, str]] = ..., value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ...) -> None: ...

class PushToken(_message.Message):
    __slots__ = ("app_id", "platform", "token", "update_time")
    APP_ID_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    app_id: str
    platform: str
    token: str
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, app_id: _Optional[str] = ..., platform: _Optional[str] = ..., token: _Optional[str] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelReachability(_message.Message):
    __slots__ = ("channel", "reachable", "addresses", "push_tokens", "reason")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    REACHABLE_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    PUSH_TOKENS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    reachable: bool
    addresses: _containers.RepeatedScalarFieldContainer[str]
    push_tokens: _containers.RepeatedCompositeFieldContainer[PushToken]
    reason: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., reachable: _Optional[bool] = ..., addresses: _Optional[_Iterable[str]] = ..., push_tokens: _Optional[_Iterable[_Union[PushToken, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class PurchaseSummary(_message.Message):
    __slots__ = ("orders", "revenue", "last_purchase_time", "product_ids")
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    LAST_PURCHASE_TIME_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    orders: int
    revenue: float
    last_purchase_time: _timestamp_pb2.Timestamp
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, orders: _Optional[int] = ..., revenue: _Optional[float] = ..., last_purchase_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., product_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class StoreVisit(_message.Message):
    __slots__ = ("store_id", "visit_time")
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    VISIT_TIME_FIELD_NUMBER: _ClassVar[int]
    store_id: str
    visit_time: _timestamp_pb2.Timestamp
    def __init__(self, store_id: _Optional[str] = ..., visit_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelEngagement(_message.Message):
    __slots__ = ("channel", "last_open_time", "last_click_time", "opens", "clicks")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LAST_OPEN_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_CLICK_TIME_FIELD_NUMBER: _ClassVar[int]
    OPENS_FIELD_NUMBER: _ClassVar[int]
    CLICKS_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    last_open_time: _timestamp_pb2.Timestamp
    last_click_time: _timestamp_pb2.Timestamp
    opens: int
    clicks: int
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., last_open_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_click_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., opens: _Optional[int] = ..., clicks: _Optional[int] = ...) -> None: ...

class Consent(_message.Message):
    __slots__ = ("channel", "granted", "update_time", "purpose", "source", "proof")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    granted: bool
    update_time: _timestamp_pb2.Timestamp
    purpose: ConsentPurpose
    source: str
    proof: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., granted: _Optional[bool] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., purpose: _Optional[_Union[ConsentPurpose, str]] = ..., source: _Optional[str] = ..., proof: _Optional[str] = ...) -> None: ...

class UpdateConsentRequest(_message.Message):
    __slots__ = ("customer_id", "channel", "granted", "idempotency_key", "purpose", "source", "proof")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    channel: _common_pb2.DeliveryChannel
    granted: bool
    idempotency_key: str
    purpose: ConsentPurpose
    source: str
    proof: str
    def __init__(self, customer_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., granted: _Optional[bool] = ..., idempotency_key: _Optional[str] = ..., purpose: _Optional[_Union[ConsentPurpose, str]] = ..., source: _Optional[str] = ..., proof: _Optional[str] = ...) -> None: ...

class UpdateConsentResponse(_message.Message):
    __slots__ = ("consent",)
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    consent: Consent
    def __init__(self, consent: _Optional[_Union[Consent, _Mapping]] = ...) -> None: ...

class GetMergeHistoryRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class GetMergeHistoryResponse(_message.Message):
    __slots__ = ("merges", "conflicts")
    MERGES_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    merges: _containers.RepeatedCompositeFieldContainer[Merge]
    conflicts: _containers.RepeatedCompositeFieldContainer[Conflict]
    def __init__(self, merges: _Optional[_Iterable[_Union[Merge, _Mapping]]] = ..., conflicts: _Optional[_Iterable[_Union[Conflict, _Mapping]]] = ...) -> None: ...

class Merge(_message.Message):
    __slots__ = ("merge_id", "customer_id", "merged_customer_id", "rule", "event_id", "identifiers", "create_time", "actor", "reason", "unmerge_time", "unmerge_actor")
    MERGE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    UNMERGE_TIME_FIELD_NUMBER: _ClassVar[int]
    UNMERGE_ACTOR_FIELD_NUMBER: _ClassVar[int]
    merge_id: str
    customer_id: str
    merged_customer_id: str
    rule: str
    event_id: str
    identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    create_time: _timestamp_pb2.Timestamp
    actor: str
    reason: str
    unmerge_time: _timestamp_pb2.Timestamp
    unmerge_actor: str
    def __init__(self, merge_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., merged_customer_id: _Optional[str] = ..., rule: _Optional[str] = ..., event_id: _Optional[str] = ..., identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ..., reason: _Optional[str] = ..., unmerge_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., unmerge_actor: _Optional[str] = ...) -> None: ...

class Conflict(_message.Message):
    __slots__ = ("conflict_id", "event_id", "customer_id", "other_customer_ids", "identifiers", "rule", "reason", "create_time", "ignored_identifiers")
    CONFLICT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OTHER_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    IGNORED_IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    conflict_id: str
    event_id: str
    customer_id: str
    other_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    rule: str
    reason: str
    create_time: _timestamp_pb2.Timestamp
    ignored_identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    def __init__(self, conflict_id: _Optional[str] = ..., event_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., other_customer_ids: _Optional[_Iterable[str]] = ..., identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ..., rule: _Optional[str] = ..., reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., ignored_identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ...) -> None: ...

class IdentifierTypeRule(_message.Message):
    __slots__ = ("name", "priority", "max_per_profile", "blocked_values", "normalization")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    MAX_PER_PROFILE_FIELD_NUMBER: _ClassVar[int]
    BLOCKED_VALUES_FIELD_NUMBER: _ClassVar[int]
    NORMALIZATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    priority: int
    max_per_profile: int
    blocked_values: _containers.RepeatedScalarFieldContainer[str]
    normalization: Normalization
    def __init__(self, name: _Optional[str] = ..., priority: _Optional[int] = ..., max_per_profile: _Optional[int] = ..., blocked_values: _Optional[_Iterable[str]] = ..., normalization: _Optional[_Union[Normalization, str]] = ...) -> None: ...

class IdentityRules(_message.Message):
    __slots__ = ("identifier_types", "max_identifiers_per_profile", "max_merges_per_profile", "default_phone_region", "update_time")
    IDENTIFIER_TYPES_FIELD_NUMBER: _ClassVar[int]
    MAX_IDENTIFIERS_PER_PROFILE_FIELD_NUMBER: _ClassVar[int]
    MAX_MERGES_PER_PROFILE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_PHONE_REGION_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    identifier_types: _containers.RepeatedCompositeFieldContainer[IdentifierTypeRule]
    max_identifiers_per_profile: int
    max_merges_per_profile: int
    default_phone_region: str
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, identifier_types: _Optional[_Iterable[_Union[IdentifierTypeRule, _Mapping]]] = ..., max_identifiers_per_profile: _Optional[int] = ..., max_merges_per_profile: _Optional[int] = ..., default_phone_region: _Optional[str] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetIdentityRulesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetIdentityRulesResponse(_message.Message):
    __slots__ = ("rules",)
    RULES_FIELD_NUMBER: _ClassVar[int]
    rules: IdentityRules
    def __init__(self, rules: _Optional[_Union[IdentityRules, _Mapping]] = ...) -> None: ...

class UpdateIdentityRulesRequest(_message.Message):
    __slots__ = ("rules", "update_mask")
    RULES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    rules: IdentityRules
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, rules: _Optional[_Union[IdentityRules, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateIdentityRulesResponse(_message.Message):
    __slots__ = ("rules",)
    RULES_FIELD_NUMBER: _ClassVar[int]
    rules: IdentityRules
    def __init__(self, rules: _Optional[_Union[IdentityRules, _Mapping]] = ...) -> None: ...

class TrackBatchRequest(_message.Message):
    __slots__ = ("events",)
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[_common_pb2.Event]
    def __init__(self, events: _Optional[_Iterable[_Union[_common_pb2.Event, _Mapping]]] = ...) -> None: ...

class TrackError(_message.Message):
    __slots__ = ("code", "field", "message")
    CODE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: str
    field: str
    message: str
    def __init__(self, code: _Optional[str] = ..., field: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class TrackResult(_message.Message):
    __slots__ = ("index", "event_id", "accepted", "error")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    index: int
    event_id: str
    accepted: TrackResponse
    error: TrackError
    def __init__(self, index: _Optional[int] = ..., event_id: _Optional[str] = ..., accepted: _Optional[_Union[TrackResponse, _Mapping]] = ..., error: _Optional[_Union[TrackError, _Mapping]] = ...) -> None: ...

class TrackBatchResponse(_message.Message):
    __slots__ = ("results", "accepted_count", "failed_count")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[TrackResult]
    accepted_count: int
    failed_count: int
    def __init__(self, results: _Optional[_Iterable[_Union[TrackResult, _Mapping]]] = ..., accepted_count: _Optional[int] = ..., failed_count: _Optional[int] = ...) -> None: ...

class ListEventsRequest(_message.Message):
    __slots__ = ("customer_id", "types", "page_size", "page_token")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    types: _containers.RepeatedScalarFieldContainer[str]
    page_size: int
    page_token: str
    def __init__(self, customer_id: _Optional[str] = ..., types: _Optional[_Iterable[str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class TimelineEvent(_message.Message):
    __slots__ = ("event", "customer_id", "receive_time")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    event: _common_pb2.Event
    customer_id: str
    receive_time: _timestamp_pb2.Timestamp
    def __init__(self, event: _Optional[_Union[_common_pb2.Event, _Mapping]] = ..., customer_id: _Optional[str] = ..., receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListEventsResponse(_message.Message):
    __slots__ = ("events", "next_page_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[TimelineEvent]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[TimelineEvent, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListConflictsRequest(_message.Message):
    __slots__ = ("customer_id", "page_size", "page_token")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page_size: int
    page_token: str
    def __init__(self, customer_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListConflictsResponse(_message.Message):
    __slots__ = ("conflicts", "next_page_token")
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    conflicts: _containers.RepeatedCompositeFieldContainer[Conflict]
    next_page_token: str
    def __init__(self, conflicts: _Optional[_Iterable[_Union[Conflict, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class MergeCustomersRequest(_message.Message):
    __slots__ = ("customer_id", "merged_customer_id", "reason", "idempotency_key")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    merged_customer_id: str
    reason: str
    idempotency_key: str
    def __init__(self, customer_id: _Optional[str] = ..., merged_customer_id: _Optional[str] = ..., reason: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class MergeCustomersResponse(_message.Message):
    __slots__ = ("merge",)
    MERGE_FIELD_NUMBER: _ClassVar[int]
    merge: Merge
    def __init__(self, merge: _Optional[_Union[Merge, _Mapping]] = ...) -> None: ...

class UnmergeRequest(_message.Message):
    __slots__ = ("merge_id",)
    MERGE_ID_FIELD_NUMBER: _ClassVar[int]
    merge_id: str
    def __init__(self, merge_id: _Optional[str] = ...) -> None: ...

class UnmergeResponse(_message.Message):
    __slots__ = ("merge", "restored_identifiers", "restored_event_count")
    MERGE_FIELD_NUMBER: _ClassVar[int]
    RESTORED_IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    RESTORED_EVENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    merge: Merge
    restored_identifiers: _containers.RepeatedCompositeFieldContainer[_common_pb2.Identifier]
    restored_event_count: int
    def __init__(self, merge: _Optional[_Union[Merge, _Mapping]] = ..., restored_identifiers: _Optional[_Iterable[_Union[_common_pb2.Identifier, _Mapping]]] = ..., restored_event_count: _Optional[int] = ...) -> None: ...

class EraseCustomerRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class EraseCustomerResponse(_message.Message):
    __slots__ = ("erasure_id", "customer_ids")
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    erasure_id: str
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, erasure_id: _Optional[str] = ..., customer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ExportCustomerRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class ExportCustomerResponse(_message.Message):
    __slots__ = ("json",)
    JSON_FIELD_NUMBER: _ClassVar[int]
    json: str
    def __init__(self, json: _Optional[str] = ...) -> None: ...

class UpdateGlobalUnsubscribeRequest(_message.Message):
    __slots__ = ("customer_id", "unsubscribed", "source", "proof")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    UNSUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    unsubscribed: bool
    source: str
    proof: str
    def __init__(self, customer_id: _Optional[str] = ..., unsubscribed: _Optional[bool] = ..., source: _Optional[str] = ..., proof: _Optional[str] = ...) -> None: ...

class UpdateGlobalUnsubscribeResponse(_message.Message):
    __slots__ = ("unsubscribed", "update_time")
    UNSUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    unsubscribed: bool
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, unsubscribed: _Optional[bool] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListConsentHistoryRequest(_message.Message):
    __slots__ = ("customer_id", "page_size", "page_token")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page_size: int
    page_token: str
    def __init__(self, customer_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ConsentRecord(_message.Message):
    __slots__ = ("record_id", "channel", "purpose", "granted", "source", "proof", "create_time", "actor")
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    channel: _common_pb2.DeliveryChannel
    purpose: ConsentPurpose
    granted: bool
    source: str
    proof: str
    create_time: _timestamp_pb2.Timestamp
    actor: str
    def __init__(self, record_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., purpose: _Optional[_Union[ConsentPurpose, str]] = ..., granted: _Optional[bool] = ..., source: _Optional[str] = ..., proof: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ..., **kwargs) -> None: ...

class ListConsentHistoryResponse(_message.Message):
    __slots__ = ("records", "next_page_token")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[ConsentRecord]
    next_page_token: str
    def __init__(self, records: _Optional[_Iterable[_Union[ConsentRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class IdentifyRequest(_message.Message):
    __slots__ = ("customer_id", "identifier", "traits", "unset_traits", "idempotency_key", "time")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    UNSET_TRAITS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    identifier: _common_pb2.Identifier
    traits: _containers.RepeatedCompositeFieldContainer[TypedTrait]
    unset_traits: _containers.RepeatedScalarFieldContainer[str]
    idempotency_key: str
    time: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., identifier: _Optional[_Union[_common_pb2.Identifier, _Mapping]] = ..., traits: _Optional[_Iterable[_Union[TypedTrait, _Mapping]]] = ..., unset_traits: _Optional[_Iterable[str]] = ..., idempotency_key: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IdentifyResponse(_message.Message):
    __slots__ = ("customer_id", "duplicate", "traits", "unset_traits")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    UNSET_TRAITS_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    duplicate: bool
    traits: _containers.RepeatedCompositeFieldContainer[TypedTrait]
    unset_traits: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer_id: _Optional[str] = ..., duplicate: _Optional[bool] = ..., traits: _Optional[_Iterable[_Union[TypedTrait, _Mapping]]] = ..., unset_traits: _Optional[_Iterable[str]] = ...) -> None: ...

class MatchSignal(_message.Message):
    __slots__ = ("kind", "similarity", "detail")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    kind: str
    similarity: float
    detail: str
    def __init__(self, kind: _Optional[str] = ..., similarity: _Optional[float] = ..., detail: _Optional[str] = ...) -> None: ...

class MatchSuggestion(_message.Message):
    __slots__ = ("suggestion_id", "customer_id", "other_customer_id", "score", "signals", "state", "create_time", "update_time", "merge_id", "decided_by", "reason")
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OTHER_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SIGNALS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    MERGE_ID_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    suggestion_id: str
    customer_id: str
    other_customer_id: str
    score: float
    signals: _containers.RepeatedCompositeFieldContainer[MatchSignal]
    state: SuggestionState
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    merge_id: str
    decided_by: str
    reason: str
    def __init__(self, suggestion_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., other_customer_id: _Optional[str] = ..., score: _Optional[float] = ..., signals: _Optional[_Iterable[_Union[MatchSignal, _Mapping]]] = ..., state: _Optional[_Union[SuggestionState, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., merge_id: _Optional[str] = ..., decided_by: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListMatchSuggestionsRequest(_message.Message):
    __slots__ = ("customer_id", "state", "page_size", "page_token")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    state: SuggestionState
    page_size: int
    page_token: str
    def __init__(self, customer_id: _Optional[str] = ..., state: _Optional[_Union[SuggestionState, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListMatchSuggestionsResponse(_message.Message):
    __slots__ = ("suggestions", "next_page_token")
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    suggestions: _containers.RepeatedCompositeFieldContainer[MatchSuggestion]
    next_page_token: str
    def __init__(self, suggestions: _Optional[_Iterable[_Union[MatchSuggestion, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class AcceptSuggestionRequest(_message.Message):
    __slots__ = ("suggestion_id", "reason")
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    suggestion_id: str
    reason: str
    def __init__(self, suggestion_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AcceptSuggestionResponse(_message.Message):
    __slots__ = ("suggestion", "merge")
    SUGGESTION_FIELD_NUMBER: _ClassVar[int]
    MERGE_FIELD_NUMBER: _ClassVar[int]
    suggestion: MatchSuggestion
    merge: Merge
    def __init__(self, suggestion: _Optional[_Union[MatchSuggestion, _Mapping]] = ..., merge: _Optional[_Union[Merge, _Mapping]] = ...) -> None: ...

class RejectSuggestionRequest(_message.Message):
    __slots__ = ("suggestion_id", "reason")
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    suggestion_id: str
    reason: str
    def __init__(self, suggestion_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RejectSuggestionResponse(_message.Message):
    __slots__ = ("suggestion",)
    SUGGESTION_FIELD_NUMBER: _ClassVar[int]
    suggestion: MatchSuggestion
    def __init__(self, suggestion: _Optional[_Union[MatchSuggestion, _Mapping]] = ...) -> None: ...

class ApiKey(_message.Message):
    __slots__ = ("key_id", "name", "role", "secret_prefix", "create_time", "created_by", "rotate_time", "revoke_time", "previous_secret_expire_time")
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    SECRET_PREFIX_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    ROTATE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_SECRET_EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    name: str
    role: Role
    secret_prefix: str
    create_time: _timestamp_pb2.Timestamp
    created_by: str
    rotate_time: _timestamp_pb2.Timestamp
    revoke_time: _timestamp_pb2.Timestamp
    previous_secret_expire_time: _timestamp_pb2.Timestamp
    def __init__(self, key_id: _Optional[str] = ..., name: _Optional[str] = ..., role: _Optional[_Union[Role, str]] = ..., secret_prefix: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., rotate_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., previous_secret_expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateApiKeyRequest(_message.Message):
    __slots__ = ("name", "role")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    role: Role
    def __init__(self, name: _Optional[str] = ..., role: _Optional[_Union[Role, str]] = ...) -> None: ...

class CreateApiKeyResponse(_message.Message):
    __slots__ = ("key", "secret")
    KEY_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    key: ApiKey
    secret: str
    def __init__(self, key: _Optional[_Union[ApiKey, _Mapping]] = ..., secret: _Optional[str] = ...) -> None: ...

class ListApiKeysRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "include_revoked")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_REVOKED_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    include_revoked: bool
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., include_revoked: _Optional[bool] = ...) -> None: ...

class ListApiKeysResponse(_message.Message):
    __slots__ = ("keys", "next_page_token")
    KEYS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[ApiKey]
    next_page_token: str
    def __init__(self, keys: _Optional[_Iterable[_Union[ApiKey, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RotateApiKeyRequest(_message.Message):
    __slots__ = ("key_id", "grace_period")
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    GRACE_PERIOD_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    grace_period: _duration_pb2.Duration
    def __init__(self, key_id: _Optional[str] = ..., grace_period: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class RotateApiKeyResponse(_message.Message):
    __slots__ = ("key", "secret")
    KEY_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    key: ApiKey
    secret: str
    def __init__(self, key: _Optional[_Union[ApiKey, _Mapping]] = ..., secret: _Optional[str] = ...) -> None: ...

class RevokeApiKeyRequest(_message.Message):
    __slots__ = ("key_id",)
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    def __init__(self, key_id: _Optional[str] = ...) -> None: ...

class RevokeApiKeyResponse(_message.Message):
    __slots__ = ("key",)
    KEY_FIELD_NUMBER: _ClassVar[int]
    key: ApiKey
    def __init__(self, key: _Optional[_Union[ApiKey, _Mapping]] = ...) -> None: ...

class AuditEntry(_message.Message):
    __slots__ = ("audit_id", "actor_key_id", "actor_role", "action", "resource_type", "resource_id", "before", "after", "time", "service")
    AUDIT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    audit_id: str
    actor_key_id: str
    actor_role: str
    action: str
    resource_type: str
    resource_id: str
    before: _struct_pb2.Value
    after: _struct_pb2.Value
    time: _timestamp_pb2.Timestamp
    service: str
    def __init__(self, audit_id: _Optional[str] = ..., actor_key_id: _Optional[str] = ..., actor_role: _Optional[str] = ..., action: _Optional[str] = ..., resource_type: _Optional[str] = ..., resource_id: _Optional[str] = ..., before: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., after: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., service: _Optional[str] = ...) -> None: ...

class ListAuditLogRequest(_message.Message):
    __slots__ = ("resource_type", "resource_id", "actor_key_id", "start_time", "end_time", "page_size", "page_token")
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    resource_type: str
    resource_id: str
    actor_key_id: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, resource_type: _Optional[str] = ..., resource_id: _Optional[str] = ..., actor_key_id: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAuditLogResponse(_message.Message):
    __slots__ = ("entries", "next_page_token")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[AuditEntry]
    next_page_token: str
    def __init__(self, entries: _Optional[_Iterable[_Union[AuditEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CustomerQuietHours(_message.Message):
    __slots__ = ("start_minute", "end_minute", "weekdays")
    START_MINUTE_FIELD_NUMBER: _ClassVar[int]
    END_MINUTE_FIELD_NUMBER: _ClassVar[int]
    WEEKDAYS_FIELD_NUMBER: _ClassVar[int]
    start_minute: int
    end_minute: int
    weekdays: _containers.RepeatedScalarFieldContainer[Weekday]
    def __init__(self, start_minute: _Optional[int] = ..., end_minute: _Optional[int] = ..., weekdays: _Optional[_Iterable[_Union[Weekday, str]]] = ...) -> None: ...

class Snooze(_message.Message):
    __slots__ = ("channel", "until_time", "source")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    UNTIL_TIME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    until_time: _timestamp_pb2.Timestamp
    source: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., until_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[str] = ...) -> None: ...

class ContactPreferences(_message.Message):
    __slots__ = ("quiet_hours", "time_zone", "snoozes", "update_time", "source")
    QUIET_HOURS_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    SNOOZES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    quiet_hours: _containers.RepeatedCompositeFieldContainer[CustomerQuietHours]
    time_zone: str
    snoozes: _containers.RepeatedCompositeFieldContainer[Snooze]
    update_time: _timestamp_pb2.Timestamp
    source: str
    def __init__(self, quiet_hours: _Optional[_Iterable[_Union[CustomerQuietHours, _Mapping]]] = ..., time_zone: _Optional[str] = ..., snoozes: _Optional[_Iterable[_Union[Snooze, _Mapping]]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[str] = ...) -> None: ...

class SetContactPreferencesRequest(_message.Message):
    __slots__ = ("customer_id", "preferences", "update_mask", "source")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    preferences: ContactPreferences
    update_mask: _field_mask_pb2.FieldMask
    source: str
    def __init__(self, customer_id: _Optional[str] = ..., preferences: _Optional[_Union[ContactPreferences, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., source: _Optional[str] = ...) -> None: ...

class SetContactPreferencesResponse(_message.Message):
    __slots__ = ("preferences",)
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    preferences: ContactPreferences
    def __init__(self, preferences: _Optional[_Union[ContactPreferences, _Mapping]] = ...) -> None: ...

class GetContactPreferencesRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class GetContactPreferencesResponse(_message.Message):
    __slots__ = ("preferences",)
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    preferences: ContactPreferences
    def __init__(self, preferences: _Optional[_Union[ContactPreferences, _Mapping]] = ...) -> None: ...

class SnoozeContactRequest(_message.Message):
    __slots__ = ("customer_id", "channel", "until_time", "source")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    UNTIL_TIME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    channel: _common_pb2.DeliveryChannel
    until_time: _timestamp_pb2.Timestamp
    source: str
    def __init__(self, customer_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., until_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[str] = ...) -> None: ...

class SnoozeContactResponse(_message.Message):
    __slots__ = ("preferences",)
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    preferences: ContactPreferences
    def __init__(self, preferences: _Optional[_Union[ContactPreferences, _Mapping]] = ...) -> None: ...
