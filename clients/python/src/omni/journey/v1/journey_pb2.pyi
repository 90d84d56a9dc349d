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
    JOURNEY_STATE_STOPPED: _ClassVar[JourneyState]

class JourneyReviewState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOURNEY_REVIEW_STATE_UNSPECIFIED: _ClassVar[JourneyReviewState]
    JOURNEY_REVIEW_STATE_DRAFT: _ClassVar[JourneyReviewState]
    JOURNEY_REVIEW_STATE_IN_REVIEW: _ClassVar[JourneyReviewState]
    JOURNEY_REVIEW_STATE_APPROVED: _ClassVar[JourneyReviewState]
    JOURNEY_REVIEW_STATE_PUBLISHED: _ClassVar[JourneyReviewState]

class ReentryPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REENTRY_POLICY_UNSPECIFIED: _ClassVar[ReentryPolicy]
    REENTRY_POLICY_ONCE: _ClassVar[ReentryPolicy]
    REENTRY_POLICY_ONCE_PER_PERIOD: _ClassVar[ReentryPolicy]
    REENTRY_POLICY_ALWAYS: _ClassVar[ReentryPolicy]

class NoSlotAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NO_SLOT_ACTION_UNSPECIFIED: _ClassVar[NoSlotAction]
    NO_SLOT_ACTION_DEFER: _ClassVar[NoSlotAction]
    NO_SLOT_ACTION_SKIP: _ClassVar[NoSlotAction]

