// Original file: omni/journey/v1/journey.proto


export interface GetJourneyRequest {
  'journeyId'?: (string);
}

export interface GetJourneyRequest__Output {
  'journeyId': (string);
}
