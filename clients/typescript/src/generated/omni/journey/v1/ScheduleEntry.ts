// Original file: omni/journey/v1/journey.proto

import type { ScheduleRecurrence as _omni_journey_v1_ScheduleRecurrence, ScheduleRecurrence__Output as _omni_journey_v1_ScheduleRecurrence__Output } from '../../../omni/journey/v1/ScheduleRecurrence';

export interface ScheduleEntry {
  'recurrence'?: (_omni_journey_v1_ScheduleRecurrence);
  'date'?: (string);
  'hour'?: (number);
  'minute'?: (number);
  'weekdays'?: (number)[];
  'segmentId'?: (string);
  'customerIds'?: (string)[];
  'defaultTimeZone'?: (string);
}

export interface ScheduleEntry__Output {
  'recurrence': (_omni_journey_v1_ScheduleRecurrence__Output);
  'date': (string);
  'hour': (number);
  'minute': (number);
  'weekdays': (number)[];
  'segmentId': (string);
  'customerIds': (string)[];
  'defaultTimeZone': (string);
}