class ScheduleRecurrence(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SCHEDULE_RECURRENCE_UNSPECIFIED: _ClassVar[ScheduleRecurrence]
    SCHEDULE_RECURRENCE_ONCE: _ClassVar[ScheduleRecurrence]
    SCHEDULE_RECURRENCE_DAILY: _ClassVar[ScheduleRecurrence]
    SCHEDULE_RECURRENCE_WEEKLY: _ClassVar[ScheduleRecurrence]

class RunState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RUN_STATE_UNSPECIFIED: _ClassVar[RunState]
    RUN_STATE_ACTIVE: _ClassVar[RunState]
    RUN_STATE_WAITING: _ClassVar[RunState]
    RUN_STATE_COMPLETED: _ClassVar[RunState]
    RUN_STATE_FAILED: _ClassVar[RunState]
    RUN_STATE_CONVERTED: _ClassVar[RunState]
    RUN_STATE_EXITED: _ClassVar[RunState]
JOURNEY_STATE_UNSPECIFIED: JourneyState
JOURNEY_STATE_DRAFT: JourneyState
JOURNEY_STATE_PUBLISHED: JourneyState
JOURNEY_STATE_PAUSED: JourneyState
JOURNEY_STATE_STOPPED: JourneyState
JOURNEY_REVIEW_STATE_UNSPECIFIED: JourneyReviewState
JOURNEY_REVIEW_STATE_DRAFT: JourneyReviewState
JOURNEY_REVIEW_STATE_IN_REVIEW: JourneyReviewState
JOURNEY_REVIEW_STATE_APPROVED: JourneyReviewState
JOURNEY_REVIEW_STATE_PUBLISHED: JourneyReviewState
REENTRY_POLICY_UNSPECIFIED: ReentryPolicy
REENTRY_POLICY_ONCE: ReentryPolicy
REENTRY_POLICY_ONCE_PER_PERIOD: ReentryPolicy
REENTRY_POLICY_ALWAYS: ReentryPolicy
NO_SLOT_ACTION_UNSPECIFIED: NoSlotAction
NO_SLOT_ACTION_DEFER: NoSlotAction
NO_SLOT_ACTION_SKIP: NoSlotAction
SCHEDULE_RECURRENCE_UNSPECIFIED: ScheduleRecurrence
SCHEDULE_RECURRENCE_ONCE: ScheduleRecurrence
SCHEDULE_RECURRENCE_DAILY: ScheduleRecurrence
SCHEDULE_RECURRENCE_WEEKLY: ScheduleRecurrence
RUN_STATE_UNSPECIFIED: RunState
RUN_STATE_ACTIVE: RunState
RUN_STATE_WAITING: RunState
RUN_STATE_COMPLETED: RunState
RUN_STATE_FAILED: RunState
RUN_STATE_CONVERTED: RunState
RUN_STATE_EXITED: RunState

class Journey(_message.Message):
    __slots__ = ("journey_id", "display_name", "nodes", "state", "published_version", "create_time", "settings", "review_state", "generated")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NODES_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STATE_FIELD_NUMBER: _ClassVar[int]
    GENERATED_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    display_name: str
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    state: JourneyState
    published_version: int
    create_time: _timestamp_pb2.Timestamp
    settings: JourneySettings
    review_state: JourneyReviewState
    generated: bool
    def __init__(self, journey_id: _Optional[str] = ..., display_name: _Optional[str] = ..., nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., state: _Optional[_Union[JourneyState, str]] = ..., published_version: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., settings: _Optional[_Union[JourneySettings, _Mapping]] = ..., review_state: _Optional[_Union[JourneyReviewState, str]] = ..., generated: _Optional[bool] = ...) -> None: ...

class EventCriterion(_message.Message):
    __slots__ = ("event_type", "filter")
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    filter: str
    def __init__(self, event_type: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class Goal(_message.Message):
    __slots__ = ("event", "conversion_window")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_WINDOW_FIELD_NUMBER: _ClassVar[int]
    event: EventCriterion
    conversion_window: _duration_pb2.Duration
    def __init__(self, event: _Optional[_Union[EventCriterion, _Mapping]] = ..., conversion_window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class JourneySettings(_message.Message):
    __slots__ = ("reentry", "reentry_period", "allow_concurrent_runs", "exit_event", "exit_segment_id", "goal", "max_entries_per_minute", "priority", "on_no_slot")
    REENTRY_FIELD_NUMBER: _ClassVar[int]
    REENTRY_PERIOD_FIELD_NUMBER: _ClassVar[int]
    ALLOW_CONCURRENT_RUNS_FIELD_NUMBER: _ClassVar[int]
    EXIT_EVENT_FIELD_NUMBER: _ClassVar[int]
    EXIT_SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    GOAL_FIELD_NUMBER: _ClassVar[int]
    MAX_ENTRIES_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ON_NO_SLOT_FIELD_NUMBER: _ClassVar[int]
    reentry: ReentryPolicy
    reentry_period: _duration_pb2.Duration
    allow_concurrent_runs: bool
    exit_event: EventCriterion
    exit_segment_id: str
    goal: Goal
    max_entries_per_minute: int
    priority: int
    on_no_slot: NoSlotAction
    def __init__(self, reentry: _Optional[_Union[ReentryPolicy, str]] = ..., reentry_period: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., allow_concurrent_runs: _Optional[bool] = ..., exit_event: _Optional[_Union[EventCriterion, _Mapping]] = ..., exit_segment_id: _Optional[str] = ..., goal: _Optional[_Union[Goal, _Mapping]] = ..., max_entries_per_minute: _Optional[int] = ..., priority: _Optional[int] = ..., on_no_slot: _Optional[_Union[NoSlotAction, str]] = ...) -> None: ...

class Node(_message.Message):
    __slots__ = ("node_id", "next_node_id", "entry", "wait", "decide", "send", "condition", "split", "wait_until", "wait_for_event", "goal", "exit", "update_profile", "webhook")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    DECIDE_FIELD_NUMBER: _ClassVar[int]
    SEND_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    SPLIT_FIELD_NUMBER: _ClassVar[int]
    WAIT_UNTIL_FIELD_NUMBER: _ClassVar[int]
    WAIT_FOR_EVENT_FIELD_NUMBER: _ClassVar[int]
    GOAL_FIELD_NUMBER: _ClassVar[int]
    EXIT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_PROFILE_FIELD_NUMBER: _ClassVar[int]
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    next_node_id: str
    entry: EntryNode
    wait: WaitNode
    decide: DecideNode
    send: SendNode
    condition: ConditionNode
    split: SplitNode
    wait_until: WaitUntilNode
    wait_for_event: WaitForEventNode
    goal: GoalNode
    exit: ExitNode
    update_profile: UpdateProfileNode
    webhook: WebhookNode
    def __init__(self, node_id: _Optional[str] = ..., next_node_id: _Optional[str] = ..., entry: _Optional[_Union[EntryNode, _Mapping]] = ..., wait: _Optional[_Union[WaitNode, _Mapping]] = ..., decide: _Optional[_Union[DecideNode, _Mapping]] = ..., send: _Optional[_Union[SendNode, _Mapping]] = ..., condition: _Optional[_Union[ConditionNode, _Mapping]] = ..., split: _Optional[_Union[SplitNode, _Mapping]] = ..., wait_until: _Optional[_Union[WaitUntilNode, _Mapping]] = ..., wait_for_event: _Optional[_Union[WaitForEventNode, _Mapping]] = ..., goal: _Optional[_Union[GoalNode, _Mapping]] = ..., exit: _Optional[_Union[ExitNode, _Mapping]] = ..., update_profile: _Optional[_Union[UpdateProfileNode, _Mapping]] = ..., webhook: _Optional[_Union[WebhookNode, _Mapping]] = ...) -> None: ...

class ConditionNode(_message.Message):
    __slots__ = ("branches", "default_next_node_id")
    BRANCHES_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    branches: _containers.RepeatedCompositeFieldContainer[ConditionBranch]
    default_next_node_id: str
    def __init__(self, branches: _Optional[_Iterable[_Union[ConditionBranch, _Mapping]]] = ..., default_next_node_id: _Optional[str] = ...) -> None: ...

class ConditionBranch(_message.Message):
    __slots__ = ("name", "expression", "next_node_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    expression: str
    next_node_id: str
    def __init__(self, name: _Optional[str] = ..., expression: _Optional[str] = ..., next_node_id: _Optional[str] = ...) -> None: ...

class SplitNode(_message.Message):
    __slots__ = ("arms", "experiment_id", "holdout_arm")
    ARMS_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_ARM_FIELD_NUMBER: _ClassVar[int]
    arms: _containers.RepeatedCompositeFieldContainer[SplitArm]
    experiment_id: str
    holdout_arm: str
    def __init__(self, arms: _Optional[_Iterable[_Union[SplitArm, _Mapping]]] = ..., experiment_id: _Optional[str] = ..., holdout_arm: _Optional[str] = ...) -> None: ...

class SplitArm(_message.Message):
    __slots__ = ("name", "weight", "next_node_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    weight: int
    next_node_id: str
    def __init__(self, name: _Optional[str] = ..., weight: _Optional[int] = ..., next_node_id: _Optional[str] = ...) -> None: ...

class WaitUntilNode(_message.Message):
    __slots__ = ("hour", "minute", "weekdays")
    HOUR_FIELD_NUMBER: _ClassVar[int]
    MINUTE_FIELD_NUMBER: _ClassVar[int]
    WEEKDAYS_FIELD_NUMBER: _ClassVar[int]
    hour: int
    minute: int
    weekdays: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, hour: _Optional[int] = ..., minute: _Optional[int] = ..., weekdays: _Optional[_Iterable[int]] = ...) -> None: ...

class WaitForEventNode(_message.Message):
    __slots__ = ("event", "timeout", "event_next_node_id", "timeout_next_node_id")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    EVENT_NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_NEXT_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    event: EventCriterion
    timeout: _duration_pb2.Duration
    event_next_node_id: str
    timeout_next_node_id: str
    def __init__(self, event: _Optional[_Union[EventCriterion, _Mapping]] = ..., timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., event_next_node_id: _Optional[str] = ..., timeout_next_node_id: _Optional[str] = ...) -> None: ...

class GoalNode(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ExitNode(_message.Message):
    __slots__ = ("reason",)
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class UpdateProfileNode(_message.Message):
    __slots__ = ("traits",)
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    traits: _struct_pb2.Struct
    def __init__(self, traits: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class WebhookNode(_message.Message):
    __slots__ = ("url", "secret")
    URL_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    url: str
    secret: str
    def __init__(self, url: _Optional[str] = ..., secret: _Optional[str] = ...) -> None: ...

class EntryNode(_message.Message):
    __slots__ = ("event_type", "filter", "segment_id", "schedule")
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    filter: str
    segment_id: str
    schedule: ScheduleEntry
    def __init__(self, event_type: _Optional[str] = ..., filter: _Optional[str] = ..., segment_id: _Optional[str] = ..., schedule: _Optional[_Union[ScheduleEntry, _Mapping]] = ...) -> None: ...

class ScheduleEntry(_message.Message):
    __slots__ = ("recurrence", "date", "hour", "minute", "weekdays", "segment_id", "customer_ids", "default_time_zone")
    RECURRENCE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    HOUR_FIELD_NUMBER: _ClassVar[int]
    MINUTE_FIELD_NUMBER: _ClassVar[int]
    WEEKDAYS_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    recurrence: ScheduleRecurrence
    date: str
    hour: int
    minute: int
    weekdays: _containers.RepeatedScalarFieldContainer[int]
    segment_id: str
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    default_time_zone: str
    def __init__(self, recurrence: _Optional[_Union[ScheduleRecurrence, str]] = ..., date: _Optional[str] = ..., hour: _Optional[int] = ..., minute: _Optional[int] = ..., weekdays: _Optional[_Iterable[int]] = ..., segment_id: _Optional[str] = ..., customer_ids: _Optional[_Iterable[str]] = ..., default_time_zone: _Optional[str] = ...) -> None: ...

class WaitNode(_message.Message):
    __slots__ = ("duration", "best_send_time")
    DURATION_FIELD_NUMBER: _ClassVar[int]
    BEST_SEND_TIME_FIELD_NUMBER: _ClassVar[int]
    duration: _duration_pb2.Duration
    best_send_time: BestSendTimeWait
    def __init__(self, duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., best_send_time: _Optional[_Union[BestSendTimeWait, _Mapping]] = ...) -> None: ...

class BestSendTimeWait(_message.Message):
    __slots__ = ("max_wait",)
    MAX_WAIT_FIELD_NUMBER: _ClassVar[int]
    max_wait: _duration_pb2.Duration
    def __init__(self, max_wait: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class DecideNode(_message.Message):
    __slots__ = ("context",)
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    context: _struct_pb2.Struct
    def __init__(self, context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class SendNode(_message.Message):
    __slots__ = ("channel", "template_id", "best_channel", "candidates")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    BEST_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    template_id: str
    best_channel: bool
    candidates: _containers.RepeatedScalarFieldContainer[_common_pb2.DeliveryChannel]
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., template_id: _Optional[str] = ..., best_channel: _Optional[bool] = ..., candidates: _Optional[_Iterable[_Union[_common_pb2.DeliveryChannel, str]]] = ...) -> None: ...

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

class RunStep(_message.Message):
    __slots__ = ("time", "node_id", "outcome", "branch", "decision_id", "message_id", "detail")
    TIME_FIELD_NUMBER: _ClassVar[int]
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    node_id: str
    outcome: str
    branch: str
    decision_id: str
    message_id: str
    detail: str
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., node_id: _Optional[str] = ..., outcome: _Optional[str] = ..., branch: _Optional[str] = ..., decision_id: _Optional[str] = ..., message_id: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class Run(_message.Message):
    __slots__ = ("run_id", "journey_id", "journey_version", "customer_id", "state", "current_node_id", "context", "wake_time", "error", "entry_event_id", "create_time", "update_time", "steps", "end_reason")
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
    STEPS_FIELD_NUMBER: _ClassVar[int]
    END_REASON_FIELD_NUMBER: _ClassVar[int]
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
    steps: _containers.RepeatedCompositeFieldContainer[RunStep]
    end_reason: str
    def __init__(self, run_id: _Optional[str] = ..., journey_id: _Optional[str] = ..., journey_version: _Optional[int] = ..., customer_id: _Optional[str] = ..., state: _Optional[_Union[RunState, str]] = ..., current_node_id: _Optional[str] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., wake_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ..., entry_event_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., steps: _Optional[_Iterable[_Union[RunStep, _Mapping]]] = ..., end_reason: _Optional[str] = ...) -> None: ...

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
    __slots__ = ("journey_id", "customer_id", "page_size", "page_token", "state")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    customer_id: str
    page_size: int
    page_token: str
    state: RunState
    def __init__(self, journey_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., state: _Optional[_Union[RunState, str]] = ...) -> None: ...

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

class StopJourneyRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class StopJourneyResponse(_message.Message):
    __slots__ = ("journey", "exited_runs")
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    EXITED_RUNS_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    exited_runs: int
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ..., exited_runs: _Optional[int] = ...) -> None: ...

class ValidateJourneyRequest(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class ValidationProblem(_message.Message):
    __slots__ = ("node_id", "field", "message", "line", "column")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    field: str
    message: str
    line: int
    column: int
    def __init__(self, node_id: _Optional[str] = ..., field: _Optional[str] = ..., message: _Optional[str] = ..., line: _Optional[int] = ..., column: _Optional[int] = ...) -> None: ...

class ValidateJourneyResponse(_message.Message):
    __slots__ = ("valid", "problems")
    VALID_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    valid: bool
    problems: _containers.RepeatedCompositeFieldContainer[ValidationProblem]
    def __init__(self, valid: _Optional[bool] = ..., problems: _Optional[_Iterable[_Union[ValidationProblem, _Mapping]]] = ...) -> None: ...

class GetJourneyStatsRequest(_message.Message):
    __slots__ = ("journey_id", "version")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    version: int
    def __init__(self, journey_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class NodeStats(_message.Message):
    __slots__ = ("node_id", "entered", "waiting", "completed", "errored", "exited")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    ENTERED_FIELD_NUMBER: _ClassVar[int]
    WAITING_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    ERRORED_FIELD_NUMBER: _ClassVar[int]
    EXITED_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    entered: int
    waiting: int
    completed: int
    errored: int
    exited: int
    def __init__(self, node_id: _Optional[str] = ..., entered: _Optional[int] = ..., waiting: _Optional[int] = ..., completed: _Optional[int] = ..., errored: _Optional[int] = ..., exited: _Optional[int] = ...) -> None: ...

class BranchStats(_message.Message):
    __slots__ = ("node_id", "branch", "runs", "conversions", "conversion_rate")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    RUNS_FIELD_NUMBER: _ClassVar[int]
    CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    branch: str
    runs: int
    conversions: int
    conversion_rate: float
    def __init__(self, node_id: _Optional[str] = ..., branch: _Optional[str] = ..., runs: _Optional[int] = ..., conversions: _Optional[int] = ..., conversion_rate: _Optional[float] = ...) -> None: ...

class GetJourneyStatsResponse(_message.Message):
    __slots__ = ("nodes", "branches", "runs", "conversions", "conversion_rate")
    NODES_FIELD_NUMBER: _ClassVar[int]
    BRANCHES_FIELD_NUMBER: _ClassVar[int]
    RUNS_FIELD_NUMBER: _ClassVar[int]
    CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    nodes: _containers.RepeatedCompositeFieldContainer[NodeStats]
    branches: _containers.RepeatedCompositeFieldContainer[BranchStats]
    runs: int
    conversions: int
    conversion_rate: float
    def __init__(self, nodes: _Optional[_Iterable[_Union[NodeStats, _Mapping]]] = ..., branches: _Optional[_Iterable[_Union[BranchStats, _Mapping]]] = ..., runs: _Optional[int] = ..., conversions: _Optional[int] = ..., conversion_rate: _Optional[float] = ...) -> None: ...

class SimulatedProfile(_message.Message):
    __slots__ = ("customer_id", "traits", "computed", "segments")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    traits: _struct_pb2.Struct
    computed: _struct_pb2.Struct
    segments: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer_id: _Optional[str] = ..., traits: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., computed: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., segments: _Optional[_Iterable[str]] = ...) -> None: ...

class ScriptedEvent(_message.Message):
    __slots__ = ("after", "type", "properties")
    AFTER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    after: _duration_pb2.Duration
    type: str
    properties: _struct_pb2.Struct
    def __init__(self, after: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., type: _Optional[str] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class SimulateJourneyRequest(_message.Message):
    __slots__ = ("journey_id", "version", "profile", "events", "start_time", "horizon", "context")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    HORIZON_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    version: int
    profile: SimulatedProfile
    events: _containers.RepeatedCompositeFieldContainer[ScriptedEvent]
    start_time: _timestamp_pb2.Timestamp
    horizon: _duration_pb2.Duration
    context: _struct_pb2.Struct
    def __init__(self, journey_id: _Optional[str] = ..., version: _Optional[int] = ..., profile: _Optional[_Union[SimulatedProfile, _Mapping]] = ..., events: _Optional[_Iterable[_Union[ScriptedEvent, _Mapping]]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., horizon: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class SimulatedMessage(_message.Message):
    __slots__ = ("node_id", "channel", "template_id", "idempotency_key", "time")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    channel: _common_pb2.DeliveryChannel
    template_id: str
    idempotency_key: str
    time: _timestamp_pb2.Timestamp
    def __init__(self, node_id: _Optional[str] = ..., channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., template_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SimulateJourneyResponse(_message.Message):
    __slots__ = ("steps", "path", "state", "messages", "decisions", "end_reason")
    STEPS_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    END_REASON_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedCompositeFieldContainer[RunStep]
    path: _containers.RepeatedScalarFieldContainer[str]
    state: RunState
    messages: _containers.RepeatedCompositeFieldContainer[SimulatedMessage]
    decisions: _containers.RepeatedScalarFieldContainer[str]
    end_reason: str
    def __init__(self, steps: _Optional[_Iterable[_Union[RunStep, _Mapping]]] = ..., path: _Optional[_Iterable[str]] = ..., state: _Optional[_Union[RunState, str]] = ..., messages: _Optional[_Iterable[_Union[SimulatedMessage, _Mapping]]] = ..., decisions: _Optional[_Iterable[str]] = ..., end_reason: _Optional[str] = ...) -> None: ...

class UpdateJourneyDraftRequest(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class UpdateJourneyDraftResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class SubmitJourneyForReviewRequest(_message.Message):
    __slots__ = ("journey_id", "comment")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    comment: str
    def __init__(self, journey_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class SubmitJourneyForReviewResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class ApproveJourneyRequest(_message.Message):
    __slots__ = ("journey_id", "comment")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    comment: str
    def __init__(self, journey_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class ApproveJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class RejectJourneyRequest(_message.Message):
    __slots__ = ("journey_id", "comment")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    comment: str
    def __init__(self, journey_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class RejectJourneyResponse(_message.Message):
    __slots__ = ("journey",)
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ...) -> None: ...

class JourneyReviewEntry(_message.Message):
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
    from_state: JourneyReviewState
    to_state: JourneyReviewState
    actor_key_id: str
    actor_role: str
    comment: str
    time: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, action: _Optional[str] = ..., from_state: _Optional[_Union[JourneyReviewState, str]] = ..., to_state: _Optional[_Union[JourneyReviewState, str]] = ..., actor_key_id: _Optional[str] = ..., actor_role: _Optional[str] = ..., comment: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class JourneyDiff(_message.Message):
    __slots__ = ("base_version", "nodes_added", "nodes_removed", "nodes_changed", "settings_changed")
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    NODES_ADDED_FIELD_NUMBER: _ClassVar[int]
    NODES_REMOVED_FIELD_NUMBER: _ClassVar[int]
    NODES_CHANGED_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_CHANGED_FIELD_NUMBER: _ClassVar[int]
    base_version: int
    nodes_added: _containers.RepeatedScalarFieldContainer[str]
    nodes_removed: _containers.RepeatedScalarFieldContainer[str]
    nodes_changed: _containers.RepeatedScalarFieldContainer[str]
    settings_changed: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, base_version: _Optional[int] = ..., nodes_added: _Optional[_Iterable[str]] = ..., nodes_removed: _Optional[_Iterable[str]] = ..., nodes_changed: _Optional[_Iterable[str]] = ..., settings_changed: _Optional[_Iterable[str]] = ...) -> None: ...

class GetJourneyReviewRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class GetJourneyReviewResponse(_message.Message):
    __slots__ = ("journey", "approval_required", "diff", "history")
    JOURNEY_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    DIFF_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    journey: Journey
    approval_required: bool
    diff: JourneyDiff
    history: _containers.RepeatedCompositeFieldContainer[JourneyReviewEntry]
    def __init__(self, journey: _Optional[_Union[Journey, _Mapping]] = ..., approval_required: _Optional[bool] = ..., diff: _Optional[_Union[JourneyDiff, _Mapping]] = ..., history: _Optional[_Iterable[_Union[JourneyReviewEntry, _Mapping]]] = ...) -> None: ...

class ListJourneyReviewsRequest(_message.Message):
    __slots__ = ("journey_id",)
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    def __init__(self, journey_id: _Optional[str] = ...) -> None: ...

class ListJourneyReviewsResponse(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[JourneyReviewEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[JourneyReviewEntry, _Mapping]]] = ...) -> None: ...

class JourneyReviewSettings(_message.Message):
    __slots__ = ("require_review", "four_eyes", "update_time")
    REQUIRE_REVIEW_FIELD_NUMBER: _ClassVar[int]
    FOUR_EYES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    require_review: bool
    four_eyes: bool
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, require_review: _Optional[bool] = ..., four_eyes: _Optional[bool] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetJourneyReviewSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetJourneyReviewSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: JourneyReviewSettings
    def __init__(self, settings: _Optional[_Union[JourneyReviewSettings, _Mapping]] = ...) -> None: ...

class UpdateJourneyReviewSettingsRequest(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: JourneyReviewSettings
    def __init__(self, settings: _Optional[_Union[JourneyReviewSettings, _Mapping]] = ...) -> None: ...

class UpdateJourneyReviewSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: JourneyReviewSettings
    def __init__(self, settings: _Optional[_Union[JourneyReviewSettings, _Mapping]] = ...) -> None: ...
