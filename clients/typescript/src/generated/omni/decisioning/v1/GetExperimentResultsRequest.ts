// Original file: omni/decisioning/v1/decisioning.proto


export interface GetExperimentResultsRequest {
  'experimentId'?: (string);
}

export interface GetExperimentResultsRequest__Output {
  'experimentId': (string);
}
