// Original file: omni/journey/v1/journey.proto


export interface ResumeJourneyRequest {
  'journeyId'?: (string);
}

export interface ResumeJourneyRequest__Output {
  'journeyId': (string);
}
