// Original file: omni/journey/v1/journey.proto

import type { EventCriterion as _omni_journey_v1_EventCriterion, EventCriterion__Output as _omni_journey_v1_EventCriterion__Output } from '../../../omni/journey/v1/EventCriterion';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface WaitForEventNode {
  'event'?: (_omni_journey_v1_EventCriterion | null);
  'timeout'?: (_google_protobuf_Duration | null);
  'eventNextNodeId'?: (string);
  'timeoutNextNodeId'?: (string);
}

export interface WaitForEventNode__Output {
  'event': (_omni_journey_v1_EventCriterion__Output | null);
  'timeout': (_google_protobuf_Duration__Output | null);
  'eventNextNodeId': (string);
  'timeoutNextNodeId': (string);
}
