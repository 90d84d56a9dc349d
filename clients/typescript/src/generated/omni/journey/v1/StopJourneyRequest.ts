// Original file: omni/journey/v1/journey.proto


export interface StopJourneyRequest {
  'journeyId'?: (string);
}

export interface StopJourneyRequest__Output {
  'journeyId': (string);
}
