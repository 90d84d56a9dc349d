// Original file: omni/journey/v1/journey.proto

import type { RunState as _omni_journey_v1_RunState, RunState__Output as _omni_journey_v1_RunState__Output } from '../../../omni/journey/v1/RunState';

export interface ListRunsRequest {
  'journeyId'?: (string);
  'customerId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
  'state'?: (_omni_journey_v1_RunState);
}

export interface ListRunsRequest__Output {
  'journeyId': (string);
  'customerId': (string);
  'pageSize': (number);
  'pageToken': (string);
  'state': (_omni_journey_v1_RunState__Output);
}
