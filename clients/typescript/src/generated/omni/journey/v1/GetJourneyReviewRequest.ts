// Original file: omni/journey/v1/journey.proto


export interface GetJourneyReviewRequest {
  'journeyId'?: (string);
}

export interface GetJourneyReviewRequest__Output {
  'journeyId': (string);
}
