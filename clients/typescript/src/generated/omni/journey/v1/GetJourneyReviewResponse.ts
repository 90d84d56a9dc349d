// Original file: omni/journey/v1/journey.proto

import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from '../../../omni/journey/v1/Journey';
import type { JourneyDiff as _omni_journey_v1_JourneyDiff, JourneyDiff__Output as _omni_journey_v1_JourneyDiff__Output } from '../../../omni/journey/v1/JourneyDiff';
import type { JourneyReviewEntry as _omni_journey_v1_JourneyReviewEntry, JourneyReviewEntry__Output as _omni_journey_v1_JourneyReviewEntry__Output } from '../../../omni/journey/v1/JourneyReviewEntry';

export interface GetJourneyReviewResponse {
  'journey'?: (_omni_journey_v1_Journey | null);
  'approvalRequired'?: (boolean);
  'diff'?: (_omni_journey_v1_JourneyDiff | null);
  'history'?: (_omni_journey_v1_JourneyReviewEntry)[];
}

export interface GetJourneyReviewResponse__Output {
  'journey': (_omni_journey_v1_Journey__Output | null);
  'approvalRequired': (boolean);
  'diff': (_omni_journey_v1_JourneyDiff__Output | null);
  'history': (_omni_journey_v1_JourneyReviewEntry__Output)[];
}
