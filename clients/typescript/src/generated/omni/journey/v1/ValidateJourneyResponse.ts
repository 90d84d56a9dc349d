// Original file: omni/journey/v1/journey.proto

import type { ValidationProblem as _omni_journey_v1_ValidationProblem, ValidationProblem__Output as _omni_journey_v1_ValidationProblem__Output } from '../../../omni/journey/v1/ValidationProblem';

export interface ValidateJourneyResponse {
  'valid'?: (boolean);
  'problems'?: (_omni_journey_v1_ValidationProblem)[];
}

export interface ValidateJourneyResponse__Output {
  'valid': (boolean);
  'problems': (_omni_journey_v1_ValidationProblem__Output)[];
}
