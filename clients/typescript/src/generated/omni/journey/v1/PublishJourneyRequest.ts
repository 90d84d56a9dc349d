// Original file: omni/journey/v1/journey.proto


export interface PublishJourneyRequest {
  'journeyId'?: (string);
}

export interface PublishJourneyRequest__Output {
  'journeyId': (string);
}
