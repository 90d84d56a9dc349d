// Original file: omni/journey/v1/journey.proto

import type { JourneyReviewSettings as _omni_journey_v1_JourneyReviewSettings, JourneyReviewSettings__Output as _omni_journey_v1_JourneyReviewSettings__Output } from '../../../omni/journey/v1/JourneyReviewSettings';

export interface UpdateJourneyReviewSettingsResponse {
  'settings'?: (_omni_journey_v1_JourneyReviewSettings | null);
}

export interface UpdateJourneyReviewSettingsResponse__Output {
  'settings': (_omni_journey_v1_JourneyReviewSettings__Output | null);
}
