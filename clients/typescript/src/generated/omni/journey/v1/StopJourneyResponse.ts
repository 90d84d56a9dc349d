// Original file: omni/journey/v1/journey.proto

import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from '../../../omni/journey/v1/Journey';
import type { Long } from '@grpc/proto-loader';

export interface StopJourneyResponse {
  'journey'?: (_omni_journey_v1_Journey | null);
  'exitedRuns'?: (number | string | Long);
}

export interface StopJourneyResponse__Output {
  'journey': (_omni_journey_v1_Journey__Output | null);
  'exitedRuns': (string);
}
