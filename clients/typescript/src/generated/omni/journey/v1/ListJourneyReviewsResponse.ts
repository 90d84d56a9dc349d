// Original file: omni/journey/v1/journey.proto

import type { JourneyReviewEntry as _omni_journey_v1_JourneyReviewEntry, JourneyReviewEntry__Output as _omni_journey_v1_JourneyReviewEntry__Output } from '../../../omni/journey/v1/JourneyReviewEntry';

export interface ListJourneyReviewsResponse {
  'entries'?: (_omni_journey_v1_JourneyReviewEntry)[];
}

export interface ListJourneyReviewsResponse__Output {
  'entries': (_omni_journey_v1_JourneyReviewEntry__Output)[];
}
