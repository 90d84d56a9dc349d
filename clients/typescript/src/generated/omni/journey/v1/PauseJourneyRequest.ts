// Original file: omni/journey/v1/journey.proto


export interface PauseJourneyRequest {
  'journeyId'?: (string);
}

export interface PauseJourneyRequest__Output {
  'journeyId': (string);
}
