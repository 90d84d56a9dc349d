import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Dimension(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DIMENSION_UNSPECIFIED: _ClassVar[Dimension]
    DIMENSION_JOURNEY: _ClassVar[Dimension]
    DIMENSION_JOURNEY_NODE: _ClassVar[Dimension]
    DIMENSION_CHANNEL: _ClassVar[Dimension]
    DIMENSION_TEMPLATE: _ClassVar[Dimension]
    DIMENSION_OFFER: _ClassVar[Dimension]
    DIMENSION_SEGMENT: _ClassVar[Dimension]
    DIMENSION_DAY: _ClassVar[Dimension]
    DIMENSION_CAMPAIGN: _ClassVar[Dimension]

class FunnelBreakdown(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FUNNEL_BREAKDOWN_UNSPECIFIED: _ClassVar[FunnelBreakdown]
    FUNNEL_BREAKDOWN_CHANNEL: _ClassVar[FunnelBreakdown]
    FUNNEL_BREAKDOWN_SEGMENT: _ClassVar[FunnelBreakdown]

class Granularity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GRANULARITY_UNSPECIFIED: _ClassVar[Granularity]
    GRANULARITY_HOUR: _ClassVar[Granularity]
    GRANULARITY_DAY: _ClassVar[Granularity]

class ReportKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REPORT_KIND_UNSPECIFIED: _ClassVar[ReportKind]
    REPORT_KIND_KPIS: _ClassVar[ReportKind]
    REPORT_KIND_ATTRIBUTION: _ClassVar[ReportKind]

class ValueGrouping(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VALUE_GROUPING_UNSPECIFIED: _ClassVar[ValueGrouping]
    VALUE_GROUPING_COHORT: _ClassVar[ValueGrouping]
    VALUE_GROUPING_SEGMENT: _ClassVar[ValueGrouping]
DIMENSION_UNSPECIFIED: Dimension
DIMENSION_JOURNEY: Dimension
DIMENSION_JOURNEY_NODE: Dimension
DIMENSION_CHANNEL: Dimension
DIMENSION_TEMPLATE: Dimension
DIMENSION_OFFER: Dimension
DIMENSION_SEGMENT: Dimension
DIMENSION_DAY: Dimension
DIMENSION_CAMPAIGN: Dimension
FUNNEL_BREAKDOWN_UNSPECIFIED: FunnelBreakdown
FUNNEL_BREAKDOWN_CHANNEL: FunnelBreakdown
FUNNEL_BREAKDOWN_SEGMENT: FunnelBreakdown
GRANULARITY_UNSPECIFIED: Granularity
GRANULARITY_HOUR: Granularity
GRANULARITY_DAY: Granularity
REPORT_KIND_UNSPECIFIED: ReportKind
REPORT_KIND_KPIS: ReportKind
REPORT_KIND_ATTRIBUTION: ReportKind
VALUE_GROUPING_UNSPECIFIED: ValueGrouping
VALUE_GROUPING_COHORT: ValueGrouping
VALUE_GROUPING_SEGMENT: ValueGrouping

class TimeRange(_message.Message):
    __slots__ = ("start_time", "end_time")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class KpiFilter(_message.Message):
    __slots__ = ("journey_id", "node_id", "channel", "template_id", "offer_id", "segment_id", "campaign")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    node_id: str
    channel: str
    template_id: str
    offer_id: str
    segment_id: str
    campaign: str
    def __init__(self, journey_id: _Optional[str] = ..., node_id: _Optional[str] = ..., channel: _Optional[str] = ..., template_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., segment_id: _Optional[str] = ..., campaign: _Optional[str] = ...) -> None: ...

class Kpis(_message.Message):
    __slots__ = ("sent", "delivered", "opened", "clicked", "converted", "unsubscribed", "bounced", "open_rate", "click_rate", "click_to_open_rate", "conversion_rate", "unsubscribe_rate", "bounce_rate", "revenue", "revenue_per_recipient", "cost", "cac", "roas", "roi", "complained")
    SENT_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_FIELD_NUMBER: _ClassVar[int]
    OPENED_FIELD_NUMBER: _ClassVar[int]
    CLICKED_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    UNSUBSCRIBED_FIELD_NUMBER: _ClassVar[int]
    BOUNCED_FIELD_NUMBER: _ClassVar[int]
    OPEN_RATE_FIELD_NUMBER: _ClassVar[int]
    CLICK_RATE_FIELD_NUMBER: _ClassVar[int]
    CLICK_TO_OPEN_RATE_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    UNSUBSCRIBE_RATE_FIELD_NUMBER: _ClassVar[int]
    BOUNCE_RATE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_PER_RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    CAC_FIELD_NUMBER: _ClassVar[int]
    ROAS_FIELD_NUMBER: _ClassVar[int]
    ROI_FIELD_NUMBER: _ClassVar[int]
    COMPLAINED_FIELD_NUMBER: _ClassVar[int]
    sent: int
    delivered: int
    opened: int
    clicked: int
    converted: int
    unsubscribed: int
    bounced: int
    open_rate: float
    click_rate: float
    click_to_open_rate: float
    conversion_rate: float
    unsubscribe_rate: float
    bounce_rate: float
    revenue: float
    revenue_per_recipient: float
    cost: float
    cac: float
    roas: float
    roi: float
    complained: int
    def __init__(self, sent: _Optional[int] = ..., delivered: _Optional[int] = ..., opened: _Optional[int] = ..., clicked: _Optional[int] = ..., converted: _Optional[int] = ..., unsubscribed: _Optional[int] = ..., bounced: _Optional[int] = ..., open_rate: _Optional[float] = ..., click_rate: _Optional[float] = ..., click_to_open_rate: _Optional[float] = ..., conversion_rate: _Optional[float] = ..., unsubscribe_rate: _Optional[float] = ..., bounce_rate: _Optional[float] = ..., revenue: _Optional[float] = ..., revenue_per_recipient: _Optional[float] = ..., cost: _Optional[float] = ..., cac: _Optional[float] = ..., roas: _Optional[float] = ..., roi: _Optional[float] = ..., complained: _Optional[int] = ...) -> None: ...

class GetKpisRequest(_message.Message):
    __slots__ = ("range", "group_by", "filter", "cart_return_window", "dormancy_threshold")
    RANGE_FIELD_NUMBER: _ClassVar[int]
    GROUP_BY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CART_RETURN_WINDOW_FIELD_NUMBER: _ClassVar[int]
    DORMANCY_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    range: TimeRange
    group_by: Dimension
    filter: KpiFilter
    cart_return_window: _duration_pb2.Duration
    dormancy_threshold: _duration_pb2.Duration
    def __init__(self, range: _Optional[_Union[TimeRange, _Mapping]] = ..., group_by: _Optional[_Union[Dimension, str]] = ..., filter: _Optional[_Union[KpiFilter, _Mapping]] = ..., cart_return_window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., dormancy_threshold: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class CustomerKpis(_message.Message):
    __slots__ = ("cart_abandoners", "cart_returners", "cart_return_rate", "dormant_customers", "reactivated_customers", "reactivation_rate")
    CART_ABANDONERS_FIELD_NUMBER: _ClassVar[int]
    CART_RETURNERS_FIELD_NUMBER: _ClassVar[int]
    CART_RETURN_RATE_FIELD_NUMBER: _ClassVar[int]
    DORMANT_CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    REACTIVATED_CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    REACTIVATION_RATE_FIELD_NUMBER: _ClassVar[int]
    cart_abandoners: int
    cart_returners: int
    cart_return_rate: float
    dormant_customers: int
    reactivated_customers: int
    reactivation_rate: float
    def __init__(self, cart_abandoners: _Optional[int] = ..., cart_returners: _Optional[int] = ..., cart_return_rate: _Optional[float] = ..., dormant_customers: _Optional[int] = ..., reactivated_customers: _Optional[int] = ..., reactivation_rate: _Optional[float] = ...) -> None: ...

class CustomerKpiRow(_message.Message):
    __slots__ = ("current", "previous", "relative_change")
    class RelativeChangeEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    current: CustomerKpis
    previous: CustomerKpis
    relative_change: _containers.ScalarMap[str, float]
    def __init__(self, current: _Optional[_Union[CustomerKpis, _Mapping]] = ..., previous: _Optional[_Union[CustomerKpis, _Mapping]] = ..., relative_change: _Optional[_Mapping[str, float]] = ...) -> None: ...

class KpiRow(_message.Message):
    __slots__ = ("key", "current", "previous", "relative_change")
    class RelativeChangeEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    key: str
    current: Kpis
    previous: Kpis
    relative_change: _containers.ScalarMap[str, float]
    def __init__(self, key: _Optional[str] = ..., current: _Optional[_Union[Kpis, _Mapping]] = ..., previous: _Optional[_Union[Kpis, _Mapping]] = ..., relative_change: _Optional[_Mapping[str, float]] = ...) -> None: ...

class GetKpisResponse(_message.Message):
    __slots__ = ("rows", "total", "previous_range", "customer_kpis")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_RANGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_KPIS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[KpiRow]
    total: KpiRow
    previous_range: TimeRange
    customer_kpis: CustomerKpiRow
    def __init__(self, rows: _Optional[_Iterable[_Union[KpiRow, _Mapping]]] = ..., total: _Optional[_Union[KpiRow, _Mapping]] = ..., previous_range: _Optional[_Union[TimeRange, _Mapping]] = ..., customer_kpis: _Optional[_Union[CustomerKpiRow, _Mapping]] = ...) -> None: ...

class GetAttributionRequest(_message.Message):
    __slots__ = ("range", "lookback", "half_life", "group_by", "engaged_only")
    RANGE_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_FIELD_NUMBER: _ClassVar[int]
    HALF_LIFE_FIELD_NUMBER: _ClassVar[int]
    GROUP_BY_FIELD_NUMBER: _ClassVar[int]
    ENGAGED_ONLY_FIELD_NUMBER: _ClassVar[int]
    range: TimeRange
    lookback: _duration_pb2.Duration
    half_life: _duration_pb2.Duration
    group_by: Dimension
    engaged_only: bool
    def __init__(self, range: _Optional[_Union[TimeRange, _Mapping]] = ..., lookback: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., half_life: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., group_by: _Optional[_Union[Dimension, str]] = ..., engaged_only: _Optional[bool] = ...) -> None: ...

class Credit(_message.Message):
    __slots__ = ("conversions", "revenue")
    CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    conversions: float
    revenue: float
    def __init__(self, conversions: _Optional[float] = ..., revenue: _Optional[float] = ...) -> None: ...

class AttributionRow(_message.Message):
    __slots__ = ("key", "first_touch", "last_touch", "linear", "time_decay", "position_based")
    KEY_FIELD_NUMBER: _ClassVar[int]
    FIRST_TOUCH_FIELD_NUMBER: _ClassVar[int]
    LAST_TOUCH_FIELD_NUMBER: _ClassVar[int]
    LINEAR_FIELD_NUMBER: _ClassVar[int]
    TIME_DECAY_FIELD_NUMBER: _ClassVar[int]
    POSITION_BASED_FIELD_NUMBER: _ClassVar[int]
    key: str
    first_touch: Credit
    last_touch: Credit
    linear: Credit
    time_decay: Credit
    position_based: Credit
    def __init__(self, key: _Optional[str] = ..., first_touch: _Optional[_Union[Credit, _Mapping]] = ..., last_touch: _Optional[_Union[Credit, _Mapping]] = ..., linear: _Optional[_Union[Credit, _Mapping]] = ..., time_decay: _Optional[_Union[Credit, _Mapping]] = ..., position_based: _Optional[_Union[Credit, _Mapping]] = ...) -> None: ...

class GetAttributionResponse(_message.Message):
    __slots__ = ("rows", "conversions", "revenue", "unattributed_conversions", "unattributed_revenue")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    UNATTRIBUTED_CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    UNATTRIBUTED_REVENUE_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[AttributionRow]
    conversions: int
    revenue: float
    unattributed_conversions: int
    unattributed_revenue: float
    def __init__(self, rows: _Optional[_Iterable[_Union[AttributionRow, _Mapping]]] = ..., conversions: _Optional[int] = ..., revenue: _Optional[float] = ..., unattributed_conversions: _Optional[int] = ..., unattributed_revenue: _Optional[float] = ...) -> None: ...

class GetIncrementalityRequest(_message.Message):
    __slots__ = ("journey_id", "experiment_id", "range", "window", "holdout_arm")
    JOURNEY_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_ARM_FIELD_NUMBER: _ClassVar[int]
    journey_id: str
    experiment_id: str
    range: TimeRange
    window: _duration_pb2.Duration
    holdout_arm: str
    def __init__(self, journey_id: _Optional[str] = ..., experiment_id: _Optional[str] = ..., range: _Optional[_Union[TimeRange, _Mapping]] = ..., window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., holdout_arm: _Optional[str] = ...) -> None: ...

class ArmOutcome(_message.Message):
    __slots__ = ("arm", "customers", "converters", "conversion_rate", "revenue", "revenue_per_customer")
    ARM_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    CONVERTERS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_PER_CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    arm: str
    customers: int
    converters: int
    conversion_rate: float
    revenue: float
    revenue_per_customer: float
    def __init__(self, arm: _Optional[str] = ..., customers: _Optional[int] = ..., converters: _Optional[int] = ..., conversion_rate: _Optional[float] = ..., revenue: _Optional[float] = ..., revenue_per_customer: _Optional[float] = ...) -> None: ...

class Uplift(_message.Message):
    __slots__ = ("absolute", "absolute_lower", "absolute_upper", "relative", "relative_lower", "relative_upper", "significant")
    ABSOLUTE_FIELD_NUMBER: _ClassVar[int]
    ABSOLUTE_LOWER_FIELD_NUMBER: _ClassVar[int]
    ABSOLUTE_UPPER_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_LOWER_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_UPPER_FIELD_NUMBER: _ClassVar[int]
    SIGNIFICANT_FIELD_NUMBER: _ClassVar[int]
    absolute: float
    absolute_lower: float
    absolute_upper: float
    relative: float
    relative_lower: float
    relative_upper: float
    significant: bool
    def __init__(self, absolute: _Optional[float] = ..., absolute_lower: _Optional[float] = ..., absolute_upper: _Optional[float] = ..., relative: _Optional[float] = ..., relative_lower: _Optional[float] = ..., relative_upper: _Optional[float] = ..., significant: _Optional[bool] = ...) -> None: ...

class GetIncrementalityResponse(_message.Message):
    __slots__ = ("treated", "holdout", "arms", "conversion_rate_uplift", "revenue_per_customer_uplift")
    TREATED_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_FIELD_NUMBER: _ClassVar[int]
    ARMS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_UPLIFT_FIELD_NUMBER: _ClassVar[int]
    REVENUE_PER_CUSTOMER_UPLIFT_FIELD_NUMBER: _ClassVar[int]
    treated: ArmOutcome
    holdout: ArmOutcome
    arms: _containers.RepeatedCompositeFieldContainer[ArmOutcome]
    conversion_rate_uplift: Uplift
    revenue_per_customer_uplift: Uplift
    def __init__(self, treated: _Optional[_Union[ArmOutcome, _Mapping]] = ..., holdout: _Optional[_Union[ArmOutcome, _Mapping]] = ..., arms: _Optional[_Iterable[_Union[ArmOutcome, _Mapping]]] = ..., conversion_rate_uplift: _Optional[_Union[Uplift, _Mapping]] = ..., revenue_per_customer_uplift: _Optional[_Union[Uplift, _Mapping]] = ...) -> None: ...

class GetFunnelRequest(_message.Message):
    __slots__ = ("steps", "range", "window", "breakdown")
    STEPS_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    BREAKDOWN_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedScalarFieldContainer[str]
    range: TimeRange
    window: _duration_pb2.Duration
    breakdown: FunnelBreakdown
    def __init__(self, steps: _Optional[_Iterable[str]] = ..., range: _Optional[_Union[TimeRange, _Mapping]] = ..., window: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., breakdown: _Optional[_Union[FunnelBreakdown, str]] = ...) -> None: ...

class FunnelStep(_message.Message):
    __slots__ = ("event_type", "customers", "step_conversion", "overall_conversion", "drop_off", "drop_off_rate")
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    STEP_CONVERSION_FIELD_NUMBER: _ClassVar[int]
    OVERALL_CONVERSION_FIELD_NUMBER: _ClassVar[int]
    DROP_OFF_FIELD_NUMBER: _ClassVar[int]
    DROP_OFF_RATE_FIELD_NUMBER: _ClassVar[int]
    event_type: str
    customers: int
    step_conversion: float
    overall_conversion: float
    drop_off: int
    drop_off_rate: float
    def __init__(self, event_type: _Optional[str] = ..., customers: _Optional[int] = ..., step_conversion: _Optional[float] = ..., overall_conversion: _Optional[float] = ..., drop_off: _Optional[int] = ..., drop_off_rate: _Optional[float] = ...) -> None: ...

class Funnel(_message.Message):
    __slots__ = ("key", "steps")
    KEY_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    key: str
    steps: _containers.RepeatedCompositeFieldContainer[FunnelStep]
    def __init__(self, key: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[FunnelStep, _Mapping]]] = ...) -> None: ...

class GetFunnelResponse(_message.Message):
    __slots__ = ("total", "groups")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    total: Funnel
    groups: _containers.RepeatedCompositeFieldContainer[Funnel]
    def __init__(self, total: _Optional[_Union[Funnel, _Mapping]] = ..., groups: _Optional[_Iterable[_Union[Funnel, _Mapping]]] = ...) -> None: ...

class Alert(_message.Message):
    __slots__ = ("alert_id", "kpi", "granularity", "channel", "period_start_time", "value", "baseline", "change", "create_time", "workspace_id")
    ALERT_ID_FIELD_NUMBER: _ClassVar[int]
    KPI_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PERIOD_START_TIME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    BASELINE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    WORKSPACE_ID_FIELD_NUMBER: _ClassVar[int]
    alert_id: str
    kpi: str
    granularity: Granularity
    channel: str
    period_start_time: _timestamp_pb2.Timestamp
    value: float
    baseline: float
    change: float
    create_time: _timestamp_pb2.Timestamp
    workspace_id: str
    def __init__(self, alert_id: _Optional[str] = ..., kpi: _Optional[str] = ..., granularity: _Optional[_Union[Granularity, str]] = ..., channel: _Optional[str] = ..., period_start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., value: _Optional[float] = ..., baseline: _Optional[float] = ..., change: _Optional[float] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., workspace_id: _Optional[str] = ...) -> None: ...

class ListAlertsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "kpi")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    KPI_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    kpi: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., kpi: _Optional[str] = ...) -> None: ...

