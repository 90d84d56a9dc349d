// Original file: omni/journey/v1/journey.proto


export interface ApproveJourneyRequest {
  'journeyId'?: (string);
  'comment'?: (string);
}

export interface ApproveJourneyRequest__Output {
  'journeyId': (string);
  'comment': (string);
}
