// Original file: omni/journey/v1/journey.proto


export interface ListJourneyReviewsRequest {
  'journeyId'?: (string);
}

export interface ListJourneyReviewsRequest__Output {
  'journeyId': (string);
}
