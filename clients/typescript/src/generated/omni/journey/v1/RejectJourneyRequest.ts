// Original file: omni/journey/v1/journey.proto


export interface RejectJourneyRequest {
  'journeyId'?: (string);
  'comment'?: (string);
}

export interface RejectJourneyRequest__Output {
  'journeyId': (string);
  'comment': (string);
}
