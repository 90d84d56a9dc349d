// Original file: omni/journey/v1/journey.proto


export interface GetRunRequest {
  'runId'?: (string);
}

export interface GetRunRequest__Output {
  'runId': (string);
}
