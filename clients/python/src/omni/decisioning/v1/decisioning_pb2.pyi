import datetime

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

class Placement(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLACEMENT_UNSPECIFIED: _ClassVar[Placement]
    PLACEMENT_EMAIL_HERO: _ClassVar[Placement]
    PLACEMENT_PUSH: _ClassVar[Placement]
    PLACEMENT_SMS: _ClassVar[Placement]
    PLACEMENT_STORE_COUPON: _ClassVar[Placement]
    PLACEMENT_APP_BANNER: _ClassVar[Placement]

class OfferState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OFFER_STATE_UNSPECIFIED: _ClassVar[OfferState]
    OFFER_STATE_ACTIVE: _ClassVar[OfferState]
    OFFER_STATE_ARCHIVED: _ClassVar[OfferState]

class PropensityModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROPENSITY_MODEL_UNSPECIFIED: _ClassVar[PropensityModel]
    PROPENSITY_MODEL_THOMPSON_SAMPLING: _ClassVar[PropensityModel]

class CandidateOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANDIDATE_OUTCOME_UNSPECIFIED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_CHOSEN: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_OUTRANKED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_INELIGIBLE: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_ERROR: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_CAPPED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_EXPIRED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_PURCHASED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_REDEEMED: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_NOT_YET_VALID: _ClassVar[CandidateOutcome]
    CANDIDATE_OUTCOME_EXPERIMENT: _ClassVar[CandidateOutcome]

class OutcomeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_KIND_UNSPECIFIED: _ClassVar[OutcomeKind]
    OUTCOME_KIND_IMPRESSION: _ClassVar[OutcomeKind]
    OUTCOME_KIND_CLICK: _ClassVar[OutcomeKind]
    OUTCOME_KIND_CONVERSION: _ClassVar[OutcomeKind]
    OUTCOME_KIND_DISMISS: _ClassVar[OutcomeKind]

class ContactPurpose(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTACT_PURPOSE_UNSPECIFIED: _ClassVar[ContactPurpose]
    CONTACT_PURPOSE_MARKETING: _ClassVar[ContactPurpose]
    CONTACT_PURPOSE_TRANSACTIONAL: _ClassVar[ContactPurpose]

class ChannelOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANNEL_OUTCOME_UNSPECIFIED: _ClassVar[ChannelOutcome]
    CHANNEL_OUTCOME_CHOSEN: _ClassVar[ChannelOutcome]
    CHANNEL_OUTCOME_RANKED: _ClassVar[ChannelOutcome]
    CHANNEL_OUTCOME_UNREACHABLE: _ClassVar[ChannelOutcome]
    CHANNEL_OUTCOME_NO_CONSENT: _ClassVar[ChannelOutcome]
    CHANNEL_OUTCOME_BUDGET_EXHAUSTED: _ClassVar[ChannelOutcome]
PLACEMENT_UNSPECIFIED: Placement
PLACEMENT_EMAIL_HERO: Placement
PLACEMENT_PUSH: Placement
PLACEMENT_SMS: Placement
PLACEMENT_STORE_COUPON: Placement
PLACEMENT_APP_BANNER: Placement
OFFER_STATE_UNSPECIFIED: OfferState
OFFER_STATE_ACTIVE: OfferState
OFFER_STATE_ARCHIVED: OfferState
PROPENSITY_MODEL_UNSPECIFIED: PropensityModel
PROPENSITY_MODEL_THOMPSON_SAMPLING: PropensityModel
CANDIDATE_OUTCOME_UNSPECIFIED: CandidateOutcome
CANDIDATE_OUTCOME_CHOSEN: CandidateOutcome
CANDIDATE_OUTCOME_OUTRANKED: CandidateOutcome
CANDIDATE_OUTCOME_INELIGIBLE: CandidateOutcome
CANDIDATE_OUTCOME_ERROR: CandidateOutcome
CANDIDATE_OUTCOME_CAPPED: CandidateOutcome
CANDIDATE_OUTCOME_EXPIRED: CandidateOutcome
CANDIDATE_OUTCOME_PURCHASED: CandidateOutcome
CANDIDATE_OUTCOME_REDEEMED: CandidateOutcome
CANDIDATE_OUTCOME_NOT_YET_VALID: CandidateOutcome
CANDIDATE_OUTCOME_EXPERIMENT: CandidateOutcome
OUTCOME_KIND_UNSPECIFIED: OutcomeKind
OUTCOME_KIND_IMPRESSION: OutcomeKind
OUTCOME_KIND_CLICK: OutcomeKind
OUTCOME_KIND_CONVERSION: OutcomeKind
OUTCOME_KIND_DISMISS: OutcomeKind
CONTACT_PURPOSE_UNSPECIFIED: ContactPurpose
CONTACT_PURPOSE_MARKETING: ContactPurpose
CONTACT_PURPOSE_TRANSACTIONAL: ContactPurpose
CHANNEL_OUTCOME_UNSPECIFIED: ChannelOutcome
CHANNEL_OUTCOME_CHOSEN: ChannelOutcome
CHANNEL_OUTCOME_RANKED: ChannelOutcome
CHANNEL_OUTCOME_UNREACHABLE: ChannelOutcome
CHANNEL_OUTCOME_NO_CONSENT: ChannelOutcome
CHANNEL_OUTCOME_BUDGET_EXHAUSTED: ChannelOutcome

class PlacementContent(_message.Message):
    __slots__ = ("placement", "content_ref", "content")
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_REF_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    placement: Placement
    content_ref: str
    content: _struct_pb2.Struct
    def __init__(self, placement: _Optional[_Union[Placement, str]] = ..., content_ref: _Optional[str] = ..., content: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CustomerCap(_message.Message):
    __slots__ = ("max_per_day", "max_per_week", "max_lifetime")
    MAX_PER_DAY_FIELD_NUMBER: _ClassVar[int]
    MAX_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    MAX_LIFETIME_FIELD_NUMBER: _ClassVar[int]
    max_per_day: int
    max_per_week: int
    max_lifetime: int
    def __init__(self, max_per_day: _Optional[int] = ..., max_per_week: _Optional[int] = ..., max_lifetime: _Optional[int] = ...) -> None: ...

class GlobalCap(_message.Message):
    __slots__ = ("max_grants", "budget", "cost_per_grant")
    MAX_GRANTS_FIELD_NUMBER: _ClassVar[int]
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    COST_PER_GRANT_FIELD_NUMBER: _ClassVar[int]
    max_grants: int
    budget: float
    cost_per_grant: float
    def __init__(self, max_grants: _Optional[int] = ..., budget: _Optional[float] = ..., cost_per_grant: _Optional[float] = ...) -> None: ...

class Offer(_message.Message):
    __slots__ = ("offer_id", "display_name", "eligibility", "value", "weight", "content", "create_time", "version", "state", "placements", "valid_from", "valid_until", "customer_cap", "global_cap", "product_ids", "priority", "fallback", "propensity_model", "update_time")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ELIGIBILITY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PLACEMENTS_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_CAP_FIELD_NUMBER: _ClassVar[int]
    GLOBAL_CAP_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    FALLBACK_FIELD_NUMBER: _ClassVar[int]
    PROPENSITY_MODEL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    display_name: str
    eligibility: str
    value: float
    weight: float
    content: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    version: int
    state: OfferState
    placements: _containers.RepeatedCompositeFieldContainer[PlacementContent]
    valid_from: _timestamp_pb2.Timestamp
    valid_until: _timestamp_pb2.Timestamp
    customer_cap: CustomerCap
    global_cap: GlobalCap
    product_ids: _containers.RepeatedScalarFieldContainer[str]
    priority: int
    fallback: bool
    propensity_model: PropensityModel
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, offer_id: _Optional[str] = ..., display_name: _Optional[str] = ..., eligibility: _Optional[str] = ..., value: _Optional[float] = ..., weight: _Optional[float] = ..., content: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., state: _Optional[_Union[OfferState, str]] = ..., placements: _Optional[_Iterable[_Union[PlacementContent, _Mapping]]] = ..., valid_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., valid_until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., customer_cap: _Optional[_Union[CustomerCap, _Mapping]] = ..., global_cap: _Optional[_Union[GlobalCap, _Mapping]] = ..., product_ids: _Optional[_Iterable[str]] = ..., priority: _Optional[int] = ..., fallback: _Optional[bool] = ..., propensity_model: _Optional[_Union[PropensityModel, str]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateOfferRequest(_message.Message):
    __slots__ = ("offer", "idempotency_key")
    OFFER_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    idempotency_key: str
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ...) -> None: ...

class GetOfferRequest(_message.Message):
    __slots__ = ("offer_id", "version")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    version: int
    def __init__(self, offer_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ...) -> None: ...

class DecideRequest(_message.Message):
    __slots__ = ("customer_id", "context", "placement", "count", "experiment_id", "model_scores", "purchased_product_ids", "redeemed_offer_ids", "idempotency_key")
    class ModelScoresEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    MODEL_SCORES_FIELD_NUMBER: _ClassVar[int]
    PURCHASED_PRODUCT_IDS_FIELD_NUMBER: _ClassVar[int]
    REDEEMED_OFFER_IDS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    context: _struct_pb2.Struct
    placement: Placement
    count: int
    experiment_id: str
    model_scores: _containers.ScalarMap[str, float]
    purchased_product_ids: _containers.RepeatedScalarFieldContainer[str]
    redeemed_offer_ids: _containers.RepeatedScalarFieldContainer[str]
    idempotency_key: str
    def __init__(self, customer_id: _Optional[str] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., placement: _Optional[_Union[Placement, str]] = ..., count: _Optional[int] = ..., experiment_id: _Optional[str] = ..., model_scores: _Optional[_Mapping[str, float]] = ..., purchased_product_ids: _Optional[_Iterable[str]] = ..., redeemed_offer_ids: _Optional[_Iterable[str]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class DecideResponse(_message.Message):
    __slots__ = ("decision_id", "offer", "candidates", "offers", "placement", "arm_id", "holdout")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    OFFERS_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    ARM_ID_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    offer: Offer
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    offers: _containers.RepeatedCompositeFieldContainer[Offer]
    placement: Placement
    arm_id: str
    holdout: bool
    def __init__(self, decision_id: _Optional[str] = ..., offer: _Optional[_Union[Offer, _Mapping]] = ..., candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., offers: _Optional[_Iterable[_Union[Offer, _Mapping]]] = ..., placement: _Optional[_Union[Placement, str]] = ..., arm_id: _Optional[str] = ..., holdout: _Optional[bool] = ...) -> None: ...

class Candidate(_message.Message):
    __slots__ = ("offer_id", "outcome", "score", "reason", "offer_version", "propensity", "propensity_source", "priority", "rank")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OFFER_VERSION_FIELD_NUMBER: _ClassVar[int]
    PROPENSITY_FIELD_NUMBER: _ClassVar[int]
    PROPENSITY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    outcome: CandidateOutcome
    score: float
    reason: str
    offer_version: int
    propensity: float
    propensity_source: str
    priority: int
    rank: int
    def __init__(self, offer_id: _Optional[str] = ..., outcome: _Optional[_Union[CandidateOutcome, str]] = ..., score: _Optional[float] = ..., reason: _Optional[str] = ..., offer_version: _Optional[int] = ..., propensity: _Optional[float] = ..., propensity_source: _Optional[str] = ..., priority: _Optional[int] = ..., rank: _Optional[int] = ...) -> None: ...

class UpdateOfferRequest(_message.Message):
    __slots__ = ("offer", "update_mask", "idempotency_key")
    OFFER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    update_mask: _field_mask_pb2.FieldMask
    idempotency_key: str
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class UpdateOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ...) -> None: ...

class ListOffersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "show_archived", "placement")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SHOW_ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    show_archived: bool
    placement: Placement
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., show_archived: _Optional[bool] = ..., placement: _Optional[_Union[Placement, str]] = ...) -> None: ...

class ListOffersResponse(_message.Message):
    __slots__ = ("offers", "next_page_token")
    OFFERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    offers: _containers.RepeatedCompositeFieldContainer[Offer]
    next_page_token: str
    def __init__(self, offers: _Optional[_Iterable[_Union[Offer, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ArchiveOfferRequest(_message.Message):
    __slots__ = ("offer_id",)
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    def __init__(self, offer_id: _Optional[str] = ...) -> None: ...

class ArchiveOfferResponse(_message.Message):
    __slots__ = ("offer",)
    OFFER_FIELD_NUMBER: _ClassVar[int]
    offer: Offer
    def __init__(self, offer: _Optional[_Union[Offer, _Mapping]] = ...) -> None: ...

class RecordedOutcome(_message.Message):
    __slots__ = ("offer_id", "kind", "occur_time")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    kind: OutcomeKind
    occur_time: _timestamp_pb2.Timestamp
    def __init__(self, offer_id: _Optional[str] = ..., kind: _Optional[_Union[OutcomeKind, str]] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Decision(_message.Message):
    __slots__ = ("decision_id", "customer_id", "placement", "offer_ids", "candidates", "create_time", "experiment_id", "arm_id", "outcomes")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PLACEMENT_FIELD_NUMBER: _ClassVar[int]
    OFFER_IDS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARM_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    customer_id: str
    placement: Placement
    offer_ids: _containers.RepeatedScalarFieldContainer[str]
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    create_time: _timestamp_pb2.Timestamp
    experiment_id: str
    arm_id: str
    outcomes: _containers.RepeatedCompositeFieldContainer[RecordedOutcome]
    def __init__(self, decision_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., placement: _Optional[_Union[Placement, str]] = ..., offer_ids: _Optional[_Iterable[str]] = ..., candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., experiment_id: _Optional[str] = ..., arm_id: _Optional[str] = ..., outcomes: _Optional[_Iterable[_Union[RecordedOutcome, _Mapping]]] = ...) -> None: ...

class GetDecisionRequest(_message.Message):
    __slots__ = ("decision_id",)
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    def __init__(self, decision_id: _Optional[str] = ...) -> None: ...

class GetDecisionResponse(_message.Message):
    __slots__ = ("decision",)
    DECISION_FIELD_NUMBER: _ClassVar[int]
    decision: Decision
    def __init__(self, decision: _Optional[_Union[Decision, _Mapping]] = ...) -> None: ...

class RecordOutcomeRequest(_message.Message):
    __slots__ = ("decision_id", "offer_id", "kind", "occur_time")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    offer_id: str
    kind: OutcomeKind
    occur_time: _timestamp_pb2.Timestamp
    def __init__(self, decision_id: _Optional[str] = ..., offer_id: _Optional[str] = ..., kind: _Optional[_Union[OutcomeKind, str]] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RecordOutcomeResponse(_message.Message):
    __slots__ = ("duplicate",)
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    duplicate: bool
    def __init__(self, duplicate: _Optional[bool] = ...) -> None: ...

class ExperimentArm(_message.Message):
    __slots__ = ("arm_id", "weight", "control", "holdout", "offer_ids")
    ARM_ID_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    CONTROL_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_FIELD_NUMBER: _ClassVar[int]
    OFFER_IDS_FIELD_NUMBER: _ClassVar[int]
    arm_id: str
    weight: float
    control: bool
    holdout: bool
    offer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, arm_id: _Optional[str] = ..., weight: _Optional[float] = ..., control: _Optional[bool] = ..., holdout: _Optional[bool] = ..., offer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class Experiment(_message.Message):
    __slots__ = ("experiment_id", "display_name", "arms", "create_time")
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ARMS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    experiment_id: str
    display_name: str
    arms: _containers.RepeatedCompositeFieldContainer[ExperimentArm]
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, experiment_id: _Optional[str] = ..., display_name: _Optional[str] = ..., arms: _Optional[_Iterable[_Union[ExperimentArm, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateExperimentRequest(_message.Message):
    __slots__ = ("experiment", "idempotency_key")
    EXPERIMENT_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    experiment: Experiment
    idempotency_key: str
    def __init__(self, experiment: _Optional[_Union[Experiment, _Mapping]] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CreateExperimentResponse(_message.Message):
    __slots__ = ("experiment",)
    EXPERIMENT_FIELD_NUMBER: _ClassVar[int]
    experiment: Experiment
    def __init__(self, experiment: _Optional[_Union[Experiment, _Mapping]] = ...) -> None: ...

class GetExperimentRequest(_message.Message):
    __slots__ = ("experiment_id",)
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    experiment_id: str
    def __init__(self, experiment_id: _Optional[str] = ...) -> None: ...

class GetExperimentResponse(_message.Message):
    __slots__ = ("experiment",)
    EXPERIMENT_FIELD_NUMBER: _ClassVar[int]
    experiment: Experiment
    def __init__(self, experiment: _Optional[_Union[Experiment, _Mapping]] = ...) -> None: ...

class AssignVariantRequest(_message.Message):
    __slots__ = ("experiment_id", "customer_id")
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    experiment_id: str
    customer_id: str
    def __init__(self, experiment_id: _Optional[str] = ..., customer_id: _Optional[str] = ...) -> None: ...

class AssignVariantResponse(_message.Message):
    __slots__ = ("arm",)
    ARM_FIELD_NUMBER: _ClassVar[int]
    arm: ExperimentArm
    def __init__(self, arm: _Optional[_Union[ExperimentArm, _Mapping]] = ...) -> None: ...

class GetExperimentResultsRequest(_message.Message):
    __slots__ = ("experiment_id",)
    EXPERIMENT_ID_FIELD_NUMBER: _ClassVar[int]
    experiment_id: str
    def __init__(self, experiment_id: _Optional[str] = ...) -> None: ...

class ArmResult(_message.Message):
    __slots__ = ("arm_id", "exposures", "conversions", "conversion_rate", "control", "uplift", "uplift_ci_low", "uplift_ci_high", "relative_uplift", "p_value", "probability_best")
    ARM_ID_FIELD_NUMBER: _ClassVar[int]
    EXPOSURES_FIELD_NUMBER: _ClassVar[int]
    CONVERSIONS_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    CONTROL_FIELD_NUMBER: _ClassVar[int]
    UPLIFT_FIELD_NUMBER: _ClassVar[int]
    UPLIFT_CI_LOW_FIELD_NUMBER: _ClassVar[int]
    UPLIFT_CI_HIGH_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_UPLIFT_FIELD_NUMBER: _ClassVar[int]
    P_VALUE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_BEST_FIELD_NUMBER: _ClassVar[int]
    arm_id: str
    exposures: int
    conversions: int
    conversion_rate: float
    control: bool
    uplift: float
    uplift_ci_low: float
    uplift_ci_high: float
    relative_uplift: float
    p_value: float
    probability_best: float
    def __init__(self, arm_id: _Optional[str] = ..., exposures: _Optional[int] = ..., conversions: _Optional[int] = ..., conversion_rate: _Optional[float] = ..., control: _Optional[bool] = ..., uplift: _Optional[float] = ..., uplift_ci_low: _Optional[float] = ..., uplift_ci_high: _Optional[float] = ..., relative_uplift: _Optional[float] = ..., p_value: _Optional[float] = ..., probability_best: _Optional[float] = ...) -> None: ...

class GetExperimentResultsResponse(_message.Message):
    __slots__ = ("arms", "sample_ratio_p_value", "sample_ratio_mismatch", "warning")
    ARMS_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_RATIO_P_VALUE_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_RATIO_MISMATCH_FIELD_NUMBER: _ClassVar[int]
    WARNING_FIELD_NUMBER: _ClassVar[int]
    arms: _containers.RepeatedCompositeFieldContainer[ArmResult]
    sample_ratio_p_value: float
    sample_ratio_mismatch: bool
    warning: str
    def __init__(self, arms: _Optional[_Iterable[_Union[ArmResult, _Mapping]]] = ..., sample_ratio_p_value: _Optional[float] = ..., sample_ratio_mismatch: _Optional[bool] = ..., warning: _Optional[str] = ...) -> None: ...

class BestSendTimeRequest(_message.Message):
    __slots__ = ("customer_id", "window_start", "window_end", "time_zone")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    WINDOW_START_FIELD_NUMBER: _ClassVar[int]
    WINDOW_END_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    window_start: _timestamp_pb2.Timestamp
    window_end: _timestamp_pb2.Timestamp
    time_zone: str
    def __init__(self, customer_id: _Optional[str] = ..., window_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., window_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., time_zone: _Optional[str] = ...) -> None: ...

class BestSendTimeResponse(_message.Message):
    __slots__ = ("send_time", "time_zone", "local_hour_of_week", "score", "customer_engagements", "reason")
    SEND_TIME_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    LOCAL_HOUR_OF_WEEK_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ENGAGEMENTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    send_time: _timestamp_pb2.Timestamp
    time_zone: str
    local_hour_of_week: int
    score: float
    customer_engagements: int
    reason: str
    def __init__(self, send_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., time_zone: _Optional[str] = ..., local_hour_of_week: _Optional[int] = ..., score: _Optional[float] = ..., customer_engagements: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ChannelCandidate(_message.Message):
    __slots__ = ("channel", "cost", "remaining_contacts")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    REMAINING_CONTACTS_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    cost: float
    remaining_contacts: int
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., cost: _Optional[float] = ..., remaining_contacts: _Optional[int] = ...) -> None: ...

class ChooseChannelRequest(_message.Message):
    __slots__ = ("customer_id", "candidates", "purpose", "engagement_value")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_VALUE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    candidates: _containers.RepeatedCompositeFieldContainer[ChannelCandidate]
    purpose: ContactPurpose
    engagement_value: float
    def __init__(self, customer_id: _Optional[str] = ..., candidates: _Optional[_Iterable[_Union[ChannelCandidate, _Mapping]]] = ..., purpose: _Optional[_Union[ContactPurpose, str]] = ..., engagement_value: _Optional[float] = ...) -> None: ...

class RankedChannel(_message.Message):
    __slots__ = ("channel", "outcome", "rank", "score", "engagement_rate", "trials", "successes", "workspace_rate", "cost", "addresses", "reason")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_RATE_FIELD_NUMBER: _ClassVar[int]
    TRIALS_FIELD_NUMBER: _ClassVar[int]
    SUCCESSES_FIELD_NUMBER: _ClassVar[int]
    WORKSPACE_RATE_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    outcome: ChannelOutcome
    rank: int
    score: float
    engagement_rate: float
    trials: int
    successes: int
    workspace_rate: float
    cost: float
    addresses: int
    reason: str
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., outcome: _Optional[_Union[ChannelOutcome, str]] = ..., rank: _Optional[int] = ..., score: _Optional[float] = ..., engagement_rate: _Optional[float] = ..., trials: _Optional[int] = ..., successes: _Optional[int] = ..., workspace_rate: _Optional[float] = ..., cost: _Optional[float] = ..., addresses: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ChooseChannelResponse(_message.Message):
    __slots__ = ("channel", "channels", "customer_id", "purpose")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    channel: _common_pb2.DeliveryChannel
    channels: _containers.RepeatedCompositeFieldContainer[RankedChannel]
    customer_id: str
    purpose: ContactPurpose
    def __init__(self, channel: _Optional[_Union[_common_pb2.DeliveryChannel, str]] = ..., channels: _Optional[_Iterable[_Union[RankedChannel, _Mapping]]] = ..., customer_id: _Optional[str] = ..., purpose: _Optional[_Union[ContactPurpose, str]] = ...) -> None: ...
