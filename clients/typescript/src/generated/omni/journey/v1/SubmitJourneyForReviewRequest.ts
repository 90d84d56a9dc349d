// Original file: omni/journey/v1/journey.proto


export interface SubmitJourneyForReviewRequest {
  'journeyId'?: (string);
  'comment'?: (string);
}

export interface SubmitJourneyForReviewRequest__Output {
  'journeyId': (string);
  'comment': (string);
}
