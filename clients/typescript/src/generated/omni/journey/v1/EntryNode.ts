// Original file: omni/journey/v1/journey.proto

import type { ScheduleEntry as _omni_journey_v1_ScheduleEntry, ScheduleEntry__Output as _omni_journey_v1_ScheduleEntry__Output } from '../../../omni/journey/v1/ScheduleEntry';

export interface EntryNode {
  'eventType'?: (string);
  'filter'?: (string);
  'segmentId'?: (string);
  'schedule'?: (_omni_journey_v1_ScheduleEntry | null);
}

export interface EntryNode__Output {
  'eventType': (string);
  'filter': (string);
  'segmentId': (string);
  'schedule': (_omni_journey_v1_ScheduleEntry__Output | null);
}