class ListAlertsResponse(_message.Message):
    __slots__ = ("alerts", "next_page_token")
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[Alert]
    next_page_token: str
    def __init__(self, alerts: _Optional[_Iterable[_Union[Alert, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ExportReportRequest(_message.Message):
    __slots__ = ("kind", "kpis", "attribution")
    KIND_FIELD_NUMBER: _ClassVar[int]
    KPIS_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    kind: ReportKind
    kpis: GetKpisRequest
    attribution: GetAttributionRequest
    def __init__(self, kind: _Optional[_Union[ReportKind, str]] = ..., kpis: _Optional[_Union[GetKpisRequest, _Mapping]] = ..., attribution: _Optional[_Union[GetAttributionRequest, _Mapping]] = ...) -> None: ...

class ExportReportResponse(_message.Message):
    __slots__ = ("row",)
    ROW_FIELD_NUMBER: _ClassVar[int]
    row: str
    def __init__(self, row: _Optional[str] = ...) -> None: ...

class SetChannelCostRequest(_message.Message):
    __slots__ = ("channel", "cost_per_message")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    COST_PER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    channel: str
    cost_per_message: float
    def __init__(self, channel: _Optional[str] = ..., cost_per_message: _Optional[float] = ...) -> None: ...

class SetChannelCostResponse(_message.Message):
    __slots__ = ("channel", "cost_per_message")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    COST_PER_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    channel: str
    cost_per_message: float
    def __init__(self, channel: _Optional[str] = ..., cost_per_message: _Optional[float] = ...) -> None: ...

class SetCampaignSpendRequest(_message.Message):
    __slots__ = ("campaign", "day", "amount")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    DAY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    campaign: str
    day: str
    amount: float
    def __init__(self, campaign: _Optional[str] = ..., day: _Optional[str] = ..., amount: _Optional[float] = ...) -> None: ...

class SetCampaignSpendResponse(_message.Message):
    __slots__ = ("campaign", "day", "amount")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    DAY_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    campaign: str
    day: str
    amount: float
    def __init__(self, campaign: _Optional[str] = ..., day: _Optional[str] = ..., amount: _Optional[float] = ...) -> None: ...

class GetCohortsRequest(_message.Message):
    __slots__ = ("range", "months", "as_of")
    RANGE_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    range: TimeRange
    months: int
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, range: _Optional[_Union[TimeRange, _Mapping]] = ..., months: _Optional[int] = ..., as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Cohort(_message.Message):
    __slots__ = ("month", "customers", "retained", "retention")
    MONTH_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    RETAINED_FIELD_NUMBER: _ClassVar[int]
    RETENTION_FIELD_NUMBER: _ClassVar[int]
    month: str
    customers: int
    retained: _containers.RepeatedScalarFieldContainer[int]
    retention: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, month: _Optional[str] = ..., customers: _Optional[int] = ..., retained: _Optional[_Iterable[int]] = ..., retention: _Optional[_Iterable[float]] = ...) -> None: ...

class GetCohortsResponse(_message.Message):
    __slots__ = ("cohorts",)
    COHORTS_FIELD_NUMBER: _ClassVar[int]
    cohorts: _containers.RepeatedCompositeFieldContainer[Cohort]
    def __init__(self, cohorts: _Optional[_Iterable[_Union[Cohort, _Mapping]]] = ...) -> None: ...

class GetCustomerValueRequest(_message.Message):
    __slots__ = ("group_by", "customer_id", "as_of", "churn_after", "max_lifetime_months")
    GROUP_BY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CHURN_AFTER_FIELD_NUMBER: _ClassVar[int]
    MAX_LIFETIME_MONTHS_FIELD_NUMBER: _ClassVar[int]
    group_by: ValueGrouping
    customer_id: str
    as_of: _timestamp_pb2.Timestamp
    churn_after: _duration_pb2.Duration
    max_lifetime_months: int
    def __init__(self, group_by: _Optional[_Union[ValueGrouping, str]] = ..., customer_id: _Optional[str] = ..., as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., churn_after: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_lifetime_months: _Optional[int] = ...) -> None: ...

class CustomerValue(_message.Message):
    __slots__ = ("key", "customers", "orders", "revenue", "historical_cltv", "average_order_value", "purchase_frequency", "monthly_churn_rate", "expected_lifetime_months", "predicted_cltv")
    KEY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    REVENUE_FIELD_NUMBER: _ClassVar[int]
    HISTORICAL_CLTV_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_ORDER_VALUE_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    MONTHLY_CHURN_RATE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_LIFETIME_MONTHS_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_CLTV_FIELD_NUMBER: _ClassVar[int]
    key: str
    customers: int
    orders: int
    revenue: float
    historical_cltv: float
    average_order_value: float
    purchase_frequency: float
    monthly_churn_rate: float
    expected_lifetime_months: float
    predicted_cltv: float
    def __init__(self, key: _Optional[str] = ..., customers: _Optional[int] = ..., orders: _Optional[int] = ..., revenue: _Optional[float] = ..., historical_cltv: _Optional[float] = ..., average_order_value: _Optional[float] = ..., purchase_frequency: _Optional[float] = ..., monthly_churn_rate: _Optional[float] = ..., expected_lifetime_months: _Optional[float] = ..., predicted_cltv: _Optional[float] = ...) -> None: ...

class GetCustomerValueResponse(_message.Message):
    __slots__ = ("rows", "total")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[CustomerValue]
    total: CustomerValue
    def __init__(self, rows: _Optional[_Iterable[_Union[CustomerValue, _Mapping]]] = ..., total: _Optional[_Union[CustomerValue, _Mapping]] = ...) -> None: ...
