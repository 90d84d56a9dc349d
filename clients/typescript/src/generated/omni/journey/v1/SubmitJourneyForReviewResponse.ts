// Original file: omni/journey/v1/journey.proto

import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from '../../../omni/journey/v1/Journey';

export interface SubmitJourneyForReviewResponse {
  'journey'?: (_omni_journey_v1_Journey | null);
}

export interface SubmitJourneyForReviewResponse__Output {
  'journey': (_omni_journey_v1_Journey__Output | null);
}
