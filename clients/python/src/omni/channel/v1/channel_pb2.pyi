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

class TemplateReviewState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TEMPLATE_REVIEW_STATE_UNSPECIFIED: _ClassVar[TemplateReviewState]
    TEMPLATE_REVIEW_STATE_DRAFT: _ClassVar[TemplateReviewState]
    TEMPLATE_REVIEW_STATE_IN_REVIEW: _ClassVar[TemplateReviewState]
    TEMPLATE_REVIEW_STATE_APPROVED: _ClassVar[TemplateReviewState]
    TEMPLATE_REVIEW_STATE_PUBLISHED: _ClassVar[TemplateReviewState]
    TEMPLATE_REVIEW_STATE_REJECTED: _ClassVar[TemplateReviewState]

class NoSlotAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NO_SLOT_ACTION_UNSPECIFIED: _ClassVar[NoSlotAction]
    NO_SLOT_ACTION_DEFER: _ClassVar[NoSlotAction]
    NO_SLOT_ACTION_SKIP: _ClassVar[NoSlotAction]

class MessagePurpose(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MESSAGE_PURPOSE_UNSPECIFIED: _ClassVar[MessagePurpose]
    MESSAGE_PURPOSE_TRANSACTIONAL: _ClassVar[MessagePurpose]
    MESSAGE_PURPOSE_MARKETING: _ClassVar[MessagePurpose]

class SmsEncoding(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SMS_ENCODING_UNSPECIFIED: _ClassVar[SmsEncoding]
    SMS_ENCODING_GSM7: _ClassVar[SmsEncoding]
    SMS_ENCODING_UCS2: _ClassVar[SmsEncoding]

class MessageStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MESSAGE_STATUS_UNSPECIFIED: _ClassVar[MessageStatus]
    MESSAGE_STATUS_SENT: _ClassVar[MessageStatus]
    MESSAGE_STATUS_SUPPRESSED: _ClassVar[MessageStatus]
    MESSAGE_STATUS_FAILED: _ClassVar[MessageStatus]
    MESSAGE_STATUS_PENDING: _ClassVar[MessageStatus]
    MESSAGE_STATUS_SCHEDULED: _ClassVar[MessageStatus]
    MESSAGE_STATUS_DEAD_LETTER: _ClassVar[MessageStatus]

class SuppressionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUPPRESSION_REASON_UNSPECIFIED: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_NO_CONSENT: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_NO_ADDRESS: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_SUPPRESSION_LIST: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_FATIGUE_CAP: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_EXPIRED: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_FREQUENCY_RULE: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_TEMPLATE_NOT_APPROVED: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_SNOOZED: _ClassVar[SuppressionReason]

class DeferReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEFER_REASON_UNSPECIFIED: _ClassVar[DeferReason]
    DEFER_REASON_QUIET_HOURS: _ClassVar[DeferReason]
    DEFER_REASON_CUSTOMER_QUIET_HOURS: _ClassVar[DeferReason]
    DEFER_REASON_SNOOZED: _ClassVar[DeferReason]
    DEFER_REASON_FREQUENCY_RULE: _ClassVar[DeferReason]
    DEFER_REASON_THROTTLE: _ClassVar[DeferReason]

class DeliveryEventType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DELIVERY_EVENT_TYPE_UNSPECIFIED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_QUEUED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_SCHEDULED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_ATTEMPT_FAILED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_SENT: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_FAILED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_DEAD_LETTERED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_SUPPRESSED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_DELAYED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_TOKEN_INVALIDATED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_DELIVERED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_BOUNCED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_COMPLAINED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_OPENED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_CLICKED: _ClassVar[DeliveryEventType]
    DELIVERY_EVENT_TYPE_UNSUBSCRIBED: _ClassVar[DeliveryEventType]

class ProviderKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROVIDER_KIND_UNSPECIFIED: _ClassVar[ProviderKind]
    PROVIDER_KIND_SMTP: _ClassVar[ProviderKind]
    PROVIDER_KIND_TWILIO: _ClassVar[ProviderKind]
    PROVIDER_KIND_FCM: _ClassVar[ProviderKind]
    PROVIDER_KIND_STORE_WEBHOOK: _ClassVar[ProviderKind]
    PROVIDER_KIND_APNS: _ClassVar[ProviderKind]

class SuppressionListReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUPPRESSION_LIST_REASON_UNSPECIFIED: _ClassVar[SuppressionListReason]
    SUPPRESSION_LIST_REASON_HARD_BOUNCE: _ClassVar[SuppressionListReason]
    SUPPRESSION_LIST_REASON_COMPLAINT: _ClassVar[SuppressionListReason]
    SUPPRESSION_LIST_REASON_UNSUBSCRIBE: _ClassVar[SuppressionListReason]
    SUPPRESSION_LIST_REASON_MANUAL: _ClassVar[SuppressionListReason]

class CapWindow(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CAP_WINDOW_UNSPECIFIED: _ClassVar[CapWindow]
    CAP_WINDOW_DAY: _ClassVar[CapWindow]
    CAP_WINDOW_WEEK: _ClassVar[CapWindow]

class CouponState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COUPON_STATE_UNSPECIFIED: _ClassVar[CouponState]
    COUPON_STATE_ISSUED: _ClassVar[CouponState]
    COUPON_STATE_REDEEMED: _ClassVar[CouponState]
    COUPON_STATE_EXPIRED: _ClassVar[CouponState]

class TemplateVariantChange(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TEMPLATE_VARIANT_CHANGE_UNSPECIFIED: _ClassVar[TemplateVariantChange]
    TEMPLATE_VARIANT_CHANGE_ADDED: _ClassVar[TemplateVariantChange]
    TEMPLATE_VARIANT_CHANGE_REMOVED: _ClassVar[TemplateVariantChange]
    TEMPLATE_VARIANT_CHANGE_CHANGED: _ClassVar[TemplateVariantChange]
TEMPLATE_REVIEW_STATE_UNSPECIFIED: TemplateReviewState
TEMPLATE_REVIEW_STATE_DRAFT: TemplateReviewState
TEMPLATE_REVIEW_STATE_IN_REVIEW: TemplateReviewState
TEMPLATE_REVIEW_STATE_APPROVED: TemplateReviewState
TEMPLATE_REVIEW_STATE_PUBLISHED: TemplateReviewState
TEMPLATE_REVIEW_STATE_REJECTED: TemplateReviewState
NO_SLOT_ACTION_UNSPECIFIED: NoSlotAction
NO_SLOT_ACTION_DEFER: NoSlotAction
NO_SLOT_ACTION_SKIP: NoSlotAction
MESSAGE_PURPOSE_UNSPECIFIED: MessagePurpose
MESSAGE_PURPOSE_TRANSACTIONAL: MessagePurpose
MESSAGE_PURPOSE_MARKETING: MessagePurpose
SMS_ENCODING_UNSPECIFIED: SmsEncoding
SMS_ENCODING_GSM7: SmsEncoding
SMS_ENCODING_UCS2: SmsEncoding
MESSAGE_STATUS_UNSPECIFIED: MessageStatus
MESSAGE_STATUS_SENT: MessageStatus
MESSAGE_STATUS_SUPPRESSED: MessageStatus
MESSAGE_STATUS_FAILED: MessageStatus
MESSAGE_STATUS_PENDING: MessageStatus
MESSAGE_STATUS_SCHEDULED: MessageStatus
MESSAGE_STATUS_DEAD_LETTER: MessageStatus
SUPPRESSION_REASON_UNSPECIFIED: SuppressionReason
SUPPRESSION_REASON_NO_CONSENT: SuppressionReason
SUPPRESSION_REASON_NO_ADDRESS: SuppressionReason
SUPPRESSION_REASON_SUPPRESSION_LIST: SuppressionReason
SUPPRESSION_REASON_FATIGUE_CAP: SuppressionReason
SUPPRESSION_REASON_EXPIRED: SuppressionReason
SUPPRESSION_REASON_FREQUENCY_RULE: SuppressionReason
SUPPRESSION_REASON_TEMPLATE_NOT_APPROVED: SuppressionReason
SUPPRESSION_REASON_SNOOZED: SuppressionReason
DEFER_REASON_UNSPECIFIED: DeferReason
DEFER_REASON_QUIET_HOURS: DeferReason
DEFER_REASON_CUSTOMER_QUIET_HOURS: DeferReason
DEFER_REASON_SNOOZED: DeferReason
DEFER_REASON_FREQUENCY_RULE: DeferReason
DEFER_REASON_THROTTLE: DeferReason
DELIVERY_EVENT_TYPE_UNSPECIFIED: DeliveryEventType
DELIVERY_EVENT_TYPE_QUEUED: DeliveryEventType
DELIVERY_EVENT_TYPE_SCHEDULED: DeliveryEventType
DELIVERY_EVENT_TYPE_ATTEMPT_FAILED: DeliveryEventType
DELIVERY_EVENT_TYPE_SENT: DeliveryEventType
DELIVERY_EVENT_TYPE_FAILED: DeliveryEventType
DELIVERY_EVENT_TYPE_DEAD_LETTERED: DeliveryEventType
DELIVERY_EVENT_TYPE_SUPPRESSED: DeliveryEventType
DELIVERY_EVENT_TYPE_DELAYED: DeliveryEventType
DELIVERY_EVENT_TYPE_TOKEN_INVALIDATED: DeliveryEventType
DELIVERY_EVENT_TYPE_DELIVERED: DeliveryEventType
DELIVERY_EVENT_TYPE_BOUNCED: DeliveryEventType
DELIVERY_EVENT_TYPE_COMPLAINED: DeliveryEventType
DELIVERY_EVENT_TYPE_OPENED: DeliveryEventType
DELIVERY_EVENT_TYPE_CLICKED: DeliveryEventType
DELIVERY_EVENT_TYPE_UNSUBSCRIBED: DeliveryEventType
PROVIDER_KIND_UNSPECIFIED: ProviderKind
PROVIDER_KIND_SMTP: ProviderKind
PROVIDER_KIND_TWILIO: ProviderKind
PROVIDER_KIND_FCM: ProviderKind
PROVIDER_KIND_STORE_WEBHOOK: ProviderKind
PROVIDER_KIND_APNS: ProviderKind
SUPPRESSION_LIST_REASON_UNSPECIFIED: SuppressionListReason
SUPPRESSION_LIST_REASON_HARD_BOUNCE: SuppressionListReason
SUPPRESSION_LIST_REASON_COMPLAINT: SuppressionListReason
SUPPRESSION_LIST_REASON_UNSUBSCRIBE: SuppressionListReason
SUPPRESSION_LIST_REASON_MANUAL: SuppressionListReason
CAP_WINDOW_UNSPECIFIED: CapWindow
CAP_WINDOW_DAY: CapWindow
CAP_WINDOW_WEEK: CapWindow
COUPON_STATE_UNSPECIFIED: CouponState
COUPON_STATE_ISSUED: CouponState
COUPON_STATE_REDEEMED: CouponState
COUPON_STATE_EXPIRED: CouponState
TEMPLATE_VARIANT_CHANGE_UNSPECIFIED: TemplateVariantChange
TEMPLATE_VARIANT_CHANGE_ADDED: TemplateVariantChange
TEMPLATE_VARIANT_CHANGE_REMOVED: TemplateVariantChange
TEMPLATE_VARIANT_CHANGE_CHANGED: TemplateVariantChange

class Template(_message.Message):
    __slots__ = ("template_id", "display_name", "channel", "subject", "body", "create_time", "variants", "sample", "html_body", "version", "review_state", "generated", "published_version", "author_key_id")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_FIELD_NUMBER: _ClassVar[int]
    HTML_BODY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATE_FIELD_NUMBER: _ClassVar[int]
    GENERATED_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_VERSION_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    display_name: str
    channel: _common_pb2.DeliveryChannel
    subject: str
    body: str
    create_time: _timestamp_pb2.Timestamp
    variants: _containers.RepeatedCompositeFieldContainer[TemplateVariant]
    sample: TemplateSample
    html_body: str
    version: int
    review_state: TemplateReviewState
    generated: bool
    published_version: int
    author_key_id: str
    def __init__(self, template_id: _Optional[str] = ..., display_name: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., variants: _Optional[_Iterable[_Union[TemplateVariant, _Mapping]]] = ..., sample: _Optional[_Union[TemplateSample, _Mapping]] = ..., html_body: _Optional[str] = ..., version: _Optional[int] = ..., review_state: _Optional[_Union[TemplateReviewState, str]] = ..., generated: _Optional[bool] = ..., published_version: _Optional[int] = ..., author_key_id: _Optional[str] = ...) -> None: ...

class TemplateVariant(_message.Message):
    __slots__ = ("channel", "locale", "subject", "body", "html_body")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    HTML_BODY_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    locale: str
    subject: str
    body: str
    html_body: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., locale: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., html_body: _Optional[str] = ...) -> None: ...

class TemplateSample(_message.Message):
    __slots__ = ("profile", "offer", "variables")
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    VARIABLES_FIELD_NUMBER: _ClassVar[int]
    profile: _struct_pb2.Struct
    offer: RenderedOffer
    variables: _struct_pb2.Struct
    def __init__(self, profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., offer: _Optional[_Union[RenderedOffer, _Mapping]] = ..., variables: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CreateTemplateRequest(_message.Message):
    __slots__ = ("template", "idempotency_key")
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    template: Template
    idempotency_key: str
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class GetTemplateRequest(_message.Message):
    __slots__ = ("template_id",)
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    def __init__(self, template_id: _Optional[str] = ...) -> None: ...

class GetTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class RenderedOffer(_message.Message):
    __slots__ = ("offer_id", "display_name", "value", "content", "decision_id")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    display_name: str
    value: float
    content: _struct_pb2.Struct
    decision_id: str
    def __init__(self, offer_id: _Optional[str] = ..., display_name: _Optional[str] = ..., value: _Optional[float] = ..., content: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., decision_id: _Optional[str] = ...) -> None: ...

class SendRequest(_message.Message):
    __slots__ = ("idempotency_key", "customer_id", "channel", "template_id", "offer", "variables", "journey_id", "run_id", "purpose", "locale", "expire_time", "campaign", "coupon", "throttle_per_minute", "priority", "on_no_slot")
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    VARIABLES_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    THROTTLE_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ON_NO_SLOT_FIELD_NUMBER: _ClassVar[int]
    idempotency_key: str
    customer_id: str
    channel: _common_pb2.DeliveryChannel
    template_id: str
    offer: RenderedOffer
    variables: _struct_pb2.Struct
    journey_id: str
    run_id: str
    purpose: MessagePurpose
    locale: str
    expire_time: _timestamp_pb2.Timestamp
    campaign: str
    coupon: CouponSpec
    throttle_per_minute: int
    priority: int
    on_no_slot: NoSlotAction
    def __init__(self, idempotency_key: _Optional[str] = ..., customer_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., template_id: _Optional[str] = ..., offer: _Optional[_Union[RenderedOffer, _Mapping]] = ..., variables: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., journey_id: _Optional[str] = ..., run_id: _Optional[str] = ..., purpose: _Optional[_Union[MessagePurpose, str]] = ..., locale: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., campaign: _Optional[str] = ..., coupon: _Optional[_Union[CouponSpec, _Mapping]] = ..., throttle_per_minute: _Optional[int] = ..., priority: _Optional[int] = ..., on_no_slot: _Optional[_Union[NoSlotAction, str]] = ...) -> None: ...

class CouponSpec(_message.Message):
    __slots__ = ("offer_id", "expire_time")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    expire_time: _timestamp_pb2.Timestamp
    def __init__(self, offer_id: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SendResponse(_message.Message):
    __slots__ = ("message",)
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message: Message
    def __init__(self, message: _Optional[_Union[Message, _Mapping]] = ...) -> None: ...

class Message(_message.Message):
    __slots__ = ("message_id", "customer_id", "channel", "template_id", "status", "suppression_reason", "recipient", "subject", "body", "error", "idempotency_key", "create_time", "journey_id", "run_id", "purpose", "locale", "attempts", "send_time", "update_time", "expire_time", "provider_message_id", "html_body", "campaign", "sms_encoding", "sms_segments", "provider", "provider_id", "defer_reason")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSION_REASON_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    SEND_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    HTML_BODY_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    SMS_ENCODING_FIELD_NUMBER: _ClassVar[int]
    SMS_SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    DEFER_REASON_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    customer_id: str
    channel: _common_pb2.DeliveryChannel
    template_id: str
    status: MessageStatus
    suppression_reason: SuppressionReason
    recipient: str
    subject: str
    body: str
    error: str
    idempotency_key: str
    create_time: _timestamp_pb2.Timestamp
    journey_id: str
    run_id: str
    purpose: MessagePurpose
    locale: str
    attempts: int
    send_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    provider_message_id: str
    html_body: str
    campaign: str
    sms_encoding: SmsEncoding
    sms_segments: int
    provider: ProviderKind
    provider_id: str
    defer_reason: DeferReason
    def __init__(self, message_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., template_id: _Optional[str] = ..., status: _Optional[_Union[MessageStatus, str]] = ..., suppression_reason: _Optional[_Union[SuppressionReason, str]] = ..., recipient: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., error: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., journey_id: _Optional[str] = ..., run_id: _Optional[str] = ..., purpose: _Optional[_Union[MessagePurpose, str]] = ..., locale: _Optional[str] = ..., attempts: _Optional[int] = ..., send_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., provider_message_id: _Optional[str] = ..., html_body: _Optional[str] = ..., campaign: _Optional[str] = ..., sms_encoding: _Optional[_Union[SmsEncoding, str]] = ..., sms_segments: _Optional[int] = ..., provider: _Optional[_Union[ProviderKind, str]] = ..., provider_id: _Optional[str] = ..., defer_reason: _Optional[_Union[DeferReason, str]] = ...) -> None: ...

class GetMessageRequest(_message.Message):
    __slots__ = ("message_id",)
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    def __init__(self, message_id: _Optional[str] = ...) -> None: ...

class GetMessageResponse(_message.Message):
    __slots__ = ("message",)
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message: Message
    def __init__(self, message: _Optional[_Union[Message, _Mapping]] = ...) -> None: ...

class ListMessagesRequest(_message.Message):
    __slots__ = ("customer_id", "page_size", "page_token", "statuses", "channel")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page_size: int
    page_token: str
    statuses: _containers.RepeatedScalarFieldContainer[MessageStatus]
    channel: _common_pb2.DeliveryChannel
    def __init__(self, customer_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[MessageStatus, str]]] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ...) -> None: ...

class ListMessagesResponse(_message.Message):
    __slots__ = ("messages", "next_page_token")
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    messages: _containers.RepeatedCompositeFieldContainer[Message]
    next_page_token: str
    def __init__(self, messages: _Optional[_Iterable[_Union[Message, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeliveryEvent(_message.Message):
    __slots__ = ("event_id", "message_id", "customer_id", "channel", "type", "status", "attempt", "error", "create_time", "next_attempt_time", "suppression_reason", "provider_message_id", "provider_id")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSION_REASON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    message_id: str
    customer_id: str
    channel: _common_pb2.DeliveryChannel
    type: DeliveryEventType
    status: MessageStatus
    attempt: int
    error: str
    create_time: _timestamp_pb2.Timestamp
    next_attempt_time: _timestamp_pb2.Timestamp
    suppression_reason: SuppressionReason
    provider_message_id: str
    provider_id: str
    def __init__(self, event_id: _Optional[str] = ..., message_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., type: _Optional[_Union[DeliveryEventType, str]] = ..., status: _Optional[_Union[MessageStatus, str]] = ..., attempt: _Optional[int] = ..., error: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., next_attempt_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., suppression_reason: _Optional[_Union[SuppressionReason, str]] = ..., provider_message_id: _Optional[str] = ..., provider_id: _Optional[str] = ...) -> None: ...

class WatchDeliveriesRequest(_message.Message):
    __slots__ = ("customer_id", "message_id", "after_event_id", "include_history")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    message_id: str
    after_event_id: str
    include_history: bool
    def __init__(self, customer_id: _Optional[str] = ..., message_id: _Optional[str] = ..., after_event_id: _Optional[str] = ..., include_history: _Optional[bool] = ...) -> None: ...

class WatchDeliveriesResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: DeliveryEvent
    def __init__(self, event: _Optional[_Union[DeliveryEvent, _Mapping]] = ...) -> None: ...

class PreviewTemplateRequest(_message.Message):
    __slots__ = ("template_id", "template", "channel", "locale", "sample", "customer_id", "version")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    template: Template
    channel: _common_pb2.DeliveryChannel
    locale: str
    sample: TemplateSample
    customer_id: str
    version: int
    def __init__(self, template_id: _Optional[str] = ..., template: _Optional[_Union[Template, _Mapping]] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., locale: _Optional[str] = ..., sample: _Optional[_Union[TemplateSample, _Mapping]] = ..., customer_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class PreviewTemplateResponse(_message.Message):
    __slots__ = ("channel", "locale", "subject", "body", "html_body", "sms_encoding", "sms_segments")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    HTML_BODY_FIELD_NUMBER: _ClassVar[int]
    SMS_ENCODING_FIELD_NUMBER: _ClassVar[int]
    SMS_SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    locale: str
    subject: str
    body: str
    html_body: str
    sms_encoding: SmsEncoding
    sms_segments: int
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., locale: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., html_body: _Optional[str] = ..., sms_encoding: _Optional[_Union[SmsEncoding, str]] = ..., sms_segments: _Optional[int] = ...) -> None: ...

class ProviderConfig(_message.Message):
    __slots__ = ("channel", "kind", "base_url", "account_id", "sender", "secret_ref", "rate_per_second", "burst", "max_attempts", "timeout", "update_time", "secret_resolved", "key_id", "topic", "provider_id", "priority", "weight", "sms_prices")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BASE_URL_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SENDER_FIELD_NUMBER: _ClassVar[int]
    SECRET_REF_FIELD_NUMBER: _ClassVar[int]
    RATE_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    BURST_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    SECRET_RESOLVED_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    SMS_PRICES_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    kind: ProviderKind
    base_url: str
    account_id: str
    sender: str
    secret_ref: str
    rate_per_second: float
    burst: int
    max_attempts: int
    timeout: _duration_pb2.Duration
    update_time: _timestamp_pb2.Timestamp
    secret_resolved: bool
    key_id: str
    topic: str
    provider_id: str
    priority: int
    weight: int
    sms_prices: _containers.RepeatedCompositeFieldContainer[SmsPrice]
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., kind: _Optional[_Union[ProviderKind, str]] = ..., base_url: _Optional[str] = ..., account_id: _Optional[str] = ..., sender: _Optional[str] = ..., secret_ref: _Optional[str] = ..., rate_per_second: _Optional[float] = ..., burst: _Optional[int] = ..., max_attempts: _Optional[int] = ..., timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., secret_resolved: _Optional[bool] = ..., key_id: _Optional[str] = ..., topic: _Optional[str] = ..., provider_id: _Optional[str] = ..., priority: _Optional[int] = ..., weight: _Optional[int] = ..., sms_prices: _Optional[_Iterable[_Union[SmsPrice, _Mapping]]] = ...) -> None: ...

class SmsPrice(_message.Message):
    __slots__ = ("prefix", "price")
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    prefix: str
    price: float
    def __init__(self, prefix: _Optional[str] = ..., price: _Optional[float] = ...) -> None: ...

class UpdateProviderConfigRequest(_message.Message):
    __slots__ = ("provider_config",)
    PROVIDER_CONFIG_FIELD_NUMBER: _ClassVar[int]
    provider_config: ProviderConfig
    def __init__(self, provider_config: _Optional[_Union[ProviderConfig, _Mapping]] = ...) -> None: ...

class UpdateProviderConfigResponse(_message.Message):
    __slots__ = ("provider_config",)
    PROVIDER_CONFIG_FIELD_NUMBER: _ClassVar[int]
    provider_config: ProviderConfig
    def __init__(self, provider_config: _Optional[_Union[ProviderConfig, _Mapping]] = ...) -> None: ...

class GetProviderConfigRequest(_message.Message):
    __slots__ = ("channel", "provider_id")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    provider_id: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., provider_id: _Optional[str] = ...) -> None: ...

class ListProviderConfigsRequest(_message.Message):
    __slots__ = ("channel",)
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ...) -> None: ...

class ListProviderConfigsResponse(_message.Message):
    __slots__ = ("provider_configs",)
    PROVIDER_CONFIGS_FIELD_NUMBER: _ClassVar[int]
    provider_configs: _containers.RepeatedCompositeFieldContainer[ProviderConfig]
    def __init__(self, provider_configs: _Optional[_Iterable[_Union[ProviderConfig, _Mapping]]] = ...) -> None: ...

class GetProviderConfigResponse(_message.Message):
    __slots__ = ("provider_config",)
    PROVIDER_CONFIG_FIELD_NUMBER: _ClassVar[int]
    provider_config: ProviderConfig
    def __init__(self, provider_config: _Optional[_Union[ProviderConfig, _Mapping]] = ...) -> None: ...

class Suppression(_message.Message):
    __slots__ = ("channel", "address", "reason", "note", "create_time")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    address: str
    reason: SuppressionListReason
    note: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., address: _Optional[str] = ..., reason: _Optional[_Union[SuppressionListReason, str]] = ..., note: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateSuppressionRequest(_message.Message):
    __slots__ = ("suppression",)
    SUPPRESSION_FIELD_NUMBER: _ClassVar[int]
    suppression: Suppression
    def __init__(self, suppression: _Optional[_Union[Suppression, _Mapping]] = ...) -> None: ...

class CreateSuppressionResponse(_message.Message):
    __slots__ = ("suppression",)
    SUPPRESSION_FIELD_NUMBER: _ClassVar[int]
    suppression: Suppression
    def __init__(self, suppression: _Optional[_Union[Suppression, _Mapping]] = ...) -> None: ...

class ListSuppressionsRequest(_message.Message):
    __slots__ = ("channel", "page_size", "page_token")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    page_size: int
    page_token: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSuppressionsResponse(_message.Message):
    __slots__ = ("suppressions", "next_page_token")
    SUPPRESSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    suppressions: _containers.RepeatedCompositeFieldContainer[Suppression]
    next_page_token: str
    def __init__(self, suppressions: _Optional[_Iterable[_Union[Suppression, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteSuppressionRequest(_message.Message):
    __slots__ = ("channel", "address")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    address: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., address: _Optional[str] = ...) -> None: ...

class DeleteSuppressionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class FatigueCap(_message.Message):
    __slots__ = ("channel", "window", "limit")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    window: CapWindow
    limit: int
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., window: _Optional[_Union[CapWindow, str]] = ..., limit: _Optional[int] = ...) -> None: ...

class QuietHours(_message.Message):
    __slots__ = ("enabled", "start_minute", "end_minute", "default_time_zone", "include_transactional")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    START_MINUTE_FIELD_NUMBER: _ClassVar[int]
    END_MINUTE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TRANSACTIONAL_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    start_minute: int
    end_minute: int
    default_time_zone: str
    include_transactional: bool
    def __init__(self, enabled: _Optional[bool] = ..., start_minute: _Optional[int] = ..., end_minute: _Optional[int] = ..., default_time_zone: _Optional[str] = ..., include_transactional: _Optional[bool] = ...) -> None: ...

class SendPolicy(_message.Message):
    __slots__ = ("quiet_hours", "caps", "update_time", "journey_throttles", "frequency_rules", "arbitration_window_ms")
    QUIET_HOURS_FIELD_NUMBER: _ClassVar[int]
    CAPS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    JOURNEY_THROTTLES_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_RULES_FIELD_NUMBER: _ClassVar[int]
    ARBITRATION_WINDOW_MS_FIELD_NUMBER: _ClassVar[int]
    quiet_hours: QuietHours
    caps: _containers.RepeatedCompositeFieldContainer[FatigueCap]
    update_time: _timestamp_pb2.Timestamp
    journey_throttles: _containers.RepeatedCompositeFieldContainer[JourneyThrottle]
    frequency_rules: _containers.RepeatedCompositeFieldContainer[FrequencyRule]
    arbitration_window_ms: int
    def __init__(self, quiet_hours: _Optional[_Union[QuietHours, _Mapping]] = ..., caps: _Optional[_Iterable[_Union[FatigueCap, _Mapping]]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., journey_throttles: _Optional[_Iterable[_Union[JourneyThrottle, _Mapping]]] = ..., frequency_rules: _Optional[_Iterable[_Union[FrequencyRule, _Mapping]]] = ..., arbitration_window_ms: _Optional[int] = ...) -> None: ...

class FrequencyRule(_message.Message):
    __slots__ = ("channels", "max", "period")
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    channels: _containers.RepeatedScalarFieldContainer[_common_pb2.DeliveryChannel]
    max: int
    period: CapWindow
    def __init__(self, channels: _Optional[_Iterable[_Union[_common_pb2.DeliveryChannel, str]]] = ..., max: _Optional[int] = ..., period: _Optional[_Union[CapWindow, str]] = ...) -> None: ...

class JourneyThrottle(_message.Message):
    __slots__ = ("journey_id", "messages_per_minute")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    messages_per_minute: int
    def __init__(self, journey_id: _Optional[str] = ..., messages_per_minute: _Optional[int] = ...) -> None: ...

class GetSendPolicyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetSendPolicyResponse(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SendPolicy
    def __init__(self, policy: _Optional[_Union[SendPolicy, _Mapping]] = ...) -> None: ...

class UpdateSendPolicyRequest(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SendPolicy
    def __init__(self, policy: _Optional[_Union[SendPolicy, _Mapping]] = ...) -> None: ...

class UpdateSendPolicyResponse(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SendPolicy
    def __init__(self, policy: _Optional[_Union[SendPolicy, _Mapping]] = ...) -> None: ...

class Coupon(_message.Message):
    __slots__ = ("code", "customer_id", "offer_id", "expire_time", "create_time", "state", "redeem_time", "redeem_store_id", "message_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REDEEM_TIME_FIELD_NUMBER: _ClassVar[int]
    REDEEM_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    customer_id: str
    offer_id: str
    expire_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    state: CouponState
    redeem_time: _timestamp_pb2.Timestamp
    redeem_store_id: str
    message_id: str
    def __init__(self, code: _Optional[str] = ..., customer_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state: _Optional[_Union[CouponState, str]] = ..., redeem_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., redeem_store_id: _Optional[str] = ..., message_id: _Optional[str] = ...) -> None: ...

class IssueCouponRequest(_message.Message):
    __slots__ = ("idempotency_key", "customer_id", "offer_id", "expire_time")
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    idempotency_key: str
    customer_id: str
    offer_id: str
    expire_time: _timestamp_pb2.Timestamp
    def __init__(self, idempotency_key: _Optional[str] = ..., customer_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IssueCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: Coupon
    def __init__(self, coupon: _Optional[_Union[Coupon, _Mapping]] = ...) -> None: ...

class RedeemCouponRequest(_message.Message):
    __slots__ = ("code", "store_id", "idempotency_key", "customer_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    store_id: str
    idempotency_key: str
    customer_id: str
    def __init__(self, code: _Optional[str] = ..., store_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., customer_id: _Optional[str] = ...) -> None: ...

class RedeemCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: Coupon
    def __init__(self, coupon: _Optional[_Union[Coupon, _Mapping]] = ...) -> None: ...

class GetCouponRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class GetCouponResponse(_message.Message):
    __slots__ = ("coupon",)
    COUPON_FIELD_NUMBER: _ClassVar[int]
    coupon: Coupon
    def __init__(self, coupon: _Optional[_Union[Coupon, _Mapping]] = ...) -> None: ...

class UpdateTemplateRequest(_message.Message):
    __slots__ = ("template_id", "template", "idempotency_key")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    template: Template
    idempotency_key: str
    def __init__(self, template_id: _Optional[str] = ..., template: _Optional[_Union[Template, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class UpdateTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class SubmitTemplateForReviewRequest(_message.Message):
    __slots__ = ("template_id", "version", "comment")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    version: int
    comment: str
    def __init__(self, template_id: _Optional[str] = ..., version: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class SubmitTemplateForReviewResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class ApproveTemplateRequest(_message.Message):
    __slots__ = ("template_id", "version", "comment")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    version: int
    comment: str
    def __init__(self, template_id: _Optional[str] = ..., version: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class ApproveTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class RejectTemplateRequest(_message.Message):
    __slots__ = ("template_id", "version", "comment")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    version: int
    comment: str
    def __init__(self, template_id: _Optional[str] = ..., version: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class RejectTemplateResponse(_message.Message):
    __slots__ = ("template",)
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    template: Template
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ...) -> None: ...

class TemplateReviewEntry(_message.Message):
    __slots__ = ("action", "from_state", "to_state", "actor_key_id", "actor_role", "comment", "time", "version")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    action: str
    from_state: TemplateReviewState
    to_state: TemplateReviewState
    actor_key_id: str
    actor_role: str
    comment: str
    time: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, action: _Optional[str] = ..., from_state: _Optional[_Union[TemplateReviewState, str]] = ..., to_state: _Optional[_Union[TemplateReviewState, str]] = ..., actor_key_id: _Optional[str] = ..., actor_role: _Optional[str] = ..., comment: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class TemplateVariantDiff(_message.Message):
    __slots__ = ("channel", "locale", "change", "fields_changed", "before", "after")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    FIELDS_CHANGED_FIELD_NUMBER: _ClassVar[int]
    BEFORE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    locale: str
    change: TemplateVariantChange
    fields_changed: _containers.RepeatedScalarFieldContainer[str]
    before: TemplateVariant
    after: TemplateVariant
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., locale: _Optional[str] = ..., change: _Optional[_Union[TemplateVariantChange, str]] = ..., fields_changed: _Optional[_Iterable[str]] = ..., before: _Optional[_Union[TemplateVariant, _Mapping]] = ..., after: _Optional[_Union[TemplateVariant, _Mapping]] = ...) -> None: ...

class TemplateDiff(_message.Message):
    __slots__ = ("base_version", "variants", "display_name_changed", "sample_changed")
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_CHANGED_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_CHANGED_FIELD_NUMBER: _ClassVar[int]
    base_version: int
    variants: _containers.RepeatedCompositeFieldContainer[TemplateVariantDiff]
    display_name_changed: bool
    sample_changed: bool
    def __init__(self, base_version: _Optional[int] = ..., variants: _Optional[_Iterable[_Union[TemplateVariantDiff, _Mapping]]] = ..., display_name_changed: _Optional[bool] = ..., sample_changed: _Optional[bool] = ...) -> None: ...

class TemplateReview(_message.Message):
    __slots__ = ("template", "approval_required", "diff", "history")
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    DIFF_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    template: Template
    approval_required: bool
    diff: TemplateDiff
    history: _containers.RepeatedCompositeFieldContainer[TemplateReviewEntry]
    def __init__(self, template: _Optional[_Union[Template, _Mapping]] = ..., approval_required: _Optional[bool] = ..., diff: _Optional[_Union[TemplateDiff, _Mapping]] = ..., history: _Optional[_Iterable[_Union[TemplateReviewEntry, _Mapping]]] = ...) -> None: ...

class GetTemplateReviewRequest(_message.Message):
    __slots__ = ("template_id", "version")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    version: int
    def __init__(self, template_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetTemplateReviewResponse(_message.Message):
    __slots__ = ("review",)
    REVIEW_FIELD_NUMBER: _ClassVar[int]
    review: TemplateReview
    def __init__(self, review: _Optional[_Union[TemplateReview, _Mapping]] = ...) -> None: ...

class ListTemplateReviewsRequest(_message.Message):
    __slots__ = ("template_id", "states", "page_size", "page_token")
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    STATES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    template_id: str
    states: _containers.RepeatedScalarFieldContainer[TemplateReviewState]
    page_size: int
    page_token: str
    def __init__(self, template_id: _Optional[str] = ..., states: _Optional[_Iterable[_Union[TemplateReviewState, str]]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListTemplateReviewsResponse(_message.Message):
    __slots__ = ("reviews", "next_page_token")
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    reviews: _containers.RepeatedCompositeFieldContainer[TemplateReview]
    next_page_token: str
    def __init__(self, reviews: _Optional[_Iterable[_Union[TemplateReview, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class TemplateReviewSettings(_message.Message):
    __slots__ = ("require_review", "four_eyes", "update_time")
    REQUIRE_REVIEW_FIELD_NUMBER: _ClassVar[int]
    FOUR_EYES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    require_review: bool
    four_eyes: bool
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, require_review: _Optional[bool] = ..., four_eyes: _Optional[bool] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetTemplateReviewSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetTemplateReviewSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: TemplateReviewSettings
    def __init__(self, settings: _Optional[_Union[TemplateReviewSettings, _Mapping]] = ...) -> None: ...

class UpdateTemplateReviewSettingsRequest(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: TemplateReviewSettings
    def __init__(self, settings: _Optional[_Union[TemplateReviewSettings, _Mapping]] = ...) -> None: ...

class UpdateTemplateReviewSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: TemplateReviewSettings
    def __init__(self, settings: _Optional[_Union[TemplateReviewSettings, _Mapping]] = ...) -> None: ...
