// Original file: omni/journey/v1/journey.proto

import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from '../../../omni/journey/v1/Journey';

export interface UpdateJourneyDraftResponse {
  'journey'?: (_omni_journey_v1_Journey | null);
}

export interface UpdateJourneyDraftResponse__Output {
  'journey': (_omni_journey_v1_Journey__Output | null);
}
