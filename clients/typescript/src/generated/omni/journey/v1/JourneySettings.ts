// Original file: omni/journey/v1/journey.proto

import type { ReentryPolicy as _omni_journey_v1_ReentryPolicy, ReentryPolicy__Output as _omni_journey_v1_ReentryPolicy__Output } from '../../../omni/journey/v1/ReentryPolicy';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { EventCriterion as _omni_journey_v1_EventCriterion, EventCriterion__Output as _omni_journey_v1_EventCriterion__Output } from '../../../omni/journey/v1/EventCriterion';
import type { Goal as _omni_journey_v1_Goal, Goal__Output as _omni_journey_v1_Goal__Output } from '../../../omni/journey/v1/Goal';
import type { NoSlotAction as _omni_journey_v1_NoSlotAction, NoSlotAction__Output as _omni_journey_v1_NoSlotAction__Output } from '../../../omni/journey/v1/NoSlotAction';

export interface JourneySettings {
  'reentry'?: (_omni_journey_v1_ReentryPolicy);
  'reentryPeriod'?: (_google_protobuf_Duration | null);
  'allowConcurrentRuns'?: (boolean);
  'exitEvent'?: (_omni_journey_v1_EventCriterion | null);
  'exitSegmentId'?: (string);
  'goal'?: (_omni_journey_v1_Goal | null);
  'maxEntriesPerMinute'?: (number);
  'priority'?: (number);
  'onNoSlot'?: (_omni_journey_v1_NoSlotAction);
}

export interface JourneySettings__Output {
  'reentry': (_omni_journey_v1_ReentryPolicy__Output);
  'reentryPeriod': (_google_protobuf_Duration__Output | null);
  'allowConcurrentRuns': (boolean);
  'exitEvent': (_omni_journey_v1_EventCriterion__Output | null);
  'exitSegmentId': (string);
  'goal': (_omni_journey_v1_Goal__Output | null);
  'maxEntriesPerMinute': (number);
  'priority': (number);
  'onNoSlot': (_omni_journey_v1_NoSlotAction__Output);
}
